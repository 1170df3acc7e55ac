"""`fieldtech render`: write a repair slip, pickup receipt or return receipt to a PDF file, headless."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

DOCUMENTS = ("repair-slip", "pickup-receipt", "return-receipt")


def register(subparsers: Any) -> None:
    """Add the `render` subcommand to the `fieldtech` command line."""
    parser = subparsers.add_parser(
        "render",
        help="render a document to PDF",
        description="Render a repair slip, pickup receipt or return receipt to a PDF file.",
    )
    parser.add_argument("document", choices=DOCUMENTS)
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--job", metavar="TICKET", help="ticket number of the job (YYYYMM-NNN)")
    source.add_argument("--sample", action="store_true", help="render realistic sample data")
    parser.add_argument("--paper", choices=("a4", "letter", "80mm"), required=True)
    parser.add_argument("--lang", choices=("en", "zh", "both"), default="en")
    parser.add_argument("--unsigned", action="store_true", help="sample only: leave it unsigned")
    parser.add_argument("--logo", type=Path, help="logo image for the sample company header")
    parser.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    parser.set_defaults(handler=run)


def _sample(document: str, args: argparse.Namespace) -> Any:
    from fieldtech.documents import sample

    company = sample.sample_company(args.logo)
    signed = not args.unsigned
    if document == "repair-slip":
        return sample.sample_repair_slip(company, signed)
    if document == "pickup-receipt":
        return sample.sample_pickup_receipt(company, signed)
    return sample.sample_return_receipt(company, signed)


def _company_header() -> Any:
    """The company block from the company settings (their defaults until the office sets them)."""
    from fieldtech.company import CompanySettings
    from fieldtech.documents.data import CompanyHeader

    settings = CompanySettings()
    return CompanyHeader(
        name=settings.name,
        address=settings.address,
        phone=settings.phone,
        logo_path=Path(settings.logo_path) if settings.logo_path else None,
        currency=settings.currency,
        time_zone=settings.timezone,
    )


def _warranty(job: Any) -> Any:
    """Free or paid from the item's category warranty period, on the day of the visit."""
    from fieldtech.documents.build import NO_WARRANTY
    from fieldtech.documents.data import WarrantyInfo
    from fieldtech.domain.errors import FieldTechError
    from fieldtech.rules.warranty import warranty_status

    item = job.item
    if item is None or item.category is None:
        return NO_WARRANTY
    visit = job.visits[-1] if job.visits else None
    on = visit.arrived_at.date() if visit and visit.arrived_at else dt.date.today()
    try:
        decision = warranty_status(item.purchase_date, item.category.warranty_months, on)
    except FieldTechError:
        return NO_WARRANTY
    return WarrantyInfo(decision.in_warranty, decision.reason.value)


def _from_job(document: str, args: argparse.Namespace) -> Any:
    from fieldtech.documents import build
    from fieldtech.models import Job
    from ui.profile import open_session_for

    company = _company_header()
    with open_session_for(args) as session:
        job_id = build.job_id_for_ticket(session, args.job)
        if document == "repair-slip":
            job = session.get(Job, job_id)
            return build.repair_slip_data(session, job_id, company, _warranty(job))
        if document == "pickup-receipt":
            return build.pickup_receipt_data(
                session, build.latest_pickup_for_job(session, job_id), company
            )
        return build.return_receipt_data(
            session, build.latest_return_for_job(session, job_id), company
        )


def run(args: argparse.Namespace) -> int:
    """Render and write the file; warnings (missing logo, broken photo) go to stderr."""
    from fieldtech.documents.render import render_result
    from fieldtech.domain.errors import FieldTechError

    try:
        data = _sample(args.document, args) if args.sample else _from_job(args.document, args)
    except FieldTechError as exc:
        print(f"fieldtech render: {exc.message}", file=sys.stderr)
        return 2
    result = render_result(data, args.paper, args.lang)
    args.out.write_bytes(result.pdf)
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(f"{args.out} ({len(result.pdf)} bytes, verification code {result.verification_code})")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run `render` on its own (python -m ui.commands.render ...), as the fieldtech CLI would."""
    parser = argparse.ArgumentParser(prog="fieldtech")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return int(args.handler(args))


if __name__ == "__main__":
    sys.exit(main())

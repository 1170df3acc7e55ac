"""`fieldtech render`: write a repair slip, pickup receipt or return receipt to a PDF file, headless."""

from __future__ import annotations

import argparse
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


def _from_job(document: str, args: argparse.Namespace) -> Any:
    from fieldtech.documents import build
    from fieldtech.usecases.documents import document_for
    from ui.profile import open_session_for

    with open_session_for(args) as session:
        return document_for(session, document, build.job_id_for_ticket(session, args.job))


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

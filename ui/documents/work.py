"""Rendering a job's document off the GUI thread: the store's data, then reportlab's PDF."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Literal, cast

from sqlalchemy import exists, select

from fieldtech.models.workshop import PickupReceipt, ReturnReceipt
from fieldtech.usecases.common import Db
from fieldtech.usecases.documents import company_settings, document_for

Kind = Literal["repair-slip", "pickup-receipt", "return-receipt"]
PaperName = Literal["a4", "letter", "80mm"]
KINDS: tuple[Kind, ...] = ("repair-slip", "pickup-receipt", "return-receipt")
PAPERS: tuple[PaperName, ...] = ("a4", "letter", "80mm")


@dataclass(frozen=True)
class RenderedDocument:
    job_id: uuid.UUID
    kind: Kind
    paper: PaperName
    pdf: bytes
    verification_code: str
    warnings: tuple[str, ...]


def warm_up() -> None:
    """Import reportlab and load the bundled fonts, so the first document opens at once; run
    on the database worker once the main window is up."""
    from fieldtech.documents import fonts

    fonts.register_fonts()


def render_job_document(
    read_db: Db, job_id: uuid.UUID, kind: Kind, paper: PaperName = "a4"
) -> RenderedDocument:
    """The job's latest document of `kind`, in the company's document language.

    Raises FieldTechError (plain words) when the job has no such document yet.
    """
    # reportlab and the fonts are loaded on first use (or by warm_up), not at start-up.
    from fieldtech.documents.render import render_result

    with read_db() as session:
        data = document_for(session, kind, job_id)
        lang = company_settings(session).document_language.value
    rendered = render_result(data, paper, cast(Literal["en", "zh", "both"], lang))
    return RenderedDocument(
        job_id=job_id,
        kind=kind,
        paper=paper,
        pdf=rendered.pdf,
        verification_code=rendered.verification_code,
        warnings=rendered.warnings,
    )


def available_kinds(read_db: Db, job_id: uuid.UUID) -> list[Kind]:
    """The documents this job has: always its repair slip, receipts once an item was taken back."""
    with read_db() as session:
        taken = session.scalar(select(exists().where(PickupReceipt.job_id == job_id)))
        returned = session.scalar(
            select(
                exists()
                .where(ReturnReceipt.pickup_id == PickupReceipt.id)
                .where(PickupReceipt.job_id == job_id)
            )
        )
    kinds: list[Kind] = ["repair-slip"]
    if taken:
        kinds.append("pickup-receipt")
    if returned:
        kinds.append("return-receipt")
    return kinds

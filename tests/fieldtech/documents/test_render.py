"""Each document renders on each paper, in each language, and reads back as text."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from fieldtech.documents.layout import Paper
from fieldtech.documents.render import render_result
from fieldtech.documents.sample import (
    sample_company,
    sample_pickup_receipt,
    sample_repair_slip,
    sample_return_receipt,
)
from tests.fieldtech.documents.conftest import pdf_text

SAMPLES = {
    "repair_slip": sample_repair_slip,
    "pickup_receipt": sample_pickup_receipt,
    "return_receipt": sample_return_receipt,
}


@pytest.mark.parametrize("paper", ["a4", "letter", "80mm"])
@pytest.mark.parametrize("kind", sorted(SAMPLES))
def test_render_each_document_and_paper_gives_pdf_with_its_numbers(
    kind: str, paper: Paper, tmp_path: Path
) -> None:
    data = SAMPLES[kind]()
    result = render_result(data, paper, "both")
    assert result.pdf.startswith(b"%PDF-")
    assert result.warnings == ()
    text = pdf_text(result.pdf, tmp_path)
    assert data.ticket_number in text
    assert result.verification_code in text
    assert "Page 1 of 1" in text or "Page 1 of 2" in text


@pytest.mark.parametrize(("lang", "title"), [("en", "Repair slip"), ("zh", "维修单")])
def test_render_language_prints_its_labels_only(lang: str, title: str, tmp_path: Path) -> None:
    text = pdf_text(render_result(sample_repair_slip(), "a4", lang).pdf, tmp_path)  # type: ignore[arg-type]
    assert title in text
    other = "维修单" if lang == "en" else "Repair slip"
    assert other not in text


def test_render_unsigned_is_marked_draft(tmp_path: Path) -> None:
    signed = pdf_text(render_result(sample_repair_slip(), "a4", "both").pdf, tmp_path, "s")
    draft = pdf_text(
        render_result(sample_repair_slip(signed=False), "a4", "both").pdf, tmp_path, "d"
    )
    assert "Draft: not signed by the customer" in draft
    assert "草稿:客户尚未签名" in draft
    assert "not signed by the customer" not in signed


def test_render_missing_logo_warns_and_renders_rest(tmp_path: Path) -> None:
    company = sample_company(tmp_path / "no-such-logo.png")
    result = render_result(sample_repair_slip(company), "a4", "en")
    assert any("logo" in w and "no-such-logo.png" in w for w in result.warnings)
    assert "王小明" in pdf_text(result.pdf, tmp_path)


def test_render_logo_present_is_drawn(tmp_path: Path) -> None:
    from PIL import Image

    logo = tmp_path / "logo.png"
    Image.new("RGB", (200, 80), (29, 79, 145)).save(logo)
    slip = sample_repair_slip(sample_company(logo))
    with_logo = render_result(slip, "a4", "en")
    without = render_result(dataclasses.replace(slip, company=sample_company()), "a4", "en")
    assert with_logo.warnings == ()
    assert b"/Subtype /Image" in with_logo.pdf
    assert with_logo.pdf.count(b"/Subtype /Image") > without.pdf.count(b"/Subtype /Image")


def test_render_unknown_paper_names_the_choices() -> None:
    with pytest.raises(ValueError, match="a4, letter, 80mm"):
        render_result(sample_repair_slip(), "a5", "en")  # type: ignore[arg-type]

"""Read rendered documents back with poppler and zbar: names in any script, fonts, QR, pages."""

from __future__ import annotations

import dataclasses
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

from fieldtech.documents.data import CustomerInfo, PartLine, Photo, RepairSlipData
from fieldtech.documents.layout import Paper
from fieldtech.documents.render import render_result
from fieldtech.documents.sample import (
    sample_pickup_receipt,
    sample_repair_slip,
    sample_return_receipt,
)
from tests.fieldtech.documents.conftest import decode_qr, page_count, pdf_fonts, pdf_text
from tests.tools import need_executable

NAMES = ["王小明", "José Müller-Ñúñez", "محمد بن علي", "陳大文"]


@pytest.mark.parametrize("paper", ["a4", "80mm"])
def test_pdftotext_names_in_every_script_read_back_in_logical_order(
    paper: Paper, tmp_path: Path
) -> None:
    slip = sample_repair_slip()
    for name in NAMES:
        data = dataclasses.replace(slip, customer=CustomerInfo(name, "1", f"{name} Street 1"))
        text = pdf_text(render_result(data, paper, "en").pdf, tmp_path)
        assert name in text, name


@pytest.mark.parametrize("paper", ["a4", "80mm"])
def test_pdffonts_every_font_embedded_and_subset(paper: Paper, tmp_path: Path) -> None:
    rows = pdf_fonts(render_result(sample_return_receipt(), paper, "both").pdf, tmp_path)
    names = [row[0] for row in rows]
    assert any("NotoSansArabic" in n for n in names)
    assert any("DroidSansFallback" in n for n in names)
    for row in rows:
        emb, sub = row[-5], row[-4]
        assert (row[0], emb, sub) == (row[0], "yes", "yes")


@pytest.mark.parametrize("paper", ["a4", "letter", "80mm"])
@pytest.mark.parametrize("kind", ["repair_slip", "pickup_receipt", "return_receipt"])
def test_zbarimg_qr_on_page_gives_ticket_and_code(kind: str, paper: Paper, tmp_path: Path) -> None:
    data = {
        "repair_slip": sample_repair_slip,
        "pickup_receipt": sample_pickup_receipt,
        "return_receipt": sample_return_receipt,
    }[kind]()
    result = render_result(data, paper, "zh")
    receipt = "" if kind == "repair_slip" else data.receipt_number  # type: ignore[union-attr]
    expected = f"FT1|{data.ticket_number}|{receipt}|{result.verification_code}"
    assert decode_qr(result.pdf, tmp_path) == [expected]


@pytest.mark.parametrize("paper", ["a4", "80mm"])
def test_zbarimg_unsigned_draft_qr_still_reads(paper: Paper, tmp_path: Path) -> None:
    result = render_result(sample_pickup_receipt(signed=False), paper, "both")
    assert decode_qr(result.pdf, tmp_path) == [
        f"FT1|202611-018|P-K7Q2-000124|{result.verification_code}"
    ]


@pytest.mark.parametrize("paper", ["a4", "80mm"])
def test_render_same_input_twice_identical_bytes(paper: Paper) -> None:
    first = render_result(sample_pickup_receipt(), paper, "both").pdf
    assert render_result(sample_pickup_receipt(), paper, "both").pdf == first


def test_render_changed_signed_field_changes_printed_code(tmp_path: Path) -> None:
    slip = sample_repair_slip()
    changed = dataclasses.replace(slip, cause=slip.cause + " Also a loose belt.")
    before, after = render_result(slip, "a4", "en"), render_result(changed, "a4", "en")
    assert before.verification_code != after.verification_code
    assert after.verification_code in pdf_text(after.pdf, tmp_path)
    assert before.verification_code not in pdf_text(after.pdf, tmp_path, "after")


def _long_slip() -> RepairSlipData:
    words = " ".join(f"w{i:04d}" for i in range(1200))
    slip = sample_repair_slip()
    return dataclasses.replace(
        slip,
        customer=CustomerInfo(
            "Maximilian Alexander " * 12 + "王小明" * 30,
            "+86 138 0013 8000",
            " ".join(f"a{i:03d}" for i in range(260)),
        ),
        symptoms=words,
        work_done="\n".join(f"line {i:03d}: 更换了部件 part fitted" for i in range(90)),
    )


@pytest.mark.parametrize("paper", ["a4", "80mm"])
def test_long_content_flows_onto_more_pages_nothing_clipped(paper: Paper, tmp_path: Path) -> None:
    data = _long_slip()
    result = render_result(data, paper, "en")
    text = pdf_text(result.pdf, tmp_path)
    squashed = "".join(text.split())
    for token in data.symptoms.split() + data.customer.address.split():
        assert token in text, token
    for line in data.work_done.splitlines():
        assert "".join(line.split()) in squashed, line
    assert "王小明" * 30 in squashed
    if paper == "a4":
        assert page_count(result.pdf, tmp_path) >= 3
        assert f"Page 3 of {page_count(result.pdf, tmp_path)}" in text


def test_roll_length_follows_content(tmp_path: Path) -> None:
    exe = need_executable("pdfinfo", "poppler-utils")

    def size(pdf: bytes, name: str) -> tuple[float, float]:
        path = tmp_path / f"{name}.pdf"
        path.write_bytes(pdf)
        info = subprocess.run([exe, str(path)], capture_output=True, text=True, check=True).stdout
        line = next(x for x in info.splitlines() if x.startswith("Page size:"))
        w, _, h = line.split()[2:5]
        return float(w), float(h)

    short = size(render_result(sample_pickup_receipt(), "80mm", "en").pdf, "short")
    long = size(render_result(_long_slip(), "80mm", "en").pdf, "long")
    assert round(short[0] / 72 * 25.4) == 80
    assert long[1] > short[1] * 3


def test_sixty_parts_repeat_the_table_header_on_every_page(tmp_path: Path) -> None:
    parts = tuple(
        PartLine(
            f"PN-{i:03d}",
            f"Spare part number {i}",
            1,
            f"OLD{i:03d}",
            f"NEW{i:03d}",
            Decimal("9.90"),
        )
        for i in range(60)
    )
    result = render_result(dataclasses.replace(sample_repair_slip(), parts=parts), "a4", "en")
    text = pdf_text(result.pdf, tmp_path)
    for part in parts:
        assert part.part_number in text
    pages_with_parts = sum(1 for page in text.split("\f") if "PN-" in page)
    assert pages_with_parts >= 2
    assert text.count("Serial removed") == pages_with_parts


def test_unknown_character_drawn_as_replacement_and_reported(tmp_path: Path) -> None:
    data = dataclasses.replace(sample_repair_slip(), customer=CustomerInfo("Ana \U00013000 Lee"))
    result = render_result(data, "a4", "en")
    assert "Ana \ufffd Lee" in pdf_text(result.pdf, tmp_path)
    assert any("\U00013000" in w for w in result.warnings)


def test_broken_photo_warns_and_renders_the_rest(tmp_path: Path) -> None:
    from PIL import Image

    good = tmp_path / "good.jpg"
    Image.new("RGB", (320, 240), (200, 120, 40)).save(good)
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"\xff\xd8 not really a jpeg")
    missing = tmp_path / "gone.jpg"
    photos = tuple(Photo(p.name, p) for p in (good, broken, missing))
    data = sample_pickup_receipt(photos=(*photos, Photo("not-synced.jpg", None, "ab" * 32)))
    result = render_result(data, "a4", "en")
    assert any("broken.jpg" in w for w in result.warnings)
    assert any("gone.jpg" in w for w in result.warnings)
    assert any("not-synced.jpg" in w and "not in the store" in w for w in result.warnings)
    text = pdf_text(result.pdf, tmp_path)
    assert "Photo unreadable: broken.jpg" in text
    assert "José Müller-Ñúñez" in text
    assert b"/Subtype /Image" in result.pdf


def test_long_arabic_address_wraps_in_reading_order(tmp_path: Path) -> None:
    letters = "بتثجحخسشصضعغفقكلمنه"
    words = [f"{a}{b}ار" for a in letters[:6] for b in letters[6:12]]
    address = " ".join(words)
    data = dataclasses.replace(sample_repair_slip(), customer=CustomerInfo("سارة", "1", address))
    text = pdf_text(render_result(data, "a4", "en").pdf, tmp_path)
    body = text[text.index("Address") :]
    lines = [line for line in body.splitlines() if any(w in line for w in words)]
    assert len(lines) >= 3
    found = [body.index(w) for w in words]
    assert found == sorted(found)


@pytest.mark.parametrize("paper", ["a4", "80mm"])
def test_long_unbroken_serial_wraps_without_losing_characters(paper: Paper, tmp_path: Path) -> None:
    serial = "".join(f"{i:03d}X" for i in range(120))
    slip = sample_repair_slip()
    data = dataclasses.replace(slip, item=dataclasses.replace(slip.item, serial=serial))
    text = pdf_text(render_result(data, paper, "en").pdf, tmp_path)
    assert serial in "".join(text.split())

"""`fieldtech render --sample` writes a PDF for each document and paper."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fieldtech.documents.conftest import pdf_text
from ui.commands.render import main


@pytest.mark.parametrize(
    ("document", "paper"),
    [("repair-slip", "a4"), ("pickup-receipt", "80mm"), ("return-receipt", "letter")],
)
def test_render_sample_writes_pdf(
    document: str, paper: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "doc.pdf"
    code = main(
        ["render", document, "--sample", "--paper", paper, "--lang", "zh", "--out", str(out)]
    )
    assert code == 0
    assert out.read_bytes().startswith(b"%PDF-")
    assert "verification code" in capsys.readouterr().out


def test_render_without_source_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SystemExit):
        main(["render", "repair-slip", "--paper", "a4", "--out", str(tmp_path / "x.pdf")])


def test_render_sample_missing_logo_warns_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "doc.pdf"
    args = ["render", "repair-slip", "--sample", "--paper", "a4", "--out", str(out)]
    assert main([*args, "--logo", str(tmp_path / "missing.png")]) == 0
    assert "missing.png" in capsys.readouterr().err
    assert out.exists()


def test_render_job_from_seeded_store_prints_its_ticket(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from sqlalchemy import select

    from fieldtech.models import Job
    from ui.cli import build_parser
    from ui.cli import main as cli_main
    from ui.profile import open_session_for

    common = ["--data-dir", str(tmp_path / "profile"), "--insecure-key-file"]
    assert cli_main([*common, "dev", "seed", "--jobs", "2"]) == 0
    out = tmp_path / "slip.pdf"
    argv = [*common, "render", "repair-slip", "--job", "x", "--paper", "a4", "--out", str(out)]
    with open_session_for(build_parser().parse_args(argv)) as session:
        ticket = session.scalars(select(Job.ticket_number).order_by(Job.ticket_number)).first()
    assert ticket is not None
    argv[argv.index("x")] = ticket
    assert cli_main(argv) == 0
    text = pdf_text(out.read_bytes(), tmp_path)
    assert ticket in text
    assert "Repair slip" in text
    assert "verification code" in capsys.readouterr().out


def test_render_job_unknown_ticket_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from ui.cli import main as cli_main

    common = ["--data-dir", str(tmp_path / "profile"), "--insecure-key-file"]
    assert cli_main([*common, "dev", "seed", "--jobs", "1"]) == 0
    out = tmp_path / "slip.pdf"
    argv = [
        *common,
        "render",
        "repair-slip",
        "--job",
        "209901-999",
        "--paper",
        "a4",
        "--out",
        str(out),
    ]
    assert cli_main(argv) == 2
    assert "209901-999" in capsys.readouterr().err
    assert not out.exists()

"""`fieldtech render --sample` writes a PDF for each document and paper."""

from __future__ import annotations

from pathlib import Path

import pytest

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

"""Document fixtures: read a rendered PDF back with poppler and zbar, tools no one here wrote."""

from __future__ import annotations

import subprocess
import unicodedata
from pathlib import Path

from tests.tools import need_executable


def pdf_text(pdf: bytes, tmp_path: Path, name: str = "doc") -> str:
    """pdftotext output, NFKC-normalised: Arabic comes back as presentation forms (shaped glyphs)."""
    exe = need_executable("pdftotext", "poppler-utils")
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(pdf)
    out = subprocess.run([exe, "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True)
    return unicodedata.normalize("NFKC", out.stdout.decode("utf-8"))


def pdf_fonts(pdf: bytes, tmp_path: Path) -> list[list[str]]:
    """pdffonts rows split into columns (name, type..., emb, sub, uni, object, generation)."""
    exe = need_executable("pdffonts", "poppler-utils")
    path = tmp_path / "fonts.pdf"
    path.write_bytes(pdf)
    out = subprocess.run([exe, str(path)], capture_output=True, check=True, text=True).stdout
    return [line.split() for line in out.splitlines()[2:] if line.strip()]


def page_count(pdf: bytes, tmp_path: Path) -> int:
    exe = need_executable("pdfinfo", "poppler-utils")
    path = tmp_path / "info.pdf"
    path.write_bytes(pdf)
    out = subprocess.run([exe, str(path)], capture_output=True, check=True, text=True).stdout
    pages = next(line for line in out.splitlines() if line.startswith("Pages:"))
    return int(pages.split()[1])


def decode_qr(pdf: bytes, tmp_path: Path) -> list[str]:
    """Render page 1 at 150 dpi with pdftoppm and read every QR code on it with zbarimg."""
    pdftoppm = need_executable("pdftoppm", "poppler-utils")
    zbarimg = need_executable("zbarimg", "zbar-tools")
    path = tmp_path / "qr.pdf"
    path.write_bytes(pdf)
    subprocess.run(
        [pdftoppm, "-r", "150", "-png", "-f", "1", "-l", "1", str(path), str(tmp_path / "page")],
        check=True,
    )
    image = next(tmp_path.glob("page*.png"))
    out = subprocess.run(
        [zbarimg, "--quiet", "--raw", str(image)], capture_output=True, text=True, check=False
    )
    return [line for line in out.stdout.splitlines() if line]

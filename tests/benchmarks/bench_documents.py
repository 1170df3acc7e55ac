"""Document rendering: warm repair slip and 80 mm receipt, ratio to bare reportlab, first document, sizes.

`python -m tests.benchmarks documents` or `python -m tests.benchmarks.bench_documents`
(FIELDTECH_BENCH_RUNS sets the runs per figure). Every figure is the median of its runs, all
measured in this one run. The bare baseline draws the same strings, in the same fonts and runs,
with reportlab's canvas and no layout: what reportlab itself costs for this much text.
"""

from __future__ import annotations

import dataclasses
import io
import os
import subprocess
import sys
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from fieldtech.documents import blocks, fonts
from fieldtech.documents.data import PartLine
from fieldtech.documents.labels import Lang
from fieldtech.documents.layout import Paper, sheet_for
from fieldtech.documents.render import DocumentData, render_result
from fieldtech.documents.sample import sample_pickup_receipt, sample_repair_slip
from tests.benchmarks.timing import median, pct, sample_ms, table

RUNS = int(os.environ.get("FIELDTECH_BENCH_RUNS", "30"))
FIRST_RUNS = 3
ROOT = Path(__file__).resolve().parents[2]

FIRST_DOCUMENT = """
import time
started = time.perf_counter()
from fieldtech.documents.render import render_result
from fieldtech.documents.sample import sample_repair_slip
data = sample_repair_slip()
render_result(data, "a4", "both")
print((time.perf_counter() - started) * 1000)
"""


def texts_of(data: DocumentData, paper: Paper, lang: Lang) -> list[tuple[str, bool]]:
    """Every string the document lays out, and whether it is bold, captured as it renders."""
    seen: list[tuple[str, bool]] = []
    original = blocks.text_paragraph

    def recording(text: str, *args: object, **kwargs: object) -> object:
        bold = args[1] if len(args) > 1 else kwargs.get("bold", False)
        seen.append((text, bool(bold)))
        return original(text, *args, **kwargs)  # type: ignore[arg-type]

    blocks.text_paragraph = recording  # type: ignore[assignment]
    try:
        render_result(data, paper, lang)
    finally:
        blocks.text_paragraph = original
    return seen


def bare_pdf(texts: list[tuple[str, bool]], paper: Paper) -> bytes:
    """The same strings drawn line after line on a plain canvas, same fonts, invariant mode."""
    sheet = sheet_for(paper)
    height = sheet.height if not sheet.narrow else 400 * 2.83465
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(sheet.width, height), invariant=1, initialFontName=fonts.SANS)
    y = height - sheet.margin_top
    for text, bold in texts:
        for line in text.split("\n"):
            x = sheet.margin_x
            for base, chunk in fonts.runs(fonts.visual_order(line)):
                font = fonts.family(base, bold)
                canvas.setFont(font, sheet.body)
                canvas.drawString(x, y, chunk)
                x += canvas.stringWidth(chunk, font, sheet.body)
            y -= sheet.body * 1.3
            if y < sheet.margin_bottom:
                canvas.showPage()
                y = height - sheet.margin_top
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def first_document_ms() -> list[float]:
    """Fresh interpreter each time: imports, font loading and the first A4 slip."""
    times = []
    for _ in range(FIRST_RUNS):
        out = subprocess.run(
            [sys.executable, "-c", FIRST_DOCUMENT],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        times.append(float(out.stdout.strip().splitlines()[-1]))
    return times


def cpu_ms(action: Callable[[], object], runs: int) -> list[float]:
    """CPU time of this process per run: less swayed than wall time when the machine is busy."""
    times = []
    for _ in range(runs):
        started = time.process_time()
        action()
        times.append((time.process_time() - started) * 1000)
    return times


def paired_ms(
    action: Callable[[], object], baseline: Callable[[], object], runs: int
) -> tuple[list[float], list[float]]:
    """Alternate the two so that load from other processes falls on both alike."""
    first, second = [], []
    for _ in range(runs):
        first += sample_ms(action, 1)
        second += sample_ms(baseline, 1)
    return first, second


def main() -> None:
    slip = sample_repair_slip()
    receipt = sample_pickup_receipt()
    counter = iter(range(10**6))

    def new_slip() -> object:
        fresh = dataclasses.replace(slip, ticket_number=f"202611-{next(counter) % 1000:03d}")
        return render_result(fresh, "a4", "both")

    first = first_document_ms()
    render_result(slip, "a4", "both")
    render_result(receipt, "80mm", "both")
    slip_texts = texts_of(slip, "a4", "both")
    roll_texts = texts_of(receipt, "80mm", "both")
    slip_en = sample_ms(lambda: render_result(slip, "a4", "en"), RUNS)
    slip_both, bare_slip = paired_ms(
        lambda: render_result(slip, "a4", "both"), lambda: bare_pdf(slip_texts, "a4"), RUNS
    )
    slip_new = sample_ms(new_slip, RUNS)
    roll, bare_roll = paired_ms(
        lambda: render_result(receipt, "80mm", "both"), lambda: bare_pdf(roll_texts, "80mm"), RUNS
    )

    cpu_slip = cpu_ms(lambda: render_result(slip, "a4", "both"), RUNS)
    cpu_bare_slip = cpu_ms(lambda: bare_pdf(slip_texts, "a4"), RUNS)
    cpu_roll = cpu_ms(lambda: render_result(receipt, "80mm", "both"), RUNS)
    cpu_bare_roll = cpu_ms(lambda: bare_pdf(roll_texts, "80mm"), RUNS)

    parts = tuple(
        PartLine(f"PN-{i:03d}", f"Spare part {i}", 1, f"OLD{i}", f"NEW{i}", Decimal("9.90"))
        for i in range(60)
    )
    long_slip = dataclasses.replace(slip, parts=parts)
    sixty = sample_ms(lambda: render_result(long_slip, "a4", "both"), max(5, RUNS // 3))

    rows = [
        (
            "first document (new process: imports, fonts, A4 slip)",
            median(first),
            pct(first, 90),
            "-",
        ),
        ("repair slip A4, en, warm", median(slip_en), pct(slip_en, 90), "50"),
        ("repair slip A4, en+zh, warm", median(slip_both), pct(slip_both, 90), "50"),
        ("repair slip A4, en+zh, new ticket each run", median(slip_new), pct(slip_new, 90), "50"),
        ("pickup receipt 80 mm, en+zh, warm", median(roll), pct(roll, 90), "30"),
        ("repair slip A4 with 60 parts (3 pages)", median(sixty), pct(sixty, 90), "-"),
        ("bare reportlab, same text as the A4 slip", median(bare_slip), pct(bare_slip, 90), "-"),
        (
            "bare reportlab, same text as the 80 mm receipt",
            median(bare_roll),
            pct(bare_roll, 90),
            "-",
        ),
    ]
    print(f"runs per figure: {RUNS} (first document: {FIRST_RUNS})")
    print(
        table(
            [(name, f"{med:.1f}", f"{p90:.1f}", target) for name, med, p90, target in rows],
            ("figure", "median ms", "p90 ms", "target ms"),
        )
    )
    print(
        f"\nratio to bare reportlab (wall): A4 slip {median(slip_both) / median(bare_slip):.2f}x, "
        f"80 mm receipt {median(roll) / median(bare_roll):.2f}x (target <= 2x)"
    )
    print(
        f"CPU time, median: A4 slip {median(cpu_slip):.1f} ms vs bare {median(cpu_bare_slip):.1f} ms"
        f" ({median(cpu_slip) / median(cpu_bare_slip):.2f}x); 80 mm receipt "
        f"{median(cpu_roll):.1f} ms vs bare {median(cpu_bare_roll):.1f} ms"
        f" ({median(cpu_roll) / median(cpu_bare_roll):.2f}x)"
    )
    print(f"load average at the end: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    sizes = [
        ("repair slip A4, en+zh (CJK text, signature)", len(render_result(slip, "a4", "both").pdf)),
        ("repair slip A4, en", len(render_result(slip, "a4", "en").pdf)),
        ("pickup receipt 80 mm, en+zh", len(render_result(receipt, "80mm", "both").pdf)),
        ("repair slip A4 with 60 parts", len(render_result(long_slip, "a4", "both").pdf)),
        ("bare reportlab, same text as the A4 slip", len(bare_pdf(slip_texts, "a4"))),
    ]
    print()
    print(table([(name, f"{size / 1024:.1f}") for name, size in sizes], ("file", "KiB")))
    print("target: A4 slip with CJK text <= 150 KB")


if __name__ == "__main__":
    main()

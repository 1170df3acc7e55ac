"""Server-rendered SVG charts: horizontal bars with an optional target mark, no script needed.

Labels are escaped here; the markup is returned as `Markup` so templates embed it as it is.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

GOOD = "#1b7f3b"
BAD = "#b3261e"
PLAIN = "#0b5cad"
TRACK = "#e7edf4"
INK = "#1d2733"
MUTED = "#5b6b7c"


@dataclass(frozen=True)
class Bar:
    label: str
    value: float  # 0..scale
    shown: str  # the value as the reader sees it
    target: float | None = None
    good: bool | None = None  # None: no verdict, plain colour


def bars(rows: list[Bar], scale: float, title: str, width: int = 640) -> Markup:
    """One bar per row on a common scale, the target as a dark tick with its value."""
    row_height, value_width = 34, 90
    label_width = min(300, width * 2 // 5)
    track = width - label_width - value_width
    height = row_height * len(rows) + 8
    parts = [
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" role="img" '
        f'viewBox="0 0 {width} {height}" width="100%" aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
    ]
    for index, row in enumerate(rows):
        top = 4 + index * row_height
        middle = top + row_height / 2
        share = 0.0 if scale <= 0 else max(0.0, min(1.0, row.value / scale))
        colour = PLAIN if row.good is None else (GOOD if row.good else BAD)
        fits = label_width // 8
        label = row.label if len(row.label) <= fits else row.label[: fits - 1] + "…"
        parts.append(
            f'<text x="0" y="{middle + 5:.1f}" font-size="13" fill="{INK}">{escape(label)}</text>'
            f'<rect x="{label_width}" y="{top + 7}" width="{track}" height="{row_height - 14}" '
            f'rx="4" fill="{TRACK}"/>'
            f'<rect x="{label_width}" y="{top + 7}" width="{track * share:.1f}" '
            f'height="{row_height - 14}" rx="4" fill="{colour}"/>'
            f'<text x="{width - value_width + 8}" y="{middle + 5:.1f}" font-size="13" '
            f'font-weight="600" fill="{colour}">{escape(row.shown)}</text>'
        )
        if row.target is not None and scale > 0:
            x = label_width + track * max(0.0, min(1.0, row.target / scale))
            parts.append(
                f'<line x1="{x:.1f}" y1="{top + 3}" x2="{x:.1f}" y2="{top + row_height - 3}" '
                f'stroke="{INK}" stroke-width="2"/>'
            )
    parts.append("</svg>")
    return Markup("".join(parts))

"""The building blocks of every document: field grids, sections, ruled tables, signatures."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table
from reportlab.platypus.flowables import KeepTogether

from fieldtech.documents import images
from fieldtech.documents.data import CompanyHeader, SignatureBlock
from fieldtech.documents.grid import Grid
from fieldtech.documents.images import PreparedImage
from fieldtech.documents.labels import Lang, code_label, label
from fieldtech.documents.layout import (
    ACCENT,
    INK,
    RULE,
    SHADE,
    Sheet,
    Styles,
    styles_for,
    table_style,
)
from fieldtech.documents.text import paragraph as text_paragraph


@dataclass
class Ctx:
    """What every block needs: the sheet, styles, language, and the warnings gathered so far."""

    sheet: Sheet
    lang: Lang
    company: CompanyHeader
    styles: Styles = field(init=False)
    warnings: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.styles = styles_for(self.sheet)

    def p(self, text: str, style: str = "body", bold: bool = False) -> Flowable:
        """Text in a style; a stacked two-language label prints on one line where it fits."""
        inline = text.replace("\n", " / ") if style == "key" and "\n" in text else None
        return text_paragraph(text, getattr(self.styles, style), bold, self.missing, inline)

    def t(self, key: str) -> str:
        """A label for headings and running text: `English / 中文` in both languages."""
        return label(key, self.lang)

    def k(self, key: str) -> str:
        """A label for a column of labels: English over Chinese in both languages."""
        return label(key, self.lang, sep="\n")

    def code(self, code: str) -> str:
        return code_label(code, self.lang)

    def when(self, value: dt.datetime | dt.date | None) -> str:
        """A time in the company's zone (stored UTC, shown local), a date as ISO."""
        if value is None:
            return ""
        if isinstance(value, dt.datetime):
            local = value.astimezone(zoneinfo.ZoneInfo(self.company.time_zone))
            return local.strftime("%Y-%m-%d %H:%M")
        return value.isoformat()

    def money(self, amount: Decimal) -> str:
        return f"{self.company.currency} {amount:,.2f}"


def image_or_warning(
    ctx: Ctx, source: Path | bytes | None, max_w: float, max_h: float, what: str
) -> PreparedImage | None:
    """An image scaled into a box, or None with a warning when the file is missing or broken."""
    name = str(source) if isinstance(source, Path) else "image data"
    if source is None:
        ctx.warnings.append(
            f"{what}: the image is not in the store (not synced yet?); printed without it"
        )
        return None
    try:
        data = source.read_bytes() if isinstance(source, Path) else source
        picture = images.prepared(data, ink=what == "signature")
    except FileNotFoundError:
        ctx.warnings.append(f"{what}: file not found: {name}; printed without it")
        return None
    except Exception as exc:  # Pillow raises many types for a damaged image
        ctx.warnings.append(f"{what}: cannot read {name} ({exc}); printed without it")
        return None
    scale = min(max_w / picture.width, max_h / picture.height)
    return PreparedImage(picture, picture.width * scale, picture.height * scale)


def grid(ctx: Ctx, rows: list[list[Flowable]], widths: list[float], pad: float = 0.6) -> Grid:
    """Label/value rows without borders; rows split across pages when a value is very long."""
    return Grid(rows, widths, pad)


def fields(ctx: Ctx, left: list[tuple[str, str]], right: list[tuple[str, str]]) -> list[Flowable]:
    """Two panels of labelled fields side by side (stacked on a roll), empty values left out."""
    left = [(k, v) for k, v in left if v]
    right = [(k, v) for k, v in right if v]
    width = ctx.sheet.frame_width
    if ctx.sheet.narrow:
        rows = [[ctx.p(k, "key"), ctx.p(v)] for k, v in left + right]
        return [grid(ctx, rows, [width * 0.34, width * 0.66])] if rows else []
    key_w, val_w = width * 0.15, width * 0.35
    rows = []
    for i in range(max(len(left), len(right))):
        row: list[Any] = []
        for side in (left, right):
            if i < len(side):
                row += [ctx.p(side[i][0], "key"), ctx.p(side[i][1])]
            else:
                row += [Spacer(1, 0), Spacer(1, 0)]
        rows.append(row)
    return [grid(ctx, rows, [key_w, val_w, key_w, val_w])] if rows else []


def panel_heads(ctx: Ctx, left_key: str, right_key: str) -> list[Flowable]:
    """The two headings above a `fields` block."""
    if ctx.sheet.narrow:
        return [ctx.p(ctx.t(left_key), "section", bold=True)]
    width = ctx.sheet.frame_width
    table = Table(
        [
            [
                ctx.p(ctx.t(left_key), "section", bold=True),
                ctx.p(ctx.t(right_key), "section", bold=True),
            ]
        ],
        colWidths=[width / 2, width / 2],
        style=table_style(
            [("LEFTPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]
        ),
    )
    return [table]


def details(ctx: Ctx, title_key: str, rows: list[tuple[str, str]]) -> list[Flowable]:
    """A headed list of labelled free texts (findings, reasons, conditions), empty ones left out.

    Labels sit in a narrow column beside their text on a sheet, above it on a roll; a long text
    splits across pages.
    """
    rows = [(k, v) for k, v in rows if v.strip()]
    if not rows:
        return []
    width = ctx.sheet.frame_width
    out: list[Flowable] = [ctx.p(ctx.t(title_key), "section", bold=True)]
    if ctx.sheet.narrow:
        for key, value in rows:
            out += [ctx.p(key, "key"), ctx.p(value), Spacer(1, 1.2 * mm)]
        return out
    cells = [[ctx.p(k, "key"), ctx.p(v)] for k, v in rows]
    return [*out, grid(ctx, cells, [width * 0.15, width * 0.85], pad=1.1)]


def callout(ctx: Ctx, key: str, value: str) -> Flowable:
    """One fact the customer must not miss (the promised return date), on a shaded band."""
    width = ctx.sheet.frame_width
    cells = [[ctx.p(key, "body"), ctx.p(value, "bold", bold=True)]]
    widths = [width * 0.5, width * 0.5] if ctx.sheet.narrow else [width * 0.3, width * 0.7]
    return Table(
        cells,
        colWidths=widths,
        style=table_style(
            [
                ("BACKGROUND", (0, 0), (-1, -1), None if ctx.sheet.narrow else SHADE),
                ("LINEBEFORE", (0, 0), (0, 0), 2.5, INK if ctx.sheet.narrow else ACCENT),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 2.5 * mm),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
            ]
        ),
        spaceBefore=3 * mm,
    )


def section(ctx: Ctx, key: str, text: str) -> list[Flowable]:
    """A heading and free text that flows across pages; nothing when the text is empty."""
    if not text.strip():
        return []
    return [ctx.p(ctx.t(key), "section", bold=True), ctx.p(text)]


def ruled_table(
    ctx: Ctx, head: list[str], rows: list[list[Any]], widths: list[float], numeric: set[int]
) -> Table:
    """A table with a shaded header row that repeats on every page it runs onto."""
    head_cells = [
        ctx.p(h, "cell_right" if i in numeric else "cell_head", bold=True)
        for i, h in enumerate(head)
    ]
    style = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), None if ctx.sheet.narrow else SHADE),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
        ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 1.5 * mm),
        ("RIGHTPADDING", (0, 0), (-1, -1), 1.5 * mm),
        ("TOPPADDING", (0, 0), (-1, -1), 1.2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    if ctx.sheet.narrow:
        style += [("LEFTPADDING", (0, 0), (0, -1), 0), ("RIGHTPADDING", (-1, 0), (-1, -1), 0)]
    return Table(
        [head_cells, *rows], colWidths=widths, repeatRows=1, splitInRow=1, style=table_style(style)
    )


def totals(ctx: Ctx, rows: list[tuple[str, str, bool]]) -> Table:
    """Right-aligned label/amount lines under a table; the flagged line is the grand total."""
    width = ctx.sheet.frame_width
    cells = [
        [
            ctx.p(k, "total" if strong else "right", strong),
            ctx.p(v, "total" if strong else "right", strong),
        ]
        for k, v, strong in rows
    ]
    label_w = width * (0.62 if ctx.sheet.narrow else 0.75)
    style: list[tuple[object, ...]] = [
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (0, -1), 3 * mm),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
    ]
    for i, (_, _, strong) in enumerate(rows):
        if strong:
            style.append(("LINEABOVE", (1, i), (1, i), 0.8, INK))
    return Table(cells, colWidths=[label_w, width - label_w], style=table_style(style))


def signature(ctx: Ctx, key: str, sig: SignatureBlock | None) -> Flowable:
    """A signature box: the drawn image over a line, then the printed name and time."""
    width = ctx.sheet.frame_width if ctx.sheet.narrow else ctx.sheet.frame_width * 0.46
    box_h = 17 * mm
    if sig is None:
        inner: Flowable = ctx.p(ctx.t("not_signed"), "small")
        name, when = "", ""
    else:
        image = (
            image_or_warning(ctx, sig.image_png, width, box_h, "signature")
            if sig.image_png
            else None
        )
        inner = image if image is not None else Spacer(1, box_h)
        name, when = sig.printed_name, f"{ctx.t('signed_at')}: {ctx.when(sig.signed_at)}"
    rows = [
        [ctx.p(ctx.t(key), "key")],
        [inner],
        [ctx.p(name, "bold", bold=True)] if name else [Spacer(1, 0)],
        [ctx.p(when, "small")] if when else [Spacer(1, 0)],
    ]
    table = Table(
        rows,
        colWidths=[width],
        rowHeights=[None, box_h + 2 * mm, None, None],
        style=table_style(
            [
                ("VALIGN", (0, 1), (0, 1), "BOTTOM"),
                ("LINEBELOW", (0, 1), (0, 1), 0.8, INK),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        ),
        hAlign="LEFT",
    )
    return table


def signatures(ctx: Ctx, boxes: list[Flowable]) -> list[Flowable]:
    """Signature boxes side by side on a sheet, one under the other on a roll; never split."""
    if ctx.sheet.narrow or len(boxes) == 1:
        items: list[Flowable] = []
        for box in boxes:
            items += [box, Spacer(1, 3 * mm)]
        return [KeepTogether(items)]
    width = ctx.sheet.frame_width
    return [
        Table(
            [boxes],
            colWidths=[width / 2, width / 2],
            style=table_style(
                [
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            ),
        )
    ]


def _verification_items(ctx: Ctx, code: str, draft: bool) -> list[Flowable]:
    out: list[Flowable] = []
    if draft:
        out.append(ctx.p(ctx.t("draft_note"), "alert", bold=True))
    out += [
        ctx.p(ctx.t("verification"), "key"),
        ctx.p(code, "code", bold=True),
        ctx.p(ctx.t("verify_hint"), "small"),
    ]
    return out


def verification(ctx: Ctx, code: str, draft: bool) -> list[Flowable]:
    """The verification code, prominent, with one line on how it is used; a draft note if unsigned."""
    return [KeepTogether([Spacer(1, 3 * mm), *_verification_items(ctx, code, draft)])]


def verification_box(ctx: Ctx, code: str, draft: bool) -> list[Flowable]:
    """The verification code as a cell beside the signature."""
    return [Spacer(1, 5 * mm), *_verification_items(ctx, code, draft)]

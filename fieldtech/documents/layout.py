"""Papers, type styles and the page machinery: footer with page X of Y, draft mark, roll length."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    TableStyle,
)

from fieldtech.documents import fonts
from fieldtech.documents.labels import Lang, label
from fieldtech.documents.text import paragraph as text_paragraph

Paper = Literal["a4", "letter", "80mm"]
PAPERS: tuple[Paper, ...] = ("a4", "letter", "80mm")

INK = colors.HexColor("#1f2328")
MUTED = colors.HexColor("#5b636e")
RULE = colors.HexColor("#c9ced6")
SHADE = colors.HexColor("#eef1f5")
ACCENT = colors.HexColor("#1d4f91")
ALERT = colors.HexColor("#b3261e")
DRAFT_INK = colors.Color(0.80, 0.12, 0.12, alpha=0.16)

ROLL_WIDTH = 80 * mm
ROLL_PRINTABLE = 72 * mm
# PDF viewers refuse pages longer than 200 inches; a longer roll document continues on a new page.
ROLL_MAX_HEIGHT = 14400.0


def table_style(commands: list[Any]) -> TableStyle:
    """A table style whose cells name a bundled font: reportlab sets a cell font even for
    Paragraph cells, and its default (Helvetica) would be referenced without being embedded."""
    return TableStyle([("FONT", (0, 0), (-1, -1), fonts.SANS), *commands])


@dataclass(frozen=True)
class Sheet:
    """A paper's geometry and type sizes."""

    paper: Paper
    width: float
    height: float
    margin_x: float
    margin_top: float
    margin_bottom: float
    body: float
    small: float
    title: float

    @property
    def frame_width(self) -> float:
        return self.width - 2 * self.margin_x

    @property
    def narrow(self) -> bool:
        return self.paper == "80mm"


def sheet_for(paper: Paper) -> Sheet:
    if paper == "a4":
        return Sheet("a4", A4[0], A4[1], 16 * mm, 14 * mm, 16 * mm, 9.0, 7.5, 16.0)
    if paper == "letter":
        return Sheet("letter", LETTER[0], LETTER[1], 16 * mm, 14 * mm, 16 * mm, 9.0, 7.5, 16.0)
    if paper == "80mm":
        side = (ROLL_WIDTH - ROLL_PRINTABLE) / 2
        return Sheet("80mm", ROLL_WIDTH, ROLL_MAX_HEIGHT, side, 4 * mm, 12 * mm, 8.0, 6.8, 12.0)
    raise ValueError(f"paper: unknown paper {paper!r}; use one of {', '.join(PAPERS)}")


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    bold: ParagraphStyle
    small: ParagraphStyle
    key: ParagraphStyle
    section: ParagraphStyle
    title: ParagraphStyle
    company: ParagraphStyle
    right: ParagraphStyle
    center: ParagraphStyle
    cell: ParagraphStyle
    cell_head: ParagraphStyle
    cell_right: ParagraphStyle
    total: ParagraphStyle
    code: ParagraphStyle
    alert: ParagraphStyle


_styles: dict[Paper, Styles] = {}


def styles_for(sheet: Sheet) -> Styles:
    """The type styles of a paper, made once: their identity keys the parsed-text cache."""
    styles = _styles.get(sheet.paper)
    if styles is None:
        styles = _styles[sheet.paper] = _make_styles(sheet)
    return styles


def _make_styles(sheet: Sheet) -> Styles:
    b, s = sheet.body, sheet.small
    body = ParagraphStyle("body", fontName=fonts.SANS, fontSize=b, leading=b * 1.32, textColor=INK)
    # Thermal roll printers have no grey: secondary text prints black there, smaller only.
    muted = INK if sheet.narrow else MUTED
    small = ParagraphStyle("small", parent=body, fontSize=s, leading=s * 1.3, textColor=muted)
    cell = ParagraphStyle("cell", parent=body, fontSize=s + 0.5, leading=(s + 0.5) * 1.25)
    return Styles(
        body=body,
        bold=ParagraphStyle("bold", parent=body, fontName=fonts.SANS_BOLD),
        small=small,
        key=ParagraphStyle("key", parent=small, textColor=muted),
        section=ParagraphStyle(
            "section",
            parent=body,
            fontName=fonts.SANS_BOLD,
            fontSize=b + 0.5,
            leading=(b + 0.5) * 1.3,
            textColor=INK if sheet.narrow else ACCENT,
            spaceBefore=b * 0.75,
            spaceAfter=b * 0.3,
        ),
        title=ParagraphStyle(
            "title",
            parent=body,
            fontName=fonts.SANS_BOLD,
            fontSize=sheet.title,
            leading=sheet.title * 1.2,
            alignment=TA_CENTER if sheet.narrow else TA_LEFT,
        ),
        company=ParagraphStyle(
            "company",
            parent=body,
            fontName=fonts.SANS_BOLD,
            fontSize=b + 3,
            leading=(b + 3) * 1.25,
            alignment=TA_CENTER if sheet.narrow else TA_LEFT,
        ),
        right=ParagraphStyle("right", parent=body, alignment=TA_RIGHT),
        center=ParagraphStyle("center", parent=body, alignment=TA_CENTER),
        cell=cell,
        cell_head=ParagraphStyle("cell_head", parent=cell, fontName=fonts.SANS_BOLD, textColor=INK),
        cell_right=ParagraphStyle("cell_right", parent=cell, alignment=TA_RIGHT),
        total=ParagraphStyle(
            "total", parent=body, fontName=fonts.SANS_BOLD, fontSize=b + 1, alignment=TA_RIGHT
        ),
        alert=ParagraphStyle("alert", parent=body, fontName=fonts.SANS_BOLD, textColor=ALERT),
        code=ParagraphStyle(
            "code", parent=body, fontName=fonts.SANS_BOLD, fontSize=b + 4, leading=(b + 4) * 1.3
        ),
    )


@dataclass(frozen=True)
class PageFurniture:
    """What every page carries besides the story: footer text and the draft mark."""

    lang: Lang
    footer_left: str
    footer_right: str
    draft: bool


def _paragraph(text: str, size: float, color: Any, align: int, bold: bool = False) -> Flowable:
    style = ParagraphStyle(
        "furniture",
        fontName=fonts.SANS_BOLD if bold else fonts.SANS,
        fontSize=size,
        leading=size * 1.2,
        textColor=color,
        alignment=align,
    )
    return text_paragraph(text, style, bold=bold)


def _draw_draft(canvas: Canvas, sheet: Sheet, furniture: PageFurniture, page_height: float) -> None:
    size = 44.0 if sheet.narrow else 72.0
    para = _paragraph(label("draft", furniture.lang, sep="  "), size, DRAFT_INK, TA_CENTER, True)
    width = sheet.width * 1.2
    _, h = para.wrap(width, size * 3)
    canvas.saveState()
    if sheet.narrow:
        canvas.translate(sheet.width / 2, page_height * 0.45)
        canvas.rotate(18)
    else:
        canvas.translate(sheet.width / 2, page_height / 2)
        canvas.rotate(35)
    para.drawOn(canvas, -width / 2, -h / 2)
    canvas.restoreState()


def canvas_factory(
    sheet: Sheet, furniture: PageFurniture, lowest_y: Callable[[], float]
) -> type[Canvas]:
    """A canvas that holds pages back until the end so each footer can say 'page X of Y'.

    On a roll it also cuts the page to its content: the story is laid out on a long page, then
    the content is shifted down to the footer and the page made as short as what was printed.
    """

    class NumberedCanvas(Canvas):  # type: ignore[misc] # reportlab is untyped
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs["invariant"] = 1
            kwargs["initialFontName"] = fonts.SANS
            super().__init__(*args, **kwargs)
            self._saved: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._saved.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._saved)
            for number, state in enumerate(self._saved, start=1):
                self.__dict__.update(state)
                if sheet.narrow and total == 1:
                    self._cut_roll()
                self._footer(number, total)
                Canvas.showPage(self)
            Canvas.save(self)

        def _cut_roll(self) -> None:
            width, height = self._pagesize
            shift = max(0.0, lowest_y() - sheet.margin_bottom - 2)
            self._code.insert(0, f"q 1 0 0 1 0 {-shift:.3f} cm")
            self._code.append("Q")
            self.setPageSize((width, height - shift))

        def _footer(self, number: int, total: int) -> None:
            height = self._pagesize[1]
            if furniture.draft:
                _draw_draft(self, sheet, furniture, height)
            size = sheet.small
            y = sheet.margin_bottom - 10 * mm if not sheet.narrow else 4 * mm
            left, right = sheet.margin_x, sheet.width - sheet.margin_x
            self.saveState()
            self.setStrokeColor(RULE)
            self.setLineWidth(0.5)
            self.line(left, y + size * 1.6, right, y + size * 1.6)
            page = label("page", furniture.lang).format(page=number, pages=total)
            parts = [(page, TA_CENTER)]
            if not sheet.narrow:
                parts = [
                    (f"{furniture.footer_left}  ·  {page}", TA_LEFT),
                    (furniture.footer_right, TA_RIGHT),
                ]
            for text, align in parts:
                para = _paragraph(text, size, INK if sheet.narrow else MUTED, align)
                para.wrap(right - left, size * 2)
                para.drawOn(self, left, y)
            self.restoreState()

    return NumberedCanvas


class _Doc(BaseDocTemplate):  # type: ignore[misc] # reportlab is untyped
    """Remembers where the lowest flowable ended, which is how long a roll document must be."""

    lowest_y: float = 0.0

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 - reportlab's name
        if self.frame is not None:
            self.lowest_y = min(self.lowest_y, self.frame._y)


def _build_once(
    story: list[Flowable], sheet: Sheet, furniture: PageFurniture, height: float, title: str
) -> bytes:
    out = io.BytesIO()
    doc = _Doc(
        out,
        pagesize=(sheet.width, height),
        leftMargin=sheet.margin_x,
        rightMargin=sheet.margin_x,
        topMargin=sheet.margin_top,
        bottomMargin=sheet.margin_bottom,
        title=title,
        author=furniture.footer_left,
        creator="FieldTech",
        invariant=1,
    )
    doc.lowest_y = height
    frame = Frame(
        sheet.margin_x,
        sheet.margin_bottom,
        sheet.frame_width,
        height - sheet.margin_top - sheet.margin_bottom,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    doc.build(story, canvasmaker=canvas_factory(sheet, furniture, lambda: doc.lowest_y))
    return out.getvalue()


def build_pdf(
    make_story: Callable[[], list[Flowable]], sheet: Sheet, furniture: PageFurniture, title: str
) -> bytes:
    """Lay the story out on the sheet (a roll on one long page, cut to its content at the end)."""
    return _build_once(make_story(), sheet, furniture, sheet.height, title)

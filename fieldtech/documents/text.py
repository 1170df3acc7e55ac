"""Text flowables in the bundled fonts: a fast single line, and Paragraphs for what must wrap."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable, Paragraph

from fieldtech.documents import fonts


class TextParagraph(Paragraph):  # type: ignore[misc] # reportlab is untyped
    """A Paragraph that uses reportlab's (slow) CJK line breaking only when a line must break.

    Chinese has no spaces to break at, so a long Chinese value needs CJK breaking; a short label
    that fits on its line does not, and most cells of a document are short.
    """

    _base_style: ParagraphStyle | None = None
    _cjk_style: ParagraphStyle | None = None
    _natural = 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if self._cjk_style is not None and self._base_style is not None:
            self.style = self._cjk_style if self._natural > avail_width else self._base_style
        result: tuple[float, float] = super().wrap(avail_width, avail_height)
        return result


_derived: dict[tuple[int, str], ParagraphStyle] = {}
_frags: dict[tuple[str, int], list[Any]] = {}
_FRAG_CACHE_SIZE = 4096


def _style(style: ParagraphStyle, mode: str) -> ParagraphStyle:
    key = (id(style), mode)
    derived = _derived.get(key)
    if derived is None:
        if mode == "shaped":
            derived = ParagraphStyle(f"{style.name}-shaped", parent=style, shaping=1)
        else:
            derived = ParagraphStyle(f"{style.name}-cjk", parent=style, wordWrap="CJK")
        _derived[key] = derived
    return derived


def _parsed(xml: str, style: ParagraphStyle) -> list[Any]:
    """Parsed fragments of the markup, kept because the same labels recur on every document.

    Styles are made once per paper (layout.styles_for), so their identity is a stable key.
    """
    key = (xml, id(style))
    frags = _frags.get(key)
    if frags is None:
        if len(_frags) >= _FRAG_CACHE_SIZE:
            _frags.clear()
        frags = Paragraph(xml, style).frags
        _frags[key] = frags
    return list(frags)


def _natural_width(text: str, style: ParagraphStyle, bold: bool) -> float:
    widest = 0.0
    for line in text.split("\n"):
        width = 0.0
        for font, chunk in fonts.runs(line):
            width += pdfmetrics.stringWidth(chunk, fonts.family(font, bold), style.fontSize)
        widest = max(widest, width)
    return widest


class TextLines(Flowable):  # type: ignore[misc] # reportlab is untyped
    """Short lines drawn run by run with the canvas, at a fraction of a Paragraph's cost.

    Most cells of a document are a short line or two (a label in both languages is two); text
    with a line wider than its space becomes a Paragraph (made on demand) and wraps, so nothing
    is ever clipped.
    """

    def __init__(
        self,
        text: str,
        style: ParagraphStyle,
        bold: bool,
        make: Callable[[], Paragraph],
        inline: str | None = None,
    ) -> None:
        super().__init__()
        self.style = style
        self._bold = bold
        self._stacked = self._measure(text)
        self._inline = self._measure(inline) if inline is not None else None
        self._lines = self._stacked
        self._natural = max(width for _, width in self._lines)
        self._make = make
        self._para: Paragraph | None = None

    def _measure(self, text: str) -> list[tuple[list[tuple[str, str, float]], float]]:
        size = self.style.fontSize
        lines = []
        for line in text.split("\n"):
            runs = [(fonts.family(font, self._bold), chunk) for font, chunk in fonts.runs(line)]
            measured = [(f, c, pdfmetrics.stringWidth(c, f, size)) for f, c in runs]
            lines.append((measured, sum(w for _, _, w in measured)))
        return lines

    def _fits(self, avail_width: float) -> bool:
        """Choose the one-line form when it fits, else the stacked lines, else a Paragraph."""
        if self._para is not None:
            return False
        for lines in (self._inline, self._stacked):
            if lines is not None and max(w for _, w in lines) <= avail_width + 0.01:
                self._lines = lines
                self._natural = max(w for _, w in lines)
                return True
        return False

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if self._fits(avail_width):
            self.width, self.height = avail_width, self.style.leading * len(self._lines)
        else:
            if self._para is None:
                self._para = self._make()
            self.width, self.height = self._para.wrap(avail_width, avail_height)
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        if self._fits(avail_width):
            return []
        if self._para is None:
            self._para = self._make()
        parts: list[Flowable] = self._para.split(avail_width, avail_height)
        return parts

    def draw(self) -> None:
        if self._para is not None:
            self._para.drawOn(self.canv, 0, 0)
            return
        align, size = self.style.alignment, self.style.fontSize
        self.canv.setFillColor(self.style.textColor)
        y = self.height - size
        for runs, natural in self._lines:
            x = 0.0
            if align == TA_RIGHT:
                x = self.width - natural
            elif align == TA_CENTER:
                x = (self.width - natural) / 2
            for font, chunk, width in runs:
                if self._bold and font == fonts.CJK:
                    self._faux_bold(x, y, chunk)
                else:
                    self.canv.setFont(font, size)
                    self.canv.drawString(x, y, chunk)
                x += width
            y -= self.style.leading

    def _faux_bold(self, x: float, y: float, chunk: str) -> None:
        """The Chinese face has no bold; a thin outline in the text colour stands in for one."""
        canv, size = self.canv, self.style.fontSize
        canv.saveState()
        canv.setStrokeColor(self.style.textColor)
        canv.setLineWidth(size * 0.035)
        text = canv.beginText(x, y)
        text.setFont(fonts.CJK, size)
        text.setTextRenderMode(2)
        text.textOut(chunk)
        canv.drawText(text)
        canv.restoreState()


class BidiText(Flowable):  # type: ignore[misc] # reportlab is untyped
    """Text holding right-to-left words, broken into lines in reading order before reordering.

    Without rlbidi, reportlab lays words out left to right in the order given. Reordering a
    whole paragraph first would put the end of a long Arabic address on its first line, so the
    lines are chosen here from the logical text, then each line's right-to-left runs are put in
    display order and shaped.
    """

    SLACK = 0.96  # shaped Arabic is rarely wider than unshaped; keep a margin all the same

    def __init__(self, text: str, style: ParagraphStyle, bold: bool) -> None:
        super().__init__()
        self.text, self.style, self.bold = text, style, bold
        self._para: Paragraph | None = None
        self._for_width = -1.0

    def _width(self, words: str) -> float:
        size = self.style.fontSize
        return sum(
            float(pdfmetrics.stringWidth(chunk, fonts.family(font, self.bold), size))
            for font, chunk in fonts.runs(words)
        )

    def _lines(self, avail_width: float) -> list[str]:
        limit = avail_width * self.SLACK
        lines: list[str] = []
        for logical in self.text.split("\n"):
            current: list[str] = []
            for word in logical.split(" "):
                if current and self._width(" ".join([*current, word])) > limit:
                    lines.append(" ".join(current))
                    current = []
                current.append(word)
            lines.append(" ".join(current))
        return lines

    def _paragraph(self, avail_width: float) -> Paragraph:
        if self._para is None or self._for_width != avail_width:
            xml = "<br/>".join(
                fonts.markup(line, self.bold).xml for line in self._lines(avail_width)
            )
            shaped = _style(self.style, "shaped")
            self._para = Paragraph(xml, shaped, frags=_parsed(xml, shaped))
            self._for_width = avail_width
        return self._para

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width, self.height = self._paragraph(avail_width).wrap(avail_width, avail_height)
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        parts: list[Flowable] = self._paragraph(avail_width).split(avail_width, avail_height)
        return parts

    def draw(self) -> None:
        if self._para is not None:
            self._para.drawOn(self.canv, 0, 0)

    def getSpaceBefore(self) -> float:  # noqa: N802 - reportlab's name
        return float(self.style.spaceBefore)

    def getSpaceAfter(self) -> float:  # noqa: N802 - reportlab's name
        return float(self.style.spaceAfter)


def _make_paragraph(text: str, style: ParagraphStyle, bold: bool, xml: str) -> Paragraph:
    frags = _parsed(xml, style)
    if fonts.has_cjk(text):
        para = TextParagraph(xml, style, frags=frags)
        para._base_style = style
        para._cjk_style = _style(style, "cjk")
        para._natural = _natural_width(text, style, bold)
        return para
    return Paragraph(xml, style, frags=frags)


def paragraph(
    text: str,
    style: ParagraphStyle,
    bold: bool = False,
    missing: list[str] | None = None,
    inline: str | None = None,
) -> Flowable:
    """Plain `text` in the bundled fonts: a fast line when it is one line of left-to-right text,
    else a Paragraph, shaped when it holds Arabic and wrapped between any two characters when it
    holds Chinese (which has no spaces to break at)."""
    if missing is not None:
        missing.extend(fonts.missing_chars(text))
    if fonts.has_rtl(text):
        return BidiText(text, style, bold)
    if text.strip() and text.count("\n") < 4:
        return TextLines(
            text,
            style,
            bold,
            lambda: _make_paragraph(text, style, bold, fonts.markup(text, bold).xml),
            inline,
        )
    return _make_paragraph(text, style, bold, fonts.markup(text, bold).xml)

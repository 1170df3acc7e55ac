"""Text flowables in the bundled fonts: lines broken and drawn cheaply, and shaped right-to-left text."""

from __future__ import annotations

import functools
from typing import Any

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable, Paragraph, Spacer

from fieldtech.documents import fonts

_derived: dict[tuple[int, str], ParagraphStyle] = {}
_frags: dict[tuple[str, int], list[Any]] = {}
_FRAG_CACHE_SIZE = 4096


def _style(style: ParagraphStyle, mode: str) -> ParagraphStyle:
    key = (id(style), mode)
    derived = _derived.get(key)
    if derived is None:
        derived = ParagraphStyle(f"{style.name}-{mode}", parent=style, shaping=1)
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


_Measured = tuple[tuple[tuple[str, str, float], ...], float]


@functools.lru_cache(maxsize=8192)
def _measured_line(line: str, bold: bool, size: float) -> _Measured:
    """A line's font runs with their widths; labels recur on every document, so kept."""
    fonts.register_fonts()
    runs = [(fonts.family(font, bold), chunk) for font, chunk in fonts.runs(line)]
    measured = tuple((f, c, float(pdfmetrics.stringWidth(c, f, size))) for f, c in runs)
    return measured, sum(w for _, _, w in measured)


_OPENERS = frozenset("([{（【「『《〈“‘")
_CLOSERS = frozenset(")]},.;:!?，。、；：！？）】」』》〉”’…％%")


SHORT_CJK = 12
"""A run of Chinese up to this many characters (a name, a company, a short phrase) moves to
the next line whole rather than being cut after its first few characters."""


def _atoms(line: str) -> list[str]:
    """The pieces a line may break between: words, short runs or single characters of Chinese,
    and spaces.

    Closing punctuation sticks to what it closes and opening punctuation to what it opens, so
    neither starts or ends a line on its own.
    """
    pieces: list[str] = []
    word, chinese = "", ""

    def flush() -> None:
        nonlocal word, chinese
        if word:
            pieces.append(word)
        if len(chinese) <= SHORT_CJK:
            pieces.extend([chinese] if chinese else [])
        else:
            pieces.extend(chinese)
        word, chinese = "", ""

    for ch in line:
        if ch == " ":
            flush()
            pieces.append(ch)
        elif fonts.has_cjk(ch):
            if word:
                pieces.append(word)
                word = ""
            chinese += ch
        else:
            if chinese:
                flush()
            word += ch
    flush()
    atoms: list[str] = []
    opening = ""
    for piece in pieces:
        if piece in _CLOSERS and atoms and atoms[-1] != " " and not opening:
            atoms[-1] += piece
        elif piece in _OPENERS:
            opening += piece
        elif piece == " " and opening:
            atoms += [opening, piece]
            opening = ""
        else:
            atoms.append(opening + piece)
            opening = ""
    if opening:
        atoms.append(opening)
    return atoms


def _broken(line: str, bold: bool, size: float, width: float) -> list[str]:
    """One logical line broken greedily into lines no wider than `width`."""
    lines: list[str] = []
    current, used = "", 0.0
    for atom in _atoms(line):
        atom_width = _measured_line(atom, bold, size)[1]
        if atom == " ":
            if current:
                current, used = current + atom, used + atom_width
            continue
        if current and used + atom_width > width + 0.01:
            lines.append(current.rstrip(" "))
            current, used = "", 0.0
        if atom_width <= width + 0.01:
            current, used = current + atom, used + atom_width
            continue
        for ch in atom:
            ch_width = _measured_line(ch, bold, size)[1]
            if current and used + ch_width > width + 0.01:
                lines.append(current)
                current, used = "", 0.0
            current, used = current + ch, used + ch_width
    lines.append(current.rstrip(" "))
    return lines


class TextLines(Flowable):  # type: ignore[misc] # reportlab is untyped
    """Lines drawn run by run with the canvas, at a fraction of a Paragraph's cost.

    Most cells of a document are a short line or two (a label in both languages is two, and
    prints on one line where it fits). A line wider than its space is broken here: at spaces,
    and between any two Chinese characters (which have no spaces to break at) with closing
    punctuation kept on the line it ends and opening punctuation moved to the line it opens;
    a word longer than a whole line breaks between letters. Nothing is ever clipped, and the
    lines split across pages.
    """

    def __init__(
        self,
        text: str,
        style: ParagraphStyle,
        bold: bool,
        inline: str | None = None,
        lines: list[_Measured] | None = None,
    ) -> None:
        super().__init__()
        self.style = style
        self._bold = bold
        self._text = text.replace("\t", " ").replace("\r", "")
        self._stacked = lines if lines is not None else self._measure(self._text)
        self._inline = self._measure(inline) if inline is not None else None
        self._lines = self._stacked
        self._fixed = lines is not None
        self._for_width = -1.0

    def _measure(self, text: str) -> list[_Measured]:
        size = self.style.fontSize
        return [_measured_line(line, self._bold, size) for line in text.split("\n")]

    def _lay_out(self, avail_width: float) -> None:
        """Choose the one-line form when it fits, else the stacked lines, else break them."""
        if avail_width == self._for_width or self._fixed:
            return
        self._for_width = avail_width
        for lines in (self._inline, self._stacked):
            if lines is not None and max(w for _, w in lines) <= avail_width + 0.01:
                self._lines = lines
                return
        size = self.style.fontSize
        self._lines = [
            _measured_line(part, self._bold, size)
            for line in self._text.split("\n")
            for part in _broken(line, self._bold, size, avail_width)
        ]

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._lay_out(avail_width)
        self.width, self.height = avail_width, self.style.leading * len(self._lines)
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        self._lay_out(avail_width)
        fit = int((avail_height + 0.01) // self.style.leading)
        if fit <= 0 or fit >= len(self._lines):
            return []
        return [
            TextLines("", self.style, self._bold, lines=self._lines[:fit]),
            TextLines("", self.style, self._bold, lines=self._lines[fit:]),
        ]

    def getSpaceBefore(self) -> float:  # noqa: N802 - reportlab's name
        return float(self.style.spaceBefore)

    def getSpaceAfter(self) -> float:  # noqa: N802 - reportlab's name
        return float(self.style.spaceAfter)

    def draw(self) -> None:
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

    def _lines(self, avail_width: float) -> list[tuple[str, bool]]:
        """Lines in logical order, each with its paragraph's reading direction."""
        limit = avail_width * self.SLACK
        lines: list[tuple[str, bool]] = []
        for logical in self.text.split("\n"):
            rtl = fonts.rtl_base(logical)
            current: list[str] = []
            for word in logical.split(" "):
                if current and self._width(" ".join([*current, word])) > limit:
                    lines.append((" ".join(current), rtl))
                    current = []
                current.append(word)
            lines.append((" ".join(current), rtl))
        return lines

    def _paragraph(self, avail_width: float) -> Paragraph:
        if self._para is None or self._for_width != avail_width:
            xml = "<br/>".join(
                fonts.markup(line, self.bold, rtl).xml for line, rtl in self._lines(avail_width)
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
    if text.strip():
        return TextLines(text, style, bold, inline)
    return Spacer(1, 0)

"""The bundled document fonts and the markup that gives every character a font that has it.

reportlab draws a run of text in one font, so a customer name mixing Latin, Chinese and Arabic is
split into runs, each wrapped in the font whose glyph table holds it. A character no bundled font
has becomes U+FFFD (a visible replacement mark) instead of vanishing, and is reported back.
"""

from __future__ import annotations

import functools
import re
import threading
import unicodedata
from dataclasses import dataclass
from importlib import resources
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

SANS = "FT-Sans"
SANS_BOLD = "FT-Sans-Bold"
ARABIC = "FT-Arabic"
ARABIC_BOLD = "FT-Arabic-Bold"
CJK = "FT-CJK"

_FILES = {
    SANS: "NotoSans-Regular.ttf",
    SANS_BOLD: "NotoSans-Bold.ttf",
    ARABIC: "NotoSansArabic-Regular.ttf",
    ARABIC_BOLD: "NotoSansArabic-Bold.ttf",
    CJK: "DroidSansFallbackFull.ttf",
}
REPLACEMENT = "\ufffd"
_lock = threading.Lock()
_covered: dict[str, frozenset[int]] = {}


def font_path(name: str) -> str:
    return str(resources.files("resources").joinpath("fonts", _FILES[name]))


def register_fonts() -> None:
    """Load the bundled fonts once per process (the costly part of the first document)."""
    with _lock:
        if _covered:
            return
        # Streams stay binary (zlib only): ASCII85 on top makes files a quarter larger and slower.
        rl_config.useA85 = 0
        for name in _FILES:
            font = TTFont(name, font_path(name))
            # Only Arabic needs shaping; shaping a CJK or Latin word with the wrong face breaks it.
            font.shapable = name in (SANS, SANS_BOLD, ARABIC, ARABIC_BOLD)
            pdfmetrics.registerFont(font)
            _covered[name] = frozenset(font.face.charToGlyph)
        pdfmetrics.registerFontFamily(
            SANS, normal=SANS, bold=SANS_BOLD, italic=SANS, boldItalic=SANS_BOLD
        )


_RTL = re.compile(
    "[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff]"
)
_WIDE = re.compile(
    "[\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\U00020000-\U0003fffd]"
)


def has_rtl(text: str) -> bool:
    """Whether the text holds right-to-left script (Hebrew, Arabic and their relatives)."""
    return _RTL.search(text) is not None


def has_cjk(text: str) -> bool:
    """Whether the text holds wide East Asian characters, which break lines without spaces."""
    return _WIDE.search(text) is not None


def missing_chars(text: str) -> tuple[str, ...]:
    """The characters of `text` no bundled font has (they print as U+FFFD)."""
    if text.isascii() and text.replace("\n", "").replace("\t", "").isprintable():
        return ()
    register_fonts()
    return tuple(ch for ch in text if ch not in "\n\t\r" and _char_fonts(ch)[1] is None)


def _kind(word: str) -> str:
    """`R` for a word of Arabic script, `L` for one with left-to-right letters, `N` otherwise."""
    classes = {unicodedata.bidirectional(ch) for ch in word}
    if classes & {"R", "AL", "AN"}:
        return "R"
    return "L" if "L" in classes else "N"


_DIGITS = re.compile(r"[0-9\u0660-\u0669\u06f0-\u06f9]+")


def _shaper_safe(word: str) -> str:
    """The shaper lays out a word of Arabic script right to left, numbers included; numbers read
    left to right, so their digits are given reversed and come out the right way round."""
    return _DIGITS.sub(lambda m: m.group(0)[::-1], word)


def rtl_base(text: str) -> bool:
    """Whether a paragraph reads right to left: its first strong letter is of a right-to-left
    script (the Unicode bidi algorithm's rules P2 and P3)."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind == "L":
            return False
        if kind in ("R", "AL"):
            return True
    return False


def visual_order(line: str, rtl: bool | None = None) -> str:
    """Put a line's words in display order (word order only; glyphs are shaped).

    reportlab 5 reorders bidi text only with the rlbidi package, which is not published; the
    shaper already lays each Arabic word out right to left, so ordering words is what is left.
    In a left-to-right paragraph each run of right-to-left words (numbers and punctuation
    between them belong to it) is reversed; in a right-to-left paragraph (`rtl`, found from the
    line's first strong letter when not given) the whole line is, with each run of
    left-to-right words (a brand, a model number) kept reading forwards.
    """
    words = line.split(" ")
    kinds = [_kind(w) for w in words]
    if rtl is None:
        rtl = rtl_base(line)
    if rtl:
        return " ".join(reversed(_segments_rtl(words, kinds)))
    out: list[str] = []
    i = 0
    while i < len(words):
        if kinds[i] != "R":
            out.append(words[i])
            i += 1
            continue
        end = i
        j = i + 1
        while j < len(words) and kinds[j] != "L":
            if kinds[j] == "R":
                end = j
            j += 1
        out.extend(
            _shaper_safe(w) if kinds[k] == "R" else w
            for k, w in reversed(list(enumerate(words[i : end + 1], start=i)))
        )
        i = end + 1
    return " ".join(out)


def _segments_rtl(words: list[str], kinds: list[str]) -> list[str]:
    """A right-to-left line in logical order as segments: each right-to-left or neutral word on
    its own, each run of left-to-right words (and the neutrals inside it) as one."""
    segments: list[str] = []
    i = 0
    while i < len(words):
        if kinds[i] != "L":
            segments.append(_shaper_safe(words[i]) if kinds[i] == "R" else words[i])
            i += 1
            continue
        end = i
        j = i + 1
        while j < len(words) and kinds[j] != "R":
            if kinds[j] == "L":
                end = j
            j += 1
        segments.append(" ".join(words[i : end + 1]))
        i = end + 1
    return segments


@dataclass
class Markup:
    """Paragraph markup for a text, and the characters no font had (already replaced)."""

    xml: str
    missing: tuple[str, ...]


def family(base: str, bold: bool) -> str:
    if base == ARABIC:
        return ARABIC_BOLD if bold else ARABIC
    if base == CJK:
        return CJK
    return SANS_BOLD if bold else SANS


@functools.lru_cache(maxsize=8192)
def _char_fonts(ch: str) -> tuple[frozenset[str], str | None]:
    """The fonts a run may keep this character in, and the face it goes to otherwise."""
    cp = ord(ch)
    first = next((name for name in (SANS, ARABIC, CJK) if cp in _covered[name]), None)
    if unicodedata.category(ch)[0] in "ZPS":
        return frozenset(n for n in (SANS, ARABIC, CJK) if cp in _covered[n]), first
    return frozenset(), first


def _pick(ch: str, current: str) -> str | None:
    """Spaces and punctuation stay in the current run; letters go to the first face with them."""
    sticky, first = _char_fonts(ch)
    return current if current in sticky else first


@functools.lru_cache(maxsize=4096)
def _runs(line: str) -> tuple[tuple[str, str], ...]:
    out: list[tuple[str, str]] = []
    current = SANS
    chars: list[str] = []
    for ch in line:
        font = _pick(ch, current)
        if font is None:
            ch, font = REPLACEMENT, SANS
        if font != current and chars:
            out.append((current, "".join(chars)))
            chars = []
        current = font
        chars.append(ch)
    if chars:
        out.append((current, "".join(chars)))
    return tuple(out)


def runs(line: str) -> list[tuple[str, str]]:
    """Split one line into (font, text) runs; characters no font has become U+FFFD in SANS."""
    register_fonts()
    return list(_runs(line))


def markup(text: str, bold: bool = False, rtl: bool | None = None) -> Markup:
    """Escape `text` for a Paragraph and wrap each run in a font that has its glyphs; `rtl`
    gives the reading direction of a line broken out of a longer paragraph."""
    register_fonts()
    missing = missing_chars(text)
    lines: list[str] = []
    for raw_line in text.replace("\t", " ").replace("\r", "").split("\n"):
        line = visual_order(raw_line, rtl) if has_rtl(raw_line) else raw_line
        parts = []
        for font, chunk in runs(line):
            body = escape(chunk)
            if font == SANS:
                parts.append(body)
            else:
                parts.append(f'<font name="{family(font, bold)}">{body}</font>')
        lines.append("".join(parts))
    return Markup("<br/>".join(lines), missing)

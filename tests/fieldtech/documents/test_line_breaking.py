"""Lines broken by the document text flowable: at spaces, inside Chinese, never clipping."""

from __future__ import annotations

from reportlab.pdfbase import pdfmetrics

from fieldtech.documents import fonts
from fieldtech.documents.text import _broken

SIZE = 9.0


def _width(text: str) -> float:
    return sum(
        float(pdfmetrics.stringWidth(chunk, fonts.family(font, False), SIZE))
        for font, chunk in fonts.runs(text)
    )


def test_broken_latin_at_spaces_every_line_fits() -> None:
    text = "Loud grinding during spin above 800 rpm; error E21 after six minutes of running"
    lines = _broken(text, False, SIZE, 120)
    assert len(lines) > 2
    assert " ".join(lines) == text
    assert all(_width(line) <= 120.01 for line in lines)


def test_broken_short_chinese_run_moves_whole_to_next_line() -> None:
    text = "Northwind Appliance Service Co., Ltd. 北风家电服务有限公司"
    lines = _broken(text, False, SIZE, _width("Northwind Appliance Service Co., Ltd. 北风"))
    assert lines == ["Northwind Appliance Service Co., Ltd.", "北风家电服务有限公司"]


def test_broken_long_chinese_between_characters_punctuation_never_starts_a_line() -> None:
    text = "洗衣机脱水时噪音很大，并显示错误代码。用户反映已经持续一周，每次脱水都会出现，请尽快上门检查。"
    lines = _broken(text, False, SIZE, _width("洗衣机脱水时噪音") + 1)
    assert "".join(lines) == text
    assert len(lines) > 3
    assert all(_width(line) <= _width("洗衣机脱水时噪音") + 1.01 for line in lines)
    assert not any(line[0] in "，。、" for line in lines)


def test_broken_word_longer_than_line_breaks_between_letters() -> None:
    serial = "".join(f"{i:03d}X" for i in range(40))
    lines = _broken(serial, False, SIZE, 60)
    assert "".join(lines) == serial
    assert all(_width(line) <= 60.01 for line in lines)

"""Every character gets a bundled font that has it, or a visible replacement."""

from __future__ import annotations

from fieldtech.documents import fonts


def test_runs_mixed_scripts_split_by_font() -> None:
    runs = fonts.runs("José 王小明 محمد")
    assert [font for font, _ in runs] == [fonts.SANS, fonts.CJK, fonts.ARABIC]
    assert "".join(text for _, text in runs) == "José 王小明 محمد"


def test_runs_traditional_chinese_uses_cjk_font() -> None:
    assert fonts.runs("陳大文") == [(fonts.CJK, "陳大文")]


def test_markup_unknown_character_replaced_and_reported() -> None:
    result = fonts.markup("Ana \U0001f600 \U00013000 <b>")
    assert result.missing == ("\U0001f600", "\U00013000")
    assert "\ufffd" in result.xml
    assert "&lt;b&gt;" in result.xml


def test_visual_order_reverses_only_rtl_word_runs() -> None:
    assert fonts.visual_order("Name محمد بن علي end") == "Name علي بن محمد end"
    assert fonts.visual_order("plain words") == "plain words"


def test_markup_newlines_become_breaks() -> None:
    assert fonts.markup("a\nb").xml == "a<br/>b"


def test_visual_order_numbers_inside_arabic_run_stay_in_it_digits_ready_for_shaper() -> None:
    # The shaper lays an Arabic-script word out right to left, digits too, so they are given
    # reversed here and print the right way round.
    assert fonts.visual_order("الرياض ١٢٢١٤، المملكة") == "المملكة ٤١٢٢١، الرياض"
    assert fonts.visual_order("شارع 45 الملك") == "الملك 45 شارع"


def test_rtl_base_follows_first_strong_letter() -> None:
    assert fonts.rtl_base("12 شارع King") is True
    assert fonts.rtl_base("Haier شارع") is False
    assert fonts.rtl_base("12 ٣٤") is False


def test_visual_order_rtl_paragraph_reverses_line_keeps_latin_runs_forwards() -> None:
    line = "شارع الملك فهد 12 الرياض King Fahd Road"
    assert fonts.visual_order(line) == "King Fahd Road الرياض 12 فهد الملك شارع"
    # A line broken out of a right-to-left paragraph keeps that direction even when it
    # starts with a Latin word.
    assert fonts.visual_order("Tower B الرياض", rtl=True) == "الرياض Tower B"
    assert fonts.visual_order("Tower B الرياض", rtl=False) == "Tower B الرياض"

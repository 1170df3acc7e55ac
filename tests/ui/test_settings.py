"""The typed settings registry: defaults, round trips through the INI file, refused values."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray

from ui.settings import VERSION, Settings

pytestmark = pytest.mark.gui


def test_settings_fresh_folder_gives_defaults(settings: Settings) -> None:
    assert settings.language == "en"
    assert settings.last_job_id == ""
    assert settings.window_geometry == QByteArray()
    assert settings.version == VERSION


def test_settings_written_values_survive_reopen(tmp_path: Path, qapp: object) -> None:
    first = Settings.in_folder(tmp_path)
    first.language = "zh_CN"
    first.window_geometry = QByteArray(b"\x01\x02geometry")
    first.last_job_id = "8a3c1e"
    first.sync()
    again = Settings.in_folder(tmp_path)
    assert again.language == "zh_CN"
    assert again.window_geometry == QByteArray(b"\x01\x02geometry")
    assert again.last_job_id == "8a3c1e"


@pytest.mark.parametrize(("written", "read"), [("zh_CN", "zh_CN"), ("klingon", "en")])
def test_settings_language_from_file_unknown_falls_back_to_default(
    tmp_path: Path, qapp: object, written: str, read: str
) -> None:
    (tmp_path / "ui.ini").write_text(f"[ui]\nlanguage={written}\n", encoding="utf-8")
    assert Settings.in_folder(tmp_path).language == read


def test_settings_wrong_type_refused(settings: Settings) -> None:
    with pytest.raises(TypeError, match="ui/language"):
        settings.language = 3  # type: ignore[assignment]

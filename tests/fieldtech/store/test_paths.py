"""Where stores live: the data folder, its override, and one safe folder per technician."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldtech.store.paths import default_data_dir, profile_dir, profile_name, store_path


def test_default_data_dir_env_override_wins(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("FIELDTECH_DATA_DIR", str(tmp_path / "data"))
    assert default_data_dir() == tmp_path / "data"


def test_default_data_dir_without_override_is_the_platform_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("FIELDTECH_DATA_DIR", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert default_data_dir() == tmp_path / "xdg" / "FieldTech"


def test_profile_and_store_paths(tmp_path: Path) -> None:
    folder = profile_dir(tmp_path, "li.na")
    assert folder == tmp_path / "profiles" / "li.na"
    assert store_path(folder) == folder / "store.db"


@pytest.mark.parametrize(
    "username", ["../../etc", "Li Na", "李娜", "CON", "a/b\\c:d", "li.na ", ".hidden", "x" * 300]
)
def test_profile_name_is_one_safe_component(username: str) -> None:
    name = profile_name(username)
    assert name == Path(name).name
    assert name not in {"", ".", ".."}
    assert not name.startswith(".")
    assert len(name) <= 64
    assert all(c.isascii() and (c.isalnum() or c in "._-") for c in name)


def test_profile_name_keeps_distinct_usernames_apart() -> None:
    names = {profile_name(u) for u in ["Li.Na", "li.na", "li na", "li_na", "李娜", "王芳"]}
    assert len(names) == 6


def test_profile_name_empty_is_refused() -> None:
    with pytest.raises(ValueError, match="username"):
        profile_name("  ")

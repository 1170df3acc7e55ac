"""The credential keeper: store keys and device tokens in the keyring, or in opt-in 0600 files."""

from __future__ import annotations

import logging
import stat
from pathlib import Path

import keyring
import pytest
from keyring.backends import chainer, fail, null
from keyrings.alt.file import PlaintextKeyring

from sync.client.credentials import (
    KEY_FILE,
    SERVICE,
    CredentialStore,
    KeyringUnavailable,
    insecure_requested,
)
from tests.keyring_memory import LockedKeyring, MemoryKeyring


def test_store_key_first_call_creates_random_32_bytes_then_returns_the_same(
    memory_keyring: MemoryKeyring, tmp_path: Path
) -> None:
    credentials = CredentialStore()
    first = credentials.store_key(tmp_path / "alice")
    assert len(first) == 32
    assert CredentialStore().store_key(tmp_path / "alice") == first
    assert credentials.has_store_key(tmp_path / "alice")


def test_store_key_is_kept_as_hex_under_the_fieldtech_service(
    memory_keyring: MemoryKeyring, tmp_path: Path
) -> None:
    key = CredentialStore().store_key(tmp_path / "alice")
    [(service, entry)] = memory_keyring.entries
    assert service == SERVICE == "FieldTech"
    assert entry == f"store-key:{(tmp_path / 'alice').resolve()}"
    assert memory_keyring.entries[(service, entry)] == key.hex()
    assert not (tmp_path / "alice" / KEY_FILE).exists()


def test_store_key_two_profiles_get_two_different_keys(
    memory_keyring: MemoryKeyring, tmp_path: Path
) -> None:
    credentials = CredentialStore()
    assert credentials.store_key(tmp_path / "alice") != credentials.store_key(tmp_path / "bob")


def test_wipe_after_token_and_key_forgets_both(
    memory_keyring: MemoryKeyring, tmp_path: Path
) -> None:
    credentials = CredentialStore()
    profile = tmp_path / "alice"
    key = credentials.store_key(profile)
    credentials.set_device_token(profile, "tok-123")
    assert credentials.device_token(profile) == "tok-123"
    credentials.wipe(profile)
    assert memory_keyring.entries == {}
    assert credentials.device_token(profile) is None
    assert credentials.store_key(profile) != key
    credentials.wipe(profile)
    credentials.wipe(profile)  # nothing left to delete is not an error


def test_empty_device_token_is_refused(memory_keyring: MemoryKeyring, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="device token"):
        CredentialStore().set_device_token(tmp_path, "")


def test_fail_backend_raises_keyring_unavailable_saying_what_to_install(
    restore_keyring: None, tmp_path: Path
) -> None:
    keyring.set_keyring(fail.Keyring())
    with pytest.raises(KeyringUnavailable, match="gnome-keyring, or KWallet") as caught:
        CredentialStore().store_key(tmp_path)
    assert caught.value.code == "keyring_unavailable"
    assert not any(tmp_path.iterdir()), "no key may be written anywhere as a fallback"


def test_chainer_without_backends_raises_keyring_unavailable(
    restore_keyring: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The chainer discovers the machine's backends; pretend the machine has none.
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [])
    keyring.set_keyring(chainer.ChainerBackend())
    with pytest.raises(KeyringUnavailable, match="no keyring backend"):
        CredentialStore().device_token(tmp_path)


def test_plaintext_file_backend_is_refused_not_trusted(
    restore_keyring: None, tmp_path: Path
) -> None:
    backend = PlaintextKeyring()
    backend.file_path = str(tmp_path / "plain.cfg")
    keyring.set_keyring(backend)
    with pytest.raises(KeyringUnavailable, match="plain file"):
        CredentialStore().store_key(tmp_path / "alice")
    assert not (tmp_path / "plain.cfg").exists()


def test_locked_keyring_becomes_keyring_unavailable(restore_keyring: None, tmp_path: Path) -> None:
    keyring.set_keyring(LockedKeyring())
    with pytest.raises(KeyringUnavailable, match="locked"):
        CredentialStore().store_key(tmp_path)


def test_insecure_key_file_is_owner_only_and_warned_once_per_file(
    restore_keyring: None, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    keyring.set_keyring(fail.Keyring())  # the opt-in works without any keyring
    credentials = CredentialStore(insecure_key_file=True)
    profile = tmp_path / "alice"
    with caplog.at_level(logging.WARNING, logger="sync.client.credentials"):
        key = credentials.store_key(profile)
        again = CredentialStore(insecure_key_file=True).store_key(profile)
    assert again == key
    key_file = profile / KEY_FILE
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert key_file.read_text() == key.hex()
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1  # each run of the app says it once, not at every read
    assert "insecure key file" in warnings[0].getMessage()
    assert str(key_file) in warnings[0].getMessage()
    credentials.set_device_token(profile, "tok")
    credentials.wipe(profile)
    assert list(profile.iterdir()) == []


def test_insecure_requested_by_flag_or_environment_only() -> None:
    assert insecure_requested(True, environ={})
    assert insecure_requested(False, environ={"FIELDTECH_INSECURE_KEY_FILE": "1"})
    assert not insecure_requested(False, environ={"FIELDTECH_INSECURE_KEY_FILE": "0"})
    assert not insecure_requested(False, environ={})


def test_null_backend_is_refused(restore_keyring: None, tmp_path: Path) -> None:
    keyring.set_keyring(null.Keyring())
    with pytest.raises(KeyringUnavailable, match="forgets every secret"):
        CredentialStore().store_key(tmp_path)


def test_store_key_damaged_in_the_keyring_is_refused_not_replaced(
    memory_keyring: MemoryKeyring, tmp_path: Path
) -> None:
    CredentialStore().store_key(tmp_path)
    [entry] = memory_keyring.entries
    memory_keyring.entries[entry] = "not hex"
    with pytest.raises(ValueError, match="changed outside FieldTech"):
        CredentialStore().store_key(tmp_path)
    assert memory_keyring.entries[entry] == "not hex"

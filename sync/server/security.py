"""Secrets: Argon2 password hashes and random bearer tokens stored only as their SHA-256."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

# argon2-cffi's defaults (RFC 9106 low-memory profile); tests swap in a cheaper hasher via
# `use_hasher`, because every stored hash carries its own parameters.
_hasher = PasswordHasher()

MIN_PASSWORD_LENGTH = 8

# Verifying against this when the user name is unknown keeps the answer time the same, so the
# time taken does not tell an attacker which user names exist.
_DUMMY_HASH = _hasher.hash("not-a-real-password")


def use_hasher(hasher: PasswordHasher) -> PasswordHasher:
    """Replaces the hasher new passwords get; returns the previous one."""
    global _hasher
    previous, _hasher = _hasher, hasher
    return previous


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    return _hasher.check_needs_rehash(password_hash)


def new_token() -> str:
    """256 random bits, URL-safe: long enough that hashing it without a salt is safe."""
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def same_secret(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode("utf-8"), b.encode("utf-8"))

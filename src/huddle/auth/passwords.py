"""argon2id password hashing."""

from __future__ import annotations

from argon2 import PasswordHasher, profiles
from argon2.exceptions import InvalidHashError, VerificationError

# RFC 9106's low-memory profile (argon2id, 64 MiB, 3 passes): argon2-cffi's default.
_hasher = PasswordHasher.from_parameters(profiles.RFC_9106_LOW_MEMORY)
# Verified against when the user does not exist, so a login takes as long either way.
_dummy_hash = _hasher.hash("huddle-timing-equaliser")


# The one strength rule, for every way a password is set (the forms, the API, a reset,
# the command line): length is what makes a password hard to guess.
MIN_LENGTH = 10
MAX_LENGTH = 200


def password_problem(password: str) -> str | None:
    """What is wrong with a new password, in words for the form, or None."""
    if len(password) < MIN_LENGTH:
        return f"use at least {MIN_LENGTH} characters"
    if len(password) > MAX_LENGTH:
        return f"use at most {MAX_LENGTH} characters"
    return None


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    try:
        return _hasher.verify(password_hash or _dummy_hash, password) and bool(password_hash)
    except (VerificationError, InvalidHashError):
        return False


def use_cheapest_hashing_for_tests() -> None:
    """Swap in argon2's cheapest parameters. Only the test suite calls this: a real hash
    is slow by design, and hundreds of tests sign users in. A hash names its own
    parameters, so verifying works the same either way."""
    global _hasher, _dummy_hash
    _hasher = PasswordHasher.from_parameters(profiles.CHEAPEST)
    _dummy_hash = _hasher.hash("huddle-timing-equaliser")

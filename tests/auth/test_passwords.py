"""The suite hashes with argon2's cheapest parameters (tests/conftest.py); Huddle itself
must not."""

from __future__ import annotations

import subprocess
import sys

from huddle.auth.passwords import hash_password, verify_password


def test_a_running_huddle_hashes_with_rfc_9106_argon2id() -> None:
    # A fresh interpreter: this process swapped in the cheap parameters.
    printed = subprocess.run(
        [
            sys.executable,
            "-c",
            "from huddle.auth.passwords import hash_password as h; print(h('x'))",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert printed.startswith("$argon2id$v=19$m=65536,t=3,p=4$")


def test_a_hash_made_with_other_parameters_still_verifies() -> None:
    strong = subprocess.run(
        [
            sys.executable,
            "-c",
            "from huddle.auth.passwords import hash_password as h; print(h('pw'))",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert verify_password(strong, "pw")
    assert not verify_password(strong, "other")
    assert verify_password(hash_password("pw"), "pw")

"""The key a Huddle instance signs with when none is configured: its own, made on first
start and kept in the data directory, readable by its owner only. A key published in the
source would let anyone forge session cookies and signed links of every instance left on
it; a key made per instance cannot be known outside it."""

from __future__ import annotations

import contextlib
import logging
import os
import secrets
from pathlib import Path

KEY_FILE = "secret_key"
OWNER_ONLY = 0o600

log = logging.getLogger(__name__)


def instance_secret_key(data_dir: Path) -> str:
    """The instance's key from ``data_dir/secret_key``, made there first if missing."""
    path = data_dir / KEY_FILE
    if not path.exists():
        _create(path)
    if path.stat().st_mode & 0o077:
        log.warning("%s was readable by others; it is now readable by its owner only", path)
        path.chmod(OWNER_ONLY)
    key = path.read_text().strip()
    if len(key) < 32:
        raise ValueError(f"{path} holds no usable key: delete it and Huddle makes a new one")
    return key


def _create(path: Path) -> None:
    """Write the key to a file of its own, then link it into place: two processes starting
    at once (a server and a worker) both end up reading the one that won."""
    path.parent.mkdir(parents=True, exist_ok=True)
    draft = path.with_name(f".{KEY_FILE}.{os.getpid()}.{secrets.token_hex(4)}")
    descriptor = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, OWNER_ONLY)
    try:
        with os.fdopen(descriptor, "w") as file:
            file.write(secrets.token_urlsafe(48) + "\n")
        with contextlib.suppress(FileExistsError):  # the other process's key stands
            os.link(draft, path)
    finally:
        draft.unlink()

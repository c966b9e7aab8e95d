"""Transaction-scoped advisory locks, for the few races row locks cannot close.

On PostgreSQL they are ``pg_advisory_xact_lock``: held until the transaction ends, taken
shared by any number of holders or exclusively by one. SQLite runs one writer at a time,
so there is nothing to take.
"""

from __future__ import annotations

from enum import IntEnum

from sqlalchemy import text
from sqlalchemy.orm import Session


class Lock(IntEnum):
    # Scores and grades have no foreign key to contacts (a full rescore writes millions of
    # rows; checking a key per row cost a third of it). A trigger drops a deleted contact's
    # rows, but it cannot see rows a rescore chunk has written and not yet committed: the
    # chunk holds this lock shared, deleting contacts holds it exclusively.
    CONTACT_DELETION = 0x48_44_00_01
    # Marketing email's rate limits count the messages that started in this minute: two
    # workers counting at once would both take the last place. Held while a message is
    # counted and marked started, only when a limit is set.
    MAILING_RATE = 0x48_44_00_02


def hold(session: Session, lock: Lock, *, shared: bool = False) -> None:
    """Take ``lock`` for the rest of the transaction, waiting for holders it conflicts with.
    Take it before any row lock the other side might wait for, or the two can deadlock."""
    if session.get_bind().dialect.name != "postgresql":
        return
    function = "pg_advisory_xact_lock_shared" if shared else "pg_advisory_xact_lock"
    session.execute(text(f"SELECT {function}(:key)"), {"key": int(lock)})

"""SQLite: checkpointing the WAL on a thread of its own while a bulk job writes.

In WAL mode the committing connection copies the WAL back into the database file itself
once the WAL has grown past ``wal_autocheckpoint``, and waits for the two fsyncs that
come with it. For a job that commits chunk after chunk (an import of a million rows) that
was a quarter of its time, most of it waiting for the disk. A second connection can
checkpoint while the writer goes on (a PASSIVE checkpoint never blocks a writer); when it
keeps up, the WAL starts over at the writer's next transaction and the writer never
reaches the threshold. Its statements run with the interpreter lock released.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from sqlalchemy import Engine

log = logging.getLogger(__name__)


@contextmanager
def checkpoints_alongside(engine: Engine) -> Iterator[Callable[[], None]]:
    """Yields ``committed()``: call it after each commit of the bulk job; the thread then
    checkpoints what is in the WAL. On PostgreSQL (no WAL to copy back) it does nothing."""
    if engine.dialect.name != "sqlite":
        yield _nothing
        return
    checkpointer = _Checkpointer(engine)
    checkpointer.start()
    try:
        yield checkpointer.wanted.set
    finally:
        checkpointer.stop()


def _nothing() -> None:
    return None


class _Checkpointer(threading.Thread):
    def __init__(self, engine: Engine) -> None:
        super().__init__(name="wal-checkpointer", daemon=True)
        self._engine = engine
        self.wanted = threading.Event()
        self._stopping = False

    def stop(self) -> None:
        self._stopping = True
        self.wanted.set()
        self.join()

    def run(self) -> None:
        connection = self._engine.raw_connection()
        try:
            while True:
                self.wanted.wait()
                self.wanted.clear()
                if self._stopping:
                    return
                cursor = connection.cursor()
                try:
                    # (busy, frames in the WAL, frames copied); busy only means another
                    # checkpoint ran at that moment: the next call catches up.
                    cursor.execute("PRAGMA wal_checkpoint(PASSIVE)")
                    cursor.fetchall()
                finally:
                    cursor.close()
        except Exception:
            # The writer's own automatic checkpoints still happen: nothing is lost.
            log.exception("background WAL checkpoints stopped")
        finally:
            connection.close()

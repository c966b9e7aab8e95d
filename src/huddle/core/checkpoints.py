"""SQLite: checkpointing the WAL on a thread of its own while a bulk job or a server writes.

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

from sqlalchemy import Connection, Engine, event
from sqlalchemy.pool import ConnectionPoolEntry

log = logging.getLogger(__name__)

# Marks, on a pool entry, a commit whose checkpoint is asked for when the entry returns.
_COMMITTED = "huddle_committed"


@contextmanager
def checkpoints_alongside(engine: Engine, *, pause: float = 0.0) -> Iterator[Callable[[], None]]:
    """Yields ``committed()``: call it after each commit of the bulk job; the thread then
    checkpoints what is in the WAL, then rests ``pause`` seconds (commits meanwhile are
    caught up by the next checkpoint). On PostgreSQL (no WAL to copy back) it does
    nothing."""
    if engine.dialect.name != "sqlite":
        yield _nothing
        return
    checkpointer = _Checkpointer(engine, pause)
    checkpointer.start()
    try:
        yield checkpointer.wanted.set
    finally:
        checkpointer.stop()


@contextmanager
def checkpoints_after_commits(engine: Engine, *, pause: float = 0.25) -> Iterator[None]:
    """For a serving process: every commit on ``engine`` asks for a checkpoint on the
    thread, taken at most every ``pause`` seconds. Copying tens of megabytes of WAL back
    inside one request's commit kept every request queued behind it waiting (the tail of
    ``/t/collect``'s latency); small checkpoints on the side keep the WAL short instead.

    The ask comes when the connection that committed goes back to the pool: the commit
    has landed by then, so the checkpoint copies it, and between bursts of writes the WAL
    is wholly copied back and the next writer starts it over. (Asked from the engine's
    commit event, which comes before the commit lands, every checkpoint left out the
    commit that asked for it: the WAL was never wholly copied back, and grew by each
    commit until a writer's own checkpoint at ``wal_autocheckpoint``.) Only a writer that
    begins after a checkpoint finished starts the WAL over: back-to-back batches of events,
    each beginning as the last commits, still grow it until one comes after a pause."""
    if engine.dialect.name != "sqlite":
        yield
        return
    with checkpoints_alongside(engine, pause=pause) as committed:

        def on_commit(connection: Connection) -> None:
            # The pool entry's info: it goes back to the pool with the connection.
            connection.info[_COMMITTED] = True

        def on_checkin(_dbapi_connection: object, entry: ConnectionPoolEntry | None) -> None:
            if entry is not None and entry.info.pop(_COMMITTED, False):
                committed()

        event.listen(engine, "commit", on_commit)
        event.listen(engine.pool, "checkin", on_checkin)
        try:
            yield
        finally:
            event.remove(engine.pool, "checkin", on_checkin)
            event.remove(engine, "commit", on_commit)


def _nothing() -> None:
    return None


class _Checkpointer(threading.Thread):
    def __init__(self, engine: Engine, pause: float) -> None:
        super().__init__(name="wal-checkpointer", daemon=True)
        self._engine = engine
        self._pause = pause
        self.wanted = threading.Event()
        self._stopping = threading.Event()

    def stop(self) -> None:
        self._stopping.set()
        self.wanted.set()
        self.join()

    def run(self) -> None:
        connection = self._engine.raw_connection()
        try:
            while True:
                self.wanted.wait()
                self.wanted.clear()
                if self._stopping.is_set():
                    return
                cursor = connection.cursor()
                try:
                    # (busy, frames in the WAL, frames copied); busy only means another
                    # checkpoint ran at that moment: the next call catches up.
                    cursor.execute("PRAGMA wal_checkpoint(PASSIVE)")
                    cursor.fetchall()
                finally:
                    cursor.close()
                if self._pause:
                    self._stopping.wait(self._pause)
        except Exception:
            # The writer's own automatic checkpoints still happen: nothing is lost.
            log.exception("background WAL checkpoints stopped")
        finally:
            connection.close()

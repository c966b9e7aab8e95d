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

from sqlalchemy import Engine, event

log = logging.getLogger(__name__)


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

    The engine's commit event comes just before the commit lands, so a checkpoint can miss
    the commit that asked for it: that one goes with the next commit's checkpoint (or the
    writer's own at ``wal_autocheckpoint``). Waiting ``pause`` before each checkpoint
    instead would catch it, but doubled and tripled ``/t/collect``'s p99 in paired runs."""
    if engine.dialect.name != "sqlite":
        yield
        return
    with checkpoints_alongside(engine, pause=pause) as committed:

        def on_commit(_connection: object) -> None:
            committed()

        event.listen(engine, "commit", on_commit)
        try:
            yield
        finally:
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

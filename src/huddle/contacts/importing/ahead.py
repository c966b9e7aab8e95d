"""Reading and checking the next chunk while the database commits the last one.

An import is one thread of Python and a database that works with the interpreter lock
released: while a chunk commits (its pages written to the WAL, checkpointed) the
interpreter could be reading the file. So a second thread reads and checks rows ahead of
the writer, but only while the gate is open, that is, while the writer is not running
Python. Left running all the time it would make things worse: the writer releases the
lock around every row of an executemany and would then wait up to the interpreter's
switch interval (5 ms) to get it back, row after row.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from types import TracebackType

from huddle.contacts.importing.reader import SourceRow
from huddle.contacts.importing.rows import FailedRow, ParsedRow, RowParser
from huddle.core.bulk import overlap_bulk_statements_with


@dataclass
class CheckedChunk:
    """Up to a chunk's worth of the file's rows, checked, in file order."""

    rows: int = 0
    last_line: int = 0
    # The line reading goes on from after the chunk: where a resumed import starts.
    resume: int = 0
    parsed: list[ParsedRow] = field(default_factory=list)
    failed: list[FailedRow] = field(default_factory=list)


# How often the reader offers the interpreter back: a few rows, so the writer whose
# statement is done waits for little reading.
_ROWS_BETWEEN_YIELDS = 32


class _End:
    """The file has been read to the end."""


# What the reading thread hands over: a chunk, the end, or what stopped it.
_Item = CheckedChunk | _End | BaseException


class ReadAhead:
    """The file's rows checked a chunk at a time, by a thread that runs while the writer
    is inside ``overlapping()`` (or waiting for the next chunk).

    Iterate in the writer's thread. An error of the reading (a file that stops being CSV)
    comes out of the iteration after the chunks read before it.
    """

    def __init__(self, rows: Iterator[SourceRow], parser: RowParser, chunk_size: int) -> None:
        self._rows = rows
        self._parser = parser
        self._size = chunk_size
        # At most one chunk waits, and the next is not begun before the writer takes it:
        # two chunks in memory, the writer's and the next (a history import's chunk is
        # tens of megabytes). Reading further ahead gains nothing: the reader runs only
        # while the writer waits, so it is either ahead already or never gets that far.
        self._ready: queue.Queue[_Item] = queue.Queue(maxsize=1)
        self._taken = threading.Event()
        self._gate = threading.Event()
        self._stopping = False
        self._thread = threading.Thread(target=self._read, name="import-read-ahead", daemon=True)

    def __enter__(self) -> ReadAhead:
        self._thread.start()
        # The bulk statements of a chunk (its contacts, their first stages) read meanwhile.
        self._overlap = overlap_bulk_statements_with(self.overlapping)
        self._overlap.__enter__()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._overlap.__exit__(None, None, None)
        self._stopping = True
        self._gate.set()
        while self._thread.is_alive():
            # Make room for a chunk being handed over, so the thread sees that it stops.
            with suppress(queue.Empty):
                self._ready.get(timeout=0.05)
        self._thread.join()

    def __iter__(self) -> Iterator[CheckedChunk]:
        while True:
            with self.overlapping():
                item = self._ready.get()
            self._taken.set()
            if isinstance(item, _End):
                return
            if isinstance(item, BaseException):
                raise item
            yield item

    @contextmanager
    def overlapping(self) -> Iterator[None]:
        """The writer is about to wait on the database (or on this reader): read meanwhile."""
        self._gate.set()
        try:
            yield
        finally:
            self._gate.clear()

    @contextmanager
    def paused(self) -> Iterator[None]:
        """The writer runs Python (inside ``overlapping()``): the reader waits."""
        self._gate.clear()
        try:
            yield
        finally:
            self._gate.set()

    def _read(self) -> None:
        try:
            chunk = CheckedChunk()
            for row in self._rows:
                if not self._gate.is_set():
                    self._gate.wait()
                if self._stopping:
                    return
                result = self._parser.parse(row)
                if isinstance(result, ParsedRow):
                    chunk.parsed.append(result)
                else:
                    chunk.failed.append(result)
                chunk.rows += 1
                chunk.last_line = row.line
                chunk.resume = row.resume
                if not chunk.rows % _ROWS_BETWEEN_YIELDS:
                    # Let the writer have the interpreter back as soon as its statement
                    # is done; otherwise it waits for the switch interval (5 ms).
                    time.sleep(0)
                if chunk.rows == self._size:
                    self._hand_over(chunk)
                    self._wait_until_taken()
                    chunk = CheckedChunk()
            if chunk.rows:
                self._hand_over(chunk)
            self._hand_over(_End())
        except BaseException as exc:
            self._hand_over(exc)

    def _wait_until_taken(self) -> None:
        while not self._stopping and not self._taken.wait(timeout=0.05):
            continue

    def _hand_over(self, item: _Item) -> None:
        self._taken.clear()
        while not self._stopping:
            try:
                self._ready.put(item, timeout=0.05)
                return
            except queue.Full:
                continue

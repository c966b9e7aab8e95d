"""Pausing Python's cyclic garbage collector around bulk work, safely across threads.

A batch of thousands of rows makes tens of thousands of short-lived containers (parsed
JSON, rows, parameters) that reference counting frees. The cyclic collector, triggered
every 700 allocations, walks them again and again while they are alive, promotes them to
the old generation and then walks the whole heap for them: a tenth of an events batch's
time and a quarter of an import's, for nothing. Paused, they are freed as usual when the
work drops them; the collector runs again afterwards.

The collector is one per process while a server runs requests on several threads, so the
pause is counted: it ends when the last holder leaves, and never turns on a collector
that was off before the first one came.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_holders = 0
_was_enabled = False


@contextmanager
def collection_paused() -> Iterator[None]:
    """No automatic cyclic garbage collection while the block runs (in any thread). Keep
    the block to work that drops what it made before it ends: what is still referenced
    when the collector resumes is walked by its next collection."""
    global _holders, _was_enabled
    with _lock:
        if _holders == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _holders += 1
    try:
        yield
    finally:
        with _lock:
            _holders -= 1
            if _holders == 0 and _was_enabled:
                gc.enable()

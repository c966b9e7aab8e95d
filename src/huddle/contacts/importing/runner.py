"""Which process runs an import, and whether it still does.

A running import records its runner, ``host|pid namespace|pid|start``, and a heartbeat with
each chunk it commits. The process's start time makes a process id that the system has
since given to another process count as gone, and the pid namespace keeps two containers
that share a host name apart. An import that says "running" has stopped when:

- its runner is this very process, which no longer runs it (it stopped on an error it
  could not record, the database being away, say);
- its runner is a process of this host that is gone (killed, crashed, the machine restarted);
- or no chunk has committed for ``STALE`` (a runner on another host, or one that hangs).
"""

from __future__ import annotations

import os
import socket
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from huddle.core.jobs import LEASE

# As long as a background job's lease: a chunk takes seconds.
STALE = LEASE

_running: Counter[int] = Counter()
_lock = threading.Lock()


def _host() -> str:
    try:
        namespace = os.readlink("/proc/self/ns/pid")
    except OSError:
        namespace = ""
    return f"{socket.gethostname()}|{namespace}"


def _stat(pid: int) -> tuple[str, str] | None:
    """(state, start time in clock ticks since boot) of a process, where /proc tells."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    # The command name, in parentheses, may itself hold spaces and parentheses.
    fields = text[text.rindex(")") + 2 :].split()
    return fields[0], fields[19]


def this_process() -> str:
    pid = os.getpid()
    stat = _stat(pid)
    return f"{_host()}|{pid}|{stat[1] if stat else ''}"


@contextmanager
def running(import_id: int) -> Iterator[None]:
    """Marks ``import_id`` as being run by this process until the block ends."""
    with _lock:
        _running[import_id] += 1
    try:
        yield
    finally:
        with _lock:
            _running[import_id] -= 1
            if _running[import_id] <= 0:
                del _running[import_id]


def _runs_here(import_id: int, besides: int) -> bool:
    with _lock:
        return _running[import_id] > besides


def _gone(pid: int, start: str) -> bool:
    """Whether process ``pid`` of this host, started at ``start``, has ended."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        pass  # it exists, as another user's process
    stat = _stat(pid)
    if stat is None:
        return False  # no /proc to tell: the id is taken, so assume it is still ours
    state, started = stat
    # A zombie has ended; so has a process whose id now belongs to a later one.
    return state in ("Z", "X") or (bool(start) and started != start)


def why_stopped(
    runner: str | None,
    heartbeat_at: datetime | None,
    import_id: int,
    *,
    now: datetime,
    besides: int = 0,
) -> str | None:
    """Why an import that says "running" is no longer run, or None if it may still be.
    ``besides``: runs of it in this process that do not count (the caller's own)."""
    if runner is None:
        return "it was stopped before Huddle recorded which process ran it"
    if runner == this_process():
        if _runs_here(import_id, besides):
            return None
        return "it stopped in this process without recording why"
    host, pid, start = [*runner.rsplit("|", 2), "", ""][:3]
    if host == _host() and pid.isdigit() and _gone(int(pid), start):
        return f"the process that ran it (process {pid} on {socket.gethostname()}) is gone"
    if heartbeat_at is None or now - heartbeat_at > STALE:
        minutes = int(STALE.total_seconds() // 60)
        return f"its process committed no rows for more than {minutes} minutes"
    return None

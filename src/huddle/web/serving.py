"""Running the app in a long-lived server process (``huddle serve``, and the benchmarks,
which must measure the same server)."""

from __future__ import annotations

import gc

from fastapi import FastAPI

# The collector's thresholds while serving: young generations as Python's defaults, the
# full pass after 1,000 middle-generation passes instead of 10. Requests leave few cycles;
# what they leave behind that lives on (SQLAlchemy's compiled statements, templates
# compiled on first use: up to a million objects) was walked by a full pass every ~30
# requests, a 15-60 ms pause in one of them (bench/list.py's p95 at a million contacts).
PYTHON_THRESHOLDS = (700, 10, 10)
SERVING_THRESHOLDS = (*PYTHON_THRESHOLDS[:2], 1000)


def settle_heap() -> None:
    """What is built by now lives as long as the process: collected once, then frozen out
    of the cyclic garbage collector's reach, which from now on runs its full pass rarely
    (``SERVING_THRESHOLDS``). Called once the app is built, before the first request."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(*SERVING_THRESHOLDS)


def unsettle_heap() -> None:
    """``settle_heap`` undone (a benchmark that serves one app, then another)."""
    gc.unfreeze()
    gc.set_threshold(*PYTHON_THRESHOLDS)


def serve(app: FastAPI, *, host: str, port: int) -> None:
    """Serve ``app`` with uvicorn until stopped (it picks uvloop and httptools, installed
    with Huddle: the C event loop and HTTP parser that ``/t/collect`` needs).

    What is built by now (modules, the app, its routes and schemas: some 235,000 objects)
    lives as long as the process, so it is frozen out of the cyclic garbage collector's
    reach: otherwise every full collection walks all of it again, 120 to 160 ms during
    which no request is answered (the tail of ``/t/collect``'s latency)."""
    import uvicorn

    settle_heap()
    # access_log off: at thousands of page views a second the access log costs more than
    # answering them. proxy_headers off: uvicorn would otherwise believe X-Forwarded-For
    # from 127.0.0.1 (its default), letting anyone on the machine or behind a careless
    # proxy pick the address the audit trail and lockout see. Huddle's own middleware
    # reads it, from HUDDLE_TRUSTED_PROXIES only.
    uvicorn.run(
        app,
        host=host,
        port=port,
        log_level="warning",
        access_log=False,
        proxy_headers=False,
    )

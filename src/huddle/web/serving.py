"""Running the app in a long-lived server process (``huddle serve``, and the benchmarks,
which must measure the same server)."""

from __future__ import annotations

import gc

from fastapi import FastAPI


def serve(app: FastAPI, *, host: str, port: int) -> None:
    """Serve ``app`` with uvicorn until stopped (it picks uvloop and httptools, installed
    with Huddle: the C event loop and HTTP parser that ``/t/collect`` needs).

    What is built by now (modules, the app, its routes and schemas: some 235,000 objects)
    lives as long as the process, so it is frozen out of the cyclic garbage collector's
    reach: otherwise every full collection walks all of it again, 120 to 160 ms during
    which no request is answered (the tail of ``/t/collect``'s latency)."""
    import uvicorn

    gc.collect()
    gc.freeze()
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

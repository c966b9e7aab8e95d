"""Huddle served over real HTTP for the tests that need a running server (the browser
stories, the generated Python client): uvicorn on a free loopback port, in a thread."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import uvicorn
from fastapi import FastAPI

from tests.mail import free_port


@contextmanager
def serve(app: FastAPI, *, name: str) -> Iterator[str]:
    """``app`` served by uvicorn on a free loopback port in a background thread named
    ``name``; yields its URL."""
    port = free_port()
    # As `huddle serve` (web.serving): forwarding headers only from HUDDLE_TRUSTED_PROXIES.
    config = uvicorn.Config(
        app, host="127.0.0.1", port=port, log_level="warning", proxy_headers=False
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name=name, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError(f"the {name} server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)

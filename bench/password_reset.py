"""Benchmark: does "Forgot password?" answer faster for some addresses than for others?

    python -m bench.password_reset [--rounds 400]

A fresh SQLite database holds --rounds users. Each round asks for a reset link twice, in
random order, through the real request path (``resets.request_reset`` in a unit of work
that commits, as a request does): once for a user's address, once for an address nobody
has. Each request comes from its own address, so no rate limit applies. Printed: median,
mean and 90th percentile of each kind, and the median of the per-round differences (known
minus unknown), which is what a timing attack would try to see. The last line is JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import tempfile
import time
from pathlib import Path

from sqlalchemy import insert

from huddle.auth import resets
from huddle.auth.models import User
from huddle.core.db import make_engine, session_factory, unit_of_work
from huddle.core.migrations import upgrade
from huddle.subscribers import register


def _timed(factory, email: str, ip: str) -> float:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    with unit_of_work(factory) as session:
        resets.request_reset(session, email, ip=ip)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=400)
    args = parser.parse_args()
    register()
    with tempfile.TemporaryDirectory() as folder:
        engine = make_engine(f"sqlite:///{Path(folder) / 'bench.db'}")
        upgrade(engine)
        with engine.begin() as connection:
            connection.execute(
                insert(User),
                [
                    {
                        "email": f"user-{n}@bench.example",
                        "name": f"User {n}",
                        "team": "sales",
                        "role": "sales_rep",
                        "working_hours": {},
                    }
                    for n in range(args.rounds)
                ],
            )
        factory = session_factory(engine)
        chooser = random.Random(7)
        known: list[float] = []
        unknown: list[float] = []
        for n in range(args.rounds):
            pair = [("known", f"user-{n}@bench.example"), ("unknown", f"nobody-{n}@bench.example")]
            chooser.shuffle(pair)
            for kind, email in pair:
                seconds = _timed(factory, email, ip=f"10.{n // 250}.{n % 250}.{len(known)}")
                (known if kind == "known" else unknown).append(seconds)
        engine.dispose()

    def figures(values: list[float]) -> dict[str, float]:
        ordered = sorted(values)
        return {
            "median_ms": round(statistics.median(ordered) * 1000, 3),
            "mean_ms": round(statistics.fmean(ordered) * 1000, 3),
            "p90_ms": round(ordered[int(len(ordered) * 0.9)] * 1000, 3),
        }

    differences = [(k - u) * 1000 for k, u in zip(known, unknown, strict=True)]
    result = {
        "rounds": args.rounds,
        "known": figures(known),
        "unknown": figures(unknown),
        "median_difference_ms": round(statistics.median(differences), 3),
        "load_average": round(os.getloadavg()[0], 2),
    }
    print(f"known address   {result['known']}")
    print(f"unknown address {result['unknown']}")
    print(f"median of per-round differences (known - unknown): {result['median_difference_ms']} ms")
    print(json.dumps(result))


if __name__ == "__main__":
    main()

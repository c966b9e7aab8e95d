"""Benchmark: the pure parts of ICP discovery and title matching, at a large book's size.

    python -m bench.icp [--accounts 50000] [--titles 20000] [--examples 6]

- ICP discovery over --accounts accounts (a fifth customers; six segment attributes each):
  ranking the best customers and counting every segment (the database read is not timed).
- Title matching as grading does it on a full rescore: every distinct job title (--titles of
  them, made of real title words) compared with each persona's example title (--examples).

Figures are noisy on a shared machine; the load average is printed with them. The last line
is JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import time

from huddle.predictive import discovery
from huddle.scoring import titles

LEVELS = ["", "Senior", "Junior", "Lead", "Head of", "Director of", "VP", "SVP", "Chief"]
FUNCTIONS = ["Engineering", "Marketing", "Sales", "Finance", "Data", "Product", "People", "IT"]
NOUNS = ["", "Manager", "Engineer", "Analyst", "Officer", "Specialist", "Mgr", "Dir"]
EXAMPLES = ["VP Engineering", "Head of Marketing", "CRO", "Data Analyst", "CFO", "IT Manager"]


def _accounts(count: int, rng: random.Random) -> list[discovery.AccountHistory]:
    industries = [f"Industry {i}" for i in range(30)]
    countries = [f"Country {i}" for i in range(40)]
    out = []
    for i in range(count):
        customer = rng.random() < 0.2
        out.append(
            discovery.AccountHistory(
                account_id=i,
                segments={
                    "industry": rng.choice(industries[:5] if customer else industries),
                    "country": rng.choice(countries),
                    "region": rng.choice(["EMEA", "AMER", "APAC"]),
                    "employees": rng.choice([b[0] for b in discovery.EMPLOYEE_BANDS]),
                    "revenue": rng.choice([b[0] for b in discovery.REVENUE_BANDS]),
                    "custom.tier": rng.choice(["gold", "silver", "bronze"]),
                },
                is_customer=customer,
                value=rng.uniform(0, 1e6) if customer else 0.0,
                tenure_days=rng.uniform(0, 2000) if customer else 0.0,
            )
        )
    return out


def _titles(count: int, rng: random.Random) -> list[str]:
    made: set[str] = set()
    while len(made) < count:
        words = [rng.choice(LEVELS), rng.choice(FUNCTIONS), rng.choice(NOUNS)]
        made.add(" ".join(w for w in words if w) + (f" {len(made)}" if rng.random() < 0.5 else ""))
    return sorted(made)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--accounts", type=int, default=50_000)
    parser.add_argument("--titles", type=int, default=20_000)
    parser.add_argument("--examples", type=int, default=len(EXAMPLES))
    args = parser.parse_args()
    rng = random.Random(5)

    accounts = _accounts(args.accounts, rng)
    started = time.perf_counter()
    found = discovery.discover(accounts)
    discovery_seconds = time.perf_counter() - started

    distinct = _titles(args.titles, rng)
    examples = EXAMPLES[: args.examples]
    started = time.perf_counter()
    matched = sum(len(found) for found in titles.alike(distinct, examples).values())
    matching_seconds = time.perf_counter() - started
    figures = {
        "accounts": args.accounts,
        "discovery_s": round(discovery_seconds, 3),
        "segments_found": len(found.segments),
        "distinct_titles": args.titles,
        "examples": len(examples),
        "title_matching_s": round(matching_seconds, 3),
        "comparisons_per_s": round(len(examples) * args.titles / matching_seconds),
        "matches": matched,
        "load_average": [round(v, 2) for v in os.getloadavg()],
    }
    print(json.dumps(figures))


if __name__ == "__main__":
    main()

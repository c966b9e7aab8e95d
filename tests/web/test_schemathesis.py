"""Schemathesis against Huddle's own OpenAPI document, through the ASGI app, with an
administrator's API token (the Bearer scheme the document declares): no answer is a
server error, every answer matches the document, and every status an operation answered
is one it declares (explicitly: not a ``default``).

Bounded for CI: 25 derandomised examples per operation on SQLite (about a minute), 10 on
PostgreSQL (the Makefile), all inside one rolled-back transaction (the ``db`` fixture). For
a deeper hunt: ``HUDDLE_SCHEMATHESIS_EXAMPLES=200``; ``HUDDLE_SCHEMATHESIS_ONLY=/contacts``
narrows it.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.core.failures import FailureGroup
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from sqlalchemy.orm import Session

from huddle.auth.models import User
from tests.tokens import issue_secret

pytestmark = pytest.mark.schemathesis

EXAMPLES_PER_OPERATION = int(os.environ.get("HUDDLE_SCHEMATHESIS_EXAMPLES", "25"))
CHECKS = [
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    negative_data_rejection,
]


def _described(exc: BaseException) -> str:
    """The failure with every sub-failure Hypothesis grouped (each says how to reproduce)."""
    if isinstance(exc, BaseExceptionGroup):
        return "\n".join(_described(e) for e in exc.exceptions)
    cause = exc.__cause__ or exc.__context__
    return f"{type(exc).__name__}: {exc}" + (
        f" (from {type(cause).__name__}: {cause})" if cause else ""
    )


def _undeclared(answered: set[tuple[str, int]], spec: dict[str, Any]) -> list[str]:
    """The (operation, status) pairs the server answered that the operation does not
    declare by its own status code."""
    declared = {
        f"{method.upper()} {path}": set(operation["responses"])
        for path, item in spec["paths"].items()
        for method, operation in item.items()
    }
    return sorted(
        f"{label} answered {status}"
        for label, status in answered
        if str(status) not in declared[label]
    )


def _bearer(db: Session, admin: User) -> dict[str, str]:
    """A fresh token with every scope: an operation that revokes the token it was called
    with (``DELETE /tokens/{id}`` with its own id) spoils no other operation's run. It
    replaces the made-up token schemathesis sends where the document asks for one."""
    secret = issue_secret(db, admin, ["read", "write", "ingest"], name="schemathesis")
    return {"Authorization": f"Bearer {secret}"}


def _exercise(operation: Any, headers: dict[str, str], answered: set[tuple[str, int]]) -> None:
    """The operation's generated examples, each answer checked; the statuses are noted in
    ``answered``."""

    @given(case=operation.as_strategy())
    @settings(
        max_examples=EXAMPLES_PER_OPERATION,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def exercise(case: Any) -> None:
        response = case.call(headers=headers)
        answered.add((case.operation.label, response.status_code))
        case.validate_response(response, checks=CHECKS, headers=headers)

    exercise()


def test_the_api_keeps_its_documented_contract(app: Any, db: Session, admin: User) -> None:
    """Every operation in turn; all failures are collected, so one run names them all."""
    schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", app)
    failures: list[str] = []
    answered: set[tuple[str, int]] = set()
    only = os.environ.get("HUDDLE_SCHEMATHESIS_ONLY", "")
    operations = [result.ok() for result in schema.get_all_operations()]
    operations = [o for o in operations if only in o.label]
    assert len(operations) > 20 or only

    for operation in operations:
        try:
            _exercise(operation, _bearer(db, admin), answered)
        except (Exception, FailureGroup) as exc:
            failures.append(f"{operation.label}: {_described(exc)}")

    failures += _undeclared(answered, app.openapi())
    assert answered, "no operation was called"
    assert not failures, "\n\n".join(failures)

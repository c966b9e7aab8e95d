"""API tokens for tests: a token's secret, or a client that calls the API with one."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from huddle.auth import tokens
from huddle.auth.models import User
from huddle.auth.schemas import ApiTokenCreate
from huddle.auth.service import actor_for


def issue_secret(db: Session, owner: User, scopes: list[str], *, name: str = "integration") -> str:
    """A new personal token of ``owner`` with ``scopes``, committed; its secret."""
    issued = tokens.issue_token(
        db, ApiTokenCreate(name=name, scopes=scopes), actor=actor_for(owner)
    )
    db.commit()
    return issued.secret


def token_client(
    app: Any, db: Session, owner: User, scopes: list[str], *, name: str = "integration"
) -> TestClient:
    """A client of ``app`` that sends a new token of ``owner`` (one integration)."""
    client = TestClient(app, base_url="http://testserver")
    client.headers["Authorization"] = f"Bearer {issue_secret(db, owner, scopes, name=name)}"
    return client

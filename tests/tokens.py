"""A client that calls the API with a personal token of the given scopes."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from huddle.auth import tokens
from huddle.auth.models import User
from huddle.auth.schemas import ApiTokenCreate
from huddle.auth.service import actor_for


def token_client(app: Any, db: Session, owner: User, scopes: list[str]) -> TestClient:
    issued = tokens.issue_token(
        db, ApiTokenCreate(name="integration", scopes=scopes), actor=actor_for(owner)
    )
    db.commit()
    client = TestClient(app, base_url="http://testserver")
    client.headers["Authorization"] = f"Bearer {issued.secret}"
    return client

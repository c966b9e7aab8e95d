"""Posting a page's form the way a browser without JavaScript does."""

from __future__ import annotations

from fastapi.testclient import TestClient


def submitted(client: TestClient, url: str, data: dict[str, str]) -> str:
    """Post ``data`` to ``url``; the form must succeed with a 303 (POST-redirect-GET).
    Returns where it redirects to."""
    response = client.post(url, data=data, follow_redirects=False)
    assert response.status_code == 303, response.text
    return response.headers["location"]

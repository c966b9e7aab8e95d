"""The published OpenAPI document is valid and describes every API route fully."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from openapi_spec_validator import validate

MUTATING = {"post", "put", "patch", "delete"}


def _operations(spec: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (path, method, operation)
        for path, item in spec["paths"].items()
        for method, operation in item.items()
        if method in {"get", *MUTATING}
    ]


def test_openapi_document_is_valid(anon_client: TestClient) -> None:
    response = anon_client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    validate(response.json())


def test_every_api_operation_documents_success_auth_and_lookup_errors(
    anon_client: TestClient,
) -> None:
    spec = anon_client.get("/api/v1/openapi.json").json()
    operations = _operations(spec)
    assert operations, "the API publishes no operations"
    for path, method, operation in operations:
        assert path.startswith("/api/v1/"), path
        responses = operation["responses"]
        name = f"{method.upper()} {path}"
        assert any(code.startswith("2") for code in responses), f"{name}: no success response"
        assert "401" in responses, f"{name}: 401 not documented"
        if "{" in path:
            assert "404" in responses, f"{name}: 404 not documented"
        assert operation.get("summary") or operation.get("description"), f"{name}: no summary"
        ok = next(r for code, r in responses.items() if code.startswith("2"))
        if method == "get" and not path.endswith(".csv"):
            assert "application/json" in ok.get("content", {}), f"{name}: no JSON body"

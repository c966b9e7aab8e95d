"""The published OpenAPI document is valid OpenAPI 3.1 and tells a client everything it
needs: who may call each operation, every status with the body it then sends, and short
operation ids."""

from __future__ import annotations

import re
from typing import Annotated, Any

import pytest
from fastapi import APIRouter, Depends, FastAPI
from fastapi.testclient import TestClient
from openapi_schema_validator import OAS31Validator
from openapi_spec_validator import OpenAPIV31SpecValidator

from huddle.web.openapi import OPERATION_ID, install_openapi

MUTATING = {"post", "put", "patch", "delete"}
BEARER = [{"bearerAuth": []}]
SPEC_URL = "/api/v1/openapi.json"
# A touch's reused idempotency key: a 409 of its own shape (both fingerprints).
TOUCH_CONFLICTS = {
    ("/api/v1/touches", "post", "409"),
    ("/api/v1/contacts/{contact_id}/touches", "post", "409"),
}


def _operations(spec: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (path, method, operation)
        for path, item in spec["paths"].items()
        for method, operation in item.items()
        if method in {"get", *MUTATING}
    ]


@pytest.fixture
def spec(anon_client: TestClient) -> dict[str, Any]:
    response = anon_client.get(SPEC_URL)
    assert response.status_code == 200
    document: dict[str, Any] = response.json()
    return document


def _declared_schema(spec: dict[str, Any], path: str, method: str, status: int) -> Any:
    response = spec["paths"][path][method]["responses"][str(status)]
    return response["content"]["application/json"]["schema"]


def _conforms(spec: dict[str, Any], schema: dict[str, Any], body: Any) -> None:
    """``body`` is valid against ``schema`` (a $ref into the document's components)."""
    OAS31Validator({**schema, "components": spec["components"]}).validate(body)


def test_openapi_document_is_valid_openapi_3_1(spec: dict[str, Any]) -> None:
    assert spec["openapi"].startswith("3.1.")
    OpenAPIV31SpecValidator(spec).validate()


def test_every_api_operation_documents_success_and_its_errors(spec: dict[str, Any]) -> None:
    operations = _operations(spec)
    assert operations, "the API publishes no operations"
    for path, method, operation in operations:
        assert path.startswith("/api/v1/"), path
        responses = operation["responses"]
        name = f"{method.upper()} {path}"
        assert "default" not in responses, f"{name}: a catch-all response hides statuses"
        assert any(code.startswith("2") for code in responses), f"{name}: no success response"
        if "{" in path:
            assert "404" in responses, f"{name}: 404 not documented"
        if "requestBody" in operation:
            for status in ("413", "415", "422"):
                assert status in responses, f"{name}: {status} not documented"
        assert "503" in responses, f"{name}: 503 not documented"
        assert "Retry-After" in responses["503"]["headers"], f"{name}: Retry-After"
        assert operation.get("summary") or operation.get("description"), f"{name}: no summary"
        ok = next(r for code, r in responses.items() if code.startswith("2"))
        if method == "get" and not path.endswith(".csv"):
            assert "application/json" in ok.get("content", {}), f"{name}: no JSON body"


def test_every_error_response_declares_the_body_the_server_sends(spec: dict[str, Any]) -> None:
    for path, method, operation in _operations(spec):
        for code, response in operation["responses"].items():
            if int(code) < 400:
                continue
            schema = response["content"]["application/json"]["schema"]
            expected = "ValidationErrorBody" if code == "422" else "ErrorBody"
            if (path, method, code) in TOUCH_CONFLICTS:
                expected = "TouchConflict"  # the reused key's two fingerprints besides
            assert schema == {"$ref": f"#/components/schemas/{expected}"}, (method, path, code)


def test_operations_that_need_a_token_declare_it_and_the_others_do_not(
    spec: dict[str, Any], anon_client: TestClient
) -> None:
    """Asked without credentials, an operation that answers 401 declares the Bearer
    scheme (and its 401 and 403), and one that answers anything else declares none."""
    assert spec["components"]["securitySchemes"]["bearerAuth"]["scheme"] == "bearer"
    for path, method, operation in _operations(spec):
        url = re.sub(r"\{[^}]+\}", "1", path)
        answered = anon_client.request(method.upper(), url).status_code
        name = f"{method.upper()} {path}"
        if answered == 401:
            assert operation["security"] == BEARER, f"{name}: no security requirement"
            assert {"401", "403"} <= set(operation["responses"]), f"{name}: 401/403"
        else:
            assert operation["security"] == [], f"{name}: public, yet asks for a token"
            assert "401" not in operation["responses"], f"{name}: public, yet declares 401"


def test_operation_ids_are_short_unique_and_follow_the_rule(spec: dict[str, Any]) -> None:
    ids = [operation["operationId"] for _, _, operation in _operations(spec)]
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    for operation_id in ids:
        assert OPERATION_ID.match(operation_id), operation_id
        assert "api_v1" not in operation_id, operation_id
    assert {"contacts.list", "contacts.get", "events.ingest"} <= set(ids)


def test_schema_names_are_readable(spec: dict[str, Any]) -> None:
    """A generated client names its classes after these: no ``Body_…`` or
    ``Response …Api V1…`` names made up from the function and the path."""
    names = set(spec["components"]["schemas"])
    for name in names:
        assert re.fullmatch(r"[A-Z][A-Za-z0-9]*", name), name
    titles = re.findall(r"'title': '([^']*)'", repr(spec))
    assert not [t for t in titles if "Api V1" in t or t.startswith("Body_")]


def test_the_events_batch_refusals_are_declared_with_the_bodies_sent(
    client: TestClient, spec: dict[str, Any]
) -> None:
    """5,001 events: 422; over 2 MiB: 413; not JSON: 415 (issue 23: none was declared)."""
    path, method = "/api/v1/events", "post"
    event = {"type": "page_view", "idempotency_key": "k", "email": "a@example.com"}
    too_many = client.post(path, json={"events": [event] * 5001})
    too_large = client.post(path, content=b'{"events": [' + b" " * (2 * 1024 * 1024) + b"]}")
    not_json = client.post(path, content=b"events", headers={"Content-Type": "text/plain"})
    for response in (too_many, too_large, not_json):
        schema = _declared_schema(spec, path, method, response.status_code)
        _conforms(spec, schema, response.json())
    assert [too_many.status_code, too_large.status_code, not_json.status_code] == [422, 413, 415]
    assert set(too_large.json()) == {"detail", "code"}


def test_the_error_bodies_are_exactly_the_declared_shapes(
    client: TestClient, anon_client: TestClient, spec: dict[str, Any]
) -> None:
    not_found = client.get("/api/v1/contacts/999999999")
    refused = client.post("/api/v1/contacts", json={"email": "not an address"})
    assert (not_found.status_code, refused.status_code) == (404, 422)
    assert set(not_found.json()) == {"detail", "code"}
    assert set(refused.json()) == {"detail"}
    _conforms(
        spec, _declared_schema(spec, "/api/v1/contacts/{contact_id}", "get", 404), not_found.json()
    )
    _conforms(spec, _declared_schema(spec, "/api/v1/contacts", "post", 422), refused.json())


def _who_asks() -> str:
    return "someone"


def _database() -> None:
    return None


WhoAsks = Annotated[str, Depends(_who_asks)]
Database = Annotated[None, Depends(_database)]


def _widgets_app() -> FastAPI:
    app = FastAPI()
    router = APIRouter(tags=["Widget parts"])

    @router.post("/api/v1/widgets/{widget_id}/parts")
    def add_part(widget_id: int, body: dict[str, int], user: WhoAsks, db: Database) -> int:
        return widget_id

    @router.get("/api/v1/widgets/open", operation_id="widgets.open")
    def open_widgets() -> list[int]:
        return []

    app.include_router(router)
    install_openapi(app, auth_calls=(_who_asks,), database_calls=(_database,), token_prefix="x_")
    return app


def test_a_new_route_is_documented_from_what_it_depends_on() -> None:
    """Security, statuses and a readable id come from the route itself: a route added
    tomorrow needs no hand list to be documented fully."""
    paths = _widgets_app().openapi()["paths"]
    added = paths["/api/v1/widgets/{widget_id}/parts"]["post"]
    opened = paths["/api/v1/widgets/open"]["get"]

    assert added["operationId"] == "widget_parts.add_part"
    assert added["security"] == BEARER
    every_error = {"401", "403", "404", "409", "413", "415", "422", "503"}
    assert set(added["responses"]) == {"200", *every_error}
    assert opened["operationId"] == "widgets.open"
    assert opened["security"] == []
    assert set(opened["responses"]) == {"200"}

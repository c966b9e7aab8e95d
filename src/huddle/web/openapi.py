"""The API's OpenAPI document, completed so a client needs nothing else: who may call each
operation (the Bearer token), every status it can answer with the body it then sends, and
short stable operation ids.

What can be told from a route is told from it, so a route added tomorrow is documented the
day it appears:
- ``security``: the operations whose dependencies ask who is calling (``auth_calls``);
  they, and only they, answer 401 (no or unknown credentials) and 403 (role or token
  scopes). The public ones carry ``security: []``.
- 404: a path parameter, or an integer ``…_id`` field of the body, is an id the
  operation looks up.
- 409: a write (POST, PUT, PATCH, DELETE) can meet a state that refuses it.
- 413, 415: the operation takes a body (over the size limit; not JSON).
- 422: the operation takes a body or parameters (FastAPI's validation and the services').
- 503 with Retry-After: the operation opens a database transaction (``database_calls``).
A route declares by hand (``responses=``) only what cannot be told from it: an error
with a body of its own (the touches' 409, ``TouchConflict``). A status declared without a
body gets the error body.

Operation ids are ``<resource>.<action>``: the resource (or the domain) the operation is
about, and ``list``/``get``/``create``/``update``/``delete`` for the plain operations on
it, otherwise the verb or noun saying what it does (``contacts.list``, ``events.ingest``,
``handoffs.accept``). Routes give theirs explicitly (``operation_id=``) so renaming a
function never renames a client's method; one without falls back to
``<first tag>.<function name>``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Collection, Iterator
from typing import Any

from fastapi import FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.openapi.utils import get_openapi
from fastapi.routing import APIRoute, iter_route_contexts
from pydantic import BaseModel

from huddle.web.errors import ERROR_DESCRIPTIONS, ErrorBody, ValidationErrorBody

BEARER = "bearerAuth"
OPERATION_ID = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$")
READABLE_NAME = re.compile(r"^[A-Z][A-Za-z0-9]*$")
WRITE_METHODS = frozenset({"post", "put", "patch", "delete"})
OPERATION_METHODS = frozenset({"get", *WRITE_METHODS})
ERROR_SCHEMAS: dict[str, type[BaseModel]] = {
    "ErrorBody": ErrorBody,
    "ValidationErrorBody": ValidationErrorBody,
}
# FastAPI's own 422 schemas: every 422 declares ValidationErrorBody (the shape really sent).
FASTAPI_422_SCHEMAS = ("HTTPValidationError", "ValidationError")


API_GUIDE = """
**Authentication**: a personal API token, `Authorization: Bearer {prefix}…` (the
`bearerAuth` scheme says how to get one). An operation with no `security` needs none.

**Errors** answer `{"detail": "...", "code": "..."}` (`code` is stable: `not_found`,
`conflict`, `not_permitted`...), but 422, which lists the fields refused:
`{"detail": [{"loc": ["body", "email"], "msg": "...", "type": "..."}]}`. Each operation
declares every status it can answer; a 503 (database unavailable) changed nothing and says
in `Retry-After` when to send the request again.

**Operation ids** are `<resource>.<action>`: `contacts.list`, `contacts.get`,
`events.ingest`, `handoffs.accept`.
"""


def bearer_scheme(token_prefix: str) -> dict[str, Any]:
    return {
        "type": "http",
        "scheme": "bearer",
        "description": (
            f"A personal API token (`{token_prefix}…`), sent as `Authorization: Bearer "
            f"{token_prefix}…`. Create one on your account page (/account, API tokens) or "
            "with `POST /api/v1/tokens`; it is shown once, and does no more than its scopes "
            "(`read`, `write`, `ingest`) allow. In the browser, a signed-in session cookie "
            "works too (unsafe methods then need the page's `X-CSRF-Token` header)."
        ),
    }


def operation_id(route: APIRoute) -> str:
    """The route's explicit id, else ``<first tag>.<function name>`` (see the module)."""
    if route.operation_id:
        return route.operation_id
    first = route.tags[0] if route.tags else route.path_format.strip("/").split("/")[-1]
    resource = re.sub(r"[^a-z0-9]+", "_", str(first).lower()).strip("_")
    return f"{resource}.{route.name}"


def _schema(spec: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    """``schema``, its ``$ref`` followed."""
    while "$ref" in schema:
        schema = spec["components"]["schemas"][schema["$ref"].rpartition("/")[2]]
    return schema


def _is_integer(spec: dict[str, Any], schema: dict[str, Any]) -> bool:
    schema = _schema(spec, schema)
    variants = schema.get("anyOf", [schema])
    return any(_schema(spec, v).get("type") == "integer" for v in variants)


def names_records_in_body(spec: dict[str, Any], operation: dict[str, Any]) -> bool:
    """Whether the body names another record by its id (``account_id``, ``merged_id``),
    which the operation looks up."""
    for content in operation.get("requestBody", {}).get("content", {}).values():
        properties = _schema(spec, content.get("schema", {})).get("properties", {})
        if any(
            name.endswith("_id") and _is_integer(spec, field) for name, field in properties.items()
        ):
            return True
    return False


def _calls(dependant: Dependant) -> Iterator[Callable[..., Any]]:
    for dependency in dependant.dependencies:
        if dependency.call is not None:
            yield dependency.call
        yield from _calls(dependency)


def derived_statuses(
    route: Any,
    method: str,
    operation: dict[str, Any],
    spec: dict[str, Any],
    *,
    auth_calls: Collection[Callable[..., Any]],
    database_calls: Collection[Callable[..., Any]],
) -> set[int]:
    """The error statuses an operation can answer, told from its route (see the module)."""
    calls = set(_calls(route.dependant))
    takes_body = "requestBody" in operation
    statuses: set[int] = set()
    if calls & set(auth_calls):
        statuses |= {401, 403}
    if route.dependant.path_params or names_records_in_body(spec, operation):
        statuses.add(404)
    if method in WRITE_METHODS:
        statuses.add(409)
    if takes_body:
        statuses |= {413, 415}
    if takes_body or operation.get("parameters"):
        statuses.add(422)
    if calls & set(database_calls):
        statuses.add(503)
    return statuses


def _error_response(status: int) -> dict[str, Any]:
    schema = "ValidationErrorBody" if status == 422 else "ErrorBody"
    response: dict[str, Any] = {
        "description": ERROR_DESCRIPTIONS.get(status, "Refused"),
        "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema}"}}},
    }
    if status == 503:
        response["headers"] = {
            "Retry-After": {
                "description": "Seconds to wait before sending the request again",
                "schema": {"type": "integer"},
            }
        }
    return response


def _complete_errors(operation: dict[str, Any], statuses: set[int]) -> None:
    """Adds the derived statuses. One the route declared itself keeps its own body (a 409
    with a schema of its own); FastAPI's 422 gets the shape the server really sends."""
    responses: dict[str, Any] = operation["responses"]
    for status in statuses:
        responses.setdefault(str(status), _error_response(status))
    for code, response in responses.items():
        if code.isdigit() and int(code) >= 400:
            declared = _error_response(int(code))
            if code == "422":
                response.update(declared)
            response.setdefault("content", declared["content"])
            if "headers" in declared:
                response.setdefault("headers", declared["headers"])
    operation["responses"] = dict(sorted(responses.items()))


def _class_name(op_id: str) -> str:
    """``contacts.list`` -> ``ContactsList``."""
    return "".join(part.capitalize() for part in re.split(r"[._]", op_id))


def _readable_titles(operation: dict[str, Any]) -> None:
    """FastAPI titles an inline response ``Response <function> Api V1 <path> <method>``;
    a generated client names its classes from titles, so they follow the operation id."""
    name = _class_name(operation["operationId"])
    for code, response in operation["responses"].items():
        schema = response.get("content", {}).get("application/json", {}).get("schema", {})
        if "title" in schema and "$ref" not in schema:
            schema["title"] = f"{name}Response" if code.startswith("2") else f"{name}{code}"


def _body_renames(spec: dict[str, Any]) -> dict[str, str]:
    """The bodies FastAPI names itself (``Body_<unique id>``, a form's fields): named
    ``<OperationId>Body`` instead."""
    renames: dict[str, str] = {}
    for item in spec["paths"].values():
        for operation in item.values():
            for content in operation.get("requestBody", {}).get("content", {}).values():
                ref = content.get("schema", {}).get("$ref", "")
                name = ref.rpartition("/")[2]
                if name and not READABLE_NAME.match(name):
                    renames[name] = f"{_class_name(operation['operationId'])}Body"
    return renames


def _rename_schemas(spec: dict[str, Any], renames: dict[str, str]) -> dict[str, Any]:
    schemas = spec["components"]["schemas"]
    for old, new in renames.items():
        schemas[new] = {**schemas.pop(old), "title": new}
    text = json.dumps(spec)
    for old, new in renames.items():
        text = text.replace(f'"#/components/schemas/{old}"', f'"#/components/schemas/{new}"')
    renamed: dict[str, Any] = json.loads(text)
    return renamed


def _routes(app: FastAPI) -> Iterator[tuple[Any, str]]:
    """Each documented operation's route (as the document sees it: with the prefix, tags
    and dependencies of the routers it was included through) and its method."""
    for route in iter_route_contexts(app.routes):
        if isinstance(route.original_route, APIRoute) and route.include_in_schema:
            for method in sorted(route.methods or ()):
                if method.lower() in OPERATION_METHODS:
                    yield route, method.lower()


def _error_schema_components() -> dict[str, Any]:
    components: dict[str, Any] = {}
    for name, model in ERROR_SCHEMAS.items():
        schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
        components.update(schema.pop("$defs", {}))
        components[name] = schema
    return components


def build_openapi(
    app: FastAPI,
    *,
    auth_calls: Collection[Callable[..., Any]],
    database_calls: Collection[Callable[..., Any]],
    token_prefix: str,
) -> dict[str, Any]:
    spec = get_openapi(
        title=app.title,
        version=app.version,
        openapi_version=app.openapi_version,
        description=f"{app.description}\n{API_GUIDE.replace('{prefix}', token_prefix)}",
        routes=app.routes,
        webhooks=app.webhooks.routes,
    )
    components = spec.setdefault("components", {})
    components.setdefault("schemas", {}).update(_error_schema_components())
    components["securitySchemes"] = {BEARER: bearer_scheme(token_prefix)}
    for route, method in _routes(app):
        operation = spec["paths"][route.path_format][method]
        operation["operationId"] = operation_id(route)
        statuses = derived_statuses(
            route, method, operation, spec, auth_calls=auth_calls, database_calls=database_calls
        )
        operation["security"] = [{BEARER: []}] if 401 in statuses else []
        _complete_errors(operation, statuses)
        _readable_titles(operation)
    for name in FASTAPI_422_SCHEMAS:
        components["schemas"].pop(name, None)
    return _rename_schemas(spec, _body_renames(spec))


def install_openapi(
    app: FastAPI,
    *,
    auth_calls: Collection[Callable[..., Any]],
    database_calls: Collection[Callable[..., Any]],
    token_prefix: str,
) -> None:
    """Serves the completed document at ``app.openapi_url`` (built once, on first ask)."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = build_openapi(
                app,
                auth_calls=auth_calls,
                database_calls=database_calls,
                token_prefix=token_prefix,
            )
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]

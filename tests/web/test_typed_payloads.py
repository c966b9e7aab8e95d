"""Every schema in the OpenAPI document types its properties, so a generated client builds
payloads with types: no property is a bare ``{}`` or an object of anything, but for the
few listed here with the reason."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from pydantic import TypeAdapter

from huddle.demo import configuration
from huddle.scoring.schemas import ProfileCriterion, ScoreRule
from huddle.sla.calendar import DEFAULT_CALENDAR
from huddle.sla.schemas import SlaTerm, WeeklyHours
from huddle.sla.terms import STARTER_TERMS

# (schema, property): why it stays free-form. Only FastAPI's own 422 context is: pydantic
# puts what it likes there (``{"le": 5}``, ``{"error": {}}``); tools.python_client's
# OPEN_BY_NATURE leaves it out of the generated client's check for the same reason.
FREE_FORM = {
    ("FieldProblem", "ctx"): "the context of a validation error, as pydantic gives it",
}


def untyped(schema: dict[str, Any]) -> bool:
    """``{}``, an object that says nothing of its keys or values, or a list of those."""
    if not schema:
        return True
    for union in ("anyOf", "oneOf"):
        if union in schema:
            return any(untyped(s) for s in schema[union] if s.get("type") != "null")
    if schema.get("type") == "object":
        values = schema.get("additionalProperties", True)
        return "properties" not in schema and (values is True or values == {})
    if schema.get("type") == "array" and "prefixItems" not in schema:
        return untyped(schema.get("items", {}))
    return False


def test_no_schema_has_untyped_properties_but_the_listed_free_form_ones(
    anon_client: TestClient,
) -> None:
    spec = anon_client.get("/api/v1/openapi.json").json()
    found = {
        (name, prop)
        for name, component in spec["components"]["schemas"].items()
        for prop, schema in component.get("properties", {}).items()
        if untyped(schema)
    }
    assert found == set(FREE_FORM)


def test_no_operation_answers_or_takes_an_untyped_body(anon_client: TestClient) -> None:
    spec = anon_client.get("/api/v1/openapi.json").json()
    untyped_bodies = [
        f"{method.upper()} {path} {code}"
        for path, item in spec["paths"].items()
        for method, operation in item.items()
        for code, answer in operation.get("responses", {}).items()
        if untyped(answer.get("content", {}).get("application/json", {}).get("schema", {"x": 1}))
    ]
    assert untyped_bodies == []


def test_rules_conditions_terms_and_hours_are_discriminated_unions(
    anon_client: TestClient,
) -> None:
    schemas = anon_client.get("/api/v1/openapi.json").json()["components"]["schemas"]
    rules = schemas["ScoreModelWrite"]["properties"]["rules"]["items"]
    assert rules["discriminator"]["propertyName"] == "kind"
    assert set(rules["discriminator"]["mapping"]) == {"fit", "behaviour", "negative"}
    comparisons = schemas["FitRule"]["properties"]["when"]["anyOf"][0]
    assert comparisons["discriminator"]["propertyName"] == "op"
    terms = schemas["VersionWrite"]["properties"]["terms"]["items"]
    assert terms["discriminator"]["propertyName"] == "kind"
    assert set(schemas["WeeklyHours"]["properties"]) == {
        "mon",
        "tue",
        "wed",
        "thu",
        "fri",
        "sat",
        "sun",
    }
    packet = schemas["HandoffRead"]["properties"]["packet"]
    assert packet["$ref"] == "#/components/schemas/HandoffPacket"


def test_the_typed_shapes_take_what_huddle_itself_stores() -> None:
    """The shapes describe what the checkers accept: the demo's models and profiles, the
    SLA's starter terms and the default calendar all fit them."""
    for model in (configuration.ENGAGEMENT, configuration.READINESS):
        TypeAdapter(list[ScoreRule]).validate_python(model.rules)
    for profile in configuration.PROFILES:
        TypeAdapter(list[ProfileCriterion]).validate_python(profile.criteria)
    TypeAdapter(list[SlaTerm]).validate_python(STARTER_TERMS)
    WeeklyHours.model_validate(DEFAULT_CALENDAR.to_dict()["hours"])
    WeeklyHours.model_validate({"mon": ["09:00", "17:30"], "tue": [["09:00", "12:00"]]})

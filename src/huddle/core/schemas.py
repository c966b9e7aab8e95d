"""The base every request body's schema builds on."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from pydantic import (
    BaseModel,
    ConfigDict,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    TypeAdapter,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, PydanticCustomError, core_schema

from huddle.core.text import unclean_part


def _check_nested(value: Any) -> None:
    """Every string inside ``value`` (dict keys too), or a 422 naming where the bad one is."""
    if isinstance(value, BaseModel) and not isinstance(value, CleanInput):
        value = value.__dict__
    found = unclean_part(value)
    if found:
        raise PydanticCustomError("control_character", found)


class CleanInput(BaseModel):
    """A body whose every text, nested ones included, holds no control character: a NUL
    or an escape sequence is refused with a 422 naming the field (and the key inside it),
    on every route and form alike. Single-line fields refuse line breaks too (their types
    say so); multi-line text keeps tabs and line breaks."""

    @field_validator("*", mode="after")
    @classmethod
    def _no_control_characters(cls, value: Any, info: ValidationInfo) -> Any:
        _check_nested(value)
        return value


class InputModel(CleanInput):
    """A request body that also refuses fields it does not know."""

    model_config = ConfigDict(extra="forbid")


class ReadModel(BaseModel):
    model_config = ConfigDict(from_attributes=True)


def _refuse_null(value: Any) -> Any:
    if value is None:
        raise PydanticCustomError("not_null", "leave it out to keep it; it cannot be null")
    return value


class NotNullable:
    """Marks a field of a PATCH body the record cannot be without (a contact's email):
    it may be left out (kept as it is) but an explicit null is a 422 naming it, and the
    document says it takes no null. Optional fields stay ``X | None``: null clears them.
    Use it last in ``Annotated[...]`` so it sees the value as sent."""

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        return core_schema.no_info_before_validator_function(_refuse_null, handler(source))

    def __get_pydantic_json_schema__(
        self, schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return _without_null(handler(schema))


def _without_null(schema: JsonSchemaValue) -> JsonSchemaValue:
    choices = [s for s in schema.get("anyOf", ()) if s.get("type") != "null"]
    if "anyOf" not in schema:
        return schema
    rest = {k: v for k, v in schema.items() if k != "anyOf"}
    return {**choices[0], **rest} if len(choices) == 1 else {**rest, "anyOf": choices}


NOT_NULLABLE = NotNullable()


def listed(values: Iterable[str]) -> WithJsonSchema:
    """The document's enum of a text field whose values a table's constants close (a
    state, a status): the values are written by the service, so reading stays lenient."""
    return WithJsonSchema({"type": "string", "enum": list(values)})


class DescribedBy:
    """The document's shape of a JSON field its domain checks by hand (score rules, SLA
    terms...): the checker names the exact wrong part (``rules.2.when.any.0.op``) and keeps
    what is stored as it was sent, so validation stays its; the OpenAPI document shows the
    typed models in ``shape`` instead of ``{}``, so a generated client builds them with
    types. ``shape`` describes what the checker accepts, never less."""

    def __init__(self, shape: Any) -> None:
        self.adapter: TypeAdapter[Any] = TypeAdapter(shape)

    def __get_pydantic_json_schema__(
        self, schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        shape = self.adapter.core_schema
        if "ref" in shape:  # one model: a named component of its own, not inlined
            reference = core_schema.definition_reference_schema(shape["ref"])
            shape = core_schema.definitions_schema(reference, [shape])
        return handler(shape)


class Shape(BaseModel):
    """A typed model of the document only (see ``DescribedBy``): unknown keys are refused
    by the checkers, so the document says so too. What is read back is what was sent, so
    one schema serves both ways (no ``-Input``/``-Output`` pair)."""

    model_config = ConfigDict(extra="forbid", json_schema_mode_override="validation")

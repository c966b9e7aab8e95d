"""The Python client is generated, never hand-written: the generator takes the document the
live server serves without a warning, makes a typed model of every payload, and makes
exactly the client committed in clients/python (so the spec cannot drift from it)."""

from __future__ import annotations

import difflib
import textwrap
from pathlib import Path

import pytest
from tools.python_client import COMMITTED, Generation, files_of, generate, untyped_models

# The client talks to its own SQLite server, whatever database the run is on: the
# PostgreSQL runs leave these out (Makefile).
pytestmark = pytest.mark.client


@pytest.fixture(scope="module")
def fresh(live_spec: dict[str, object], tmp_path_factory: pytest.TempPathFactory) -> Generation:
    return generate(live_spec, tmp_path_factory.mktemp("generated") / "huddle-client")


def test_the_generator_takes_the_live_spec_without_a_warning(fresh: Generation) -> None:
    assert fresh.warnings == []


def test_every_generated_model_has_typed_fields(fresh: Generation) -> None:
    untyped = untyped_models(fresh.package)
    assert untyped == [], f"{len(untyped)} generated models without typed fields:\n" + "\n".join(
        untyped
    )


def test_the_committed_client_is_what_the_generator_makes_of_the_live_spec(
    fresh: Generation,
) -> None:
    made, committed = files_of(fresh.output), files_of(COMMITTED)
    assert sorted(committed) == sorted(made), "files differ: run `make client` and commit"
    changed = [name for name in made if made[name] != committed[name]]
    assert not changed, "the committed client is stale: run `make client` and commit\n" + _diff(
        committed[changed[0]], made[changed[0]], changed[0]
    )


def _diff(committed: bytes, made: bytes, name: str) -> str:
    lines = difflib.unified_diff(
        committed.decode().splitlines(),
        made.decode().splitlines(),
        f"committed/{name}",
        f"generated/{name}",
        lineterm="",
    )
    return "\n".join(list(lines)[:40])


def test_a_warning_of_the_generator_is_caught(tmp_path: Path) -> None:
    missing = {"$ref": "#/components/schemas/Missing"}
    answer = {"description": "ok", "content": {"application/json": {"schema": missing}}}
    spec = {
        "openapi": "3.1.0",
        "info": {"title": "Huddle", "version": "0.1.0"},
        "paths": {"/things": {"get": {"operationId": "things.list", "responses": {"200": answer}}}},
    }

    made = generate(spec, tmp_path / "client")

    assert any("Could not find reference" in warning for warning in made.warnings), made.warnings


def test_the_typed_fields_check_names_each_model_without_them(tmp_path: Path) -> None:
    models = tmp_path / "models"
    models.mkdir()
    (models / "sample.py").write_text(
        textwrap.dedent(
            """
            from typing import Any
            from attrs import define as _attrs_define, field as _attrs_field

            @_attrs_define
            class Typed:
                name: str
                tags: list[str] | Unset = UNSET
                additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

            @_attrs_define
            class TypedMapping:
                additional_properties: dict[str, list[str]] = _attrs_field(factory=dict)

            @_attrs_define
            class Packet:
                additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

            @_attrs_define
            class ModelWrite:
                name: str
                rules: list[Any] | Unset = UNSET

            @_attrs_define
            class Nothing:
                pass

            class NotAModel:
                value: Any
            """
        )
    )
    assert untyped_models(tmp_path) == [
        "Packet: no declared field (only additional_properties: dict[str, Any])",
        "ModelWrite: field rules is list[Any] | Unset",
    ]

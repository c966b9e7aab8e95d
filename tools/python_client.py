"""The official Python client, generated from Huddle's OpenAPI document by openapi-python-client.

    python -m tools.python_client generate   # regenerate the committed client (`make client`)
    python -m tools.python_client untyped    # the generated models without typed fields

The client is never edited by hand: the generator writes ``clients/python/huddle-client`` from
the document the app serves at ``/api/v1/openapi.json`` and the settings in
``clients/python/config.yaml``, then formats it with ruff. tests/client checks the committed
copy is what the generator makes of today's document, and runs it against a live server.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPOSITORY = Path(__file__).resolve().parent.parent
CLIENTS = REPOSITORY / "clients" / "python"
CONFIG = CLIENTS / "config.yaml"
COMMITTED = CLIENTS / "huddle-client"
PACKAGE = "huddle_client"

# The generator's one line of output when all went well; anything else it prints is a warning
# (a schema it could not turn into a type, a post-hook that failed, a name it changed).
_PROGRESS_PREFIX = "Generating "
# The field the generator gives every model whose schema does not forbid extra keys.
_EXTRA_KEYS = "additional_properties"
# What tools leave beside the code they read: not part of the client.
_CACHES = frozenset({"__pycache__", ".ruff_cache", ".mypy_cache", ".pytest_cache"})
# Fields that hold any JSON value by their nature, not for want of a schema: FastAPI's 422
# body echoes the value it refused (``input``) and pydantic's context of the error (``ctx``).
OPEN_BY_NATURE = frozenset({("FieldProblem", "input_"), ("FieldProblemCtxType0", _EXTRA_KEYS)})


@dataclass(frozen=True)
class Generation:
    """What one run of the generator made, and what it said besides its progress line."""

    output: Path
    warnings: list[str]

    @property
    def package(self) -> Path:
        return self.output / PACKAGE


def current_spec() -> dict[str, Any]:
    """The OpenAPI document the app serves, built without a database (none is opened)."""
    from huddle.app import create_app
    from huddle.core.settings import Settings

    with tempfile.TemporaryDirectory() as data_dir:
        settings = Settings(env="test", data_dir=Path(data_dir))
        return create_app(settings, check_schema=False).openapi()


def generate(spec: Mapping[str, Any], output: Path) -> Generation:
    """Run openapi-python-client on ``spec``, writing the client project to ``output``
    (replaced if it exists)."""
    bin_dir = Path(sys.executable).parent
    # The generator formats what it writes by running `ruff` from PATH: the venv's, pinned.
    environment = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"}
    with tempfile.TemporaryDirectory() as scratch:
        document = Path(scratch) / "openapi.json"
        document.write_text(json.dumps(spec, indent=2), encoding="utf-8")
        finished = subprocess.run(  # noqa: S603 - the venv's generator, fixed arguments
            _generator_command(bin_dir, document, output),
            capture_output=True,
            text=True,
            env=environment,
            check=False,
        )
    said = finished.stdout + finished.stderr
    if finished.returncode != 0:
        raise RuntimeError(f"openapi-python-client failed ({finished.returncode}):\n{said}")
    return Generation(output, warnings_in(said))


def _generator_command(bin_dir: Path, document: Path, output: Path) -> list[str]:
    options = {"--path": document, "--config": CONFIG, "--output-path": output}
    named = [part for option, value in options.items() for part in (option, str(value))]
    return [str(bin_dir / "openapi-python-client"), "generate", *named, "--overwrite"]


def warnings_in(output: str) -> list[str]:
    """Every line the generator printed besides its progress line."""
    return [
        line.strip()
        for line in output.splitlines()
        if line.strip() and not line.startswith(_PROGRESS_PREFIX)
    ]


def untyped_models(package: Path) -> list[str]:
    """The generated model classes without typed fields, each as ``Class: why``.

    A model is untyped when it declares no field and its values are not typed either (only
    the catch-all ``additional_properties: dict[str, Any]``: a free-form object standing for
    a payload), or when one of its declared fields is
    annotated with ``Any`` anywhere (``Any``, ``list[Any]``, ``dict[str, Any] | Unset``...).
    Not counted: a mapping whose values are typed (``dict[str, str]``); the catch-all of a
    model that declares fields (the generator adds it to every model whose schema does not
    forbid extra keys); a model with no field at all (its schema forbids every key: an object
    that must be empty, such as "no conditions"); and the parts of FastAPI's own validation
    error (``OPEN_BY_NATURE``).
    """
    found: list[str] = []
    for path in sorted((package / "models").glob("*.py")):
        for model in _model_classes(ast.parse(path.read_text(encoding="utf-8"))):
            found.extend(f"{model.name}: {why}" for why in _untyped_fields(model))
    return found


def _model_classes(module: ast.Module) -> Iterator[ast.ClassDef]:
    for node in module.body:
        if isinstance(node, ast.ClassDef) and any(
            isinstance(decorator, ast.Name) and decorator.id == "_attrs_define"
            for decorator in node.decorator_list
        ):
            yield node


def _untyped_fields(model: ast.ClassDef) -> Iterator[str]:
    fields = {
        node.target.id: node.annotation
        for node in model.body
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name)
    }
    declared = {name: annotation for name, annotation in fields.items() if name != _EXTRA_KEYS}
    if not fields:
        return  # an object that must be empty is exactly typed
    if not declared:
        extra = fields[_EXTRA_KEYS]
        if _mentions_any(extra) and (model.name, _EXTRA_KEYS) not in OPEN_BY_NATURE:
            yield f"no declared field (only {_EXTRA_KEYS}: {ast.unparse(extra)})"
    for name, annotation in declared.items():
        if _mentions_any(annotation) and (model.name, name) not in OPEN_BY_NATURE:
            yield f"field {name} is {ast.unparse(annotation)}"


def _mentions_any(annotation: ast.expr) -> bool:
    return any(
        (isinstance(node, ast.Name) and node.id == "Any")
        or (isinstance(node, ast.Attribute) and node.attr == "Any")
        for node in ast.walk(annotation)
    )


def files_of(project: Path) -> dict[str, bytes]:
    """Every file of a generated project by its path inside it (tools' caches left out)."""
    return {
        path.relative_to(project).as_posix(): path.read_bytes()
        for path in sorted(project.rglob("*"))
        if path.is_file() and not _CACHES.intersection(path.parts)
    }


def main(arguments: list[str]) -> int:
    command = arguments[0] if arguments else "generate"
    if command == "generate":
        made = generate(current_spec(), COMMITTED)
        for warning in made.warnings:
            print(f"warning: {warning}", file=sys.stderr)
        print(f"Generated {made.output.relative_to(REPOSITORY)}")
        return 1 if made.warnings else 0
    if command == "untyped":
        untyped = untyped_models(COMMITTED / PACKAGE)
        print("\n".join(untyped) or "Every generated model has typed fields.")
        return 1 if untyped else 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

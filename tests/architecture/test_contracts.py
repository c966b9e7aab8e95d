"""The import contracts cannot silently loosen: each rule of docs/ARCHITECTURE.md, broken on
purpose in a temporary copy of the code, makes ``lint-imports`` fail and name the import.

A contract edited so that it no longer sees a kind of import (a domain left off a list, a
wildcard narrowed, an exception widened) fails here, not in a review months later.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


@dataclass(frozen=True)
class Breach:
    """One import the architecture forbids, written into ``module`` of the copy."""

    rule: str
    module: str  # path under src/huddle; created when missing
    line: str
    expected: str  # what the linter's report must say


BREACHES = [
    Breach(
        "the kernel imports nothing else of Huddle",
        "core/clock.py",
        "import huddle.contacts.service",
        "huddle.core.clock -> huddle.contacts.service",
    ),
    Breach(
        "a domain reaches another only through its service, schemas or events",
        "routing/service/packet.py",
        "import huddle.contacts.repository",
        "huddle.routing.service.packet -> huddle.contacts.repository",
    ),
    Breach(
        "another domain's models only in a repository",
        "sla/service/versions.py",
        "import huddle.scoring.models",
        "huddle.sla.service.versions -> huddle.scoring.models",
    ),
    Breach(
        "a domain added tomorrow is covered the day it appears",
        "forecasts/service.py",
        "import huddle.lifecycle.repository",
        "huddle.forecasts.service -> huddle.lifecycle.repository",
    ),
    Breach(
        "the web plumbing imports no domain",
        "web/format.py",
        "import huddle.scoring.service",
        "huddle.web.format -> huddle.scoring.service",
    ),
    Breach(
        "nothing imports the composition root",
        "tracking/service/website.py",
        "import huddle.app",
        "huddle.tracking.service.website -> huddle.app",
    ),
    Breach(
        "no cycles between domains: contacts does not depend on lifecycle",
        "contacts/service/custom_fields.py",
        "import huddle.lifecycle.service",
        "huddle.contacts.service.custom_fields -> huddle.lifecycle.service",
    ),
    Breach(
        "every domain is layered: a repository never calls up into its service",
        "scoring/models.py",
        "import huddle.scoring.service",
        "huddle.scoring.models -> huddle.scoring.service",
    ),
    Breach(
        "a service never imports the web stack",
        "privacy/service.py",
        "import fastapi",
        "huddle.privacy.service -> fastapi",
    ),
]


def _copy_of_the_code(tmp_path: Path) -> Path:
    copy = tmp_path / "huddle-copy"
    shutil.copytree(
        ROOT / "src",
        copy / "src",
        ignore=shutil.ignore_patterns("static", "templates", "__pycache__", "*.egg-info"),
    )
    shutil.copytree(ROOT / "tools", copy / "tools", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", copy / "pyproject.toml")
    return copy


def _lint(copy: Path) -> subprocess.CompletedProcess[str]:
    # The copy, not the installed package, is what ``huddle`` must mean to the linter.
    env = {**os.environ, "PYTHONPATH": str(copy / "src")}
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=copy,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _write_import(copy: Path, breach: Breach) -> None:
    module = copy / "src" / "huddle" / breach.module
    if not module.exists():
        module.parent.mkdir(parents=True, exist_ok=True)
        for package in (module.parent, *module.parent.parents):
            if package == copy / "src":
                break
            (package / "__init__.py").touch()
        module.write_text('"""A module that did not exist."""\n')
    # Appended last, where no ``if TYPE_CHECKING:`` block can swallow it.
    module.write_text(module.read_text() + f"\n{breach.line}  # noqa\n")


def test_the_code_as_it_is_keeps_every_contract(tmp_path: Path) -> None:
    result = _lint(_copy_of_the_code(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("breach", BREACHES, ids=[b.rule for b in BREACHES])
def test_a_forbidden_import_fails_the_linter(tmp_path: Path, breach: Breach) -> None:
    copy = _copy_of_the_code(tmp_path)
    _write_import(copy, breach)
    result = _lint(copy)
    report = result.stdout + result.stderr
    assert result.returncode != 0, f"{breach.rule}: the linter let it pass\n{report}"
    assert breach.expected in report, report

"""``huddle model ...``: train, evaluate, list and activate predictive models; ``huddle model
icp``: ICP discovery."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from huddle.core.actor import Actor
from huddle.core.db import unit_of_work
from huddle.core.errors import HuddleError
from huddle.core.lazy import lazy_import
from huddle.predictive import ALGORITHMS, DEFAULT_HORIZON_DAYS, Algorithm
from huddle.predictive.models import ModelVersion

if TYPE_CHECKING:
    from huddle.predictive import charts, learning, service
else:
    # Loaded when a command runs: they bring numpy and scikit-learn (about 150 MB), which
    # every other command (``huddle import``, ``huddle serve``...) would carry for nothing.
    charts = lazy_import("huddle.predictive.charts")
    learning = lazy_import("huddle.predictive.learning")
    service = lazy_import("huddle.predictive.service")

app = typer.Typer(
    help="Predictive scoring: models learned from history.",
    no_args_is_help=True,
    rich_markup_mode="markdown",
)
CLI = Actor.system("huddle model")

FromCsv = Annotated[
    Path | None,
    typer.Option(
        "--from-csv", exists=True, dir_okay=False, help="Train on another system's export"
    ),
]
Target = Annotated[
    str,
    typer.Option(
        help="The stage to predict (sql, customer), a custom field holding the outcome "
        "(custom.<key>, e.g. an imported Converted column) or, with --from-csv, the outcome "
        "column"
    ),
]
AlgorithmOption = Annotated[
    str, typer.Option(help="logistic (explainable, the default) or boosted")
]
Include = Annotated[
    list[str] | None,
    typer.Option("--include-column", help="Keep a column flagged as leaking (repeatable)"),
]
Exclude = Annotated[
    list[str] | None,
    typer.Option("--exclude-column", help="Leave a column out (repeatable)"),
]
Positive = Annotated[
    str | None,
    typer.Option(help="The outcome column's (or field's) value meaning reached (guessed)"),
]
Horizon = Annotated[
    int, typer.Option(help="Days after the cut-off within which the target counts", min=1)
]
Seed = Annotated[int, typer.Option(help="Seed of every random choice")]
Threshold = Annotated[
    float, typer.Option(help="Probability from which a row counts as predicted to convert")
]
Plot = Annotated[
    Path | None,
    typer.Option(help="Where to write the calibration plot: a .png file, else SVG", dir_okay=False),
]


@contextmanager
def _progress() -> Iterator[Any]:
    with Progress(
        SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(), transient=True
    ) as bar:
        task = bar.add_task("starting", total=None)
        yield lambda step: bar.update(task, description=step)


def _fail(message: str) -> NoReturn:
    typer.secho(f"huddle: {message}", fg="red", err=True)
    raise typer.Exit(2)


def _algorithm(name: str) -> Algorithm:
    for algorithm in ALGORITHMS:
        if algorithm == name:
            return algorithm
    _fail(f"--algorithm must be one of {', '.join(ALGORITHMS)}")


@app.command("train")
def train_command(
    target: Target = "sql",
    algorithm: AlgorithmOption = "logistic",
    from_csv: FromCsv = None,
    include_column: Include = None,
    exclude_column: Exclude = None,
    positive: Positive = None,
    horizon_days: Horizon = DEFAULT_HORIZON_DAYS,
    seed: Seed = 0,
) -> None:
    """Train a model and store it as a new version (activate it with `huddle model
    activate`). From Huddle's records: one row per contact as of entering Lead, the label
    reaching --target within --horizon-days. With --from-csv: the file's rows, the label
    --target's column."""
    chosen = _algorithm(algorithm)
    try:
        with unit_of_work() as session, _progress() as tell:
            if from_csv is not None:
                loaded = service.load_csv(
                    from_csv, target=target, positive=positive, exclude=exclude_column or []
                )
                version = service.train_from_csv(
                    session,
                    loaded,
                    actor=CLI,
                    name=from_csv.name,
                    algorithm=chosen,
                    include=include_column or [],
                    seed=seed,
                    progress=tell,
                )
            else:
                version = service.train_from_records(
                    session,
                    actor=CLI,
                    target=target,
                    algorithm=chosen,
                    horizon_days=horizon_days,
                    include=include_column or [],
                    positive=positive,
                    seed=seed,
                    progress=tell,
                )
            _report(version)
    except HuddleError as exc:
        _fail(str(exc))


@app.command("evaluate")
def evaluate_command(
    version_id: Annotated[
        int | None, typer.Argument(help="A stored version (default: the latest)")
    ] = None,
    from_csv: FromCsv = None,
    target: Target = "sql",
    algorithm: AlgorithmOption = "logistic",
    include_column: Include = None,
    exclude_column: Exclude = None,
    positive: Positive = None,
    seed: Seed = 0,
    threshold: Threshold = 0.5,
    plot: Plot = None,
) -> None:
    """Held-out figures: ROC AUC, PR AUC, Brier score, lift by decile, precision and recall
    at --threshold, and a calibration plot (with --plot: PNG for a .png file, else SVG).
    Of a stored version, or, with --from-csv, of a model trained on the file now (nothing
    stored)."""
    try:
        if from_csv is not None:
            loaded = service.load_csv(
                from_csv, target=target, positive=positive, exclude=exclude_column or []
            )
            with _progress() as tell:
                outcome = service.fit_and_measure(
                    loaded.table,
                    algorithm=_algorithm(algorithm),
                    by_time=False,
                    include=include_column or [],
                    set_aside=loaded.set_aside,
                    seed=seed,
                    threshold=threshold,
                    progress=tell,
                )
            typer.echo(
                f"{from_csv.name}: delimiter {loaded.delimiter!r}, "
                f"outcome {loaded.target} = {loaded.positive}"
            )
            _columns(
                loaded.set_aside,
                {leak.column: leak.reason for leak in outcome.leaks},
                {leak.column: leak.reason for leak in outcome.suspicious},
            )
            _figures(outcome.metrics, outcome.uncalibrated_brier, outcome.trained.cv_auc)
            metrics = outcome.metrics
        else:
            with unit_of_work() as session:
                versions = service.list_versions(session)
                if version_id is not None:
                    version = service.get_version(session, version_id)
                elif versions:
                    version = versions[0]
                else:
                    _fail("no model trained yet: run `huddle model train`")
                _report(version)
                metrics = learning.Metrics(**_stored_metrics(version.metrics))
    except HuddleError as exc:
        _fail(str(exc))
    if plot is not None:
        if plot.suffix.lower() == ".png":
            charts.write_calibration_png(metrics.calibration, plot)
            typer.echo(f"Calibration plot written to {plot} (PNG).")
        else:
            plot.write_text(charts.calibration_svg(metrics.calibration))
            typer.echo(f"Calibration plot written to {plot} (SVG).")


def _stored_metrics(stored: dict[str, Any]) -> dict[str, Any]:
    fields = learning.Metrics.__dataclass_fields__
    values = {name: stored[name] for name in fields if name in stored}
    values["calibration"] = [tuple(b) for b in stored.get("calibration", [])]
    return values


@app.command("list")
def list_command() -> None:
    """The stored versions, newest first; the active one is marked."""
    with unit_of_work() as session:
        for version in service.list_versions(session):
            mark = "*" if version.is_active else " "
            auc = version.metrics.get("roc_auc", 0.0)
            typer.echo(
                f"{mark} v{version.id} {version.algorithm:8} {version.source:30} "
                f"target {version.target}: {version.rows:,} rows, held-out ROC AUC {auc:.3f}"
            )


@app.command("activate")
def activate_command(version_id: Annotated[int, typer.Argument(help="The version")]) -> None:
    """Score every contact with this version (in the background: `huddle worker`)."""
    try:
        with unit_of_work() as session:
            version = service.activate(session, version_id, actor=CLI)
            typer.echo(
                f"Model v{version.id} is active; contacts are rescored in the background "
                f"(score model #{version.score_model_id})."
            )
    except HuddleError as exc:
        _fail(str(exc))


@app.command("icp")
def icp_command(
    best_share: Annotated[
        float, typer.Option(min=0.01, max=1.0, help="Share of customers counted as the best")
    ] = 0.5,
    min_support: Annotated[
        int, typer.Option(min=1, help="Best customers a segment needs to be proposed")
    ] = 3,
    min_lift: Annotated[
        float, typer.Option(min=1.0, help="How over-represented (1.5: +50%)")
    ] = 1.5,
) -> None:
    """The segments over-represented among the best customers (won value and tenure),
    with lift and support, and the ICP draft as JSON (save it as the ICP to adopt it)."""
    with unit_of_work() as session:
        found = service.discover_icp(
            session, actor=CLI, best_share=best_share, min_support=min_support, min_lift=min_lift
        )
        typer.echo(
            f"{found.accounts:,} accounts, {found.customers:,} customers, "
            f"{found.best:,} best customers"
        )
        for segment in found.segments:
            typer.echo(
                f"  {segment.label}: lift {segment.lift:.2f}, {segment.support} of the best "
                f"({segment.best_share:.0%}), {segment.accounts} of all ({segment.base_share:.0%})"
            )
        if found.skipped_small:
            typer.echo(f"  ({found.skipped_small} more under the minimum support)")
        typer.echo(json.dumps(service.icp_draft(found), indent=2, ensure_ascii=False))


def _report(version: ModelVersion) -> None:
    metrics = version.metrics
    typer.echo(
        f"Model v{version.id}: {version.algorithm}, target {version.target}, "
        f"{version.rows:,} training rows from {version.source}, settings {version.params}."
    )
    _columns(
        version.columns.get("set_aside", {}),
        version.columns.get("leaks", {}),
        version.columns.get("suspicious", {}),
    )
    included = version.columns.get("included") or []
    if included:
        typer.echo(f"Kept although flagged (--include-column): {', '.join(included)}")
    _figures(
        learning.Metrics(**_stored_metrics(metrics)),
        float(metrics.get("uncalibrated_brier", 0.0)),
        float(metrics.get("cv_roc_auc", 0.0)),
    )


def _columns(set_aside: dict[str, str], leaks: dict[str, str], suspicious: dict[str, str]) -> None:
    """The flags: excluded as leaking, and kept although suspicious (the user knows whether
    the column is written after the outcome: then --exclude-column)."""
    for name, reason in leaks.items():
        typer.secho(f"Leaking column excluded: {name}: {reason}", fg="yellow")
    for name, reason in suspicious.items():
        typer.secho(
            f"Suspicious column kept: {name}: {reason} (leave it out with --exclude-column "
            "if it is written after the outcome)",
            fg="yellow",
        )
    for name, reason in set_aside.items():
        typer.echo(f"Column set aside: {name}: {reason}")


def _figures(metrics: learning.Metrics, uncalibrated_brier: float, cv_auc: float) -> None:
    typer.echo(
        f"Held-out ({metrics.rows:,} rows, {metrics.positives:,} reached): "
        f"ROC AUC {metrics.roc_auc:.3f}, PR AUC {metrics.pr_auc:.3f}, "
        f"Brier {metrics.brier:.4f} (uncalibrated {uncalibrated_brier:.4f}); "
        f"cross-validated ROC AUC {cv_auc:.3f}"
    )
    typer.echo(
        f"At probability {metrics.threshold:.2f}: precision {metrics.precision:.1%}, "
        f"recall {metrics.recall:.1%}"
    )
    typer.echo("Lift by decile: " + " ".join(f"{lift:.2f}" for lift in metrics.lift))

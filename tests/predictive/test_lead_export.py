"""A lead export shaped like a public online-education lead-scoring file (synthetic: see
``leadexport``), trained on the two ways a company would: straight from the file
(``--from-csv``), and imported as contacts (keyed by the prospect id, its columns as custom
fields) then trained on Huddle's own records with the imported outcome column as the
target. Both reach the same held-out AUC, and both flag the columns sales wrote after the
outcome ("Tags", "Lead Quality") while keeping the honest ones (the activity "Converted to
Lead" is only pointed out)."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from huddle.cli import app
from huddle.contacts.models import Contact, CustomFieldDefinition
from huddle.predictive.models import ModelVersion
from tests.predictive.leadexport import write_lead_export

runner = CliRunner()
ROWS = 2000
# The genuine signal of the fixture: a plain logistic regression reaches about 0.83.
EXPECTED_AUC = 0.80


def _held_out_auc(output: str) -> float:
    line = next(line for line in output.splitlines() if line.startswith("Held-out"))
    return float(line.split("ROC AUC ")[1].split(",")[0])


def _versions(engine: Engine) -> list[ModelVersion]:
    with Session(engine) as session:
        return list(session.scalars(select(ModelVersion).order_by(ModelVersion.id)))


def _import(path: Path, tmp_path: Path) -> str:
    mapping = tmp_path / "mapping.json"
    mapping.write_text(json.dumps({"Prospect ID": "external_id"}))
    result = runner.invoke(
        app,
        [
            "import",
            "contacts",
            str(path),
            "--mapping",
            str(mapping),
            "--key",
            "external_id",
            "--new-fields",
        ],
    )
    assert result.exit_code == 0, result.output
    return result.output


def test_the_export_trained_from_the_file_flags_what_sales_wrote_after_the_outcome(
    cli_db: Engine, tmp_path: Path
) -> None:
    path = write_lead_export(tmp_path / "Leads.csv", rows=ROWS)
    result = runner.invoke(
        app, ["model", "train", "--from-csv", str(path), "--target", "Converted"]
    )
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Leaking column excluded: Tags: values settle the outcome either way: " in out
    assert "'Closed by Horizzon' (100%)" in out and "'Ringing' (100%)" in out
    assert "Leaking column excluded: Lead Quality: " in out
    assert "Suspicious column kept: Last Activity: values speak of an outcome ('Converted" in out
    assert "Column set aside: Prospect ID: an identifier" in out
    assert _held_out_auc(out) >= EXPECTED_AUC
    (version,) = _versions(cli_db)
    assert set(version.columns["leaks"]) == {"Tags", "Lead Quality"}
    assert set(version.columns["suspicious"]) == {"Last Activity"}
    assert "Total Time Spent on Website" in version.columns["features"]

    evaluated = runner.invoke(app, ["model", "evaluate", str(version.id)])
    assert "Leaking column excluded: Tags" in evaluated.output
    assert "Suspicious column kept: Last Activity" in evaluated.output

    # Told what sales wrote, a model looks far better than it will be on a new lead.
    kept = runner.invoke(
        app,
        [
            "model",
            "evaluate",
            "--from-csv",
            str(path),
            "--target",
            "Converted",
            "--include-column",
            "Tags",
        ],
    )
    assert kept.exit_code == 0, kept.output
    assert "Leaking column excluded: Lead Quality" in kept.output
    assert _held_out_auc(kept.output) > _held_out_auc(out) + 0.05


def test_the_export_imported_as_contacts_trains_as_well_on_the_record(
    cli_db: Engine, tmp_path: Path
) -> None:
    path = write_lead_export(tmp_path / "Leads.csv", rows=ROWS)
    imported = _import(path, tmp_path)
    assert "Custom field defined: Converted -> custom.converted (number)" in imported
    assert "Custom field defined: Do Not Email -> custom.do_not_email (boolean)" in imported
    assert f"{ROWS:,} rows: {ROWS:,} created" in imported
    with Session(cli_db) as session:
        contact = session.scalars(select(Contact).order_by(Contact.id)).first()
        assert contact is not None and contact.email is None and contact.external_id
        assert "lead_origin" in contact.custom
        assert session.scalar(
            select(CustomFieldDefinition.field_type).where(
                CustomFieldDefinition.key == "total_time_spent_on_website"
            )
        ) == ("number")

    from_file = runner.invoke(
        app, ["model", "train", "--from-csv", str(path), "--target", "Converted"]
    )
    on_record = runner.invoke(app, ["model", "train", "--target", "custom.converted"])
    assert on_record.exit_code == 0, on_record.output
    out = on_record.output
    assert "target custom.converted = 1" in out
    assert "Leaking column excluded: custom.tags: values settle the outcome either way" in out
    assert "Leaking column excluded: custom.lead_quality" in out
    assert "Column set aside: custom.converted: the target" in out
    # The same rows, the same held-out draw: the same figure, within noise.
    assert abs(_held_out_auc(out) - _held_out_auc(from_file.output)) <= 0.01
    assert _held_out_auc(out) >= EXPECTED_AUC
    record_version = _versions(cli_db)[-1]
    assert record_version.source == "records" and record_version.horizon_days is None
    assert "custom.total_time_spent_on_website" in record_version.columns["features"]
    assert "custom.converted" not in record_version.columns["features"]

    # A records-trained version scores contacts: it can be activated.
    activated = runner.invoke(app, ["model", "activate", str(record_version.id)])
    assert activated.exit_code == 0, activated.output


def test_a_target_without_outcomes_is_refused_with_where_the_outcome_is(
    cli_db: Engine, tmp_path: Path
) -> None:
    path = write_lead_export(tmp_path / "Leads.csv", rows=60)
    _import(path, tmp_path)
    result = runner.invoke(app, ["model", "train", "--target", "custom.won"])
    assert result.exit_code == 2
    assert "no contact has a value in the custom field 'won'" in result.output
    # Trained on stages the import never wrote: told where the outcome is.
    by_stage = runner.invoke(app, ["model", "train"])
    assert by_stage.exit_code == 2
    assert "no contact is known to have reached SQL within 90 days" in by_stage.output
    assert "train on it: --target custom.converted" in by_stage.output

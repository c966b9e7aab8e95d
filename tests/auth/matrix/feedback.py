"""The feedback routes: logging objections and feature gaps (feedback.log), the managed
list of product features and confirming themes (product.manage), proposing an MQL threshold
(sla.draft) and applying or dismissing one (scoring.edit), and the reports (analytics)."""

from __future__ import annotations

from huddle.core import clock
from huddle.feedback.models import ProductFeature, ThresholdProposal
from huddle.scoring.models import ScoreModel
from tests.auth.matrix.world import Call, Route, World, api, ui, unique
from tests.contacts.factories import make_account, make_contact

LOOP = "/analytics/feedback-loop"
PROPOSAL = "/feedback-loop/scoring-proposals/{proposal_id}"


def _feature_id(w: World) -> int:
    feature = ProductFeature(name=unique("Feature"), description="")
    w.db.add(feature)
    w.db.flush()
    return feature.id


def _primary_model(w: World) -> int:
    """A primary score model and a scored contact of the window, so a threshold fits."""
    model = ScoreModel(name=unique("Primary"), is_primary=True, rules=[])
    w.db.add(model)
    make_contact(w.db, score=50, created_at=clock.now())
    w.db.flush()
    return model.id


def _proposal_id(w: World) -> int:
    proposal = ThresholdProposal(
        score_model_id=_primary_model(w),
        threshold=50,
        months=6,
        objective="converted",
        expected_per_month=1,
        reasoning="matrix",
    )
    w.db.add(proposal)
    w.db.flush()
    return proposal.id


def _on_feature(prefix: str, path: str, body: str) -> Route:
    def build(w: World, _: int | None) -> Call:
        url = f"{prefix}{path.replace('{feature_id}', str(_feature_id(w)))}"
        fields = {"name": unique("Renamed"), "description": ""}
        return Call("PUT", url, json=fields) if body == "json" else Call("POST", url, data=fields)

    return Route("PUT" if body == "json" else "POST", f"{prefix}{path}", build=build)


def _propose(method_path: str, *, page: bool) -> Route:
    def build(w: World, _: int | None) -> Call:
        _primary_model(w)
        if page:
            return Call("POST", method_path, data={"months": "6", "stage": "sql"})
        return Call("POST", method_path, json={"months": 6})

    return Route("POST", method_path, build=build)


def _decide(suffix: str, *, page: bool) -> Route:
    prefix = LOOP if page else "/api/v1/feedback-loop"
    path = f"{prefix}/scoring-proposals/{{proposal_id}}/{suffix}"

    def build(w: World, _: int | None) -> Call:
        return Call("POST", path.replace("{proposal_id}", str(_proposal_id(w))))

    return Route("POST", path, build=build)


def _item(w: World, _: int | None) -> dict[str, object]:
    return {"kind": "objection", "account_id": make_account(w.db).id, "quote": "Too pricey"}


ITEM_FORM = {"kind": "objection", "feature_id": "", "quote": "Too pricey"}
FEEDBACK_LOGS = [
    api("POST", "/feedback-items", json=_item),
    ui("POST", "/opportunities/{opportunity_id}/feedback", "deal", ITEM_FORM),
    ui("POST", "/accounts/{account_id}/feedback", "account", ITEM_FORM),
]

PRODUCT_SETTINGS = [
    api("POST", "/product-features", json=lambda w, _: {"name": unique("Feature")}),
    _on_feature("/api/v1", "/product-features/{feature_id}", "json"),
    api(
        "POST",
        "/product-feedback/themes/confirm",
        json=lambda w, _: {"name": unique("Theme"), "item_ids": []},
    ),
    ui("POST", "/settings/product-features", data=lambda w, _: {"name": unique("Feature")}),
    _on_feature("", "/settings/product-features/{feature_id}", "form"),
    ui("POST", "/analytics/product-feedback/themes", data=lambda w, _: {"name": unique("Theme")}),
]

THRESHOLD_PROPOSALS = [
    _propose("/api/v1/feedback-loop/scoring-proposals", page=False),
    _propose("/api/v1/feedback-loop/sla-proposals", page=False),
    _propose(f"{LOOP}/scoring-proposals", page=True),
    _propose(f"{LOOP}/sla-proposals", page=True),
]

PROPOSAL_DECISIONS = [
    _decide("apply", page=False),
    _decide("dismiss", page=False),
    _decide("apply", page=True),
    _decide("dismiss", page=True),
]

FEEDBACK_READS = [
    api("GET", "/feedback-loop"),
    api("GET", "/feedback-loop.csv"),
    api("GET", "/feedback-loop/scoring-proposals"),
    api("GET", "/product-features"),
    api("GET", "/feedback-items"),
    api("GET", "/product-feedback"),
    api("GET", "/product-feedback.csv"),
    api("GET", "/product-feedback/themes"),
    ui("GET", LOOP),
    ui("GET", "/analytics/product-feedback"),
    ui("GET", "/settings/product-features"),
]

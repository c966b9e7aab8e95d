"""The campaigns' routes (campaign.manage) and the campaigns and attribution reads."""

from __future__ import annotations

from datetime import date

from tests.auth.matrix.world import Call, Route, World, api, ui, unique
from tests.campaigns.factories import make_campaign, make_cost, make_rule

CAMPAIGN = "/campaigns/{campaign_id:int}"
PERIOD = {"from": "2024-03-01", "to": "2024-03-31"}


def _campaign_id(w: World) -> int:
    return make_campaign(w.db, name=unique("Campaign")).id


def _new(w: World, _: int | None) -> dict[str, object]:
    return {"name": unique("Campaign"), "channel": "email"}


def _form(w: World, _: int | None) -> dict[str, object]:
    return {**_new(w, None), "utm_campaign": "", "starts_on": "", "ends_on": "", "budget": ""}


def _on_campaign(method: str, suffix: str, *, page: bool = False, **body: object) -> Route:
    def build(w: World, _: int | None) -> Call:
        prefix = "" if page else "/api/v1"
        url = f"{prefix}/campaigns/{_campaign_id(w)}{suffix}"
        return (
            Call(method, url, data=body or None) if page else Call(method, url, json=body or None)
        )

    return Route(method, f"{'' if page else '/api/v1'}{CAMPAIGN}{suffix}", build=build)


def _on_cost(method: str, path: str, suffix: str = "") -> Route:
    def build(w: World, _: int | None) -> Call:
        campaign = make_campaign(w.db, name=unique("Campaign"))
        cost = make_cost(w.db, campaign, 10, date(2024, 3, 1))
        return Call(method, path.replace("{c}", str(campaign.id)).replace("{x}", str(cost.id)))

    return Route(
        method,
        path.replace("{c}", "{campaign_id:int}").replace("{x}", "{cost_id:int}"),
        build=build,
    )


def _on_rule(method: str, path: str) -> Route:
    def build(w: World, _: int | None) -> Call:
        campaign = make_campaign(w.db, name=unique("Campaign"))
        rule = make_rule(w.db, campaign)
        return Call(method, path.replace("{c}", str(campaign.id)).replace("{x}", str(rule.id)))

    return Route(
        method,
        path.replace("{c}", "{campaign_id:int}").replace("{x}", "{rule_id:int}"),
        build=build,
    )


COST = {"spent_on": "2024-03-01", "amount": 10}
RULE = {"field": "utm_source", "operator": "equals", "value": "x"}
CAMPAIGN_SETTINGS = [
    api("POST", "/campaigns", json=_new),
    _on_campaign("PUT", "", name="Renamed by the matrix", channel="events"),
    _on_campaign("POST", "/costs", **COST),
    _on_cost("DELETE", "/api/v1/campaigns/{c}/costs/{x}"),
    _on_campaign("POST", "/utm-rules", **RULE),
    _on_rule("DELETE", "/api/v1/campaigns/{c}/utm-rules/{x}"),
    api("POST", "/campaigns/remap"),
    ui("GET", "/campaigns/new"),
    ui("POST", "/campaigns", data=_form),
    ui("POST", "/campaigns/remap"),
    Route(
        "POST",
        CAMPAIGN,
        build=lambda w, o: Call("POST", f"/campaigns/{_campaign_id(w)}", data=_form(w, o)),
    ),
    _on_campaign("POST", "/costs", page=True, spent_on="2024-03-01", amount="10", note=""),
    _on_cost("POST", "/campaigns/{c}/costs/{x}/delete"),
    _on_campaign("POST", "/rules", page=True, **RULE, position="0"),
    _on_rule("POST", "/campaigns/{c}/rules/{x}/delete"),
]

CAMPAIGN_READS = [
    api("GET", "/campaigns"),
    _on_campaign("GET", ""),
    api(
        "GET", "/attribution", build=lambda w, _: Call("GET", "/api/v1/attribution", params=PERIOD)
    ),
    api(
        "GET",
        "/attribution.csv",
        build=lambda w, _: Call("GET", "/api/v1/attribution.csv", params=PERIOD),
    ),
    ui("GET", "/campaigns"),
    _on_campaign("GET", "", page=True),
    ui("GET", "/attribution"),
]

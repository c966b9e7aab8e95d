"""The campaigns pages: the list with budget against cost (/campaigns) and a campaign's
page with its cost entries and UTM rules (/campaigns/{id}). Plain forms (POST → 303)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from huddle.auth.deps import CurrentUser, request_actor
from huddle.campaigns import service
from huddle.campaigns.models import CHANNELS, UTM_FIELDS, UTM_OPERATORS
from huddle.campaigns.schemas import CampaignWrite, CostWrite, UtmRuleWrite
from huddle.contacts import service as contacts
from huddle.web.deps import SessionDep
from huddle.web.views import FormText, form_schema, page, submit

if TYPE_CHECKING:
    from huddle.auth.models import User

router = APIRouter(include_in_schema=False)
CHANNEL_LABELS = {
    "email": "Email",
    "paid_search": "Paid search",
    "paid_social": "Paid social",
    "organic_social": "Organic social",
    "events": "Events",
    "webinar": "Webinar",
    "content": "Content",
    "partner": "Partner",
    "direct_mail": "Direct mail",
    "outbound": "Outbound",
    "other": "Other",
}


def _blank_none(value: str) -> str | None:
    return value.strip() or None


def _common() -> dict[str, Any]:
    return {
        "channels": CHANNELS,
        "channel_labels": CHANNEL_LABELS,
        "utm_fields": UTM_FIELDS,
        "utm_operators": UTM_OPERATORS,
    }


def _list_page(
    request: Request,
    session: SessionDep,
    user: User,
    *,
    error: str | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    summaries = service.list_campaigns(session, actor=request_actor(request))
    return page(
        request,
        "campaigns/list.html",
        user,
        "campaigns",
        {
            **_common(),
            "campaigns": summaries,
            "total_budget": sum(s.campaign.budget or 0 for s in summaries),
            "total_cost": sum(s.cost for s in summaries),
            "error": error,
        },
        status_code=status_code,
    )


def _detail_page(
    request: Request,
    session: SessionDep,
    user: User,
    campaign_id: int,
    *,
    draft: dict[str, str] | None = None,
    error: str | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    actor = request_actor(request)
    summary = service.get_campaign(session, campaign_id, actor=actor)
    return page(
        request,
        "campaigns/detail.html",
        user,
        "campaigns",
        {
            **_common(),
            "summary": summary,
            "campaign": summary.campaign,
            "costs": service.list_costs(session, campaign_id, actor=actor),
            "rules": service.list_rules(session, campaign_id, actor=actor),
            "draft": draft or {},
            "error": error,
        },
        status_code=status_code,
    )


@router.get("/campaigns", response_class=HTMLResponse)
def campaigns_page(request: Request, session: SessionDep, user: CurrentUser) -> HTMLResponse:
    return _list_page(request, session, user)


def _new_page(
    request: Request,
    user: User,
    *,
    draft: dict[str, str] | None = None,
    error: str | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    return page(
        request,
        "campaigns/new.html",
        user,
        "campaigns",
        {**_common(), "draft": draft or {}, "error": error},
        status_code=status_code,
    )


@router.get("/campaigns/new", response_class=HTMLResponse)
def new_campaign_page(request: Request, user: CurrentUser) -> HTMLResponse:
    service.require_manage(request_actor(request))
    return _new_page(request, user)


def _campaign_form(draft: dict[str, str]) -> CampaignWrite:
    return form_schema(
        lambda: CampaignWrite.model_validate(
            {
                "name": draft["name"],
                "channel": draft["channel"],
                "utm_campaign": _blank_none(draft["utm_campaign"]),
                "starts_on": _blank_none(draft["starts_on"]),
                "ends_on": _blank_none(draft["ends_on"]),
                "budget": _blank_none(draft["budget"]),
            }
        )
    )


def _draft(**fields: str) -> dict[str, str]:
    return dict(fields)


@router.post("/campaigns", response_model=None)
def create_campaign(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    name: FormText = "",
    channel: FormText = "",
    utm_campaign: FormText = "",
    starts_on: FormText = "",
    ends_on: FormText = "",
    budget: FormText = "",
) -> Response:
    draft = _draft(
        name=name,
        channel=channel,
        utm_campaign=utm_campaign,
        starts_on=starts_on,
        ends_on=ends_on,
        budget=budget,
    )
    created: list[int] = []

    def change() -> None:
        data = _campaign_form(draft)
        created.append(service.create_campaign(session, data, actor=request_actor(request)).id)

    def refused(message: str, status_code: int) -> Response:
        return _new_page(request, user, draft=draft, error=message, status_code=status_code)

    response = submit(request, change, done="Campaign created.", then="/campaigns", refused=refused)
    # The new campaign's id is known only once it is made: its page is where to go next.
    if created:
        response.headers["location"] = f"/campaigns/{created[0]}"
    return response


@router.post("/campaigns/remap", response_model=None)
def remap_touches(request: Request, session: SessionDep, user: CurrentUser) -> Response:
    def refused(message: str, status_code: int) -> Response:
        return _list_page(request, session, user, error=message, status_code=status_code)

    return submit(
        request,
        lambda: contacts.queue_campaign_remap(session, actor=request_actor(request)),
        done="Past touches without a campaign are being mapped by the UTM rules.",
        then="/campaigns",
        refused=refused,
    )


@router.get("/campaigns/{campaign_id:int}", response_class=HTMLResponse)
def campaign_page(
    request: Request, session: SessionDep, user: CurrentUser, campaign_id: int
) -> HTMLResponse:
    return _detail_page(request, session, user, campaign_id)


def _on_detail(
    request: Request,
    session: SessionDep,
    user: User,
    campaign_id: int,
    change: Callable[[], object],
    *,
    done: str,
    draft: dict[str, str],
) -> Response:
    def refused(message: str, status_code: int) -> Response:
        return _detail_page(
            request, session, user, campaign_id, draft=draft, error=message, status_code=status_code
        )

    return submit(request, change, done=done, then=f"/campaigns/{campaign_id}", refused=refused)


@router.post("/campaigns/{campaign_id:int}", response_model=None)
def update_campaign(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    campaign_id: int,
    name: FormText = "",
    channel: FormText = "",
    utm_campaign: FormText = "",
    starts_on: FormText = "",
    ends_on: FormText = "",
    budget: FormText = "",
) -> Response:
    draft = _draft(
        name=name,
        channel=channel,
        utm_campaign=utm_campaign,
        starts_on=starts_on,
        ends_on=ends_on,
        budget=budget,
    )
    return _on_detail(
        request,
        session,
        user,
        campaign_id,
        lambda: service.update_campaign(
            session, campaign_id, _campaign_form(draft), actor=request_actor(request)
        ),
        done="Campaign saved.",
        draft=draft,
    )


@router.post("/campaigns/{campaign_id:int}/costs", response_model=None)
def add_cost(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    campaign_id: int,
    spent_on: FormText = "",
    amount: FormText = "",
    note: FormText = "",
) -> Response:
    draft = _draft(spent_on=spent_on, amount=amount, note=note)
    return _on_detail(
        request,
        session,
        user,
        campaign_id,
        lambda: service.add_cost(
            session,
            campaign_id,
            form_schema(
                lambda: CostWrite.model_validate(
                    {"spent_on": spent_on, "amount": amount, "note": _blank_none(note)}
                )
            ),
            actor=request_actor(request),
        ),
        done="Cost added.",
        draft=draft,
    )


@router.post("/campaigns/{campaign_id:int}/costs/{cost_id:int}/delete", response_model=None)
def remove_cost(
    request: Request, session: SessionDep, user: CurrentUser, campaign_id: int, cost_id: int
) -> Response:
    return _on_detail(
        request,
        session,
        user,
        campaign_id,
        lambda: service.remove_cost(session, campaign_id, cost_id, actor=request_actor(request)),
        done="Cost removed.",
        draft={},
    )


@router.post("/campaigns/{campaign_id:int}/rules", response_model=None)
def add_rule(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    campaign_id: int,
    field: FormText = "",
    operator: FormText = "",
    value: FormText = "",
    position: FormText = "0",
) -> Response:
    draft = _draft(field=field, operator=operator, value=value, position=position)
    return _on_detail(
        request,
        session,
        user,
        campaign_id,
        lambda: service.add_rule(
            session,
            campaign_id,
            form_schema(
                lambda: UtmRuleWrite.model_validate(
                    {
                        "field": field,
                        "operator": operator,
                        "value": value,
                        "position": position or "0",
                    }
                )
            ),
            actor=request_actor(request),
        ),
        done="UTM rule added. It maps touches from now on; map past touches from the list.",
        draft=draft,
    )


@router.post("/campaigns/{campaign_id:int}/rules/{rule_id:int}/delete", response_model=None)
def remove_rule(
    request: Request, session: SessionDep, user: CurrentUser, campaign_id: int, rule_id: int
) -> Response:
    return _on_detail(
        request,
        session,
        user,
        campaign_id,
        lambda: service.remove_rule(session, campaign_id, rule_id, actor=request_actor(request)),
        done="UTM rule removed.",
        draft={},
    )

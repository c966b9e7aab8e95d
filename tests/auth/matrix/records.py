"""The routes that read and change the shared record (contacts, accounts, deals, their
lifecycle), import and export it, and answer privacy requests, by action."""

from __future__ import annotations

import secrets
import tempfile
from pathlib import Path
from typing import Any

from huddle.contacts.importing import service as imports
from huddle.contacts.importing.models import ImportMapping, ImportUpload
from huddle.contacts.models import Touch
from huddle.core import clock
from huddle.core.actor import SYSTEM
from huddle.lifecycle import service as lifecycle
from huddle.routing.models import Handoff
from tests.auth.matrix.world import (
    Body,
    Build,
    Call,
    World,
    api,
    email,
    give,
    key,
    take,
    ui,
    unique,
)
from tests.contacts.factories import make_account, make_touch
from tests.lifecycle.factories import make_opportunity

SECRET_PHONE = "+44 20 7946 0958"
CONTACT = "/contacts/{contact_id:int}"


# --- reading contacts, and their details ------------------------------------------------------


def _hidden_person(w: World, **values: Any) -> tuple[int, str, str]:
    """A contact whose email and phone only roles with read_personal may see."""
    address, last_name = f"{unique('hidden')}@secret-co.example", unique("Person")
    contact = w.contact(email=address, phone=SECRET_PHONE, last_name=last_name, **values)
    return contact.id, address, last_name


def _personal(url: str, *, phone: bool = True) -> Build:
    """``url`` with the contact's id and last name; the answer must show its email (and
    phone) exactly when the role may read them."""

    def build(w: World, _: int | None) -> Call:
        contact_id, address, last_name = _hidden_person(w)
        shown = (address, SECRET_PHONE) if phone else (address,)
        return Call("GET", url.format(id=contact_id, name=last_name), secrets=shown)

    return build


def _timeline_of_form_fill(w: World, _: int | None) -> Call:
    contact_id, address, _name = _hidden_person(w)
    fields = {"email": address, "phone_number": SECRET_PHONE, "utm_source": "ads"}
    make_touch(w.db, contact_id=contact_id, type="form_submit", properties=fields)
    url = f"/api/v1/contacts/{contact_id}/timeline"
    return Call("GET", url, secrets=(address, SECRET_PHONE))


def _nameless(w: World) -> tuple[int, str]:
    """A contact known by its email alone: pages name it by email only to those who may
    see emails, and by its number to the others."""
    address = f"{unique('hidden')}@secret-co.example"
    return w.contact(email=address, first_name=None, last_name=None).id, address


def _deal_people(w: World, _: int | None) -> Call:
    contact_id, address = _nameless(w)
    deal = make_opportunity(w.db, contacts={contact_id: "Champion"})
    return Call("GET", f"/opportunities/{deal.id}", secrets=(address,))


def _packet(w: World, _: int | None) -> Call:
    contact_id, address = _nameless(w)
    handoff_id = w.make("handoff", None)
    w.db.get_one(Handoff, handoff_id).contact_id = contact_id
    return Call("GET", f"/queue/{handoff_id}", secrets=(address,))


def _packet_api(w: World, owner: int | None) -> Call:
    page = _packet(w, owner)
    return Call("GET", f"/api/v1{page.url}", secrets=page.secrets)


def _home(w: World, _: int | None) -> Call:
    address = f"{unique('hidden')}@secret-co.example"
    w.contact(w.me.id, email=address, lifecycle_stage="mql")  # one of "my leads"
    return Call("GET", "/", secrets=(address,))


def _home_api(w: World, owner: int | None) -> Call:
    return Call("GET", "/api/v1/home", secrets=_home(w, owner).secrets)


def _account_people(w: World, _: int | None) -> Call:
    account = make_account(w.db)
    _id, address, _name = _hidden_person(w, account_id=account.id)
    return Call("GET", f"/accounts/{account.id}", secrets=(address,))


READS = [
    api("GET", "/contacts"),
    api("GET", "/contacts/{contact_id:int}", "contact"),
    api("GET", "/contacts/{contact_id:int}/timeline", "contact"),
    api("GET", "/accounts"),
    api("GET", "/accounts/{account_id:int}", "account"),
    api("GET", "/opportunities"),
    api("GET", "/queue/entries"),
    api("GET", "/queue/news"),
    api("GET", "/queue/{handoff_id:int}", "handoff"),
    api("GET", "/home"),
    ui("GET", "/contacts"),
    ui("GET", "/contacts/{contact_id}", "contact"),
    ui("GET", "/accounts"),
    ui("GET", "/accounts/{account_id}", "account"),
    ui("GET", "/opportunities"),
]

PERSONAL = [
    api("GET", CONTACT, build=_personal("/api/v1/contacts/{id}")),
    api("GET", "/contacts", build=_personal("/api/v1/contacts?q={name}"), label="by name"),
    api("GET", f"{CONTACT}/timeline", build=_timeline_of_form_fill, label="a form's fields"),
    ui("GET", "/contacts/{contact_id}", build=_personal("/contacts/{id}")),
    ui("GET", "/contacts", build=_personal("/contacts?q={name}", phone=False), label="by name"),
    ui("GET", "/accounts/{account_id}", build=_account_people, label="its people"),
    ui("GET", "/opportunities/{opportunity_id:int}", build=_deal_people, label="its people"),
    ui("GET", "/queue/{handoff_id:int}", build=_packet, label="the lead's packet"),
    ui("GET", "/", build=_home, label="my leads"),
    api("GET", "/queue/{handoff_id:int}", build=_packet_api, label="the lead's packet"),
    api("GET", "/home", build=_home_api, label="my leads"),
]


# --- changing contacts and accounts ------------------------------------------------------------


def _same_email(w: World, owner: int | None) -> Call:
    existing = w.contact(owner)
    return Call("POST", "/api/v1/contacts", json={"email": existing.email, "job_title": "CTO"})


def _same_domain(w: World, owner: int | None) -> Call:
    existing = make_account(w.db, owner_id=owner)
    body = {"name": existing.name, "domain": existing.domain, "industry": "Retail"}
    return Call("POST", "/api/v1/accounts", json=body)


CREATES = [
    api(
        "POST",
        "/contacts",
        json=lambda w, owner: {"email": email(), "owner_id": owner},
        label="new",
    ),
    ui(
        "POST",
        "/contacts/new",
        data=lambda w, owner: {"email": email(), "owner_id": "" if owner is None else str(owner)},
        label="the form",
    ),
]

CONTACT_EDITS = [
    api("PATCH", CONTACT, "contact", {"job_title": "CTO"}),
    api("PATCH", CONTACT, "contact", take, label="take"),
    api("PATCH", CONTACT, "contact", give, unassigned=True, label="give"),
    api("POST", "/contacts", build=_same_email, label="same email: an update"),
]

ACCOUNT = "/accounts/{account_id:int}"
ACCOUNT_EDITS = [
    api(
        "POST",
        "/accounts",
        json=lambda w, owner: {"name": unique("Acme"), "owner_id": owner},
        label="new",
    ),
    api("POST", "/accounts", build=_same_domain, label="same domain: an update"),
    api("PATCH", ACCOUNT, "account", {"industry": "Retail"}),
    api("PATCH", ACCOUNT, "account", take, label="take"),
    api("PATCH", ACCOUNT, "account", give, unassigned=True, label="give"),
    api("POST", f"{ACCOUNT}/enrich", "account"),
]


def _merge(entity: str, *, owned: str) -> Build:
    """Merge two contacts (or accounts) over the API, the ``owned`` one of the case's owner."""

    def build(w: World, owner: int | None) -> Call:
        kind = entity[:-1]
        records = {
            side: w.make(kind, owner if side == owned else None) for side in ("kept", "gone")
        }
        url = f"/api/v1/{entity}/{records['kept']}/merge"
        return Call("POST", url, json={"merged_id": records["gone"]})

    return build


def _merge_form(w: World, owner: int | None) -> Call:
    kept, gone = w.contact(owner), w.contact()
    return Call("POST", f"/contacts/{kept.id}/merge", data={"merged_id": str(gone.id)})


def _merge_page(w: World, owner: int | None) -> Call:
    kept, gone = w.contact(owner), w.contact()
    return Call("GET", f"/contacts/{kept.id}/merge", params={"email": gone.email})


MERGES = [
    api("POST", f"{CONTACT}/merge", build=_merge("contacts", owned="kept"), label="kept"),
    api("POST", f"{CONTACT}/merge", build=_merge("contacts", owned="gone"), label="merged"),
    api("POST", f"{ACCOUNT}/merge", build=_merge("accounts", owned="kept"), label="kept"),
    api("POST", f"{ACCOUNT}/merge", build=_merge("accounts", owned="gone"), label="merged"),
    ui("GET", "/contacts/{contact_id}/merge", build=_merge_page, label="the comparison"),
    ui("POST", "/contacts/{contact_id}/merge", build=_merge_form),
]


def _note_on(subject: str) -> Body:
    field = {"deal": "opportunity_id"}.get(subject, f"{subject}_id")
    return lambda w, owner: {field: w.make(subject, owner), "body": "Called"}


NOTE = {"body": "Called"}
NOTES = [
    api("POST", f"{CONTACT}/notes", "contact", NOTE),
    api("POST", f"{ACCOUNT}/notes", "account", NOTE),
    api("POST", "/notes", json=_note_on("contact"), label="on a contact"),
    api("POST", "/notes", json=_note_on("account"), label="on an account"),
    api("POST", "/notes", json=_note_on("deal"), label="on a deal"),
    ui("POST", "/contacts/{contact_id}/notes", "contact", NOTE),
    ui("POST", "/accounts/{account_id}/notes", "account", NOTE),
    ui("POST", "/opportunities/{opportunity_id}/notes", "deal", NOTE),
]


def _activity_form(w: World, owner: int | None) -> Call:
    contact_id = w.contact(owner).id

    def logged() -> bool:
        return w.db.query(Touch).filter_by(contact_id=contact_id).count() > 0

    url = f"/contacts/{contact_id}/activities"
    return Call("POST", url, data={"kind": "call"}, happened=logged)


TOUCHES = [
    api("POST", f"{CONTACT}/touches", "contact", {"type": "call_logged"}),
    api(
        "POST",
        "/touches",
        json=lambda w, owner: {"type": "call_logged", "contact_id": w.make("contact", owner)},
    ),
    api("POST", f"{CONTACT}/activities", "contact", {"kind": "call"}),
    ui("POST", "/contacts/{contact_id:int}/activities", build=_activity_form),
]


def _kept_aside(prefix: str) -> Build:
    """ "Apply these values" on a form fill that kept a new first name aside."""

    def build(w: World, owner: int | None) -> Call:
        contact = w.contact(owner)
        properties = {"first_name": "Mallory", "identity": "unverified"}
        touch = make_touch(
            w.db,
            contact=contact,
            type="form_submitted",
            properties=properties | {"not_applied": ["first_name"]},
        )
        return Call("POST", f"{prefix}/contacts/{contact.id}/touches/{touch.id}/apply")

    return build


CONTACT_EDITS += [
    api("POST", f"{CONTACT}/touches/{{touch_id:int}}/apply", build=_kept_aside("/api/v1")),
    ui("POST", "/contacts/{contact_id}/touches/{touch_id}/apply", build=_kept_aside("")),
]

CONSENT = {"field": "do_not_call", "value": True, "source": "asked on the phone"}
CONSENT_EDITS = [api("POST", f"{CONTACT}/consent", "contact", CONSENT)]


# --- lifecycle and deals ---------------------------------------------------------------------

STAGE_CHANGES = [
    api("POST", "/contacts/{contact_id}/stage", "contact", {"to_stage": "mql"}),
    ui("POST", "/contacts/{contact_id}/stage", "contact", {"to_stage": "mql"}),
]

REJECT = {"reason_code": "no_budget"}
LEAD_DECISIONS = [
    api("POST", "/contacts/{contact_id}/reject", "mql", REJECT),
    ui("POST", "/contacts/{contact_id}/reject", "mql", REJECT),
    api("POST", "/handoffs/{handoff_id:int}/accept", "handoff"),
    api("POST", "/handoffs/{handoff_id:int}/reject", "handoff", REJECT),
    ui("POST", "/queue/{handoff_id:int}/accept", "handoff"),
    ui("POST", "/queue/{handoff_id:int}/reject", "handoff", REJECT),
]


def _all_transitions(w: World, _: int | None) -> dict[str, Any]:
    pairs = lifecycle.list_allowed_transitions(w.db)
    return {"transitions": [{"from_stage": p.from_stage, "to_stage": p.to_stage} for p in pairs]}


LIFECYCLE_SETTINGS = [
    api("PUT", "/lifecycle/transitions", json=_all_transitions),
    api(
        "POST",
        "/lifecycle/rejection-reasons",
        json=lambda w, _: {"code": key("r"), "label": "Late"},
    ),
    api("POST", "/lifecycle/rejection-reasons/{code}/deactivate", "reason"),
]


def _deal_role(method: str) -> Build:
    def build(w: World, owner: int | None) -> Call:
        contact_id = w.contact().id
        roles = {contact_id: "Champion"} if method == "DELETE" else {}
        deal = make_opportunity(w.db, owner_id=owner, contacts=roles)
        url = f"/api/v1/opportunities/{deal.id}/contacts/{contact_id}"
        return Call(method, url, json={"role": "Economic buyer"} if method == "PUT" else None)

    return build


def _new_deal(w: World, owner: int | None) -> dict[str, Any]:
    return {"name": "New deal", "account_id": make_account(w.db).id, "owner_id": owner}


def _new_deal_form(w: World, owner: int | None) -> dict[str, Any]:
    deal = _new_deal(w, owner)
    return {k: "" if v is None else str(v) for k, v in deal.items()}


DEAL = "/opportunities/{opportunity_id}"
DEAL_EDITS = [
    api("POST", "/opportunities", json=_new_deal, label="new"),
    api("PATCH", DEAL, "deal", {"amount": 5000}),
    api("PATCH", DEAL, "deal", take, label="take"),
    api("PATCH", DEAL, "deal", give, unassigned=True, label="give"),
    api("POST", f"{DEAL}/move", "deal", {"pipeline_stage": "discovery"}),
    api("POST", f"{DEAL}/close", "deal", {"won": True}),
    api("PUT", f"{DEAL}/contacts/{{contact_id}}", build=_deal_role("PUT")),
    api("DELETE", f"{DEAL}/contacts/{{contact_id}}", build=_deal_role("DELETE")),
    ui("POST", f"{DEAL}/move", "deal", {"pipeline_stage": "discovery"}),
    ui("POST", f"{DEAL}/close", "deal", {"outcome": "won"}),
    ui("POST", f"{DEAL}/edit", "deal", {"name": "Renamed", "amount": "10", "currency": "USD"}),
    ui("POST", "/opportunities/new", data=_new_deal_form, label="new"),
]
DEAL_DELETES = [api("DELETE", DEAL, "deal")]


# --- imports and exports ---------------------------------------------------------------------


def _upload(url: str, content: str | None = None) -> Build:
    def build(w: World, _: int | None) -> Call:
        csv = (content or f"email,first_name\n{email()},Ann\n").encode()
        return Call("POST", url, files={"file": ("upload.csv", csv, "text/csv")})

    return build


DEALS_CSV = "Record ID,Deal Name,Associated Company\n1,Matrix deal,Matrix Inc\n"
TOUCHES_CSV = "Email,Activity type,Activity date\nnobody@matrix.example,CALL,2024-01-02\n"


def _interrupted(prefix: str) -> Build:
    """Resume an import whose process died (its file still kept)."""

    def build(w: World, _: int | None) -> Call:
        folder = Path(tempfile.mkdtemp(prefix="matrix-import-"))
        source = folder / "contacts.csv"
        source.write_text(f"email,first_name\n{email()},Ann\n")
        job = imports.create_import(w.db, source, filename=source.name, actor=SYSTEM)
        job.status, job.source_path, job.report_path = (
            "interrupted",
            str(source),
            str(folder / "e.csv"),
        )
        w.db.flush()
        return Call("POST", f"{prefix}/imports/{job.id}/resume")

    return build


_WIZARD_MAPPING = {"email": "email", "first_name": "first_name"}


def _staged(w: World) -> str:
    """A file the actor uploaded to the import wizard, mapped; its token."""
    folder = Path(tempfile.mkdtemp(prefix="matrix-wizard-"))
    source = folder / "contacts.csv"
    source.write_text(f"email,first_name\n{email()},Ann\n")
    token = secrets.token_urlsafe(32)
    upload = ImportUpload(
        token=token,
        user_id=w.me.id,
        filename=source.name,
        path=str(source),
        size=source.stat().st_size,
        mapping=_WIZARD_MAPPING,
        created_at=clock.now(),
    )
    w.db.add(upload)
    w.db.flush()
    return token


def _wizard_api(path: str) -> Build:
    def build(w: World, _: int | None) -> Call:
        return Call("POST", path, json={"token": _staged(w), "mapping": _WIZARD_MAPPING})

    return build


def _wizard_page(method: str, step: str, data: dict[str, Any] | None = None) -> Build:
    def build(w: World, _: int | None) -> Call:
        return Call(method, f"/imports/wizard/{_staged(w)}{step}", data=data)

    return build


def _saved_mapping(method: str, json: dict[str, Any] | None = None) -> Build:
    def build(w: World, _: int | None) -> Call:
        saved = ImportMapping(name=f"Mapping of {email()}", mapping=_WIZARD_MAPPING)
        w.db.add(saved)
        w.db.flush()
        return Call(method, f"/api/v1/import-mappings/{saved.id}", json=json)

    return build


def _new_mapping(w: World, _: int | None) -> dict[str, Any]:
    return {"name": f"Mapping of {email()}", "mapping": _WIZARD_MAPPING}


IMPORTS = [
    api("POST", "/imports", build=_upload("/api/v1/imports")),
    api("GET", "/imports"),
    api("POST", "/imports/{import_id}/resume", build=_interrupted("/api/v1")),
    api("POST", "/imports/preview", build=_upload("/api/v1/imports/preview")),
    api("POST", "/imports/dry-run", build=_wizard_api("/api/v1/imports/dry-run")),
    api("POST", "/imports/start", build=_wizard_api("/api/v1/imports/start")),
    api("GET", "/import-mappings"),
    api("POST", "/import-mappings", json=_new_mapping),
    api(
        "PATCH", "/import-mappings/{mapping_id}", build=_saved_mapping("PATCH", {"name": "Renamed"})
    ),
    api("DELETE", "/import-mappings/{mapping_id}", build=_saved_mapping("DELETE")),
    # A contact's past from another CRM, as an import brings it.
    api(
        "POST",
        "/contacts/{contact_id}/history",
        "contact",
        {"stages": [{"stage": "lead", "at": "2024-03-14T09:30:00Z"}], "source": "HubSpot"},
    ),
    ui("POST", "/imports", build=_upload("/imports")),
    ui("GET", "/imports"),
    ui("POST", "/imports/{import_id}/resume", build=_interrupted("")),
    api("POST", "/deal-imports", build=_upload("/api/v1/deal-imports", DEALS_CSV)),
    api("POST", "/touch-imports", build=_upload("/api/v1/touch-imports", TOUCHES_CSV)),
    ui("POST", "/imports/deals", build=_upload("/imports/deals", DEALS_CSV)),
    ui("POST", "/imports/touches", build=_upload("/imports/touches", TOUCHES_CSV)),
    ui("POST", "/imports/deals/columns", build=_upload("/imports/deals/columns", DEALS_CSV)),
    ui("POST", "/imports/touches/columns", build=_upload("/imports/touches/columns", TOUCHES_CSV)),
    ui("POST", "/imports/wizard", build=_upload("/imports/wizard")),
    ui("GET", "/imports/wizard/{token}", build=_wizard_page("GET", "")),
    ui(
        "POST",
        "/imports/wizard/{token}/mapping",
        build=_wizard_page("POST", "/mapping", {"map-0": "email", "map-1": "first_name"}),
    ),
    ui("GET", "/imports/wizard/{token}/check", build=_wizard_page("GET", "/check")),
    ui("POST", "/imports/wizard/{token}/import", build=_wizard_page("POST", "/import", {})),
]
# The contact list's "Export CSV" button downloads this same URL with the session.
EXPORTS = [api("GET", "/contacts/export.csv")]


# --- privacy and audit ----------------------------------------------------------------------------

CONSENT_READS = [api("GET", f"{CONTACT}/consent", "contact")]
PERSONAL_DATA_EXPORTS = [
    api("GET", f"{CONTACT}/personal-data", "contact"),
    ui("GET", "/contacts/{contact_id}/personal-data.json", "contact"),
]
ERASURES = [
    api("POST", f"{CONTACT}/erase", "contact"),
    ui("POST", "/contacts/{contact_id}/erase", "contact", {"confirm": "erase"}),
]
AUDIT_READS = [api("GET", "/audit"), ui("GET", "/settings/audit")]

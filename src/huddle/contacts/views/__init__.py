"""HTML pages of the shared record: contacts, their lists and saved views, merges, accounts."""

from fastapi import APIRouter

from huddle.contacts.views import accounts, bulk, create, detail, fields, listing, merge

router = APIRouter(include_in_schema=False)
# Before detail: its /contacts/{contact_id} would otherwise take /contacts/new.
for module in (listing, bulk, create, detail, merge, accounts, fields):
    router.include_router(module.router)

"""HTML pages of the shared record: contacts, their lists and saved views, merges, accounts."""

from fastapi import APIRouter

from huddle.contacts.views import accounts, detail, fields, listing, merge

router = APIRouter(include_in_schema=False)
for module in (listing, detail, merge, accounts, fields):
    router.include_router(module.router)

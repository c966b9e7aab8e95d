"""Routing's pages: the sales queue and the packet, the contact page's hand-off card,
Settings > Routing (rules and team pools) and its webhooks."""

from fastapi import APIRouter

from huddle.routing.views import contact_card, queue, settings, webhooks

router = APIRouter(include_in_schema=False)
for module in (queue, contact_card, settings, webhooks):
    router.include_router(module.router)

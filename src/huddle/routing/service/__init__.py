"""Routing's rules and state changes: rules and pools, routing a lead, the sales queue,
decisions, recycling and logged sales activity."""

from huddle.routing.service.configuration import (
    delete_rule,
    get_pool,
    get_rule,
    list_pools,
    list_rules,
    save_pool,
    save_rule,
)
from huddle.routing.service.decisions import (
    accept_handoff,
    close_on_stage_change,
    get_handoff,
    handoff_contact_ids,
    latest_handoff,
    log_activity,
    my_pool_ids,
    queue_contacts,
    queue_news,
    recycle_stalled,
    reject_handoff,
    sales_queue,
    scrub_contact,
)
from huddle.routing.service.notices import HandoffNotice, handoff_notice
from huddle.routing.service.packet import build_packet, packet_text, since_handoff
from huddle.routing.service.qualified import ROUTE_JOB, queue_routing, route_qualified_lead
from huddle.routing.service.routing import (
    ROUTER,
    STALLED_JOB,
    reroute_after_breach,
    route_contact,
)

__all__ = [
    "ROUTER",
    "ROUTE_JOB",
    "STALLED_JOB",
    "HandoffNotice",
    "accept_handoff",
    "build_packet",
    "close_on_stage_change",
    "delete_rule",
    "get_handoff",
    "get_pool",
    "get_rule",
    "handoff_contact_ids",
    "handoff_notice",
    "latest_handoff",
    "list_pools",
    "list_rules",
    "log_activity",
    "my_pool_ids",
    "packet_text",
    "queue_contacts",
    "queue_news",
    "queue_routing",
    "recycle_stalled",
    "reject_handoff",
    "reroute_after_breach",
    "route_contact",
    "route_qualified_lead",
    "sales_queue",
    "save_pool",
    "save_rule",
    "scrub_contact",
    "since_handoff",
]

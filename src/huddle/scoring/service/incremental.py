"""Scoring the contacts new touches reached, in the transaction that stored them.

This runs for every batch of the events API and every group commit of ``/t/collect``, down
to a single touch, so it keeps to the fewest statements, each compiled once to its SQL text
and run on the driver's cursor (``core.rawsql.Prepared``): the models and automatic
criteria read in one statement (parsed again only when their stored text changed, so a
definition saved by another process counts from its next touch), one INSERT ... SELECT per
model with a rule on the touches' types, the primary copy, one query per criteria. The
statements are the full rescore's (``write_scores``), so incremental and full results cannot
drift apart.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.orm import Session

from huddle.core import clock
from huddle.core.events import publish
from huddle.scoring.events import ScoresUpdated
from huddle.scoring.repository import definitions, scores, statements
from huddle.scoring.repository.condition_sql import Compiler
from huddle.scoring.service.qualification import qualify


def score_touched(
    session: Session, contact_ids: Sequence[int], touch_types: Sequence[str]
) -> list[int]:
    """``score_contacts(contact_ids, touch_types=touch_types)``: only models with a rule on
    one of the types are recomputed, grades (attributes only) stay. Returns the contacts
    that qualified."""
    ids = sorted(set(contact_ids))
    if not ids:
        return []
    # The statements below run on the connection, which does not autoflush.
    session.flush()
    now = clock.now()
    live = definitions.live_definitions(session)
    types = set(touch_types)
    compiler = Compiler(statements.dialect_of(session), now)
    written = False
    for spec, is_primary in live.models:
        if not spec.reacts_to(types):
            continue
        scores.write_scores_among(session, spec, compiler, ids)
        if is_primary:
            scores.copy_primary_among(session, spec.id, ids)
        written = True
    qualified = qualify(session, statements.among(ids), as_of=now, criteria=live.criteria)
    if written or qualified:
        publish(session, ScoresUpdated(contact_ids=tuple(ids), qualified=tuple(qualified), at=now))
    return qualified

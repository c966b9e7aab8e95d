"""``huddle mailing ...``: what the mail server delivers to the bounce address.

Point the bounce (Return-Path) mailbox's delivery at ``huddle mailing bounce`` (a
``.forward``/alias pipe, or a fetchmail ``mda``): each DSN or feedback report suppresses
the addresses it names."""

from __future__ import annotations

import sys

import typer

from huddle.core.actor import Actor
from huddle.core.db import unit_of_work
from huddle.mailing import service

app = typer.Typer(help="Marketing email.", no_args_is_help=True, rich_markup_mode="markdown")
BOUNCE_ACTOR = Actor.system("bounce address")
# A report larger than this is no report (a DSN quotes headers, or the message at most).
MAX_REPORT_BYTES = 10 * 1024 * 1024


@app.command("bounce")
def bounce() -> None:
    """Read one message from standard input: a delivery status notification (RFC 3464)
    or a feedback-loop report (RFC 5965). Each address it reports as failed for good, or
    complaining, is suppressed. Exit code 0 whatever the message was (a mail server
    should not bounce a bounce); the outcome is printed."""
    raw = sys.stdin.buffer.read(MAX_REPORT_BYTES + 1)
    if len(raw) > MAX_REPORT_BYTES:
        typer.echo("not a report: the message is too large")
        return
    with unit_of_work() as session:
        found = service.record_report(session, raw, actor=BOUNCE_ACTOR)
        lines = [
            f"{s.suppression.email}: suppressed ({s.suppression.reason})"
            if s.new
            else f"{s.suppression.email}: suppressed already"
            for s in found
        ]
    typer.echo("\n".join(lines) if lines else "no bounce or complaint in this message")

"""A person who forgot their password gets back in: the link comes by email (a real SMTP
server on loopback, sent by the server's own worker) and works in the browser."""

from __future__ import annotations

import re
import time
import uuid
from email import message_from_bytes
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from huddle.auth import service as auth_service
from huddle.auth.schemas import UserCreate
from huddle.core.actor import SYSTEM
from huddle.core.db import unit_of_work
from tests.e2e.conftest import LiveServer, shot
from tests.mail import Inbox

pytestmark = pytest.mark.browser

NEW_PASSWORD = "remembered at last, 2026"


def _wait_for_link(inbox: Inbox, to: str) -> str:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        for _, recipients, raw in inbox.messages:
            if recipients == [to]:
                body = message_from_bytes(raw).get_payload(decode=True).decode()  # type: ignore[union-attr]
                found = re.search(r"https?://\S+/password/reset/\S+", body)
                assert found, body
                return urlsplit(found.group(0)).path
        time.sleep(0.1)
    raise AssertionError(f"no reset email reached {to}")


def test_forgot_password_by_email_and_sign_in_again(
    page: Page, live_server: LiveServer, smtp: Inbox
) -> None:
    email = f"fay.forgetful-{uuid.uuid4().hex[:6]}@huddle.example"
    with unit_of_work(live_server.factory) as session:
        auth_service.create_user(
            session,
            UserCreate(
                email=email,
                name="Fay Forgetful",
                team="marketing",
                role="marketing",
                password="long forgotten password",
            ),
            actor=SYSTEM,
        )

    page.goto("/login")
    page.get_by_role("link", name="Forgot password?").click()
    expect(page.get_by_role("heading", name="Reset your password")).to_be_visible()
    page.get_by_label("Work email").fill(email)
    shot(page, "reset-1-ask")
    page.get_by_role("button", name="Send reset link").click()
    expect(page.get_by_role("heading", name="Check your email")).to_be_visible()
    shot(page, "reset-2-sent")

    page.goto(_wait_for_link(smtp, email))
    expect(page.get_by_role("heading", name="Choose a new password")).to_be_visible()
    expect(page.get_by_role("note")).to_contain_text("revokes all your API tokens")
    page.set_viewport_size({"width": 390, "height": 844})
    shot(page, "reset-3-choose-390")
    page.set_viewport_size({"width": 1440, "height": 900})
    page.get_by_label("New password").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Set new password").click()

    page.wait_for_url(f"{live_server.url}/login")
    expect(page.get_by_role("status")).to_contain_text("Your new password is set")
    shot(page, "reset-4-sign-in")
    page.get_by_label("Work email").fill(email)
    page.get_by_label("Password").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}/")
    expect(page.locator(".sidebar")).to_contain_text("Fay Forgetful")

from __future__ import annotations

import pytest

from huddle.auth.models import User
from huddle.core.actor import Actor


@pytest.fixture
def actor(admin: User) -> Actor:
    return Actor.user(admin.id, role="admin")

"""Table cells made in Python (``huddle.web.cells``)."""

from __future__ import annotations

from datetime import UTC, datetime
from types import SimpleNamespace

from huddle.web.cells import last_touch


def test_a_last_touch_says_its_source_and_none_where_it_has_none() -> None:
    at = datetime(2024, 3, 14, 9, 30, tzinfo=UTC)

    visit = str(last_touch(SimpleNamespace(last_touch_at=at, last_touch_source="linkedin")))
    call = str(last_touch(SimpleNamespace(last_touch_at=at, last_touch_source=None)))

    assert "linkedin" in visit
    # A call logged or an activity imported has no source: not web traffic's "direct".
    assert "direct" not in call and 'class="muted sub"' not in call
    never = str(last_touch(SimpleNamespace(last_touch_at=None, last_touch_source=None)))
    assert never == '<span class="faint">—</span>'

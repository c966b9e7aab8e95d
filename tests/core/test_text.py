"""What text Huddle accepts (core.text), the rule every schema and the import apply."""

from __future__ import annotations

import re

import pytest

from huddle.core.text import UncleanText, refuse_control_characters, refuse_invisible_characters


@pytest.mark.parametrize("text", ["Ada", "José Müller", "李小龍", "O'Brien - Smith", "👩🏽‍💻"])
def test_ordinary_text_passes_unchanged(text: str) -> None:
    assert refuse_control_characters(text, single_line=True) == text


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Ada\x00", "U+0000 (null) at position 4"),
        ("\x1b[31mred", "U+001B (escape) at position 1"),
        ("bell\x07", "U+0007 at position 5"),
        ("del\x7f", "U+007F at position 4"),
        ("c1\x85", "U+0085 at position 3"),
        ("lone\ud800", "U+D800 at position 5"),
    ],
)
def test_a_control_character_is_named_with_its_position(text: str, named: str) -> None:
    with pytest.raises(UncleanText, match=re.escape(named)):
        refuse_control_characters(text)


def test_line_breaks_and_tabs_are_text_in_multi_line_fields_only() -> None:
    note = "First line\r\n\tsecond line"
    assert refuse_control_characters(note) == note
    with pytest.raises(UncleanText, match=r"U\+000D \(carriage return\)"):
        refuse_control_characters(note, single_line=True)


@pytest.mark.parametrize("char", ["\u200b", "\u200d", "\ufeff", "\u00ad", "\u202e", "\u2066"])
def test_invisible_characters_are_refused_where_text_is_a_key(char: str) -> None:
    with pytest.raises(UncleanText, match="invisible character"):
        refuse_invisible_characters(f"ada@acme.example{char}")

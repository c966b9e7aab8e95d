"""The agreement's text: Markdown rendered with raw HTML disabled (CommonMark), so a version
can never inject markup or scripts; links to javascript:/data: are refused by the parser."""

from __future__ import annotations

from markdown_it import MarkdownIt

_md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable(
    "table"
)


def render(text: str) -> str:
    """HTML for ``text``; every character of the input is escaped or Markdown syntax."""
    return _md.render(text or "")

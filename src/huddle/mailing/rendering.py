"""Email templates: checked when saved, rendered in a sandbox when sent. Pure: no database,
no clock, no web stack.

Templates are Jinja2, run by an ``ImmutableSandboxedEnvironment`` with no globals, a short
list of filters and a plain dict of values (the contact's and account's fields, custom
fields included) — never an object of Huddle's. A template is also read before it is
saved: any name other than those values, any attribute or key starting with ``_``, any
filter or test off the list is refused there with its line, so an injection payload
(``{{ ''.__class__.__mro__ }}``) is never stored, let alone run. The sandbox stays as the
second wall.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

from jinja2 import Template, TemplateSyntaxError, Undefined, nodes
from jinja2.exceptions import SecurityError, TemplateError, UndefinedError
from jinja2.sandbox import ImmutableSandboxedEnvironment

# The values a template may name; fields absent for a contact are empty, so a template
# says what to show instead with ``default``: {{ contact.first_name | default("there") }}.
CONTEXT_NAMES = frozenset({"contact", "account", "asset", "unsubscribe_url"})
CONTACT_FIELDS = (
    "email",
    "first_name",
    "last_name",
    "job_title",
    "seniority",
    "department",
    "country",
    "city",
    "lifecycle_stage",
)
ACCOUNT_FIELDS = ("name", "domain", "industry", "employee_count", "country", "region", "city")
# The asset a workflow's "send the next best asset" chose (empty in any other message).
ASSET_FIELDS = ("title", "url")
SAFE_FILTERS = frozenset(
    {
        "default",
        "d",
        "upper",
        "lower",
        "title",
        "capitalize",
        "trim",
        "truncate",
        "replace",
        "join",
        "length",
        "first",
        "last",
        "round",
        "int",
        "string",
        "wordcount",
        "urlencode",
        "escape",
        "e",
    }
)
SAFE_TESTS = frozenset({"defined", "undefined", "none", "number", "string", "eq", "ne", "in"})
# Longest string or list a template may build by multiplying (``'x' * 10**9``).
MAX_REPEAT = 10_000
MAX_TEMPLATE_LENGTH = 200_000


class TemplateProblem(ValueError):
    """Why a template (its ``part``: subject, html or text) cannot be used, with the line."""

    def __init__(self, part: str, message: str) -> None:
        super().__init__(message)
        self.part = part
        self.message = message


@dataclass(frozen=True)
class TemplateSource:
    subject: str
    html: str
    text: str | None


@dataclass(frozen=True)
class Rendered:
    subject: str
    html: str
    text: str


def _fallback(value: Any, fallback: Any = "", boolean: bool = True) -> Any:
    """``default``: the fallback for a missing, null or empty value (Jinja's own keeps an
    empty string, which is what an unknown first name is)."""
    if isinstance(value, Undefined) or value is None or (boolean and value == ""):
        return fallback
    return value


class _Sandbox(ImmutableSandboxedEnvironment):
    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        # The sandbox's own table lets a template allocate gigabytes with one product.
        if operator == "**":
            raise SecurityError("powers are not allowed in email templates")
        if isinstance(left, str | list | tuple) or isinstance(right, str | list | tuple):
            count = right if isinstance(left, str | list | tuple) else left
            if isinstance(count, int) and count > MAX_REPEAT:
                raise SecurityError(f"a repeat of more than {MAX_REPEAT} is not allowed")
        return super().call_binop(context, operator, left, right)


def _environment(*, autoescape: bool) -> _Sandbox:
    # A missing value prints as nothing, never as "None".
    env = _Sandbox(
        autoescape=autoescape,
        keep_trailing_newline=True,
        finalize=lambda value: "" if value is None else value,
    )
    env.globals.clear()
    env.filters = {name: env.filters[name] for name in SAFE_FILTERS - {"default", "d"}}
    env.filters["default"] = env.filters["d"] = _fallback
    env.tests = {name: env.tests[name] for name in SAFE_TESTS}
    return env


_HTML = _environment(autoescape=True)
_PLAIN = _environment(autoescape=False)


def check_template(source: TemplateSource) -> None:
    """Raises ``TemplateProblem`` for the first part that would not render safely."""
    parts = [("subject", source.subject, _PLAIN), ("html", source.html, _HTML)]
    if source.text is not None:
        parts.append(("text", source.text, _PLAIN))
    for part, text, env in parts:
        if len(text) > MAX_TEMPLATE_LENGTH:
            raise TemplateProblem(part, f"longer than {MAX_TEMPLATE_LENGTH:,} characters")
        _check_part(part, text, env)
    # Rendered once with empty values: what the checks above cannot see (a filter given
    # a wrong argument) is found now, not when a contact is mailed.
    render(source, sample_values())


def _check_part(part: str, text: str, env: _Sandbox) -> None:
    try:
        tree = env.parse(text)
    except TemplateSyntaxError as exc:
        raise TemplateProblem(part, f"line {exc.lineno}: {exc.message}") from exc
    assigned = {n.name for n in tree.find_all(nodes.Name) if n.ctx in ("store", "param")}
    for node in tree.find_all(nodes.Node):
        problem = _problem(node, assigned)
        if problem is not None:
            raise TemplateProblem(part, f"line {node.lineno}: {problem}")


def _problem(node: nodes.Node, assigned: set[str]) -> str | None:
    if isinstance(node, nodes.Getattr) and node.attr.startswith("_"):
        return f"'{node.attr}' is not allowed: names starting with _ reach Python's internals"
    if (
        isinstance(node, nodes.Getitem)
        and isinstance(node.arg, nodes.Const)
        and isinstance(node.arg.value, str)
        and node.arg.value.startswith("_")
    ):
        return f"'{node.arg.value}' is not allowed: names starting with _ reach Python's internals"
    if (
        isinstance(node, nodes.Name)
        and node.ctx == "load"
        and node.name not in CONTEXT_NAMES | assigned | {"loop"}
    ):
        known = ", ".join(sorted(CONTEXT_NAMES))
        return f"unknown name '{node.name}': a template may use {known}"
    if isinstance(node, nodes.Filter) and node.name not in SAFE_FILTERS:
        return f"the filter '{node.name}' is not allowed"
    if isinstance(node, nodes.Test) and node.name not in SAFE_TESTS:
        return f"the test '{node.name}' is not allowed"
    if isinstance(node, nodes.Pow):
        return "powers (**) are not allowed"
    if isinstance(node, nodes.Call):
        return "calling functions or methods is not allowed in email templates"
    if isinstance(node, nodes.Import | nodes.FromImport | nodes.Include | nodes.Extends):
        return "templates cannot include or import others"
    return None


def sample_values() -> dict[str, Any]:
    """The values of a contact with no fields filled: what a check renders with."""
    return {
        "contact": dict.fromkeys(CONTACT_FIELDS) | {"custom": {}},
        "account": dict.fromkeys(ACCOUNT_FIELDS) | {"custom": {}},
        "asset": dict.fromkeys(ASSET_FIELDS),
        "unsubscribe_url": "https://example.invalid/unsubscribe",
    }


def render(source: TemplateSource, values: dict[str, Any]) -> Rendered:
    """The subject, HTML and text of one message (text derived from the HTML when the
    template has none). Raises ``TemplateProblem`` if it cannot be rendered."""
    subject = " ".join(_render("subject", _PLAIN, source.subject, values).split())
    body = _render("html", _HTML, source.html, values)
    if source.text is not None:
        text = _render("text", _PLAIN, source.text, values)
    else:
        text = html_to_text(body)
    return Rendered(subject=subject, html=body, text=text)


@functools.lru_cache(maxsize=256)
def _compiled(autoescape: bool, text: str) -> Template:
    # Compiling is most of a render's cost; a campaign renders one template thousands of
    # times. Keyed by the text itself, so an edited template is compiled afresh.
    return (_HTML if autoescape else _PLAIN).from_string(text)


def _render(part: str, env: _Sandbox, text: str, values: dict[str, Any]) -> str:
    try:
        return _compiled(env is _HTML, text).render(values)
    except (SecurityError, UndefinedError, TemplateError, TypeError, ValueError) as exc:
        raise TemplateProblem(part, f"cannot be rendered: {exc}") from exc


# --- links -----------------------------------------------------------------------------------

_HREF = re.compile(r"""(<a\b[^>]*?\bhref\s*=\s*)(["'])(.*?)\2""", re.IGNORECASE | re.DOTALL)


def rewrite_links(body: str, replace: Callable[[str], str | None]) -> str:
    """``body`` with each link's address given to ``replace``: what it returns takes the
    address's place (None: left as it is). Addresses are compared unescaped."""

    def swap(match: re.Match[str]) -> str:
        url = html.unescape(match.group(3)).strip()
        replaced = replace(url)
        if replaced is None:
            return match.group(0)
        quote = match.group(2)
        return f"{match.group(1)}{quote}{html.escape(replaced)}{quote}"

    return _HREF.sub(swap, body)


def links_in(body: str) -> list[str]:
    """The addresses the HTML links to, in order."""
    return [html.unescape(m.group(3)).strip() for m in _HREF.finditer(body)]


# --- plain text ----------------------------------------------------------------------------

_BLOCKS = frozenset(
    {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol"}
)


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self._skip = 0
        self._href: list[str | None] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "head", "title"):
            self._skip += 1
        if tag in _BLOCKS:
            self.out.append("\n")
        if tag == "li":
            self.out.append("- ")
        if tag == "a":
            self._href.append(dict(attrs).get("href"))

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "head", "title"):
            self._skip = max(0, self._skip - 1)
        if tag == "a" and self._href:
            href = self._href.pop()
            if href and href.startswith(("http://", "https://")):
                self.out.append(f" ({href})")
        if tag in _BLOCKS and tag != "li":  # list items stay on consecutive lines
            self.out.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.out.append(data)


def html_to_text(body: str) -> str:
    """A readable plain-text part from an HTML one: paragraphs kept, links as addresses."""
    parser = _TextParser()
    parser.feed(body)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.out).splitlines())
    return "\n".join(_collapse_blank_lines(lines)).strip() + "\n"


def _collapse_blank_lines(lines: Iterator[str]) -> Iterator[str]:
    blank = False
    for line in lines:
        if line or not blank:
            yield line
        blank = not line

"""Huddle's own import-linter contract: the borders between domains.

Import-linter's built-in contracts state layering, forbidden imports and cycles, but none can
say "another domain only through its published modules", because that needs to know which
domain a module belongs to. This contract works it out from the import graph: every package
directly under the root is a domain unless the configuration names it the kernel, the
plumbing or the composition root, so a domain added tomorrow is covered the day it appears.

The rules, for each direct import inside the root package (``lint-imports`` builds the graph
without imports under ``if TYPE_CHECKING:``: an annotation couples nothing at run time):

- a domain reaches another domain only through its published modules (``service``,
  ``schemas``, ``events``), or through a module the configuration shares with every entry
  point (the signed-in user's request dependencies);
- the one exception: a domain's repository may join another domain's tables, so it may import
  that domain's ``models`` (to read them; writing goes through the owning service);
- the kernel and the plumbing import no domain;
- nothing imports the composition root (the app, the command line, the worker, the registry
  of subscribers) except the composition root itself.

A second contract, ``DomainCyclesContract``, forbids cycles between domains. Pages, API
endpoints and commands may compose several domains' services (a contact's page shows its
deals), so their imports do not count; every other import does, subscribers and job handlers
included: which domain reacts to which is a dependency.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from grimp import ImportGraph
from importlinter.application import output
from importlinter.domain import fields
from importlinter.domain.contract import Contract, ContractCheck

# The layers of a domain that are not its entry points.
INNER_LAYERS = frozenset({"service", "repository", "models"})


@dataclass(frozen=True)
class Crossing:
    importer: str
    imported: str
    line_numbers: tuple[int, ...]
    rule: str


class DomainBordersContract(Contract):
    """Configuration:

    - ``kernel``: the package every other one builds on (imports nothing else of the root);
    - ``plumbing``: packages shared by every domain's entry points (import no domain);
    - ``composition``: the modules that assemble Huddle (imported by nothing else);
    - ``published``: the modules of a domain others may import;
    - ``shared_entry_modules``: modules any domain's entry points may import (not its
      service, repository or models).
    """

    type_name = "domain_borders"

    kernel = fields.StringField()
    plumbing = fields.ListField(subfield=fields.StringField())
    composition = fields.ListField(subfield=fields.StringField())
    published = fields.ListField(subfield=fields.StringField())
    shared_entry_modules = fields.ListField(subfield=fields.StringField(), required=False)

    def check(self, graph: ImportGraph, verbose: bool) -> ContractCheck:
        root = str(self.kernel).split(".")[0]
        domains = self.domains(graph, root)
        output.verbose_print(verbose, f"Domains: {', '.join(sorted(domains))}")
        crossings = []
        for importer in sorted(graph.modules):
            if not _inside(importer, root):
                continue
            for imported in sorted(graph.find_modules_directly_imported_by(importer)):
                rule = self.broken_rule(importer, imported, root, domains)
                if rule is not None:
                    details = graph.get_import_details(importer=importer, imported=imported)
                    lines = tuple(sorted({d["line_number"] for d in details}))
                    crossings.append(Crossing(importer, imported, lines, rule))
        return ContractCheck(
            kept=not crossings,
            metadata={"crossings": crossings, "domains": sorted(domains)},
        )

    def render_broken_contract(self, check: ContractCheck) -> None:
        for crossing in check.metadata["crossings"]:
            lines = ", ".join(f"l.{n}" for n in crossing.line_numbers)
            output.print_error(f"{crossing.importer} -> {crossing.imported} ({lines})")
            output.print(f"    {crossing.rule}")
        output.new_line()

    def domains(self, graph: ImportGraph, root: str) -> set[str]:
        """Every package directly under the root that the configuration does not set apart."""
        set_apart = {str(self.kernel), *_names(self.plumbing), *_names(self.composition)}
        children = graph.find_children(root)
        return {
            child
            for child in children
            if child not in set_apart and graph.find_children(child)  # a package, not a module
        }

    def broken_rule(self, importer: str, imported: str, root: str, domains: set[str]) -> str | None:
        """Why the import of ``imported`` by ``importer`` breaks the borders, or None."""
        if not _inside(imported, root):
            return None
        source, target = _top(importer), _top(imported)
        if source == target:
            return None
        composition = set(_names(self.composition))
        if target in composition and source not in composition:
            return "nothing imports the composition root (app, command line, worker, registries)"
        if target not in domains:
            return None
        if source == str(self.kernel):
            return "the kernel imports no domain"
        if source in set(_names(self.plumbing)):
            return "the shared web plumbing imports no domain"
        if source not in domains:
            return None  # the composition root may assemble anything
        return self._crossing_rule(importer, imported)

    def _crossing_rule(self, importer: str, imported: str) -> str | None:
        part, layer = _part(imported), _part(importer)
        if part in set(_names(self.published)):
            return None
        if part == "models" and layer == "repository":
            return None  # a repository joins another domain's tables, read-only
        if _in_any(imported, _names(self.shared_entry_modules)) and layer not in INNER_LAYERS:
            return None
        if part == "models":
            return "another domain's models: only a repository may join them"
        return f"another domain: only its {', '.join(_names(self.published))}, not its {part}"


def _names(field_value: object) -> list[str]:
    """A list option's value (import-linter sets the parsed value over the field)."""
    return [str(name) for name in field_value or []] if isinstance(field_value, list) else []


def _inside(module: str, root: str) -> bool:
    return module == root or module.startswith(root + ".")


def _top(module: str) -> str:
    """``huddle.contacts.service.notes`` -> ``huddle.contacts``."""
    return ".".join(module.split(".")[:2])


def _part(module: str) -> str:
    """The module's place in its domain: ``huddle.contacts.service.notes`` -> ``service``."""
    parts = module.split(".")
    return parts[2] if len(parts) > 2 else "(the package itself)"


def _in_any(module: str, packages: list[str]) -> bool:
    return any(module == p or module.startswith(p + ".") for p in packages)


class DomainCyclesContract(Contract):
    """Configuration: ``root``; ``not_domains`` (packages that are not domains, as for the
    borders); ``composing`` (the parts of a domain that may compose others: pages, API)."""

    type_name = "domain_cycles"

    root = fields.StringField()
    not_domains = fields.ListField(subfield=fields.StringField())
    composing = fields.ListField(subfield=fields.StringField())

    def check(self, graph: ImportGraph, verbose: bool) -> ContractCheck:
        root = str(self.root)
        set_apart = set(_names(self.not_domains))
        domains = {
            child
            for child in graph.find_children(root)
            if child not in set_apart and graph.find_children(child)
        }
        composing = set(_names(self.composing))
        edges: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        for importer in graph.modules:
            source = _top(importer)
            if source not in domains or _part(importer) in composing:
                continue
            for imported in graph.find_modules_directly_imported_by(importer):
                target = _top(imported)
                if target in domains and target != source:
                    edges[source][target].add(f"{importer} -> {imported}")
        cycles = [sorted(c) for c in _strongly_connected(domains, edges) if len(c) > 1]
        return ContractCheck(kept=not cycles, metadata={"cycles": cycles, "edges": edges})

    def render_broken_contract(self, check: ContractCheck) -> None:
        edges = check.metadata["edges"]
        for cycle in check.metadata["cycles"]:
            output.print_error(f"These domains import each other: {', '.join(cycle)}")
            members = set(cycle)
            for source in cycle:
                for target in sorted(set(edges[source]) & members):
                    for line in sorted(edges[source][target]):
                        output.print(f"    {line}")
        output.new_line()


def _strongly_connected(nodes: set[str], edges: dict[str, dict[str, set[str]]]) -> list[set[str]]:
    """Tarjan's algorithm: the groups of domains that reach each other."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups: list[set[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in sorted(edges[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = set()
            while True:
                member = stack.pop()
                group.add(member)
                if member == node:
                    break
            groups.append(group)

    for node in sorted(nodes):
        if node not in index:
            visit(node)
    return groups

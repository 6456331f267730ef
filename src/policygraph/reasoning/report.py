"""Contradictions as data: the clashing facts of a statement, each with its evidence quotes.

A ``Contradiction`` holds the whole justification HermiT agreed to (``facts``, a minimal set of
the statement's facts that cannot all hold) and names two of them: the ``claim`` (what the
statement says, e.g. "no transfer outside the EEA") and the ``conflict`` (the fact it clashes
with, e.g. a recipient located in the US), chosen by the ``pg:claimProperty`` and
``pg:conflictProperty`` of the contradiction kind. ``render_text`` is one rendering of them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rdflib import Graph, URIRef
from rdflib.namespace import NamespaceManager
from rdflib.term import Node

from ..build import BuiltGraph
from ..namespaces import PG, bind_prefixes, id_ns
from .translate import ContradictionAxiom, OwlInput, Triple

#: Label of a clash that needs no contradiction axiom (the statement contradicts the ontology).
INCONSISTENT = "the statement contradicts the ontology"


@dataclass(frozen=True)
class Fact:
    """One fact of the built graph, with the quotes that back it."""

    subject: Node
    predicate: URIRef
    object: Node
    quotes: tuple[str, ...]
    derived: bool = False  # added by the translation: a statement-wide answer concerns its statement

    def n3(self, names: NamespaceManager) -> str:
        return " ".join(term.n3(names) for term in (self.subject, self.predicate, self.object))


@dataclass(frozen=True)
class Contradiction:
    """A clash inside one statement."""

    statement: str
    kind: URIRef | None
    label: str
    claim: Fact | None
    conflict: Fact | None
    facts: tuple[Fact, ...]


def contradiction(
    built: BuiltGraph, owl: OwlInput, slug: str, axiom: ContradictionAxiom | None, justification: Sequence[Triple]
) -> Contradiction:
    """Map a justification (reasoner terms) back to the built graph and attach quotes."""
    graph = next(s.graph for s in built.statements if s.slug == slug)
    facts = tuple(sorted((_fact(graph, owl, t) for t in justification),
                         key=lambda f: (str(f.subject), str(f.predicate), str(f.object))))
    if axiom is None:
        return Contradiction(slug, None, INCONSISTENT, None, None, facts)
    claim = _with(facts, owl.subproperties(axiom.claim_property), exclude=None)
    conflict = _with(facts, owl.subproperties(axiom.conflict_property), exclude=claim)
    return Contradiction(slug, axiom.kind, axiom.label, claim, conflict, facts)


def _with(facts: tuple[Fact, ...], properties: set[Node], exclude: Fact | None) -> Fact | None:
    return next((f for f in facts if f.predicate in properties and f is not exclude), None)


def _fact(graph: Graph, owl: OwlInput, triple: Triple) -> Fact:
    subject, predicate, value = (owl.original(t) for t in triple)
    return Fact(subject, predicate, value, quotes(graph, subject, value), triple in owl.synthesized)  # type: ignore[arg-type]


def quotes(graph: Graph, node: Node, value: Node) -> tuple[str, ...]:
    """Quotes backing ``value`` on ``node``: those that say they support it, else the node's own."""
    annotations = sorted(graph.objects(node, PG.hasEvidence), key=str)
    chosen = [a for a in annotations if (a, PG.supports, value) in graph]
    if not chosen:
        chosen = [a for a in annotations if (a, PG.supports, None) not in graph] or annotations
    return tuple(sorted(str(q) for a in chosen for q in graph.objects(a, PG.quote)))


def render_text(contradictions: Sequence[Contradiction]) -> str:
    """Plain text, one block per contradiction; empty when there are none."""
    blocks = []
    for found in contradictions:
        names = NamespaceManager(Graph())
        bind_prefixes(names)
        names.bind(found.statement, id_ns(found.statement))
        kind = f" ({found.kind.n3(names)})" if found.kind else ""
        lines = [f"{found.statement}: {found.label}{kind}"]
        for role, fact in (("says", found.claim), ("but", found.conflict)):
            if fact is not None:
                lines += _fact_lines(f"  {role}:", fact, names)
        lines.append(f"  because these {len(found.facts)} facts cannot all hold with the ontology:")
        for fact in found.facts:
            lines += _fact_lines("   -", fact, names)
        blocks.append("\n".join(lines) + "\n")
    return "\n".join(blocks)


def _fact_lines(head: str, fact: Fact, names: NamespaceManager) -> list[str]:
    note = "  (statement-wide answer: concerns the whole statement)" if fact.derived else ""
    lines = [f"{head} {fact.n3(names)}{note}"]
    lines += [f"{' ' * len(head)}   “{quote}”" for quote in fact.quotes]
    return lines

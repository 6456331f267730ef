"""graph → OWL reasoning: defined classes, consistency and contradictions inside a statement.

The built graph is translated into OWL 2 DL (``translate``); its logical part (``relevance``)
is loaded into owlready2 and handed to HermiT (``hermit``), which needs Java. A consistent graph
yields the inferred types (``inferred``); an inconsistent one is explained statement by statement
(``explain``) and reported with quotes (``report``)::

    from policygraph import build
    from policygraph.reasoning import reason
    result = reason(build())
    result.graph            # inferred types, for the named graph namespaces.INFERRED_GRAPH
    result.contradictions   # [] for a consistent graph
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from rdflib import Graph

from ..build import BuiltGraph
from .explain import contradictions
from .hermit import Realisation, ReasonerError, ReasonerUnavailableError, java, realise
from .inferred import inferred_graph
from .relevance import logical_part
from .report import Contradiction, Fact, render_text
from .report import contradiction as make_contradiction
from .translate import OwlInput, to_owl

__all__ = [
    "Contradiction",
    "Fact",
    "ReasonerError",
    "ReasonerUnavailableError",
    "Reasoning",
    "java",
    "reason",
    "render_text",
]


@dataclass(frozen=True)
class Reasoning:
    """The outcome of one reasoner run over a built graph."""

    graph: Graph
    contradictions: tuple[Contradiction, ...]
    translation: Counter[str]

    @property
    def consistent(self) -> bool:
        return not self.contradictions


def reason(built: BuiltGraph) -> Reasoning:
    """Run HermiT over the ontology and the statements of ``built``.

    A statement with a contradiction gets no inferred types (anything follows from it); the
    others are reasoned over as usual.

    :raises ReasonerUnavailableError: when Java is missing.
    :raises ReasonerError: when HermiT fails, or the ontology is inconsistent on its own.
    """
    java()
    owl = to_owl(built)
    logical = logical_part(owl)
    slugs = list(owl.facts)
    realisation = realise(logical.ntriples(logical.all_facts(), logical.axioms))
    found: list[Contradiction] = []
    if realisation is None:
        found = [make_contradiction(built, owl, *clash) for clash in contradictions(logical, slugs)]
        slugs = [slug for slug in slugs if slug not in {c.statement for c in found}]
        realisation = _realise_or_fail(logical, slugs)
    return Reasoning(inferred_graph(owl, realisation, slugs), tuple(found), logical.report)


def _realise_or_fail(owl: OwlInput, slugs: list[str]) -> Realisation:
    realisation = realise(owl.ntriples(owl.all_facts(slugs), owl.axioms))
    if realisation is None:
        raise ReasonerError(
            "the ontology is inconsistent although no statement contradicts it on its own; "
            "check ontology/defined-classes.ttl"
        )
    return realisation

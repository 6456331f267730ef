"""The reasoning fixtures (tests/fixtures/reasoning/): small statements in built form, each holding
its expected outcome as ``expect:`` triples, and the marker for tests that need Java."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import RDF

from policygraph.build import BuiltGraph, StatementGraph, build
from policygraph.project import Project
from policygraph.reasoning import ReasonerUnavailableError, java

from conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "reasoning"
#: DPV facts of the terms the fixtures use (added to the ontology of fixture builds).
DPV_TERMS = FIXTURES / "dpv-terms.ttl"
EXPECT = Namespace("https://w3id.org/policygraph/test#")


def java_missing() -> str | None:
    try:
        java()
    except ReasonerUnavailableError as exc:
        return str(exc)
    return None


requires_java = pytest.mark.skipif(
    java_missing() is not None, reason=f"reasoner tests need Java: {java_missing()}"
)


@dataclass(frozen=True)
class Case:
    """One fixture statement: its slug (from the ``:statement`` IRI), data and expectations."""

    path: Path
    statement: StatementGraph
    expected: Graph

    @property
    def slug(self) -> str:
        return self.statement.slug


@cache
def case(name: str) -> Case:
    """Load ``tests/fixtures/reasoning/<name>.ttl``; ``expect:`` triples go apart."""
    path = FIXTURES / f"{name}.ttl"
    graph = Graph().parse(path)
    expected = Graph()
    for triple in list(graph):
        if str(triple[1]).startswith(str(EXPECT)):
            graph.remove(triple)
            expected.add(triple)
    statement = next(s for s in graph.subjects(RDF.type, URIRef("https://w3id.org/dpv#PrivacyNotice")))
    slug = str(statement).rstrip("/").split("/")[-2]
    return Case(path, StatementGraph(slug, graph, 0), expected)


def names(prefix: str = "") -> list[str]:
    """Fixture names (file stems) starting with ``prefix``."""
    return sorted(p.stem for p in FIXTURES.glob(f"{prefix}*.ttl") if p != DPV_TERMS)


@cache
def ontology() -> Graph:
    """The project's ontology as the build makes it, plus the fixtures' DPV facts."""
    graph = build(Project(ROOT), statement_files=[]).ontology
    graph.parse(DPV_TERMS)
    return graph


def built_cases(case_names: list[str]) -> BuiltGraph:
    """The ontology and the given fixture statements, as the build would hand them on."""
    return BuiltGraph(ontology(), [case(n).statement for n in case_names])

"""Defined classes and the inferred graph (policygraph.reasoning.inferred): each defined class on
positive and negative fixtures, only new non-trivial types, and the same graph on every run."""

from __future__ import annotations

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from policygraph.build import BuiltGraph
from policygraph.dumps import ntriples
from policygraph.namespaces import PG
from policygraph.reasoning import Reasoning, reason

from .cases import EXPECT, FIXTURES, case, names, requires_java

pytestmark = [requires_java, pytest.mark.slow]


def _expectations() -> list[tuple[str, URIRef, URIRef, bool]]:
    rows = []
    for name in names("classes-") + names("no-contradiction"):
        for node, cls in case(name).expected.subject_objects(EXPECT.type):
            rows.append((name, node, cls, True))
        for node, cls in case(name).expected.subject_objects(EXPECT.notType):
            rows.append((name, node, cls, False))
    return sorted(rows)


@pytest.mark.parametrize(("name", "node", "cls", "expected"), _expectations(),
                         ids=[f"{n}:{str(i).rsplit('/', 1)[-1]}:{'' if e else 'not-'}{str(c).split('#')[-1]}"
                              for n, i, c, e in _expectations()])
def test_defined_class(fixture_run: tuple[BuiltGraph, Reasoning], name: str, node: URIRef, cls: URIRef, expected: bool) -> None:
    assert ((node, RDF.type, cls) in fixture_run[1].graph) is expected


def test_every_defined_class_for_activities_and_parties_has_positive_and_negative_fixtures() -> None:
    ontology = Graph().parse(FIXTURES.parents[2] / "ontology" / "defined-classes.ttl")
    defined = {c for c in ontology.subjects(OWL.equivalentClass, None)
               if (c, RDFS.subClassOf, URIRef("https://w3id.org/dpv#Process")) in ontology}
    defined.add(PG.ControllerActingAsProcessor)
    rows = _expectations()
    assert defined <= {c for _, _, c, e in rows if e}
    assert defined <= {c for _, _, c, e in rows if not e}


def test_the_real_graph_is_consistent(real: Reasoning) -> None:
    assert real.consistent
    assert len(real.graph) > 0


def test_only_new_non_trivial_types_of_named_nodes(real: Reasoning, built: BuiltGraph) -> None:
    asserted = built.union()
    for node, _, cls in real.graph:
        assert isinstance(node, URIRef) and "/id/" in str(node)
        assert cls != OWL.Thing
        assert (node, RDF.type, cls) not in asserted
    assert set(real.graph.predicates()) == {RDF.type}


def test_the_inferred_graph_is_the_same_whatever_the_order(real: Reasoning, built: BuiltGraph) -> None:
    """A second run over the statements in reverse order writes byte-identical N-Triples."""
    again = reason(BuiltGraph(built.ontology, list(reversed(built.statements))))
    assert ntriples(again.graph) == ntriples(real.graph)

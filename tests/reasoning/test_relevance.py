"""The logical part of the input (policygraph.reasoning.relevance): what the explanation may ignore."""

from __future__ import annotations

import pytest
from rdflib import URIRef
from rdflib.namespace import OWL, RDF, SKOS

from policygraph.build import BuiltGraph
from policygraph.namespaces import DPV, PG, id_ns
from policygraph.reasoning import Reasoning
from policygraph.reasoning.hermit import realise
from policygraph.reasoning.inferred import inferred_graph
from policygraph.reasoning.relevance import logical_part
from policygraph.reasoning.translate import to_owl

from .cases import built_cases, requires_java


def test_inert_assertions_are_left_out_and_logical_ones_kept() -> None:
    owl = to_owl(built_cases(["classes-purpose-data", "classes-roles"]))
    part = logical_part(owl)
    ns = id_ns("fx-roles")
    facts = set(part.facts["fx-roles"])
    assert (ns["act-own"], DPV.hasDataController, ns["acme"]) in facts
    assert (ns["act-own"], RDF.type, DPV.Process) in facts
    assert (ns["clients"], RDF.type, PG.PartyCategory) not in facts  # no axiom mentions it
    background = set(part.background)
    assert (PG.Newsletter, SKOS.broader, DPV.DirectMarketing) in background
    assert (URIRef(SKOS.broaderTransitive), RDF.type, OWL.TransitiveProperty) in background
    assert not [t for t in background if t[1] == SKOS.inScheme]
    assert len(part.background) < len(owl.background)


@requires_java
@pytest.mark.slow
def test_the_logical_part_gives_the_same_inferred_graph(fixture_run: tuple[BuiltGraph, Reasoning]) -> None:
    """The explanation relies on leaving out inert triples; HermiT must agree on what follows."""
    built, result = fixture_run
    owl = to_owl(built)
    consistent = [slug for slug in owl.facts if slug not in {c.statement for c in result.contradictions}]
    part = logical_part(owl)
    realisation = realise(part.ntriples(part.all_facts(consistent), part.axioms))
    assert realisation is not None
    assert set(inferred_graph(owl, realisation, consistent)) == set(result.graph)

"""The logical part of the input (policygraph.reasoning.relevance): what the explanation may ignore."""

from __future__ import annotations

import pytest
from rdflib import URIRef
from rdflib.namespace import OWL, RDF, SKOS

from policygraph.build import BuiltGraph
from policygraph.namespaces import DPV, PG, id_ns
from policygraph.reasoning import Reasoning
from policygraph.reasoning.hermit import realise, satisfiable
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
def test_hermit_infers_the_same_types_from_the_full_translation(fixture_run: tuple[BuiltGraph, Reasoning]) -> None:
    """``reason`` gives HermiT the logical part only; the whole translation must agree with it."""
    built, result = fixture_run
    owl = to_owl(built)
    consistent = [slug for slug in owl.facts if slug not in {c.statement for c in result.contradictions}]
    realisation = realise(owl.ntriples(owl.all_facts(consistent), owl.axioms))
    assert realisation is not None
    assert set(inferred_graph(owl, realisation, consistent)) == set(result.graph)


@requires_java
@pytest.mark.slow
def test_hermit_accepts_the_full_translation_of_the_real_graph(built: BuiltGraph) -> None:
    """Every triple the translation keeps is valid OWL 2 DL for HermiT, and consistent."""
    owl = to_owl(built)
    assert satisfiable([owl.ntriples(owl.all_facts(), owl.axioms)], OWL.Thing) == [True]

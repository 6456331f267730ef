"""The logical part of the input (policygraph.reasoning.relevance): what the explanation may ignore."""

from __future__ import annotations

from rdflib import URIRef
from rdflib.namespace import OWL, RDF, SKOS

from policygraph.namespaces import DPV, PG, id_ns
from policygraph.reasoning.relevance import logical_part
from policygraph.reasoning.translate import translate

from .cases import built_cases


def test_inert_assertions_are_left_out_and_logical_ones_kept() -> None:
    owl = translate(built_cases(["classes-purpose-data", "classes-roles"]))
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

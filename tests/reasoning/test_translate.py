"""The translation to OWL 2 DL (policygraph.reasoning.translate): what HermiT is given, and what not."""

from __future__ import annotations

import pytest
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from policygraph.namespaces import LOC, OA, PG, id_ns
from policygraph.reasoning.translate import OwlInput, to_owl

from .cases import built_cases, names

RESERVED = (str(RDF), str(RDFS), str(OWL))


@pytest.fixture(scope="module")
def owl() -> OwlInput:
    return to_owl(built_cases(names()))


def _everything(owl: OwlInput) -> list:
    return owl.background + owl.all_facts() + [a.axiom for a in owl.axioms]


def test_no_literal_reaches_the_reasoner(owl: OwlInput) -> None:
    """xsd:duration and xsd:date are outside OWL 2's datatype map; no axiom uses values."""
    assert not [t for t in _everything(owl) if isinstance(t[2], Literal)]
    assert owl.report["left out: literal value"] > 0


def test_no_evidence_reaches_the_reasoner(owl: OwlInput) -> None:
    assert not [t for t in _everything(owl) if t[1] == PG.hasEvidence or str(t[1]).startswith(str(OA))]
    assert owl.report["left out: evidence annotation"] > 0


def test_every_property_used_is_declared_an_object_property(owl: OwlInput) -> None:
    """OWL 2 DL needs declarations; a property must never be both an object and a data property."""
    declared = {s for s, p, o in owl.background if p == RDF.type and o == OWL.ObjectProperty}
    used = {p for s, p, o in owl.all_facts() if not str(p).startswith(RESERVED)}
    assert used <= declared
    kinds = {o for s, p, o in _everything(owl) if p == RDF.type}
    assert not kinds & {OWL.DatatypeProperty, RDF.Property, RDFS.Class}


def test_rdf_vocabulary_is_never_used_as_an_individual(owl: OwlInput) -> None:
    assertions = [t for t in _everything(owl) if not str(t[1]).startswith(RESERVED)]
    assert not [t for t in assertions if str(t[0]).startswith(RESERVED) or str(t[2]).startswith(RESERVED)]


def test_blank_nodes_of_statements_become_named_individuals(owl: OwlInput) -> None:
    """classes-purpose-data.ttl has a blank node (a statement's own data concept)."""
    assert not [t for t in owl.all_facts() if any(isinstance(term, BNode) for term in t)]
    assert owl.skolem and all(isinstance(node, BNode) for node in owl.skolem.values())


def test_a_statement_wide_answer_concerns_its_statement(owl: OwlInput) -> None:
    ns = id_ns("fx-transfer")
    facts = owl.facts["fx-transfer"]
    assert (ns["answer-transfer"], PG.concerns, ns["statement"]) in facts
    assert (ns["answer-transfer"], PG.concerns, ns["statement"]) in owl.synthesized
    assert (ns["answer-scoped"], PG.concerns, ns["statement"]) not in facts


def test_eea_membership_is_closed_from_dpv_facts(owl: OwlInput) -> None:
    """Countries not directly under loc:EEA are stated to be outside it: loc:GB (only under
    loc:EEA31) and loc:US are, loc:DE and loc:NL are not."""
    background = set(owl.background)
    not_member = {c for c, p, r in background if p == OWL.complementOf
                  and (r, OWL.onProperty, SKOS.broader) in background and (r, OWL.hasValue, LOC.EEA) in background}
    outside = {s for s, p, o in background if p == RDF.type and o in not_member}
    assert {LOC.US, LOC.GB} <= outside
    assert not {LOC.DE, LOC.NL} & outside


def test_contradiction_axioms_are_found_by_their_annotations(owl: OwlInput) -> None:
    kinds = {a.kind for a in owl.axioms}
    assert kinds == {PG.TransferOutsideEEAContradiction, PG.AutomatedDecisionMakingContradiction,
                     PG.ControllerProcessorContradiction}
    assert not {a.axiom for a in owl.axioms} & set(owl.background)
    assert all(isinstance(a.claim_property, URIRef) and isinstance(a.conflict_property, URIRef) for a in owl.axioms)

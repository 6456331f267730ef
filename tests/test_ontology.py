"""The project ontology: Dutch and English labels everywhere, every project concept tied to DPV."""

from __future__ import annotations

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from policygraph.dpv import used_terms
from policygraph.namespaces import PG, is_dpv_term


def _labels(graph: Graph, term: URIRef, lang: str) -> set[str]:
    return {
        str(label)
        for prop in (SKOS.prefLabel, RDFS.label)
        for label in graph.objects(term, prop)
        if getattr(label, "language", None) == lang
    }


def _project_terms(graph: Graph) -> set[URIRef]:
    return {
        s for s in graph.subjects(RDF.type, None)
        if isinstance(s, URIRef) and str(s).startswith(str(PG))
    }


def test_every_dpv_term_the_statements_use_has_a_dutch_label(built) -> None:  # noqa: ANN001
    used: set[URIRef] = set()
    for statement in built.statements:
        used |= {t for t in used_terms(statement.graph) if (t, RDF.type, None) in built.ontology}
    missing = sorted(built.ontology.namespace_manager.normalizeUri(t) for t in used if not _labels(built.ontology, t, "nl"))
    assert missing == [], f"add to ontology/lexicon-nl.ttl: {missing}"


def test_every_project_term_has_english_and_dutch_labels(built) -> None:  # noqa: ANN001
    terms = _project_terms(built.ontology)
    assert len(terms) > 20
    missing = sorted(str(t) for t in terms if not (_labels(built.ontology, t, "en") and _labels(built.ontology, t, "nl")))
    assert missing == []


def test_every_project_concept_reaches_dpv_through_broader(built) -> None:  # noqa: ANN001
    """Project taxonomy concepts extend DPV: following skos:broader from each one reaches a DPV term."""
    concepts = {
        s for s in built.ontology.subjects(SKOS.broader, None)
        if isinstance(s, URIRef) and str(s).startswith(str(PG))
    }
    assert PG.Newsletter in concepts
    for concept in concepts:
        chain = set(built.ontology.transitive_objects(concept, SKOS.broader))
        assert any(is_dpv_term(t) for t in chain if isinstance(t, URIRef)), concept


def test_answer_values_carry_the_published_notations(built) -> None:  # noqa: ANN001
    notations = {str(built.ontology.value(v, SKOS.notation)) for v in (PG.Yes, PG.Possible, PG.No, PG.NotStated)}
    assert notations == {"yes", "possible", "no", "not stated"}


def test_no_term_has_two_dutch_preferred_labels(built) -> None:  # noqa: ANN001
    """SKOS allows one prefLabel per language; concurrent edits of the lexicon could add a second."""
    seen: dict[URIRef, list[str]] = {}
    for term, label in built.ontology.subject_objects(SKOS.prefLabel):
        if getattr(label, "language", None) == "nl":
            seen.setdefault(term, []).append(str(label))
    doubles = {str(t): labels for t, labels in seen.items() if len(labels) > 1}
    assert doubles == {}

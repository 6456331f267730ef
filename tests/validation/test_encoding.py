"""Encoding shapes against the real statements and against GUIDE section 11 (issue 4).

The five statements must have no encoding violation. Kinds are tested through rdf:type and
skos:broader / rdfs:subClassOf paths because ``sh:class`` rejects valid DPV 2.3 data; the kinds
fixture holds the three cases the guide names, beside values of the wrong kind.
"""

from __future__ import annotations

import pytest
from rdflib import Graph

from policygraph.build import BuiltGraph, StatementGraph
from policygraph.validation import Shapes

from conftest import ROOT

from .support import SLUGS, check

KINDS = ROOT / "tests" / "fixtures" / "validation" / "kinds.ttl"

@pytest.mark.parametrize("slug", SLUGS)
def test_statement_has_no_encoding_violation(slug: str, statements: dict[str, StatementGraph], built: BuiltGraph,
                                             encoding_shapes: Shapes) -> None:
    if slug not in statements:
        pytest.skip(f"{slug} is not encoded yet")
    report = check(statements[slug], statements[slug].graph, built.ontology, encoding_shapes)
    assert report.conforms, "\n".join(f"{r.shape} {r.focus_node} {r.path} {r.value}: {r.message}"
                                      for r in report.results)


def test_kinds_accept_what_dpv_allows_and_reject_the_wrong_kind(encoding_shapes: Shapes) -> None:
    data = Graph().parse(KINDS)
    report = check(StatementGraph("kinds", Graph(), 0), data, Graph(), encoding_shapes)
    found = {(r.shape, r.focus_node, r.value) for r in report.results}
    assert found == {
        ("pgsh:DataSubject-kind", "<https://example.org/bad>", "pd:Name"),
        ("pgsh:Right-kind", "<https://example.org/bad>", "dpv:Marketing"),
        ("pgsh:LegalBasis-kind", "<https://example.org/bad>", "dpv:Marketing"),
        ("pgsh:Purpose-kind", "<https://example.org/bad>", "eu-gdpr:A15"),
    }


def test_sh_class_would_reject_the_valid_values(encoding_shapes: Shapes) -> None:
    """Why the shapes avoid sh:class: it fails all three valid values of the guide."""
    shapes = Graph().parse(data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix dpv: <https://w3id.org/dpv#> .
        @prefix pgsh: <https://w3id.org/policygraph/shapes#> .
        pgsh:DataSubject-kind a sh:PropertyShape ; sh:severity sh:Violation ;
            sh:targetSubjectsOf dpv:hasDataSubject ; sh:path dpv:hasDataSubject ; sh:class dpv:DataSubject .
        pgsh:Right-kind a sh:PropertyShape ; sh:severity sh:Violation ;
            sh:targetSubjectsOf dpv:hasRight ; sh:path dpv:hasRight ; sh:class dpv:DataSubjectRight .
        pgsh:LegalBasis-kind a sh:PropertyShape ; sh:severity sh:Violation ;
            sh:targetSubjectsOf dpv:hasLegalBasis ; sh:path dpv:hasLegalBasis ; sh:class dpv:LegalBasis .
        """, format="turtle")
    with_class = Shapes("sh:class", shapes, encoding_shapes.info)
    report = check(StatementGraph("kinds", Graph(), 0), Graph().parse(KINDS), Graph(), with_class)
    assert {(r.shape, r.value) for r in report.results if r.focus_node == "<https://example.org/good>"} == {
        ("pgsh:DataSubject-kind", "dpv:Customer"),
        ("pgsh:Right-kind", "eu-gdpr:A15"),
        ("pgsh:LegalBasis-kind", "legal-eu:Adequacy-EU-JP"),
    }

"""The typed report model read from the sh:ValidationReport graph (policygraph.validation.report)."""

from __future__ import annotations

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF

from policygraph.namespaces import DPV, PG, SH, id_ns, statement_graph
from policygraph.project import Project
from policygraph.validation import Severity, Shapes, ValidationFailed, ValidationReport, load_shapes
from policygraph.validation.report import merge_reports, render_path, short
from policygraph.validation.shapes import PGSH

SOOSR = id_ns("soosr")


def _report(*results: tuple[URIRef, URIRef, URIRef]) -> Graph:
    """A pySHACL-like report: (shape, severity, focus) per result, all in statement soosr."""
    graph = Graph()
    root = BNode()
    graph.add((root, RDF.type, SH.ValidationReport))
    graph.add((root, SH.conforms, Literal(not results)))
    for shape, severity, focus in results:
        result = BNode()
        graph.add((root, SH.result, result))
        graph.add((result, RDF.type, SH.ValidationResult))
        graph.add((result, SH.sourceShape, shape))
        graph.add((result, SH.resultSeverity, severity))
        graph.add((result, SH.focusNode, focus))
        graph.add((result, SH.resultMessage, Literal(f"message of {shape.split('#')[-1]}")))
        graph.add((result, PGSH.statement, statement_graph("soosr")))
    return graph


@pytest.fixture(scope="module")
def shapes(project: Project) -> Shapes:
    return load_shapes("all", project.shapes_dir)


def test_results_are_typed_sorted_and_counted(shapes: Shapes) -> None:
    graph = merge_reports([
        _report((PGSH["Art13-2-d"], SH.Warning, SOOSR.statement)),
        _report((PGSH["Process-purpose"], SH.Violation, SOOSR["act-a"]), (PGSH["Statement-date"], SH.Info, SOOSR.statement)),
    ])
    report = ValidationReport.from_graph(graph, shapes, ["soosr"])
    assert [(r.severity, r.shape, r.item, r.focus_node) for r in report.results] == [
        (Severity.VIOLATION, "pgsh:Process-purpose", "activity purpose", "act-a"),
        (Severity.WARNING, "pgsh:Art13-2-d", "13(2)(d)", "statement"),
        (Severity.INFO, "pgsh:Statement-date", "date", "statement"),
    ]
    assert report.counts() == {Severity.VIOLATION: 1, Severity.WARNING: 1, Severity.INFO: 1}
    assert report.summary() == "1 statement against all shapes: 1 violation, 1 warning, 1 info"
    assert {item for item in report.findings()["soosr"]} == {"13(2)(d)", "date"}


def test_merged_report_has_one_root_and_conforms_only_if_all_do() -> None:
    merged = merge_reports([_report(), _report((PGSH["Art13-2-d"], SH.Warning, SOOSR.statement))])
    roots = list(merged.subjects(RDF.type, SH.ValidationReport))
    assert len(roots) == 1
    assert merged.value(roots[0], SH.conforms) == Literal(False)
    assert len(list(merged.objects(roots[0], SH.result))) == 1


def test_raise_for_results_fails_on_violations_and_strict_warnings(shapes: Shapes) -> None:
    warning = ValidationReport.from_graph(merge_reports([_report((PGSH["Art13-2-d"], SH.Warning, SOOSR.statement))]),
                                          shapes, ["soosr"])
    warning.raise_for_results()
    with pytest.raises(ValidationFailed, match="1 warning"):
        warning.raise_for_results(strict=True)
    violation = ValidationReport.from_graph(merge_reports([_report((PGSH["Process-purpose"], SH.Violation, SOOSR.x))]),
                                            shapes, ["soosr"])
    assert not violation.conforms
    with pytest.raises(ValidationFailed):
        violation.raise_for_results()


def test_short_names() -> None:
    assert short(SOOSR["act-contact"], "soosr") == "act-contact"
    assert short(DPV.hasPurpose) == "dpv:hasPurpose"
    assert short(PGSH["Art13-1-c"]) == "pgsh:Art13-1-c"
    assert short(URIRef("https://example.org/x")) == "<https://example.org/x>"
    assert short(Literal("P2Y")) == '"P2Y"'
    assert short(BNode()) == "[]"


def test_paths_render_as_sparql_property_paths() -> None:
    graph = Graph().parse(data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix dpv: <https://w3id.org/dpv#> .
        @prefix pg: <https://w3id.org/policygraph/ns#> .
        <urn:p1> sh:path [ sh:alternativePath ( dpv:hasRight ( [ sh:inversePath dpv:hasNotice ] dpv:hasRight ) ) ] .
        <urn:p2> sh:path ( [ sh:zeroOrOnePath dpv:hasDataController ] dpv:hasDataProtectionOfficer ) .
        <urn:p3> sh:path [ sh:zeroOrMorePath pg:x ] .
        """, format="turtle")
    rendered = [render_path(graph, graph.value(URIRef(f"urn:p{i}"), SH.path)) for i in (1, 2, 3)]
    assert rendered == ["dpv:hasRight|(^dpv:hasNotice/dpv:hasRight)",
                        "dpv:hasDataController?/dpv:hasDataProtectionOfficer", "pg:x*"]
    assert render_path(graph, PG.quote) == "pg:quote"

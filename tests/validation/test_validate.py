"""Statement-by-statement validation, in one process or several (policygraph.validation.validate)."""

from __future__ import annotations

from rdflib import Graph
from rdflib.namespace import RDF

from policygraph.build import BuiltGraph, StatementGraph
from policygraph.namespaces import SH
from policygraph.validation import Shapes, validate_graph, validate_statements
from policygraph.validation.shapes import PGSH


def test_processes_give_the_same_report_as_one(built: BuiltGraph, art13_shapes: Shapes) -> None:
    statements = built.statements[:3]
    serial = validate_statements(statements, built.ontology, art13_shapes, jobs=1)
    parallel = validate_statements(statements, built.ontology, art13_shapes, jobs=2)
    assert serial.results == parallel.results
    assert serial.statements == sorted(s.slug for s in statements)


def test_each_result_says_where_it_comes_from(statements: dict[str, StatementGraph], built: BuiltGraph,
                                              art13_shapes: Shapes) -> None:
    report = validate_graph(statements["iotspot"], built.ontology, art13_shapes.graph)
    results = list(report.objects(None, SH.result))
    assert results
    for result in results:
        assert report.value(result, PGSH.statement) == statements["iotspot"].iri


def test_the_ontology_is_mixed_in_so_kind_paths_work(statements: dict[str, StatementGraph], built: BuiltGraph,
                                                     encoding_shapes: Shapes) -> None:
    """Without the ontology every DPV value is of unknown kind (pySHACL's ont_graph would not do)."""
    soosr = statements["soosr"]
    alone = validate_graph(soosr, Graph(), encoding_shapes.graph)
    mixed = validate_graph(soosr, built.ontology, encoding_shapes.graph)
    kind_results = [r for r in alone.subjects(RDF.type, SH.ValidationResult)
                    if str(alone.value(r, SH.sourceShape)).endswith("-kind")]
    assert kind_results
    assert not [r for r in mixed.subjects(RDF.type, SH.ValidationResult)
                if str(mixed.value(r, SH.sourceShape)).endswith("-kind")]

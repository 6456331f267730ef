"""Helpers shared by the validation tests."""

from __future__ import annotations

from rdflib import Graph

from policygraph.build import StatementGraph
from policygraph.validation import Shapes, ValidationReport, validate_graph
from policygraph.validation.report import merge_reports

#: The five statements of the corpus, in the order mutation targets are looked for.
SLUGS = ("soosr", "iotspot", "s1mone", "smart-fms", "smartlockr")


def check(statement: StatementGraph, graph: Graph, ontology: Graph, shapes: Shapes) -> ValidationReport:
    """Validate ``graph`` as if it were ``statement``'s graph."""
    report = validate_graph(StatementGraph(statement.slug, graph, 0), ontology, shapes.graph)
    return ValidationReport.from_graph(merge_reports([report]), shapes, [statement.slug])


def copy(graph: Graph) -> Graph:
    out = Graph()
    out += graph
    return out

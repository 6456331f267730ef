"""Contradiction reports (policygraph.reasoning.report): quotes per fact, and the text rendering."""

from __future__ import annotations

from rdflib import BNode, Graph, Literal, URIRef

from policygraph.namespaces import DPV, PG, id_ns
from policygraph.reasoning.report import Contradiction, Fact, quotes, render_text

NS = id_ns("example")


def _evidence(graph: Graph, node: URIRef, quote: str, *supports: URIRef) -> None:
    annotation = BNode()
    graph.add((node, PG.hasEvidence, annotation))
    graph.add((annotation, PG.quote, Literal(quote)))
    for value in supports:
        graph.add((annotation, PG.supports, value))


def test_a_quote_that_supports_the_value_wins_over_the_node_quote() -> None:
    graph = Graph()
    _evidence(graph, NS["act"], "Wij verwerken uw gegevens.")
    _evidence(graph, NS["act"], "Op basis van uw toestemming.", DPV.Consent)
    assert quotes(graph, NS["act"], DPV.Consent) == ("Op basis van uw toestemming.",)
    assert quotes(graph, NS["act"], DPV.Process) == ("Wij verwerken uw gegevens.",)


def test_without_a_node_quote_all_quotes_of_the_node_are_shown() -> None:
    graph = Graph()
    _evidence(graph, NS["act"], "Op basis van uw toestemming.", DPV.Consent)
    assert quotes(graph, NS["act"], DPV.Process) == ("Op basis van uw toestemming.",)
    assert quotes(graph, NS["other"], DPV.Process) == ()


def test_text_names_statement_kind_claim_conflict_and_quotes() -> None:
    claim = Fact(NS["act"], DPV.hasDataController, NS["acme"], ("Acme beslist.",))
    conflict = Fact(NS["act"], DPV.hasDataProcessor, NS["acme"], ("Acme verwerkt.",))
    found = Contradiction("example", PG.ControllerProcessorContradiction, "a party is both", claim, conflict, (claim, conflict))
    text = render_text([found])
    assert text.startswith("example: a party is both (pg:ControllerProcessorContradiction)\n")
    assert "  says: example:act dpv:hasDataController example:acme\n" in text
    assert "“Acme verwerkt.”" in text
    assert "because these 2 facts" in text
    assert render_text([]) == ""

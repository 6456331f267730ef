"""Which activity a result concerns and which quote to show (policygraph.validation.context)."""

from __future__ import annotations

from rdflib import BNode, Graph

from policygraph.build import StatementGraph
from policygraph.namespaces import DPV, PREFIXES
from policygraph.validation.context import activity_of, quote_of


def _first(graph: Graph, query: str) -> tuple:
    return next(iter(graph.query(query, initNs=PREFIXES)))


def test_an_activity_is_its_own_activity(statements: dict[str, StatementGraph]) -> None:
    graph = statements["soosr"].graph
    (act,) = _first(graph, "SELECT ?a WHERE { ?a a dpv:Process }")
    assert activity_of(graph, act) == act


def test_a_node_inside_one_activity_belongs_to_it(statements: dict[str, StatementGraph]) -> None:
    graph = statements["soosr"].graph
    act, duration = _first(graph, "SELECT ?a ?d WHERE { ?a a dpv:Process ; dpv:hasStorageCondition/dpv:hasDuration ?d . "
                                  "FILTER NOT EXISTS { ?other dpv:hasStorageCondition/dpv:hasDuration ?d . FILTER (?other != ?a) } }")
    assert activity_of(graph, duration) == act


def test_an_evidence_annotation_belongs_to_the_activity_it_backs(statements: dict[str, StatementGraph]) -> None:
    graph = statements["soosr"].graph
    act, annotation = _first(graph, "SELECT ?a ?e WHERE { ?a a dpv:Process ; pg:hasEvidence ?e }")
    assert activity_of(graph, annotation) == act


def test_the_statement_and_shared_nodes_belong_to_no_single_activity(statements: dict[str, StatementGraph]) -> None:
    graph = statements["soosr"].graph
    (statement,) = _first(graph, "SELECT ?s WHERE { ?s a dpv:PrivacyNotice }")
    assert activity_of(graph, statement) is None
    shared = BNode()
    for (act,) in list(graph.query("SELECT ?a WHERE { ?a a dpv:Process }", initNs=PREFIXES))[:2]:
        graph.add((act, DPV.hasRecipient, shared))
    try:
        assert activity_of(graph, shared) is None
    finally:
        graph.remove((None, DPV.hasRecipient, shared))


def test_the_quote_that_supports_the_value_is_preferred(statements: dict[str, StatementGraph]) -> None:
    graph = statements["smart-fms"].graph
    act, value, quote = _first(graph, """
        SELECT ?a ?v ?q WHERE {
            ?a a dpv:Process ; pg:hasEvidence ?e . ?e pg:supports ?v ; pg:quote ?q .
            FILTER NOT EXISTS { ?a pg:hasEvidence ?other . ?other pg:supports ?v . FILTER (?other != ?e) }
        }""")
    assert quote_of(graph, act, value) == str(quote)


def test_without_a_value_the_quote_for_the_whole_node_is_shown(statements: dict[str, StatementGraph]) -> None:
    graph = statements["smart-fms"].graph
    act, quote = _first(graph, """
        SELECT ?a ?q WHERE {
            ?a a dpv:Process ; pg:hasEvidence ?e . ?e pg:quote ?q ; oa:hasTarget/oa:hasSelector/oa:start ?start .
            FILTER NOT EXISTS { ?e pg:supports ?any }
            FILTER NOT EXISTS { ?a pg:hasEvidence ?earlier . ?earlier oa:hasTarget/oa:hasSelector/oa:start ?s2 .
                                FILTER NOT EXISTS { ?earlier pg:supports ?x } FILTER (?s2 < ?start) }
        }""")
    assert quote_of(graph, act) == str(quote)
    assert quote_of(graph, BNode()) is None

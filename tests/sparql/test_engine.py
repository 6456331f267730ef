"""The engine: dataset rules, negotiation by result kind, the graph store, typed errors.

Runs in-process over the ontology plus SOOSR; assumes only SOOSR basics (a controller named
"SOOSR B.V.").
"""

from __future__ import annotations

import json

import pytest

from policygraph.sparql.engine import Engine, GraphJob, QueryJob
from policygraph.sparql.errors import BadRequest, NotAcceptable, QueryFailed, QueryRefused, QuerySyntaxError, ResultTooLarge, UnknownGraph

from endpoint_helpers import parse_rdf, soosr_store

from .conftest import ONTOLOGY_GRAPH, SOOSR_GRAPH

NAME = "SELECT ?name WHERE { ?c <https://w3id.org/dpv#hasName> ?name }"


def rows(engine: Engine, job: QueryJob) -> list[dict]:
    return json.loads(engine.run(job).body)["results"]["bindings"]


def test_the_default_graph_is_the_union_of_all_graphs(engine: Engine) -> None:
    assert {"SOOSR B.V."} <= {r["name"]["value"] for r in rows(engine, QueryJob(NAME))}


def test_a_protocol_dataset_overrides_the_union(engine: Engine) -> None:
    assert rows(engine, QueryJob(NAME, default_graphs=(ONTOLOGY_GRAPH,))) == []
    assert rows(engine, QueryJob(NAME, default_graphs=(SOOSR_GRAPH,)))
    assert rows(engine, QueryJob(NAME, default_graphs=("http://example.org/not-here",))) == []


def test_named_graphs_only_leave_an_empty_default_graph(engine: Engine) -> None:
    graphs = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    assert [r["g"]["value"] for r in rows(engine, QueryJob(graphs, named_graphs=(SOOSR_GRAPH,)))] == [SOOSR_GRAPH]
    assert rows(engine, QueryJob(NAME, named_graphs=(SOOSR_GRAPH,))) == []


def test_from_a_local_graph_replaces_the_union(engine: Engine) -> None:
    assert rows(engine, QueryJob(NAME.replace("WHERE", f"FROM <{ONTOLOGY_GRAPH}> WHERE"))) == []
    assert rows(engine, QueryJob(NAME.replace("WHERE", f"FROM <{SOOSR_GRAPH}> WHERE")))


def test_ask_and_select_negotiate_result_formats(engine: Engine) -> None:
    assert engine.run(QueryJob("ASK { ?s ?p ?o }")).body == b'{"head":{},"boolean":true}'
    csv = engine.run(QueryJob(NAME, accept="text/csv"))
    assert csv.content_type == "text/csv; charset=utf-8" and b"SOOSR B.V." in csv.body


@pytest.mark.parametrize("query", [
    "CONSTRUCT { ?c ?p ?o } WHERE { ?c <https://w3id.org/dpv#hasName> 'SOOSR B.V.' ; ?p ?o }",
    "DESCRIBE ?c WHERE { ?c <https://w3id.org/dpv#hasName> 'SOOSR B.V.' }",
])
def test_graph_results_default_to_turtle_and_parse(engine: Engine, query: str) -> None:
    answer = engine.run(QueryJob(query))
    assert answer.content_type == "text/turtle; charset=utf-8"
    assert len(parse_rdf(answer.body, answer.content_type)) > 1


def test_a_select_cannot_be_turtle(engine: Engine) -> None:
    with pytest.raises(NotAcceptable):
        engine.run(QueryJob(NAME, accept="text/turtle"))


def test_syntax_errors_carry_the_position(engine: Engine) -> None:
    with pytest.raises(QuerySyntaxError) as caught:
        engine.run(QueryJob("SELECT * WHERE {\n  ?s ?p }"))
    assert caught.value.line == 2 and caught.value.column


def test_relative_iris_resolve_against_the_base(engine: Engine) -> None:
    answer = engine.run(QueryJob("CONSTRUCT { <s> <p> 1 } WHERE {}", base_iri="http://example.org/sparql", accept="application/n-triples"))
    assert answer.body == b'<http://example.org/s> <http://example.org/p> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .\n'


def test_the_guard_runs_before_the_engine(engine: Engine) -> None:
    with pytest.raises(QueryRefused):
        engine.run(QueryJob("SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"))


def test_evaluation_failures_are_client_errors() -> None:
    """pyoxigraph raises RuntimeError when evaluation fails (lazily, while results are read)."""

    class FailingStore:
        def __iter__(self):  # noqa: ANN204 - an empty store
            return iter(())

        def query(self, *args: object, **kwargs: object) -> None:
            raise RuntimeError("The variable encoding the service name is unbound")

    with pytest.raises(QueryFailed, match="service name is unbound"):
        Engine(FailingStore()).run(QueryJob("ASK {}"))


def test_results_over_the_size_limit_are_refused() -> None:
    small = Engine(soosr_store(), max_result_bytes=1000)
    with pytest.raises(ResultTooLarge):
        small.run(QueryJob("SELECT * WHERE { ?s ?p ?o }"))


def test_graph_store_serves_a_named_graph_with_its_name_in_quad_formats(engine: Engine) -> None:
    answer = engine.run(GraphJob(SOOSR_GRAPH, accept="application/n-quads"))
    assert answer.body.rstrip().endswith(f"<{SOOSR_GRAPH}> .".encode())
    turtle = engine.run(GraphJob(SOOSR_GRAPH))
    assert len(parse_rdf(turtle.body, turtle.content_type)) == engine.info.graphs[SOOSR_GRAPH]


def test_graph_store_default_graph_is_the_union(engine: Engine) -> None:
    answer = engine.run(GraphJob(None, accept="application/n-triples"))
    assert len(answer.body.splitlines()) <= engine.info.triples
    assert b"SOOSR B.V." in answer.body


def test_graph_store_unknown_graph(engine: Engine) -> None:
    with pytest.raises(UnknownGraph):
        engine.run(GraphJob("http://example.org/none"))


def test_info_lists_the_graphs(engine: Engine) -> None:
    assert set(engine.info.graphs) == {ONTOLOGY_GRAPH, SOOSR_GRAPH}


def test_a_protocol_dataset_iri_must_be_an_iri(engine: Engine) -> None:
    with pytest.raises(BadRequest, match="default-graph-uri"):
        engine.run(QueryJob("ASK {}", default_graphs=("not an iri",)))

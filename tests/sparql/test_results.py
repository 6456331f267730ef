"""Serialising results: every format parses back, and the size limit stops a result early."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from policygraph.sparql.errors import ResultTooLarge
from policygraph.sparql.results import GRAPH_FORMATS, RESULT_FORMATS, CappedBuffer, serialise_rdf, serialise_result

from endpoint_helpers import parse_rdf

EX = "http://example.org/"


@pytest.fixture()
def store() -> ox.Store:
    store = ox.Store()
    for i in range(50):
        store.add(ox.Quad(ox.NamedNode(f"{EX}s{i}"), ox.NamedNode(f"{EX}p"), ox.Literal(f"value {i} é"), ox.NamedNode(f"{EX}g")))
    return store


@pytest.mark.parametrize("fmt", RESULT_FORMATS, ids=lambda f: f.name)
def test_solutions_round_trip_in_every_result_format(store: ox.Store, fmt) -> None:  # noqa: ANN001
    body = serialise_result(store.query("SELECT ?s ?o WHERE { ?s ?p ?o }", use_default_graph_as_union=True), fmt, 10**6)
    if fmt.name == "csv":  # lossy by design, so pyoxigraph does not read it back
        assert body.decode().splitlines()[0] == "s,o" and len(body.decode().splitlines()) == 51
        return
    parsed = ox.parse_query_results(body, format=ox.QueryResultsFormat.from_media_type(fmt.media_type))
    assert len(list(parsed)) == 50


@pytest.mark.parametrize("fmt", GRAPH_FORMATS, ids=lambda f: f.name)
def test_triples_parse_with_rdflib_in_every_graph_format(store: ox.Store, fmt) -> None:  # noqa: ANN001
    result = store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", use_default_graph_as_union=True)
    body = serialise_result(result, fmt, 10**6, {"ex": EX})
    assert len(parse_rdf(body, fmt.content_type)) == 50


def test_quads_keep_their_graph_in_dataset_formats(store: ox.Store) -> None:
    trig = next(f for f in GRAPH_FORMATS if f.name == "trig")
    body = serialise_rdf(store, trig, 10**6)
    assert f"<{EX}g>".encode() in body


def test_the_size_limit_raises_before_the_whole_result_is_written(store: ox.Store) -> None:
    result = store.query("SELECT * WHERE { ?s ?p ?o }", use_default_graph_as_union=True)
    with pytest.raises(ResultTooLarge, match="1,000 bytes"):
        serialise_result(result, RESULT_FORMATS[0], 1000)


def test_capped_buffer_counts_every_write() -> None:
    buffer = CappedBuffer(5)
    buffer.write(b"abc")
    with pytest.raises(ResultTooLarge):
        buffer.write(b"def")
    assert buffer.getvalue() == b"abc"

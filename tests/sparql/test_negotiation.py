"""Content negotiation: one function, formats and default as parameters (RFC 9110 §12.5.1)."""

from __future__ import annotations

import doctest

import pytest

from policygraph.sparql import negotiation
from policygraph.sparql.errors import NotAcceptable
from policygraph.sparql.negotiation import accepts_encoding, negotiate
from policygraph.sparql.results import GRAPH_FORMATS, RESULT_FORMATS


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        (None, "json"),
        ("", "json"),
        ("*/*", "json"),
        ("application/sparql-results+xml", "xml"),
        ("text/csv;q=0.5, text/tab-separated-values", "tsv"),
        ("text/*", "csv"),
        ("application/json", "json"),
        ("text/html, application/xhtml+xml, application/xml;q=0.9, */*;q=0.8", "xml"),
        ("application/sparql-results+json;q=0.1, text/csv;q=0.2", "csv"),
        ("text/csv;q=0, */*", "json"),
        ("application/sparql-results+json, text/turtle;q=0.9, */*;q=0.1", "json"),
    ],
)
def test_accept_picks_the_highest_weighted_result_format(accept: str | None, expected: str) -> None:
    assert negotiate(RESULT_FORMATS, accept).name == expected


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        (None, "turtle"),
        ("application/sparql-results+json, text/turtle;q=0.9, */*;q=0.1", "turtle"),
        ("application/rdf+xml", "rdfxml"),
        ("application/ld+json", "jsonld"),
        ("application/n-triples", "ntriples"),
        ("text/n3", "n3"),
        ("application/n-quads", "nquads"),
        ("application/trig;q=1, text/turtle;q=0.5", "trig"),
    ],
)
def test_accept_picks_graph_formats(accept: str | None, expected: str) -> None:
    assert negotiate(GRAPH_FORMATS, accept).name == expected


def test_the_most_specific_range_sets_the_weight() -> None:
    assert negotiate(RESULT_FORMATS, "text/*;q=0.9, text/csv;q=0.1").name == "tsv"


@pytest.mark.parametrize(
    ("requested", "offered", "expected"),
    [
        (("csv",), RESULT_FORMATS, "csv"),
        (("TSV", "text/tab-separated-values"), RESULT_FORMATS, "tsv"),  # as SPARQLWrapper sends it
        (("application/sparql-results+xml",), RESULT_FORMATS, "xml"),
        (("json",), GRAPH_FORMATS, "jsonld"),
        (("xml",), GRAPH_FORMATS, "rdfxml"),
        (("unknown", "ttl"), GRAPH_FORMATS, "turtle"),
    ],
)
def test_the_format_parameter_overrides_accept(requested: tuple[str, ...], offered: tuple, expected: str) -> None:
    assert negotiate(offered, "application/n-quads", requested).name == expected


@pytest.mark.parametrize(
    ("accept", "requested"),
    [("text/turtle", ()), ("image/png, text/html;q=0.5", ()), ("*/*;q=0", ()), (None, ("turtle",))],
)
def test_nothing_acceptable_names_the_offered_formats(accept: str | None, requested: tuple[str, ...]) -> None:
    with pytest.raises(NotAcceptable) as caught:
        negotiate(RESULT_FORMATS, accept, requested)
    assert "application/sparql-results+json" in str(caught.value)


def test_malformed_accept_parts_are_skipped() -> None:
    assert negotiate(RESULT_FORMATS, "text/csv;q=abc, application/sparql-results+xml").name == "xml"


@pytest.mark.parametrize(
    ("header", "expected"),
    [(None, False), ("gzip, deflate", True), ("identity", False), ("*", True), ("gzip;q=0, *", False), ("br;q=1, *;q=0", False)],
)
def test_accept_encoding(header: str | None, expected: bool) -> None:
    assert accepts_encoding(header, "gzip") is expected


def test_content_types_carry_the_charset() -> None:
    assert all(f.content_type.endswith("; charset=utf-8") for f in (*RESULT_FORMATS, *GRAPH_FORMATS))


def test_docstring_examples_run() -> None:
    assert doctest.testmod(negotiation).failed == 0

"""A real client over real HTTP: SPARQLWrapper, every query form in every format it supports.

SPARQLWrapper sends both ``Accept`` and ``format``/``output``/``results`` parameters (two values
for TSV, JSON-LD and RDF/XML); graph responses are parsed with rdflib.
"""

from __future__ import annotations

import csv
import io

import pytest
from SPARQLWrapper import CSV, JSON, JSONLD, N3, RDFXML, TSV, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from endpoint_helpers import parse_rdf

NAME = "PREFIX dpv: <https://w3id.org/dpv#> SELECT ?c ?name WHERE { ?c dpv:hasName ?name }"
ASK = "PREFIX dpv: <https://w3id.org/dpv#> ASK { ?c dpv:hasName 'SOOSR B.V.' }"
CONSTRUCT = "PREFIX dpv: <https://w3id.org/dpv#> CONSTRUCT { ?c dpv:hasName ?n } WHERE { ?c dpv:hasName ?n }"
DESCRIBE = "PREFIX dpv: <https://w3id.org/dpv#> DESCRIBE ?c WHERE { ?c dpv:hasName 'SOOSR B.V.' }"


def wrapper(live: str, query: str, fmt: str) -> SPARQLWrapper:
    sparql = SPARQLWrapper(f"{live}/sparql")
    sparql.setQuery(query)
    sparql.setReturnFormat(fmt)
    return sparql


@pytest.mark.parametrize("method", ["GET", "POST"])
@pytest.mark.parametrize("fmt", [JSON, XML, CSV, TSV])
def test_select(live: str, fmt: str, method: str) -> None:
    sparql = wrapper(live, NAME, fmt)
    sparql.setMethod(method)
    result = sparql.queryAndConvert()
    if fmt == JSON:
        names = {b["name"]["value"] for b in result["results"]["bindings"]}
    elif fmt == XML:
        names = {n.firstChild.data for n in result.getElementsByTagName("literal")}
    else:
        rows = list(csv.reader(io.StringIO(result.decode()), delimiter="," if fmt == CSV else "\t"))
        names = {cell.strip('"') for row in rows[1:] for cell in row[1:]}
    assert "SOOSR B.V." in names


@pytest.mark.parametrize("fmt", [JSON, XML, CSV, TSV])
def test_ask(live: str, fmt: str) -> None:
    result = wrapper(live, ASK, fmt).queryAndConvert()
    if fmt == JSON:
        assert result["boolean"] is True
    elif fmt == XML:
        assert result.getElementsByTagName("boolean")[0].firstChild.data == "true"
    else:
        assert result.decode().strip() == "true"


@pytest.mark.parametrize("query", [CONSTRUCT, DESCRIBE], ids=["construct", "describe"])
@pytest.mark.parametrize("fmt", [TURTLE, N3, XML, RDFXML, JSONLD])
def test_graph_forms(live: str, query: str, fmt: str) -> None:
    response = wrapper(live, query, fmt).query()
    content_type = response.info()["content-type"]
    body = response.response.read()
    graph = parse_rdf(body, content_type)
    assert any(str(o) == "SOOSR B.V." for o in graph.objects()), content_type


def test_a_bad_query_raises_query_bad_formed(live: str) -> None:
    with pytest.raises(QueryBadFormed):
        wrapper(live, "SELECT * WHERE {", JSON).query()

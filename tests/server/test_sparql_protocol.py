"""``/sparql`` protocol rules, one small test each (Flask test client, no socket)."""

from __future__ import annotations

from flask.testing import FlaskClient
from rdflib import URIRef
from rdflib.namespace import Namespace

from endpoint_helpers import parse_rdf

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
ASK = "ASK { ?s ?p ?o }"
FORM = "application/x-www-form-urlencoded"


def test_get_query(client: FlaskClient) -> None:
    response = client.get("/sparql", query_string={"query": ASK})
    assert response.status_code == 200
    assert response.content_type == "application/sparql-results+json; charset=utf-8"
    assert response.json["boolean"] is True
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "Accept" in response.headers["Vary"]


def test_post_form_and_post_direct(client: FlaskClient) -> None:
    assert client.post("/sparql", data={"query": ASK}).json["boolean"] is True
    direct = client.post("/sparql", data=ASK, content_type="application/sparql-query")
    assert direct.json["boolean"] is True


def test_format_parameter_and_accept(client: FlaskClient) -> None:
    query = "SELECT ?name WHERE { ?c <https://w3id.org/dpv#hasName> ?name }"
    assert client.get("/sparql", query_string={"query": query, "format": "csv"}).content_type == "text/csv; charset=utf-8"
    tsv = client.get("/sparql", query_string={"query": query}, headers={"Accept": "text/tab-separated-values"})
    assert tsv.content_type.startswith("text/tab-separated-values") and b'"SOOSR B.V."' in tsv.data


def test_service_description_on_a_bare_get(client: FlaskClient) -> None:
    response = client.get("/sparql")
    assert response.content_type == "text/turtle; charset=utf-8"
    graph = parse_rdf(response.data, response.content_type)
    endpoint = URIRef("http://localhost/sparql")
    assert (endpoint, SD.endpoint, endpoint) in graph
    assert (endpoint, SD.feature, SD.UnionDefaultGraph) in graph
    rdfxml = client.get("/sparql", headers={"Accept": "application/rdf+xml"})
    assert (endpoint, SD.endpoint, endpoint) in parse_rdf(rdfxml.data, rdfxml.content_type)


def test_syntax_error_is_400_with_message_and_position(client: FlaskClient) -> None:
    response = client.get("/sparql", query_string={"query": "SELECT * WHERE {\n ?s ?p"})
    assert response.status_code == 400
    assert response.content_type == "text/plain; charset=utf-8"
    assert response.text.startswith("line 2, column")
    assert "Traceback" not in response.text


def test_wrong_method_is_405_with_allow(client: FlaskClient) -> None:
    for method in (client.put, client.delete, client.patch):
        response = method("/sparql", data=ASK)
        assert response.status_code == 405
        assert "POST" in response.headers["Allow"] and "read-only" in response.text


def test_unknown_format_is_406_naming_what_we_serve(client: FlaskClient) -> None:
    response = client.get("/sparql", query_string={"query": ASK}, headers={"Accept": "image/png"})
    assert response.status_code == 406
    assert "application/sparql-results+json" in response.text
    assert client.get("/sparql", query_string={"query": ASK, "format": "yaml"}).status_code == 406


def test_bad_content_type_is_415(client: FlaskClient) -> None:
    assert client.post("/sparql", data=ASK, content_type="text/plain").status_code == 415
    assert client.post("/sparql", data=ASK, content_type="application/sparql-query; charset=latin-1").status_code == 415


def test_oversized_requests_are_413(client: FlaskClient) -> None:
    huge = "ASK {} #" + "x" * 70_000
    assert client.get("/sparql", query_string={"query": huge}).status_code == 413
    assert client.post("/sparql", data=huge, content_type="application/sparql-query").status_code == 413
    assert client.post("/sparql", data="x" * 300_000, content_type="application/sparql-query").status_code == 413


def test_two_queries_are_400(client: FlaskClient) -> None:
    assert client.get("/sparql?query=ASK%20%7B%7D&query=ASK%20%7B%7D").status_code == 400


def test_cors_preflight(client: FlaskClient) -> None:
    response = client.options("/sparql", headers={"Origin": "https://example.org", "Access-Control-Request-Method": "POST"})
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "POST" in response.headers["Access-Control-Allow-Methods"]
    assert "Content-Type" in response.headers["Access-Control-Allow-Headers"]


def test_unknown_route_is_a_plain_404(client: FlaskClient) -> None:
    response = client.get("/nowhere")
    assert response.status_code == 404 and response.content_type == "text/plain; charset=utf-8"


def test_large_results_are_gzipped_when_accepted(client: FlaskClient) -> None:
    query = "SELECT * WHERE { ?s ?p ?o }"
    plain = client.get("/sparql", query_string={"query": query})
    zipped = client.get("/sparql", query_string={"query": query}, headers={"Accept-Encoding": "gzip"})
    assert "Content-Encoding" not in plain.headers
    assert zipped.headers["Content-Encoding"] == "gzip" and len(zipped.data) < len(plain.data)

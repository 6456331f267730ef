"""``/rdf-graphs``: the read side of the Graph Store HTTP Protocol."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient

from endpoint_helpers import parse_rdf

SOOSR = "https://w3id.org/policygraph/graph/soosr"


@pytest.mark.parametrize("accept", ["text/turtle", "application/n-triples", "application/ld+json",
                                    "application/rdf+xml", "text/n3", "application/trig", "application/n-quads"])
def test_a_named_graph_in_every_format(client: FlaskClient, accept: str) -> None:
    response = client.get("/rdf-graphs", query_string={"graph": SOOSR}, headers={"Accept": accept})
    assert response.status_code == 200 and response.content_type == f"{accept}; charset=utf-8"
    assert len(parse_rdf(response.data, response.content_type)) > 50


def test_the_default_graph_is_the_union(client: FlaskClient) -> None:
    union = client.get("/rdf-graphs?default", headers={"Accept": "application/n-triples"})
    named = client.get("/rdf-graphs", query_string={"graph": SOOSR}, headers={"Accept": "application/n-triples"})
    assert len(union.data.splitlines()) > len(named.data.splitlines())


def test_unknown_graph_is_404(client: FlaskClient) -> None:
    assert client.get("/rdf-graphs", query_string={"graph": "http://example.org/none"}).status_code == 404


def test_exactly_one_graph_must_be_named(client: FlaskClient) -> None:
    assert client.get("/rdf-graphs").status_code == 400
    assert client.get("/rdf-graphs", query_string={"graph": SOOSR, "default": ""}).status_code == 400


def test_writes_are_405(client: FlaskClient) -> None:
    for method in (client.put, client.post, client.delete, client.patch):
        assert method("/rdf-graphs?default", data="<a:s> <a:p> <a:o> .", content_type="text/turtle").status_code == 405

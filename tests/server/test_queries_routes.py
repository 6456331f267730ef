"""``/queries``: the catalogue as JSON and HTML, and canned queries run with bound parameters."""

from __future__ import annotations

from flask.testing import FlaskClient

from endpoint_helpers import parse_rdf

SOOSR = "https://w3id.org/policygraph/id/soosr/soosr"


def test_catalogue_as_json(client: FlaskClient) -> None:
    entries = {e["name"]: e for e in client.get("/queries").json}
    assert {"controllers", "activities-per-controller", "controller-graph"} <= set(entries)
    controllers = entries["controllers"]
    assert controllers["title"].startswith("Who are the controllers")
    assert controllers["columns"] == ["controller", "name"]
    assert controllers["parameters"][0] == {"name": "controller", "type": "iri", "default": None,
                                            "description": "restrict to one controller (default: all)"}
    assert controllers["url"] == "http://localhost/queries/controllers"


def test_catalogue_as_html(client: FlaskClient) -> None:
    response = client.get("/queries", headers={"Accept": "text/html"})
    assert response.content_type == "text/html; charset=utf-8"
    assert b"Who are the controllers" in response.data
    assert client.get("/").status_code == 302


def test_run_with_and_without_parameters(client: FlaskClient) -> None:
    rows = client.get("/queries/controllers").json["results"]["bindings"]
    assert {"SOOSR B.V."} <= {r["name"]["value"] for r in rows}
    one = client.get("/queries/controllers", query_string={"controller": SOOSR}).json["results"]["bindings"]
    assert [r["controller"]["value"] for r in one] == [SOOSR]
    none = client.get("/queries/controllers", query_string={"name": 'No "such" name\\'}).json["results"]["bindings"]
    assert none == []
    assert client.get("/queries/controllers", query_string={"controller": ""}).json == client.get("/queries/controllers").json


def test_results_are_negotiated_like_sparql(client: FlaskClient) -> None:
    assert client.get("/queries/controllers?format=csv").content_type == "text/csv; charset=utf-8"
    graph = client.get("/queries/controller-graph", headers={"Accept": "application/n-triples"})
    assert len(parse_rdf(graph.data, graph.content_type)) > 1


def test_unknown_parameter_is_400(client: FlaskClient) -> None:
    response = client.get("/queries/controllers", query_string={"colour": "red"})
    assert response.status_code == 400 and "no parameter colour" in response.text


def test_bad_value_is_400(client: FlaskClient) -> None:
    assert client.get("/queries/controllers", query_string={"controller": "not an iri"}).status_code == 400
    assert client.get("/queries/controllers?controller=a:b&controller=a:c").status_code == 400


def test_unknown_query_is_404(client: FlaskClient) -> None:
    assert client.get("/queries/nothing").status_code == 404

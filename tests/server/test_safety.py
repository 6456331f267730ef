"""The public, read-only promise, over real HTTP: no outbound connection for any query, every
update form refused on every route with nothing changed, and a runaway query stopped while other
clients keep being answered."""

from __future__ import annotations

import statistics
import threading
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
import requests

from endpoint_helpers import LoopbackListener

from .conftest import TIME_LIMIT

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


def outbound_attempts(url: str) -> list[dict]:
    """Requests that would open a connection to ``url`` on an engine that followed them."""
    return [
        {"query": f"SELECT * WHERE {{ SERVICE <{url}/sparql> {{ ?s ?p ?o }} }}"},
        {"query": f"SELECT * WHERE {{ SERVICE SILENT <{url}/sparql> {{ ?s ?p ?o }} }}"},
        {"query": f"PREFIX ex: <{url}/> SELECT * WHERE {{ SERVICEex:sparql {{ ?s ?p ?o }} }}"},
        {"query": f"SELECT * WHERE {{ BIND(<{url}/sparql> AS ?e) SERVICE ?e {{ ?s ?p ?o }} }}"},
        {"query": f"SELECT * FROM <{url}/data.ttl> WHERE {{ ?s ?p ?o }}"},
        {"query": f"SELECT * FROM NAMED <{url}/data.ttl> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"},
        {"query": f"LOAD <{url}/data.ttl>"},
        {"update": f"LOAD <{url}/data.ttl>"},
        {"query": "ASK { ?s ?p ?o }", "default-graph-uri": f"{url}/data.ttl"},
        {"query": "ASK { GRAPH ?g { ?s ?p ?o } }", "named-graph-uri": f"{url}/data.ttl"},
    ]


def test_no_query_opens_a_connection(live: str) -> None:
    with LoopbackListener() as listener:
        for params in outbound_attempts(listener.url):
            response = requests.post(f"{live}/sparql", data=params, timeout=30)
            refused = "default-graph-uri" not in params and "named-graph-uri" not in params
            assert response.status_code == (403 if refused else 200), params
            assert "boolean\":true" not in response.text, params  # a protocol dataset IRI is an empty graph here
        graph_store = requests.get(f"{live}/rdf-graphs", params={"graph": f"{listener.url}/data.ttl"}, timeout=30)
        assert graph_store.status_code == 404
        time.sleep(0.5)
        assert listener.connections == 0
        # the control: the same SERVICE straight into pyoxigraph does reach the listener
        with pytest.raises(OSError):
            list(ox.Store().query(outbound_attempts(listener.url)[0]["query"]))
        time.sleep(0.5)
        assert listener.connections == 1


def test_a_file_iri_never_returns_the_file(live: str, tmp_path: Path) -> None:
    secret = tmp_path / "secret.nt"
    secret.write_text('<http://example.org/s> <http://example.org/p> "TOP-SECRET-7f3a" .\n')
    iri = secret.as_uri()
    attempts = [
        {"query": f"SELECT * FROM <{iri}> WHERE {{ ?s ?p ?o }}"},
        {"query": f"SELECT * WHERE {{ SERVICE <{iri}> {{ ?s ?p ?o }} }}"},
        {"query": f"LOAD <{iri}>"},
        {"query": "SELECT * WHERE { ?s ?p ?o }", "default-graph-uri": iri},
        {"query": f"DESCRIBE <{iri}>"},
    ]
    for params in attempts:
        response = requests.post(f"{live}/sparql", data=params, timeout=30)
        assert "TOP-SECRET" not in response.text, params
    assert "TOP-SECRET" not in requests.get(f"{live}/rdf-graphs", params={"graph": iri}, timeout=30).text


UPDATES = [
    "INSERT DATA { <http://example.org/s> <http://example.org/p> 1 }",
    "DELETE DATA { <http://example.org/s> <http://example.org/p> 1 }",
    "DELETE WHERE { ?s ?p ?o }",
    "DELETE { ?s ?p ?o } INSERT { ?s ?p 1 } WHERE { ?s ?p ?o }",
    "WITH <https://w3id.org/policygraph/graph/soosr> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
    "LOAD <http://127.0.0.1:9/x.ttl> INTO GRAPH <http://example.org/g>",
    "CLEAR ALL",
    "DROP ALL",
    "DROP GRAPH <https://w3id.org/policygraph/graph/soosr>",
    "CREATE GRAPH <http://example.org/g>",
    "ADD <https://w3id.org/policygraph/graph/soosr> TO <http://example.org/g>",
    "MOVE <https://w3id.org/policygraph/graph/soosr> TO <http://example.org/g>",
    "COPY DEFAULT TO <http://example.org/g>",
]


def _state(live: str) -> str:
    """The store's size, asked afresh: a unique comment makes every call miss the answer cache."""
    fresh = f"{COUNT} # {time.monotonic_ns()}"
    return requests.get(f"{live}/sparql", params={"query": fresh}, timeout=30).text


@pytest.mark.parametrize("update", UPDATES)
def test_every_update_form_is_refused_on_every_route(live: str, update: str) -> None:
    before = _state(live)
    sparql = f"{live}/sparql"
    attempts = [
        requests.get(sparql, params={"query": update}, timeout=30),
        requests.get(sparql, params={"update": update}, timeout=30),
        requests.post(sparql, data={"update": update}, timeout=30),
        requests.post(sparql, data={"query": update}, timeout=30),
        requests.post(sparql, data=update, headers={"Content-Type": "application/sparql-update"}, timeout=30),
        requests.post(sparql, data=update, headers={"Content-Type": "application/sparql-query"}, timeout=30),
        requests.put(sparql, data=update, timeout=30),
        requests.put(f"{live}/rdf-graphs?default", data=update, headers={"Content-Type": "text/turtle"}, timeout=30),
        requests.post(f"{live}/rdf-graphs?default", data=update, headers={"Content-Type": "text/turtle"}, timeout=30),
        requests.delete(f"{live}/rdf-graphs", params={"graph": "https://w3id.org/policygraph/graph/soosr"}, timeout=30),
        requests.post(f"{live}/queries/controllers", data={"query": update}, timeout=30),
        requests.put(f"{live}/dumps/policygraph.nq", data=update, timeout=30),
    ]
    for response in attempts:
        assert 400 <= response.status_code < 500, (response.request.method, response.url, response.status_code)
        assert response.headers["Content-Type"] == "text/plain; charset=utf-8"
    assert all(r.status_code == 403 for r in attempts[:6])
    assert _state(live) == before


def test_a_runaway_query_is_stopped_while_others_are_answered(live: str) -> None:
    """The runaway gets a clear 503 (never 200 with a cut-off body); simple queries keep flowing."""
    runaway: dict = {}

    def run_forever() -> None:
        slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
        started = time.monotonic()
        response = requests.get(f"{live}/sparql", params={"query": slow}, timeout=60)
        runaway.update(status=response.status_code, text=response.text, seconds=time.monotonic() - started,
                       content_type=response.headers["Content-Type"])

    thread = threading.Thread(target=run_forever)
    thread.start()
    time.sleep(0.3)
    latencies = []
    while thread.is_alive():
        started = time.monotonic()
        fresh = f"ASK {{ ?s ?p ?o }} # {len(latencies)}"  # a cache miss: the other worker must answer
        response = requests.get(f"{live}/sparql", params={"query": fresh}, timeout=30)
        latencies.append(time.monotonic() - started)
        assert response.status_code == 200
        time.sleep(0.05)
    thread.join()
    assert runaway["status"] == 503
    assert runaway["content_type"] == "text/plain; charset=utf-8"
    assert f"time limit of {TIME_LIMIT:g} s" in runaway["text"]
    assert runaway["seconds"] < TIME_LIMIT + 3
    assert len(latencies) >= 5 and statistics.median(latencies) < 0.5, latencies
    _wait_for_workers(live)


def _wait_for_workers(live: str) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        health = requests.get(f"{live}/health", timeout=10).json()
        if health["workers"]["alive"] == health["workers"]["configured"]:
            return
        time.sleep(0.2)
    raise AssertionError("the killed worker was not replaced")

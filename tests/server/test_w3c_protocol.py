"""The W3C SPARQL 1.1 Protocol test suite against a real ``policygraph serve`` process.

The 20 query tests must pass; the 14 update tests must all be refused (the 7 positive ones
expect an update to succeed, so the runner reports them as failing with our 403). The suite's
data is served with ``--load FILE --graph IRI``. Skipped when ../shared is not checked out.
"""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from rdflib import URIRef
from rdflib.namespace import Namespace

from conftest import SHARED

from endpoint_helpers import parse_rdf

from .conftest import FIXTURE_QUERIES

SUITE = SHARED / "w3c-sparql11-protocol"
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not (SUITE / "run_protocol_tests.py").is_file(), reason=f"W3C protocol suite not found at {SUITE}"),
]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def endpoint(dist: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = _free_port()
    command = [sys.executable, "-m", "policygraph", "serve", "--port", str(port), "--dist", str(dist),
               "--queries", str(FIXTURE_QUERIES), "--workers", "2"]
    for n in (1, 2, 3):
        command += ["--load", str(SUITE / f"data{n}.nt"), "--graph", f"http://kasei.us/2009/09/sparql/data/data{n}.rdf"]
    log = tmp_path_factory.mktemp("w3c") / "serve.log"
    with log.open("wb") as out:  # the child keeps its own copy of the descriptor
        server = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                if requests.get(f"{base}/health", timeout=2).status_code == 200:
                    break
            except requests.ConnectionError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(f"policygraph serve did not start:\n{log.read_text()}")
            time.sleep(0.2)
        yield f"{base}/sparql"
    finally:
        server.terminate()
        server.wait(timeout=30)


def _run_suite(endpoint: str, *flags: str) -> dict[str, str]:
    output = subprocess.run(
        [sys.executable, str(SUITE / "run_protocol_tests.py"), str(SUITE / "manifest.ttl"), endpoint, *flags],
        capture_output=True, text=True, timeout=300, check=False,
    ).stdout
    return {m["name"]: m["line"] for m in re.finditer(r"^(?P<line>(?:PASS|FAIL) (?P<name>\S+).*)$", output, re.M)}


def test_all_twenty_query_tests_pass(endpoint: str) -> None:
    results = _run_suite(endpoint, "--only-query")
    assert len(results) == 20
    assert [line for line in results.values() if not line.startswith("PASS")] == []


def test_every_update_test_is_refused_and_changes_nothing(endpoint: str) -> None:
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } # "  # + a suffix: never a cached answer
    before = requests.get(endpoint, params={"query": count + "before"}, timeout=30).json()
    results = {name: line for name, line in _run_suite(endpoint).items() if "update" in name}
    assert len(results) == 14
    for name, line in results.items():
        if name.startswith("bad_"):
            assert line.startswith("PASS"), line
        else:
            assert re.search(r"status 4\d\d not in", line), line
    assert requests.get(endpoint, params={"query": count + "after"}, timeout=30).json() == before


def test_service_description_names_its_own_endpoint(endpoint: str) -> None:
    response = requests.get(endpoint, timeout=30)
    graph = parse_rdf(response.content, response.headers["Content-Type"])
    assert (URIRef(endpoint), SD.endpoint, URIRef(endpoint)) in graph
    data = URIRef("http://kasei.us/2009/09/sparql/data/data1.rdf")
    assert (None, SD.name, data) in graph

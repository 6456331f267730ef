"""Worker processes: answers cross the process boundary, overrunning workers are killed and
replaced, and an isolated worker cannot open any connection."""

from __future__ import annotations

import multiprocessing
import pickle
import socket
import time
from pathlib import Path

import pytest

from policygraph.sparql.engine import QueryJob, Source
from policygraph.sparql.errors import NotAcceptable, QueryRefused, QuerySyntaxError, QueryTimeout, WorkerFailed
from policygraph.sparql.executor import Executor, WorkerSettings, isolate_network

from endpoint_helpers import LoopbackListener, soosr_dist

SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@pytest.fixture(scope="module")
def executor(tmp_path_factory: pytest.TempPathFactory) -> Executor:
    dist = soosr_dist(tmp_path_factory.mktemp("executor-dist"))
    with Executor(WorkerSettings((Source(str(dist / "policygraph.nq")),)), workers=2, time_limit=1.5) as executor:
        yield executor


def test_answers_and_errors_cross_the_process_boundary(executor: Executor) -> None:
    assert executor.run(QueryJob("ASK { ?s ?p ?o }")).body.endswith(b"true}")
    for job, error in [
        (QueryJob("ASK {"), QuerySyntaxError),
        (QueryJob("CLEAR ALL"), QueryRefused),
        (QueryJob("ASK {}", accept="text/turtle"), NotAcceptable),
    ]:
        with pytest.raises(error):
            executor.run(job)


def test_errors_survive_pickling() -> None:
    for error in [QuerySyntaxError("m", 1, 2), QueryRefused("m", 3, 4), NotAcceptable(("a/b",)), QueryTimeout("t")]:
        again = pickle.loads(pickle.dumps(error))
        assert type(again) is type(error) and str(again) == str(error)


def test_an_overrunning_query_is_stopped_and_its_worker_replaced(executor: Executor) -> None:
    started = time.monotonic()
    with pytest.raises(QueryTimeout, match="time limit of 1.5 s"):
        executor.run(QueryJob(SLOW))
    assert time.monotonic() - started < 5
    assert executor.run(QueryJob("ASK {}")).body.endswith(b"true}")  # the other worker answers
    deadline = time.monotonic() + 30
    while executor.alive < 2 and time.monotonic() < deadline:
        time.sleep(0.1)
    assert executor.alive == 2


def test_bad_data_fails_at_start_up(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> .\n")
    with pytest.raises(WorkerFailed, match="cannot load the data"):
        Executor(WorkerSettings((Source(str(bad), "http://example.org/g"),)), workers=1)


def _connect_after_isolating(port: int, results: multiprocessing.Queue) -> None:
    isolated = isolate_network()
    try:
        socket.create_connection(("127.0.0.1", port), timeout=2).close()
        results.put((isolated, "connected"))
    except OSError as exc:
        results.put((isolated, type(exc).__name__))


def test_an_isolated_worker_cannot_connect_even_to_loopback() -> None:
    """The second wall: even a query the guard let through could not reach anything."""
    context = multiprocessing.get_context("spawn")
    results = context.Queue()
    with LoopbackListener() as listener:
        process = context.Process(target=_connect_after_isolating, args=(listener.port, results))
        process.start()
        isolated, outcome = results.get(timeout=60)
        process.join()
        if not isolated:
            pytest.skip("this kernel does not allow unprivileged network namespaces")
        assert outcome != "connected"
        time.sleep(0.3)
        assert listener.connections == 0

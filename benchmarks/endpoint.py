"""Benchmark the SPARQL endpoint against two baselines on the same data, in one run.

    python benchmarks/endpoint.py [--dist DIR] [--requests 300] [--budget 10] [--duration 5] [--clients 1,8,32]

Servers (each started here, on a free port, one after the other):

- ``policygraph``: ``policygraph serve`` (waitress + Flask + guard + worker processes), with its
  answer cache, and ``policygraph-nocache`` without it (every request runs in a worker);
- ``oxigraph``: ``oxigraph serve --union-default-graph`` from the PyPI package ``oxigraph``, in
  memory like policygraph's store (the data is POSTed to its ``/store`` after start);
- ``rdflib-endpoint``: ``rdflib-endpoint serve`` (FastAPI + uvicorn + rdflib, union default graph).

All load ``dist/policygraph.nq``. The queries are the canned queries of ``queries/*.rq``
(parameters at their defaults), or this folder's ``queries/*.rq`` stand-ins while the project has
none. Each is POSTed as a form (``query=``; some canned queries are longer than Oxigraph's 8 KiB
header limit allows in a URL) over a kept-alive connection; results must agree (same status, same
number of rows or triples) or the run says so. Reported: latency p50/p95 per query (sequential
requests after a warm-up, the servers taking turns request by request; fewer, at least 3, for a
query that uses up ``--budget`` seconds; a client gives up after 30 s) and throughput with 1, 8 and 32 concurrent clients cycling through all
queries, with each policygraph variant's ratio to each baseline. Install the baselines with
``pip install -e '.[bench]'``. Client and servers share the machine, so absolute figures depend
on its load; the ratios are the point.
"""

from __future__ import annotations

import argparse
import http.client
import json
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parents[1]
ACCEPT = "application/sparql-results+json, text/turtle;q=0.9"
TIMEOUT = 30.0  # seconds a client waits for one answer


@dataclass
class Server:
    name: str
    path: str  # the query endpoint's path
    command: list[str]
    load: Path | None = None  # N-Quads to POST to /store once started (Oxigraph in memory)
    process: subprocess.Popen | None = None
    port: int = 0


class Client:
    """One kept-alive connection; reconnects when the server closes it, gives up after ``TIMEOUT``."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT)

    def post(self, path: str, body: bytes, content_type: str) -> tuple[int, bytes]:
        """Status and body; status 0 when no answer came in time."""
        for attempt in (1, 2):
            try:
                self.conn.request("POST", path, body=body, headers={"Accept": ACCEPT, "Content-Type": content_type})
                response = self.conn.getresponse()
                return response.status, response.read()
            except (http.client.RemoteDisconnected, ConnectionError, TimeoutError) as exc:
                self.conn.close()
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=TIMEOUT)
                if isinstance(exc, TimeoutError):
                    return 0, b""
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def query(self, path: str, text: str) -> tuple[int, bytes]:
        return self.post(path, urlencode({"query": text}).encode(), "application/x-www-form-urlencoded")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def servers(nquads: Path, queries_dir: Path, workers: int) -> list[Server]:
    """The servers to compare, with ``{port}`` left in their commands."""
    bin_dir = Path(sys.executable).parent
    policygraph = [sys.executable, "-m", "policygraph", "serve", "--port", "{port}", "--dist", str(nquads.parent),
                   "--queries", str(queries_dir), "--workers", str(workers), "--threads", "48"]
    return [
        Server("policygraph", "/sparql", policygraph),
        Server("policygraph-nocache", "/sparql", [*policygraph, "--cache-mb", "0"]),
        Server("oxigraph", "/query", [str(bin_dir / "oxigraph"), "serve", "--bind", "127.0.0.1:{port}",
                                      "--union-default-graph"], load=nquads),
        Server("rdflib-endpoint", "/", [str(bin_dir / "rdflib-endpoint"), "serve", str(nquads),
                                        "--host", "127.0.0.1", "--port", "{port}"]),
    ]


def start(server: Server, log: Path) -> None:
    server.port = free_port()
    command = [part.replace("{port}", str(server.port)) for part in server.command]
    with log.open("wb") as out:
        server.process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    deadline = time.monotonic() + 120
    status = None
    while time.monotonic() < deadline and server.process.poll() is None:
        try:
            status = Client(server.port).query(server.path, "ASK {}")[0]
            if status == 200:
                break
        except OSError:
            pass
        time.sleep(0.2)
    else:
        raise RuntimeError(f"{server.name} did not start (last status {status}):\n{log.read_text()[-2000:]}")
    if server.load is not None:
        status, body = Client(server.port).post("/store", server.load.read_bytes(), "application/n-quads")
        if status >= 300:
            raise RuntimeError(f"{server.name} refused the data: {status} {body[:200]!r}")


def stop(server: Server) -> None:
    if server.process is not None:
        server.process.send_signal(signal.SIGINT)
        try:
            server.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.process.kill()


def size(body: bytes) -> int | str:
    """Rows of a SPARQL JSON result, the boolean of an ASK, or the triples of a Turtle result."""
    try:
        data = json.loads(body)
    except ValueError:
        try:
            return f"{len(list(ox.parse(body, ox.RdfFormat.TURTLE)))} triples"
        except SyntaxError:
            return f"{len(body)} bytes"
    return len(data["results"]["bindings"]) if "results" in data else str(data.get("boolean"))


def latencies(group: list[Server], queries: dict[str, str], repeat: int, budget: float) -> tuple[dict, dict]:
    """Per server and query: ``repeat`` timed requests after a warm-up, or fewer (at least 3) once
    the query has used ``budget`` seconds on that server, so that a slow baseline still finishes.

    The servers of ``group`` take turns request by request, so a change in the machine's load
    during the run hits them alike instead of favouring whichever was measured in a quiet moment.
    """
    clients = {s.name: Client(s.port) for s in group}
    times: dict[str, dict[str, list[float]]] = {s.name: {} for s in group}
    answers: dict[str, dict[str, tuple]] = {s.name: {} for s in group}
    for name, text in queries.items():
        active = []
        for server in group:
            started = time.perf_counter()
            status, body = clients[server.name].query(server.path, text)
            answers[server.name][name] = (status, size(body))
            times[server.name][name] = [time.perf_counter() - started]
            if status:  # 0: too slow to measure, the time-out stays the only sample
                active.append(server)
                warm_until = time.perf_counter() + budget / 2
                for _ in range(20):
                    if time.perf_counter() > warm_until:
                        break
                    clients[server.name].query(server.path, text)
                times[server.name][name] = []
        while active:
            for server in list(active):
                samples = times[server.name][name]
                started = time.perf_counter()
                clients[server.name].query(server.path, text)
                samples.append(time.perf_counter() - started)
                if len(samples) >= repeat or (len(samples) >= 3 and sum(samples) >= budget):
                    active.remove(server)
    return times, answers


def _client_process(port: int, path: str, texts: list[str], threads: int, duration: float, start_at: float) -> int:
    """Run ``threads`` kept-alive clients cycling through ``texts``; returns requests answered in time."""
    done = [0] * threads

    def client(index: int) -> None:
        connection = Client(port)
        while time.time() < start_at:
            time.sleep(0.001)
        i = index
        while time.time() < start_at + duration:
            ok = connection.query(path, texts[i % len(texts)])[0] == 200
            if ok and time.time() < start_at + duration:
                done[index] += 1
            i += 1

    pool = [threading.Thread(target=client, args=(i,)) for i in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    return sum(done)


def throughput(server: Server, queries: dict[str, str], clients: int, duration: float) -> float:
    processes = min(clients, 4)
    per_process = [clients // processes + (i < clients % processes) for i in range(processes)]
    start_at = time.time() + 1.0
    texts = list(queries.values())
    with ProcessPoolExecutor(processes) as pool:
        counts = pool.map(_client_process, [server.port] * processes, [server.path] * processes,
                          [texts] * processes, per_process, [duration] * processes, [start_at] * processes)
        return sum(counts) / duration


def canned_queries(folder: Path | None) -> tuple[dict[str, str], Path]:
    from policygraph.catalogue import load_catalogue

    folder = folder or ROOT / "queries"
    catalogue = load_catalogue(folder)
    if not catalogue:
        folder = ROOT / "benchmarks" / "queries"
        catalogue = load_catalogue(folder)
    return {name: query.bind({}) for name, query in catalogue.items()}, folder


def ensure_dist(dist: Path | None, scratch: Path) -> Path:
    if dist is not None:
        return dist
    if (ROOT / "dist" / "policygraph.nq").is_file():
        return ROOT / "dist"
    from policygraph.build import build
    from policygraph.dumps import write_dist

    write_dist(build(), scratch / "dist")
    return scratch / "dist"


def ratio(mine: float, theirs: float | None) -> str:
    return f"{mine / theirs:.2f}×" if mine and theirs else "-"


def table(header: list[str], rows: list[list[str]]) -> None:
    print(" | ".join(header))
    print(" | ".join("---" for _ in header))
    for row in rows:
        print(" | ".join(row))


def report(names: list[str], lat: dict, thr: dict, answers: dict, clients: list[int]) -> None:
    ours = [n for n in names if n.startswith("policygraph")]
    pairs = [(mine, theirs) for mine in ours for theirs in names if theirs not in ours]
    pair_names = [f"{a}/{b}" for a, b in pairs]
    rows = []
    for query in lat[names[0]]:
        p50 = {n: statistics.median(lat[n][query]) * 1000 for n in names}
        p95 = {n: sorted(lat[n][query])[int(0.95 * (len(lat[n][query]) - 1))] * 1000 for n in names}
        shown = [f"{p50[n]:.2f} / {p95[n]:.2f}" if answers[n][query][0] else f"> {TIMEOUT:g} s" for n in names]
        rows.append([query, *shown, *(ratio(p50[a], p50[b]) for a, b in pairs)])
    print("\nLatency, ms (p50 / p95), sequential requests; ratios of p50 (lower is better)")
    table(["query", *names, *pair_names], rows)
    print("\nThroughput, requests/s, clients cycling through all queries; ratios (higher is better)")
    table(["clients", *names, *pair_names],
          [[str(c), *(f"{thr[n][c]:.0f}" for n in names), *(ratio(thr[a][c], thr[b][c]) for a, b in pairs)] for c in clients])
    for query in lat[names[0]]:
        seen = {name: answers[name][query] for name in names}
        if len({str(v) for v in seen.values()}) > 1:
            print(f"note: answers differ for {query}: {seen}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dist", type=Path, help="built dist/ (default: the project's, built when missing)")
    parser.add_argument("--requests", type=int, default=300, help="sequential requests per query for latency")
    parser.add_argument("--budget", type=float, default=10.0, help="seconds of timed requests per query at most")
    parser.add_argument("--duration", type=float, default=5.0, help="seconds per throughput measurement")
    parser.add_argument("--clients", default="1,8,32", help="concurrent client counts")
    parser.add_argument("--workers", type=int, default=2, help="policygraph query worker processes")
    parser.add_argument("--only", help="comma-separated subset of servers")
    parser.add_argument("--queries", type=Path, help="folder of .rq files (default: queries/, else benchmarks/queries/)")
    args = parser.parse_args()
    clients = [int(c) for c in args.clients.split(",")]
    queries, folder = canned_queries(args.queries)
    scratch = Path(tempfile.mkdtemp(prefix="policygraph-bench-"))
    try:
        dist = ensure_dist(args.dist, scratch)
        chosen = [s for s in servers(dist / "policygraph.nq", folder, args.workers)
                  if not args.only or s.name in args.only.split(",")]
        print(f"data: {dist / 'policygraph.nq'}; queries from {folder}: {', '.join(queries)}")
        lat, thr, answers = {}, {}, {}
        # rdflib-endpoint goes alone: its runaway queries keep a core busy after the client gives up
        for group in ([s for s in chosen if s.name != "rdflib-endpoint"], [s for s in chosen if s.name == "rdflib-endpoint"]):
            if not group:
                continue
            print(f"measuring {', '.join(s.name for s in group)} ...", flush=True)
            try:
                for server in group:
                    start(server, scratch / f"{server.name}.log")
                group_lat, group_answers = latencies(group, queries, args.requests, args.budget)
                lat.update(group_lat)
                answers.update(group_answers)
                for server in group:
                    thr[server.name] = {c: throughput(server, queries, c, args.duration) for c in clients}
            finally:
                for server in group:
                    stop(server)
        report([s.name for s in chosen], lat, thr, answers, clients)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()

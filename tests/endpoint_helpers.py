"""Helpers shared by the endpoint tests (tests/sparql, tests/server, CLI and catalogue tests)."""

from __future__ import annotations

import socket
import threading
import warnings
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, Graph

from policygraph.dumps import write_dist
from policygraph.store import store_from_built

QUAD_TYPES = ("application/trig", "application/n-quads")


def parse_rdf(body: bytes, content_type: str) -> Graph:
    """Parse an RDF response with rdflib by its Content-Type; the triples of every graph of a
    quad format (TriG, N-Quads) are merged into one graph.

    rdflib's own JSON-LD, TriG and N-Quads code emits DeprecationWarnings about its internals;
    those are not ours to fix, so they are silenced here and only here.
    """
    media_type = content_type.split(";")[0].strip()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        if media_type not in QUAD_TYPES:
            return Graph().parse(data=body, format=media_type)
        dataset = Dataset().parse(data=body, format=media_type)
        graph = Graph()
        for subject, predicate, obj, _ in dataset.quads():
            graph.add((subject, predicate, obj))
        return graph


def soosr_dist(target: Path) -> Path:
    """A dist/ of the ontology plus SOOSR written to ``target`` (the build is cached per session)."""
    from conftest import built_statement

    with warnings.catch_warnings():  # rdflib's N-Quads writer warns about its own internals
        warnings.simplefilter("ignore", DeprecationWarning)
        write_dist(built_statement("soosr"), target)
    return target


def soosr_store() -> ox.Store:
    """A pyoxigraph store of the ontology plus SOOSR."""
    from conftest import built_statement

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return store_from_built(built_statement("soosr"))


class LoopbackListener:
    """A TCP listener on 127.0.0.1 that counts the connections it receives (and answers none)."""

    def __init__(self) -> None:
        self._socket = socket.create_server(("127.0.0.1", 0))
        self._socket.settimeout(0.2)
        self.port = self._socket.getsockname()[1]
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._socket.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.connections += 1
            conn.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        self._socket.close()

    def __enter__(self) -> LoopbackListener:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

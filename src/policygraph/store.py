"""graph → embedded SPARQL store (pyoxigraph), for the endpoint and for notebooks."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from .build import BuiltGraph
from .dumps import UNION_NAME, nquads


def store_from_built(built: BuiltGraph) -> ox.Store:
    """An in-memory Oxigraph store with one named graph per statement and the ontology."""
    store = ox.Store()
    store.bulk_load(nquads(built.dataset()).encode("utf-8"), ox.RdfFormat.N_QUADS)
    return store


def store_from_dist(dist: Path) -> ox.Store:
    """An in-memory Oxigraph store loaded from a built ``dist/`` (its N-Quads dump).

    :raises FileNotFoundError: when ``dist`` holds no build.
    """
    path = dist / f"{UNION_NAME}.nq"
    if not path.is_file():
        raise FileNotFoundError(f"{dist} holds no build (missing {path.name}); run `policygraph build`")
    store = ox.Store()
    store.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS)
    return store

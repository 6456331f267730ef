"""policygraph: Dutch privacy statements as a validated, queryable DPV 2.3 knowledge graph.

The two calls a notebook needs::

    import policygraph
    ds = policygraph.load_dataset()      # rdflib Dataset, one named graph per statement
    store = policygraph.load_store()     # pyoxigraph Store with the same quads
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Dataset

from .build import BuiltGraph, build
from .project import Project

__all__ = ["BuiltGraph", "Project", "build", "load_dataset", "load_store"]


def load_dataset(root: Path | None = None, dpv_dir: Path | None = None) -> Dataset:
    """Build the graph from the checkout at ``root`` (default: discovered) as an rdflib Dataset.

    The default graph is empty; query the union with ``Dataset(default_union=True)`` semantics
    via ``ds.default_union = True`` or name graphs explicitly.
    """
    project = Project(root) if root else Project.discover()
    return build(project, dpv_dir).dataset()


def load_store(root: Path | None = None, dist: Path | None = None):  # noqa: ANN201 - pyoxigraph.Store
    """The graph in an embedded pyoxigraph Store: from ``dist`` when given, else built fresh."""
    from .store import store_from_built, store_from_dist

    if dist is not None:
        return store_from_dist(dist)
    project = Project(root) if root else Project.discover()
    return store_from_built(build(project))

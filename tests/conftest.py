"""Shared fixtures: the project, graphs built once per session, and a SPARQL helper."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pyoxigraph as ox
import pytest

from policygraph.build import BuiltGraph, build
from policygraph.project import Project
from policygraph.store import store_from_built

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@cache
def _project() -> Project:
    return Project(ROOT)


@cache
def built_statement(slug: str) -> BuiltGraph:
    """The ontology plus one statement, built (cached for the session)."""
    project = _project()
    return build(project, statement_files=[project.statements_dir / f"{slug}.ttl"])


@cache
def _store(slug: str | None) -> ox.Store:
    built = build(_project()) if slug is None else built_statement(slug)
    return store_from_built(built)


def select(query: str, slug: str | None = None) -> list[dict[str, str]]:
    """Run a SELECT over the union of all graphs (or of one statement plus the ontology).

    Each row maps variable names to the plain string value (IRI or literal lexical form).
    """
    result = _store(slug).query(query, use_default_graph_as_union=True)
    names = [v.value for v in result.variables]
    return [{n: row[n].value for n in names if row[n] is not None} for row in result]


def ask(query: str, slug: str | None = None) -> bool:
    return bool(_store(slug).query(query, use_default_graph_as_union=True))


@pytest.fixture(scope="session")
def project() -> Project:
    return _project()


@pytest.fixture(scope="session")
def built() -> BuiltGraph:
    """The whole project, built once."""
    return build(_project())


def copy_project(target: Path, slugs: tuple[str, ...] = ("soosr",)) -> Project:
    """A throwaway project holding the real ontology and the given statements, for tests that
    break things on purpose."""
    import shutil

    shutil.copytree(ROOT / "ontology", target / "ontology")
    (target / "data" / "statements").mkdir(parents=True)
    (target / "data" / "sources").mkdir(parents=True)
    for slug in slugs:
        shutil.copy(ROOT / "data" / "statements" / f"{slug}.ttl", target / "data" / "statements")
        for suffix in (".txt", ".meta.ttl"):
            shutil.copy(ROOT / "data" / "sources" / f"{slug}{suffix}", target / "data" / "sources")
    return Project(target)


def same_graph(a, b) -> bool:  # noqa: ANN001 - rdflib graphs
    """Graph equality up to blank node labels, in linear time.

    Both sides are relabelled with the build's content-hash labels and compared as sets
    (rdflib's ``isomorphic`` takes minutes on graphs with thousands of look-alike blank nodes).
    Equal sizes are required too, so a dump that duplicated a blank node would not pass.
    """
    from policygraph.bnodes import stable_bnodes

    return len(a) == len(b) and set(stable_bnodes(a, "x")) == set(stable_bnodes(b, "x"))


def statement_prefixes(slug: str) -> str:
    """SPARQL PREFIX lines for the project's prefixes, with ``:`` bound to the statement's nodes."""
    from policygraph.namespaces import PREFIXES, id_ns

    lines = [f"PREFIX {prefix}: <{ns}>" for prefix, ns in PREFIXES.items()]
    return "\n".join([f"PREFIX : <{id_ns(slug)}>", *lines]) + "\n"


def statement_queries(slug: str):  # noqa: ANN201 - (select, ask) pair
    """``(q, a)``: SELECT and ASK over one statement (plus the ontology), prefixes included."""
    prefixes = statement_prefixes(slug)

    def q(body: str) -> list[dict[str, str]]:
        return select(prefixes + body, slug=slug)

    def a(body: str) -> bool:
        return ask(prefixes + body, slug=slug)

    return q, a


def source_text(slug: str) -> str:
    """The statement text exactly as the build reads it (no newline translation)."""
    with (ROOT / "data" / "sources" / f"{slug}.txt").open(encoding="utf-8", newline="") as handle:
        return handle.read()


def short(iri: str) -> str:
    """The local name of an IRI (after the last ``#`` or ``/``)."""
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]

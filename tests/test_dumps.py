"""Dumps: byte-identical across builds, parse back to the built graph, checksummed, described."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import VOID

from policygraph.build import build
from policygraph.dumps import write_dist
from policygraph.errors import DataFileError
from policygraph.void import DATASET, subset_iri

from conftest import ROOT, copy_project, same_graph

EXPECTED = {
    "policygraph.trig", "policygraph.ttl", "policygraph.nt", "policygraph.nq", "policygraph.jsonld",
    "void.ttl", "SHA256SUMS",
}


@pytest.fixture(scope="module")
def dist(built, tmp_path_factory) -> Path:  # noqa: ANN001
    out = tmp_path_factory.mktemp("dist") / "dist"
    write_dist(built, out)
    return out


def _cli_build(out: Path, seed: str) -> None:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    subprocess.run([sys.executable, "-m", "policygraph", "build", "--out", str(out)], cwd=ROOT, env=env, check=True, capture_output=True)


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    """Different hash seeds change set iteration order; the files must not change."""
    _cli_build(tmp_path / "a", "1")
    _cli_build(tmp_path / "b", "2")
    files_a = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(tmp_path / "b") for p in (tmp_path / "b").rglob("*") if p.is_file())
    assert files_a == files_b
    for rel in files_a:
        assert (tmp_path / "a" / rel).read_bytes() == (tmp_path / "b" / rel).read_bytes(), rel


def test_dist_holds_every_dump(dist: Path, built) -> None:  # noqa: ANN001
    names = {str(p.relative_to(dist)) for p in dist.rglob("*") if p.is_file()}
    assert EXPECTED <= names
    assert {f"statements/{s.slug}.ttl" for s in built.statements} <= names


@pytest.mark.parametrize(("name", "fmt"), [("policygraph.ttl", "turtle"), ("policygraph.nt", "nt"), ("policygraph.jsonld", "json-ld")])
def test_union_dumps_parse_back_same_graph(dist: Path, built, name: str, fmt: str) -> None:  # noqa: ANN001
    assert same_graph(Graph().parse(dist / name, format=fmt), built.union())


@pytest.mark.parametrize(("name", "fmt"), [("policygraph.trig", "trig"), ("policygraph.nq", "nquads")])
def test_dataset_dumps_keep_every_named_graph(dist: Path, built, name: str, fmt: str) -> None:  # noqa: ANN001
    ds = Dataset()
    ds.parse(dist / name, format=fmt)
    for iri, graph in built.graphs():
        assert same_graph(ds.graph(iri), graph), iri


def test_statement_dumps_match_their_graphs(dist: Path, built) -> None:  # noqa: ANN001
    for statement in built.statements:
        parsed = Graph().parse(dist / "statements" / f"{statement.slug}.ttl", format="turtle")
        assert same_graph(parsed, statement.graph), statement.slug


def test_checksums_match_the_files(dist: Path) -> None:
    lines = (dist / "SHA256SUMS").read_text(encoding="ascii").splitlines()
    assert len(lines) == len([p for p in dist.rglob("*") if p.is_file()]) - 1
    for line in lines:
        digest, name = line.split("  ", 1)
        assert hashlib.sha256((dist / name).read_bytes()).hexdigest() == digest, name


def test_void_describes_counts_licence_and_each_file(dist: Path, built) -> None:  # noqa: ANN001
    void = Graph().parse(dist / "void.ttl")
    assert void.value(DATASET, VOID.triples) == Literal(len(built.union()))
    assert void.value(DATASET, URIRef("http://purl.org/dc/terms/license")) is not None
    for statement in built.statements:
        assert void.value(subset_iri(statement.slug), VOID.triples).toPython() == len(statement.graph)
    dumps = {str(o).rsplit("/", 1)[-1] for o in void.objects(DATASET, VOID.dataDump)}
    assert {"policygraph.ttl", "policygraph.nt", "policygraph.trig", "policygraph.jsonld"} <= dumps


def test_jsonld_is_plain_json(dist: Path) -> None:
    assert isinstance(json.loads((dist / "policygraph.jsonld").read_text(encoding="utf-8")), list)


def test_failed_build_leaves_earlier_dist_untouched(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    out = tmp_path / "dist"
    write_dist(build(project), out)
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    statement = project.statements_dir / "soosr.ttl"
    statement.write_text(statement.read_text(encoding="utf-8") + "\n:x pg:evidence \"not in the text\" .\n", encoding="utf-8")
    with pytest.raises(DataFileError):
        write_dist(build(project), out)
    after = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dist", "project"]  # no staging left behind

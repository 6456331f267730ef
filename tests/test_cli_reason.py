"""``policygraph reason`` and ``policygraph build --reason``, run in-process.

The reasoner itself is tested in tests/reasoning/; here it is replaced by a fixed result, so these
tests check the door (output, exit codes, messages) and run without Java.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.namespace import RDF

import policygraph.cli.build
import policygraph.cli.reason
from policygraph.cli import main
from policygraph.namespaces import DPV, INFERRED_GRAPH, PG, id_ns
from policygraph.reasoning import Contradiction, Fact, Reasoning
from policygraph.store import store_from_dist

from conftest import copy_project

NS = id_ns("soosr")
FACT = Fact(NS["act-website-contact"], DPV.hasDataController, NS["soosr"], ("SOOSR kan worden aangemerkt",))


def _result(*contradictions: Contradiction) -> Reasoning:
    graph = Graph()
    graph.add((NS["act-website-contact"], RDF.type, PG.NoStatedLegalBasisActivity))
    return Reasoning(graph, contradictions, Counter())


@pytest.fixture
def soosr_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A throwaway project with SOOSR only, so the build is quick and sees no work in progress."""
    copy_project(tmp_path / "project")
    monkeypatch.setenv("POLICYGRAPH_HOME", str(tmp_path / "project"))
    return tmp_path


def _fake_reasoner(monkeypatch: pytest.MonkeyPatch, result: Reasoning) -> None:
    monkeypatch.setattr(policygraph.cli.reason, "java", lambda: "java")
    monkeypatch.setattr(policygraph.cli.reason, "reason", lambda built: result)
    monkeypatch.setattr(policygraph.cli.build, "reason", lambda built: result)


def test_without_java_reason_says_so_and_exits_2(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("JAVA_HOME", str(tmp_path / "no-java"))
    assert main(["reason"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("policygraph: error: the reasoner HermiT needs Java")
    assert "apt-get install default-jre-headless" in err and "Traceback" not in err


def test_without_java_the_build_still_works(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, soosr_home: Path
) -> None:
    monkeypatch.setenv("JAVA_HOME", str(soosr_home / "no-java"))
    assert main(["build", "--out", str(soosr_home / "dist")]) == 0
    assert (soosr_home / "dist" / "policygraph.nq").is_file()


def test_reason_writes_the_inferred_graph(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, soosr_home: Path
) -> None:
    _fake_reasoner(monkeypatch, _result())
    for name in ("inferred.ttl", "inferred.nt"):
        assert main(["reason", "--out", str(soosr_home / name)]) == 0
        written = Graph().parse(soosr_home / name)
        assert set(written) == set(_result().graph)
    assert (soosr_home / "inferred.nt").read_text().startswith("<https://w3id.org/policygraph/id/soosr/")
    assert "inferred 1 types; 0 contradictions" in capsys.readouterr().err


def test_reason_prints_turtle_without_out(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, soosr_home: Path
) -> None:
    _fake_reasoner(monkeypatch, _result())
    assert main(["reason"]) == 0
    assert set(Graph().parse(data=capsys.readouterr().out, format="turtle")) == set(_result().graph)


def test_contradictions_are_reported_with_quotes_and_exit_1(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, soosr_home: Path
) -> None:
    clash = Contradiction("soosr", PG.ControllerProcessorContradiction, "a party is both", FACT, FACT, (FACT,))
    _fake_reasoner(monkeypatch, _result(clash))
    assert main(["reason", "--out", str(soosr_home / "inferred.ttl")]) == 1
    err = capsys.readouterr().err
    assert "soosr: a party is both (pg:ControllerProcessorContradiction)" in err
    assert "“SOOSR kan worden aangemerkt”" in err


def test_build_reason_adds_the_inferred_graph_to_the_dumps(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, soosr_home: Path
) -> None:
    _fake_reasoner(monkeypatch, _result())
    assert main(["build", "--reason", "--out", str(soosr_home / "dist")]) == 0
    store = store_from_dist(soosr_home / "dist")
    rows = store.query(f"SELECT ?s ?o WHERE {{ GRAPH <{INFERRED_GRAPH}> {{ ?s a ?o }} }}")
    assert [(row["s"].value, row["o"].value) for row in rows] == [(str(s), str(o)) for s, _, o in _result().graph]

"""``policygraph query``, run in-process: canned queries, parameters, ad-hoc SPARQL, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from policygraph.cli import main

from conftest import ROOT

from endpoint_helpers import soosr_dist

FIXTURES = str(ROOT / "tests" / "fixtures" / "queries")
SOOSR = "https://w3id.org/policygraph/id/soosr/soosr"


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(soosr_dist(tmp_path_factory.mktemp("cli") / "dist"))


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_without_a_name_it_lists_the_catalogue(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "query", "--queries", FIXTURES)
    assert code == 0
    assert "controllers: Who are the controllers, and what are they called?" in out.splitlines()


def test_a_canned_query_prints_a_table(capsys: pytest.CaptureFixture[str], dist: str) -> None:
    code, out, _ = run(capsys, "query", "controllers", "--queries", FIXTURES, "--dist", dist)
    lines = out.splitlines()
    assert code == 0 and lines[0].split() == ["controller", "name"]
    assert any("SOOSR B.V." in line for line in lines[2:])
    assert lines[-1].startswith("(") and " row" in lines[-1]


def test_parameters_and_formats(capsys: pytest.CaptureFixture[str], dist: str) -> None:
    code, out, _ = run(capsys, "query", "controllers", "-p", f"controller={SOOSR}", "--format", "json",
                       "--queries", FIXTURES, "--dist", dist)
    assert code == 0
    assert [b["controller"]["value"] for b in json.loads(out)["results"]["bindings"]] == [SOOSR]
    code, out, _ = run(capsys, "query", "controller-graph", "-f", "ntriples", "--queries", FIXTURES, "--dist", dist)
    assert code == 0 and '"SOOSR B.V."' in out


def test_file_and_expression(capsys: pytest.CaptureFixture[str], dist: str, tmp_path: Path) -> None:
    code, out, _ = run(capsys, "query", "-e", "ASK { ?s ?p ?o }", "--dist", dist)
    assert (code, out) == (0, "true\n")
    query = tmp_path / "q.rq"
    query.write_text("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    code, out, _ = run(capsys, "query", "--file", str(query), "-f", "csv", "--dist", dist)
    assert code == 0 and out.startswith("n\r\n")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("query", "controllers", "-p", "colour=red"), "no parameter colour"),
        (("query", "controllers", "-p", "controller=relative"), "not an absolute IRI"),
        (("query", "nothing"), "no canned query named nothing"),
        (("query", "-e", "SELECT * WHERE {"), "line 1, column"),
        (("query", "-e", "CLEAR ALL"), "read-only"),
        (("query", "-e", "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"), "SERVICE"),
    ],
)
def test_mistakes_exit_2_with_one_line(capsys: pytest.CaptureFixture[str], dist: str, args: tuple[str, ...], message: str) -> None:
    code, _, err = run(capsys, *args, "--queries", FIXTURES, "--dist", dist)
    assert code == 2
    assert message in err and len(err.strip().splitlines()) == 1


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], dist: str) -> None:
    assert run(capsys, "query", "controllers", "-e", "ASK {}", "--dist", dist)[0] == 2
    assert run(capsys, "query", "controllers", "-p", "novalue", "--queries", FIXTURES, "--dist", dist)[0] == 2

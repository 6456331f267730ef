"""``policygraph validate``, run in-process: exit codes, every format parses, bad input (issue 4).

Fixtures in tests/fixtures/validation/: a minimal clean statement, the same with one violation,
and broken inputs each beside the text its error message must contain (expected.txt).
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
import pytest
from rdflib import Graph
from rdflib.namespace import RDF

from policygraph.cli import main
from policygraph.namespaces import SH

from conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "validation"
MINIMAL = str(FIXTURES / "minimal" / "soosr.ttl")
VIOLATION = str(FIXTURES / "violation" / "soosr.ttl")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["validate", "--jobs", "1", *args])
    out, err = capsys.readouterr()
    return code, out, err


# --- exit codes ----------------------------------------------------------------------------------


def test_a_clean_statement_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, MINIMAL, "--shapes", "encoding")
    assert code == 0
    assert out.splitlines()[-1] == "ok: 1 statement against encoding shapes: 0 violations, 0 warnings, 0 infos"


def test_a_violation_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, VIOLATION, "--shapes", "encoding")
    assert code == 1
    assert "pgsh:Process-purpose" in out and "act-website-contact" in out


def test_warnings_pass_unless_strict(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, MINIMAL, "--shapes", "art13")
    assert code == 0 and "13(2)(d)" in out
    code, _, _ = run(capsys, MINIMAL, "--shapes", "art13", "--strict")
    assert code == 1


def test_a_shapes_file_can_be_named_by_path(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, VIOLATION, "--shapes", str(ROOT / "shapes" / "encoding.ttl"))
    assert code == 1 and "against encoding shapes" in out


# --- bad input: exit 2, one line naming the file (and line) ------------------------------------


@pytest.mark.parametrize("case", ["syntax-error/soosr.ttl", "bad-quote/soosr.ttl", "no-source/acme.ttl"])
def test_bad_statement_files_exit_2_with_the_expected_message(case: str, capsys: pytest.CaptureFixture[str]) -> None:
    path = FIXTURES / case
    code, out, err = run(capsys, str(path), "--shapes", "encoding")
    assert code == 2 and out == ""
    assert err.startswith("policygraph: error: ") and len(err.strip().splitlines()) == 1
    for expected in (path.parent / "expected.txt").read_text(encoding="utf-8").splitlines():
        assert expected in err


def test_an_unparseable_shapes_file_exits_2_with_its_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, MINIMAL, "--shapes", str(FIXTURES / "bad-shapes.ttl"))
    assert code == 2
    for expected in (FIXTURES / "bad-shapes.expected.txt").read_text(encoding="utf-8").splitlines():
        assert expected in err


def test_unknown_shapes_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, MINIMAL, "--shapes", "gdpr-art99")
    assert code == 2
    assert "unknown shapes: not a family (encoding, art13, all) nor a file" in err


def test_a_missing_file_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, str(FIXTURES / "nowhere.ttl"))
    assert code == 2 and "does not exist" in err


# --- every format parses -------------------------------------------------------------------------


def test_json_parses(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, VIOLATION, "--format", "json")
    document = json.loads(out)
    assert code == 1 and document["conforms"] is False and document["statements"] == ["soosr"]
    violation = next(r for r in document["results"] if r["severity"] == "Violation")
    assert violation["shape"] == "pgsh:Process-purpose"
    assert violation["focus_node"] == "act-website-contact" and violation["path"] == "dpv:hasPurpose"
    assert violation["quote"].startswith("Via de onze website verzamelen wij enkel gegevens")


def test_junit_parses(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, VIOLATION, "--format", "junit")
    root = ET.fromstring(out.encode("utf-8"))
    suite = root.find("testsuite")
    assert code == 1 and suite is not None and suite.get("name") == "soosr"
    cases = suite.findall("testcase")
    failed = [c for c in cases if c.find("failure") is not None]
    assert [c.get("name") for c in failed] == ["pgsh:Process-purpose @ act-website-contact"]
    assert root.get("failures") == "1" and root.get("tests") == str(len(cases))


def test_junit_strict_turns_warnings_into_failures(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, MINIMAL, "--shapes", "art13", "--format", "junit", "--strict")
    suite = ET.fromstring(out.encode("utf-8")).find("testsuite")
    assert suite is not None and suite.get("failures") == suite.get("tests") != "0"


def test_turtle_is_the_validation_report(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, VIOLATION, "--format", "turtle", "--shapes", "encoding")
    graph = Graph().parse(data=out, format="turtle")
    report = next(graph.subjects(RDF.type, SH.ValidationReport))
    assert code == 1 and len(list(graph.objects(report, SH.result))) == 1


def test_text_is_the_default(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, MINIMAL)
    assert out.startswith("soosr (violations: 0, warnings: ")
    assert "Findings (x = the statement leaves this item out)" in out


def test_without_files_the_whole_project_is_validated(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--format", "junit", "--shapes", "encoding")
    assert code in (0, 1), err  # 1 only while a statement breaks an encoding rule (see test_encoding)
    suites = ET.fromstring(out.encode("utf-8")).findall("testsuite")
    assert {s.get("name") for s in suites} == {p.stem for p in (ROOT / "data" / "statements").glob("*.ttl")}

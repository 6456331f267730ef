"""``--format junit``: JUnit XML for CI dashboards.

One ``<testsuite>`` per statement and one ``<testcase>`` per shape × focus node that has results
(classname ``<statement>.<item>``). Violations are failures; warnings are failures only when the
run is strict, otherwise their text goes to ``<system-out>``. A statement without results gets one
passing test case so that it still shows on the dashboard.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from itertools import groupby

from ..report import Severity, ValidationReport, ValidationResult


def render(report: ValidationReport, strict: bool = False) -> str:
    root = ET.Element("testsuites", name=f"policygraph validate ({report.shapes.name} shapes)")
    total = failures = 0
    for statement in report.statements:
        suite = ET.SubElement(root, "testsuite", name=statement)
        results = sorted((r for r in report.results if r.statement == statement), key=_case_key)
        cases = [list(group) for _, group in groupby(results, key=_case_key)]
        failed = sum(_case(suite, statement, case, strict) for case in cases)
        if not cases:
            ET.SubElement(suite, "testcase", classname=f"{statement}.shapes", name=f"{report.shapes.name} shapes")
        suite.set("tests", str(max(1, len(cases))))
        suite.set("failures", str(failed))
        total += max(1, len(cases))
        failures += failed
    root.set("tests", str(total))
    root.set("failures", str(failures))
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def _case_key(result: ValidationResult) -> tuple[str, str, str]:
    return (result.item, result.shape, result.focus_node)


def _case(suite: ET.Element, statement: str, results: list[ValidationResult], strict: bool) -> bool:
    """Add one test case; True when it fails."""
    first = results[0]
    case = ET.SubElement(suite, "testcase", classname=f"{statement}.{first.item}",
                         name=f"{first.shape} @ {first.focus_node}")
    body = "\n".join(_describe(r) for r in results)
    worst = min((r.severity for r in results), key=list(Severity).index)
    if worst is Severity.VIOLATION or (strict and worst is Severity.WARNING):
        failure = ET.SubElement(case, "failure", type=f"sh:{worst.value}", message=first.message)
        failure.text = body
        return True
    ET.SubElement(case, "system-out").text = body
    return False


def _describe(result: ValidationResult) -> str:
    parts = [f"{result.severity.value}: {result.message}"]
    for label, value in (("activity", result.activity), ("path", result.path), ("value", result.value),
                         ("quote", result.quote)):
        if value:
            parts.append(f"{label}: {value}")
    return "\n".join(parts)

"""``--format text`` (default): per statement, each result with its activity, item, message and
quote; then the findings table (which statement leaves out which item) and a one-line summary."""

from __future__ import annotations

from ..report import Severity, ValidationReport, ValidationResult

QUOTE_CHARS = 160


def render(report: ValidationReport, strict: bool = False) -> str:
    lines: list[str] = []
    for statement in report.statements:
        results = [r for r in report.results if r.statement == statement]
        counts = ", ".join(f"{s.value.lower()}s: {sum(r.severity is s for r in results)}" for s in Severity)
        lines.append(f"{statement} ({counts})")
        for result in results:
            lines.extend(_result(result))
    lines.extend(findings_table(report))
    verdict = "FAILED" if report.failed(strict) else "ok"
    lines.append(f"{verdict}: {report.summary()}" + (" (--strict: warnings fail)" if strict else ""))
    return "\n".join(lines) + "\n"


def _result(result: ValidationResult) -> list[str]:
    where = result.focus_node
    if result.activity and result.activity != result.focus_node:
        where += f" (activity {result.activity})"
    lines = [f"  {result.severity.value.upper():<9} {result.item:<22} {where}", f"            {result.message}"]
    detail = [f"shape {result.shape}"]
    if result.path:
        detail.append(f"path {result.path}")
    if result.value:
        detail.append(f"value {result.value}")
    lines.append("            " + " · ".join(detail))
    if result.quote:
        quote = " ".join(result.quote.split())
        if len(quote) > QUOTE_CHARS:
            quote = quote[: QUOTE_CHARS - 1] + "…"
        lines.append(f"            “{quote}”")
    return lines


def findings_table(report: ValidationReport) -> list[str]:
    """Statements × finding items; ``x`` where the statement leaves the item out."""
    items = report.shapes.finding_items()
    if not items or not report.statements:
        return []
    findings = report.findings()
    width = max(len(s) for s in report.statements)
    lines = ["", "Findings (x = the statement leaves this item out)", f"  {'':<{width}} " + " ".join(items)]
    for statement in report.statements:
        marks = " ".join(("x" if item in findings[statement] else ".").center(len(item)) for item in items)
        lines.append(f"  {statement:<{width}} {marks}".rstrip())
    lines.append("")
    return lines

"""``--format json``: a summary and one object per result, fields as in ``ValidationResult``."""

from __future__ import annotations

import json
from dataclasses import asdict

from ..report import ValidationReport


def render(report: ValidationReport, strict: bool = False) -> str:
    document = {
        "shapes": report.shapes.name,
        "statements": report.statements,
        "conforms": report.conforms,
        "failed": report.failed(strict),
        "counts": {s.value: n for s, n in report.counts().items()},
        "results": [{**asdict(r), "severity": r.severity.value} for r in report.results],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"

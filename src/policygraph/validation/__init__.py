"""graph → validate: SHACL shapes over the built statements, reports as data.

::

    from policygraph.project import Project
    from policygraph.validation import validate_project

    report = validate_project(Project.discover(), shapes="all")
    report.raise_for_results()          # ValidationFailed on violations
    for statement, items in report.findings().items():
        print(statement, sorted(items))  # the GDPR Art. 13 findings table
"""

from __future__ import annotations

from .report import Severity, ValidationFailed, ValidationReport, ValidationResult
from .shapes import FAMILIES, Shapes, ShapesError, load_shapes
from .validate import validate_graph, validate_project, validate_statements

__all__ = [
    "FAMILIES",
    "Severity",
    "Shapes",
    "ShapesError",
    "ValidationFailed",
    "ValidationReport",
    "ValidationResult",
    "load_shapes",
    "validate_graph",
    "validate_project",
    "validate_statements",
]

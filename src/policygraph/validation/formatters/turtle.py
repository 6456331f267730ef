"""``--format turtle``: the ``sh:ValidationReport`` graph itself, with stable blank node labels."""

from __future__ import annotations

from ...bnodes import stable_bnodes
from ...namespaces import PG, SH
from ..report import ValidationReport
from ..shapes import PGSH


def render(report: ValidationReport, strict: bool = False) -> str:  # noqa: ARG001 - same signature for all formats
    graph = stable_bnodes(report.graph, "r")
    graph.bind("sh", SH)
    graph.bind("pgsh", PGSH)
    graph.bind("pg", PG)
    return graph.serialize(format="turtle")

"""Validation results as typed data, read from the ``sh:ValidationReport`` graph.

The report graph is the product (``--format turtle`` prints it); every other rendering is made
from the ``ValidationResult`` rows built here, one per top-level ``sh:result``, sorted so output
is stable. Fields stay fields: severity, statement, activity, shape, item, focus node, path,
value, message and the source quote.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF
from rdflib.term import Node

from ..errors import PolicyGraphError
from ..namespaces import PG, PREFIXES, SH, bind_prefixes, id_ns
from .shapes import PGSH, Shapes


class Severity(Enum):
    """SHACL severities, most serious first."""

    VIOLATION = "Violation"
    WARNING = "Warning"
    INFO = "Info"

    @property
    def iri(self) -> URIRef:
        return SH[self.value]

    @classmethod
    def from_iri(cls, iri: Node | None) -> Severity:
        for severity in cls:
            if iri == severity.iri:
                return severity
        return cls.VIOLATION  # SHACL: a shape without sh:severity reports violations


_RANK = {s: i for i, s in enumerate(Severity)}


@dataclass(frozen=True)
class ValidationResult:
    """One ``sh:result`` of the report, with where it sits in its statement."""

    statement: str
    severity: Severity
    shape: str
    item: str
    focus_node: str
    path: str | None
    value: str | None
    message: str
    activity: str | None
    quote: str | None
    component: str

    @property
    def sort_key(self) -> tuple:
        return (self.statement, _RANK[self.severity], self.item, self.shape, self.focus_node,
                self.path or "", self.value or "")


class ValidationFailed(PolicyGraphError):
    """The data breaks shapes: raised by ``ValidationReport.raise_for_results`` (CLI exit 1)."""

    def __init__(self, report: ValidationReport, strict: bool) -> None:
        self.report = report
        self.strict = strict
        super().__init__(report.summary())


@dataclass
class ValidationReport:
    """The merged ``sh:ValidationReport`` of several statements and its typed results."""

    graph: Graph
    shapes: Shapes
    statements: list[str]
    results: list[ValidationResult] = field(default_factory=list)

    @classmethod
    def from_graph(cls, graph: Graph, shapes: Shapes, statements: Iterable[str]) -> ValidationReport:
        rows = [_result(graph, shapes, node) for node in graph.objects(None, SH.result)]
        return cls(graph, shapes, sorted(statements), sorted(rows, key=lambda r: r.sort_key))

    def of(self, severity: Severity) -> list[ValidationResult]:
        return [r for r in self.results if r.severity is severity]

    @property
    def conforms(self) -> bool:
        """True when no result is a violation (warnings and infos are findings, not errors)."""
        return not self.of(Severity.VIOLATION)

    def failed(self, strict: bool = False) -> bool:
        """Violations, or with ``strict`` also warnings, make a run fail."""
        return not self.conforms or (strict and bool(self.of(Severity.WARNING)))

    def raise_for_results(self, strict: bool = False) -> None:
        """:raises ValidationFailed: when there are violations (or warnings, when ``strict``)."""
        if self.failed(strict):
            raise ValidationFailed(self, strict)

    def counts(self) -> dict[Severity, int]:
        return {s: len(self.of(s)) for s in Severity}

    def summary(self) -> str:
        counts = self.counts()
        parts = [f"{counts[s]} {s.value.lower()}{'' if counts[s] == 1 else 's'}" for s in Severity]
        n = len(self.statements)
        return f"{n} statement{'' if n == 1 else 's'} against {self.shapes.name} shapes: {', '.join(parts)}"

    def findings(self) -> dict[str, dict[str, list[ValidationResult]]]:
        """statement → item → its warnings and infos (the findings table; violations excluded)."""
        table: dict[str, dict[str, list[ValidationResult]]] = {s: {} for s in self.statements}
        for result in self.results:
            if result.severity is not Severity.VIOLATION:
                table.setdefault(result.statement, {}).setdefault(result.item, []).append(result)
        return table


def merge_reports(reports: Iterable[Graph]) -> Graph:
    """One ``sh:ValidationReport`` holding the results of several (one per statement)."""
    merged = Graph()
    bind_prefixes(merged)
    merged.bind("pgsh", PGSH)
    root = BNode("report")
    merged.add((root, RDF.type, SH.ValidationReport))
    conforms = True
    for report in reports:
        roots = set(report.subjects(RDF.type, SH.ValidationReport))
        conforms &= all(report.value(r, SH.conforms) != Literal(False) for r in roots)
        for s, p, o in report:
            if s not in roots:
                merged.add((s, p, o))
            elif p == SH.result:
                merged.add((root, SH.result, o))
    merged.add((root, SH.conforms, Literal(conforms)))
    return merged


def slug_of(statement: Node | None) -> str:
    """``.../graph/<slug>`` → ``<slug>``."""
    return str(statement).rstrip("/").rsplit("/", 1)[-1] if statement is not None else ""


def short(node: Node | None, slug: str = "") -> str:
    """A readable name: local name within the statement, a CURIE, a quoted literal, or ``[]``."""
    if node is None:
        return ""
    if isinstance(node, URIRef):
        local = str(id_ns(slug)) if slug else None
        if local and str(node).startswith(local):
            return str(node)[len(local):]
        for prefix, ns in PREFIXES.items():
            if str(node).startswith(str(ns)) and len(str(node)) > len(str(ns)):
                return f"{prefix}:{str(node)[len(str(ns)):]}"
        for prefix, ns in (("pgsh", PGSH), ("sh", SH)):
            if str(node).startswith(str(ns)):
                return f"{prefix}:{str(node)[len(str(ns)):]}"
        return f"<{node}>"
    if isinstance(node, Literal):
        return node.n3()
    return "[]"


def render_path(graph: Graph, path: Node | None, slug: str = "") -> str | None:
    """A SHACL property path in SPARQL property path syntax."""
    if path is None:
        return None
    if isinstance(path, URIRef):
        return short(path, slug)
    if (path, RDF.first, None) in graph:
        return "/".join(_part(graph, p, slug) for p in Collection(graph, path))
    for predicate, fmt in ((SH.inversePath, "^{}"), (SH.zeroOrMorePath, "{}*"),
                           (SH.oneOrMorePath, "{}+"), (SH.zeroOrOnePath, "{}?")):
        inner = graph.value(path, predicate)
        if inner is not None:
            return fmt.format(_part(graph, inner, slug))
    alternatives = graph.value(path, SH.alternativePath)
    if alternatives is not None:
        return "|".join(_part(graph, p, slug) for p in Collection(graph, alternatives))
    return "[]"


def _part(graph: Graph, path: Node, slug: str) -> str:
    text = render_path(graph, path, slug) or ""
    return f"({text})" if "|" in text or "/" in text else text


def _result(graph: Graph, shapes: Shapes, node: Node) -> ValidationResult:
    slug = slug_of(graph.value(node, PGSH.statement))
    shape = graph.value(node, SH.sourceShape)
    info = shapes.info.get(shape) if isinstance(shape, URIRef) else None
    messages = sorted(str(m) for m in graph.objects(node, SH.resultMessage))
    quote = graph.value(node, PG.quote)
    activity = graph.value(node, PGSH.activity)
    return ValidationResult(
        statement=slug,
        severity=Severity.from_iri(graph.value(node, SH.resultSeverity)),
        shape=short(shape, slug),
        item=info.item if info else short(shape, slug),
        focus_node=short(graph.value(node, SH.focusNode), slug),
        path=render_path(graph, graph.value(node, SH.resultPath), slug),
        value=short(graph.value(node, SH.value), slug) or None,
        message="; ".join(messages) or (info.message if info else ""),
        activity=short(activity, slug) if activity is not None else None,
        quote=str(quote) if quote is not None else None,
        component=short(graph.value(node, SH.sourceConstraintComponent), slug),
    )

"""Where a validation result sits in its statement: the activity it concerns and a quote to show.

pySHACL reports a focus node; a reader wants "which processing activity, and what does the text
say". Both are looked up in the statement's data graph and written onto the result node of the
report (``pgsh:statement``, ``pgsh:activity``, ``pg:quote``), so that the report graph carries
everything the text, JSON and JUnit renderings show.
"""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF
from rdflib.term import Node

from ..namespaces import DPV, OA, PG, SH
from .shapes import PGSH

#: How far up (incoming edges) to look for the activity a node belongs to, e.g. a duration
#: inside a storage condition inside an activity is two steps away.
MAX_HOPS = 3
#: Edges that point at a node without containing it.
_NOT_CONTAINMENT = {DPV.hasNotice, PG.concerns, OA.hasBody, PG.supports}


def activity_of(data: Graph, node: Node) -> URIRef | None:
    """The ``dpv:Process`` that ``node`` is, or hangs from (at most ``MAX_HOPS`` edges up).

    ``None`` for the statement itself (activities point to it with ``dpv:hasNotice``) and for
    nodes shared by several activities at the same distance.
    """
    frontier = {_body(data, node)}
    seen: set[Node] = set()
    for _ in range(MAX_HOPS + 1):
        processes = {n for n in frontier if isinstance(n, URIRef) and (n, RDF.type, DPV.Process) in data}
        if processes:
            return processes.pop() if len(processes) == 1 else None
        seen |= frontier
        frontier = {s for n in frontier for s, p in data.subject_predicates(n) if p not in _NOT_CONTAINMENT} - seen
    return None


def quote_of(data: Graph, node: Node, value: Node | None = None) -> str | None:
    """A quote backing ``node``: the one that supports ``value`` if any, else the first one for
    the node as a whole, else the first in text order. ``None`` when the node has no evidence."""
    if (node, RDF.type, OA.Annotation) in data:
        return _literal(data.value(node, PG.quote))
    annotations = sorted(data.objects(node, PG.hasEvidence), key=lambda a: _start(data, a))
    if not annotations:
        return None
    supporting = [a for a in annotations if value is not None and (a, PG.supports, value) in data]
    whole = [a for a in annotations if (a, PG.supports, None) not in data]
    chosen = (supporting or whole or annotations)[0]
    return _literal(data.value(chosen, PG.quote))


def annotate(report: Graph, data: Graph, statement: URIRef) -> None:
    """Write statement, activity and quote onto every top-level result of ``report``, in place."""
    for result in list(report.subjects(RDF.type, SH.ValidationResult)):
        if (None, SH.detail, result) in report:
            continue
        focus = report.value(result, SH.focusNode)
        if focus is None:
            continue
        report.add((result, PGSH.statement, statement))
        activity = activity_of(data, focus)
        if activity is not None:
            report.add((result, PGSH.activity, activity))
        if (focus, RDF.type, DPV.PrivacyNotice) in data:
            continue  # an item the statement leaves out has nothing to quote
        quote = quote_of(data, focus, report.value(result, SH.value))
        if quote is None and activity is not None:
            quote = quote_of(data, activity)
        if quote is not None:
            report.add((result, PG.quote, Literal(quote)))


def _body(data: Graph, node: Node) -> Node:
    """For an evidence annotation, the node it backs; otherwise the node itself."""
    body = data.value(node, OA.hasBody) if (node, RDF.type, OA.Annotation) in data else None
    return body if body is not None else node


def _start(data: Graph, annotation: Node) -> tuple[int, str]:
    for target in data.objects(annotation, OA.hasTarget):
        for selector in data.objects(target, OA.hasSelector):
            start = data.value(selector, OA.start)
            if isinstance(start, Literal):
                return int(start), str(annotation)
    return (1 << 62), str(annotation)


def _literal(value: Node | None) -> str | None:
    return str(value) if isinstance(value, Literal) else None

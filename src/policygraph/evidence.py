"""Resolve curators' evidence quotes into W3C Web Annotations with character offsets.

Curators write only the quote, on the node it backs::

    :act-contact pg:evidence "Na twee jaar worden deze gegevens gewist." .
    :statement  pg:evidence [ pg:quote "op uw verzoek" ; pg:prefix "binnen één maand," ;
                              pg:supports eu-gdpr:A15 ] .

The build replaces every ``pg:evidence`` with ``pg:hasEvidence`` pointing at an ``oa:Annotation``
whose target is the source text, selected both by quote (``oa:TextQuoteSelector``) and by
position (``oa:TextPositionSelector``, offsets in Unicode code points, end exclusive).

Matching treats any run of whitespace in the quote as any run of whitespace in the text (the
sources carry non-breaking spaces and layout remnants); the span recorded is the verbatim text.
A quote must match exactly once; a ``pg:prefix`` (text right before the quote) disambiguates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD
from rdflib.term import Node

from .errors import EvidenceError
from .namespaces import OA, PG

CONTEXT_CHARS = 32


@dataclass(frozen=True)
class Span:
    """A resolved quote: ``text[start:end] == exact``."""

    start: int
    end: int
    exact: str


def _flexible(text: str) -> str:
    """Regex for ``text`` in which every whitespace run matches any whitespace run."""
    words = text.split()
    return r"\s+".join(re.escape(w) for w in words)


def find_span(source: str, quote: str, prefix: str | None = None) -> list[Span]:
    """All places where ``quote`` (optionally right after ``prefix``) occurs in ``source``.

    A quote that starts or ends with a letter or digit must not start or end inside a word, so
    "naam" does not match inside "achternaam".
    """
    if not quote.split():
        return []
    pattern = _flexible(quote)
    if quote.strip()[0].isalnum():
        pattern = r"(?<!\w)" + pattern
    if quote.strip()[-1].isalnum():
        pattern += r"(?!\w)"
    if prefix:
        pattern = f"{_flexible(prefix)}\\s*({pattern})"
        return [Span(m.start(1), m.end(1), m.group(1)) for m in re.finditer(pattern, source)]
    return [Span(m.start(), m.end(), m.group(0)) for m in re.finditer(pattern, source)]


def _line_of(ttl_lines: list[str], quote: str) -> int | None:
    """Line in the Turtle file where the quote is written, for error messages."""
    needle = quote.split("\n")[0][:60]
    for number, line in enumerate(ttl_lines, start=1):
        if needle in line:
            return number
    return None


def _quote_spec(graph: Graph, value: Node) -> tuple[str, str | None, list[Node]]:
    """(quote, prefix, supports) of one ``pg:evidence`` value."""
    if isinstance(value, Literal):
        return str(value), None, []
    quote = graph.value(value, PG.quote)
    if quote is None:
        raise ValueError("evidence node without pg:quote")
    prefix = graph.value(value, PG.prefix)
    supports = sorted(graph.objects(value, PG.supports))
    return str(quote), (str(prefix) if prefix is not None else None), supports


def resolve_evidence(
    graph: Graph, source_text: str, source_iri: URIRef, ttl_path: Path
) -> int:
    """Replace curators' ``pg:evidence`` in ``graph`` by resolved annotations, in place.

    :returns: the number of annotations written.
    :raises EvidenceError: naming file, line and quote when a quote is not found, is found
        more than once, or is malformed.
    """
    ttl_lines = ttl_path.read_text(encoding="utf-8").splitlines()  # for error lines only
    count = 0
    for node, value in sorted(graph.subject_objects(PG.evidence)):
        try:
            quote, prefix, supports = _quote_spec(graph, value)
        except ValueError as exc:
            raise EvidenceError(ttl_path, str(exc)) from None
        spans = find_span(source_text, quote, prefix)
        if not spans:
            raise EvidenceError(
                ttl_path, f"evidence quote not found in {source_iri}: {quote!r}", _line_of(ttl_lines, quote)
            )
        if len(spans) > 1:
            raise EvidenceError(
                ttl_path,
                f"evidence quote matches {len(spans)} times (add pg:prefix to choose one): "
                f"{quote!r} at offsets {[s.start for s in spans]}",
                _line_of(ttl_lines, quote),
            )
        _write_annotation(graph, node, spans[0], source_text, source_iri, supports)
        graph.remove((node, PG.evidence, value))
        if isinstance(value, BNode):
            graph.remove((value, None, None))
        count += 1
    return count


def _write_annotation(
    graph: Graph,
    body: Node,
    span: Span,
    source_text: str,
    source_iri: URIRef,
    supports: list[Node],
) -> None:
    ann, target, by_quote, by_pos = BNode(), BNode(), BNode(), BNode()
    graph.add((body, PG.hasEvidence, ann))
    graph.add((ann, RDF.type, OA.Annotation))
    graph.add((ann, OA.motivatedBy, OA.describing))
    graph.add((ann, OA.hasBody, body))
    graph.add((ann, PG.quote, Literal(span.exact)))
    for value in supports:
        graph.add((ann, PG.supports, value))
    graph.add((ann, OA.hasTarget, target))
    graph.add((target, RDF.type, OA.SpecificResource))
    graph.add((target, OA.hasSource, source_iri))
    graph.add((target, OA.hasSelector, by_quote))
    graph.add((target, OA.hasSelector, by_pos))
    graph.add((by_quote, RDF.type, OA.TextQuoteSelector))
    graph.add((by_quote, OA.exact, Literal(span.exact)))
    graph.add((by_quote, OA.prefix, Literal(source_text[max(0, span.start - CONTEXT_CHARS) : span.start])))
    graph.add((by_quote, OA.suffix, Literal(source_text[span.end : span.end + CONTEXT_CHARS])))
    graph.add((by_pos, RDF.type, OA.TextPositionSelector))
    graph.add((by_pos, OA.start, Literal(span.start, datatype=XSD.nonNegativeInteger)))
    graph.add((by_pos, OA.end, Literal(span.end, datatype=XSD.nonNegativeInteger)))

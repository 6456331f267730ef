"""Formats we serve and serialising query results into them, within a size limit.

``RESULT_FORMATS`` carry SELECT and ASK results (SPARQL 1.1 Query Results JSON, XML, CSV, TSV);
``GRAPH_FORMATS`` carry triples (CONSTRUCT, DESCRIBE, the service description, a graph from the
graph store). The first of each list is the default. TriG and N-Quads come last: for a named
graph they keep its name, for anything else they hold the default graph.

The serialiser writes into :class:`CappedBuffer`, which raises as soon as the limit is passed,
so an oversized result never sits in memory whole and never reaches the client truncated.
"""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox

from .errors import ResultTooLarge
from .negotiation import Format

JSON = Format("json", "application/sparql-results+json", ("application/json",))
XML = Format("xml", "application/sparql-results+xml", ("application/xml", "text/xml"))
CSV = Format("csv", "text/csv")
TSV = Format("tsv", "text/tab-separated-values")

TURTLE = Format("turtle", "text/turtle", ("ttl", "application/turtle", "application/x-turtle"))
NTRIPLES = Format("ntriples", "application/n-triples", ("nt", "n-triples", "text/plain"))
JSONLD = Format("jsonld", "application/ld+json", ("json-ld", "json", "application/json", "application/x-json+ld"))
RDFXML = Format("rdfxml", "application/rdf+xml", ("rdf+xml", "rdf", "xml", "application/xml", "text/xml"))
N3 = Format("n3", "text/n3", ("text/rdf+n3", "application/n3"))
TRIG = Format("trig", "application/trig")
NQUADS = Format("nquads", "application/n-quads", ("nq", "n-quads"))

RESULT_FORMATS: tuple[Format, ...] = (JSON, XML, CSV, TSV)
GRAPH_FORMATS: tuple[Format, ...] = (TURTLE, NTRIPLES, JSONLD, RDFXML, N3, TRIG, NQUADS)

_RESULTS_OX = {
    JSON.name: ox.QueryResultsFormat.JSON,
    XML.name: ox.QueryResultsFormat.XML,
    CSV.name: ox.QueryResultsFormat.CSV,
    TSV.name: ox.QueryResultsFormat.TSV,
}
_RDF_OX = {
    TURTLE.name: ox.RdfFormat.TURTLE,
    NTRIPLES.name: ox.RdfFormat.N_TRIPLES,
    JSONLD.name: ox.RdfFormat.JSON_LD,
    RDFXML.name: ox.RdfFormat.RDF_XML,
    N3.name: ox.RdfFormat.N3,
    TRIG.name: ox.RdfFormat.TRIG,
    NQUADS.name: ox.RdfFormat.N_QUADS,
}

#: The IRIs of the W3C format registry (https://www.w3.org/ns/formats/) for the service description.
FORMAT_IRIS = {
    JSON.name: "http://www.w3.org/ns/formats/SPARQL_Results_JSON",
    XML.name: "http://www.w3.org/ns/formats/SPARQL_Results_XML",
    CSV.name: "http://www.w3.org/ns/formats/SPARQL_Results_CSV",
    TSV.name: "http://www.w3.org/ns/formats/SPARQL_Results_TSV",
    TURTLE.name: "http://www.w3.org/ns/formats/Turtle",
    NTRIPLES.name: "http://www.w3.org/ns/formats/N-Triples",
    JSONLD.name: "http://www.w3.org/ns/formats/JSON-LD",
    RDFXML.name: "http://www.w3.org/ns/formats/RDF_XML",
    N3.name: "http://www.w3.org/ns/formats/N3",
    TRIG.name: "http://www.w3.org/ns/formats/TriG",
    NQUADS.name: "http://www.w3.org/ns/formats/N-Quads",
}

Result = ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples


class CappedBuffer:
    """A binary writer that refuses to grow past ``limit`` bytes."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.size = 0
        self._parts: list[bytes] = []

    def write(self, data: bytes) -> int:
        self.size += len(data)
        if self.size > self.limit:
            raise ResultTooLarge(
                f"the result is larger than the limit of {self.limit:,} bytes; "
                "add LIMIT or narrow the query"
            )
        self._parts.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        """Nothing to flush: present because the serialisers call it."""

    def getvalue(self) -> bytes:
        return b"".join(self._parts)


def offered_for(result: Result) -> tuple[Format, ...]:
    """The formats that can carry ``result``: solutions and booleans, or triples."""
    return GRAPH_FORMATS if isinstance(result, ox.QueryTriples) else RESULT_FORMATS


def serialise_result(result: Result, fmt: Format, limit: int, prefixes: dict[str, str] | None = None) -> bytes:
    """``result`` of ``Store.query`` in ``fmt``, at most ``limit`` bytes.

    :param prefixes: prefixes for graph results in formats that use them (Turtle, TriG, N3, RDF/XML).
    :raises ResultTooLarge: when the serialisation passes ``limit``.
    """
    if isinstance(result, ox.QueryTriples):
        return serialise_rdf(result, fmt, limit, prefixes)
    buffer = CappedBuffer(limit)
    result.serialize(buffer, _RESULTS_OX[fmt.name])
    return buffer.getvalue()


def serialise_rdf(
    statements: Iterable[ox.Triple] | Iterable[ox.Quad],
    fmt: Format,
    limit: int,
    prefixes: dict[str, str] | None = None,
) -> bytes:
    """Triples or quads in an RDF format (quads only for TriG and N-Quads), at most ``limit`` bytes.

    :raises ResultTooLarge: when the serialisation passes ``limit``.
    """
    buffer = CappedBuffer(limit)
    ox.serialize(statements, buffer, _RDF_OX[fmt.name], prefixes=prefixes)
    return buffer.getvalue()


def keeps_graph_names(fmt: Format) -> bool:
    """True for TriG and N-Quads, which then write a graph's name (JSON-LD could, but a JSON-LD
    reader expecting one graph would then find an empty default graph)."""
    return fmt in (TRIG, NQUADS)

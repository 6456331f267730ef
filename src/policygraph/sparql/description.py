"""The SPARQL 1.1 Service Description (https://www.w3.org/TR/sparql11-service-description/) of the
endpoint: where it is, what it speaks, and the dataset it serves — the default graph being the
union of all named graphs, which the description says in words and with ``sd:UnionDefaultGraph``.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

import pyoxigraph as ox

from ..namespaces import SD
from .engine import DatasetInfo
from .negotiation import Format
from .results import FORMAT_IRIS, GRAPH_FORMATS, RESULT_FORMATS, serialise_rdf

RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
DCT = "http://purl.org/dc/terms/"
VOID = "http://rdfs.org/ns/void#"
PREFIXES = {"sd": str(SD), "dct": DCT, "void": VOID, "formats": "http://www.w3.org/ns/formats/"}

DESCRIPTION = (
    "Read-only SPARQL 1.1 endpoint of policygraph: Dutch privacy statements as a DPV knowledge graph. "
    "The default graph is the union of all named graphs; each statement is also its own named graph. "
    "Updates, SERVICE and FROM naming graphs not held here are refused; queries have a time limit "
    "and a result-size limit."
)


def _sd(name: str) -> ox.NamedNode:
    return ox.NamedNode(f"{SD}{name}")


def _triples(endpoint: str, info: DatasetInfo, void_url: str | None) -> Iterator[ox.Triple]:
    service = ox.NamedNode(endpoint)
    yield ox.Triple(service, RDF_TYPE, _sd("Service"))
    yield ox.Triple(service, _sd("endpoint"), service)
    yield ox.Triple(service, _sd("supportedLanguage"), _sd("SPARQL11Query"))
    yield ox.Triple(service, _sd("feature"), _sd("UnionDefaultGraph"))
    yield ox.Triple(service, ox.NamedNode(DCT + "description"), ox.Literal(DESCRIPTION, language="en"))
    for fmt in (*RESULT_FORMATS, *GRAPH_FORMATS):
        yield ox.Triple(service, _sd("resultFormat"), ox.NamedNode(FORMAT_IRIS[fmt.name]))
    dataset = ox.BlankNode("dataset")
    yield ox.Triple(service, _sd("defaultDataset"), dataset)
    yield ox.Triple(dataset, RDF_TYPE, _sd("Dataset"))
    if void_url:
        yield ox.Triple(dataset, ox.NamedNode(DCT + "source"), ox.NamedNode(void_url))
    default = ox.BlankNode("default")
    yield ox.Triple(dataset, _sd("defaultGraph"), default)
    yield ox.Triple(default, RDF_TYPE, _sd("Graph"))
    yield ox.Triple(default, ox.NamedNode(DCT + "description"), ox.Literal("The union of all named graphs.", language="en"))
    for index, (name, triples) in enumerate(info.graphs.items()):
        named, graph = ox.BlankNode(f"named{index}"), ox.BlankNode(f"graph{index}")
        yield ox.Triple(dataset, _sd("namedGraph"), named)
        yield ox.Triple(named, RDF_TYPE, _sd("NamedGraph"))
        yield ox.Triple(named, _sd("name"), ox.NamedNode(name))
        yield ox.Triple(named, _sd("graph"), graph)
        yield ox.Triple(graph, RDF_TYPE, _sd("Graph"))
        yield ox.Triple(graph, ox.NamedNode(VOID + "triples"), ox.Literal(str(triples), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")))


class ServiceDescription:
    """Renders (and caches) the description for each endpoint URL a client reached us by."""

    def __init__(self, info: DatasetInfo) -> None:
        self.info = info
        self.render = lru_cache(maxsize=64)(self._render)

    def _render(self, endpoint: str, fmt: Format, void_url: str | None = None) -> bytes:
        """The description of the endpoint at ``endpoint`` in ``fmt``."""
        triples = list(_triples(endpoint, self.info, void_url))
        return serialise_rdf(triples, fmt, limit=16 * 1024 * 1024, prefixes=PREFIXES)

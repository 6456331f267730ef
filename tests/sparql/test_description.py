"""The service description parses, names its own endpoint and says the default graph is the union."""

from __future__ import annotations

from rdflib import Literal, Namespace, URIRef

from policygraph.sparql.description import ServiceDescription
from policygraph.sparql.engine import Engine
from policygraph.sparql.results import GRAPH_FORMATS

from endpoint_helpers import parse_rdf

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
URL = "http://localhost:8080/sparql"


def test_description_in_every_graph_format(engine: Engine) -> None:
    description = ServiceDescription(engine.info)
    for fmt in GRAPH_FORMATS:
        graph = parse_rdf(description.render(URL, fmt), fmt.content_type)
        assert (URIRef(URL), SD.endpoint, URIRef(URL)) in graph, fmt.name


def test_description_content(engine: Engine) -> None:
    fmt = GRAPH_FORMATS[0]
    graph = parse_rdf(ServiceDescription(engine.info).render(URL, fmt, "http://localhost:8080/.well-known/void"), fmt.content_type)
    service = URIRef(URL)
    assert (service, SD.feature, SD.UnionDefaultGraph) in graph
    assert (service, SD.supportedLanguage, SD.SPARQL11Query) in graph
    assert (None, SD.name, URIRef("https://w3id.org/policygraph/graph/soosr")) in graph
    assert (None, None, Literal("The union of all named graphs.", lang="en")) in graph

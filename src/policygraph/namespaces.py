"""Every IRI base the project uses, named once.

Data IRIs follow one scheme so that a newcomer can read where a node lives:

- ``PG``                    the project ontology (classes, properties, concepts)
- ``ID[<slug>/...]``        nodes of one privacy statement (``id_ns(slug)``)
- ``GRAPH[<slug>]``         the named graph of one statement (``statement_graph(slug)``)
- ``GRAPH.ontology``        ontology + DPV extract; ``GRAPH.inferred`` reasoner output
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS, VOID, XSD

BASE = "https://w3id.org/policygraph/"

PG = Namespace(BASE + "ns#")
ID = Namespace(BASE + "id/")
GRAPH = Namespace(BASE + "graph/")

DPV = Namespace("https://w3id.org/dpv#")
PD = Namespace("https://w3id.org/dpv/pd#")
EU_GDPR = Namespace("https://w3id.org/dpv/legal/eu/gdpr#")
LEGAL_EU = Namespace("https://w3id.org/dpv/legal/eu#")
LEGAL_NL = Namespace("https://w3id.org/dpv/legal/nl#")
LOC = Namespace("https://w3id.org/dpv/loc#")
TECH = Namespace("https://w3id.org/dpv/tech#")
OA = Namespace("http://www.w3.org/ns/oa#")
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
SH = Namespace("http://www.w3.org/ns/shacl#")

#: DPV namespaces whose terms must come from the DPV extract (or full DPV).
DPV_NAMESPACES: dict[str, Namespace] = {
    "dpv": DPV,
    "pd": PD,
    "eu-gdpr": EU_GDPR,
    "legal-eu": LEGAL_EU,
    "legal-nl": LEGAL_NL,
    "loc": LOC,
    "tech": TECH,
}

#: Prefixes bound on every graph the project writes.
PREFIXES: dict[str, Namespace] = {
    "pg": PG,
    **DPV_NAMESPACES,
    "oa": OA,
    "dct": Namespace(str(DCTERMS)),
    "dcat": Namespace(str(DCAT)),
    "void": Namespace(str(VOID)),
    "foaf": Namespace(str(FOAF)),
    "prov": Namespace(str(PROV)),
    "skos": Namespace(str(SKOS)),
    "owl": Namespace(str(OWL)),
    "rdfs": Namespace(str(RDFS)),
    "rdf": Namespace(str(RDF)),
    "xsd": Namespace(str(XSD)),
    "sd": SD,
}

ONTOLOGY_GRAPH = GRAPH["ontology"]
INFERRED_GRAPH = GRAPH["inferred"]


def id_ns(slug: str) -> Namespace:
    """Namespace of the nodes of one statement, e.g. ``.../id/soosr/``."""
    return Namespace(f"{ID}{slug}/")


def statement_graph(slug: str) -> URIRef:
    """IRI of the named graph holding one statement."""
    return GRAPH[slug]


def is_dpv_term(iri: URIRef) -> bool:
    """True for an IRI in one of the DPV namespaces the project uses."""
    return any(str(iri).startswith(str(ns)) for ns in DPV_NAMESPACES.values())


def bind_prefixes(graph) -> None:  # noqa: ANN001 - Graph or Dataset
    """Bind the project's prefixes so dumps read the same everywhere."""
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, URIRef(str(ns)), override=True, replace=True)

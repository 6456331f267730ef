"""The VoID + DCAT description of a build: what the dataset is and what each file holds."""

from __future__ import annotations

import hashlib
from importlib.metadata import PackageNotFoundError, version

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, VOID, XSD

from .namespaces import BASE, ONTOLOGY_GRAPH, PG, bind_prefixes
from .sources import source_iri

DATASET = URIRef(BASE + "dataset")
DUMPS_BASE = BASE + "dumps/"
SPDX = "http://spdx.org/rdf/terms#"
LICENCE = URIRef("https://creativecommons.org/licenses/by/4.0/")
DPV_LICENCE = URIRef("https://www.w3.org/copyright/document-license-2023/")

MEDIA_TYPES = {
    ".trig": "application/trig",
    ".ttl": "text/turtle",
    ".nt": "application/n-triples",
    ".nq": "application/n-quads",
    ".jsonld": "application/ld+json",
}


def project_version() -> str:
    try:
        return version("policygraph")
    except PackageNotFoundError:  # running from a checkout without install
        return "0.0.0+unknown"


def subset_iri(name: str) -> URIRef:
    return URIRef(f"{DATASET}/{name}")


def describe(built, files: dict[str, bytes]) -> str:  # noqa: ANN001 - BuiltGraph (import cycle)
    """VoID/DCAT Turtle for a build whose dump files are ``files`` (name → bytes)."""
    g = Graph()
    bind_prefixes(g)
    g.bind("spdx", SPDX)
    ds = DATASET
    g.add((ds, RDF.type, VOID.Dataset))
    g.add((ds, RDF.type, DCAT.Dataset))
    g.add((ds, DCTERMS.title, Literal("policygraph: Dutch privacy statements as a DPV knowledge graph", lang="en")))
    g.add((ds, DCTERMS.description, Literal(
        "Five Dutch privacy statements encoded against the W3C Data Privacy Vocabulary (DPV 2.3), "
        "every fact backed by a verbatim quote of its statement.", lang="en")))
    g.add((ds, DCTERMS.license, LICENCE))
    g.add((ds, URIRef(str(DCAT) + "version"), Literal(project_version())))
    g.add((ds, DCTERMS.publisher, URIRef(BASE)))
    g.add((URIRef(BASE), RDF.type, FOAF.Project))
    g.add((URIRef(BASE), FOAF.name, Literal("policygraph")))
    g.add((ds, DCTERMS.conformsTo, URIRef("https://w3id.org/dpv")))
    g.add((ds, VOID.vocabulary, URIRef("https://w3id.org/dpv#")))
    g.add((ds, VOID.vocabulary, URIRef(str(PG))))
    union = built.union()
    _counts(g, ds, union)

    for name, graph in built.graphs():
        sub = subset_iri(str(name).rsplit("/", 1)[-1])
        g.add((ds, VOID.subset, sub))
        g.add((sub, RDF.type, VOID.Dataset))
        g.add((sub, PG.namedGraph, name))
        _counts(g, sub, graph)
        if name == ONTOLOGY_GRAPH:
            g.add((sub, DCTERMS.title, Literal("policygraph ontology and DPV 2.3 extract", lang="en")))
            g.add((sub, DCTERMS.license, DPV_LICENCE))
    for statement in built.statements:
        sub = subset_iri(statement.slug)
        g.add((sub, DCTERMS.source, source_iri(statement.slug)))
        g.add((sub, PG.evidenceQuotes, Literal(statement.quotes, datatype=XSD.integer)))

    for name in sorted(files):
        dist = URIRef(DUMPS_BASE + name)
        owner = ds
        if name.startswith("statements/"):
            owner = subset_iri(name.split("/", 1)[1].rsplit(".", 1)[0])
        else:
            g.add((ds, VOID.dataDump, dist))
        g.add((owner, DCAT.distribution, dist))
        g.add((dist, RDF.type, DCAT.Distribution))
        g.add((dist, DCAT.downloadURL, dist))
        g.add((dist, DCAT.mediaType, URIRef("https://www.iana.org/assignments/media-types/" + MEDIA_TYPES["." + name.rsplit(".", 1)[1]])))
        g.add((dist, DCAT.byteSize, Literal(len(files[name]), datatype=XSD.nonNegativeInteger)))
        checksum = BNode(f"sum_{name.replace('/', '_').replace('.', '_').replace('-', '_')}")
        g.add((dist, URIRef(SPDX + "checksum"), checksum))
        g.add((checksum, RDF.type, URIRef(SPDX + "Checksum")))
        g.add((checksum, URIRef(SPDX + "algorithm"), URIRef(SPDX + "checksumAlgorithm_sha256")))
        g.add((checksum, URIRef(SPDX + "checksumValue"), Literal(sha256(files[name]), datatype=XSD.hexBinary)))
    return g.serialize(format="turtle")


def sha256(data: bytes) -> str:
    """Hex SHA-256 of a dump file, as written to SHA256SUMS and to the VoID checksums."""
    return hashlib.sha256(data).hexdigest()


def _counts(g: Graph, node: URIRef, graph: Graph) -> None:
    g.add((node, VOID.triples, Literal(len(graph), datatype=XSD.integer)))
    subjects = {s for s in graph.subjects()}
    g.add((node, VOID.distinctSubjects, Literal(len(subjects), datatype=XSD.integer)))

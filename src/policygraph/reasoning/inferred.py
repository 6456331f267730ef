"""HermiT's answer → the inferred graph: only new, non-trivial types of the statements' nodes.

Kept: ``i rdf:type C`` for an IRI node ``i`` of a statement and a named class ``C`` such that
HermiT infers ``i`` to be a ``C`` (a direct type or a superclass of one), and ``C`` is neither
``owl:Thing``, nor asserted for ``i``, nor above an asserted type through the ontology's told
``rdfs:subClassOf`` (an RDFS reasoner or a SPARQL property path finds those). In practice these
are the defined classes of ``ontology/defined-classes.ttl``.

Left out: blank nodes of statements (their labels are local to each dump, so a type could not be
tied back to them) and the DPV terms themselves (``dpv:DirectMarketing a
pg:DirectMarketingPurpose`` holds whatever the statements say).
"""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS
from rdflib.term import Node

from ..namespaces import bind_prefixes
from .hermit import Realisation
from .translate import OwlInput


def inferred_graph(owl: OwlInput, realisation: Realisation, slugs: Iterable[str]) -> Graph:
    """The inferred types of the nodes of the given statements, as a graph."""
    told: dict[Node, set[Node]] = {}
    for s, p, o in owl.background:
        if p == RDFS.subClassOf and isinstance(o, URIRef):
            told.setdefault(s, set()).add(o)
    everything = {k: set(v) for k, v in told.items()}
    for sub, sup in realisation.subclasses:
        everything.setdefault(sub, set()).add(sup)
    graph = Graph()
    bind_prefixes(graph)
    for slug in slugs:
        asserted: dict[URIRef, set[Node]] = {}
        for s, p, o in owl.facts[slug]:
            if isinstance(s, URIRef) and s not in owl.skolem:
                types = asserted.setdefault(s, set())
                if p == RDF.type:
                    types.add(o)
        for node, types in asserted.items():
            trivial = _up(types, told)
            for cls in sorted(_up(realisation.types.get(node, frozenset()), everything) - trivial, key=str):
                if not str(cls).startswith(str(OWL)):
                    graph.add((node, RDF.type, cls))
    return graph


def _up(classes: Iterable[Node], parents: dict[Node, set[Node]]) -> set[Node]:
    """``classes`` and all their superclasses in ``parents``."""
    found = set(classes)
    todo = list(found)
    while todo:
        for parent in parents.get(todo.pop(), ()):
            if parent not in found:
                found.add(parent)
                todo.append(parent)
    return found

"""The part of the reasoner input that can make a difference; HermiT is given only this part.

A name is *logical* when an axiom with logical content mentions it: a class inside a class
expression, in ``owl:equivalentClass``/``owl:disjointWith`` or a ``rdfs:domain``/``rdfs:range``;
a property in a restriction, ``owl:inverseOf``, ``owl:propertyDisjointWith``, a property
characteristic or a domain/range axiom; and every class or property told to be below a logical
one. Everything else is *inert*: ``x a skos:Concept``, ``x skos:inScheme y``,
``C rdfs:subClassOf skos:Concept``.

Leaving out the assertions and hierarchy axioms of inert names keeps consistency: a model of the
rest becomes a model of the whole by giving each inert class or property exactly the members its
assertions and told subclasses (or subproperties) give it, which no remaining axiom constrains.
The same argument, with the negation of a logical class added, shows that the types inferred
for logical classes do not change either. So HermiT reaches the same verdicts and types with
about half the input, which it classifies about four times faster (benchmarks/reason.py);
types that follow from inert classes are added from the told hierarchy (``inferred``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from rdflib import BNode, URIRef
from rdflib.namespace import OWL, RDF, RDFS
from rdflib.term import Node

from .translate import OwlInput, Triple

_FILLERS = {OWL.someValuesFrom, OWL.allValuesFrom, OWL.complementOf, RDF.first}
_CHARACTERISTICS = {OWL.TransitiveProperty, OWL.FunctionalProperty, OWL.InverseFunctionalProperty,
                    OWL.SymmetricProperty, OWL.AsymmetricProperty, OWL.ReflexiveProperty, OWL.IrreflexiveProperty}
_DECLARATIONS = {OWL.Class, OWL.ObjectProperty}


def logical_part(owl: OwlInput) -> OwlInput:
    """``owl`` without the assertions and hierarchy axioms of inert names."""
    classes, properties = _logical_names(owl.background + [a.axiom for a in owl.axioms] + owl.all_facts())

    def keep(triple: Triple) -> bool:
        s, p, o = triple
        if isinstance(s, BNode) or str(p).startswith(str(OWL)):  # class expressions, OWL axioms
            return True
        if p == RDF.type:
            if o in _DECLARATIONS:
                return s in classes or s in properties
            return isinstance(o, BNode) or o in classes or o in _CHARACTERISTICS
        if p == RDFS.subClassOf:
            return isinstance(o, BNode) or o in classes
        if p == RDFS.subPropertyOf:
            return o in properties
        return p in properties or p in (RDFS.domain, RDFS.range)

    facts = {slug: [t for t in triples if keep(t)] for slug, triples in owl.facts.items()}
    background = [t for t in owl.background if keep(t)]
    report = Counter(owl.report)
    report["left out for HermiT: assertion or hierarchy axiom of an inert name"] = (
        len(owl.background) + len(owl.all_facts()) - len(background) - sum(map(len, facts.values())))
    return replace(owl, background=background, facts=facts, report=report)


def _logical_names(axioms: list[Triple]) -> tuple[set[Node], set[Node]]:
    classes: set[Node] = set()
    properties: set[Node] = set()
    for s, p, o in axioms:
        if isinstance(s, BNode) and p in _FILLERS and isinstance(o, URIRef):
            classes.add(o)
        elif p in (OWL.equivalentClass, OWL.disjointWith):
            classes |= {s, o}
        elif p in (RDFS.domain, RDFS.range):
            classes.add(o)
            properties.add(s)
        elif p in (OWL.onProperty, OWL.inverseOf, OWL.propertyDisjointWith):
            properties |= {o} if p == OWL.onProperty else {s, o}
        elif p == RDF.type and o in _CHARACTERISTICS:
            properties.add(s)
    return _downward(classes, RDFS.subClassOf, axioms), _downward(properties, RDFS.subPropertyOf, axioms)


def _downward(names: set[Node], below: URIRef, axioms: list[Triple]) -> set[Node]:
    """``names`` and everything told to be below one of them."""
    found: set[Node] = {n for n in names if isinstance(n, URIRef)}
    while True:
        more = {s for s, p, o in axioms if p == below and o in found and isinstance(s, URIRef)} - found
        if not more:
            return found
        found |= more

"""Built graph → OWL 2 DL input for HermiT: what is kept, translated and left out, and why.

DPV's RDFS+SKOS terms are classes and individuals at once (``dpv:Marketing a rdfs:Class,
dpv:Purpose``; ``dpv:hasPurpose dpv:Marketing``). OWL 2 DL allows that (punning) as long as every
name is declared and a property is never both an object and a data property. The built graph
needs these changes before HermiT may read it (each one counted in ``OwlInput.report``):

translated
    ``rdfs:Class`` → ``owl:Class``; a property used with node values → ``owl:ObjectProperty``
    (declarations are regenerated from use); blank nodes of statements → skolem IRIs, so the
    reasoner sees named individuals and the reports can name them; a topic answer without
    ``pg:concerns`` → ``pg:concerns`` its statement (the model's "statement-wide" made explicit);
    EEA closure: each ``dpv:Country`` that DPV does not put directly under ``loc:EEA`` is stated
    not to be there (OWL is open-world; DPV's ``loc:EEA`` lists the current members in full).
left out
    literal values: no axiom uses them, ``xsd:duration``/``xsd:date`` are outside the OWL 2
    datatype map (HermiT rejects them), and ``dpv:hasDuration`` takes both literals and nodes
    (a property cannot be both kinds in DL); evidence annotations (``pg:hasEvidence`` and the
    ``oa:`` nodes: provenance, most of the triples; reports read quotes from the built graph);
    annotations (labels, ontology headers, ``owl:Axiom`` annotations); triples that use the
    RDF/RDFS/OWL vocabulary as an individual or class (e.g. ``pg:notStated rdfs:range
    rdf:Property``), which OWL 2 DL forbids; and the hierarchy of properties left with no node
    values (e.g. ``pg:rightsContact rdfs:subPropertyOf dpv:hasContact``).

The contradiction axioms (``owl:Axiom`` annotated with ``pg:contradictionKind`` in
``ontology/defined-classes.ttl``) are kept apart so that the explanation can switch them on one
kind at a time.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD
from rdflib.term import Node

from ..build import BuiltGraph
from ..namespaces import BASE, DPV, LOC, OA, PG

Triple = tuple[Node, Node, Node]

#: IRIs for statements' blank nodes and helper names; they never leave the reasoning package.
#: (Not RDF 1.1's ``/.well-known/genid/``: the OWL API turns such IRIs back into blank nodes.)
GENID = BASE + "reasoning/"

_RESERVED = (str(RDF), str(RDFS), str(OWL), str(XSD))
_PROPERTY_TYPES = {RDF.Property, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty}
_BUILTIN_ANNOTATIONS = {RDFS.label, RDFS.comment, RDFS.seeAlso, RDFS.isDefinedBy, OWL.versionInfo}
_CLASS_POSITIONS = {RDFS.subClassOf, OWL.equivalentClass, OWL.disjointWith, OWL.complementOf,
                    OWL.someValuesFrom, OWL.allValuesFrom}
_PROPERTY_POSITIONS = {RDFS.subPropertyOf, OWL.inverseOf, OWL.propertyDisjointWith}
_STRUCTURAL = _CLASS_POSITIONS | _PROPERTY_POSITIONS | {
    OWL.onProperty, OWL.hasValue, OWL.unionOf, OWL.intersectionOf, OWL.oneOf, RDF.first, RDF.rest,
    RDFS.domain, RDFS.range}
_EVIDENCE_LINKS = (OA.hasTarget, OA.hasSelector)


@dataclass(frozen=True)
class ContradictionAxiom:
    """One kind of contradiction: the axiom that makes it unsatisfiable and the facts to show."""

    kind: URIRef
    label: str
    axiom: Triple
    claim_property: URIRef
    conflict_property: URIRef


@dataclass
class OwlInput:
    """The reasoner's input, in parts that can be combined for each HermiT run."""

    background: list[Triple]
    axioms: tuple[ContradictionAxiom, ...]
    facts: dict[str, list[Triple]]
    skolem: dict[URIRef, BNode] = field(default_factory=dict)
    synthesized: set[Triple] = field(default_factory=set)
    report: Counter[str] = field(default_factory=Counter)

    def ntriples(self, facts: Iterable[Triple], axioms: Iterable[ContradictionAxiom] = ()) -> bytes:
        """N-Triples of the background, the given contradiction axioms and the given facts."""
        return ntriples([*self.background, *(a.axiom for a in axioms), *facts])

    def subproperties(self, prop: URIRef) -> set[Node]:
        """``prop`` and every property below it (told ``rdfs:subPropertyOf``)."""
        found: set[Node] = {prop}
        while True:
            more = {s for s, p, o in self.background if p == RDFS.subPropertyOf and o in found} - found
            if not more:
                return found
            found |= more

    def all_facts(self, slugs: Iterable[str] | None = None) -> list[Triple]:
        chosen = self.facts if slugs is None else {s: self.facts[s] for s in slugs}
        return [t for facts in chosen.values() for t in facts]

    def original(self, term: Node) -> Node:
        """The built graph's term for a reasoner term (undoes skolemisation)."""
        return self.skolem.get(term, term) if isinstance(term, URIRef) else term


def ntriples(triples: Iterable[Triple]) -> bytes:
    """N-Triples of triples without literals (the input never holds any)."""
    return "".join(f"{s.n3()} {p.n3()} {o.n3()} .\n" for s, p, o in triples).encode("utf-8")


def _reserved(term: Node) -> bool:
    return isinstance(term, URIRef) and str(term).startswith(_RESERVED)


def to_owl(built: BuiltGraph) -> OwlInput:
    """Translate ontology and statements (see the module docstring for the rules)."""
    report: Counter[str] = Counter()
    ontology, axioms = _split_axioms(built.ontology, report)
    owl = OwlInput([], axioms, {}, report=report)
    for statement in built.statements:
        owl.facts[statement.slug] = _statement_facts(statement.slug, statement.graph, owl)
    report["translated: blank node → skolem IRI"] = len(owl.skolem)
    annotations = _BUILTIN_ANNOTATIONS | set(ontology.subjects(RDF.type, OWL.AnnotationProperty))
    background = _rules(ontology, annotations, report)
    for slug, facts in owl.facts.items():
        owl.facts[slug] = sorted(_rules(facts, annotations, report))  # a fixed order: same searches, same reports
    everything = background + owl.all_facts() + [a.axiom for a in axioms]
    declarations = _declarations(everything, ontology)
    properties = {s for s, _, o in declarations if o == OWL.ObjectProperty}
    background = _without_property_concepts(background, properties, report)
    owl.background = sorted(set(background + declarations + _eea_closure(everything, report)))
    return owl


def _without_property_concepts(triples: list[Triple], properties: set[Node], report: Counter[str]) -> list[Triple]:
    """Leave out DPV's SKOS description of its properties (``dpv:hasPurpose a skos:Concept``).

    Its ``skos:broader`` mirrors ``rdfs:subPropertyOf``, which is kept; owlready2 holds one kind
    of entity per IRI and would warn about, then retype, every such property.
    """
    kept = []
    for s, p, o in triples:
        if s in properties and (p == SKOS.broader or (p == RDF.type and not _reserved(o))):
            report["left out: SKOS description of a property"] += 1
        else:
            kept.append((s, p, o))
    return kept


def _split_axioms(ontology: Graph, report: Counter[str]) -> tuple[Graph, tuple[ContradictionAxiom, ...]]:
    """Take the annotated contradiction axioms out of the ontology (and drop all annotations)."""
    rest = Graph()
    rest += ontology
    axioms = []
    for node in sorted(ontology.subjects(RDF.type, OWL.Axiom), key=str):
        triple = tuple(ontology.value(node, p) for p in (OWL.annotatedSource, OWL.annotatedProperty, OWL.annotatedTarget))
        kind = ontology.value(node, PG.contradictionKind)
        if kind is not None:
            rest.remove(triple)  # type: ignore[arg-type]
            axioms.append(ContradictionAxiom(
                kind, _english_label(ontology, kind), triple,  # type: ignore[arg-type]
                ontology.value(kind, PG.claimProperty), ontology.value(kind, PG.conflictProperty)))  # type: ignore[arg-type]
        report["left out: annotation of an axiom"] += len(list(ontology.predicate_objects(node)))
        rest.remove((node, None, None))
    return rest, tuple(axioms)


def _english_label(graph: Graph, term: Node) -> str:
    labels = sorted(str(v) for v in graph.objects(term, SKOS.prefLabel) if getattr(v, "language", None) == "en")
    return labels[0] if labels else str(term)


def _statement_facts(slug: str, graph: Graph, owl: OwlInput) -> list[Triple]:
    """The statement without evidence, blank nodes skolemised, answers' scope explicit."""
    evidence = set(graph.objects(None, PG.hasEvidence))
    for link in _EVIDENCE_LINKS:
        evidence |= {o for s in list(evidence) for o in graph.objects(s, link)}
    facts: list[Triple] = []
    for triple in graph:
        if triple[1] == PG.hasEvidence or triple[0] in evidence:
            owl.report["left out: evidence annotation"] += 1
            continue
        facts.append(tuple(_skolem(t, slug, owl) for t in triple))  # type: ignore[arg-type]
    for notice, answer in sorted(graph.subject_objects(PG.hasAnswer)):
        if (answer, PG.concerns, None) not in graph:
            scoped = (_skolem(answer, slug, owl), PG.concerns, _skolem(notice, slug, owl))
            facts.append(scoped)
            owl.synthesized.add(scoped)
            owl.report["translated: statement-wide answer → pg:concerns its statement"] += 1
    return facts


def _skolem(term: Node, slug: str, owl: OwlInput) -> Node:
    if not isinstance(term, BNode):
        return term
    iri = URIRef(f"{GENID}bnode/{slug}/{term}")
    owl.skolem[iri] = term
    return iri


def _rules(triples: Iterable[Triple], annotations: set[Node], report: Counter[str]) -> list[Triple]:
    """Apply the keep / translate / leave-out rules to triples (see the module docstring)."""
    triples = list(triples)
    headers = {s for s, p, o in triples if p == RDF.type and o == OWL.Ontology}
    kept: list[Triple] = []
    for s, p, o in triples:
        if isinstance(o, Literal):
            report["left out: literal value"] += 1
        elif s in headers:
            report["left out: ontology header"] += 1
        elif p in annotations:
            report["left out: annotation"] += 1
        elif p == RDF.type and o == RDFS.Class:
            kept.append((s, p, OWL.Class))
            report["translated: rdfs:Class → owl:Class"] += 1
        elif p == RDF.type and o in _PROPERTY_TYPES:
            report["translated: property type → declaration from use"] += 1
        elif p == RDF.type or p in _STRUCTURAL:
            if p in (RDFS.domain, RDFS.range) and _reserved(o):
                report["left out: RDF/RDFS/OWL term used as a class or individual"] += 1
            else:
                kept.append((s, p, o))
        elif _reserved(s) or _reserved(o) or _reserved(p):
            report["left out: RDF/RDFS/OWL term used as a class or individual"] += 1
        else:
            kept.append((s, p, o))
    return kept


def _declarations(triples: list[Triple], ontology: Graph) -> list[Triple]:
    """``owl:Class`` / ``owl:ObjectProperty`` declarations for every name used as such."""
    classes: set[Node] = set()
    properties: set[Node] = set()
    for s, p, o in triples:
        if p == RDF.type:
            if o not in (OWL.Class, OWL.Restriction, OWL.TransitiveProperty) and not _reserved(o):
                classes.add(o)
            if o == OWL.TransitiveProperty:
                properties.add(s)
        elif p in _CLASS_POSITIONS:
            classes |= {s, o}
        elif p in _PROPERTY_POSITIONS:
            properties |= {s, o}
        elif p == OWL.onProperty:
            properties.add(o)
        elif p in (OWL.unionOf, OWL.intersectionOf):
            classes |= set(Collection(ontology, o))
        elif p not in _STRUCTURAL:
            properties.add(p)
    declared: list[Triple] = [(c, RDF.type, OWL.Class) for c in classes if isinstance(c, URIRef) and not _reserved(c)]
    declared += [(p, RDF.type, OWL.ObjectProperty) for p in properties if isinstance(p, URIRef)]
    return declared


def _eea_closure(triples: list[Triple], report: Counter[str]) -> list[Triple]:
    """State, for every country that DPV does not list directly under loc:EEA, that it is not."""
    countries = {s for s, p, o in triples if p == RDF.type and o == DPV.Country}
    members = {s for s, p, o in triples if p == SKOS.broader and o == LOC.EEA}
    member, outside = BNode("pg_eea_member"), BNode("pg_eea_outside")
    closure: list[Triple] = [
        (member, RDF.type, OWL.Restriction),
        (member, OWL.onProperty, SKOS.broader),
        (member, OWL.hasValue, LOC.EEA),
        (outside, OWL.complementOf, member),
    ]
    for country in sorted(countries - members, key=str):
        closure.append((country, RDF.type, outside))
    report["translated: country not under loc:EEA → stated not a member"] += len(countries - members)
    return closure

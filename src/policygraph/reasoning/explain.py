"""Which facts of a statement clash: a minimal set of them, found by asking HermiT.

A black-box justification (Kalyanpur et al., ISWC 2007): the reasoner is the only judge of
consistency, the axioms stay as written, and the answer is a minimal set of the statement's facts
that, with the ontology and one contradiction axiom, is inconsistent (removing any fact of the
set makes it consistent). No SPARQL restates an axiom.

HermiT's command line stops at the first inconsistent ontology, so each question is put as
"is the class G satisfiable?" in an ontology that stays consistent: every candidate fact ``C(a)``
or ``p(a, b)`` becomes ``G ⊑ ∃U.({a} ⊓ C)`` or ``G ⊑ ∃U.({a} ⊓ ∃p.{b})`` (U the universal
property ``owl:topObjectProperty``). G is satisfiable exactly when ontology + facts are
consistent, and many such ontologies are checked in one Java start. Callers pass the logical
part of the input (``relevance``), about half the triples.

Search (``_justify``): drop each fact alone (one batch); the facts whose loss restores
consistency are in every justification, and usually they are the justification. Where facts
have alternatives (a type both asserted and implied by a range), the longest prefixes that still
clash are dropped, one batch per missing fact. All searches advance together, one batch per round.
"""

from __future__ import annotations

from collections.abc import Generator, Sequence
from typing import NamedTuple

from rdflib import BNode, URIRef
from rdflib.namespace import OWL, RDF, RDFS
from rdflib.term import Node

from .hermit import satisfiable
from .translate import GENID, ContradictionAxiom, OwlInput, Triple, ntriples

GUARD = URIRef(GENID + "guard")

#: Upper bound on contradictions reported per statement and kind (each costs a few Java starts).
MAX_PER_KIND = 10

Test = tuple[Sequence[ContradictionAxiom], Sequence[Triple]]
Clash = tuple[str, ContradictionAxiom | None, list[Triple]]


def is_candidate(fact: Triple) -> bool:
    """Facts a justification may contain: assertions, not declarations or class axioms."""
    _, predicate, value = fact
    if predicate == RDF.type:
        return not str(value).startswith((str(OWL), str(RDFS), str(RDF)))
    return not str(predicate).startswith((str(OWL), str(RDFS), str(RDF)))


def consistent(owl: OwlInput, tests: Sequence[Test]) -> list[bool]:
    """Whether background + axioms + facts is consistent, for each test (one Java start)."""
    ontologies = []
    for axioms, facts in tests:
        lines = [owl.ntriples([f for f in facts if not is_candidate(f)], axioms)]
        guard: list[Triple] = [(GUARD, RDF.type, OWL.Class)]
        for number, fact in enumerate(f for f in facts if is_candidate(f)):
            guard += _guarded(fact, f"g{number}_")
        lines.append(ntriples(guard))
        ontologies.append(b"".join(lines))
    return satisfiable(ontologies, GUARD)


def _guarded(fact: Triple, prefix: str) -> list[Triple]:
    """``G ⊑ ∃U.({a} ⊓ X)`` for the fact ``X(a)`` (X a class or a ``hasValue`` restriction)."""
    subject, predicate, value = fact
    some, both, one, first, second, only = (BNode(prefix + n) for n in ("some", "both", "one", "l1", "l2", "l3"))
    triples: list[Triple] = [
        (GUARD, RDFS.subClassOf, some),
        (some, RDF.type, OWL.Restriction),
        (some, OWL.onProperty, OWL.topObjectProperty),
        (some, OWL.someValuesFrom, both),
        (both, RDF.type, OWL.Class),
        (both, OWL.intersectionOf, first),
        (first, RDF.first, one),
        (first, RDF.rest, second),
        (second, RDF.rest, RDF.nil),
        (one, RDF.type, OWL.Class),
        (one, OWL.oneOf, only),
        (only, RDF.first, subject),
        (only, RDF.rest, RDF.nil),
    ]
    if predicate == RDF.type:
        triples.append((second, RDF.first, value))
    else:
        has = BNode(prefix + "has")
        triples += [(second, RDF.first, has), (has, RDF.type, OWL.Restriction),
                    (has, OWL.onProperty, predicate), (has, OWL.hasValue, value)]
    return triples


Sets = list[list[Triple]]


class _Search(NamedTuple):
    """A search over one statement's facts with some axioms switched on."""

    axioms: Sequence[ContradictionAxiom]
    fixed: list[Triple]
    steps: Generator[Sets, list[bool], list[list[Triple]]]


def _justify(candidates: list[Triple]) -> Generator[Sets, list[bool], list[Triple]]:
    """One minimal clashing subset of ``candidates`` (which clash); yields sets to test.

    Each fact whose removal alone restores consistency is in every justification. The rest
    are dropped in the longest prefix that keeps the clash; the next one is then needed too.
    Each fact kept this way is needed in a superset of the result, so the result is minimal.
    """
    alone = yield [candidates[:i] + candidates[i + 1 :] for i in range(len(candidates))]
    needed = [f for f, ok in zip(candidates, alone, strict=True) if ok]
    rest = [f for f, ok in zip(candidates, alone, strict=True) if not ok]
    while rest:
        shorter = yield [needed + rest[k:] for k in range(1, len(rest) + 1)]
        kept = ([0] + [k for k, ok in enumerate(shorter, start=1) if not ok])[-1]
        if kept == len(rest):
            break
        needed.append(rest[kept])
        rest = rest[kept + 1 :]
    return needed


def _clashes(candidates: list[Triple], conflict: set[Node]) -> Generator[Sets, list[bool], list[list[Triple]]]:
    """Justifications of ``candidates`` (which clash), one after another: after each, its
    conflicting fact is set aside while the rest still clash (up to ``MAX_PER_KIND``)."""
    found: list[list[Triple]] = []
    while len(found) < MAX_PER_KIND:
        justification = yield from _justify(candidates)
        found.append(justification)
        aside = next((f for f in justification if f[1] in conflict), justification[-1])
        candidates = [f for f in candidates if f != aside]
        if (yield [candidates])[0]:
            break
    return found


def _run(owl: OwlInput, searches: list[_Search]) -> list[list[list[Triple]]]:
    """Drive searches in lockstep: each round's sets of all searches go to HermiT at once."""
    results: list[list[list[Triple]]] = [[] for _ in searches]
    pending = {number: next(search.steps) for number, search in enumerate(searches)}
    while pending:
        tests = [(searches[n].axioms, searches[n].fixed + s) for n, sets in pending.items() for s in sets]
        answers = iter(consistent(owl, tests))
        for number, sets in list(pending.items()):
            try:
                pending[number] = searches[number].steps.send([next(answers) for _ in sets])
            except StopIteration as done:
                results[number] = done.value
                del pending[number]
    return results


def contradictions(owl: OwlInput, slugs: Sequence[str]) -> list[Clash]:
    """Every clash inside the given statements: (slug, kind axiom or None, justification).

    ``None`` as kind: the statement clashes with the ontology without any contradiction axiom;
    its kinds are not looked at. Each activity or recipient in conflict is reported.
    """
    kinds: list[ContradictionAxiom | None] = [None, *owl.axioms]
    pairs = [(slug, kind) for slug in slugs for kind in kinds]
    clean = consistent(owl, [((kind,) if kind else (), owl.facts[slug]) for slug, kind in pairs])
    broken = {slug for (slug, kind), ok in zip(pairs, clean, strict=True) if kind is None and not ok}
    clashing = [(slug, kind) for (slug, kind), ok in zip(pairs, clean, strict=True)
                if not ok and (kind is None or slug not in broken)]
    searches = []
    for slug, kind in clashing:
        fixed = [f for f in owl.facts[slug] if not is_candidate(f)]
        candidates = [f for f in owl.facts[slug] if is_candidate(f)]
        conflict = owl.subproperties(kind.conflict_property) if kind else set()
        searches.append(_Search((kind,) if kind else (), fixed, _clashes(candidates, conflict)))
    found = _run(owl, searches)
    return [(slug, kind, j) for (slug, kind), js in zip(clashing, found, strict=True) for j in js]

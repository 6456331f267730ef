"""Contradictions inside a statement (policygraph.reasoning.explain): the search for a minimal
clashing set (with a stand-in oracle), then each kind on its fixture with the real HermiT."""

from __future__ import annotations

from collections.abc import Callable, Generator

import pytest
from rdflib import URIRef

from policygraph.build import BuiltGraph
from policygraph.namespaces import id_ns
from policygraph.reasoning import Reasoning, render_text
from policygraph.reasoning.explain import _clashes, _justify
from policygraph.reasoning.translate import Triple

from .cases import EXPECT, case, names, requires_java

FACTS: list[Triple] = [(URIRef(f"urn:x:{n}"), URIRef(f"urn:p:{n}"), URIRef("urn:o")) for n in "abcdef"]
A, B, C, D, E, F = FACTS


def _drive(search: Generator, clashes: Callable[[set[Triple]], bool]) -> tuple[object, int]:
    """Run a search against a stand-in reasoner; returns its result and the number of rounds."""
    rounds = 0
    sets = next(search)
    try:
        while True:
            rounds += 1
            sets = search.send([not clashes(set(s)) for s in sets])
    except StopIteration as done:
        return done.value, rounds


def test_one_justification_is_found_in_two_rounds() -> None:
    """Dropping each fact alone finds B, D and E; one more round confirms they clash alone."""
    result, rounds = _drive(_justify(FACTS), lambda s: {B, D, E} <= s)
    assert sorted(result) == sorted([B, D, E])
    assert rounds == 2


def test_alternative_facts_still_give_a_minimal_set() -> None:
    """B, D clash with either E or F (like a type that is also implied by a range axiom)."""
    result, _ = _drive(_justify(FACTS), lambda s: {B, D} <= s and bool({E, F} & s))
    assert sorted(result) in (sorted([B, D, E]), sorted([B, D, F]))


def test_each_clash_of_a_kind_is_reported() -> None:
    """Two activities (C and E) clash with the same claim A: two reports, one per conflicting fact."""
    result, _ = _drive(_clashes(FACTS, {C[1], E[1]}), lambda s: {A, C} <= s or {A, E} <= s)
    assert {frozenset(j) for j in result} == {frozenset([A, C]), frozenset([A, E])}


@pytest.fixture(scope="module")
def found(fixture_run: tuple[BuiltGraph, Reasoning]) -> Reasoning:
    return fixture_run[1]


@requires_java
@pytest.mark.slow
@pytest.mark.parametrize("name", names("contradiction-"))
def test_each_kind_is_detected_with_both_facts_and_quotes(found: Reasoning, name: str) -> None:
    fixture = case(name)
    [expected] = fixture.expected.objects(None, EXPECT.contradiction)
    [report] = [c for c in found.contradictions if c.statement == fixture.slug]
    assert report.kind == fixture.expected.value(expected, EXPECT.kind)
    assert report.claim is not None and report.conflict is not None
    assert str(fixture.expected.value(expected, EXPECT.claim)) in report.claim.quotes
    assert str(fixture.expected.value(expected, EXPECT.conflict)) in report.conflict.quotes
    assert set(report.facts) >= {report.claim, report.conflict}


@requires_java
@pytest.mark.slow
def test_near_misses_and_consistent_fixtures_raise_nothing(found: Reasoning) -> None:
    clashing = {c.statement for c in found.contradictions}
    assert clashing == {case(n).slug for n in names("contradiction-")}


@requires_java
@pytest.mark.slow
def test_a_contradictory_statement_gets_no_inferred_types(found: Reasoning) -> None:
    """Anything follows from a contradiction, so its statement is left out of the inferred graph."""
    for name in names("contradiction-"):
        ns = str(id_ns(case(name).slug))
        assert not [s for s in found.graph.subjects() if str(s).startswith(ns)]


@requires_java
@pytest.mark.slow
def test_the_real_statements_have_no_contradiction(real: Reasoning) -> None:
    """If this fails, the report names the statement, the two facts and their quotes."""
    assert not real.contradictions, render_text(real.contradictions)

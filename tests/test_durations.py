"""Durations get a sortable length in days; invalid lexical forms are not mistaken for durations."""

from __future__ import annotations

from decimal import Decimal

import pytest
from rdflib import BNode, Graph, Literal
from rdflib.namespace import RDF, XSD

from policygraph.durations import add_approximate_days, parse_days
from policygraph.namespaces import PG


@pytest.mark.parametrize(
    ("lexical", "days"),
    [("P7Y", 2555), ("P2Y", 730), ("P1M", 30), ("P42D", 42), ("P364D", 364), ("P1D", 1), ("PT12H", Decimal("0.5")), ("P1Y6M", 545)],
)
def test_parse_days(lexical: str, days: Decimal) -> None:
    assert parse_days(lexical) == Decimal(days)


@pytest.mark.parametrize("lexical", ["P", "PT", "7 jaar", "P7", "P1DT", "two years", "P6W"])
def test_not_a_duration(lexical: str) -> None:
    assert parse_days(lexical) is None


def test_years_sort_after_days() -> None:
    g = Graph()
    long, short = BNode(), BNode()
    g.add((long, RDF.value, Literal("P7Y", datatype=XSD.duration)))
    g.add((short, RDF.value, Literal("P30D", datatype=XSD.duration)))
    assert add_approximate_days(g) == 2
    assert g.value(long, PG.approximateDays).toPython() > g.value(short, PG.approximateDays).toPython()

"""Reasoner runs shared by the tests: the real graph once, all fixture statements once.

Each HermiT run costs seconds (a Java start, classification); sharing them keeps the reasoner
tests within a few minutes on two cores.
"""

from __future__ import annotations

import pytest

from policygraph.build import BuiltGraph
from policygraph.reasoning import Reasoning, reason

from .cases import java_missing, built_cases, names


@pytest.fixture(scope="session")
def real(built: BuiltGraph) -> Reasoning:
    """The reasoner over the real ontology and statements."""
    if java_missing():
        pytest.skip(java_missing())
    return reason(built)


@pytest.fixture(scope="session")
def fixture_run() -> tuple[BuiltGraph, Reasoning]:
    """The reasoner over every fixture statement at once (consistent ones and contradictions)."""
    if java_missing():
        pytest.skip(java_missing())
    fixtures = built_cases(names())
    return fixtures, reason(fixtures)

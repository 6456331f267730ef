"""The engine over the ontology plus SOOSR (the reference statement), built once per session."""

from __future__ import annotations

import pytest

from policygraph.sparql.engine import Engine

from endpoint_helpers import soosr_store

SOOSR_GRAPH = "https://w3id.org/policygraph/graph/soosr"
ONTOLOGY_GRAPH = "https://w3id.org/policygraph/graph/ontology"


@pytest.fixture(scope="session")
def engine() -> Engine:
    return Engine(soosr_store())

"""Fixtures for the validation tests: shapes loaded once, the statements built once."""

from __future__ import annotations

import pytest

from policygraph.build import BuiltGraph, StatementGraph
from policygraph.project import Project
from policygraph.validation import Shapes, load_shapes


@pytest.fixture(scope="session")
def encoding_shapes(project: Project) -> Shapes:
    return load_shapes("encoding", project.shapes_dir)


@pytest.fixture(scope="session")
def art13_shapes(project: Project) -> Shapes:
    return load_shapes("art13", project.shapes_dir)


@pytest.fixture(scope="session")
def statements(built: BuiltGraph) -> dict[str, StatementGraph]:
    return {s.slug: s for s in built.statements}

"""graph → validate: run the SHACL shapes over built statements, one statement at a time.

Each statement is validated on its own graph plus the ontology (project ontology + DPV), so the
cost grows linearly with the number of statements, and statements spread over forked worker
processes (which inherit the graphs rather than parse them). The per-statement reports are merged
into one ``sh:ValidationReport`` (see ``report``).

Two details make this fast and correct with pySHACL 0.40:

- The ontology is mixed into the data graph here rather than passed as ``ont_graph``: pySHACL's
  ``ont_graph`` mode copies only RDFS/OWL axioms, not ``skos:broader`` nor the ``rdf:type`` of DPV
  concepts (``dpv:Customer a dpv:HumanSubject``), so the kind paths of the shapes would find nothing.
- pySHACL sends the same SPARQL text for every focus node and target, and rdflib parses it anew
  each time (90% of the run time). The data graph parses each text once per process.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from functools import lru_cache
from pathlib import Path

import pyshacl
from rdflib import BNode, Graph
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query
from rdflib.term import Node

from ..build import StatementGraph, build
from ..project import Project
from .context import annotate
from .report import ValidationReport, merge_reports
from .shapes import Shapes, ShapesError, load_shapes


class _OnceParsedQueries(Graph):
    """An rdflib Graph that parses each SPARQL query text once per process."""

    def query(self, query_object, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN201 - rdflib's signature
        if isinstance(query_object, str):
            query_object = _prepared(query_object)
        return super().query(query_object, *args, **kwargs)


@lru_cache(maxsize=1024)
def _prepared(text: str) -> Query:
    return prepareQuery(text)


class _Validator:
    """Validates statements one after the other on one data graph that holds the ontology: each
    statement's triples are added, validated and taken out again (copying the ontology for every
    statement would cost as much as validating it)."""

    def __init__(self, ontology: Graph, shapes: Graph) -> None:
        self.data = _OnceParsedQueries()
        self.data += ontology
        self.shapes = shapes

    def report(self, statement: StatementGraph) -> Graph:
        added = [t for t in statement.graph if t not in self.data]
        for triple in added:
            self.data.add(triple)
        try:
            _, report, text = pyshacl.validate(
                self.data,
                shacl_graph=self.shapes,
                advanced=True,  # SHACL-AF SPARQL targets: where a rule applies
                inference="none",
                inplace=True,
                allow_warnings=True,
                allow_infos=True,
            )
            if not isinstance(report, Graph):
                raise ShapesError(Path("shapes"), f"pySHACL cannot use the shapes: {text}")
            annotate(report, self.data, statement.iri)
        finally:
            for triple in added:
                self.data.remove(triple)
        return report


def validate_graph(statement: StatementGraph, ontology: Graph, shapes: Graph) -> Graph:
    """The ``sh:ValidationReport`` of one built statement, each result annotated with its
    statement, activity and quote.

    :raises ShapesError: when pySHACL cannot use the shapes.
    """
    return _Validator(ontology, shapes).report(statement)


def validate_statements(
    statements: Sequence[StatementGraph],
    ontology: Graph,
    shapes: Shapes,
    jobs: int | None = None,
) -> ValidationReport:
    """Validate each statement on its own, over ``jobs`` processes (default: all cores).

    :raises ShapesError: when pySHACL cannot use the shapes.
    """
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(statements)))
    if jobs == 1 or "fork" not in multiprocessing.get_all_start_methods():
        validator = _Validator(ontology, shapes.graph)
        reports = [validator.report(s) for s in statements]
    else:
        reports = _in_processes(statements, ontology, shapes.graph, jobs)
    return ValidationReport.from_graph(merge_reports(reports), shapes, [s.slug for s in statements])


def validate_project(
    project: Project,
    shapes: str = "all",
    files: Sequence[Path] | None = None,
    jobs: int | None = None,
) -> ValidationReport:
    """Build the project's statements (or only ``files``, curated Turtle with a source in
    ``data/sources/``) and validate them against a shapes family or file.

    :raises ShapesError: for unknown shapes, before anything is built.
    :raises DataFileError: for a file that does not parse, has no source, or has a bad quote.
    """
    loaded = load_shapes(shapes, project.shapes_dir)
    built = build(project, statement_files=files)
    return validate_statements(built.statements, built.ontology, loaded, jobs)


# --- worker processes: forked, so they inherit the graphs instead of parsing them ----------------

_SHARED: dict[str, object] = {}
_Triple = tuple[Node, Node, Node]


def _in_processes(statements: Sequence[StatementGraph], ontology: Graph, shapes: Graph, jobs: int) -> list[Graph]:
    _SHARED.update(statements=statements, ontology=ontology, shapes=shapes)
    try:
        context = multiprocessing.get_context("fork")
        chunk = max(1, len(statements) // (jobs * 4))
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
            triples = list(pool.map(_validate_one, range(len(statements)), chunksize=chunk))
    finally:
        _SHARED.clear()
    return [_fresh_bnodes(t) for t in triples]


def _validate_one(index: int) -> list[_Triple]:
    if "validator" not in _SHARED:
        _SHARED["validator"] = _Validator(_SHARED["ontology"], _SHARED["shapes"])  # type: ignore[arg-type]
    validator: _Validator = _SHARED["validator"]  # type: ignore[assignment]
    statements: Sequence[StatementGraph] = _SHARED["statements"]  # type: ignore[assignment]
    return list(validator.report(statements[index]))


def _fresh_bnodes(triples: list[_Triple]) -> Graph:
    """A graph of a worker's report; its blank nodes relabelled, since forked workers can mint the same labels."""
    labels: dict[BNode, BNode] = {}
    graph = Graph()
    for triple in triples:
        graph.add(tuple(labels.setdefault(t, BNode()) if isinstance(t, BNode) else t for t in triple))  # type: ignore[arg-type]
    return graph

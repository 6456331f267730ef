"""graph → validate: run the SHACL shapes over built statements, one statement at a time.

Each statement is validated on its own graph plus the ontology (project ontology + DPV), so the
cost grows linearly with the number of statements and statements spread over processes. The
per-statement reports are merged into one ``sh:ValidationReport`` (see ``report``).

Two details make this fast and correct with pySHACL 0.40:

- The ontology is mixed into the data graph here rather than passed as ``ont_graph``: pySHACL's
  ``ont_graph`` mode copies only RDFS/OWL axioms, not ``skos:broader`` nor the ``rdf:type`` of DPV
  concepts (``dpv:Customer a dpv:HumanSubject``), so the kind paths of the shapes would find nothing.
- pySHACL sends the same SPARQL text for every focus node and target, and rdflib parses it anew
  each time (90% of the run time). The data graph parses each text once per process.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from functools import lru_cache
from pathlib import Path

import pyshacl
from rdflib import Graph
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query

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


def validate_graph(statement: StatementGraph, ontology: Graph, shapes: Graph) -> Graph:
    """The ``sh:ValidationReport`` of one built statement, each result annotated with its
    statement, activity and quote.

    :raises ShapesError: when pySHACL cannot use the shapes.
    """
    data = _OnceParsedQueries()
    data += ontology
    data += statement.graph
    _, report, text = pyshacl.validate(
        data,
        shacl_graph=shapes,
        advanced=True,  # SHACL-AF SPARQL targets: where a rule applies
        inference="none",
        inplace=True,
        allow_warnings=True,
        allow_infos=True,
    )
    if not isinstance(report, Graph):
        raise ShapesError(Path("shapes"), f"pySHACL cannot use the shapes: {text}")
    annotate(report, data, statement.iri)
    return report


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
    if jobs == 1:
        reports = [validate_graph(s, ontology, shapes.graph) for s in statements]
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


# --- worker processes: graphs travel as N-Triples text ---------------------------------------------

_WORKER: dict[str, Graph] = {}


def _in_processes(statements: Sequence[StatementGraph], ontology: Graph, shapes: Graph, jobs: int) -> list[Graph]:
    tasks = [(s.slug, s.graph.serialize(format="nt")) for s in statements]
    initargs = (ontology.serialize(format="nt"), shapes.serialize(format="nt"))
    chunk = max(1, len(tasks) // (jobs * 4))
    with ProcessPoolExecutor(max_workers=jobs, initializer=_start_worker, initargs=initargs) as pool:
        texts = list(pool.map(_validate_text, tasks, chunksize=chunk))
    return [Graph().parse(data=text, format="nt") for text in texts]


def _start_worker(ontology_nt: str, shapes_nt: str) -> None:
    _WORKER["ontology"] = Graph().parse(data=ontology_nt, format="nt")
    _WORKER["shapes"] = Graph().parse(data=shapes_nt, format="nt")


def _validate_text(task: tuple[str, str]) -> str:
    slug, statement_nt = task
    statement = StatementGraph(slug, Graph().parse(data=statement_nt, format="nt"), 0)
    return validate_graph(statement, _WORKER["ontology"], _WORKER["shapes"]).serialize(format="nt")

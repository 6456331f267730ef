"""sources → graph: assemble the knowledge graph from ontology, DPV and curated statements.

One named graph per statement (its curated encoding + source metadata + resolved evidence)
and one for the ontology (project ontology + DPV extract). Nothing here writes files; see
``dumps`` for that.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset, Graph, URIRef

from .bnodes import stable_bnodes
from .dpv import check_terms, defined_terms, load_dpv
from .durations import add_approximate_days
from .evidence import resolve_evidence
from .namespaces import ONTOLOGY_GRAPH, bind_prefixes, statement_graph
from .project import Project, dpv_dir_from_env
from .rdfio import parse_turtle
from .sources import load_source


@dataclass
class StatementGraph:
    """One statement, built: its slug, graph and how many quotes were resolved."""

    slug: str
    graph: Graph
    quotes: int

    @property
    def iri(self) -> URIRef:
        return statement_graph(self.slug)


@dataclass
class BuiltGraph:
    """The whole knowledge graph before it is written anywhere."""

    ontology: Graph
    statements: list[StatementGraph] = field(default_factory=list)
    extra: dict[URIRef, Graph] = field(default_factory=dict)

    def graphs(self) -> list[tuple[URIRef, Graph]]:
        """(name, graph) pairs in a fixed order: ontology, statements by slug, extras."""
        pairs = [(ONTOLOGY_GRAPH, self.ontology)]
        pairs += [(s.iri, s.graph) for s in self.statements]
        pairs += sorted(self.extra.items())
        return pairs

    def dataset(self) -> Dataset:
        """An rdflib ``Dataset`` with one named graph per entry (default graph empty)."""
        ds = Dataset()
        bind_prefixes(ds)
        for name, graph in self.graphs():
            target = ds.graph(name)
            for triple in graph:
                target.add(triple)
        return ds

    def union(self) -> Graph:
        union = Graph()
        bind_prefixes(union)
        for _, graph in self.graphs():
            union += graph
        return union

    @property
    def quotes(self) -> int:
        return sum(s.quotes for s in self.statements)


def load_ontology(project: Project, dpv_dir: Path | None = None) -> tuple[Graph, set[URIRef]]:
    """Project ontology + DPV (extract or full), blank nodes labelled deterministically.

    :returns: the graph and the DPV terms it defines.
    """
    dpv = load_dpv(project.dpv_extract, dpv_dir)
    known = defined_terms(dpv)
    modules = Graph()
    for path in project.ontology_files():
        module = parse_turtle(path)
        check_terms(module, known, path, _dpv_source_name(dpv_dir))
        modules += module
    ontology = stable_bnodes(modules, "onto_")
    ontology += stable_bnodes(dpv, "dpv_")
    return ontology, known


def _dpv_source_name(dpv_dir: Path | None) -> str:
    return f"DPV at {dpv_dir}" if dpv_dir else "the DPV extract (ontology/dpv-extract.ttl)"


def build_statement(project: Project, path: Path, known: set[URIRef], dpv_dir: Path | None = None) -> StatementGraph:
    """Parse, check and resolve one curated statement file.

    :raises DataFileError: for a syntax error, an unknown DPV term, or a bad quote (each with
        file and line).
    """
    slug = path.stem
    source = load_source(project.sources_dir, slug)
    graph = parse_turtle(path)
    check_terms(graph, known, path, _dpv_source_name(dpv_dir))
    quotes = resolve_evidence(graph, source.text, source.iri, path)
    graph += source.metadata
    add_approximate_days(graph)
    return StatementGraph(slug, stable_bnodes(graph, f"{slug.replace('-', '_')}_"), quotes)


def build(
    project: Project | None = None,
    dpv_dir: Path | None = None,
    statement_files: Iterable[Path] | None = None,
) -> BuiltGraph:
    """Build the knowledge graph from a project checkout.

    :param dpv_dir: a full DPV release folder to use instead of the extract (default:
        ``$POLICYGRAPH_DPV`` if set).
    :param statement_files: build only these statements (default: all in data/statements/).
    """
    project = project or Project.discover()
    dpv_dir = dpv_dir or dpv_dir_from_env()
    ontology, known = load_ontology(project, dpv_dir)
    built = BuiltGraph(ontology)
    files = list(statement_files) if statement_files is not None else project.statement_files()
    for path in files:
        built.statements.append(build_statement(project, path, known, dpv_dir))
    return built

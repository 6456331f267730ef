"""The DPV vocabulary as the build sees it: the committed extract, or a full DPV release folder."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph, URIRef

from .errors import UnknownTermError
from .namespaces import is_dpv_term
from .rdfio import parse_turtle

#: DPV 2.3 module files read from a release folder (the RDFS+SKOS serialisation).
DPV_FILES = ("dpv.ttl", "pd.ttl", "eu-gdpr.ttl", "eu.ttl", "nl.ttl", "loc.ttl", "tech.ttl")


def load_dpv(extract: Path, dpv_dir: Path | None = None) -> Graph:
    """The DPV graph: the full release in ``dpv_dir`` when given, else the project's extract."""
    graph = Graph()
    if dpv_dir is None:
        return parse_turtle(extract, graph)
    missing = [name for name in DPV_FILES if not (dpv_dir / name).is_file()]
    if missing:
        raise FileNotFoundError(f"{dpv_dir} is not a DPV 2.3 release folder: missing {missing}")
    for name in DPV_FILES:
        parse_turtle(dpv_dir / name, graph)
    return graph


def used_terms(graph: Graph) -> set[URIRef]:
    """Every DPV IRI that appears anywhere in ``graph``."""
    terms: set[URIRef] = set()
    for triple in graph:
        terms.update(t for t in triple if isinstance(t, URIRef) and is_dpv_term(t))
    return terms


def defined_terms(dpv: Graph) -> set[URIRef]:
    """IRIs that the DPV graph describes (appear as a subject)."""
    return {s for s in dpv.subjects() if isinstance(s, URIRef)}


def check_terms(graph: Graph, known: set[URIRef], path: Path, source: str = "the DPV extract") -> None:
    """Fail when ``graph`` (read from ``path``) uses a DPV term that ``known`` does not define.

    :raises UnknownTermError: naming the first unknown terms and the line of the first one.
    """
    unknown = sorted(used_terms(graph) - known)
    if not unknown:
        return
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    line = _line_of_term(text, unknown[0], graph)
    names = ", ".join(graph.namespace_manager.normalizeUri(t) for t in unknown[:5])
    more = f" (and {len(unknown) - 5} more)" if len(unknown) > 5 else ""
    hint = "regenerate it with scripts/make_dpv_extract.py" if "extract" in source else "check the spelling"
    raise UnknownTermError(path, f"term not defined in {source}: {names}{more}; {hint}", line)


def _line_of_term(text: str, term: URIRef, graph: Graph) -> int | None:
    curie = graph.namespace_manager.normalizeUri(term)
    for needle in (curie, str(term)):
        for number, line in enumerate(text.splitlines(), start=1):
            if needle in line:
                return number
    return None

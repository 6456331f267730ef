"""The statement texts (the corpus the graph quotes from) and their metadata."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, URIRef

from .errors import DataFileError
from .namespaces import id_ns
from .rdfio import parse_turtle


@dataclass(frozen=True)
class Source:
    """One privacy statement text with its RDF description."""

    slug: str
    text: str
    metadata: Graph

    @property
    def iri(self) -> URIRef:
        return source_iri(self.slug)


def source_iri(slug: str) -> URIRef:
    """IRI of the source text of a statement (the target of its evidence annotations)."""
    return id_ns(slug)["source"]


def statement_iri(slug: str) -> URIRef:
    """IRI of the privacy statement (``dpv:PrivacyNotice``) encoded from a source."""
    return id_ns(slug)["statement"]


def load_source(sources_dir: Path, slug: str) -> Source:
    """Read ``<slug>.txt`` verbatim and ``<slug>.meta.ttl``.

    The text is read without newline translation so character offsets match the file.

    :raises DataFileError: when either file is missing or the metadata does not parse.
    """
    text_path = sources_dir / f"{slug}.txt"
    meta_path = sources_dir / f"{slug}.meta.ttl"
    if not text_path.is_file():
        raise DataFileError(text_path, f"source text for statement '{slug}' is missing")
    with text_path.open(encoding="utf-8", newline="") as handle:
        text = handle.read()
    if not meta_path.is_file():
        raise DataFileError(meta_path, f"source metadata for statement '{slug}' is missing")
    metadata = parse_turtle(meta_path)
    if (source_iri(slug), None, None) not in metadata:
        raise DataFileError(meta_path, f"does not describe <{source_iri(slug)}>")
    return Source(slug, text, metadata)

"""The SHACL shapes in ``shapes/``, loaded by family (``encoding``, ``art13``, ``all``) or from a path.

A family is one file: ``encoding`` (is the data well-formed? sh:Violation) and ``art13`` (what the
statement tells the data subject, GDPR Art. 13; sh:Warning). ``all`` is every family. What each
shape checks, and how to name it in a findings table, is read from the shapes themselves
(``sh:message``, ``sh:severity``, ``pgsh:item``), so adding a shape needs no code.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, Literal, Namespace, URIRef

from ..errors import DataFileError
from ..namespaces import SH, bind_prefixes
from ..rdfio import parse_turtle

#: Shapes and report vocabulary (``pgsh:item``, ``pgsh:statement``, ``pgsh:activity``).
PGSH = Namespace("https://w3id.org/policygraph/shapes#")

#: Family name → file in ``shapes/``.
FAMILIES: dict[str, str] = {"encoding": "encoding.ttl", "art13": "gdpr-art13.ttl"}
ALL = "all"


class ShapesError(DataFileError):
    """A shapes file is unknown, missing or unreadable (the fault of whoever named or wrote it)."""


@dataclass(frozen=True)
class ShapeInfo:
    """What one named shape checks, as its declaration says."""

    iri: URIRef
    item: str
    message: str
    severity: URIRef


@dataclass(frozen=True)
class Shapes:
    """A loaded shapes graph and the description of each named shape in it."""

    name: str
    graph: Graph
    info: dict[URIRef, ShapeInfo]

    def finding_items(self) -> list[str]:
        """Items of the shapes that report findings (warnings and infos), the columns of a findings table."""
        return sorted({i.item for i in self.info.values() if i.severity != SH.Violation})


def shape_files(spec: str, shapes_dir: Path) -> tuple[Path, ...]:
    """The files a ``--shapes`` value names: a family, ``all``, or a path to a Turtle file.

    :raises ShapesError: when ``spec`` is neither a family nor an existing file.
    """
    if spec == ALL:
        return tuple(shapes_dir / name for name in FAMILIES.values())
    if spec in FAMILIES:
        return (shapes_dir / FAMILIES[spec],)
    path = Path(spec)
    if path.is_file():
        return (path,)
    families = ", ".join([*FAMILIES, ALL])
    raise ShapesError(path, f"unknown shapes: not a family ({families}) nor a file")


def load_shapes(spec: str, shapes_dir: Path) -> Shapes:
    """Load the shapes a ``--shapes`` value names.

    :raises ShapesError: for an unknown family or missing file.
    :raises DataFileError: for a file that does not parse (with its line).
    """
    files = shape_files(spec, shapes_dir)
    graph = Graph()
    bind_prefixes(graph)
    graph.bind("pgsh", PGSH)
    for path in files:
        if not path.is_file():
            raise ShapesError(path, "shapes file not found")
        parse_turtle(path, graph)
    info = describe(graph)
    if not info:
        raise ShapesError(files[0], "no shapes with sh:severity found")
    return Shapes(spec if spec in (*FAMILIES, ALL) else files[0].stem, graph, info)


def describe(graph: Graph) -> dict[URIRef, ShapeInfo]:
    """Every named shape (an IRI with ``sh:severity``) with its item and message."""
    info: dict[URIRef, ShapeInfo] = {}
    for shape, severity in graph.subject_objects(SH.severity):
        if not isinstance(shape, URIRef) or not isinstance(severity, URIRef):
            continue
        local = shape.split("#")[-1]
        info[shape] = ShapeInfo(
            iri=shape,
            item=_text(graph.value(shape, PGSH.item)) or local,
            message=_text(graph.value(shape, SH.message)),
            severity=severity,
        )
    return info


def _text(value: object) -> str:
    return str(value) if isinstance(value, Literal) else ""

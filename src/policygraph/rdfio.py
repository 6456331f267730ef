"""Reading RDF files with errors that name file and line."""

from __future__ import annotations

import re
from pathlib import Path

from rdflib import Graph

from .errors import DataFileError
from .namespaces import bind_prefixes

_LINE = re.compile(r"line (\d+)")


def parse_turtle(path: Path, graph: Graph | None = None) -> Graph:
    """Parse one Turtle file into ``graph`` (a new one by default).

    :raises DataFileError: with the file, line and the parser's message.
    """
    graph = graph if graph is not None else Graph()
    bind_prefixes(graph)
    try:
        graph.parse(path, format="turtle")
    except FileNotFoundError:
        raise DataFileError(path, "file not found") from None
    except Exception as exc:  # rdflib raises BadSyntax and several others
        why = getattr(exc, "_why", None)  # rdflib's BadSyntax keeps the reason apart from the dump
        message = str(why) if why else " ".join(str(exc).split())
        line, column = _position(exc, message)
        raise DataFileError(path, f"Turtle syntax error: {message}", line, column) from None
    return graph


def _position(exc: Exception, message: str) -> tuple[int | None, int | None]:
    """(line, column) of a parse error, both from 1.

    rdflib's BadSyntax carries the document and the offset of the error; its own line counter
    drifts (it is not advanced inside some tokens), so the line is counted from the offset.
    """
    text, offset = getattr(exc, "_str", None), getattr(exc, "_i", None)
    if isinstance(text, bytes):
        text = text.decode("utf-8", errors="replace")  # the offset counts characters, not bytes
    if isinstance(text, str) and isinstance(offset, int):
        before = text[:offset]
        return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1
    match = _LINE.search(message)
    return (int(match.group(1)) if match else None), None

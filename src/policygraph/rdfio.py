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
        message = " ".join(str(exc).split())
        line = getattr(exc, "lines", None)
        if line is None:
            match = _LINE.search(message)
            line = int(match.group(1)) if match else None
        else:
            line += 1  # BadSyntax counts lines from zero
        raise DataFileError(path, f"Turtle syntax error: {message}", line) from None
    return graph

"""The guard's slow path: a full SPARQL 1.1 parse with rdflib, for queries the scan cannot decide.

Only the parser is used, never rdflib's engine (which would fetch what it is told to). rdflib
applies SPARQL's codepoint escapes (``\\u0053ERVICE``) before parsing, so it sees any keyword an
escape could spell; Oxigraph does not, which errs on the side of refusing.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from pyparsing import ParseBaseException, ParseResults
from rdflib.plugins.sparql.algebra import translatePrologue
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue

from .errors import QuerySyntaxError


@dataclass(frozen=True)
class Report:
    """What the full parse found: an update, a SERVICE clause, the dataset IRIs (resolved)."""

    is_update: bool = False
    has_service: bool = False
    dataset: tuple[str, ...] = ()


def inspect(text: str, why: str) -> Report:
    """Parse ``text`` as a query (or, failing that, as an update) and report what it does.

    :param why: the token that sent the query here, quoted in a syntax error message.
    :raises QuerySyntaxError: when the text is neither a query nor an update.
    """
    try:
        parsed = parseQuery(text)
    except ParseBaseException as exc:
        try:
            parseUpdate(text)
        except ParseBaseException:
            raise QuerySyntaxError(
                f"{exc.msg} (this query contains {why}, so it was checked with a full SPARQL 1.1 parser)",
                exc.lineno,
                exc.col,
            ) from None
        return Report(is_update=True)
    except Exception as exc:  # rdflib raises a few non-pyparsing errors, e.g. on an unknown prefix
        raise QuerySyntaxError(f"{exc} (checked with a full SPARQL 1.1 parser because of {why})") from None
    prologue, body = parsed[0], parsed[1]
    has_service = any(name == "ServiceGraphPattern" for name in _names(body))
    try:
        resolve = translatePrologue(prologue, None).absolutize
        dataset = tuple(
            str(resolve(clause["default"] if "default" in clause else clause["named"]))
            for clause in (body["datasetClause"] if "datasetClause" in body else ())
        )
    except Exception as exc:  # an undeclared prefix in FROM
        raise QuerySyntaxError(f"cannot resolve a FROM graph name: {exc}") from None
    return Report(has_service=has_service, dataset=dataset)


def _names(node: object) -> Iterator[str]:
    """Names of every parse-tree node under ``node``."""
    if isinstance(node, CompValue):
        yield node.name
        for value in node.values():
            yield from _names(value)
    elif isinstance(node, (list, tuple, ParseResults)):
        for value in node:
            yield from _names(value)

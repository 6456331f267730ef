"""Which variables a trailing ``VALUES`` clause can restrict (SPARQL 1.1 §18.2.4.3).

The clause is joined with the solutions of the WHERE clause after grouping and HAVING, so only
variables in scope there take part in the join: those the WHERE clause binds, or the ``GROUP BY``
variables of an aggregate query. Used by the catalogue to reject parameters that would silently
do nothing. Parsing is rdflib's (this runs once per canned query, at load time).
"""

from __future__ import annotations

from rdflib import Variable
from rdflib.plugins.sparql.algebra import translateQuery
from rdflib.plugins.sparql.parser import parseQuery
from rdflib.plugins.sparql.parserutils import CompValue


def values_scope(text: str) -> set[str]:
    """Names of the variables the trailing ``VALUES`` of ``text`` joins on.

    :raises ValueError: when ``text`` does not parse or has no trailing ``VALUES``.
    """
    try:
        algebra = translateQuery(parseQuery(text)).algebra
    except Exception as exc:  # pyparsing and rdflib raise many kinds
        raise ValueError(" ".join(str(exc).split())) from None
    join = _trailing_join(algebra)
    if join is None:
        raise ValueError("no trailing VALUES clause")
    pattern = join.p1
    while pattern.name == "Filter":  # HAVING
        pattern = pattern.p
    if pattern.name == "AggregateJoin":
        group = pattern.p
        return {str(v) for v in (group.expr or []) if isinstance(v, Variable)}
    return {str(v) for v in pattern._vars}


def _trailing_join(node: CompValue) -> CompValue | None:
    """The first ``Join(…, ToMultiSet)`` above the WHERE clause, walking down from the query."""
    while isinstance(node, CompValue):
        if node.name == "Join" and getattr(node.p2, "name", None) == "ToMultiSet":
            return node
        node = node.get("p") if "p" in node else None
    return None

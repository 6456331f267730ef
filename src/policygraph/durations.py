"""Make ``xsd:duration`` values comparable: a derived length in days on every duration node.

XSD durations of different kinds ("P7Y" and "P30D") are not ordered by SPARQL engines, yet
analysts need "7 years > 30 days". The build adds ``pg:approximateDays`` (years = 365 days,
months = 30 days) beside every ``rdf:value`` or ``dpv:hasDuration`` literal of type
``xsd:duration``; the original value stays untouched.
"""

from __future__ import annotations

import re
from decimal import Decimal

from rdflib import Graph, Literal
from rdflib.namespace import RDF, XSD

from .namespaces import DPV, PG

_DURATION = re.compile(
    r"^-?P(?:(?P<y>\d+)Y)?(?:(?P<mo>\d+)M)?(?:(?P<d>\d+)D)?"
    r"(?:T(?:(?P<h>\d+)H)?(?:(?P<mi>\d+)M)?(?:(?P<s>\d+(?:\.\d+)?)S)?)?$"
)
_DAYS = {"y": 365, "mo": 30, "d": 1}
_SECONDS = {"h": 3600, "mi": 60, "s": 1}


def parse_days(lexical: str) -> Decimal | None:
    """Length of an XSD duration in days, or None when it is not one (XSD has no weeks)."""
    match = _DURATION.match(lexical)
    if not match or lexical in ("P", "PT") or lexical.endswith("T"):
        return None
    parts = match.groupdict()
    days = sum(Decimal(parts[k]) * v for k, v in _DAYS.items() if parts[k])
    seconds = sum(Decimal(parts[k]) * v for k, v in _SECONDS.items() if parts[k])
    total = days + seconds / Decimal(86400)
    return -total if lexical.startswith("-") else total



def add_approximate_days(graph: Graph) -> int:
    """Add ``pg:approximateDays`` to each node with an ``xsd:duration`` value; returns the count."""
    added = 0
    for predicate in (RDF.value, DPV.hasDuration):
        for node, value in list(graph.subject_objects(predicate)):
            if isinstance(value, Literal) and value.datatype == XSD.duration:
                days = parse_days(str(value))
                if days is not None:
                    days_text = _canonical_decimal(days)
                    graph.add((node, PG.approximateDays, Literal(days_text, datatype=XSD.decimal)))
                    added += 1
    return added


def _canonical_decimal(value: Decimal) -> str:
    """XSD canonical decimal ("364.0", "0.5"): what Turtle writers emit, so dumps round-trip."""
    text = format(value.normalize(), "f")
    return text if "." in text else text + ".0"

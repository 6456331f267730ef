"""The query guard: refuse, before any engine sees it, a query that could change data or reach out.

Why a guard at all: pyoxigraph's ``Store.query`` runs ``SERVICE`` clauses (a real HTTP request,
invisible to Python audit hooks) and has no switch to turn that off, and rdflib's engine would
also fetch ``FROM`` graphs and ``LOAD`` sources and read ``file://`` IRIs. So the endpoint refuses

- every SPARQL Update form (a query never contains an update keyword, so one is enough to refuse),
- ``SERVICE`` in any spelling or position,
- ``FROM`` / ``FROM NAMED`` naming a graph this endpoint does not hold.

How, cheaply, in three steps, each only when the one before cannot decide:

1. A substring check (a few µs): no risky keyword anywhere in the case-folded text, not even in a
   string or an IRI, and no backslash (a codepoint escape could spell one) — allowed.
2. A lexical scan that knows SPARQL's strings, IRIs, comments, variables, blank nodes and
   prefixed names (tens of µs): an update keyword or ``SERVICE`` as a token is refused outright;
   a query without risky tokens is allowed.
3. A full parse with rdflib (about 10 ms) for what the scan cannot decide alone: ``FROM`` (its
   IRI may be a prefixed or relative name), a word or prefix that merely *starts* with a keyword
   (Oxigraph reads ``SERVICEex:s`` as ``SERVICE ex:s``), or a character outside SPARQL's lexicon.

Verdicts are cached by query text. The guard errs towards refusing: whatever either reading could
take for a keyword counts as one. It is the first wall; the worker processes that run queries
also drop their network access where the OS allows (see ``executor``).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from .errors import QueryRefused, QuerySyntaxError

UPDATE_KEYWORDS = frozenset({"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH", "USING"})
RISKY_KEYWORDS = UPDATE_KEYWORDS | {"SERVICE", "FROM"}

_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<comment>\#[^\r\n]*)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
              |'(?:[^'\\\r\n]|\\.)*'|"(?:[^"\\\r\n]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$]\w+)
  | (?P<bnode>_:[\w.\-]+)
  | (?P<pname>(?:[^\W\d_][\w.\-]*)?:(?:[\w.\-:%]|\\[_~.\-!$&'()*+,;=/?\#@%])*)
  | (?P<langtag>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
  | (?P<number>(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)
  | (?P<word>[^\W\d]\w*)
  | (?P<punct>\^\^|&&|\|\||!=|<=|>=|[{}()\[\];,.=<>!?+\-*/^|])
  | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)

_FOLDED_KEYWORDS = tuple(k.casefold() for k in RISKY_KEYWORDS)
_CACHE_TEXT_LIMIT = 16_384


@dataclass(frozen=True)
class Verdict:
    """What the engine needs to know about an allowed query.

    :param has_dataset: the query names its own dataset (``FROM``/``FROM NAMED``), so the
        union default graph must not be switched on over it.
    """

    has_dataset: bool = False


@dataclass(frozen=True)
class _Hit:
    keyword: str
    token: str
    line: int
    column: int


def position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset`` in ``text``."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _starts_with_keyword(word: str) -> str | None:
    upper = word.upper()
    return next((k for k in RISKY_KEYWORDS if upper.startswith(k)), None)


def scan(text: str) -> tuple[list[_Hit], _Hit | None]:
    """Risky tokens of ``text``: (exact keyword hits, first token needing a full parse)."""
    hits: list[_Hit] = []
    unsure: _Hit | None = None
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        token = match.group()
        if kind == "word":
            upper = token.upper()
            if upper in RISKY_KEYWORDS:
                hits.append(_Hit(upper, token, *position(text, match.start())))
                continue
            keyword = _starts_with_keyword(token)
        elif kind == "pname":
            keyword = _starts_with_keyword(token.split(":", 1)[0])
        elif kind == "other":
            keyword = "?"  # not a keyword: a character outside the lexicon, so the scan stops here
        else:
            continue
        if keyword and unsure is None:
            unsure = _Hit(keyword, token, *position(text, match.start()))
        if kind == "other":
            break  # the lexicon ended here; the full parse decides the rest
    return hits, unsure


class Guard:
    """Decides whether a query may run against a store holding ``local_graphs``.

    >>> guard = Guard({"https://w3id.org/policygraph/graph/soosr"})
    >>> guard.check("SELECT * WHERE { ?s ?p ?o }")
    Verdict(has_dataset=False)
    >>> guard.check("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    Traceback (most recent call last):
    ...
    policygraph.sparql.errors.QueryRefused: SERVICE (federated query) is not allowed: this endpoint never opens outbound connections (line 1, column 18)
    """

    def __init__(self, local_graphs: Iterable[str]) -> None:
        self.local_graphs = frozenset(local_graphs)
        self._cached = lru_cache(maxsize=1024)(self._decide)

    def check(self, text: str) -> Verdict:
        """The verdict for ``text``.

        :raises QueryRefused: for an update, SERVICE or a FROM naming a graph not held here.
        :raises QuerySyntaxError: when a full parse was needed and failed.
        """
        outcome = self._cached(text) if len(text) <= _CACHE_TEXT_LIMIT else self._decide(text)
        if isinstance(outcome, Exception):
            raise copy.copy(outcome)  # a fresh instance per raise: the cached one keeps no traceback
        return outcome

    def _decide(self, text: str) -> Verdict | QueryRefused | QuerySyntaxError:
        try:
            return self._verdict(text)
        except (QueryRefused, QuerySyntaxError) as exc:
            return exc

    def _verdict(self, text: str) -> Verdict:
        folded = text.casefold()  # casefold, not lower: 'ſ' folds to 's', as a lenient reader might
        if "\\" not in text and not any(keyword in folded for keyword in _FOLDED_KEYWORDS):
            return Verdict()  # the fast path: no risky keyword anywhere, not even inside a string
        hits, unsure = scan(text)
        for hit in hits:
            if hit.keyword in UPDATE_KEYWORDS:
                raise QueryRefused(
                    f"{hit.token} is SPARQL Update; this endpoint is read-only", hit.line, hit.column
                )
            if hit.keyword == "SERVICE":
                raise _service_refused(hit.line, hit.column)
        if unsure is None and not hits:
            return Verdict()
        from .full_parse import inspect  # rdflib's parser: imported only when needed

        why = unsure or hits[0]
        try:
            report = inspect(text, f"{why.token!r} at line {why.line}, column {why.column}")
        except QuerySyntaxError:
            if why.keyword == "SERVICE":  # e.g. SERVICEex:s, which Oxigraph runs as SERVICE ex:s
                raise _service_refused(why.line, why.column) from None
            if why.keyword in UPDATE_KEYWORDS:
                raise QueryRefused(f"{why.token} reads as SPARQL Update; this endpoint is read-only", why.line, why.column) from None
            raise
        if report.is_update:
            raise QueryRefused("SPARQL Update is not accepted; this endpoint is read-only", why.line, why.column)
        if report.has_service:
            raise _service_refused(why.line, why.column)
        remote = [iri for iri in report.dataset if iri not in self.local_graphs]
        if remote:
            raise QueryRefused(
                f"FROM <{remote[0]}> names a graph this endpoint does not hold; it never fetches "
                "remote data (the service description lists the graphs it holds)"
            )
        return Verdict(has_dataset=bool(report.dataset))


def _service_refused(line: int | None, column: int | None) -> QueryRefused:
    return QueryRefused(
        "SERVICE (federated query) is not allowed: this endpoint never opens outbound connections", line, column
    )

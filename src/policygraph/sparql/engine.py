"""Run one job against an in-memory pyoxigraph store: guard, query, negotiate, serialise.

The same :class:`Engine` answers in-process (``policygraph query``) and inside the server's
worker processes (``executor``). Jobs and answers are plain picklable values, so they can cross
a process boundary; nothing here knows about HTTP.

Dataset rules (SPARQL 1.1 Protocol §2.1.4 and the endpoint's promise):

- no dataset in the request or the query: the default graph is the union of all named graphs;
- ``FROM``/``FROM NAMED`` in the query (graphs held here only, see ``guard``): that dataset;
- ``default-graph-uri``/``named-graph-uri`` in the request: that dataset, overriding the
  query's. A graph IRI not held here is an empty graph — nothing is ever fetched.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from ..namespaces import PREFIXES
from .errors import BadRequest, QueryFailed, QuerySyntaxError, UnknownGraph
from .guard import Guard
from .negotiation import Format, negotiate
from .results import GRAPH_FORMATS, keeps_graph_names, offered_for, serialise_rdf, serialise_result

DEFAULT_MAX_RESULT_BYTES = 16 * 1024 * 1024
#: Prefixes written in graph results (Turtle, TriG, N3, RDF/XML): the project's own.
RESULT_PREFIXES = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}


@dataclass(frozen=True)
class Source:
    """An RDF file to load; ``graph`` puts its triples in that named graph (quad formats keep theirs)."""

    path: str
    graph: str | None = None

    def load_into(self, store: ox.Store) -> None:
        """:raises ValueError: for a file whose format the extension does not tell."""
        fmt = ox.RdfFormat.from_extension(Path(self.path).suffix.lstrip("."))
        if fmt is None:
            raise ValueError(f"{self.path}: unknown RDF file extension")
        target = ox.NamedNode(self.graph) if self.graph else None
        store.bulk_load(path=self.path, format=fmt, to_graph=target)


@dataclass(frozen=True)
class QueryJob:
    """A SPARQL query with its protocol dataset (``None``: not given), base IRI and format wishes."""

    text: str
    base_iri: str | None = None
    default_graphs: tuple[str, ...] | None = None
    named_graphs: tuple[str, ...] | None = None
    accept: str | None = None
    requested: tuple[str, ...] = ()


@dataclass(frozen=True)
class GraphJob:
    """One graph from the graph store: a named graph, or the default (union) graph when ``None``."""

    graph: str | None
    accept: str | None = None
    requested: tuple[str, ...] = ()


@dataclass(frozen=True)
class Answer:
    """A finished response body and its media type; the status is 200 by construction."""

    content_type: str
    body: bytes
    format: str


@dataclass(frozen=True)
class DatasetInfo:
    """The named graphs a store holds and their sizes (triples)."""

    graphs: dict[str, int]

    @property
    def triples(self) -> int:
        return sum(self.graphs.values())


class Engine:
    """A store plus the guard and limits every job goes through."""

    def __init__(self, store: ox.Store, max_result_bytes: int = DEFAULT_MAX_RESULT_BYTES) -> None:
        self.store = store
        self.max_result_bytes = max_result_bytes
        counts: dict[str, int] = {}
        for quad in store:
            if isinstance(quad.graph_name, ox.NamedNode):
                counts[quad.graph_name.value] = counts.get(quad.graph_name.value, 0) + 1
        self.info = DatasetInfo(dict(sorted(counts.items())))
        self.guard = Guard(self.info.graphs)

    @classmethod
    def load(cls, sources: Sequence[Source], max_result_bytes: int = DEFAULT_MAX_RESULT_BYTES) -> Engine:
        store = ox.Store()
        for source in sources:
            source.load_into(store)
        return cls(store, max_result_bytes)

    def run(self, job: QueryJob | GraphJob) -> Answer:
        """Answer one job.

        :raises QueryRefused: the guard refused the query.
        :raises BadRequest: a protocol dataset IRI that is not an IRI.
        :raises QuerySyntaxError: the query does not parse.
        :raises NotAcceptable: no acceptable format for this kind of result.
        :raises UnknownGraph: a graph store request for a graph not held here.
        :raises QueryFailed: the query's evaluation failed.
        :raises ResultTooLarge: the serialised answer passed the size limit.
        """
        if isinstance(job, GraphJob):
            return self._graph(job)
        verdict = self.guard.check(job.text)
        options: dict[str, object] = {"base_iri": job.base_iri}
        if job.default_graphs is not None or job.named_graphs is not None:
            options["default_graph"] = _graph_names(job.default_graphs, "default-graph-uri")
            options["named_graphs"] = _graph_names(job.named_graphs, "named-graph-uri")
        elif not verdict.has_dataset:
            options["use_default_graph_as_union"] = True
        try:
            result = self.store.query(job.text, **options)
            fmt = negotiate(offered_for(result), job.accept, job.requested)
            return _answer(fmt, serialise_result(result, fmt, self.max_result_bytes, RESULT_PREFIXES))
        except SyntaxError as exc:
            raise _syntax_error(exc) from None
        except RuntimeError as exc:  # evaluation is lazy: these surface while serialising
            raise QueryFailed(f"the query failed: {exc}") from None

    def _graph(self, job: GraphJob) -> Answer:
        fmt = negotiate(GRAPH_FORMATS, job.accept, job.requested)
        if job.graph is None:
            triples = {quad.triple for quad in self.store}
            return _answer(fmt, serialise_rdf(triples, fmt, self.max_result_bytes, RESULT_PREFIXES))
        if job.graph not in self.info.graphs:
            raise UnknownGraph(f"no graph <{job.graph}> here; the service description lists the graphs")
        quads = self.store.quads_for_pattern(None, None, None, ox.NamedNode(job.graph))
        statements = quads if keeps_graph_names(fmt) else (quad.triple for quad in quads)
        return _answer(fmt, serialise_rdf(statements, fmt, self.max_result_bytes, RESULT_PREFIXES))


def _graph_names(iris: tuple[str, ...] | None, parameter: str) -> list[ox.NamedNode]:
    try:
        return [ox.NamedNode(iri) for iri in iris or ()]
    except ValueError as exc:
        raise BadRequest(f"{parameter}: {exc}") from None


def _answer(fmt: Format, body: bytes) -> Answer:
    return Answer(fmt.content_type, body, fmt.name)


def _syntax_error(exc: SyntaxError) -> QuerySyntaxError:
    """pyoxigraph's message already starts with ``error at LINE:COLUMN:``; keep it as fields."""
    message = str(exc)
    line = column = None
    if message.startswith("error at "):
        where, _, rest = message[len("error at "):].partition(": ")
        numbers = where.split(":")
        if len(numbers) == 2 and all(n.isdigit() for n in numbers):
            line, column = int(numbers[0]), int(numbers[1])
            message = rest
    return QuerySyntaxError(" ".join(message.split()), line, column)

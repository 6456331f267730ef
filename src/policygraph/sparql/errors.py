"""What can go wrong with a query, by whose fault; the HTTP and CLI edges map these once.

Client mistakes subclass :class:`~policygraph.errors.QueryError`; limits the server enforces
subclass :class:`LimitExceeded`. Every class keeps its constructor arguments in ``args`` so that
instances survive pickling between a worker process and the server.
"""

from __future__ import annotations

from ..errors import PolicyGraphError, QueryError


class QuerySyntaxError(QueryError):
    """The query does not parse; carries the parser's message and, where known, the position."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None) -> None:
        super().__init__(message, line, column)
        self.message, self.line, self.column = message, line, column

    def __str__(self) -> str:
        return self.message if self.line is None else f"line {self.line}, column {self.column}: {self.message}"


class QueryRefused(QueryError):
    """A well-formed request this read-only, offline endpoint will not run (update, SERVICE,
    FROM naming a graph it does not hold)."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None) -> None:
        super().__init__(message, line, column)
        self.message, self.line, self.column = message, line, column

    def __str__(self) -> str:
        return self.message if self.line is None else f"{self.message} (line {self.line}, column {self.column})"


class QueryFailed(QueryError):
    """The query parsed but its evaluation failed (e.g. an unbound SERVICE name)."""


class BadRequest(QueryError):
    """The request breaks the SPARQL protocol (no query, two queries, bad encoding, bad parameter)."""


class UnsupportedMediaType(QueryError):
    """A POST body in a media type or charset the protocol does not allow."""


class RequestTooLarge(QueryError):
    """The query or request body is larger than the configured limit."""


class NotAcceptable(QueryError):
    """None of the formats the client accepts can carry this result."""

    def __init__(self, offered: tuple[str, ...]) -> None:
        super().__init__(offered)
        self.offered = offered

    def __str__(self) -> str:
        return "no acceptable format; this resource is available as " + ", ".join(self.offered)


class UnknownGraph(QueryError):
    """A graph store request names a graph the endpoint does not hold."""


class LimitExceeded(PolicyGraphError):
    """The server stopped work on a request because it hit a configured limit."""


class QueryTimeout(LimitExceeded):
    """The query ran longer than the time limit; its worker process was killed."""


class ResultTooLarge(LimitExceeded):
    """The serialised result grew past the result-size limit."""


class QueryAborted(LimitExceeded):
    """The worker died while running the query, most likely at its memory limit."""


class ServerBusy(LimitExceeded):
    """Every worker stayed busy for longer than the queue timeout."""


class WorkerFailed(PolicyGraphError):
    """A worker process died or answered nonsense: our fault, logged, reported as 500."""

"""The SPARQL 1.1 Protocol's query operation (https://www.w3.org/TR/sparql11-protocol/#query-operation),
read from plain values: method, Content-Type, URL parameters and body.

Three ways to send a query (§2.1.1–2.1.3): GET with ``query=``, POST of a form with ``query=``,
POST of the bare query as ``application/sparql-query``. The dataset comes from
``default-graph-uri``/``named-graph-uri``. Anything that asks for an update (an ``update``
parameter, an ``application/sparql-update`` body) is refused here, before a query is even looked
at; the guard refuses updates spelled inside ``query``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import parse_qs

from .engine import QueryJob
from .errors import BadRequest, QueryRefused, RequestTooLarge, UnsupportedMediaType

FORM = "application/x-www-form-urlencoded"
SPARQL_QUERY = "application/sparql-query"
SPARQL_UPDATE = "application/sparql-update"

DEFAULT_MAX_QUERY_BYTES = 64 * 1024

Params = Mapping[str, Sequence[str]]


@dataclass(frozen=True)
class Limits:
    max_query_bytes: int = DEFAULT_MAX_QUERY_BYTES


def parse_content_type(value: str | None) -> tuple[str, dict[str, str]]:
    """``"text/plain; charset=UTF-8"`` → ``("text/plain", {"charset": "utf-8"})``."""
    if not value:
        return "", {}
    kind, *params = value.split(";")
    parsed = {}
    for param in params:
        key, _, val = param.partition("=")
        parsed[key.strip().lower()] = val.strip().strip('"').lower()
    return kind.strip().lower(), parsed


def query_job(
    method: str,
    content_type: str | None,
    args: Params,
    body: bytes,
    accept: str | None,
    limits: Limits = Limits(),
    base_iri: str | None = None,
) -> QueryJob | None:
    """The query a protocol request asks for, or ``None`` when it carries none (a GET without
    ``query`` asks for the service description).

    :param args: the URL's parameters, each with all its values.
    :param base_iri: resolves relative IRIs in the query (the endpoint's URL, as Oxigraph's server does).
    :raises QueryRefused: an update request.
    :raises UnsupportedMediaType: a POST body that is neither a form nor a query.
    :raises BadRequest: two queries, a form without a query, a body that is not UTF-8.
    :raises RequestTooLarge: a query above ``limits.max_query_bytes``.
    """
    params: dict[str, list[str]] = {key: list(values) for key, values in args.items()}
    if method in ("GET", "HEAD"):
        _refuse_update(params)
        if "query" not in params:
            return None
    elif method == "POST":
        kind, options = parse_content_type(content_type)
        if kind == SPARQL_UPDATE:
            raise QueryRefused("SPARQL Update is not accepted; this endpoint is read-only")
        if options.get("charset", "utf-8") != "utf-8":
            raise UnsupportedMediaType(f"the body must be UTF-8, not {options['charset']}")
        text = _decode(body)
        if kind == FORM:
            for key, values in parse_qs(text, keep_blank_values=True).items():
                params.setdefault(key, []).extend(values)
            _refuse_update(params)
            if "query" not in params:
                raise BadRequest("the form has no query parameter")
        elif kind == SPARQL_QUERY:
            if "query" in params:
                raise BadRequest("send the query either in the body or as the query parameter, not both")
            params["query"] = [text]
        else:
            raise UnsupportedMediaType(
                f"POST a query as {SPARQL_QUERY} or as a {FORM} form"
                + (f", not {kind}" if kind else " (the request has no Content-Type)")
            )
    else:
        raise BadRequest(f"{method} cannot carry a query")
    return _job(params, accept, limits, base_iri)


def _refuse_update(params: Mapping[str, Sequence[str]]) -> None:
    if "update" in params:
        raise QueryRefused("SPARQL Update is not accepted; this endpoint is read-only")


def _decode(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadRequest(f"the request body is not valid UTF-8 (byte {exc.start})") from None


def _job(params: Mapping[str, Sequence[str]], accept: str | None, limits: Limits, base_iri: str | None) -> QueryJob:
    queries = params["query"]
    if len(queries) != 1:
        raise BadRequest(f"a request carries exactly one query, this one has {len(queries)}")
    text = queries[0]
    if len(text.encode("utf-8")) > limits.max_query_bytes:
        raise RequestTooLarge(f"the query is longer than the limit of {limits.max_query_bytes:,} bytes")
    if not text.strip():
        raise BadRequest("the query is empty")
    default = params.get("default-graph-uri")
    named = params.get("named-graph-uri")
    return QueryJob(
        text=text,
        base_iri=base_iri,
        default_graphs=tuple(default) if default is not None else None,
        named_graphs=tuple(named) if named is not None else None,
        accept=accept,
        requested=tuple(params.get("format", ())),
    )

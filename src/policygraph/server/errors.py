"""The HTTP edge for errors: each library error maps to one status, once, here.

Client mistakes are 4xx with the library's message; limits the server enforces are 503 (time
limit, busy, worker stopped) or 507 (result too large to buffer); anything else is our bug: 500,
logged with its traceback, and the client sees no detail. Every error body is ``text/plain``.
"""

from __future__ import annotations

from flask import Flask, Response, request
from werkzeug.exceptions import HTTPException

from ..catalogue import ParameterError
from ..errors import PolicyGraphError, QueryError
from ..sparql.errors import (
    BadRequest,
    LimitExceeded,
    NotAcceptable,
    QueryAborted,
    QueryFailed,
    QueryRefused,
    QuerySyntaxError,
    QueryTimeout,
    RequestTooLarge,
    ResultTooLarge,
    ServerBusy,
    UnknownGraph,
    UnsupportedMediaType,
)
from .responses import text_response

#: First match wins, so subclasses come before their bases.
STATUS: tuple[tuple[type[Exception], int], ...] = (
    (QuerySyntaxError, 400),
    (QueryFailed, 400),
    (BadRequest, 400),
    (ParameterError, 400),
    (QueryRefused, 403),
    (UnknownGraph, 404),
    (NotAcceptable, 406),
    (RequestTooLarge, 413),
    (UnsupportedMediaType, 415),
    (QueryError, 400),
    (QueryTimeout, 503),
    (ServerBusy, 503),
    (QueryAborted, 503),
    (ResultTooLarge, 507),
    (LimitExceeded, 503),
)


def status_of(error: Exception) -> int:
    """The HTTP status for a library error; 500 for anything not in :data:`STATUS`."""
    return next((status for kind, status in STATUS if isinstance(error, kind)), 500)


def register(app: Flask) -> None:
    """Install the handlers that turn every exception into a plain-text response."""

    @app.errorhandler(PolicyGraphError)
    def _library_error(error: PolicyGraphError) -> Response:
        status = status_of(error)
        if status == 500:
            app.logger.error("internal error: %s", error, exc_info=error)
            return text_response("internal server error", 500)
        response = text_response(str(error), status)
        if isinstance(error, ServerBusy):
            response.headers["Retry-After"] = "5"
        return response

    @app.errorhandler(HTTPException)
    def _http_error(error: HTTPException) -> Response:
        message = error.description or error.name
        allow = dict(error.get_headers()).get("Allow")
        if error.code == 405:
            message = f"{request.method} is not allowed here; this service is read-only (allowed: {allow})"
        response = text_response(message, error.code or 500)
        if allow:
            response.headers["Allow"] = allow
        return response

    @app.errorhandler(Exception)
    def _bug(error: Exception) -> Response:
        app.logger.error("internal error", exc_info=error)
        return text_response("internal server error", 500)

"""Building responses: finished answers, JSON and HTML pages, files with validators; plus the
hooks every response passes through (CORS for the public read API, gzip when it pays)."""

from __future__ import annotations

import gzip
import json
from collections.abc import Sequence
from datetime import datetime

from flask import Flask, Request, Response, request

from ..sparql.engine import Answer
from ..sparql.negotiation import CHARSET, Format, accepts_encoding, negotiate

HTML = Format("html", "text/html", ("application/xhtml+xml",))
JSON = Format("json", "application/json")

_COMPRESSIBLE = ("text/", "application/")
_CORS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Expose-Headers": "ETag, Last-Modified, Content-Encoding, Content-Length",
}
_PREFLIGHT = {
    "Access-Control-Allow-Methods": "GET, HEAD, POST, OPTIONS",
    "Access-Control-Allow-Headers": "Accept, Content-Type, If-None-Match, If-Modified-Since",
    "Access-Control-Max-Age": "86400",
}


def chosen_format(offered: Sequence[Format], req: Request | None = None) -> Format:
    """Negotiate ``offered`` against the request's ``format`` parameter and ``Accept`` header."""
    req = req or request
    return negotiate(offered, req.headers.get("Accept"), tuple(req.args.getlist("format")))


def answer(result: Answer) -> Response:
    """A finished answer of the engine: 200, its media type, and ``Vary: Accept``."""
    response = Response(result.body, status=200, content_type=result.content_type)
    response.vary.add("Accept")
    return response


def json_response(data: object, status: int = 200) -> Response:
    body = json.dumps(data, ensure_ascii=False, indent=1).encode(CHARSET) + b"\n"
    return Response(body, status=status, content_type=JSON.content_type)


def html_response(page: str) -> Response:
    return Response(page.encode(CHARSET), status=200, content_type=HTML.content_type)


def text_response(message: str, status: int) -> Response:
    return Response(message.rstrip("\n") + "\n", status=status, content_type=f"text/plain; charset={CHARSET}")


def file_response(body: bytes, content_type: str, etag: str, modified: datetime, gzipped: bytes | None = None) -> Response:
    """A stored file with ``ETag``/``Last-Modified``, answering conditional requests with 304.

    :param gzipped: the same file gzip-compressed, sent (with its own ETag) when the client accepts gzip.
    """
    use_gzip = gzipped is not None and accepts_encoding(request.headers.get("Accept-Encoding"), "gzip")
    response = Response(gzipped if use_gzip else body, status=200, content_type=content_type)
    response.vary.add("Accept-Encoding")
    if use_gzip:
        response.headers["Content-Encoding"] = "gzip"
    response.set_etag(f"{etag}-gzip" if use_gzip else etag)
    response.last_modified = modified
    response.cache_control.public = True
    response.cache_control.max_age = 3600
    return response.make_conditional(request)


def register_hooks(app: Flask, gzip_min_bytes: int) -> None:
    """CORS on every response; gzip for large compressible bodies the client accepts."""

    @app.after_request
    def _finish(response: Response) -> Response:
        response.headers.update(_CORS)
        if request.method == "OPTIONS":
            response.headers.update(_PREFLIGHT)
        if _worth_compressing(response, gzip_min_bytes):
            response.set_data(gzip.compress(response.get_data(), compresslevel=5))
            response.headers["Content-Encoding"] = "gzip"
            response.vary.add("Accept-Encoding")
        return response


def _worth_compressing(response: Response, minimum: int) -> bool:
    return (
        response.status_code == 200
        and not response.direct_passthrough
        and "Content-Encoding" not in response.headers
        and (response.mimetype or "").startswith(_COMPRESSIBLE)
        and (response.content_length or 0) >= minimum
        and accepts_encoding(request.headers.get("Accept-Encoding"), "gzip")
    )

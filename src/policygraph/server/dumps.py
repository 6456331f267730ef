"""Dumps: every file of the built ``dist/`` under ``/dumps/``, VoID at ``/.well-known/void``.

Files are read once at start-up, together with the store the workers load, so what is served
always matches what is queried even if ``dist/`` is rebuilt meanwhile. Each file carries a
strong ``ETag`` (its SHA-256), ``Last-Modified`` and a gzip variant.
"""

from __future__ import annotations

import gzip
import hashlib
from html import escape
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from flask import Blueprint, Response, abort, request

from ..dumps import CHECKSUMS, VOID
from ..sparql.negotiation import CHARSET
from ..void import MEDIA_TYPES
from .responses import HTML, JSON, chosen_format, file_response, html_response, json_response

_MEDIA_TYPES = {**MEDIA_TYPES, "": "text/plain"}


@dataclass
class DumpFile:
    name: str
    body: bytes
    modified: datetime
    sha256: str = ""
    _gzipped: bytes | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        self.sha256 = hashlib.sha256(self.body).hexdigest()

    @property
    def content_type(self) -> str:
        media_type = _MEDIA_TYPES.get(Path(self.name).suffix, "application/octet-stream")
        return f"{media_type}; charset={CHARSET}"

    @property
    def gzipped(self) -> bytes:
        if self._gzipped is None:
            self._gzipped = gzip.compress(self.body, compresslevel=9, mtime=0)
        return self._gzipped

    def response(self) -> Response:
        return file_response(self.body, self.content_type, self.sha256, self.modified, self.gzipped)


def read_dist(dist: Path) -> dict[str, DumpFile]:
    """Every file under ``dist`` by its path relative to it (``/`` separated), sorted.

    :raises FileNotFoundError: when ``dist`` is not a folder.
    """
    if not dist.is_dir():
        raise FileNotFoundError(f"no build at {dist}; run `policygraph build`")
    files = {}
    for path in sorted(p for p in dist.rglob("*") if p.is_file() and not p.name.startswith(".")):
        modified = datetime.fromtimestamp(int(path.stat().st_mtime), tz=timezone.utc)
        name = path.relative_to(dist).as_posix()
        files[name] = DumpFile(name, path.read_bytes(), modified)
    return files


def blueprint(files: dict[str, DumpFile]) -> Blueprint:
    bp = Blueprint("dumps", __name__)

    @bp.get("/dumps/")
    def index() -> Response:
        listing = [
            {"name": f.name, "url": f"{request.url_root}dumps/{f.name}", "contentType": f.content_type,
             "bytes": len(f.body), "sha256": f.sha256}
            for f in files.values()
        ]
        if chosen_format((JSON, HTML)) == HTML:
            return html_response(_page(listing))
        return json_response(listing)

    @bp.get("/dumps/<path:name>")
    def dump(name: str) -> Response:
        if name not in files:
            abort(404, f"no dump named {name}; the list is at /dumps/")
        return files[name].response()

    @bp.get("/.well-known/void")
    def void() -> Response:
        if VOID not in files:
            abort(404, "this build has no VoID description")
        return files[VOID].response()

    return bp


def _page(listing: list[dict]) -> str:
    rows = "".join(
        f'<tr><td><a href="{escape(f["url"])}">{escape(f["name"])}</a></td><td>{f["bytes"]:,}</td>'
        f"<td><code>{f['sha256']}</code></td></tr>"
        for f in listing
    )
    return (
        "<!doctype html><html lang=en><meta charset=utf-8><title>policygraph dumps</title>"
        f"<h1>Dumps</h1><p>Checksums: <a href={CHECKSUMS}>{CHECKSUMS}</a>; VoID: "
        '<a href="/.well-known/void">/.well-known/void</a>.</p>'
        f"<table><tr><th>file<th>bytes<th>SHA-256</tr>{rows}</table></html>"
    )

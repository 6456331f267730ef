"""``/dumps/`` and ``/.well-known/void``: every dist file, with validators, 304s and gzip."""

from __future__ import annotations

import gzip
import hashlib
from pathlib import Path

from flask.testing import FlaskClient

from endpoint_helpers import parse_rdf


def test_every_dist_file_is_downloadable_and_matches_its_checksum(client: FlaskClient, dist: Path) -> None:
    sums = dict(line.split("  ")[::-1] for line in (dist / "SHA256SUMS").read_text().splitlines())
    assert "statements/soosr.ttl" in sums
    for name, digest in sums.items():
        response = client.get(f"/dumps/{name}")
        assert response.status_code == 200, name
        assert hashlib.sha256(response.data).hexdigest() == digest
        assert response.headers["ETag"] == f'"{digest}"'
        assert "charset=utf-8" in response.content_type
    assert client.get("/dumps/SHA256SUMS").content_type == "text/plain; charset=utf-8"


def test_rdf_dumps_parse(client: FlaskClient) -> None:
    for name in ("policygraph.ttl", "policygraph.nt", "policygraph.nq", "policygraph.trig", "policygraph.jsonld"):
        response = client.get(f"/dumps/{name}")
        assert len(parse_rdf(response.data, response.content_type)) > 0 or name.endswith((".nq", ".trig")), name


def test_conditional_get(client: FlaskClient) -> None:
    first = client.get("/dumps/policygraph.ttl")
    assert client.get("/dumps/policygraph.ttl", headers={"If-None-Match": first.headers["ETag"]}).status_code == 304
    since = client.get("/dumps/policygraph.ttl", headers={"If-Modified-Since": first.headers["Last-Modified"]})
    assert since.status_code == 304
    assert client.get("/dumps/policygraph.ttl", headers={"If-None-Match": '"other"'}).status_code == 200


def test_gzip_variant(client: FlaskClient) -> None:
    plain = client.get("/dumps/policygraph.nt")
    zipped = client.get("/dumps/policygraph.nt", headers={"Accept-Encoding": "gzip"})
    assert zipped.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(zipped.data) == plain.data
    assert zipped.headers["ETag"] != plain.headers["ETag"]
    assert "Accept-Encoding" in zipped.headers["Vary"]
    again = client.get("/dumps/policygraph.nt", headers={"Accept-Encoding": "gzip", "If-None-Match": zipped.headers["ETag"]})
    assert again.status_code == 304


def test_head_has_headers_and_no_body(client: FlaskClient) -> None:
    response = client.head("/dumps/policygraph.ttl")
    assert response.status_code == 200 and response.data == b"" and response.headers["ETag"]


def test_void_is_at_the_well_known_address(client: FlaskClient) -> None:
    response = client.get("/.well-known/void")
    assert response.content_type == "text/turtle; charset=utf-8"
    assert len(parse_rdf(response.data, response.content_type)) > 10


def test_listing_and_unknown_files(client: FlaskClient) -> None:
    listing = client.get("/dumps/").json
    assert {"policygraph.nq", "SHA256SUMS", "void.ttl"} <= {entry["name"] for entry in listing}
    assert client.get("/dumps/", headers={"Accept": "text/html"}).content_type.startswith("text/html")
    assert client.get("/dumps/nope.ttl").status_code == 404
    assert client.get("/dumps/../pyproject.toml").status_code == 404

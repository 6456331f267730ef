"""The SPARQL 1.1 Protocol query operation, read from plain values (no HTTP server involved)."""

from __future__ import annotations

import pytest

from policygraph.sparql.errors import BadRequest, QueryRefused, RequestTooLarge, UnsupportedMediaType
from policygraph.sparql.protocol import Limits, parse_content_type, query_job

ASK = "ASK {}"


def test_get_with_query_and_dataset() -> None:
    job = query_job("GET", None, {"query": [ASK], "default-graph-uri": ["a:g", "a:h"], "format": ["xml"]}, b"", "text/csv")
    assert job.text == ASK
    assert job.default_graphs == ("a:g", "a:h") and job.named_graphs is None
    assert job.requested == ("xml",) and job.accept == "text/csv"


def test_get_without_query_asks_for_the_service_description() -> None:
    assert query_job("GET", None, {}, b"", None) is None
    assert query_job("HEAD", None, {"format": ["turtle"]}, b"", None) is None


def test_post_form_merges_body_and_url_parameters() -> None:
    body = b"query=ASK%20%7B%7D&named-graph-uri=a%3Ag"
    job = query_job("POST", "application/x-www-form-urlencoded", {"default-graph-uri": ["a:d"]}, body, None)
    assert job.text == ASK and job.named_graphs == ("a:g",) and job.default_graphs == ("a:d",)


def test_post_direct_query_with_utf8_charset() -> None:
    job = query_job("POST", "application/sparql-query; charset=UTF-8", {}, "ASK { ?s ?p 'é' }".encode(), None, base_iri="http://h/sparql")
    assert job.text == "ASK { ?s ?p 'é' }" and job.base_iri == "http://h/sparql"


@pytest.mark.parametrize(
    ("method", "content_type", "args", "body"),
    [
        ("GET", None, {"update": ["CLEAR ALL"]}, b""),
        ("POST", "application/x-www-form-urlencoded", {}, b"update=CLEAR%20ALL"),
        ("POST", "application/x-www-form-urlencoded", {}, b"update=CLEAR%20NAMED&update=CLEAR%20DEFAULT"),
        ("POST", "application/sparql-update", {}, b"CLEAR ALL"),
        ("POST", "application/sparql-update; charset=UTF-16", {}, b"CLEAR ALL"),
    ],
)
def test_update_requests_are_refused(method: str, content_type: str | None, args: dict, body: bytes) -> None:
    with pytest.raises(QueryRefused, match="read-only"):
        query_job(method, content_type, args, body, None)


@pytest.mark.parametrize(
    ("content_type", "body"),
    [(None, b"query=ASK%20%7B%7D"), (None, b"ASK {}"), ("text/plain", b"ASK {}"), ("application/sparql-query; charset=UTF-16", b"ASK {}")],
)
def test_bodies_in_other_media_types_are_unsupported(content_type: str | None, body: bytes) -> None:
    with pytest.raises(UnsupportedMediaType):
        query_job("POST", content_type, {}, body, None)


@pytest.mark.parametrize(
    ("method", "content_type", "args", "body"),
    [
        ("GET", None, {"query": [ASK, "SELECT * {}"]}, b""),
        ("GET", None, {"query": ["  "]}, b""),
        ("POST", "application/x-www-form-urlencoded", {}, b"format=json"),
        ("POST", "application/sparql-query", {"query": [ASK]}, b"ASK {}"),
        ("POST", "application/sparql-query", {}, b"ASK { 'caf\xe9' }"),
    ],
)
def test_protocol_mistakes_are_bad_requests(method: str, content_type: str | None, args: dict, body: bytes) -> None:
    with pytest.raises(BadRequest):
        query_job(method, content_type, args, body, None)


def test_a_query_above_the_limit_is_too_large() -> None:
    with pytest.raises(RequestTooLarge):
        query_job("GET", None, {"query": ["ASK {} #" + "x" * 100]}, b"", None, Limits(max_query_bytes=64))


def test_parse_content_type() -> None:
    assert parse_content_type('Application/SPARQL-Query; Charset="UTF-8"') == ("application/sparql-query", {"charset": "utf-8"})
    assert parse_content_type(None) == ("", {})

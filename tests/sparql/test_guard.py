"""The guard refuses updates, SERVICE and FROM of graphs not held here, before any engine runs.

Cases are grouped by what a reader could get wrong: keywords hidden in spellings Oxigraph still
accepts, and keywords that are only text (strings, IRIs, comments, names) and must not be refused.
"""

from __future__ import annotations

import doctest

import pytest

from policygraph.sparql import guard as guard_module
from policygraph.sparql.errors import QueryRefused, QuerySyntaxError
from policygraph.sparql.guard import Guard, Verdict

LOCAL = "https://w3id.org/policygraph/graph/soosr"
EX = "PREFIX ex: <http://127.0.0.1:9/> "


@pytest.fixture()
def guard() -> Guard:
    return Guard({LOCAL})


UPDATES = [
    "INSERT DATA { <a:s> <a:p> <a:o> }",
    "DELETE DATA { <a:s> <a:p> <a:o> }",
    "DELETE WHERE { ?s ?p ?o }",
    "DELETE { ?s ?p ?o } INSERT { ?s ?p 1 } WHERE { ?s ?p ?o }",
    "WITH <a:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
    "INSERT { ?s ?p ?o } USING <a:g> WHERE { ?s ?p ?o }",
    "LOAD <http://127.0.0.1:9/data.ttl>",
    "LOAD SILENT <file:///etc/passwd> INTO GRAPH <a:g>",
    "CLEAR ALL",
    "CLEAR DEFAULT",
    "DROP GRAPH <a:g>",
    "DROP ALL",
    "CREATE GRAPH <a:g>",
    "ADD <a:g> TO <a:h>",
    "MOVE DEFAULT TO <a:h>",
    "COPY <a:g> TO DEFAULT",
    "insert data { <a:s> <a:p> <a:o> }",
    "PREFIX ex: <http://e/> DELETE WHERE { ?s ex:p ?o }",
    "SELECT * WHERE { ?s ?p ?o } ; CLEAR ALL",
]


@pytest.mark.parametrize("text", UPDATES)
def test_every_update_form_is_refused(guard: Guard, text: str) -> None:
    with pytest.raises(QueryRefused, match="read-only"):
        guard.check(text)


SERVICES = [
    "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { service SILENT <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { SeRvIcE ?endpoint { ?s ?p ?o } }",
    "SELECT * WHERE { SERVICE<http://127.0.0.1:9/sparql>{?s ?p ?o} }",
    "SELECT * WHERE { SERVICE#comment\n<http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
    EX + "SELECT * WHERE { SERVICE ex:sparql { ?s ?p ?o } }",
    EX + "SELECT * WHERE { SERVICEex:sparql { ?s ?p ?o } }",  # Oxigraph reads this as SERVICE ex:sparql
    "SELECT * WHERE { ?s ?p 1SERVICE <http://127.0.0.1:9/> { } }",
    "ASK { { SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } } } }",
    "SELECT * WHERE { \\u0053ERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",  # a codepoint escape
    "SELECT * WHERE { ſervice <http://127.0.0.1:9/> { ?s ?p ?o } }",  # long s folds to s
    EX + "SELECT * WHERE { ?s ex:a\\' SERVICE <http://127.0.0.1:9/> { } ' }",  # \' ends no string here
]


@pytest.mark.parametrize("text", SERVICES)
def test_service_is_refused_in_every_spelling(guard: Guard, text: str) -> None:
    with pytest.raises(QueryRefused, match="SERVICE"):
        guard.check(text)


@pytest.mark.parametrize(
    "text",
    [
        "SELECT * FROM <http://127.0.0.1:9/data.ttl> WHERE { ?s ?p ?o }",
        "SELECT * FROM NAMED <http://127.0.0.1:9/data.ttl> WHERE { GRAPH ?g { ?s ?p ?o } }",
        "SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }",
        EX + "SELECT * FROM ex:remote WHERE { ?s ?p ?o }",
        f"SELECT * FROM <{LOCAL}> FROM <http://127.0.0.1:9/> WHERE {{ ?s ?p ?o }}",
    ],
)
def test_from_a_graph_not_held_here_is_refused(guard: Guard, text: str) -> None:
    with pytest.raises(QueryRefused, match="never fetches"):
        guard.check(text)


def test_from_a_local_graph_is_allowed_and_reported(guard: Guard) -> None:
    assert guard.check(f"SELECT * FROM <{LOCAL}> WHERE {{ ?s ?p ?o }}") == Verdict(has_dataset=True)
    prefixed = "PREFIX g: <https://w3id.org/policygraph/graph/> ASK FROM NAMED g:soosr { GRAPH ?g { ?s ?p ?o } }"
    assert guard.check(prefixed) == Verdict(has_dataset=True)


HARMLESS = [
    "SELECT * WHERE { ?s ?p ?o }",
    "SELECT ?service ?from WHERE { ?service ?from ?with }",
    "SELECT * WHERE { ?s ?p 'SERVICE <http://127.0.0.1:9/> { }' }",
    'SELECT * WHERE { ?s ?p """CLEAR ALL\nINSERT DATA""" }',
    "SELECT * WHERE { ?s <http://e/SERVICE/from> ?o } # SERVICE <http://127.0.0.1:9/>",
    "PREFIX dpv: <https://w3id.org/dpv#> SELECT * WHERE { ?s a dpv:Service ; dpv:hasAddress ?a }",
    "PREFIX pg: <https://w3id.org/policygraph/ns#> SELECT * WHERE { ?s pg:copyright ?c }",
    "SELECT * WHERE { _:load ?p ?o FILTER(LANG(?o) = 'nl') }",
    "SELECT * WHERE { ?s ?p 'x'@from }",
    "SELECT * WHERE { ?s <http://e/p>? ?o FILTER(?o<?x && ?x>3) }",
    "DESCRIBE <http://e/addressbook>",
]


@pytest.mark.parametrize("text", HARMLESS)
def test_keywords_that_are_only_text_are_allowed(guard: Guard, text: str) -> None:
    assert guard.check(text) == Verdict()


def test_a_plain_query_never_reaches_the_full_parser(guard: Guard, monkeypatch: pytest.MonkeyPatch) -> None:
    """The full parse costs ~10 ms; a query without risky words must be decided by the scan."""
    from policygraph.sparql import full_parse

    def fail(*args: object) -> None:
        raise AssertionError("full parse on the hot path")

    monkeypatch.setattr(full_parse, "inspect", fail)
    for text in HARMLESS[:3]:
        guard.check(text)


def test_verdicts_are_cached_by_query_text(guard: Guard) -> None:
    text = f"SELECT * FROM <{LOCAL}> WHERE {{ ?s ?p ?o }}"
    guard.check(text)
    guard.check(text)
    with pytest.raises(QueryRefused):
        guard.check(UPDATES[0])
    with pytest.raises(QueryRefused):
        guard.check(UPDATES[0])
    info = guard._cached.cache_info()
    assert (info.hits, info.misses) == (2, 2)


def test_an_unparsable_risky_query_is_a_syntax_error_with_position(guard: Guard) -> None:
    with pytest.raises(QuerySyntaxError) as caught:
        guard.check("SELECT * FROM WHERE { ?s ?p ?o }")
    assert caught.value.line == 1 and caught.value.column


def test_refusals_name_the_position(guard: Guard) -> None:
    with pytest.raises(QueryRefused) as caught:
        guard.check("SELECT * WHERE {\n  SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")
    assert (caught.value.line, caught.value.column) == (2, 3)


def test_docstring_examples_run() -> None:
    assert doctest.testmod(guard_module).failed == 0

"""The canned-query catalogue: header format, typed binding by a trailing VALUES, early errors."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from policygraph.catalogue import CatalogueError, ParameterError, Parameter, load_catalogue, parse_query_file

from conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "queries"


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / f"{name}.rq"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_fixture_catalogue_loads_and_checks() -> None:
    catalogue = load_catalogue(FIXTURES)
    assert list(catalogue) == ["activities-per-controller", "controller-graph", "controllers"]
    query = catalogue["controllers"]
    assert query.title == "Who are the controllers, and what are they called?"
    assert query.columns == ("controller", "name")
    assert [(p.name, p.type, p.default) for p in query.parameters] == [("controller", "iri", None), ("name", "string", None)]
    assert "A test fixture" in catalogue["activities-per-controller"].description  # description lines are joined


def test_an_absent_folder_is_an_empty_catalogue(tmp_path: Path) -> None:
    assert load_catalogue(tmp_path / "queries") == {}


def test_binding_appends_one_trailing_values_clause() -> None:
    query = load_catalogue(FIXTURES)["controllers"]
    assert query.bind({}) == query.text
    bound = query.bind({"controller": "https://w3id.org/policygraph/id/soosr/soosr", "name": 'Say "hi"\\\n'})
    assert bound.startswith(query.text.rstrip())
    assert bound.endswith('VALUES (?controller ?name) { (<https://w3id.org/policygraph/id/soosr/soosr> "Say \\"hi\\"\\\\\\n") }\n')
    ox.Store().query(bound)  # parses


def test_defaults_are_always_bound() -> None:
    query = load_catalogue(FIXTURES)["controller-graph"]
    assert query.bind({}).rstrip().endswith("VALUES (?controller) { (<https://w3id.org/policygraph/id/soosr/soosr>) }")


@pytest.mark.parametrize(
    ("kind", "value", "term"),
    [
        ("iri", "https://example.org/a?b=c#d", "<https://example.org/a?b=c#d>"),
        ("string", "naïve “quoted”", '"naïve “quoted”"'),
        ("xsd:integer", "-42", '"-42"^^<http://www.w3.org/2001/XMLSchema#integer>'),
        ("xsd:decimal", "365.25", '"365.25"^^<http://www.w3.org/2001/XMLSchema#decimal>'),
        ("xsd:boolean", "true", '"true"^^<http://www.w3.org/2001/XMLSchema#boolean>'),
        ("xsd:date", "2024-05-01", '"2024-05-01"^^<http://www.w3.org/2001/XMLSchema#date>'),
        ("xsd:duration", "P1Y6M", '"P1Y6M"^^<http://www.w3.org/2001/XMLSchema#duration>'),
    ],
)
def test_values_become_typed_terms(kind: str, value: str, term: str) -> None:
    assert Parameter("x", kind).term(value) == term


@pytest.mark.parametrize(
    ("kind", "value"),
    [("iri", "relative/path"), ("iri", "http://a/b> } ; DROP ALL #"), ("iri", "http://a b"),
     ("xsd:integer", "1.5"), ("xsd:integer", '1" } DROP ALL'), ("xsd:date", "yesterday"), ("xsd:duration", "P"),
     ("xsd:boolean", "yes")],
)
def test_values_the_type_refuses(kind: str, value: str) -> None:
    with pytest.raises(ParameterError):
        Parameter("x", kind).term(value)


def test_unknown_parameters_are_refused() -> None:
    with pytest.raises(ParameterError, match="no parameter colour"):
        load_catalogue(FIXTURES)["controllers"].bind({"colour": "red"})


@pytest.mark.parametrize(
    ("header", "message", "line"),
    [
        ("# description: no title\nASK {}\n", "exactly one '# title", 1),
        ("# title: a\n# title: b\nASK {}\n", "exactly one '# title", 2),
        ("# title: t\n# param: ?x iri\nASK {}\n", "cannot read", 2),
        ("# title: t\n# param: x xsd:float\nASK {}\n", "unsupported parameter type", 2),
        ("# title: t\n# param: n xsd:integer = many\nASK {}\n", "bad default", 2),
        ("# title: t\n# param: format string\nASK {}\n", "reserved", 2),
    ],
)
def test_malformed_headers_name_file_and_line(tmp_path: Path, header: str, message: str, line: int) -> None:
    path = write(tmp_path, "broken", header)
    with pytest.raises(CatalogueError, match=message) as caught:
        parse_query_file(path)
    assert caught.value.path == path and caught.value.line == line


def test_a_parameter_only_a_filter_mentions_is_rejected(tmp_path: Path) -> None:
    """A trailing VALUES joins after the WHERE clause: the FILTER would see ?min_days unbound."""
    write(tmp_path, "long-retention", (
        "# title: Long retention\n"
        "# param: min_days xsd:decimal = 365 - only retention periods at least this long\n"
        "SELECT ?d WHERE { ?d <https://w3id.org/policygraph/ns#approximateDays> ?days FILTER(?days >= ?min_days) }\n"
    ))
    with pytest.raises(CatalogueError, match="min_days"):
        load_catalogue(tmp_path)


def test_a_parameter_lost_in_an_aggregate_is_rejected(tmp_path: Path) -> None:
    write(tmp_path, "count", (
        "# title: Count\n# param: controller iri\n"
        "SELECT (COUNT(?a) AS ?n) WHERE { ?a <https://w3id.org/dpv#hasDataController> ?controller }\n"
    ))
    with pytest.raises(CatalogueError, match="GROUP BY"):
        load_catalogue(tmp_path)
    assert load_catalogue(tmp_path, check=False)  # the header itself is fine


def test_a_query_that_does_not_parse_is_rejected(tmp_path: Path) -> None:
    write(tmp_path, "broken", "# title: Broken\n# param: x iri\nSELECT * WHERE { ?x ?p }\n")
    with pytest.raises(CatalogueError, match="does not parse"):
        load_catalogue(tmp_path)

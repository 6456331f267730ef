"""Evidence quotes: matching rules, error messages, and that every built quote slices its source."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef

from policygraph.errors import EvidenceError
from policygraph.evidence import find_span, resolve_evidence
from policygraph.namespaces import OA, PG

TEXT = "Wij bewaren uw gegevens.\u00a0Na  twee\njaar worden deze gegevens gewist. Wij bewaren uw gegevens niet langer."


def test_whitespace_runs_match_loosely_and_the_span_is_verbatim() -> None:
    [span] = find_span(TEXT, "Na twee jaar worden")
    assert TEXT[span.start : span.end] == span.exact == "Na  twee\njaar worden"


def test_other_characters_must_match_exactly() -> None:
    assert find_span(TEXT, "na twee jaar") == []
    assert find_span(TEXT, "Na twee jaren") == []


def test_repeated_quote_is_reported_and_a_prefix_chooses_one() -> None:
    assert len(find_span(TEXT, "Wij bewaren uw gegevens")) == 2
    [span] = find_span(TEXT, "Wij bewaren uw gegevens", prefix="gewist.")
    assert TEXT[span.end :].startswith(" niet langer")


def _curated(tmp_path: Path, body: str) -> tuple[Graph, Path]:
    ttl = tmp_path / "x.ttl"
    ttl.write_text(
        "@prefix pg: <https://w3id.org/policygraph/ns#> .\n@prefix : <http://example.org/> .\n\n" + body,
        encoding="utf-8",
    )
    return Graph().parse(ttl), ttl


def test_resolved_quote_becomes_an_annotation_with_offsets(tmp_path: Path) -> None:
    graph, ttl = _curated(tmp_path, ':a pg:evidence "deze gegevens gewist" .\n')
    source = URIRef("http://example.org/source")
    assert resolve_evidence(graph, TEXT, source, ttl) == 1
    assert (None, PG.evidence, None) not in graph
    ann = graph.value(URIRef("http://example.org/a"), PG.hasEvidence)
    target = graph.value(ann, OA.hasTarget)
    assert graph.value(target, OA.hasSource) == source
    positions = [s for s in graph.objects(target, OA.hasSelector) if graph.value(s, OA.start) is not None]
    start, end = (int(graph.value(positions[0], p)) for p in (OA.start, OA.end))
    assert TEXT[start:end] == "deze gegevens gewist"
    assert graph.value(ann, PG.quote) == Literal("deze gegevens gewist")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (':a pg:evidence "dit staat er niet" .\n', "not found"),
        (':a pg:evidence "Wij bewaren uw gegevens" .\n', "matches 2 times"),
    ],
)
def test_bad_quote_names_file_line_and_quote(tmp_path: Path, body: str, expected: str) -> None:
    graph, ttl = _curated(tmp_path, "# a comment line\n" + body)
    with pytest.raises(EvidenceError) as info:
        resolve_evidence(graph, TEXT, URIRef("http://example.org/source"), ttl)
    message = str(info.value)
    assert expected in message
    assert f"{ttl}:5:" in message
    quote = body.split('"')[1]
    assert quote in message


QUOTES = """
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX pg: <https://w3id.org/policygraph/ns#>
SELECT ?g ?source ?exact ?start ?end WHERE {
  GRAPH ?g {
    ?ann a oa:Annotation ; oa:hasTarget ?t .
    ?t oa:hasSource ?source ; oa:hasSelector ?q , ?p .
    ?q oa:exact ?exact . ?p oa:start ?start ; oa:end ?end .
  }
}
"""


def test_every_built_quote_slices_its_source_text_exactly(built, project) -> None:  # noqa: ANN001
    """The whole corpus: offsets recorded by the build point at exactly the quoted text."""
    ds = built.dataset()
    rows = list(ds.query(QUOTES))
    assert len(rows) == built.quotes > 0
    texts = {}
    for row in rows:
        slug = str(row.source).split("/")[-2]
        if slug not in texts:
            with (project.sources_dir / f"{slug}.txt").open(encoding="utf-8", newline="") as handle:
                texts[slug] = handle.read()
        assert texts[slug][int(row.start) : int(row.end)] == str(row.exact)


def test_a_quote_does_not_match_inside_a_longer_word() -> None:
    text = "Voornaam en achternaam; naam van de organisatie."
    [span] = find_span(text, "naam")
    assert text[span.start - 2 : span.end] == "; naam"


def test_stated_interests_are_the_statements_own_words(built, project) -> None:  # noqa: ANN001
    """pg:statedInterest holds the interest in the text's words: each value occurs in its source."""
    for statement in built.statements:
        with (project.sources_dir / f"{statement.slug}.txt").open(encoding="utf-8", newline="") as handle:
            text = handle.read()
        for interest in statement.graph.objects(None, PG.statedInterest):
            assert find_span(text, str(interest)), (statement.slug, str(interest))

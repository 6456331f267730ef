"""The build: errors that name file and line, DPV terms checked, the extract complete, the API."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Dataset

import policygraph
from policygraph.build import build
from policygraph.dpv import defined_terms, load_dpv
from policygraph.dpv_extract import project_terms
from policygraph.errors import DataFileError, EvidenceError, UnknownTermError
from policygraph.namespaces import ONTOLOGY_GRAPH, statement_graph

from conftest import ROOT, SHARED, copy_project


def _append(path: Path, text: str) -> int:
    """Append ``text`` to a file; returns the line number where it starts."""
    before = path.read_text(encoding="utf-8")
    if not before.endswith("\n"):
        before += "\n"
    path.write_text(before + text, encoding="utf-8")
    return before.count("\n") + 1


def test_one_named_graph_per_statement_plus_ontology(built) -> None:  # noqa: ANN001
    names = [name for name, _ in built.graphs()]
    assert names[0] == ONTOLOGY_GRAPH
    assert names[1:] == [statement_graph(p.stem) for p in sorted((ROOT / "data/statements").glob("*.ttl"))]


def test_no_curated_evidence_survives_the_build(built) -> None:  # noqa: ANN001
    ask = "ASK { ?s <https://w3id.org/policygraph/ns#evidence> ?o }"
    assert not built.union().query(ask).askAnswer


def test_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    path = project.statements_dir / "soosr.ttl"
    line = _append(path, ':broken dpv:hasName "a" "b" .\n')
    with pytest.raises(DataFileError) as info:
        build(project)
    assert str(info.value).startswith(f"{path}:{line}:")


def test_unknown_dpv_term_fails_the_build_naming_it(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    path = project.statements_dir / "soosr.ttl"
    line = _append(path, ":act-website-contact dpv:hasPurpose dpv:NoSuchPurpose .\n")
    with pytest.raises(UnknownTermError) as info:
        build(project)
    assert "dpv:NoSuchPurpose" in str(info.value)
    assert f":{line}:" in str(info.value)


def test_quote_not_in_source_fails_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    path = project.statements_dir / "soosr.ttl"
    line = _append(path, ':statement pg:evidence "Wij verkopen uw gegevens aan iedereen." .\n')
    with pytest.raises(EvidenceError) as info:
        build(project)
    assert f"{path}:{line}:" in str(info.value)
    assert "Wij verkopen uw gegevens aan iedereen." in str(info.value)


def test_missing_source_text_is_named(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    (project.sources_dir / "soosr.txt").unlink()
    with pytest.raises(DataFileError, match="soosr.txt: source text for statement 'soosr' is missing"):
        build(project)


def test_extract_defines_every_dpv_term_the_project_uses(project) -> None:  # noqa: ANN001
    known = defined_terms(load_dpv(project.dpv_extract))
    missing = sorted(project_terms(project) - known)
    assert missing == [], f"regenerate with scripts/make_dpv_extract.py; missing {missing[:10]}"


def test_extract_cites_dpv_version_and_licence(project) -> None:  # noqa: ANN001
    head = project.dpv_extract.read_text(encoding="utf-8")[:1200]
    assert "DPV release 2.3" in head
    assert "W3C Software and Document License 2023" in head
    assert "skos:definition" not in project.dpv_extract.read_text(encoding="utf-8")


def test_extract_holds_eea_membership(project) -> None:  # noqa: ANN001
    dpv = load_dpv(project.dpv_extract)
    assert dpv.query(
        "ASK { <https://w3id.org/dpv/loc#NL> <http://www.w3.org/2004/02/skos/core#broader> "
        "<https://w3id.org/dpv/loc#EEA> }"
    ).askAnswer


@pytest.mark.skipif(not (SHARED / "dpv" / "loc.ttl").is_file(), reason="../shared/dpv (full DPV 2.3) is not beside the checkout")
def test_build_runs_on_the_full_dpv_release_too(project) -> None:  # noqa: ANN001
    full = build(project, dpv_dir=SHARED / "dpv")
    extract = build(project)
    assert len(full.ontology) > 100_000 > len(extract.ontology)
    assert [len(s.graph) for s in full.statements] == [len(s.graph) for s in extract.statements]


def test_python_api_returns_dataset_and_store() -> None:
    ds = policygraph.load_dataset(ROOT)
    assert isinstance(ds, Dataset)
    assert len(ds.graph(statement_graph("soosr"))) > 0
    store = policygraph.load_store(ROOT)
    names = {g.value for g in store.named_graphs()}
    assert str(statement_graph("soosr")) in names
    assert bool(store.query("ASK { GRAPH ?g { ?s ?p ?o } }"))

"""The shapes files load by family or path, and every shape says what it checks (issue 4)."""

from __future__ import annotations

import pytest
from rdflib.namespace import RDFS

from policygraph.errors import DataFileError
from policygraph.namespaces import SH
from policygraph.project import Project
from policygraph.validation import FAMILIES, ShapesError, load_shapes
from policygraph.validation.shapes import PGSH

from conftest import ROOT


def test_families_and_all(project: Project) -> None:
    encoding = load_shapes("encoding", project.shapes_dir)
    art13 = load_shapes("art13", project.shapes_dir)
    everything = load_shapes("all", project.shapes_dir)
    assert set(everything.info) == set(encoding.info) | set(art13.info)
    assert not set(encoding.info) & set(art13.info)
    assert set(FAMILIES) == {"encoding", "art13"}


def test_encoding_shapes_are_violations_and_art13_shapes_findings(project: Project) -> None:
    assert {i.severity for i in load_shapes("encoding", project.shapes_dir).info.values()} == {SH.Violation}
    assert {i.severity for i in load_shapes("art13", project.shapes_dir).info.values()} == {SH.Warning, SH.Info}


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_every_shape_has_a_message_a_severity_and_a_link(family: str, project: Project) -> None:
    shapes = load_shapes(family, project.shapes_dir)
    for iri, info in shapes.info.items():
        assert info.message, iri
        links = set(shapes.graph.objects(iri, RDFS.seeAlso)) | set(shapes.graph.objects(iri, PGSH.docs))
        assert links, f"{iri} links to nothing it checks"


def test_art13_items_cite_the_article(project: Project) -> None:
    shapes = load_shapes("art13", project.shapes_dir)
    items = shapes.finding_items()
    assert items == ["13(1)(a)", "13(1)(b)", "13(1)(c)", "13(1)(d)", "13(1)(e)", "13(1)(f)",
                     "13(2)(a)", "13(2)(b)", "13(2)(c)", "13(2)(d)", "13(2)(e)", "13(2)(f)", "date"]
    for info in shapes.info.values():
        if info.item != "date":
            assert info.message.startswith(f"Art. {info.item}:"), info.iri


def test_no_shape_uses_sh_class_on_a_dpv_kind(project: Project) -> None:
    """GUIDE section 11: sh:class rejects valid DPV 2.3 data; kinds go through paths."""
    graph = load_shapes("all", project.shapes_dir).graph
    assert not [c for c in graph.objects(None, SH["class"]) if str(c).startswith("https://w3id.org/dpv")
                and str(c) != "https://w3id.org/dpv#PrivacyNotice"]


def test_a_shapes_file_by_path(project: Project) -> None:
    shapes = load_shapes(str(ROOT / "shapes" / "encoding.ttl"), project.shapes_dir)
    assert shapes.name == "encoding" and shapes.info


def test_unknown_shapes_are_refused(project: Project) -> None:
    with pytest.raises(ShapesError, match=r"unknown shapes: not a family \(encoding, art13, all\) nor a file"):
        load_shapes("art99", project.shapes_dir)


def test_an_unparseable_shapes_file_names_its_line(project: Project) -> None:
    with pytest.raises(DataFileError) as caught:
        load_shapes(str(ROOT / "tests" / "fixtures" / "validation" / "bad-shapes.ttl"), project.shapes_dir)
    assert caught.value.line == 6


def _anchor(heading: str) -> str:
    """GitHub's anchor for a Markdown heading."""
    text = "".join(c for c in heading.strip().lower() if c.isalnum() or c in " -")
    return text.replace(" ", "-")


def test_docs_links_point_at_existing_sections(project: Project) -> None:
    graph = load_shapes("all", project.shapes_dir).graph
    for link in {str(o) for o in graph.objects(None, PGSH.docs)}:
        path, _, anchor = link.partition("#")
        headings = [line.lstrip("#") for line in (ROOT / path).read_text(encoding="utf-8").splitlines()
                    if line.startswith("#")]
        assert anchor in {_anchor(h) for h in headings}, link

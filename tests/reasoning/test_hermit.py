"""HermiT through owlready2 and its command line (policygraph.reasoning.hermit)."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import URIRef

from policygraph.reasoning.hermit import ReasonerUnavailableError, java, realise, satisfiable

from .cases import requires_java

X = "http://example.org/"
OWL = "http://www.w3.org/2002/07/owl#"
TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
SUB = "<http://www.w3.org/2000/01/rdf-schema#subClassOf>"

#: A ⊓ B = ∅, C ⊑ A, E ≡ ∃p.⊤.
TBOX = (
    f"<{X}A> {TYPE} <{OWL}Class>", f"<{X}B> {TYPE} <{OWL}Class>", f"<{X}C> {TYPE} <{OWL}Class>",
    f"<{X}E> {TYPE} <{OWL}Class>", f"<{X}p> {TYPE} <{OWL}ObjectProperty>",
    f"<{X}A> <{OWL}disjointWith> <{X}B>", f"<{X}C> {SUB} <{X}A>",
    f"<{X}E> <{OWL}equivalentClass> _:r", f"_:r {TYPE} <{OWL}Restriction>",
    f"_:r <{OWL}onProperty> <{X}p>", f"_:r <{OWL}someValuesFrom> <{OWL}Thing>",
)


def _nt(*lines: str) -> bytes:
    return "".join(line + " .\n" for line in lines).encode()


def test_a_missing_java_is_reported_with_what_to_do(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("JAVA_HOME", str(tmp_path / "no-java"))
    with pytest.raises(ReasonerUnavailableError, match="install a Java runtime"):
        java()


@requires_java
@pytest.mark.slow
def test_many_ontologies_are_checked_in_one_run() -> None:
    fine = _nt(*TBOX)
    unsatisfiable = _nt(*TBOX, f"<{X}C> {SUB} <{X}B>")
    assert satisfiable([fine, unsatisfiable, fine], URIRef(f"{X}C")) == [True, False, True]


@requires_java
@pytest.mark.slow
def test_realise_gives_inferred_types_or_none_when_inconsistent() -> None:
    result = realise(_nt(*TBOX, f"<{X}c> {TYPE} <{X}C>", f"<{X}c> <{X}p> <{X}d>"))
    assert result is not None
    assert result.types[URIRef(f"{X}c")] == {URIRef(f"{X}E")}
    assert realise(_nt(*TBOX, f"<{X}c> {TYPE} <{X}C>", f"<{X}c> {TYPE} <{X}B>")) is None

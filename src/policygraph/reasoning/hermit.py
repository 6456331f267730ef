"""Running HermiT, the OWL 2 DL reasoner that ships with owlready2, on N-Triples made by rdflib.

Two ways in, both on owlready2's bundled ``HermiT.jar`` and its ``JAVA_EXE``:

- ``realise``: owlready2 loads the input into a fresh ``World`` and ``sync_reasoner_hermit``
  classifies it and computes the types of every individual (one Java start).
- ``satisfiable``: HermiT's command line checks one class in many ontologies in a single Java
  start (``-k``), which owlready2 does not offer; the explanation asks many such questions.

owlready2 writes HermiT's answers into the ontology ``http://inferrences/`` but keeps one entity
type per IRI, so for a punned DPV term it may record a subclass as a type. Only the types of
statement individuals, which are never classes, are read from there.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import owlready2
from owlready2.reasoning import _HERMIT_CLASSPATH, _INFERRENCES_ONTOLOGY
from rdflib import URIRef
from rdflib.namespace import RDF, RDFS

from ..errors import PolicyGraphError

INPUT_IRI = "https://w3id.org/policygraph/reasoning-input"


class ReasonerUnavailableError(PolicyGraphError):
    """Java, which HermiT runs on, is not installed or not on the PATH."""


class ReasonerError(PolicyGraphError):
    """HermiT failed on input the translation produced: a bug in policygraph, please report it."""


def java() -> str:
    """The Java executable: ``$JAVA_HOME/bin/java`` if set, else ``java`` on the PATH.

    :raises ReasonerUnavailableError: when there is none.
    """
    home = os.environ.get("JAVA_HOME")
    candidate = str(Path(home) / "bin" / "java") if home else owlready2.JAVA_EXE
    found = shutil.which(candidate)
    if found is None:
        raise ReasonerUnavailableError(
            f"the reasoner HermiT needs Java, which was not found ({candidate!r}); install a Java "
            "runtime (Debian: apt-get install default-jre-headless) or set JAVA_HOME"
        )
    return found


@dataclass(frozen=True)
class Realisation:
    """What HermiT inferred: types of individuals and subclass pairs (direct, named only)."""

    types: dict[URIRef, frozenset[URIRef]]
    subclasses: frozenset[tuple[URIRef, URIRef]]


def realise(ntriples: bytes) -> Realisation | None:
    """Classify and realise ``ntriples`` with owlready2 + HermiT; ``None`` if it is inconsistent.

    :raises ReasonerUnavailableError: without Java.
    :raises ReasonerError: when HermiT rejects the input.
    """
    owlready2.JAVA_EXE = java()  # owlready2 starts whatever this names
    world = owlready2.World()
    try:
        world.get_ontology(INPUT_IRI).load(fileobj=io.BytesIO(ntriples), format="ntriples")
        try:
            owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
        except owlready2.OwlReadyInconsistentOntologyError:
            return None
        except owlready2.OwlReadyJavaError as exc:
            raise ReasonerError(f"HermiT failed: {exc}") from None
        types: dict[URIRef, set[URIRef]] = {}
        for subject, cls in _inferred(world, RDF.type):
            types.setdefault(subject, set()).add(cls)
        return Realisation({s: frozenset(c) for s, c in types.items()}, frozenset(_inferred(world, RDFS.subClassOf)))
    finally:
        world.close()


def _inferred(world: owlready2.World, predicate: URIRef) -> list[tuple[URIRef, URIRef]]:
    """(subject, object) pairs of ``predicate`` that owlready2 recorded from HermiT's answer."""
    inferred = world.get_ontology(_INFERRENCES_ONTOLOGY)
    storid = world._abbreviate(str(predicate))
    return [(URIRef(world._unabbreviate(s)), URIRef(world._unabbreviate(o)))
            for s, _, o in inferred.get_triples(None, storid, None) if s > 0 and o > 0]


def satisfiable(ontologies: Sequence[bytes], cls: URIRef) -> list[bool]:
    """Whether ``cls`` is satisfiable in each ontology (N-Triples), with one Java start.

    :raises ReasonerUnavailableError: without Java.
    :raises ReasonerError: when HermiT fails or answers for fewer ontologies than asked.
    """
    if not ontologies:
        return []
    with tempfile.TemporaryDirectory(prefix="policygraph-hermit-") as folder:
        iris = []
        for number, data in enumerate(ontologies):
            path = Path(folder) / f"{number:05d}.nt"
            path.write_bytes(data)
            iris.append(path.as_uri())
        command = [java(), "-cp", _HERMIT_CLASSPATH, "org.semanticweb.HermiT.cli.CommandLine",
                   "-N", f"-k<{cls}>", *iris]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
    answers = [line.endswith(" is satisfiable.") for line in done.stdout.splitlines()
               if line.startswith(f"<{cls}> is ")]
    if done.returncode != 0 or len(answers) != len(ontologies):
        raise ReasonerError(f"HermiT failed: {(done.stderr or done.stdout).strip()[-2000:]}")
    return answers

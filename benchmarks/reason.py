"""How long the OWL reasoner takes, and how that grows with the number of statements.

Usage: python benchmarks/reason.py [--sizes 5,100,1000] [--repeat 3]

Measured in one run, on this machine (figures are noisy on a shared machine: rerun, compare
medians):

- baseline: owlready2 + HermiT on a one-class ontology (Java start, OWL API, HermiT set-up);
- the ontology alone (defined classes + DPV extract, no statements);
- the real statements, and synthetic sets of 100 and 1,000 statements (copies of the real ones
  with their IRIs and blank nodes renamed), through ``policygraph.reasoning.reason``;
- for comparison, 100 synthetic statements with the whole translation given to HermiT (what
  ``reason`` would cost without leaving out the inert triples, see reasoning/relevance.py);
- one contradiction explained (tests/fixtures/reasoning/contradiction-transfer.ttl).

The build (``policygraph.build``) is not timed; only the reasoning on a built graph is.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from rdflib import BNode, Graph, URIRef

from policygraph.build import BuiltGraph, StatementGraph, build
from policygraph.namespaces import id_ns
from policygraph.project import Project
from policygraph.reasoning import reason
from policygraph.reasoning.hermit import realise
from policygraph.reasoning.translate import to_owl

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "reasoning"
ONE_CLASS = b"<urn:x:A> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/2002/07/owl#Class> .\n"


def timed(action: Callable[[], object], repeat: int) -> float:
    """Median wall-clock seconds of ``repeat`` runs."""
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        runs.append(time.perf_counter() - started)
    return statistics.median(runs)


def copy(statement: StatementGraph, number: int) -> StatementGraph:
    """The statement with every IRI of its own and every blank node renamed."""
    slug = f"{statement.slug}-copy{number:04d}"
    old, new = str(id_ns(statement.slug)), str(id_ns(slug))

    def rename(term):  # noqa: ANN001, ANN202 - rdflib terms
        if isinstance(term, URIRef) and str(term).startswith(old):
            return URIRef(new + str(term)[len(old) :])
        if isinstance(term, BNode):
            return BNode(f"{slug}_{term}")
        return term

    graph = Graph()
    for triple in statement.graph:
        graph.add(tuple(rename(t) for t in triple))  # type: ignore[arg-type]
    return StatementGraph(slug, graph, statement.quotes)


def synthetic(built: BuiltGraph, size: int) -> BuiltGraph:
    real = built.statements
    return BuiltGraph(built.ontology, [copy(real[i % len(real)], i) for i in range(size)])


def whole_translation(graph: BuiltGraph) -> None:
    """HermiT over the whole translation, not only its logical part."""
    owl = to_owl(graph)
    realise(owl.ntriples(owl.all_facts(), owl.axioms))


def fixture(name: str, ontology: Graph) -> BuiltGraph:
    graph = Graph().parse(FIXTURES / f"{name}.ttl")
    for triple in [t for t in graph if "/policygraph/test#" in str(t[1])]:
        graph.remove(triple)
    extended = Graph()
    extended += ontology
    extended.parse(FIXTURES / "dpv-terms.ttl")
    return BuiltGraph(extended, [StatementGraph("fx-transfer-clash", graph, 0)])


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000", help="synthetic statement counts (comma-separated)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per small measurement (median)")
    args = parser.parse_args(argv[1:])
    built = build(Project(ROOT))
    rows: list[tuple[str, int, int, float]] = []

    def row(label: str, graph: BuiltGraph, seconds: float) -> None:
        owl = to_owl(graph)
        facts = len(owl.all_facts())
        rows.append((label, len(graph.statements), facts, seconds))
        print(f"{label:<34} {len(graph.statements):>6} {facts:>9} {seconds:>9.2f} s", flush=True)

    print(f"{'run':<34} {'stmts':>6} {'facts':>9} {'time':>11}")
    row("baseline: HermiT, one class", BuiltGraph(Graph()), timed(lambda: realise(ONE_CLASS), args.repeat))
    ontology_only = BuiltGraph(built.ontology)
    row("ontology only", ontology_only, timed(lambda: reason(ontology_only), args.repeat))
    row("real statements", built, timed(lambda: reason(built), args.repeat))
    for size in (int(s) for s in args.sizes.split(",") if s):
        graph = synthetic(built, size)
        row(f"synthetic {size}", graph, timed(lambda graph=graph: reason(graph), 1))
    hundred = synthetic(built, 100)
    row("synthetic 100, whole translation", hundred, timed(lambda: whole_translation(hundred), 1))
    clash = fixture("contradiction-transfer", built.ontology)
    row("one contradiction, explained", clash, timed(lambda: reason(clash), 1))
    base = rows[1][3]
    print("\ngrowth over the ontology-only run (seconds per 1,000 facts):")
    for label, _, facts, seconds in rows[2:-2]:
        print(f"  {label:<32} {(seconds - base) / max(facts, 1) * 1000:8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

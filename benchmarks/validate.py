"""Benchmark ``policygraph validate``: the five statements and a synthetic corpus, with baselines.

    python benchmarks/validate.py [--corpus 1000] [--jobs N] [--union 5,25,100] [--shapes all]

Measured in one run, on graphs built once (the build is timed apart):

- the five real statements and a synthetic corpus of ``--corpus`` statements, each validated
  statement by statement in one process and in ``--jobs`` processes (default: all cores);
- the baseline: one pySHACL call over the union of the same statements (ontology mixed in once),
  for the corpus sizes in ``--union`` (one call over all 1,000 would not finish in useful time,
  which is the point).

The synthetic corpus copies the real statements round-robin under new IRIs (``<slug>-0042``) and
perturbs each copy with a seeded RNG: a random part (up to 30%) of its activities is dropped, one
personal data category is dropped from each remaining activity with probability 1/2, and every
fixed retention gets a random length. Results are checked to agree (same number of findings)
between the modes that validate the same statements. Absolute times depend on the machine's load;
the ratios and the growth with corpus size are the point.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from policygraph.build import BuiltGraph, StatementGraph, build  # noqa: E402
from policygraph.namespaces import DPV, id_ns  # noqa: E402
from policygraph.project import Project  # noqa: E402
from policygraph.validation import Shapes, ValidationReport, load_shapes, validate_graph, validate_statements  # noqa: E402
from policygraph.validation.report import merge_reports  # noqa: E402


def synthetic(statements: Sequence[StatementGraph], size: int, seed: int = 4) -> list[StatementGraph]:
    """``size`` perturbed copies of ``statements`` (see module docstring)."""
    rng = random.Random(seed)
    return [_perturb(statements[i % len(statements)], i, rng) for i in range(size)]


def _perturb(original: StatementGraph, number: int, rng: random.Random) -> StatementGraph:
    slug = f"{original.slug}-{number:04d}"
    old, new = str(id_ns(original.slug)), str(id_ns(slug))
    bnodes: dict[BNode, BNode] = {}

    def rename(term):  # noqa: ANN001, ANN202 - rdflib terms
        if isinstance(term, URIRef) and str(term).startswith(old):
            return URIRef(new + str(term)[len(old):])
        if isinstance(term, BNode):
            return bnodes.setdefault(term, BNode(f"{term}_{number}"))
        return term

    graph = Graph()
    for triple in original.graph:
        graph.add(tuple(rename(t) for t in triple))  # type: ignore[arg-type]
    activities = sorted(graph.subjects(RDF.type, DPV.Process))
    for activity in rng.sample(activities, k=int(len(activities) * rng.uniform(0, 0.3))):
        graph.remove((activity, None, None))
        graph.remove((None, None, activity))
    for activity in graph.subjects(RDF.type, DPV.Process):
        data = sorted(graph.objects(activity, DPV.hasPersonalData))
        if len(data) > 1 and rng.random() < 0.5:
            graph.remove((activity, DPV.hasPersonalData, rng.choice(data)))
    for duration in list(graph.subjects(RDF.type, DPV.TemporalDuration)):
        graph.set((duration, RDF.value, Literal(f"P{rng.randint(1, 24)}M", datatype=XSD.duration)))
    return StatementGraph(slug, graph, original.quotes)


def union_baseline(statements: Sequence[StatementGraph], ontology: Graph, shapes: Shapes) -> ValidationReport:
    """One pySHACL call over all statements at once (same shapes, same query cache)."""
    union = Graph()
    for statement in statements:
        union += statement.graph
    report = validate_graph(StatementGraph("union", union, 0), ontology, shapes.graph)
    return ValidationReport.from_graph(merge_reports([report]), shapes, ["union"])


def timed(run: Callable[[], ValidationReport]) -> tuple[float, ValidationReport]:
    started = time.perf_counter()
    report = run()
    return time.perf_counter() - started, report


def measure(label: str, statements: Sequence[StatementGraph], built: BuiltGraph, shapes: Shapes,
            jobs: int, with_union: bool) -> list[tuple[str, int, int, str, float, int]]:
    triples = sum(len(s.graph) for s in statements)
    rows = []
    modes: list[tuple[str, Callable[[], ValidationReport]]] = []
    if with_union:
        modes.append(("union, one pySHACL call", lambda: union_baseline(statements, built.ontology, shapes)))
    modes.append(("per statement, 1 process", lambda: validate_statements(statements, built.ontology, shapes, jobs=1)))
    if jobs > 1:
        modes.append((f"per statement, {jobs} processes",
                      lambda: validate_statements(statements, built.ontology, shapes, jobs=jobs)))
    for mode, run in modes:
        seconds, report = timed(run)
        rows.append((label, len(statements), triples, mode, seconds, len(report.results)))
        print(_row(rows[-1]), flush=True)
    return rows


def _row(row: tuple[str, int, int, str, float, int]) -> str:
    label, n, triples, mode, seconds, results = row
    return f"{label:<10} {n:>6} {triples:>9} {mode:<28} {seconds:>9.2f} {seconds / n * 1000:>9.0f} {results:>8}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=int, default=1000, help="size of the synthetic corpus")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="processes for the parallel runs")
    parser.add_argument("--union", default="5,25,100", help="corpus sizes for the one-call union baseline")
    parser.add_argument("--shapes", default="all", help="shapes family or file")
    args = parser.parse_args(argv)

    project = Project(ROOT)
    shapes = load_shapes(args.shapes, project.shapes_dir)
    started = time.perf_counter()
    built = build(project)
    print(f"build of {len(built.statements)} statements: {time.perf_counter() - started:.2f} s "
          f"(not included below); {os.cpu_count()} cores, --jobs {args.jobs}")
    print(f"{'corpus':<10} {'stmts':>6} {'triples':>9} {'mode':<28} {'seconds':>9} {'ms/stmt':>9} {'results':>8}")
    measure("real", built.statements, built, shapes, args.jobs, with_union=True)
    union_sizes = sorted({int(n) for n in args.union.split(",") if n} - {len(built.statements)})
    corpus = synthetic(built.statements, args.corpus)
    for size in union_sizes:
        if size < args.corpus:
            measure("synthetic", corpus[:size], built, shapes, args.jobs, with_union=True)
    measure("synthetic", corpus, built, shapes, args.jobs, with_union=args.corpus in union_sizes)
    return 0


if __name__ == "__main__":
    sys.exit(main())

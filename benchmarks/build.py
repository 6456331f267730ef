"""Benchmark the build (sources → graph → dist/), against baselines measured in the same run.

    python benchmarks/build.py [--repeat 5] [--canonical]

Baselines:
- ``parse only``: rdflib parsing the same Turtle inputs, the floor any rdflib-based build pays;
- ``rdflib canonical`` (with --canonical): labelling the statements' blank nodes with
  rdflib.compare.to_canonical_graph, the approach policygraph's linear labelling replaced.
Prints medians in seconds, ratios to the parse-only floor, triples, quotes and peak memory.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from rdflib import Graph
from rdflib.compare import to_canonical_graph

from policygraph.build import build
from policygraph.dumps import write_dist
from policygraph.project import Project


def timed(fn: Callable[[], object], repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--canonical", action="store_true", help="also time rdflib's canonical labelling (slow)")
    args = parser.parse_args()

    project = Project.discover(Path(__file__).resolve().parent)
    inputs = [*project.ontology_files(), project.dpv_extract, *project.statement_files(), *project.sources_dir.glob("*.meta.ttl")]

    def parse_only() -> None:
        for path in inputs:
            Graph().parse(path, format="turtle")

    built = build(project)
    out = Path(tempfile.mkdtemp()) / "dist"
    rows = [
        ("parse only (baseline floor)", timed(parse_only, args.repeat)),
        ("build (graph in memory)", timed(lambda: build(project), args.repeat)),
        ("write dist/ (all dumps)", timed(lambda: write_dist(built, out), args.repeat)),
        ("build + write (policygraph build)", timed(lambda: write_dist(build(project), out), args.repeat)),
    ]
    if args.canonical:
        raw = [s.graph for s in built.statements]
        rows.append(("rdflib to_canonical_graph, statements (old baseline)", timed(lambda: [to_canonical_graph(g) for g in raw], 1)))

    floor = rows[0][1]
    print(f"{'step':55} {'median s':>9} {'× floor':>8}")
    for name, seconds in rows:
        print(f"{name:55} {seconds:9.3f} {seconds / floor:8.1f}")
    print()
    print(f"statements: {len(built.statements)}, triples: {len(built.union())}, evidence quotes: {built.quotes}")
    print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()

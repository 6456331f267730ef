"""``policygraph build``: statements → dist/ dumps."""

from __future__ import annotations

import time
from pathlib import Path

import click

from ..build import build
from ..dumps import write_dist
from ..namespaces import INFERRED_GRAPH
from ..project import Project
from ..reasoning import reason, render_text


@click.command("build")
@click.option("--out", type=click.Path(path_type=Path), default=None, help="Output folder (default: dist/ of the project).")
@click.option("--dpv", "dpv_dir", type=click.Path(path_type=Path, file_okay=False, exists=True), default=None,
              help="Use a full DPV 2.3 release folder instead of ontology/dpv-extract.ttl (or set POLICYGRAPH_DPV).")
@click.option("--only", "only", type=click.Path(path_type=Path, dir_okay=False, exists=True), multiple=True,
              help="Build only this statement file (repeatable).")
@click.option("--reason", "with_reasoning", is_flag=True,
              help="Also run the OWL reasoner (needs Java) and add the inferred graph to the dumps.")
def command(out: Path | None, dpv_dir: Path | None, only: tuple[Path, ...], with_reasoning: bool) -> None:
    """Build the knowledge graph and write deterministic dumps with checksums and VoID."""
    project = Project.discover()
    started = time.perf_counter()
    built = build(project, dpv_dir, list(only) or None)
    if with_reasoning:
        inferred = reason(built)
        built.extra[INFERRED_GRAPH] = inferred.graph
        click.echo(render_text(inferred.contradictions), err=True, nl=False)
    target = out or project.dist_dir
    files = write_dist(built, target)
    seconds = time.perf_counter() - started
    for statement in built.statements:
        click.echo(f"{statement.slug}: {len(statement.graph)} triples, {statement.quotes} evidence quotes")
    click.echo(f"ontology: {len(built.ontology)} triples")
    click.echo(f"wrote {len(files)} files to {target} in {seconds:.2f} s")

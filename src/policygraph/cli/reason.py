"""``policygraph reason``: the OWL reasoner over the built graph → the inferred graph."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..build import build
from ..dumps import ntriples, turtle
from ..project import Project
from ..reasoning import java, reason, render_text

EXIT_CONTRADICTIONS = 1


@click.command("reason")
@click.option("--out", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Write the inferred graph to FILE (N-Triples if it ends in .nt, else Turtle) instead of stdout.")
@click.option("--only", "only", type=click.Path(path_type=Path, dir_okay=False, exists=True), multiple=True,
              help="Reason over this statement file only (repeatable).")
def command(out: Path | None, only: tuple[Path, ...]) -> None:
    """Run HermiT (needs Java) over ontology and statements and write the inferred types.

    Contradictions inside a statement are reported on stderr with their quotes; such a statement
    gets no inferred types. Exit status: 0 consistent, 1 contradictions, 2 bad input or no Java.
    """
    java()  # before the build, so a missing Java is reported at once
    result = reason(build(Project.discover(), statement_files=list(only) or None))
    text = ntriples(result.graph) if out is not None and out.suffix == ".nt" else turtle(result.graph)
    if out is None:
        click.echo(text, nl=False)
    else:
        out.write_text(text, encoding="utf-8")
    click.echo(f"inferred {len(result.graph)} types; {len(result.contradictions)} contradictions", err=True)
    if result.contradictions:
        click.echo(render_text(result.contradictions), err=True, nl=False)
        sys.exit(EXIT_CONTRADICTIONS)  # the CLI's main() turns this into the exit status

"""``policygraph validate``: SHACL shapes over the built statements (or curated files), for CI.

Exit codes: 0 no violation (warnings allowed unless --strict), 1 violations (or, with --strict,
warnings), 2 bad input (an unparseable file, a statement without its source, unknown shapes);
bad input is reported by the ``policygraph`` group, one line with file and line.
"""

from __future__ import annotations

from pathlib import Path

import click

from ..project import Project
from ..validation import FAMILIES, ValidationFailed, validate_project
from ..validation.formatters import FORMATTERS

EXIT_FAILED = 1

_SHAPES_HELP = f"A shapes family ({', '.join(FAMILIES)}), all, or a path to a Turtle shapes file."


@click.command("validate")
@click.argument("files", nargs=-1, type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.option("--shapes", "shapes", default="all", show_default=True, metavar="FAMILY|PATH", help=_SHAPES_HELP)
@click.option("--format", "-f", "fmt", type=click.Choice(list(FORMATTERS)), default="text", show_default=True,
              help="Output format; turtle prints the sh:ValidationReport itself.")
@click.option("--strict", is_flag=True, help="Warnings fail the run too (exit 1).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, help="Processes to use (default: all cores).")
def command(files: tuple[Path, ...], shapes: str, fmt: str, strict: bool, jobs: int | None) -> None:
    """Validate the built statements, or FILES, against the SHACL shapes.

    FILES are curated statements (<slug>.ttl) whose source text is in data/sources/.

    \b
    policygraph validate                              # every statement, all shapes
    policygraph validate data/statements/acme.ttl --shapes encoding --format junit
    """
    report = validate_project(Project.discover(), shapes, list(files) or None, jobs)
    click.echo(FORMATTERS[fmt](report, strict), nl=False)
    try:
        report.raise_for_results(strict)
    except ValidationFailed:
        raise SystemExit(EXIT_FAILED) from None  # how sub-commands report an exit code to main()

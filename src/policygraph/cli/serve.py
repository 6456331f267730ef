"""``policygraph serve``: the read-only SPARQL endpoint behind waitress (see docs/endpoint.md)."""

from __future__ import annotations

from pathlib import Path

import click

from ..build import build
from ..dumps import write_dist
from ..project import Project
from ..server import DEFAULTS, create_app


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=8080, show_default=True, type=int, help="Port to listen on.")
@click.option("--dist", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Built dist/ to serve (default: the project's; built first when missing).")
@click.option("--load", "loads", type=click.Path(path_type=Path, dir_okay=False, exists=True), multiple=True,
              help="Also serve this RDF file as a named graph (repeatable; pair each with --graph).")
@click.option("--graph", "graphs", multiple=True, help="Graph IRI for the --load at the same position.")
@click.option("--queries", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Folder of canned *.rq queries (default: the project's queries/).")
@click.option("--workers", type=click.IntRange(1), default=DEFAULTS["WORKERS"], show_default=True,
              help="Query worker processes.")
@click.option("--threads", type=click.IntRange(1), default=32, show_default=True, help="HTTP threads.")
@click.option("--time-limit", type=click.FloatRange(min=0.1), default=DEFAULTS["TIME_LIMIT"], show_default=True,
              help="Seconds a query may run.")
@click.option("--cache-mb", type=click.IntRange(0), default=DEFAULTS["RESULT_CACHE_BYTES"] // 2**20, show_default=True,
              help="Megabytes of answers kept for repeated requests (0: no cache).")
def command(host: str, port: int, dist: Path | None, loads: tuple[Path, ...], graphs: tuple[str, ...],
            queries: Path | None, workers: int, threads: int, time_limit: float, cache_mb: int) -> None:
    """Serve the knowledge graph over SPARQL 1.1 (read-only), with dumps and canned queries."""
    import waitress

    if len(loads) != len(graphs):
        raise click.UsageError("give one --graph IRI for every --load FILE")
    project = Project.discover()
    target = dist or project.dist_dir
    if not (target / "policygraph.nq").is_file():
        click.echo(f"no build in {target}; building it first", err=True)
        write_dist(build(project), target)
    app = create_app({
        "DIST": target,
        "LOAD": tuple(zip(loads, graphs)),
        "QUERIES": queries or project.queries_dir,
        "WORKERS": workers,
        "TIME_LIMIT": time_limit,
        "RESULT_CACHE_BYTES": cache_mb * 2**20,
    })
    click.echo(f"serving {target} at http://{host}:{port}/sparql ({workers} query workers)", err=True)
    waitress.serve(app, host=host, port=port, threads=threads, ident="policygraph", clear_untrusted_proxy_headers=True)

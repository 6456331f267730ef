"""``policygraph query``: run a canned query (or any SPARQL) against the built graph, in-process.

The query goes through the same guard and engine as the endpoint, so what runs here runs there.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..build import build
from ..catalogue import load_catalogue
from ..namespaces import PREFIXES
from ..project import Project
from ..sparql.engine import Engine, QueryJob, Source
from ..sparql.errors import BadRequest
from ..store import store_from_built

TABLE = "table"
_TABLE_ACCEPT = "application/sparql-results+json, text/turtle;q=0.9"


def _parse_params(pairs: tuple[str, ...]) -> dict[str, str]:
    values = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name:
            raise click.BadParameter(f"{pair!r} is not NAME=VALUE", param_hint="--param")
        values[name] = value
    return values


@click.command("query")
@click.argument("name", required=False)
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE", help="Bind a query parameter (repeatable).")
@click.option("--format", "-f", "fmt", default=TABLE, show_default=True,
              help="table, or any format the endpoint serves: json, xml, csv, tsv, turtle, ntriples, jsonld, rdfxml, n3, trig, nquads.")
@click.option("--file", "query_file", type=click.Path(path_type=Path, dir_okay=False, exists=True), help="Run the SPARQL in this file.")
@click.option("-e", "expression", help="Run this SPARQL text.")
@click.option("--dist", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Built dist/ to query (default: the project's; built in memory when missing).")
@click.option("--queries", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Folder of canned *.rq queries (default: the project's queries/).")
def command(name: str | None, params: tuple[str, ...], fmt: str, query_file: Path | None, expression: str | None,
            dist: Path | None, queries: Path | None) -> None:
    """Run canned query NAME (see the list without arguments), or --file/-e SPARQL."""
    project = Project.discover()
    if [name, query_file, expression].count(None) < 2:
        raise click.UsageError("give one of NAME, --file or -e")
    if name is None and query_file is None and expression is None:
        catalogue = load_catalogue(queries or project.queries_dir, check=False)
        for query in catalogue.values():
            click.echo(f"{query.name}: {query.title}")
        return
    if name is not None:
        catalogue = load_catalogue(queries or project.queries_dir, check=False)
        if name not in catalogue:
            raise BadRequest(f"no canned query named {name}; run `policygraph query` for the list")
        catalogue[name].check()  # as the server does for every query at start-up
        text = catalogue[name].bind(_parse_params(params))
    else:
        if params:
            raise click.UsageError("--param binds canned queries only")
        text = query_file.read_text(encoding="utf-8") if query_file else expression
    engine = _engine(project, dist)
    job = QueryJob(text, accept=_TABLE_ACCEPT) if fmt == TABLE else QueryJob(text, requested=(fmt,))
    answer = engine.run(job)
    if fmt == TABLE and answer.format == "json":
        click.echo(render_table(json.loads(answer.body)))
    else:
        click.echo(answer.body.decode("utf-8"), nl=False)


def _engine(project: Project, dist: Path | None) -> Engine:
    target = dist or project.dist_dir
    if (target / "policygraph.nq").is_file():
        return Engine.load([Source(str(target / "policygraph.nq"))])
    if dist is not None:
        raise FileNotFoundError(f"{dist} holds no build; run `policygraph build --out {dist}`")
    return Engine(store_from_built(build(project)))


def _short(term: dict) -> str:
    value = term["value"]
    if term["type"] == "uri":
        for prefix, namespace in PREFIXES.items():
            if value.startswith(str(namespace)) and value != str(namespace):
                return f"{prefix}:{value[len(str(namespace)):]}"
        return f"<{value}>"
    if term["type"] == "bnode":
        return f"_:{value}"
    return value


def render_table(results: dict) -> str:
    """SPARQL JSON results as an aligned text table (``true``/``false`` for ASK)."""
    if "boolean" in results:
        return "true" if results["boolean"] else "false"
    columns = results["head"]["vars"]
    rows = [[_short(b[c]) if c in b else "" for c in columns] for b in results["results"]["bindings"]]
    widths = [max([len(c), *(len(r[i]) for r in rows)]) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(v.ljust(w) for v, w in zip(row, widths)).rstrip() for row in rows]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines)

"""``/queries``: the canned-query catalogue (JSON or HTML) and ``/queries/<name>`` to run one.

Request parameters other than ``format`` bind the query's declared parameters (see
``policygraph.catalogue``; an empty value counts as not given, as an empty form field);
results are negotiated exactly as on ``/sparql``.
"""

from __future__ import annotations

from html import escape

from flask import Blueprint, Response, abort, redirect, request, url_for

from ..catalogue import RESERVED, CannedQuery
from ..sparql.engine import QueryJob
from ..sparql.errors import BadRequest
from ..sparql.cache import Runner
from .responses import HTML, JSON, answer, chosen_format, html_response, json_response


def describe(query: CannedQuery, url: str) -> dict:
    """A catalogue entry as JSON-ready data."""
    return {
        "name": query.name,
        "title": query.title,
        "description": query.description,
        "parameters": [
            {"name": p.name, "type": p.type, "default": p.default, "description": p.description}
            for p in query.parameters
        ],
        "columns": list(query.columns),
        "url": url,
        "sparql": query.text,
    }


def blueprint(runner: Runner, catalogue: dict[str, CannedQuery]) -> Blueprint:
    bp = Blueprint("queries", __name__)

    @bp.get("/")
    def home() -> Response:
        return redirect(url_for("queries.index"))

    @bp.get("/queries")
    def index() -> Response:
        entries = [describe(q, url_for("queries.run", name=q.name, _external=True)) for q in catalogue.values()]
        if chosen_format((JSON, HTML)) == HTML:
            return html_response(_page(entries))
        return json_response(entries)

    @bp.get("/queries/<name>")
    def run(name: str) -> Response:
        query = catalogue.get(name)
        if query is None:
            abort(404, f"no canned query named {name}; the list is at /queries")
        values = {}
        for key, given in request.args.lists():
            if key in RESERVED:
                continue
            if len(given) != 1:
                raise BadRequest(f"parameter {key} is given {len(given)} times")
            if given[0]:  # an empty form field means "not given"
                values[key] = given[0]
        job = QueryJob(
            text=query.bind(values),
            base_iri=request.base_url,
            accept=request.headers.get("Accept"),
            requested=tuple(request.args.getlist("format")),
        )
        return answer(runner.run(job))

    return bp


def _page(entries: list[dict]) -> str:
    items = []
    for entry in entries:
        fields = "".join(
            f'<label>{escape(p["name"])} <small>({escape(p["type"])})</small> '
            f'<input name="{escape(p["name"])}" value="{escape(p["default"] or "")}" '
            f'title="{escape(p["description"])}"></label> '
            for p in entry["parameters"]
        )
        items.append(
            f'<section><h2>{escape(entry["title"])}</h2><p>{escape(entry["description"])}</p>'
            f'<form action="{escape(entry["url"])}">{fields}'
            '<select name="format"><option>json<option>xml<option>csv<option>tsv'
            "<option>turtle<option>jsonld</select> <button>run</button></form>"
            f'<details><summary>SPARQL</summary><pre>{escape(entry["sparql"])}</pre></details></section>'
        )
    body = "".join(items) or "<p>No canned queries yet (queries/*.rq).</p>"
    return (
        "<!doctype html><html lang=en><meta charset=utf-8><title>policygraph queries</title>"
        "<h1>policygraph: canned queries</h1><p>SPARQL endpoint: <a href=/sparql>/sparql</a> · "
        f"dumps: <a href=/dumps/>/dumps/</a> · JSON: <a href=/queries?format=json>/queries?format=json</a></p>{body}</html>"
    )

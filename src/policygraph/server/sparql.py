"""``/sparql``: the SPARQL 1.1 Protocol query operation, and the service description on a bare GET."""

from __future__ import annotations

from flask import Blueprint, Response, request

from ..sparql.description import ServiceDescription
from ..sparql.engine import Answer
from ..sparql.cache import Runner
from ..sparql.protocol import Limits, query_job
from ..sparql.results import GRAPH_FORMATS
from .responses import answer, chosen_format


def blueprint(runner: Runner, description: ServiceDescription, limits: Limits) -> Blueprint:
    bp = Blueprint("sparql", __name__)

    @bp.route("/sparql", methods=["GET", "POST"])
    def sparql() -> Response:
        job = query_job(
            request.method,
            request.headers.get("Content-Type"),
            request.args.to_dict(flat=False),
            request.get_data(cache=False) if request.method == "POST" else b"",
            request.headers.get("Accept"),
            limits,
            base_iri=request.base_url,
        )
        if job is None:
            fmt = chosen_format(GRAPH_FORMATS)
            body = description.render(request.base_url, fmt, f"{request.url_root}.well-known/void")
            return answer(Answer(fmt.content_type, body, fmt.name))
        return answer(runner.run(job))

    return bp

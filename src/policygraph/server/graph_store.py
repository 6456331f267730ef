"""``/rdf-graphs``: the read side of the SPARQL 1.1 Graph Store HTTP Protocol
(https://www.w3.org/TR/sparql11-http-rdf-update/): ``?graph=<iri>`` or ``?default``.

The default graph is the union of all named graphs, as on ``/sparql``. Writes (PUT, POST,
DELETE, PATCH) get 405: the store is read-only.
"""

from __future__ import annotations

from flask import Blueprint, Response, request

from ..sparql.engine import GraphJob
from ..sparql.errors import BadRequest
from ..sparql.cache import Runner
from .responses import answer


def blueprint(runner: Runner) -> Blueprint:
    bp = Blueprint("graph_store", __name__)

    @bp.get("/rdf-graphs")
    def graph() -> Response:
        graphs = request.args.getlist("graph")
        default = "default" in request.args
        if len(graphs) + default != 1:
            raise BadRequest("name one graph: ?graph=<iri> for a named graph or ?default for the default (union) graph")
        job = GraphJob(
            graph=None if default else graphs[0],
            accept=request.headers.get("Accept"),
            requested=tuple(request.args.getlist("format")),
        )
        return answer(runner.run(job))

    return bp

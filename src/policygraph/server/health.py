"""``/health`` for process managers and load balancers: 200 while at least one query worker lives."""

from __future__ import annotations

from flask import Blueprint, Response

from ..sparql.executor import Executor
from .responses import json_response


def blueprint(executor: Executor) -> Blueprint:
    bp = Blueprint("health", __name__)

    @bp.get("/health")
    def health() -> Response:
        alive = executor.alive
        return json_response(
            {
                "status": "ok" if alive else "unavailable",
                "workers": {"alive": alive, "configured": executor.size},
                "networkIsolated": executor.network_isolated,
                "graphs": len(executor.info.graphs),
                "triples": executor.info.triples,
            },
            status=200 if alive else 503,
        )

    return bp

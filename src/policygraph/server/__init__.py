"""The read-only SPARQL service as a Flask app: ``create_app(config)``, one blueprint per area.

The app is a thin door: views read the request, call the library (``policygraph.sparql``,
``policygraph.catalogue``) and render. Settings (all optional):

=====================  =========================================================================
``DIST``               built ``dist/`` to serve (default: the project's)
``LOAD``               extra ``(file, graph IRI)`` pairs loaded as named graphs
``QUERIES``            folder of canned ``*.rq`` queries (default: the project's ``queries/``)
``WORKERS``            query worker processes (default: CPUs, at least 2, at most 4)
``TIME_LIMIT``         seconds a query may run (default 10)
``QUEUE_TIMEOUT``      seconds a request may wait for a free worker (default: ``TIME_LIMIT``)
``MAX_QUERY_BYTES``    longest query accepted (default 64 KiB; the request body may be 4×)
``MAX_RESULT_BYTES``   largest serialised result (default 16 MiB)
``MEMORY_LIMIT``       address-space limit per worker in bytes (default 2 GiB; 0: none)
``ISOLATE_NETWORK``    drop workers' network access where the OS allows (default True)
``GZIP_MIN_BYTES``     compress responses from this size when the client accepts gzip (1024)
``RESULT_CACHE_BYTES`` answers kept for repeated requests (default 64 MiB; 0: no cache)
=====================  =========================================================================

Worker processes start with the app; ``app.extensions["policygraph"]`` is their executor, whose
``close()`` stops them (they also stop when the process exits).
"""

from __future__ import annotations

import atexit
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from flask import Flask

from ..catalogue import load_catalogue
from ..dumps import UNION_NAME
from ..project import Project
from ..sparql.cache import CachedRunner
from ..sparql.description import ServiceDescription
from ..sparql.engine import DEFAULT_MAX_RESULT_BYTES, Source
from ..sparql.executor import Executor, WorkerSettings
from ..sparql.protocol import DEFAULT_MAX_QUERY_BYTES, Limits
from . import dumps, errors, graph_store, health, queries, sparql
from .responses import register_hooks

DEFAULTS: dict[str, Any] = {
    "DIST": None,
    "LOAD": (),
    "QUERIES": None,
    "WORKERS": max(2, min(4, os.cpu_count() or 2)),
    "TIME_LIMIT": 10.0,
    "QUEUE_TIMEOUT": None,
    "MAX_QUERY_BYTES": DEFAULT_MAX_QUERY_BYTES,
    "MAX_RESULT_BYTES": DEFAULT_MAX_RESULT_BYTES,
    "MEMORY_LIMIT": 2 * 1024**3,
    "ISOLATE_NETWORK": True,
    "GZIP_MIN_BYTES": 1024,
    "RESULT_CACHE_BYTES": 64 * 1024**2,
}


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """A ready app serving the built graph; worker processes are running when it returns.

    :raises FileNotFoundError: when there is no build to serve.
    :raises CatalogueError: for a malformed canned query.
    :raises WorkerFailed: when the workers cannot load the data (e.g. a bad ``LOAD`` file).
    """
    app = Flask(__name__)
    app.config.from_mapping(DEFAULTS)
    app.config.from_mapping(config or {})
    settings = app.config
    project = Project.discover() if settings["DIST"] is None or settings["QUERIES"] is None else None
    dist = Path(settings["DIST"] or project.dist_dir)
    catalogue = load_catalogue(Path(settings["QUERIES"] or project.queries_dir))
    files = dumps.read_dist(dist)
    if f"{UNION_NAME}.nq" not in files:
        raise FileNotFoundError(f"{dist} holds no build (missing {UNION_NAME}.nq); run `policygraph build`")
    sources = (Source(str(dist / f"{UNION_NAME}.nq")), *(Source(str(f), str(g)) for f, g in settings["LOAD"]))
    executor = Executor(
        WorkerSettings(sources, settings["MAX_RESULT_BYTES"], settings["ISOLATE_NETWORK"], settings["MEMORY_LIMIT"] or None),
        workers=settings["WORKERS"],
        time_limit=settings["TIME_LIMIT"],
        queue_timeout=settings["QUEUE_TIMEOUT"],
    )
    runner = CachedRunner(executor, settings["RESULT_CACHE_BYTES"]) if settings["RESULT_CACHE_BYTES"] else executor
    app.extensions["policygraph"] = executor
    atexit.register(executor.close)
    settings["MAX_CONTENT_LENGTH"] = 4 * settings["MAX_QUERY_BYTES"]

    limits = Limits(max_query_bytes=settings["MAX_QUERY_BYTES"])
    app.register_blueprint(sparql.blueprint(runner, ServiceDescription(executor.info), limits))
    app.register_blueprint(graph_store.blueprint(runner))
    app.register_blueprint(dumps.blueprint(files))
    app.register_blueprint(queries.blueprint(runner, catalogue))
    app.register_blueprint(health.blueprint(executor))
    errors.register(app)
    register_hooks(app, settings["GZIP_MIN_BYTES"])
    return app

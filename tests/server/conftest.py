"""``app``, ``client`` and a real waitress server (``live``), built once per session through the
factory over the ontology plus SOOSR.

Network isolation of the workers is switched off here on purpose: the safety tests must show
that the guard alone keeps every query offline (the isolation is tested on its own in
tests/sparql/test_executor.py).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import waitress
from flask import Flask
from flask.testing import FlaskClient

from policygraph.server import create_app

from conftest import ROOT

from endpoint_helpers import soosr_dist

FIXTURE_QUERIES = ROOT / "tests" / "fixtures" / "queries"
TIME_LIMIT = 2.0


@pytest.fixture(scope="session")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return soosr_dist(tmp_path_factory.mktemp("server") / "dist")


@pytest.fixture(scope="session")
def app(dist: Path) -> Iterator[Flask]:
    app = create_app({
        "DIST": dist,
        "QUERIES": FIXTURE_QUERIES,
        "WORKERS": 2,
        "TIME_LIMIT": TIME_LIMIT,
        "ISOLATE_NETWORK": False,
    })
    yield app
    app.extensions["policygraph"].close()


@pytest.fixture()
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture(scope="session")
def live(app: Flask) -> Iterator[str]:
    """Base URL of the app behind a real waitress server in a thread (no trailing slash)."""
    server = waitress.create_server(app, host="127.0.0.1", port=0, threads=16)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.effective_port}"
    server.close()

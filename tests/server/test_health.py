"""``/health`` for process managers."""

from __future__ import annotations

from flask.testing import FlaskClient


def test_health(client: FlaskClient) -> None:
    response = client.get("/health")
    assert response.status_code == 200
    assert response.json["status"] == "ok"
    assert response.json["workers"]["configured"] == 2
    assert response.json["graphs"] == 2 and response.json["triples"] > 100

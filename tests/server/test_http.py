"""HTTP behaviour: JSON errors, body limit, CORS off, OpenAPI, CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from fastapi.testclient import TestClient

from server.app import create_app
from server.config import Settings
from tests.server.helpers import auth

ROOT = Path(__file__).resolve().parents[2]


def test_errors_are_json_with_code_and_message(client: TestClient) -> None:
    for resp in (
        client.get("/api/v1/tidak-ada"),
        client.delete("/api/v1/catalog"),
        client.get("/api/v1/catalog?page=0"),
        client.post("/api/v1/orders", content=b"{bukan json", headers={
            "content-type": "application/json"}),
        client.get("/api/v1/catalog?q=%00"),
    ):
        assert 400 <= resp.status_code < 500, resp.text
        body = resp.json()
        assert set(body) >= {"code", "message"}
        assert body["message"]


def test_body_limit_gives_413_json(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, max_body_bytes=1000)
    with TestClient(create_app(settings)) as small:
        resp = small.post("/api/v1/sync/push", content=b"{" + b" " * 5000 + b"}",
                          headers={**auth("x"), "content-type": "application/json"})
        assert resp.status_code == 413
        assert resp.json()["code"] == "payload_too_large"


def test_cors_is_off_by_default(client: TestClient) -> None:
    resp = client.get("/api/v1/catalog", headers={"Origin": "https://contoh.id"})
    assert "access-control-allow-origin" not in resp.headers
    preflight = client.options("/api/v1/catalog", headers={
        "Origin": "https://contoh.id", "Access-Control-Request-Method": "GET"})
    assert "access-control-allow-origin" not in preflight.headers


def test_openapi_served_without_script_pages(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()  # public in the tests (conftest); admin by default
    assert "/api/v1/sync/push" in spec["paths"]
    assert client.get("/docs").status_code == 404  # Swagger UI would load scripts from a CDN


def test_create_admin_cli_prints_a_token(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("PEKEN_DATABASE_URL", None)
    out = subprocess.run(
        [sys.executable, "-m", "server", "create-admin", "--data-dir", str(tmp_path)],
        capture_output=True, text=True, check=True, cwd=ROOT, env=env, timeout=60,
    )
    token = out.stdout.strip().splitlines()[-1]
    assert token.startswith("pka_")
    with TestClient(create_app(Settings(data_dir=tmp_path))) as app_client:
        assert app_client.get("/api/v1/admin/sellers", headers=auth(token)).status_code == 200

"""Property-based fuzzing: no request the OpenAPI schema describes (or nearly) gives a 5xx."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import schemathesis
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.errors import Unsatisfiable
from schemathesis.generation.modes import GenerationMode

from server.admin import create_admin
from server.config import Settings
from server.sync.ops import HANDLERS
from tests.server.helpers import auth, make_shop, place_order, stocked_listing

FUZZ = settings(deadline=None, database=None, derandomize=True,
                suppress_health_check=list(HealthCheck))


def _headers_for(path: str, admin: str, device: str) -> dict[str, str]:
    if path.startswith("/api/v1/admin"):
        return auth(admin)
    if path.startswith(("/api/v1/sync", "/api/v1/shop")):
        return auth(device)
    return {}


def _fuzz_operation(
    strategy: st.SearchStrategy[Any], headers: Callable[[], dict[str, str]], examples: int,
    failures: list[str]
) -> int:
    """Call one operation ``examples`` times; record 5xx answers; return the call count."""
    calls = 0

    @given(case=strategy)
    @settings(FUZZ, max_examples=examples)
    def run(case: Any) -> None:
        nonlocal calls
        calls += 1
        response = case.call(headers=headers())
        if response.status_code >= 500:
            failures.append(f"{case.method} {case.formatted_path}: {response.text}")

    run()
    return calls


def test_openapi_fuzz_finds_no_5xx(server_app: FastAPI, client: TestClient,
                                   admin_token: str, settings: Settings) -> None:
    shop = make_shop(client, admin_token, "Toko Fuzz")
    stocked_listing(client, shop, "50")
    schema = schemathesis.openapi.from_asgi("/openapi.json", server_app)
    failures: list[str] = []
    calls = 0
    for result in schema.get_all_operations():
        operation = result.ok()  # type: ignore[union-attr]
        fixed = _headers_for(operation.path, admin_token, shop.tokens[0])
        # rotating or revoking would kill the shared token: those calls get a fresh one each
        fresh = operation.path.startswith("/api/v1/admin/tokens")

        def headers(fixed: dict[str, str] = fixed, fresh: bool = fresh) -> dict[str, str]:
            return auth(create_admin(settings, "fuzz")) if fresh else fixed
        for mode, examples in ((GenerationMode.POSITIVE, 7), (GenerationMode.NEGATIVE, 3)):
            strategy = operation.as_strategy(generation_mode=mode)
            try:
                calls += _fuzz_operation(strategy, headers, examples, failures)
            except Unsatisfiable:
                assert mode is GenerationMode.NEGATIVE  # nothing in this operation to negate
    assert failures == []
    assert calls >= 100


JSON_VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(2**70), max_value=2**70),
    st.text(max_size=30), st.sampled_from(["-2.000", "1e9", "0.0001", "NaN", "", "\x00",
                                           "2026-11-28T10:00:00+07:00", "9" * 40]),
    st.uuids().map(str), st.lists(st.integers(), max_size=2),
)


@st.composite
def op_strategy(draw: st.DrawFn, products: list[str], orders: list[str]) -> dict[str, Any]:
    """A push op of a known kind whose payload fields are random JSON (or real ids)."""
    kind = draw(st.sampled_from(sorted(HANDLERS)))
    model = HANDLERS[kind][0]
    payload: dict[str, Any] = {}
    for name in model.model_fields:
        if draw(st.booleans()):
            continue
        if name == "product_uuid":
            payload[name] = draw(st.sampled_from(products) | JSON_VALUES)
        elif name == "order_id":
            payload[name] = draw(st.sampled_from(orders) | JSON_VALUES)
        else:
            payload[name] = draw(JSON_VALUES)
    return {"op_id": str(uuid.uuid4()), "seq": draw(st.integers(0, 10**6)), "kind": kind,
            "payload": payload}


def test_push_payload_fuzz_finds_no_5xx(client: TestClient, admin_token: str) -> None:
    shop = make_shop(client, admin_token, "Toko Fuzz Op")
    product = stocked_listing(client, shop, "100")
    orders = [place_order(client, shop.id, product).json()["order_id"] for _ in range(3)]

    @given(ops=st.lists(op_strategy([product], orders), min_size=1, max_size=4))
    @settings(FUZZ, max_examples=80)
    def run(ops: list[dict[str, Any]]) -> None:
        resp = client.post("/api/v1/sync/push", json={"ops": ops}, headers=auth(shop.tokens[0]))
        assert resp.status_code < 500, resp.text
        if resp.status_code == 200:
            statuses = {r["status"] for r in resp.json()["results"]}
            assert statuses <= {"acknowledged", "duplicate", "rejected"}

    run()

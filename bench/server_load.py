"""City load on the catalog server: devices pushing and pulling, buyers searching and ordering.

``python -m bench.server_load --db sqlite|postgres [--workers N] [--shops 50] [--devices 2]
[--buyers 20] [--seconds 20]`` starts ``python -m server`` (abuse limits off: every
simulated client is 127.0.0.1), runs the clients for ``--seconds`` — some with a short
timeout that retry the same request (pushes are idempotent, orders carry an
``Idempotency-Key``) — then checks the result and prints one JSON object::

    {"ops_per_s", "push_p95_ms", "search_p95_ms", "order_p95_ms", "shed_503",
     "errors_5xx", "lost", "doubled", "health_after_s", "gap_free"}

``lost``: acknowledged movements missing from the server's on-hand; ``doubled``:
orders made twice for one key or on-hand above what was pushed; ``gap_free``: every
shop's change log is 1..N without holes.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from bench.server import _healthy, database, enroll_device, free_port, percentile

ROOT = Path(__file__).resolve().parents[1]
SHORT = httpx.Timeout(0.5, connect=2.0)  # the impatient clients
PATIENT = httpx.Timeout(30.0)


@dataclass
class Stats:
    """What every client thread records (under one lock)."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    codes: Counter[int] = field(default_factory=Counter)
    push_ms: list[float] = field(default_factory=list)
    search_ms: list[float] = field(default_factory=list)
    order_ms: list[float] = field(default_factory=list)
    ops_acked: int = 0
    acked_qty: dict[str, int] = field(default_factory=dict)  # product → acknowledged units
    order_ids: dict[str, set[str]] = field(default_factory=dict)  # key → order ids seen

    def add(self, kind: str, code: int, ms: float) -> None:
        """One answered request."""
        with self.lock:
            self.codes[code] += 1
            if code < 500:
                getattr(self, f"{kind}_ms").append(ms)


def _call(http: httpx.Client, stats: Stats, kind: str, method: str, url: str,
          **kwargs: Any) -> httpx.Response | None:
    """One request, retried (same body) after a timeout or a 503, as a real client would."""
    for _ in range(20):
        started = time.perf_counter()
        try:
            resp = http.request(method, url, **kwargs)
        except httpx.TimeoutException:
            kwargs["timeout"] = PATIENT  # gave up once: the retry waits longer
            continue
        stats.add(kind, resp.status_code, (time.perf_counter() - started) * 1000)
        if resp.status_code in (429, 503):
            time.sleep(float(resp.headers.get("retry-after", "1")) / 4)
            continue
        return resp
    return None


def _device(base: str, token: str, product: str, stats: Stats, stop: threading.Event,
            impatient: bool) -> None:
    with httpx.Client(base_url=base, timeout=SHORT if impatient else PATIENT,
                      headers={"Authorization": f"Bearer {token}"}) as http:
        since, seq = 0, 0
        while not stop.is_set():
            ops = []
            for _ in range(5):
                seq += 1
                ops.append({"op_id": str(uuid.uuid4()), "seq": seq, "kind": "stock.movement",
                            "payload": {"movement_uuid": str(uuid.uuid4()), "product_uuid": product,
                                        "qty": "1", "kind": "receive",
                                        "created_at": "2026-01-01T08:00:00+07:00"}})
            resp = _call(http, stats, "push", "POST", "/api/v1/sync/push", json={"ops": ops})
            if resp is not None and resp.status_code == 200:
                acked = sum(r["status"] == "acknowledged" for r in resp.json()["results"])
                with stats.lock:
                    stats.ops_acked += acked
                    stats.acked_qty[product] = stats.acked_qty.get(product, 0) + acked
            pulled = _call(http, stats, "push", "GET", f"/api/v1/sync/changes?since={since}")
            if pulled is not None and pulled.status_code == 200:
                since = pulled.json()["next"]


def _buyer(base: str, shops: list[tuple[int, str]], stats: Stats, stop: threading.Event,
           number: int) -> None:
    with httpx.Client(base_url=base, timeout=SHORT if number % 3 == 0 else PATIENT) as http:
        i = 0
        while not stop.is_set():
            i += 1
            seller, product = shops[(number * 7 + i) % len(shops)]
            _call(http, stats, "search", "GET", "/api/v1/catalog?q=beras")
            key = str(uuid.uuid4())
            resp = _call(http, stats, "order", "POST", "/api/v1/orders",
                         headers={"Idempotency-Key": key},
                         json={"seller_id": seller, "buyer_name": "Pembeli",
                               "phone": f"0812{number:04d}{i:04d}",
                               "lines": [{"listing_id": product, "qty": "0.001"}],
                               "pay_method": "transfer"})
            if resp is not None and resp.status_code == 201:
                with stats.lock:
                    stats.order_ids.setdefault(key, set()).add(resp.json()["order_id"])


def _spawn(data_dir: Path, url: str, port: int, workers: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PEKEN_DATABASE_URL": url,
           "PEKEN_RATE_ORDERS_PER_IP": "0", "PEKEN_MAX_OPEN_ORDERS_PER_PHONE": "0",
           "PEKEN_RATE_ENROLL_PER_IP": "0", "PEKEN_TURNOVER_CAP": str(10**12)}
    return subprocess.Popen(
        [sys.executable, "-m", "server", "--port", str(port), "--data-dir", str(data_dir),
         "--workers", str(workers)], env=env, cwd=ROOT,
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _setup(http: httpx.Client, admin: str, shops: int, devices: int
           ) -> tuple[list[tuple[int, str]], list[tuple[str, str]]]:
    """Shops with one stocked listing each, and their device tokens."""
    listed, tokens = [], []
    for s in range(shops):
        resp = http.post("/api/v1/admin/sellers", headers={"Authorization": f"Bearer {admin}"},
                         json={"shop_name": f"Toko Beras {s}", "owner_name": "Pemilik",
                               "nik": f"3578{s:012d}", "bank_accounts": [
                                   {"bank": "BCA", "number": "1234567890", "holder": "P"}]})
        resp.raise_for_status()
        seller = int(resp.json()["id"])
        shop_tokens = [enroll_device(http, admin, seller) for _ in range(devices)]
        product = str(uuid.uuid4())
        first = http.post("/api/v1/sync/push", headers={"Authorization": f"Bearer {shop_tokens[0]}"},
                          json={"ops": [{"op_id": str(uuid.uuid4()), "seq": 0,
                                         "kind": "listing.upsert", "payload": {
                                             "product_uuid": product, "name": f"Beras {s}",
                                             "price": 12000, "unit": "kg", "published": True}}]})
        first.raise_for_status()
        listed.append((seller, product))
        tokens += [(t, product) for t in shop_tokens]
    return listed, tokens


def _check(http: httpx.Client, stats: Stats, tokens: list[tuple[str, str]]) -> dict[str, Any]:
    """Gap-free change logs, acknowledged movements applied once, one order per key."""
    gap_free, lost, doubled, seen = True, 0, 0, set()
    for token, product in tokens:
        if product in seen:
            continue
        seen.add(product)
        auth = {"Authorization": f"Bearer {token}"}
        seqs, since = [], 0
        while True:
            page = http.get(f"/api/v1/sync/changes?since={since}&limit=1000", headers=auth).json()
            seqs += [c["seq"] for c in page["changes"]]
            since = page["next"]
            if not page["more"]:
                break
        gap_free &= seqs == list(range(1, len(seqs) + 1))
        on_hand = http.get(f"/api/v1/shop/listings/{product}", headers=auth).json()["on_hand"]
        units, acked = int(float(on_hand)), stats.acked_qty.get(product, 0)
        lost += max(acked - units, 0)  # more may be on hand: answers lost to timeouts
    doubled += sum(len(ids) - 1 for ids in stats.order_ids.values())
    return {"gap_free": gap_free, "lost": lost, "doubled": doubled}


def run(kind: str, workers: int, shops: int, devices: int, buyers: int,
        seconds: float) -> dict[str, Any]:
    """The whole load run; returns the figures."""
    with tempfile.TemporaryDirectory() as tmp, database(kind, Path(tmp)) as url:
        port = free_port()
        env_admin = subprocess.run(
            [sys.executable, "-m", "server", "create-admin", "--data-dir", tmp],
            env={**os.environ, "PYTHONPATH": str(ROOT), "PEKEN_DATABASE_URL": url},
            cwd=ROOT, check=True, capture_output=True, text=True)
        admin = env_admin.stdout.strip().splitlines()[-1]
        proc = _spawn(Path(tmp), url, port, workers)
        base = f"http://127.0.0.1:{port}"
        try:
            if not _healthy(proc, base, time.monotonic() + 60):
                raise SystemExit((proc.stderr.read() if proc.stderr else b"").decode()[-2000:])
            with httpx.Client(base_url=base, timeout=PATIENT) as http:
                listed, tokens = _setup(http, admin, shops, devices)
                figures = _load(base, listed, tokens, buyers, seconds)
                figures.update(_check(http, figures.pop("_stats"), tokens))
            return figures
        finally:
            proc.terminate()
            proc.wait(30)


def _load(base: str, listed: list[tuple[int, str]], tokens: list[tuple[str, str]],
          buyers: int, seconds: float) -> dict[str, Any]:
    stats, stop = Stats(), threading.Event()
    threads = [threading.Thread(target=_device, args=(base, t, p, stats, stop, i % 4 == 0))
               for i, (t, p) in enumerate(tokens)]
    threads += [threading.Thread(target=_buyer, args=(base, listed, stats, stop, b))
                for b in range(buyers)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    time.sleep(seconds)
    stop.set()
    for thread in threads:
        thread.join(120)
    elapsed = time.monotonic() - started
    t0 = time.monotonic()
    httpx.get(f"{base}/api/v1/health", timeout=30).raise_for_status()
    return {
        "ops_per_s": round(stats.ops_acked / elapsed, 1),
        "push_p95_ms": round(percentile(stats.push_ms or [0], 95), 1),
        "search_p95_ms": round(percentile(stats.search_ms or [0], 95), 1),
        "order_p95_ms": round(percentile(stats.order_ms or [0], 95), 1),
        "shed_503": stats.codes[503],
        "errors_5xx": sum(n for code, n in stats.codes.items() if code >= 500 and code != 503),
        "health_after_s": round(time.monotonic() - t0, 3),
        "_stats": stats,
    }


def main(argv: list[str] | None = None) -> int:
    """Run and print the figures as JSON."""
    parser = argparse.ArgumentParser(prog="python -m bench.server_load")
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--shops", type=int, default=50)
    parser.add_argument("--devices", type=int, default=2, help="devices per shop")
    parser.add_argument("--buyers", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=20)
    args = parser.parse_args(argv)
    print(json.dumps(run(args.db, args.workers, args.shops, args.devices, args.buyers,
                         args.seconds)))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""City load on the catalog server: devices pushing and pulling, buyers searching and ordering.

``python -m bench.server_load --db sqlite|postgres [--workers N] [--shops 500] [--devices 2]
[--buyers 200] [--seconds 20] [--device-every 5] [--buyer-every 2] [--clients 2]`` starts
``python -m server`` (abuse limits off: every simulated client is 127.0.0.1), then runs the
simulated clients for ``--seconds`` in ``--clients`` processes (asyncio, so a thousand
clients do not fight over one interpreter's threads):

- every device, about every ``--device-every`` seconds (the desktop sync worker's round is
  30 s, sooner after a sale), pushes 5 stock movements and pulls its shop's changes;
- every buyer, about every ``--buyer-every`` seconds, searches and orders (``Idempotency-Key``);
- a quarter of the devices and a third of the buyers give up after 0.5 s and send the same
  request again; after a timeout, a ``503`` or a ``429`` a client waits as the desktop sync
  worker does (exponential backoff with jitter, at least ``Retry-After``).

Each simulated client has its own kept-alive connection through the lean client of
:mod:`bench.load_client`, so the load generator's own CPU and event-loop lag stay small
next to the server's.

Then it checks the result and prints one JSON object::

    {"ops_per_s", "push_p95_ms", "search_p95_ms", "order_p95_ms", "shed_503",
     "errors_5xx", "lost", "doubled", "health_after_s", "gap_free", ...}

The p95s are over the requests the server answered (2xx–4xx) plus those a client gave up
on (counted at the time it waited); shed 503s are counted apart. ``lost``: acknowledged
movements missing from the server's on-hand; ``doubled``: orders made twice for one key plus
units on hand beyond the distinct movements ever sent (one applied twice);
``gap_free``: every shop's change log is 1..N without holes.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import os
import random
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import httpx

from bench.load_client import Answer, Connection, ConnectionLost, RequestTimeout
from bench.server import _healthy, database, enroll_device, free_port, percentile

ROOT = Path(__file__).resolve().parents[1]
SHORT = 0.5  # seconds: the impatient clients
PATIENT = 30.0
MAX_BACKOFF_S = 120.0  # app.sync.worker.SyncWorker's max_backoff


@dataclass
class Stats:
    """What the clients of one process record."""

    codes: Counter[int] = field(default_factory=Counter)
    push_ms: list[float] = field(default_factory=list)
    search_ms: list[float] = field(default_factory=list)
    order_ms: list[float] = field(default_factory=list)
    stop_at: float = 0.0
    gave_up: int = 0
    reconnects: int = 0
    ops_acked: int = 0
    acked_qty: dict[str, int] = field(default_factory=dict)  # product → acknowledged units
    sent_qty: dict[str, int] = field(default_factory=dict)  # product → distinct units sent
    order_ids: dict[str, set[str]] = field(default_factory=dict)  # key → order ids seen

    def add(self, kind: str, code: int, ms: float) -> None:
        """One answered request (shed 503s only counted)."""
        self.codes[code] += 1
        if code != 503:
            getattr(self, f"{kind}_ms").append(ms)

    def merge(self, other: Stats) -> None:
        """Add another process's figures."""
        self.codes.update(other.codes)
        for kind in ("push", "search", "order"):
            getattr(self, f"{kind}_ms").extend(getattr(other, f"{kind}_ms"))
        self.gave_up += other.gave_up
        self.reconnects += other.reconnects
        self.ops_acked += other.ops_acked
        for product, units in other.acked_qty.items():
            self.acked_qty[product] = self.acked_qty.get(product, 0) + units
        for product, units in other.sent_qty.items():
            self.sent_qty[product] = self.sent_qty.get(product, 0) + units
        for key, ids in other.order_ids.items():
            self.order_ids.setdefault(key, set()).update(ids)


def backoff(failures: int, retry_after: float | None) -> float:
    """Seconds to wait after ``failures`` failed tries in a row, as the app's sync worker
    waits (:meth:`app.sync.worker.SyncWorker.next_delay`): exponential from 1 s up to
    120 s with jitter, and never less than the server's ``Retry-After``."""
    delay = min(MAX_BACKOFF_S, 2.0 ** (failures - 1)) * random.uniform(0.5, 1.0)
    return max(delay, retry_after) if retry_after is not None else delay


async def _call(conn: Connection, stats: Stats, kind: str, method: str, path: str,
                timeout: float, **kwargs: Any) -> Answer | None:
    """One request, retried (same body) after a timeout, a 503 or a 429 with the sync
    worker's backoff; no retry is started after the end of the run (``stats.stop_at``)."""
    failures = 0
    for attempt in range(20):
        if attempt and time.monotonic() > stats.stop_at:
            return None
        started = time.perf_counter()
        try:
            resp = await conn.request(method, path, timeout=timeout, **kwargs)
        except RequestTimeout:
            stats.gave_up += 1
            getattr(stats, f"{kind}_ms").append((time.perf_counter() - started) * 1000)
            timeout = PATIENT  # gave up once: the retry waits longer
            failures += 1
            await asyncio.sleep(backoff(failures, None))
            continue
        except ConnectionLost:  # a kept-alive connection the server had closed
            stats.reconnects += 1
            continue
        stats.add(kind, resp.status_code, (time.perf_counter() - started) * 1000)
        if resp.status_code in (429, 503):
            failures += 1
            await asyncio.sleep(backoff(failures, float(resp.headers.get("retry-after", "1"))))
            continue
        return resp
    return None


def _movements(product: str, seq: int) -> list[dict[str, Any]]:
    return [{"op_id": str(uuid.uuid4()), "seq": seq + i, "kind": "stock.movement",
             "payload": {"movement_uuid": str(uuid.uuid4()), "product_uuid": product,
                         "qty": "1", "kind": "receive",
                         "created_at": "2026-01-01T08:00:00+07:00"}} for i in range(5)]


async def _device(http: Connection, token: str, product: str, stats: Stats,
                  stop_at: float, impatient: bool, every: float) -> None:
    timeout = SHORT if impatient else PATIENT
    auth = {"Authorization": f"Bearer {token}"}
    since, seq = 0, 0
    await asyncio.sleep(random.uniform(0, every))
    while time.monotonic() < stop_at:
        ops = _movements(product, seq + 1)
        seq += len(ops)
        stats.sent_qty[product] = stats.sent_qty.get(product, 0) + len(ops)
        resp = await _call(http, stats, "push", "POST", "/api/v1/sync/push", timeout,
                           body={"ops": ops}, headers=auth)
        if resp is not None and resp.status_code == 200:
            acked = sum(r["status"] == "acknowledged" for r in resp.json()["results"])
            stats.ops_acked += acked
            stats.acked_qty[product] = stats.acked_qty.get(product, 0) + acked
        pulled = await _call(http, stats, "push", "GET", f"/api/v1/sync/changes?since={since}",
                             timeout, headers=auth)
        if pulled is not None and pulled.status_code == 200:
            since = pulled.json()["next"]
        await asyncio.sleep(every * random.uniform(0.5, 1.5))


async def _buyer(http: Connection, shops: list[tuple[int, str]], stats: Stats,
                 stop_at: float, number: int, every: float) -> None:
    timeout = SHORT if number % 3 == 0 else PATIENT
    i = 0
    await asyncio.sleep(random.uniform(0, every))
    while time.monotonic() < stop_at:
        i += 1
        seller, product = shops[(number * 7 + i) % len(shops)]
        await _call(http, stats, "search", "GET", "/api/v1/catalog?q=beras", timeout)
        key = str(uuid.uuid4())
        resp = await _call(http, stats, "order", "POST", "/api/v1/orders", timeout,
                           headers={"Idempotency-Key": key},
                           body={"seller_id": seller, "buyer_name": "Pembeli",
                                 "phone": f"0812{number:04d}{i:04d}",
                                 "lines": [{"listing_id": product, "qty": "0.001"}],
                                 "pay_method": "transfer"})
        if resp is not None and resp.status_code == 201:
            stats.order_ids.setdefault(key, set()).add(resp.json()["order_id"])
        await asyncio.sleep(every * random.uniform(0.5, 1.5))


@dataclass(frozen=True)
class Share:
    """The simulated clients one client process runs."""

    base: str
    devices: list[tuple[int, str, str]]  # (number, token, product)
    buyers: list[int]
    shops: list[tuple[int, str]]
    seconds: float
    device_every: float
    buyer_every: float


async def _run_share(share: Share) -> Stats:
    stop_at = time.monotonic() + share.seconds
    stats = Stats(stop_at=stop_at)
    tasks = [_own_client(share.base, _device, token, product, stats, stop_at, n % 4 == 0,
                         share.device_every) for n, token, product in share.devices]
    tasks += [_own_client(share.base, _buyer, share.shops, stats, stop_at, b, share.buyer_every)
              for b in share.buyers]
    await asyncio.gather(*tasks)
    return stats


async def _own_client(base: str, role: Any, *args: Any) -> None:
    """Run one simulated device or buyer on its own kept-alive connection, as each real
    one has."""
    address = base.removeprefix("http://")
    host, _, port = address.rpartition(":")
    conn = Connection(host, int(port))
    try:
        await role(conn, *args)
    finally:
        conn.close()


def _client_process(share: Share) -> Stats:
    return asyncio.run(_run_share(share))


def _spawn(data_dir: Path, url: str, port: int, workers: int, log: IO[bytes]
           ) -> subprocess.Popen[bytes]:
    """The server under test; its log goes to a file (a pipe nobody reads would fill up
    and stop the server at its next log line)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PEKEN_DATABASE_URL": url,
           "PEKEN_RATE_ORDERS_PER_IP": "0", "PEKEN_MAX_OPEN_ORDERS_PER_PHONE": "0",
           "PEKEN_RATE_ENROLL_PER_IP": "0", "PEKEN_MAX_OPEN_ORDERS_PER_IP": "0",
           "PEKEN_TURNOVER_CAP": str(10**12)}
    return subprocess.Popen(
        [sys.executable, "-m", "server", "--port", str(port), "--data-dir", str(data_dir),
         "--workers", str(workers)], env=env, cwd=ROOT,
        stdout=subprocess.DEVNULL, stderr=log)


class PatientClient(httpx.Client):
    """The set-up and check client: a shed request (503/429) waits ``Retry-After`` and goes
    again, as every PEKEN client does."""

    def request(self, *args: Any, **kwargs: Any) -> httpx.Response:
        """Send, retrying up to 20 times while the server sheds."""
        for _ in range(20):
            resp = super().request(*args, **kwargs)
            if resp.status_code not in (429, 503):
                return resp
            time.sleep(float(resp.headers.get("retry-after", "1")))
        return resp


def _one_shop(http: httpx.Client, admin: str, s: int, devices: int
              ) -> tuple[tuple[int, str], list[tuple[str, str]]]:
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
    return (seller, product), [(t, product) for t in shop_tokens]


def _setup(http: httpx.Client, admin: str, shops: int, devices: int
           ) -> tuple[list[tuple[int, str]], list[tuple[str, str]]]:
    """Shops with one stocked listing each, and their device tokens (4 at a time)."""
    with ThreadPoolExecutor(4) as pool:
        made = list(pool.map(lambda s: _one_shop(http, admin, s, devices), range(shops)))
    return [shop for shop, _ in made], [t for _, tokens in made for t in tokens]


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
        doubled += max(units - stats.sent_qty.get(product, 0), 0)  # a movement applied twice
    doubled += sum(len(ids) - 1 for ids in stats.order_ids.values())
    return {"gap_free": gap_free, "lost": lost, "doubled": doubled}


def run(kind: str, options: argparse.Namespace) -> dict[str, Any]:
    """The whole load run; returns the figures."""
    with tempfile.TemporaryDirectory() as tmp, database(kind, Path(tmp)) as url:
        port = free_port()
        env_admin = subprocess.run(
            [sys.executable, "-m", "server", "create-admin", "--data-dir", tmp],
            env={**os.environ, "PYTHONPATH": str(ROOT), "PEKEN_DATABASE_URL": url},
            cwd=ROOT, check=True, capture_output=True, text=True)
        admin = env_admin.stdout.strip().splitlines()[-1]
        log = open(Path(tmp) / "server.log", "w+b")  # noqa: SIM115 (closed in finally)
        proc = _spawn(Path(tmp), url, port, options.workers, log)
        base = f"http://127.0.0.1:{port}"
        try:
            if not _healthy(proc, base, time.monotonic() + 180):  # 4 workers on a busy machine
                log.seek(0)
                raise SystemExit(log.read().decode(errors="replace")[-2000:])
            with PatientClient(base_url=base, timeout=PATIENT) as http:
                listed, tokens = _setup(http, admin, options.shops, options.devices)
                figures = _load(base, listed, tokens, options)
                figures.update(_check(http, figures.pop("_stats"), tokens))
            return figures
        finally:
            proc.terminate()
            proc.wait(30)
            log.close()


def options_for(**values: Any) -> argparse.Namespace:
    """The command-line defaults with ``values`` changed (for tests)."""
    options = _parser().parse_args([])
    for name, value in values.items():
        setattr(options, name, value)
    return options


def _load(base: str, listed: list[tuple[int, str]], tokens: list[tuple[str, str]],
          options: argparse.Namespace) -> dict[str, Any]:
    procs = max(1, options.clients)
    numbered = [(n, t, p) for n, (t, p) in enumerate(tokens)]
    shares = [Share(base, numbered[i::procs], list(range(options.buyers))[i::procs], listed,
                    options.seconds, options.device_every, options.buyer_every)
              for i in range(procs)]
    started = time.monotonic()
    with multiprocessing.get_context("spawn").Pool(procs) as pool:
        parts = pool.map(_client_process, shares)
    elapsed = time.monotonic() - started
    stats = Stats()
    for part in parts:
        stats.merge(part)
    t0 = time.monotonic()
    httpx.get(f"{base}/api/v1/health", timeout=30).raise_for_status()
    served = sum(n for code, n in stats.codes.items() if code != 503)
    return {
        "ops_per_s": round(stats.ops_acked / elapsed, 1),
        "push_p95_ms": round(percentile(stats.push_ms or [0], 95), 1),
        "search_p95_ms": round(percentile(stats.search_ms or [0], 95), 1),
        "order_p95_ms": round(percentile(stats.order_ms or [0], 95), 1),
        "shed_503": stats.codes[503],
        "errors_5xx": sum(n for code, n in stats.codes.items() if code >= 500 and code != 503),
        "health_after_s": round(time.monotonic() - t0, 3),
        "served": served,
        "served_per_s": round(served / elapsed, 1),
        "gave_up": stats.gave_up,
        "reconnects": stats.reconnects,
        "orders": len(stats.order_ids),
        "_stats": stats,
    }


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bench.server_load")
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--shops", type=int, default=500)
    parser.add_argument("--devices", type=int, default=2, help="devices per shop")
    parser.add_argument("--buyers", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--device-every", type=float, default=5.0,
                        help="seconds between a device's sync rounds (about)")
    parser.add_argument("--buyer-every", type=float, default=2.0,
                        help="seconds between a buyer's search+order (about)")
    parser.add_argument("--clients", type=int, default=2, help="client processes")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run and print the figures as JSON."""
    args = _parser().parse_args(argv)
    print(json.dumps(run(args.db, args)))
    return 0


if __name__ == "__main__":
    sys.exit(main())

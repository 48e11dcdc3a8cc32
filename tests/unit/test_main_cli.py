"""The entry point: ``main.py --db X --demo --summary`` and ``main.py seed --products N``."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import func, select

from app.db import open_database
from app.inventory import ledger_sum
from app.search import search_products
from models import Order, Product

ROOT = Path(__file__).resolve().parents[2]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=180, check=False)


def test_demo_shop_summary(tmp_path: Path) -> None:
    path = tmp_path / "demo.sqlite"
    run = _run("--db", str(path), "--demo", "--summary")
    assert run.returncode == 0, run.stderr
    assert "Toko Berkah Jaya" in run.stdout and "Produk" in run.stdout and "Rp" in run.stdout
    database = open_database(path)
    try:
        with database.read() as session:
            products = session.scalar(select(func.count()).select_from(Product)) or 0
            assert products > 150
            assert f"Produk   : {products}" in run.stdout
            assert (session.scalar(select(func.count()).select_from(Order)) or 0) >= 100
            for product in session.scalars(select(Product)):
                assert product.on_hand == ledger_sum(session, product.id), product.name
            assert search_products(session, "gor")
    finally:
        database.close()
    again = _run("--db", str(path), "--demo", "--summary")  # reopening does not rebuild
    assert again.returncode == 0 and again.stdout == run.stdout


def test_summary_of_a_new_shop_without_address(tmp_path: Path) -> None:
    run = _run("--db", str(tmp_path / "baru.sqlite"), "--summary")
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines()[0].rstrip() == "Toko     : Toko Saya"  # no empty "()"


def test_seed_adds_searchable_products(tmp_path: Path) -> None:
    path = tmp_path / "besar.sqlite"
    run = _run("seed", "--products", "2000", "--db", str(path))
    assert run.returncode == 0, run.stderr
    assert "2000 produk" in run.stdout
    database = open_database(path)
    try:
        with database.read() as session:
            assert session.scalar(select(func.count()).select_from(Product)) == 2000
            hits = search_products(session, "goreng")
            assert hits and all("goreng" in h.name.lower() for h in hits)
            last = session.scalar(select(Product).order_by(Product.id.desc()).limit(1))
            assert last is not None and search_products(session, last.sku)[0].id == last.id
            assert last.on_hand == ledger_sum(session, last.id)
    finally:
        database.close()


def test_user_error_is_reported_in_indonesian(tmp_path: Path) -> None:
    path = tmp_path / "rusak.sqlite"
    path.write_bytes(b"bukan sqlite sama sekali" * 100)
    run = _run("--db", str(path), "--summary")
    assert run.returncode == 2
    assert "Gagal:" in run.stderr and "bukan database" in run.stderr
    assert "Traceback" not in run.stderr

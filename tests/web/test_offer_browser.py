"""A buyer on a 390×844 phone sees a product's packs and grosir prices, and picks a variant
of a batik shirt from its parent's page (Chromium via Playwright, the real server process).

Skips like :mod:`tests.web.test_browser` when Debian's Chromium or Playwright is missing
(and fails under CI). Screenshots go to ``$PEKEN_WEB_SCREENSHOTS`` or a temporary folder.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.integration.sync.peken_kit import ServerProcess, register_seller
from tests.web.offer_kit import publish_offers

CHROMIUM = Path("/usr/bin/chromium")
PHONE = {"width": 390, "height": 844}

pytestmark = pytest.mark.slow

if not CHROMIUM.exists():
    WHY = "/usr/bin/chromium is missing: the storefront offer browser test did not run"
    if os.environ.get("CI"):
        pytest.fail(WHY, pytrace=False)
    pytest.skip(WHY, allow_module_level=True)

try:
    from playwright import sync_api
except ImportError:  # pragma: no cover - the dev extras install it
    if os.environ.get("CI"):
        pytest.fail("playwright is not installed (pip install -e '.[dev]')", pytrace=False)
    pytest.skip("playwright is not installed: the offer browser test did not run",
                allow_module_level=True)

from tests.web.test_browser import Shop  # noqa: E402 (after the skips: it needs playwright too)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    """``python -m server`` on a free loopback port."""
    proc = ServerProcess(tmp_path_factory.mktemp("server"))
    proc.start(timeout=120.0)  # a busy machine starts the server slowly
    yield proc
    proc.stop()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Debian's Chromium, headless."""
    with sync_api.sync_playwright() as play:
        chromium = play.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                        args=["--no-sandbox", "--disable-gpu"])
        yield chromium
        chromium.close()


def _shots(tmp_path: Path) -> Path:
    target = os.environ.get("PEKEN_WEB_SCREENSHOTS")
    folder = Path(target) if target else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_packs_tiers_and_a_variant_picked_on_a_phone(server: ServerProcess, browser: Any,
                                                      tmp_path: Path) -> None:
    admin = server.create_admin()
    shop = Shop(server.url, admin, register_seller(server.url, admin, "Toko Batik Sri"))
    ids = publish_offers(shop.push)
    shots = _shots(tmp_path)
    page = browser.new_page(viewport=PHONE)
    page.goto(f"{server.url}/produk/{ids['mie']}")
    packs = page.locator("ul.packs").inner_text()
    assert "per dus (40 pcs)" in packs and "Rp150.000" in packs
    tiers = page.locator("ul.tiers").inner_text()
    assert "≥12 pcs" in tiers and "Rp3.300" in tiers
    page.screenshot(path=str(shots / "product-packs-phone.png"), full_page=True)
    page.goto(f"{server.url}/produk/{ids['parent']}")
    chips = page.locator("nav.variants a")
    assert chips.count() == 2
    page.screenshot(path=str(shots / "product-variants-phone.png"), full_page=True)
    box = chips.nth(1).bounding_box()
    assert box is not None and box["height"] >= 44 and box["x"] + box["width"] <= PHONE["width"]
    chips.filter(has_text="L / Merah").click()
    page.wait_for_url(f"**/produk/{ids['l']}")
    assert page.locator("nav.variants a[aria-current=page]").inner_text().startswith("L / Merah")
    page.fill("#qty", "2")
    page.click("form.addcart button")
    page.wait_for_url("**/keranjang**")
    assert "Kemeja Batik Parang — L / Merah" in page.content()
    page.close()

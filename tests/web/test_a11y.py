"""Every form control on every storefront page has a label; images have alt text; the page
declares its language and a viewport."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from fastapi.testclient import TestClient

from tests.web.test_pages import add, checkout_two_sellers, page


class Controls(HTMLParser):
    """Collects inputs (and whether a <label> wraps them), label targets and images."""

    def __init__(self) -> None:
        super().__init__()
        self.inputs: list[tuple[dict[str, str | None], bool]] = []
        self.label_for: set[str] = set()
        self.images: list[dict[str, str | None]] = []
        self.open_labels = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Note controls, labels and images."""
        found = dict(attrs)
        if tag == "label":
            self.open_labels += 1
            if found.get("for"):
                self.label_for.add(str(found["for"]))
        elif tag in ("input", "select", "textarea") and found.get("type") != "hidden":
            self.inputs.append((found, self.open_labels > 0))
        elif tag == "img":
            self.images.append(found)

    def handle_endtag(self, tag: str) -> None:
        """Close a label."""
        if tag == "label":
            self.open_labels -= 1


def assert_accessible(html: str, url: str) -> None:
    """Labels on every control, alt on every image, lang and viewport."""
    parsed = Controls()
    parsed.feed(html)
    for attrs, wrapped in parsed.inputs:
        assert wrapped or attrs.get("id") in parsed.label_for, (url, attrs)
    for image in parsed.images:
        assert image.get("alt") is not None, (url, image)
    assert '<html lang="id">' in html
    assert re.search(r'<meta name="viewport" content="width=device-width', html)


def test_every_control_is_labelled(client: TestClient, admin: str) -> None:
    links, products, _ = checkout_two_sellers(client, admin)
    add(client, products["minyak"])
    urls = ["/", "/?stok=0", f"/produk/{products['minyak']}", "/penjual/1", "/keranjang",
            "/checkout", "/pesanan-saya", links[0], links[0] + "/bayar", links[1] + "/bayar",
            "/tidak-ada"]
    for url in urls:
        resp = client.get(url)
        assert_accessible(resp.text, url)
    assert_accessible(page(client, "/"), "/")

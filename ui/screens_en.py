"""English screenshots for ``python -m ui.screenshots`` (the demo shop, English installed).

Each screen installs the English translation before building its widgets and puts
Bahasa Indonesia back afterwards, so the other screenshots stay Indonesian.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from ui import i18n
from ui.context import AppContext
from ui.screenshots import save


@contextmanager
def english() -> Iterator[None]:
    """English for the widgets built inside; Indonesian again after."""
    if not i18n.install("en"):
        raise OSError(f"cannot load {i18n.qm_path('en')}")
    try:
        yield
    finally:
        i18n.install("id")


def sell_screen_en(ctx: AppContext, out_dir: Path) -> None:
    """The sell screen with a filled cart, in English."""
    from ui.sell.screens import _fill_cart, _window

    with english():
        window, screen = _window(ctx)
        _fill_cart(ctx, screen)
        save(window, out_dir / "sell_screen_en.png")
        window.close()


SCREENS: list[tuple[str, Callable[[AppContext, Path], None]]] = [
    ("sell_screen_en.png", sell_screen_en),
]

"""The sell screen's first frame is built without the database layer: importing the modules it
needs loads neither SQLAlchemy, Alembic nor the ORM models (``import sqlalchemy.orm`` alone costs
~0.4 s of a cold start; the shop's database layer loads on a worker thread after the first
frame, see ``ui.sell.screen`` and ``bench.startup``).

The import runs in a fresh interpreter with a ``sys.meta_path`` spy that records, for each heavy
module asked for by a light one, the chain of modules that led to it, so a failure says which
import to make lazy.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

LIGHT_MODULES = (
    "ui.main_window", "ui.sell.layout", "ui.sell.grid", "ui.sell.channel", "ui.sell.model",
    "ui.sell.search", "ui.sell.scanner", "ui.sell.entry", "ui.sell.keeper", "ui.sell.actions",
    "ui.sell.customer_picker", "ui.sell.dialogs", "ui.sell.variant_dialog", "ui.sell.held_dialog",
    "ui.sell.help", "ui.sell.elide", "ui.wiring", "ui.startup_errors", "ui.status_bar",
    "ui.admin.login", "ui.context", "app.shopfile", "app.quickstart", "app.cart", "app.money",
    "app.hits", "app.schema",
)
HEAVY_PACKAGES = ("sqlalchemy", "alembic", "models")
# loaded only for F12 (the pay dialog) and for screenshots: never by a light module's top level
HEAVY_MODULES = ("ui.sell.pay", "ui.sell.screens")

PROBE = r"""
import importlib, json, sys

HEAVY_PACKAGES, HEAVY_MODULES = {packages!r}, {modules!r}
chains = {{}}


def heavy(name):
    return name.split(".")[0] in HEAVY_PACKAGES or name in HEAVY_MODULES


def importers():
    frame, found = sys._getframe(2), []
    while frame is not None:
        name = frame.f_globals.get("__name__", "")
        if not name.startswith("importlib") and (not found or found[-1] != name):
            found.append(name)
        frame = frame.f_back
    return found  # the importing module first, __main__ last


class Spy:
    @staticmethod
    def find_spec(name, path=None, target=None):
        if heavy(name) and name not in chains:
            stack = importers()
            if stack and not heavy(stack[0]):  # asked for by a light module: the culprit
                chains[name] = " -> ".join([*reversed(stack), name])
        return None


sys.meta_path.insert(0, Spy())
for module in {light!r}:
    importlib.import_module(module)
loaded = sorted(m for m in sys.modules if heavy(m))
print(json.dumps({{"loaded": loaded, "chains": chains}}))
"""


def light_import_report(modules: tuple[str, ...] = LIGHT_MODULES) -> dict[str, object]:
    """Import ``modules`` in a fresh interpreter: the heavy modules loaded and who asked."""
    code = PROBE.format(packages=HEAVY_PACKAGES, modules=HEAVY_MODULES, light=modules)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def test_the_first_frames_modules_load_no_database_layer() -> None:
    report = light_import_report()
    chains = "\n".join(str(c) for c in dict(report["chains"]).values())  # type: ignore[call-overload]
    assert report["loaded"] == [], f"heavy modules loaded; make these imports lazy:\n{chains}"


def test_the_spy_names_the_module_that_imported_the_database_layer() -> None:
    report = light_import_report(("app.catalog",))
    assert "sqlalchemy" in report["loaded"]  # type: ignore[operator]
    assert dict(report["chains"])["sqlalchemy"] == "__main__ -> app.catalog -> sqlalchemy"  # type: ignore[call-overload]

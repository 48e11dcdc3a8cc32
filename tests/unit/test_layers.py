"""Layering: ``app/`` and ``models/`` never import PySide6 or ``ui`` (checked statically and live)."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

from tests.unit.test_contract_layers import imported_roots

ROOT = Path(__file__).resolve().parents[2]
PURE_PACKAGES = ("app", "models")
FORBIDDEN = ("PySide6", "shiboken6", "ui")


def _python_files() -> list[Path]:
    files = [p for pkg in PURE_PACKAGES for p in sorted((ROOT / pkg).rglob("*.py"))]
    assert len(files) > 20, "app/ and models/ not found"
    return files


def test_no_qt_or_ui_import_in_source() -> None:
    offenders = {}
    for path in _python_files():
        bad = imported_roots(ast.parse(path.read_text(encoding="utf-8"))) & set(FORBIDDEN)
        if bad:
            offenders[str(path.relative_to(ROOT))] = sorted(bad)
    assert offenders == {}


def test_detector_sees_every_import_form() -> None:
    code = "import PySide6.QtCore\nfrom ui.app import x\nimportlib.import_module('shiboken6')\n"
    assert imported_roots(ast.parse(code)) == {"PySide6", "ui", "shiboken6"}


PROBE = """
import importlib, json, pkgutil, sys
failed = {}
for pkg in ("app", "models"):
    root = importlib.import_module(pkg)
    for info in pkgutil.walk_packages(root.__path__, pkg + "."):
        if ".migrations.versions" in info.name or info.name.endswith(".migrations.env"):
            continue
        try:
            importlib.import_module(info.name)
        except Exception as exc:
            failed[info.name] = repr(exc)
loaded = [m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6", "ui")]
print(json.dumps({"loaded": loaded, "failed": failed,
                  "count": sum(1 for m in sys.modules if m.split(".")[0] in ("app", "models"))}))
"""


def test_importing_every_module_loads_no_qt() -> None:
    out = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True,
                         timeout=120, check=True)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["loaded"] == []
    assert result["failed"] == {}
    assert result["count"] > 20

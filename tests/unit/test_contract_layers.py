"""The contract split: ``server/`` imports nothing from ``app/`` (or ``ui/``), ``app/`` nothing
from ``server/``, and ``contract/`` none of them (nor SQLAlchemy or Qt) — checked in the source
and live (the server builds with the desktop app unimportable)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
RULES = {
    "server": {"app", "ui"},
    "app": {"server"},
    "models": {"server"},
    "contract": {"app", "server", "models", "ui", "sqlalchemy", "alembic", "PySide6", "shiboken6",
                 "fastapi", "starlette"},
}


def imported_roots(tree: ast.AST) -> set[str]:
    """Top-level names of every absolute import in ``tree`` (importlib calls included)."""
    roots: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            roots.add(node.module.split(".")[0])
        elif (isinstance(node, ast.Call)
              and getattr(node.func, "attr", getattr(node.func, "id", "")) in ("import_module",
                                                                                 "__import__")
              and node.args and isinstance(node.args[0], ast.Constant)
              and isinstance(node.args[0].value, str)):
            roots.add(node.args[0].value.split(".")[0])
    return roots


def offenders(package: str, forbidden: set[str]) -> dict[str, list[str]]:
    """Files of ``package`` that import a forbidden root, with what they import."""
    found: dict[str, list[str]] = {}
    files = sorted((ROOT / package).rglob("*.py"))
    assert files, f"{package}/ not found"
    for path in files:
        bad = imported_roots(ast.parse(path.read_text(encoding="utf-8"))) & forbidden
        if bad:
            found[str(path.relative_to(ROOT))] = sorted(bad)
    return found


@pytest.mark.parametrize("package", sorted(RULES))
def test_package_imports_stay_on_their_side(package: str) -> None:
    assert offenders(package, RULES[package]) == {}


def test_detector_sees_every_import_form() -> None:
    code = ("import app.money\nfrom server.models import Seller\nimportlib.import_module('ui.x')\n"
            "from . import sibling\n")
    assert imported_roots(ast.parse(code)) == {"app", "server", "ui"}


PROBE = """
import importlib.abc, sys

class NoDesktop(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("app", "ui", "PySide6"):
            raise ImportError(f"the server imported {name}")
        return None

sys.meta_path.insert(0, NoDesktop())
from pathlib import Path
from server.app import create_app
from server.config import Settings

app = create_app(Settings(data_dir=Path(sys.argv[1]), database_url=""))
loaded = sorted(n for n in sys.modules if n.split(".")[0] in ("app", "ui", "PySide6"))
assert not loaded, loaded
assert "/api/v1/sync/push" in app.openapi()["paths"]
print("server built without the desktop app")
"""


def test_server_builds_with_the_desktop_app_unimportable(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-c", PROBE, str(tmp_path)], check=False, cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "server built without the desktop app" in done.stdout

"""Start-up ordering: the sell screen's modules on a worker thread, the rest before Qt."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import threading
from pathlib import Path
from types import ModuleType

import pytest
from PySide6 import QtCore, QtGui, QtWidgets

import main
from ui.app import PRELOAD_MODULES
from ui.preload import SWITCH_INTERVAL_S, Preload

ROOT = Path(__file__).resolve().parents[2]


def test_preload_imports_on_another_thread_and_restores_the_switch_interval(
        monkeypatch: pytest.MonkeyPatch) -> None:
    threads: list[str] = []
    checked = threading.Event()

    def fake_import(name: str) -> ModuleType:
        checked.wait(10)
        threads.append(threading.current_thread().name)
        if name == "broken":
            raise ImportError(name)
        return ModuleType(name)

    monkeypatch.setattr("ui.preload.importlib.import_module", fake_import)
    before = sys.getswitchinterval()
    preload = Preload(["one", "broken", "two"]).start()
    assert sys.getswitchinterval() <= SWITCH_INTERVAL_S  # while the worker imports
    checked.set()
    preload.wait()
    preload.wait()  # idempotent
    assert threads == ["peken-preload"] * 3
    assert preload.failed == ["broken"]  # the GUI thread imports it again and reports it there
    assert sys.getswitchinterval() == before


def test_a_preload_never_started_waits_for_nothing() -> None:
    before = sys.getswitchinterval()
    Preload(["ui.main_window"]).wait()
    assert sys.getswitchinterval() == before


def test_the_preloaded_modules_are_the_sell_screens_and_exist() -> None:
    assert {"ui.main_window", "ui.sell.screen", "ui.wiring"} <= set(PRELOAD_MODULES)
    preload = Preload(PRELOAD_MODULES).start()
    preload.wait()
    assert preload.failed == []


def test_the_modules_imported_before_qt_do_not_load_qt() -> None:
    """PySide6 reads the source of every module imported after it: these come first."""
    code = ("import sys, main\nmain.import_before_qt()\n"
            "missing = [m for m in main.BEFORE_QT if m not in sys.modules]\n"
            "qt = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
            "print(missing, qt)")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, check=True)
    assert done.stdout.strip() == "[] []", done.stdout + done.stderr
    assert "sqlalchemy.orm" in main.BEFORE_QT and "app.catalog" in main.BEFORE_QT


MODULE_LEVEL_OK = {"Signal", "QT_TRANSLATE_NOOP", "QT_TR_NOOP"}


# Qt's own classes (a model's ``Quantity()`` column type starts with Q too and is no Qt object)
QT_CLASSES = frozenset(name for module in (QtCore, QtGui, QtWidgets) for name in dir(module)
                       if name.startswith("Q"))


def _module_level_qt_calls(path: Path) -> list[str]:
    """Calls of Qt classes run at import time: module statements and class bodies."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    bodies = [tree.body] + [node.body for node in tree.body if isinstance(node, ast.ClassDef)]
    found = []
    for statement in (s for body in bodies for s in body):
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            continue
        for node in ast.walk(statement):
            if isinstance(node, ast.Call):
                name = getattr(node.func, "id", getattr(node.func, "attr", ""))
                if name in QT_CLASSES and name not in MODULE_LEVEL_OK:
                    found.append(f"{path.name}:{node.lineno} {name}")
    return found


def test_the_preloaded_modules_make_no_qt_object_at_import() -> None:
    """The worker thread only imports: a pixmap or widget made at import would be off the GUI
    thread."""
    code = ("import sys, main\nmain.import_before_qt()\nimport ui.app\nbefore = set(sys.modules)\n"
            f"for name in {PRELOAD_MODULES!r}: __import__(name)\n"
            "print('\\n'.join(sorted(set(sys.modules) - before)))")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, check=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    ours = [name for name in done.stdout.split() if name.split(".")[0] in ("app", "ui", "models",
                                                                          "contract")]
    assert "ui.sell.screen" in ours
    files = [ROOT.joinpath(*name.split(".")).with_suffix(".py") for name in ours]
    files = [f if f.exists() else f.with_suffix("") / "__init__.py" for f in files]
    assert [call for f in files for call in _module_level_qt_calls(f)] == []

"""Every translatable UI text is looked up in the context lupdate filed it under.

``self.tr("…")`` is filed and looked up under the class. ``parent.tr("…")``,
``dialog.tr("…")`` or ``owner.tr("…")`` are filed by lupdate under the variable's name but
looked up at run time under the widget's class, so the English app shows them in Indonesian.
Module helpers (``QCoreApplication.translate("Context", …)``) and ``QT_TRANSLATE_NOOP`` name
the context themselves. Screenshot tools (``screens.py``) only stage example texts.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _foreign_tr_calls(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr == "tr" and not (
                    isinstance(node.func.value, ast.Name) and node.func.value.id == "self")):
            found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def test_no_tr_through_another_object() -> None:
    files = [p for p in sorted((ROOT / "ui").rglob("*.py"))
             if p.name not in {"screens.py", "screens_en.py", "screenshots.py"}
             and not p.name.endswith("_screens.py")]
    assert len(files) > 50
    offenders = [hit for path in files for hit in _foreign_tr_calls(path)]
    assert offenders == [], "translate with self.tr or QCoreApplication.translate: " + ", ".join(offenders)

"""Translation tooling: mark strings for lupdate, extract them, compile the English file.

``python -m ui.i18n_tools update`` extracts every translatable string of every ``.py``
under ``ui/`` into ``resources/i18n/peken_en.ts`` with pyside6-lupdate (translations
already in the file are kept; strings no longer in the code are dropped).
The Indonesian message templates of the service errors (``raise ValidationError("...")``
and every other :class:`app.errors.UserError` subclass under ``app/``) are extracted too,
into the context ``"UserError"`` that ``ui.messages`` translates them in (see
:func:`user_error_messages`).
``python -m ui.i18n_tools compile`` builds ``peken_en.qm`` with pyside6-lrelease.
``python -m ui.i18n_tools missing`` lists what still needs an English text.

:func:`QT_TRANSLATE_NOOP` is the typed marker for texts kept in module-level tables
(section titles, column titles, keys): lupdate finds them by that name, and the code
translates them on display with ``QCoreApplication.translate(context, text)``.

lupdate cannot see through a module helper such as
``def _t(text): return QCoreApplication.translate("OrderLabels", text)``; such helpers
are found here (see :func:`helper_messages`) and their literal calls are handed to
lupdate as extra ``QT_TRANSLATE_NOOP`` lines, so their texts are extracted too.
"""

from __future__ import annotations

import ast
import json
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from ui.translate import QT_TRANSLATE_NOOP

if TYPE_CHECKING:  # the tooling imports are lazy: the app imports this module for the marker
    import ast
    import xml.etree.ElementTree as ET

ROOT = Path(__file__).resolve().parent.parent
UI_DIR = ROOT / "ui"
APP_DIR = ROOT / "app"
CONTRACT_DIR = ROOT / "contract"  # shared rules (QRIS, money) raise UserErrors too
USER_ERROR_CONTEXT = "UserError"  # the same as app.errors.TRANSLATION_CONTEXT
I18N_DIR = ROOT / "resources" / "i18n"
TS_FILE = I18N_DIR / "peken_en.ts"
QM_FILE = I18N_DIR / "peken_en.qm"


__all__ = ["QT_TRANSLATE_NOOP"]  # kept here too: ui.translate is its home (a light module)


# ----- extraction ---------------------------------------------------------------------------


def source_files(folder: Path = UI_DIR) -> list[Path]:
    """Every Python file under ``folder``, in a stable order."""
    return sorted(p for p in folder.rglob("*.py") if "__pycache__" not in p.parts)


def _translate_context(node: ast.AST, param: str) -> str | None:
    """The literal context of ``QCoreApplication.translate("ctx", param)``, else None."""
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and node.func.attr == "translate" and len(node.args) >= 2):
        return None
    context, text = node.args[0], node.args[1]
    if (isinstance(context, ast.Constant) and isinstance(context.value, str)
            and isinstance(text, ast.Name) and text.id == param):
        return context.value
    return None


def _helpers(tree: ast.Module) -> dict[str, str]:
    """Module functions whose body returns ``QCoreApplication.translate("ctx", text)``."""
    found: dict[str, str] = {}
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef) or not node.args.args:
            continue
        param = node.args.args[0].arg
        for inner in ast.walk(node):
            if isinstance(inner, ast.Return) and inner.value is not None:
                context = _translate_context(inner.value, param)
                if context is not None:
                    found[node.name] = context
    return found


def helper_messages(files: Iterable[Path]) -> list[tuple[str, str]]:
    """(context, text) of every literal call of a translating helper in ``files``."""
    messages: list[tuple[str, str]] = []
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        helpers = _helpers(tree)
        if not helpers:
            continue
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in helpers and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)):
                pair = (helpers[node.func.id], node.args[0].value)
                if pair not in messages:
                    messages.append(pair)
    return messages


def _base_names(node: ast.ClassDef) -> list[str]:
    """The simple names of a class's bases (``errors.UserError`` counts as ``UserError``)."""
    names = []
    for base in node.bases:
        if isinstance(base, ast.Name):
            names.append(base.id)
        elif isinstance(base, ast.Attribute):
            names.append(base.attr)
    return names


def user_error_classes(trees: Iterable[ast.Module]) -> set[str]:
    """Names of :class:`app.errors.UserError` and every class derived from it in ``trees``."""
    bases: dict[str, list[str]] = {}
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                bases.setdefault(node.name, []).extend(_base_names(node))
    found = {"UserError"}
    grew = True
    while grew:
        new = {name for name, parents in bases.items() if found.intersection(parents)} - found
        found |= new
        grew = bool(new)
    return found


def user_error_messages(folder: Path = APP_DIR) -> list[tuple[str, str]]:
    """("UserError", template) of every UserError raised in ``folder`` with a literal message."""
    paths = source_files(folder) + (source_files(CONTRACT_DIR) if folder == APP_DIR else [])
    trees = [ast.parse(path.read_text(encoding="utf-8"), str(path)) for path in paths]
    bases = (APP_DIR / "errors.py", CONTRACT_DIR / "errors.py")  # wherever ``folder`` is
    classes = user_error_classes([*trees, *(ast.parse(p.read_text(encoding="utf-8")) for p in bases)])
    found: list[tuple[str, str]] = []
    for tree in trees:
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in classes and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)):
                pair = (USER_ERROR_CONTEXT, node.args[0].value)
                if pair not in found:
                    found.append(pair)
    return found


def helper_source(messages: Iterable[tuple[str, str]]) -> str:
    """A Python file lupdate reads: one ``QT_TRANSLATE_NOOP`` line per message."""
    lines = [f"QT_TRANSLATE_NOOP({json.dumps(c, ensure_ascii=False)}, "
             f"{json.dumps(t, ensure_ascii=False)})" for c, t in messages]
    return "\n".join(lines) + "\n"


def tool(name: str) -> str:
    """The path of a PySide6 tool: next to this Python first, then on PATH."""
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        raise FileNotFoundError(f"{name} not found (install PySide6 into this Python)")
    return found


def update(ts_file: Path = TS_FILE, folder: Path = UI_DIR) -> str:
    """Extract the strings of ``folder`` into ``ts_file``; returns lupdate's summary."""
    files = source_files(folder)
    ts_file.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        extra = Path(tmp) / "helper_strings.py"
        extra.write_text(helper_source(helper_messages(files) + user_error_messages()),
                         encoding="utf-8")
        command = [tool("pyside6-lupdate"), *map(str, files), str(extra),
                   "-ts", str(ts_file), "-no-obsolete", "-locations", "none",
                   "-source-language", "id", "-target-language", "en"]
        done = subprocess.run(command, capture_output=True, text=True, check=True)
    return done.stdout + done.stderr


def compile_qm(ts_file: Path = TS_FILE, qm_file: Path = QM_FILE) -> str:
    """Compile ``ts_file`` into ``qm_file``; returns lrelease's summary."""
    command = [tool("pyside6-lrelease"), str(ts_file), "-qm", str(qm_file)]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return done.stdout + done.stderr


# ----- reading and filling the .ts ----------------------------------------------------------


def messages(ts_file: Path = TS_FILE) -> list[tuple[str, str, str, bool]]:
    """(context, source, translation, finished) of every message in ``ts_file``."""
    import xml.etree.ElementTree as ET  # noqa: PLC0415 (xml.etree ~6 ms, 8 modules not loaded otherwise; the app imports this module before the first frame for QT_TRANSLATE_NOOP)

    found: list[tuple[str, str, str, bool]] = []
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            text = (translation.text or "") if translation is not None else ""
            forms = translation.findall("numerusform") if translation is not None else []
            if forms:  # a plural (%n) message: every form must be translated
                text = "" if any(not (f.text or "").strip() for f in forms) else forms[0].text or ""
            finished = translation is not None and translation.get("type") is None
            found.append((name, message.findtext("source") or "", text, finished))
    return found


def missing(ts_file: Path = TS_FILE) -> list[tuple[str, str]]:
    """(context, source) of the messages without a finished, non-empty translation."""
    return [(c, s) for c, s, t, done in messages(ts_file) if not done or not t.strip()]


def fill(ts_file: Path, english: Mapping[str, str],
         by_context: Mapping[tuple[str, str], str] | None = None) -> int:
    """Write English texts into ``ts_file`` (by (context, source) first, then by source).

    Returns how many messages were filled; those are marked finished.
    """
    import xml.etree.ElementTree as ET  # noqa: PLC0415 (xml.etree ~6 ms, not loaded before the first frame otherwise)

    tree = ET.parse(ts_file)
    filled = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            text = (by_context or {}).get((name, source), english.get(source))
            translation = message.find("translation")
            if text is None or translation is None:
                continue
            translation.text = text
            translation.attrib.pop("type", None)
            filled += 1
    _write_ts(tree, ts_file)
    return filled


def _write_ts(tree: ET.ElementTree[ET.Element], ts_file: Path) -> None:
    """Write a .ts with lupdate's declaration and doctype (lupdate re-formats it on update)."""
    import xml.etree.ElementTree as ET  # noqa: PLC0415 (xml.etree ~6 ms, not loaded before the first frame otherwise)

    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts_file.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                       encoding="utf-8")


# ----- command line -------------------------------------------------------------------------


def main(argv: list[str]) -> int:
    """``update``, ``compile`` or ``missing``."""
    command = argv[0] if argv else ""
    if command == "update":
        print(update().strip())
        print(f"{len(missing())} message(s) still need English in {TS_FILE}")
        return 0
    if command == "compile":
        print(compile_qm().strip())
        return 0
    if command == "missing":
        for context, source in missing():
            print(f"{context}\t{source}")
        return 0
    print("usage: python -m ui.i18n_tools update|compile|missing", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Reads have a home in ``app/``: ``ui/`` never imports SQLAlchemy nor builds queries, and the
``app/`` modules import one another without cycles (static AST scans)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
QUERY_CALLS = frozenset({"select", "query"})  # other builders need a sqlalchemy import
SESSION_METHODS = frozenset({"execute", "scalar", "scalars", "query", "get"})


def _ui_files() -> list[Path]:
    files = sorted((ROOT / "ui").rglob("*.py"))
    assert len(files) > 30, "ui/ not found"
    return files


def query_offences(tree: ast.AST) -> list[str]:
    """What in a module talks to the database itself: sqlalchemy imports, query builders
    (``select(...)``), ``session.execute/scalar(s)/query/get`` calls."""
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [f"import {a.name}" for a in node.names if a.name.split(".")[0] == "sqlalchemy"]
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "sqlalchemy":
            found.append(f"from {node.module} import ...")
        elif isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Name) and func.id in QUERY_CALLS:
                found.append(f"{func.id}(...) line {node.lineno}")
            elif (isinstance(func, ast.Attribute) and func.attr in SESSION_METHODS
                  and "session" in ast.unparse(func.value).lower()):
                found.append(f"{ast.unparse(func)}(...) line {node.lineno}")
    return found


def test_ui_reads_through_app_services() -> None:
    offenders = {}
    for path in _ui_files():
        name = path.relative_to(ROOT).as_posix()
        offences = query_offences(ast.parse(path.read_text(encoding="utf-8")))
        if offences:
            offenders[name] = offences
    assert offenders == {}


def test_query_detector_sees_each_form() -> None:
    code = ("import sqlalchemy\nfrom sqlalchemy.orm import Session\nq = select(User.id)\n"
            "with db.read() as session:\n    session.execute(q)\n    self.session.get(User, 1)\n"
            "combo.select(3)\nself.select_order(4)\n")
    found = query_offences(ast.parse(code))
    assert len(found) == 5, found
    assert not any("combo" in f or "select_order" in f for f in found)


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph(package: str = "app") -> dict[str, set[str]]:
    """Module → the modules of ``package`` it imports (anywhere in the file, lazily or not;
    ``from app import x`` counts as importing ``app.x`` when that is a module)."""
    files = [p for p in (ROOT / package).rglob("*.py") if "migrations" not in p.parts]
    modules = {_module_name(p): p for p in files}

    def known(name: str) -> str | None:
        while name and name not in modules:
            name = name.rpartition(".")[0]
        return name or None

    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        targets: set[str | None] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets.update(known(a.name) for a in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                targets.update(known(f"{node.module}.{a.name}") for a in node.names)
        graph[name] = {t for t in targets if t is not None and t != name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                top = stack.pop()
                group.append(top)
                if top == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_app_modules_import_without_cycles() -> None:
    graph = import_graph("app")
    assert len(graph) > 50 and "app.shifts" in graph
    assert cycles(graph) == []


def test_cycle_finder_sees_a_lazy_cycle() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []

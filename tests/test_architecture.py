"""The layers depend downward only: no Qt below ui/, no peewee or files in domain/, no database
in ui/ (it goes through services/)."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "skpdesk"

FORBIDDEN = {
    "domain": (
        "PySide6",
        "shiboken6",
        "peewee",
        "playhouse",
        "skpdesk.store",
        "skpdesk.services",
        "skpdesk.documents",
        "skpdesk.ui",
        "os",
        "shutil",
        "pathlib",
        "sqlite3",
        "io",
    ),
    "store": ("PySide6", "shiboken6", "skpdesk.services", "skpdesk.documents", "skpdesk.ui"),
    "services": ("PySide6", "shiboken6", "skpdesk.documents", "skpdesk.ui"),
    "documents": ("PySide6", "shiboken6", "skpdesk.ui"),
    # Type-only imports of the models under ``if TYPE_CHECKING:`` are allowed.
    "ui": ("peewee", "playhouse", "skpdesk.store"),
}


def _type_checking_block(node: ast.AST) -> bool:
    """``if TYPE_CHECKING:`` or ``if typing.TYPE_CHECKING:`` (its body never runs)."""
    if not isinstance(node, ast.If):
        return False
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _runtime_nodes(tree: ast.AST):
    """Every node except those only inside the body of an ``if TYPE_CHECKING:`` block."""
    stack = [tree]
    while stack:
        node = stack.pop()
        yield node
        if _type_checking_block(node):
            # Its test and any else branch run; the body does not.
            stack.extend([node.test, *node.orelse])
        else:
            stack.extend(ast.iter_child_nodes(node))


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in _runtime_nodes(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def violations(layer: str) -> list[str]:
    bad = []
    for path in sorted((SRC / layer).rglob("*.py")):
        for module in imported_modules(path):
            for banned in FORBIDDEN[layer]:
                if module == banned or module.startswith(banned + "."):
                    bad.append(f"{path.relative_to(SRC)} imports {module}")
    return bad


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports_only_what_lies_below(layer):
    assert (SRC / layer).is_dir()
    assert violations(layer) == []


def test_domain_does_not_open_files():
    for path in (SRC / "domain").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        calls = [
            n
            for n in ast.walk(tree)
            if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "open"
        ]
        assert calls == [], f"{path.name} opens a file"


def test_the_check_itself_catches_a_qt_import(tmp_path):
    sample = tmp_path / "x.py"
    sample.write_text("from PySide6.QtCore import QObject\nimport peewee as pw\n")
    assert imported_modules(sample) == {"PySide6.QtCore", "peewee"}


def test_a_type_checking_import_is_ignored_and_a_runtime_one_caught(tmp_path):
    sample = tmp_path / "x.py"
    sample.write_text(
        "from typing import TYPE_CHECKING\n"
        "import typing\n"
        "if TYPE_CHECKING:\n"
        "    from skpdesk.store.models import SKP\n"
        "    import peewee\n"
        "if typing.TYPE_CHECKING:\n"
        "    import playhouse.shortcuts\n"
        "else:\n"
        "    import json\n"
        "def f():\n"
        "    from skpdesk.store.database import open_database\n"
    )
    assert imported_modules(sample) == {"typing", "json", "skpdesk.store.database"}


def test_ui_may_not_import_the_store_at_run_time(tmp_path, monkeypatch):
    ui = tmp_path / "ui"
    ui.mkdir()
    (ui / "ok.py").write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n"
        "    from skpdesk.store.models import SKP\n"
    )
    (ui / "bad.py").write_text("import peewee as pw\nfrom skpdesk.store import cadangan\n")
    monkeypatch.setattr(sys.modules[__name__], "SRC", tmp_path)
    assert sorted(violations("ui")) == [
        "ui/bad.py imports peewee",
        "ui/bad.py imports skpdesk.store",
    ]


# --- no import cycles below ui/ ----------------------------------------------------------------

# The packages whose modules must import one another in one direction only.
ACYCLIC = ("services", "documents", "domain", "store")


def _module_names(root: Path) -> dict[str, Path]:
    """Dotted name → file of every module under ``root`` (the folder that holds ``skpdesk``)."""
    names = {}
    for path in sorted(root.rglob("*.py")):
        parts = list(path.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        names[".".join(parts)] = path
    return names


def _imports_of(name: str, path: Path, known: set[str]) -> set[str]:
    """The known modules ``name`` imports at run time, also inside functions.

    ``from a import b`` imports ``a`` and, when ``b`` is a module, ``a.b`` as well; relative
    imports are resolved against the module's package.
    """
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in _runtime_nodes(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join([*base, *([node.module] if node.module else [])])
            else:
                module = node.module or ""
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)
    return (found & known) - {name}


def import_graph(root: Path, packages=ACYCLIC) -> dict[str, set[str]]:
    names = _module_names(root)
    known = set(names)
    wanted = tuple(f"skpdesk.{p}" for p in packages)
    return {
        name: _imports_of(name, path, known)
        for name, path in names.items()
        if name in wanted or name.startswith(tuple(w + "." for w in wanted))
    }


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle as a path that ends where it starts, or None."""
    done: set[str] = set()
    path: list[str] = []
    on_path: set[str] = set()

    def visit(node: str) -> list[str] | None:
        path.append(node)
        on_path.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt in on_path:
                return [*path[path.index(nxt):], nxt]
            if nxt not in done and nxt in graph:
                cycle = visit(nxt)
                if cycle:
                    return cycle
        path.pop()
        on_path.discard(node)
        done.add(node)
        return None

    for start in sorted(graph):
        if start not in done:
            cycle = visit(start)
            if cycle:
                return cycle
    return None


def test_services_documents_domain_and_store_have_no_import_cycle():
    graph = import_graph(SRC.parent)
    assert "skpdesk.documents.registri" in graph and "skpdesk.services.rantai" in graph
    cycle = find_cycle(graph)
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


def test_the_cycle_check_sees_function_level_and_relative_imports(tmp_path):
    pkg = tmp_path / "skpdesk" / "services"
    pkg.mkdir(parents=True)
    (tmp_path / "skpdesk" / "__init__.py").write_text("")
    (pkg / "__init__.py").write_text("")
    (pkg / "a.py").write_text("from . import b\n")
    (pkg / "b.py").write_text("def f():\n    from skpdesk.services import c\n")
    (pkg / "c.py").write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n"
        "    from skpdesk.services import b\n"
        "from .a import something\n"
    )
    graph = import_graph(tmp_path, ("services",))
    assert graph["skpdesk.services.a"] == {"skpdesk.services", "skpdesk.services.b"}
    assert graph["skpdesk.services.c"] == {"skpdesk.services.a"}
    assert find_cycle(graph) == [
        "skpdesk.services.a", "skpdesk.services.b", "skpdesk.services.c", "skpdesk.services.a"
    ]
    # The same modules with the type-only import as the only way back: no cycle.
    (pkg / "c.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from . import a\n"
    )
    assert find_cycle(import_graph(tmp_path, ("services",))) is None

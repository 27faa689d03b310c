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

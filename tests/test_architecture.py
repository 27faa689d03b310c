"""The layers depend downward only: no Qt below ui/, no peewee or files in domain/."""

from __future__ import annotations

import ast
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
}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
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

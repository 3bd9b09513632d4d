"""The layers only import downwards: domain ← io ← app ← gui, and the cli stays headless."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "kpi_editor"

# layer → module prefixes it must never import
FORBIDDEN: dict[str, tuple[str, ...]] = {
    "domain": ("PySide6", "shiboken6", "kpi_editor.io", "kpi_editor.app", "kpi_editor.gui", "kpi_editor.cli"),
    "io": ("PySide6", "shiboken6", "kpi_editor.app", "kpi_editor.gui", "kpi_editor.cli"),
    # QUndoStack lives in QtGui in Qt 6; widgets belong to the gui layer.
    "app": ("PySide6.QtWidgets", "kpi_editor.gui", "kpi_editor.cli"),
    "cli.py": ("PySide6", "shiboken6", "kpi_editor.app", "kpi_editor.gui"),
    "cli_library.py": ("PySide6", "shiboken6", "kpi_editor.app", "kpi_editor.gui"),
}


def imported_modules(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
            found.extend((node.lineno, f"{node.module}.{alias.name}") for alias in node.names)
    return found


def files_of(layer: str) -> list[Path]:
    target = PACKAGE / layer
    return [target] if target.is_file() else sorted(target.rglob("*.py"))


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports_only_downwards(layer: str) -> None:
    files = files_of(layer)
    assert files, f"layer {layer} has no modules"
    violations = [
        f"{path.relative_to(PACKAGE.parent)}:{line} imports {module}"
        for path in files
        for line, module in imported_modules(path)
        if any(module == bad or module.startswith(bad + ".") for bad in FORBIDDEN[layer])
    ]
    assert not violations, "\n".join(violations)


def test_checker_catches_a_qt_import(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from PySide6.QtCore import QObject\nimport shiboken6\n", encoding="utf-8")
    assert [m for _, m in imported_modules(bad)][:1] == ["PySide6.QtCore"]
    assert any(m == "shiboken6" for _, m in imported_modules(bad))

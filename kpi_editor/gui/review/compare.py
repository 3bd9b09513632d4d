"""Compare the open document with another file or with its own saved version.

The changes (``diff_booklets``, old = the other version, new = the open document) are grouped by
department and project, each with its old and new text; a summary counts them by kind. The
document is snapshotted when the comparison runs, so editing meanwhile does not shift the list.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kpi_editor.app.document import Document
from kpi_editor.domain.diff import Change, ChangeKind, diff_booklets
from kpi_editor.domain.model import Booklet
from kpi_editor.io.errors import FileFormatError
from kpi_editor.io.projectfile import load_booklet


def kind_label(kind: ChangeKind) -> str:
    # Spelled out: lupdate reads a bare tr(a, b) as tr(source, comment) and would lose the context.
    return {
        ChangeKind.FRONT_MATTER: QCoreApplication.translate("compare", "封面/编制说明"),
        ChangeKind.DEPARTMENT_ADDED: QCoreApplication.translate("compare", "新增单位"),
        ChangeKind.DEPARTMENT_REMOVED: QCoreApplication.translate("compare", "删除单位"),
        ChangeKind.DEPARTMENT_RENAMED: QCoreApplication.translate("compare", "单位更名"),
        ChangeKind.PROJECT_ADDED: QCoreApplication.translate("compare", "新增项目"),
        ChangeKind.PROJECT_REMOVED: QCoreApplication.translate("compare", "删除项目"),
        ChangeKind.PROJECT_RENAMED: QCoreApplication.translate("compare", "项目更名"),
        ChangeKind.PROJECT_MOVED: QCoreApplication.translate("compare", "项目移到其他单位"),
        ChangeKind.PROJECTS_REORDERED: QCoreApplication.translate("compare", "项目顺序"),
        ChangeKind.UNIT_CHANGED: QCoreApplication.translate("compare", "部门（单位）"),
        ChangeKind.FUNDING_CHANGED: QCoreApplication.translate("compare", "金额"),
        ChangeKind.INDICATOR_ADDED: QCoreApplication.translate("compare", "新增指标行"),
        ChangeKind.INDICATOR_REMOVED: QCoreApplication.translate("compare", "删除指标行"),
        ChangeKind.INDICATOR_CHANGED: QCoreApplication.translate("compare", "指标"),
    }[kind]


def summary_text(changes: list[Change]) -> str:
    if not changes:
        return QCoreApplication.translate(
            "compare", "内容相同：两个版本的内容没有任何不同（格式和审核状态不计）。"
        )
    counts = Counter(change.kind for change in changes)
    parts = " · ".join(f"{kind_label(kind)} {count}" for kind, count in counts.items())
    return QCoreApplication.translate("compare", "共 {count} 处不同：{parts}").format(
        count=len(changes), parts=parts
    )


def _department_names(*booklets: Booklet) -> dict[str, str]:
    names: dict[str, str] = {}
    for booklet in booklets:
        for department in booklet.departments:
            names.setdefault(department.code, department.name)
    return names


class CompareDialog(QDialog):
    def __init__(self, document: Document, prompts: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.prompts = prompts
        self.changes: list[Change] = []
        self.setWindowTitle(self.tr("比较版本"))
        self.resize(1100, 680)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.source_label = QLabel(self)
        self.source_label.setWordWrap(True)
        saved = QPushButton(self.tr("与已保存的版本比较"), self)
        saved.setEnabled(document.path is not None)
        saved.clicked.connect(self.compare_with_saved)
        other = QPushButton(self.tr("与其他文件比较…"), self)
        other.clicked.connect(self.choose_file)
        top.addWidget(self.source_label, 1)
        top.addWidget(saved)
        top.addWidget(other)
        layout.addLayout(top)
        self.summary_label = QLabel(self)
        font = QFont(self.summary_label.font())
        font.setBold(True)
        self.summary_label.setFont(font)
        self.summary_label.setWordWrap(True)
        layout.addWidget(self.summary_label)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([self.tr("位置"), self.tr("改动"), self.tr("原内容"), self.tr("新内容")])
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        for column, width in enumerate((330, 150, 280)):
            header.resizeSection(column, width)
        layout.addWidget(self.tree, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    # -- choosing the other version ------------------------------------------------------------

    def compare_with_saved(self) -> bool:
        if self.document.path is None:
            return False
        return self.compare_with_file(self.document.path, self.tr("已保存的版本"))

    def choose_file(self) -> bool:
        folder = str(self.document.path.parent) if self.document.path else ""
        path = self.prompts.open_path(folder)
        return self.compare_with_file(path) if path is not None else False

    def compare_with_file(self, path: Path, label: str | None = None) -> bool:
        try:
            old = load_booklet(path)
        except FileFormatError as exc:
            self.prompts.error(self.tr("无法比较"), str(exc))
            return False
        except OSError as exc:
            self.prompts.error(self.tr("无法比较"), self.tr("{path}：{error}").format(path=path, error=exc))
            return False
        name = label or path.name
        self.compare(old, self.tr("{old}（{path}）→ 当前编辑的内容").format(old=name, path=path))
        return True

    # -- the comparison ----------------------------------------------------------------------------

    def compare(self, old: Booklet, description: str) -> list[Change]:
        new = self.document.booklet.model_copy(deep=True)
        self.changes = diff_booklets(old, new)
        self.source_label.setText(self.tr("比较：{what}").format(what=description))
        self.summary_label.setText(summary_text(self.changes))
        self._fill(self.changes, _department_names(new, old))
        return self.changes

    def _fill(self, changes: list[Change], names: dict[str, str]) -> None:
        self.tree.clear()
        groups: dict[str | None, QTreeWidgetItem] = {}
        projects: dict[tuple[str | None, str], QTreeWidgetItem] = {}
        for change in changes:
            code = change.department
            group = groups.get(code)
            if group is None:
                title = f"{code} {names.get(code, '')}".strip() if code else self.tr("封面与编制说明")
                group = groups[code] = QTreeWidgetItem(self.tree, [title])
                group.setFirstColumnSpanned(True)
            parent = group
            if change.project and change.kind not in (ChangeKind.PROJECT_ADDED, ChangeKind.PROJECT_REMOVED):
                key = (code, change.project)
                parent = projects.get(key) or QTreeWidgetItem(group, [change.project])
                projects[key] = parent
            what = dataclasses.replace(change, department=None, project=None)
            item = QTreeWidgetItem(
                parent,
                [
                    _field_text(change) or change.project or "",
                    kind_label(change.kind),
                    "" if change.old is None else change.old,
                    "" if change.new is None else change.new,
                ],
            )
            item.setToolTip(0, what.describe())
            for column in (2, 3):
                item.setToolTip(column, item.text(column))
        for group in groups.values():
            group.setText(0, f"{group.text(0)}（{_leaf_count(group)}）")
        self.tree.expandAll()
        self.tree.setColumnWidth(0, 330)

    def visible_lines(self) -> list[str]:
        """Every change as shown (for tests and copy): 位置 | 改动 | 原内容 → 新内容."""
        lines = []
        stack = _children(self.tree.invisibleRootItem())
        while stack:
            item = stack.pop(0)
            if item.childCount():
                stack[:0] = _children(item)
            else:
                lines.append(f"{item.text(0)} | {item.text(1)} | {item.text(2)} → {item.text(3)}")
        return lines


def _field_text(change: Change) -> str:
    """The field label ``describe()`` uses (e.g. 第3行指标值), without the kind and values."""
    if change.field is None:
        return ""
    bare = dataclasses.replace(change, department=None, project=None, old="\0", new="\0")
    text = bare.describe()
    # describe() is "<kind> <label>：<old> → <new>"; keep the label.
    head = text.split("：", 1)[0]
    return head.split(" ", 1)[1] if " " in head else ""


def _children(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    return [c for c in (item.child(i) for i in range(item.childCount())) if c is not None]


def _leaf_count(item: QTreeWidgetItem) -> int:
    if not item.childCount():
        return 1
    return sum(_leaf_count(c) for c in _children(item))


__all__ = ["CompareDialog", "kind_label", "summary_text"]

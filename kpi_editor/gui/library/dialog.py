"""推荐指标…: the suggestions for one project, by 二级, to tick and insert in one undo step.

Nothing changes until the clerk ticks rows and presses 插入所选: every row starts unticked, and
the dialog only reads the project.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kpi_editor.app.document import Document, ItemPath
from kpi_editor.app.operations import Outcome
from kpi_editor.domain.model import Project
from kpi_editor.domain.suggest import LibraryIndex, Suggestion
from kpi_editor.gui.context import EditorContext
from kpi_editor.gui.library.edits import insert_picked

TOP = 5  # suggestions per 二级
NAME, VALUE, EXPLANATION, ORIGIN = range(4)
Role = Qt.ItemDataRole
SUGGESTION_ROLE = Role.UserRole + 1


class SuggestDialog(QDialog):
    def __init__(self, context: EditorContext, project: ItemPath, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        assert context.document is not None
        self.context = context
        self.document: Document = context.document
        self.path = project
        self.project: Project = self.document.item(project)
        self.index: LibraryIndex | None = None
        self.setWindowTitle(self.tr("推荐指标"))
        self.resize(1080, 680)
        layout = QVBoxLayout(self)
        self.title_label = QLabel(self)
        font = QFont(self.title_label.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.title_label.setFont(font)
        self.title_label.setText(self.tr("为“{name}”推荐的指标").format(name=self.project.name))
        layout.addWidget(self.title_label)
        self.types_label = QLabel(self)
        self.types_label.setWordWrap(True)
        layout.addWidget(self.types_label)
        self.problem_label = QLabel(self)
        self.problem_label.setObjectName("libraryProblems")
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet("QLabel#libraryProblems { color: #b26a00; }")
        self.problem_label.hide()
        layout.addWidget(self.problem_label)
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels(
            [self.tr("三级指标"), self.tr("指标值"), self.tr("指标解释"), self.tr("来源")]
        )
        self.tree.setAlternatingRowColors(True)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(VALUE, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(EXPLANATION, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ORIGIN, QHeaderView.ResizeMode.Interactive)
        for column, width in ((NAME, 280), (VALUE, 150), (ORIGIN, 300)):
            header.resizeSection(column, width)
        self.tree.itemChanged.connect(self._item_changed)
        self.tree.itemDoubleClicked.connect(self._toggle)
        layout.addWidget(self.tree, 1)
        self.hint_label = QLabel(
            self.tr(
                "勾选要采用的指标，点“插入所选”：每条插入到本项目对应的二级指标下（先填入该二级的空行），"
                "一次插入可一次撤销（Ctrl+Z）。指标值中的□是要填写的数字。"
            ),
            self,
        )
        self.hint_label.setWordWrap(True)
        layout.addWidget(self.hint_label)
        row = QHBoxLayout()
        self.count_label = QLabel(self)
        row.addWidget(self.count_label, 1)
        self.clear_button = QPushButton(self.tr("全部不选"), self)
        self.clear_button.clicked.connect(lambda: self.set_all_checked(False))
        row.addWidget(self.clear_button)
        self.buttons = QDialogButtonBox(self)
        self.insert_button = self.buttons.addButton(
            self.tr("插入所选"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.insert_checked)
        self.buttons.rejected.connect(self.reject)
        row.addWidget(self.buttons)
        layout.addLayout(row)
        self.set_index(None, loading=True)

    # -- filling --------------------------------------------------------------------------------------

    def show_problems(self, errors: list[str]) -> None:
        if errors:
            head = self.tr("有{count}个指标库文件无法使用，已跳过：").format(count=len(errors))
            self.problem_label.setText(f"{head}{errors[0]}")
            self.problem_label.setToolTip("\n".join(errors))
        self.problem_label.setVisible(bool(errors))

    def set_index(self, index: LibraryIndex | None, loading: bool = False) -> None:
        """Fill the list from `index` (None: the library is still loading, or could not load)."""
        self.index = index
        self.tree.blockSignals(True)
        self.tree.clear()
        if index is None:
            self.types_label.setText(self.tr("正在载入指标库…") if loading else self.tr("指标库无法载入。"))
            self.tree.blockSignals(False)
            self._update_count()
            return
        suggestions = index.suggest(self.project, self.document.booklet.fiscal_year, top=TOP)
        if suggestions.project_types:
            self.types_label.setText(
                self.tr("按项目名称识别为：{types}。另参考了名称相近的项目和各二级指标的常用指标。").format(
                    types="、".join(suggestions.project_types)
                )
            )
        else:
            self.types_label.setText(
                self.tr("按名称相近的项目和各二级指标的常用指标推荐（未识别出项目类型）。")
            )
        filled = {i.level2 for i in self.project.indicators if i.name.strip()}
        bold = QFont(self.tree.font())
        bold.setBold(True)
        for level2, group in suggestions.by_level2.items():
            head = QTreeWidgetItem(self.tree)
            note = index.level2_explanation(level2)
            level1 = self.document.template.parent_of(level2) or ""
            missing = "" if level2 in filled else self.tr("（本项目尚未填写）")
            head.setText(NAME, f"{level1} › {level2}{missing}" + (f"　{note}" if note else ""))
            head.setToolTip(NAME, f"{level2}：{note}" if note else level2)
            head.setFont(NAME, bold)
            head.setFlags(Qt.ItemFlag.ItemIsEnabled)
            head.setFirstColumnSpanned(True)
            for suggestion in group:
                self._add_row(head, suggestion)
            head.setExpanded(True)
        self.tree.blockSignals(False)
        if not suggestions.by_level2:
            self.types_label.setText(self.tr("指标库中没有可推荐的指标。"))
        self._update_count()

    def _add_row(self, head: QTreeWidgetItem, suggestion: Suggestion) -> None:
        item = QTreeWidgetItem(head)
        item.setFlags(
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable
        )
        item.setCheckState(NAME, Qt.CheckState.Unchecked)
        item.setText(NAME, suggestion.name)
        item.setText(VALUE, suggestion.value or self.tr("（自拟）"))
        item.setText(EXPLANATION, suggestion.explanation)
        reason = {"相似项目": self.tr("相似项目"), "常用指标": self.tr("常用指标")}.get(suggestion.reason, "")
        origin = f"{reason} · {suggestion.origin}" if reason else suggestion.origin
        item.setText(ORIGIN, origin)
        lines = [suggestion.name]
        if suggestion.example and suggestion.example != suggestion.value:
            lines.append(self.tr("常见写法：{example}").format(example=suggestion.example))
        if suggestion.explanation:
            lines.append(suggestion.explanation)
        if suggestion.seen:
            lines.append(self.tr("{count}个项目用过").format(count=suggestion.seen))
        for column in range(4):
            item.setToolTip(column, "\n".join(lines) if column != ORIGIN else origin)
        item.setData(NAME, SUGGESTION_ROLE, suggestion)

    # -- picking --------------------------------------------------------------------------------------

    def rows(self) -> list[QTreeWidgetItem]:
        items: list[QTreeWidgetItem] = []
        for top in range(self.tree.topLevelItemCount()):
            head = self.tree.topLevelItem(top)
            if head is not None:
                items.extend(c for i in range(head.childCount()) if (c := head.child(i)) is not None)
        return items

    def picked(self) -> list[Suggestion]:
        """The ticked suggestions, in the order shown (template order of their 二级)."""
        return [
            item.data(NAME, SUGGESTION_ROLE)
            for item in self.rows()
            if item.checkState(NAME) == Qt.CheckState.Checked
        ]

    def set_checked(self, names: list[str], on: bool = True) -> int:
        """Tick the rows with these 三级 names; returns how many were found."""
        found = 0
        for item in self.rows():
            if item.text(NAME) in names:
                item.setCheckState(NAME, Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
                found += 1
        return found

    def set_all_checked(self, on: bool) -> None:
        for item in self.rows():
            item.setCheckState(NAME, Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def _toggle(self, item: QTreeWidgetItem, _column: int) -> None:
        if item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
            checked = item.checkState(NAME) == Qt.CheckState.Checked
            item.setCheckState(NAME, Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)

    def _item_changed(self, _item: QTreeWidgetItem, column: int) -> None:
        if column == NAME:
            self._update_count()

    def _update_count(self) -> None:
        count = len(self.picked())
        self.count_label.setText(self.tr("已选{count}条").format(count=count))
        self.insert_button.setEnabled(count > 0 and not self.document.review_mode)
        self.clear_button.setEnabled(count > 0)

    def insert_checked(self) -> Outcome:
        """The ticked rows into the project, one undo step; the dialog closes when they are in."""
        picked = self.picked()
        if not picked:
            return Outcome()
        outcome = insert_picked(self.context, self.path, picked)
        if outcome:
            self.context.show_message(
                self.tr("已插入{count}条推荐指标：请把指标值中的□换成数字（Ctrl+Z 可撤销）").format(
                    count=len(picked)
                ),
                8000,
            )
            self.accept()
        return outcome


__all__ = ["SuggestDialog"]

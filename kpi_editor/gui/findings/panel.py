"""The findings panel: every finding of the booklet with filters; double-click jumps to the cell."""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kpi_editor.app.commands import field_label
from kpi_editor.app.document import Document, ItemPath
from kpi_editor.domain import engine
from kpi_editor.domain.engine import Finding, Severity
from kpi_editor.domain.model import FUNDING_FIELDS
from kpi_editor.gui.context import EditorContext
from kpi_editor.gui.forms import child, load_form
from kpi_editor.gui.icons import severity_icon
from kpi_editor.gui.widgets import SortCycle

Index = QModelIndex | QPersistentModelIndex
Role = Qt.ItemDataRole
LEVEL, PLACE, MESSAGE, RULE = range(4)
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
# The default view: errors and warnings; the writing advice (建议) is one choice away.
ERRORS_AND_WARNINGS, ERRORS_ONLY, ALL = range(3)


class FindingsModel(QAbstractTableModel):
    """The document's findings after the panel's filters, in booklet order.

    Kept as one block per project (the booklet-wide findings first) with running row offsets, so
    that a change to a few projects refilters only their blocks: rebuilding the whole list took
    milliseconds per keystroke on a 3,000-project booklet. Cells are formatted in data(), for the
    visible rows only."""

    def __init__(self, document: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.severity_filter = ERRORS_AND_WARNINGS
        self.project_id: str | None = None  # "current project only" when set
        self.rule: str | None = None
        self._blocks: list[list[Finding]] = []
        self._block_of: dict[str, int] = {}  # project id → index into _blocks
        self._offsets: list[int] = [0]  # _offsets[b] = first row of block b; last = row count
        self._stale = True  # booklet order changed: rebuild every block on the next refresh
        document.findingsChanged.connect(self.refresh)
        for signal in (document.inserted, document.removed, document.moved):
            signal.connect(self._structure_changed)
        self.refresh()

    def set_filters(self, severity: int, project_id: str | None, rule: str | None) -> None:
        self.severity_filter, self.project_id, self.rule = severity, project_id, rule
        self._stale = True
        self.refresh()

    def _structure_changed(self, parent: object, *_rows: object) -> None:
        self._stale = True

    def _filtered(self, findings: list[Finding]) -> list[Finding]:
        if self.severity_filter == ERRORS_ONLY:
            findings = [f for f in findings if f.severity == Severity.ERROR]
        elif self.severity_filter == ERRORS_AND_WARNINGS:
            findings = [f for f in findings if f.counted]
        if self.rule:
            findings = [f for f in findings if f.rule == self.rule]
        return findings

    def refresh(self, changed: set[str] | None = None) -> None:
        """`changed`: the projects whose findings changed, None after a whole-booklet pass."""
        document = self.document
        if self.project_id is not None:
            self._stale = True  # one project's findings: cheaper to refilter than to track
        elif changed is None and not self._stale:
            changed = document.changed_by_last_pass
            if not changed and not document.global_findings_changed:
                return  # the pass changed nothing: keep the list (and the user's selection)
            self._blocks[0] = self._filtered(document.global_findings())
        if self._stale or changed is None or not changed.issubset(self._block_of):
            self._rebuild()
        else:
            for project_id in changed:
                self._blocks[self._block_of[project_id]] = self._filtered(
                    document.project_findings(project_id)
                )
        # One reset, no per-row work: data() formats the visible rows when the view asks.
        self.beginResetModel()
        self._offsets = [0, *accumulate(map(len, self._blocks))]
        self.endResetModel()

    def _rebuild(self) -> None:
        document = self.document
        if self.project_id is not None:
            self._blocks = [self._filtered(list(document.project_findings(self.project_id)))]
            self._block_of = {self.project_id: 0} if self.project_id else {}
        else:
            self._blocks = [self._filtered(document.global_findings())]
            self._block_of = {}
            for _department, project in document.booklet.projects():
                self._block_of[project.id] = len(self._blocks)
                self._blocks.append(self._filtered(document.project_findings(project.id)))
        self._stale = False

    def finding(self, row: int) -> Finding:
        block = bisect_right(self._offsets, row) - 1
        return self._blocks[block][row - self._offsets[block]]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._offsets[-1]

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Role.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Role.DisplayRole:
            return (self.tr("级别"), self.tr("位置"), self.tr("说明"), self.tr("规则"))[section]
        return None

    def data(self, index: Index, role: int = Role.DisplayRole) -> Any:
        if not index.isValid():
            return None
        finding = self.finding(index.row())
        column = index.column()
        if role == Role.DisplayRole:
            if column == LEVEL:
                return QCoreApplication.translate("labels", finding.severity.label)
            if column == PLACE:
                return self.place(finding)
            if column == MESSAGE:
                return finding.message
            return finding.rule
        if role == Role.DecorationRole and column == LEVEL:
            return severity_icon(finding.severity)
        if role == Role.ToolTipRole:
            working = f"\n{finding.working}" if finding.working else ""
            fix = self.tr("\n可快速修复：{fix}").format(fix=finding.fix.label) if finding.fix else ""
            return f"{self.place(finding)}\n{finding.message}{working}{fix}\n[{finding.rule}]"
        if role == SORT_ROLE:
            if column == LEVEL:
                return _RANK.get(finding.severity, 3)
            if column == PLACE:
                return index.row()  # booklet order
            return finding.message if column == MESSAGE else finding.rule
        return None

    def place(self, finding: Finding) -> str:
        parts = [p for p in (finding.department, finding.project_name) if p]
        if finding.indicator is not None:
            parts.append(self.tr("第{row}行").format(row=finding.indicator + 1))
        if finding.field:
            parts.append(
                field_label(finding.field if finding.indicator is not None else _project_field(finding.field))
            )
        return " · ".join(parts) or self.tr("全册")


def _project_field(field: str) -> str:
    return f"funding.{field}" if field in FUNDING_FIELDS else field


class FindingsPanel(QWidget):
    """Filters + list; double-clicking a finding shows its cell (``context.navigate``)."""

    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        form = load_form("findings_panel", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(form)
        self.severity_combo = child(form, QComboBox, "severityCombo")
        self.current_project_check = child(form, QCheckBox, "currentProjectCheck")
        self.rule_combo = child(form, QComboBox, "ruleCombo")
        self.summary_label = child(form, QLabel, "summaryLabel")
        # A table, not a tree: its layout is O(visible rows), so refreshing thousands of findings
        # on every keystroke stays cheap.
        self.view = child(form, QTableView, "findingsView")
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.rule_combo.addItem(self.tr("全部规则"), None)
        for rule in engine.RULES:
            self.rule_combo.addItem(f"{rule.code} — {rule.title}", rule.code)
        self.model: FindingsModel | None = None
        # Sorted by a header click (级别, 位置 = booklet order, 说明, 规则); unsorted by default.
        self.sorted_model = QSortFilterProxyModel(self)
        self.sorted_model.setSortRole(SORT_ROLE)
        self.view.setModel(self.sorted_model)
        self.sorting = SortCycle(self.view)
        self.current_project_id: str | None = None
        self.severity_combo.currentIndexChanged.connect(self._apply_filters)
        self.current_project_check.toggled.connect(self._apply_filters)
        self.rule_combo.currentIndexChanged.connect(self._apply_filters)
        self.fix_button = child(form, QPushButton, "fixButton")
        self.fix_button.clicked.connect(self.fix_selected)
        self.fix_button.setEnabled(False)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.doubleClicked.connect(self._double_clicked)
        self.view.activated.connect(self._double_clicked)
        context.documentChanged.connect(self.set_document)
        context.currentChanged.connect(self._current_changed)
        context.findingsRequested.connect(self.show_errors)

    def set_document(self, document: Document | None) -> None:
        old = self.model
        if document is None:
            self.model = None
            self.sorted_model.setSourceModel(None)  # type: ignore[arg-type]
        else:
            self.model = FindingsModel(document, self)
            self.model.modelReset.connect(self._update_summary)
            self.sorted_model.setSourceModel(self.model)
            self.view.selectionModel().currentChanged.connect(self._selection_changed)
            self.model.modelReset.connect(self._selection_changed)
            self.sorting.reset()
            header = self.view.horizontalHeader()
            header.setStretchLastSection(False)
            header.resizeSection(LEVEL, 70)
            header.resizeSection(PLACE, 320)
            header.setSectionResizeMode(MESSAGE, QHeaderView.ResizeMode.Stretch)
            header.resizeSection(RULE, 210)
            self._apply_filters()
        if old is not None:
            old.document.findingsChanged.disconnect(old.refresh)
            old.deleteLater()
        self._update_summary()

    def show_errors(self) -> None:
        """What the export check counts: every error and warning of the booklet."""
        self.current_project_check.setChecked(False)
        self.rule_combo.setCurrentIndex(0)
        self.severity_combo.setCurrentIndex(ERRORS_AND_WARNINGS)

    def _current_changed(self, path: ItemPath) -> None:
        document = self.context.document
        project_id = None
        if document is not None and len(path) >= 2:
            project_id = document.booklet.departments[path[0]].projects[path[1]].id
        self.set_current_project(project_id)

    def set_current_project(self, project_id: str | None) -> None:
        self.current_project_id = project_id
        if self.current_project_check.isChecked():
            self._apply_filters()

    def _apply_filters(self) -> None:
        if self.model is None:
            return
        only_current = self.current_project_check.isChecked()
        project_id = self.current_project_id if only_current else None
        if only_current and project_id is None:
            project_id = ""  # no project selected: nothing to show
        self.model.set_filters(self.severity_combo.currentIndex(), project_id, self.rule_combo.currentData())

    def _update_summary(self) -> None:
        if self.model is None:
            self.summary_label.clear()
            return
        self.summary_label.setText(self.tr("显示 {count} 条").format(count=self.model.rowCount()))

    def _double_clicked(self, index: QModelIndex) -> None:
        if self.model is None or not index.isValid():
            return
        if index.model() is self.sorted_model:
            index = self.sorted_model.mapToSource(index)
        self.go_to(self.model.finding(index.row()))

    def selected_finding(self) -> Finding | None:
        index = self.view.currentIndex()
        if self.model is None or not index.isValid():
            return None
        return self.model.finding(self.sorted_model.mapToSource(index).row())

    def _selection_changed(self, *_args: object) -> None:
        finding = self.selected_finding()
        self.fix_button.setEnabled(finding is not None and finding.fix is not None)
        self.fix_button.setToolTip(finding.fix.label if finding is not None and finding.fix else "")

    def fix_selected(self) -> bool:
        """快速修复: the selected finding's certain correction, as one undo step."""
        finding = self.selected_finding()
        return finding is not None and self.apply_fix(finding)

    def apply_fix(self, finding: Finding) -> bool:
        from kpi_editor.domain.fixes import fix_plan

        document, ops = self.context.document, self.context.ops
        if document is None or ops is None or finding.fix is None:
            return False
        plan = fix_plan(document.booklet, finding, document.template)
        if plan is None:
            self.context.show_message(self.tr("这个问题已经不存在，无需修复"), 5000)
            return False
        outcome = ops.apply_plan(plan)
        if outcome:
            self.context.show_message(self.tr("已修复：{fix}").format(fix=finding.fix.label), 5000)
        return bool(outcome)

    def _context_menu(self, position: QPoint) -> None:
        index = self.view.indexAt(position)
        if self.model is None or not index.isValid():
            return
        finding = self.model.finding(self.sorted_model.mapToSource(index).row())
        menu = QMenu(self)
        menu.addAction(self.tr("转到"), lambda: self.go_to(finding))
        fix = menu.addAction(
            self.tr("快速修复：{fix}").format(fix=finding.fix.label) if finding.fix else self.tr("快速修复")
        )
        fix.setEnabled(finding.fix is not None)
        fix.triggered.connect(lambda: self.apply_fix(finding))
        menu.exec(self.view.viewport().mapToGlobal(position))

    def go_to(self, finding: Finding) -> None:
        """Show the tree item and the cell or field a finding points to."""
        path = finding_path(self.context.document, finding)
        if path is not None:
            self.context.navigate(path, finding.field)


def finding_path(document: Document | None, finding: Finding) -> ItemPath | None:
    """Where a finding points: its row, its project, or its unit (booklet-wide ones: nowhere)."""
    if document is None:
        return None
    if finding.project_id is None:
        for d, department in enumerate(document.booklet.departments):
            if finding.department and department.code == finding.department:
                return (d,)
        return None
    path = document.project_path(finding.project_id)
    if path is None:
        return None
    return (*path, finding.indicator) if finding.indicator is not None else path

"""The report of a whole-booklet change (a new year's booklet, another fiscal year or template).

`ReportView` shows a `kpi_editor.domain.changereport.ChangeReport`: the summary and the notes, then
the cells left for the clerk (待核对), the cells changed (已改动, old → new) and the year mentions
kept as history (保留). A double-click shows the cell in the window (``context.navigate``). Once the
document holds the change (`live`), 采用建议 writes a cell's suggestion through ``context.ops`` as
one undo step, and each cell to check says whether it is still as it was.

`ChangeReportDialog` is that report after the change, modeless so that the clerk can work through
the list beside the table; the preview dialogs (``change_preview.py``) show it before.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kpi_editor.app.document import Document
from kpi_editor.domain.changereport import CellToCheck, ChangeReport, Place
from kpi_editor.domain.edits import EditPlan, ItemPath, SetValue, field_value
from kpi_editor.gui.context import EditorContext
from kpi_editor.io.atomic import write_atomic

PENDING, ADOPTED, EDITED, GONE = range(4)  # what became of a cell to check
FIT_ALL_ROWS = 300  # above this many rows, only the rows in sight are fitted to their text

Index = QModelIndex | QPersistentModelIndex


class ReportTable(QAbstractTableModel):
    """One tab's lines: the text of each cell and the place each line is about. A model, not
    items: a template change of a large booklet lists tens of thousands of cells."""

    def __init__(self, headers: list[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers = headers
        self.lines: list[list[str]] = []
        self.places: list[Place] = []

    def set_lines(self, lines: list[list[str]], places: list[Place]) -> None:
        self.beginResetModel()
        self.lines, self.places = lines, places
        self.endResetModel()

    def set_text(self, row: int, column: int, text: str) -> None:
        if self.lines[row][column] != text:
            self.lines[row][column] = text
            index = self.index(row, column)
            self.dataChanged.emit(index, index)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        return self.lines[index.row()][index.column()]


class ReportTableView(QTableView):
    """Rows as tall as their wrapped text: all of them for a short list, the ones in sight for a
    long one (fitting 37,000 rows took seconds)."""

    def __init__(self, headers: list[str], stretch: list[int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lines = ReportTable(headers, self)
        self.setModel(self.lines)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column in stretch:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.setColumnWidth(0, 230)
        self._fitted: set[int] = set()
        # Heights follow the column widths: refit once they settle, and as rows come into sight.
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.timeout.connect(self.fit_rows)
        header.sectionResized.connect(lambda *_args: self._fit_timer.start(0))
        self.verticalScrollBar().valueChanged.connect(lambda _value: self._fit_visible())

    def set_lines(self, lines: list[list[str]], places: list[Place]) -> None:
        self.lines.set_lines(lines, places)
        self.fit_rows()

    def fit_rows(self) -> None:
        self._fitted.clear()
        if self.lines.rowCount() <= FIT_ALL_ROWS:
            self.resizeRowsToContents()
            self._fitted.update(range(self.lines.rowCount()))
        else:
            self._fit_visible()

    def _fit_visible(self) -> None:
        count = self.lines.rowCount()
        if len(self._fitted) >= count:
            return
        row = max(self.rowAt(0), 0)
        bottom = self.viewport().height()
        while row < count and self.rowViewportPosition(row) <= bottom:
            if row not in self._fitted:
                self.resizeRowToContents(row)
                self._fitted.add(row)
            row += 1

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_visible()

    def place(self, row: int) -> Place:
        return self.lines.places[row]

    def text(self, row: int, column: int) -> str:
        return self.lines.lines[row][column]


def navigation_field(field: str) -> str:
    """The field as the pages name it: a funding amount by its name, an extra column by its key."""
    return field.removeprefix("funding.").removeprefix("extra:")


class ReportView(QWidget):
    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.report: ChangeReport | None = None
        self.document: Document | None = None  # set while the document holds the change
        self.source: Path | None = None  # the file the change started from, named in the export
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.summary_label = QLabel(self)
        self.summary_label.setWordWrap(True)
        font = self.summary_label.font()
        font.setBold(True)
        self.summary_label.setFont(font)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summary_label)
        self.notes_label = QLabel(self)
        self.notes_label.setWordWrap(True)
        self.notes_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.notes_label)
        self.tabs = QTabWidget(self)
        layout.addWidget(self.tabs, 1)

        check_page = QWidget(self.tabs)
        check_layout = QVBoxLayout(check_page)
        self.check_table = ReportTableView(
            [self.tr("位置"), self.tr("原文"), self.tr("原因"), self.tr("建议"), self.tr("状态")],
            [1, 2, 3],
            check_page,
        )
        check_layout.addWidget(self.check_table, 1)
        row = QHBoxLayout()
        self.hint_label = QLabel(check_page)
        self.hint_label.setWordWrap(True)
        row.addWidget(self.hint_label, 1)
        self.go_button = QPushButton(self.tr("转到单元格"), check_page)
        self.go_button.clicked.connect(lambda: self._go(self.check_table))
        self.adopt_button = QPushButton(self.tr("采用建议"), check_page)
        self.adopt_button.setToolTip(self.tr("用建议的文字替换所选单元格（一步，可撤销）"))
        self.adopt_button.clicked.connect(self.adopt_selected)
        row.addWidget(self.go_button)
        row.addWidget(self.adopt_button)
        check_layout.addLayout(row)
        self.tabs.addTab(check_page, "")

        self.changed_table = ReportTableView(
            [self.tr("位置"), self.tr("改动前"), self.tr("改动后"), self.tr("说明")], [1, 2, 3], self.tabs
        )
        self.tabs.addTab(self.changed_table, "")
        self.kept_table = ReportTableView([self.tr("位置"), self.tr("年份"), self.tr("理由")], [2], self.tabs)
        self.tabs.addTab(self.kept_table, "")
        for table in (self.check_table, self.changed_table, self.kept_table):
            table.doubleClicked.connect(lambda _index, t=table: self._go(t))
        self.check_table.selectionModel().selectionChanged.connect(lambda *_args: self._update_buttons())

    # -- filling ----------------------------------------------------------------------------------

    def set_report(self, report: ChangeReport, document: Document | None = None) -> None:
        """Show `report`; `document` when it already holds the change (then 采用建议 works)."""
        if self.document is not None:
            self.document.itemChanged.disconnect(self._item_changed)
        self.report = report
        self.document = document
        if document is not None:
            document.itemChanged.connect(self._item_changed)
        self.summary_label.setText(report.summary()[0])
        self.notes_label.setText("\n".join(f"· {note}" for note in report.notes))
        self.notes_label.setVisible(bool(report.notes))

        self.check_table.set_lines(
            [
                [c.place.describe(), c.text, "\n".join(c.reasons), c.suggestion or self.tr("（无）"), ""]
                for c in report.to_check
            ],
            [c.place for c in report.to_check],
        )
        self.check_table.setColumnHidden(4, document is None)
        self._show_states()
        self.changed_table.set_lines(
            [[c.place.describe(), c.old, c.new, "\n".join(c.notes)] for c in report.changed],
            [c.place for c in report.changed],
        )
        self.kept_table.set_lines(
            [[k.place.describe(), k.mention, k.reason] for k in report.kept], [k.place for k in report.kept]
        )
        if report.to_check:
            self.check_table.selectRow(0)
        self.tabs.setTabText(0, self.tr("待核对（{count}）").format(count=len(report.to_check)))
        self.tabs.setTabText(1, self.tr("已改动（{count}）").format(count=len(report.changed)))
        self.tabs.setTabText(2, self.tr("保留（{count}）").format(count=len(report.kept)))
        self.tabs.setTabVisible(2, report.about_years or bool(report.kept))
        self.tabs.setCurrentIndex(0 if report.to_check or not report.changed else 1)
        if report.to_check:
            self.hint_label.setText(
                self.tr("这些单元格原样保留，请逐一核对。双击转到该单元格。")
                if document is not None
                else self.tr("这些单元格将原样保留，修改后请逐一核对。")
            )
        else:
            self.hint_label.setText(self.tr("没有需要核对的单元格。"))
        self._update_buttons()

    # -- the cells to check -----------------------------------------------------------------------

    def state(self, row: int) -> int:
        """What became of cell to check `row` since the report: still as it was, the suggestion
        adopted, edited otherwise, or no longer there (rows removed)."""
        assert self.report is not None
        cell = self.report.to_check[row]
        current = self._current_text(cell)
        if current is None:
            return GONE
        if current == cell.text:
            return PENDING
        return ADOPTED if current == cell.suggestion else EDITED

    def _current_text(self, cell: CellToCheck) -> str | None:
        if self.document is None:
            return cell.text
        try:
            value = field_value(self.document.booklet, cell.place.path, cell.place.field)
        except (IndexError, AttributeError):
            return None
        return str(value) if value is not None else ""

    def _show_states(self) -> None:
        if self.report is None or self.document is None:
            return
        names = {
            PENDING: self.tr("待核对"),
            ADOPTED: self.tr("已采用建议"),
            EDITED: self.tr("已修改"),
            GONE: self.tr("已不在原处"),
        }
        for row in range(len(self.report.to_check)):
            self.check_table.lines.set_text(row, 4, names[self.state(row)])
        self._update_buttons()

    def _item_changed(self, path: ItemPath, field: str) -> None:
        if self.report is not None and any(
            c.place.path == path and c.place.field == field for c in self.report.to_check
        ):
            self._show_states()

    def selected_rows(self, table: QTableView) -> list[int]:
        rows = {index.row() for index in table.selectionModel().selectedRows()}
        if not rows and table.currentIndex().isValid():
            rows.add(table.currentIndex().row())
        return sorted(rows)

    def _update_buttons(self) -> None:
        rows = self.selected_rows(self.check_table)
        self.go_button.setEnabled(bool(rows) and self.context.document is not None)
        can_adopt = self.document is not None and any(
            self.report is not None and self.report.to_check[r].suggestion and self.state(r) != ADOPTED
            for r in rows
        )
        self.adopt_button.setEnabled(can_adopt)
        self.adopt_button.setVisible(self.document is not None)

    def select_check(self, row: int) -> None:
        self.tabs.setCurrentIndex(0)
        self.check_table.selectRow(row)

    def adopt_selected(self) -> bool:
        """采用建议: the selected cells take their suggestion, as one undo step. A cell the clerk has
        edited since is replaced only after asking; one that is no longer there is skipped."""
        if self.report is None or self.document is None or self.context.ops is None:
            return False
        rows = [
            r
            for r in self.selected_rows(self.check_table)
            if self.report.to_check[r].suggestion and self.state(r) in (PENDING, EDITED)
        ]
        edited = [r for r in rows if self.state(r) == EDITED]
        if edited and not self.context.prompts.confirm(
            self.tr("采用建议"),
            self.tr("{count}个单元格在报告之后已经修改过（如{where}）。仍用建议的文字替换吗？").format(
                count=len(edited), where=self.report.to_check[edited[0]].place.describe()
            ),
        ):
            rows = [r for r in rows if r not in edited]
        if not rows:
            return False
        cells = [self.report.to_check[r] for r in rows]
        description = (
            self.tr("采用建议：{where}").format(where=cells[0].place.describe())
            if len(cells) == 1
            else self.tr("采用{count}处建议").format(count=len(cells))
        )
        plan = EditPlan(description, [SetValue(c.place.path, c.place.field, c.suggestion) for c in cells])
        outcome = self.context.ops.apply_plan(plan)
        if outcome:
            self._show_states()
        return outcome.done

    # -- navigation and export ----------------------------------------------------------------------

    def _go(self, table: QTableView) -> None:
        rows = self.selected_rows(table)
        if not rows or self.context.document is None:
            return
        assert isinstance(table, ReportTableView)
        place = table.place(rows[0])
        window = self.window().parentWidget()
        if window is not None:
            window.activateWindow()
        self.context.navigate(place.path, navigation_field(place.field))

    def export(self, suggested: Path) -> Path | None:
        """导出报告: the whole report as JSON (the `kpi rollover --report` layout), written atomically."""
        if self.report is None:
            return None
        target: Path | None = self.context.prompts.export_path(str(suggested), self.tr("JSON 文件 (*.json)"))
        if target is None:
            return None
        if target.suffix.lower() != ".json":
            target = target.with_name(target.name + ".json")
        document = self.context.document
        if document is not None and document.path is not None and target.resolve() == document.path.resolve():
            self.context.prompts.error(
                self.tr("无法导出报告"),
                self.tr("{path} 是打开的项目文件，请另选文件名。").format(path=target),
            )
            return None
        data: dict[str, Any] = {"source": str(self.source)} if self.source is not None else {}
        data.update(self.report.as_json())
        try:
            write_atomic(target, (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))
        except OSError as exc:
            self.context.prompts.error(
                self.tr("无法导出报告"), self.tr("无法写入 {path}：{error}").format(path=target, error=exc)
            )
            return None
        self.context.show_message(self.tr("报告已导出到 {path}").format(path=target), 5000)
        return target


class ChangeReportDialog(QDialog):
    """The report after the change: modeless, closed when another document is shown."""

    def __init__(
        self,
        context: EditorContext,
        report: ChangeReport,
        parent: QWidget | None = None,
        *,
        source: Path | None = None,
        export_name: str = "",
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(report.title)
        self.resize(1060, 640)
        layout = QVBoxLayout(self)
        self.view = ReportView(context, self)
        self.view.source = source
        self.view.set_report(report, context.document)
        layout.addWidget(self.view, 1)
        buttons = QHBoxLayout()
        self.export_button = QPushButton(self.tr("导出报告…"), self)
        folder = context.work_folder()  # beside the new year's file, where its save will propose
        self._export_path = folder / (export_name or self.tr("变更报告.json"))
        self.export_button.clicked.connect(lambda: self.view.export(self._export_path))
        self.close_button = QPushButton(self.tr("关闭"), self)
        self.close_button.clicked.connect(self.close)
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        context.documentChanged.connect(self._document_changed)

    def _document_changed(self, document: Document | None) -> None:
        if document is not self.view.document:
            self.close()


__all__ = ["ChangeReportDialog", "ReportTable", "ReportTableView", "ReportView", "navigation_field"]

"""审核 ▸ 提交情况…: which units have submitted, when, which version, and who is missing.

The expected units are the booklet's own, or a unit list file (``read_unit_list``: one
``编码 名称`` a line, or a project file). Rows come from ``submissions_view`` over the booklet's
log of merged files; each row also shows the unit's review progress (3/5 通过). Double-clicking a
unit the booklet has shows it in the tree.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
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
from kpi_editor.domain.progress import SubmissionRow, SubmissionState, booklet_progress, submissions_view
from kpi_editor.domain.submission import UnitRef
from kpi_editor.gui.context import EditorContext
from kpi_editor.gui.marks import status_icon
from kpi_editor.io.errors import FileFormatError
from kpi_editor.io.submission import read_unit_list

REFRESH_MS = 300
STATE_COLORS = {SubmissionState.NOT_SUBMITTED: "#c62828", SubmissionState.UNEXPECTED: "#ef6c00"}
CODE, NAME, STATE, VERSION, SUBMITTED, SUBMITTER, RECEIVED, SOURCE, PROGRESS, NOTE = range(10)
ALL = "all"
STATE_ORDER = {SubmissionState.NOT_SUBMITTED: 0, SubmissionState.UNEXPECTED: 1, SubmissionState.SUBMITTED: 2}


def _time(text: str | None) -> str:
    return (text or "")[:16].replace("T", " ")


class SubmissionsDialog(QDialog):
    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.document: Document | None = None
        self.expected: list[UnitRef] | None = None
        self.expected_source = ""
        self.rows: list[SubmissionRow] = []
        self.setWindowTitle(self.tr("提交情况"))
        self.resize(1100, 640)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.expected_label = QLabel(self)
        self.expected_label.setWordWrap(True)
        choose = QPushButton(self.tr("应报单位名单…"), self)
        choose.setToolTip(self.tr("文本文件（每行“编码 名称”，UTF-8 或 GBK）、CSV 或项目文件"))
        choose.clicked.connect(self._choose_list)
        own = QPushButton(self.tr("用汇编本中的单位"), self)
        own.clicked.connect(lambda: self.set_expected(None))
        self.state_filter = QComboBox(self)
        self.state_filter.addItem(self.tr("全部"), ALL)
        for state in SubmissionState:
            self.state_filter.addItem(state.value, state.value)
        self.state_filter.currentIndexChanged.connect(self._fill)
        top.addWidget(self.expected_label, 1)
        top.addWidget(choose)
        top.addWidget(own)
        top.addWidget(QLabel(self.tr("显示"), self))
        top.addWidget(self.state_filter)
        layout.addLayout(top)
        self.summary_label = QLabel(self)
        self.summary_label.setWordWrap(True)
        layout.addWidget(self.summary_label)
        self.table = QTreeWidget(self)
        self.table.setRootIsDecorated(False)
        self.table.setSortingEnabled(True)
        self.table.setHeaderLabels(
            [
                self.tr("单位编码"),
                self.tr("单位名称"),
                self.tr("提交情况"),
                self.tr("版本"),
                self.tr("提交时间"),
                self.tr("提交人"),
                self.tr("收到时间"),
                self.tr("来源文件"),
                self.tr("审核进度"),
                self.tr("说明"),
            ]
        )
        for column, width in enumerate((80, 240, 70, 44, 120, 100, 120, 190, 90)):
            self.table.header().resizeSection(column, width)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.itemDoubleClicked.connect(self._double_clicked)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        context.documentChanged.connect(self._document_changed)
        self._document_changed(context.document)

    def _document_changed(self, document: Document | None) -> None:
        self.document = document
        if document is not None:
            for signal in (document.itemChanged, document.inserted, document.removed, document.moved):
                signal.connect(self._changed)
        self.refresh()

    def _changed(self, *_args: object) -> None:
        self._timer.start()

    def _choose_list(self) -> None:
        path = self.context.prompts.import_path(
            self.tr("单位名单 (*.txt *.csv *.kpi.json *.json);;所有文件 (*)")
        )
        if path is None:
            return
        try:
            self.set_expected(read_unit_list(path), path.name)
        except FileFormatError as exc:
            self.context.prompts.error(self.tr("无法读取单位名单"), str(exc))

    def set_expected(self, units: list[UnitRef] | None, source: str = "") -> None:
        """The units expected to submit: a list (from `source`), or None for the booklet's own."""
        self.expected = units
        self.expected_source = source
        self.refresh()

    def refresh(self) -> None:
        self._timer.stop()
        document = self.document
        if document is None:
            self.rows = []
            self.expected_label.setText(self.tr("没有打开的汇编本"))
            self.summary_label.setText("")
            self.table.clear()
            return
        booklet = document.booklet
        self.rows = submissions_view(booklet, self.expected)
        if self.expected is None:
            self.expected_label.setText(
                self.tr("应报单位：汇编本中的 {count} 个单位（选择名单可核对缺报）").format(
                    count=len(booklet.departments)
                )
            )
        else:
            self.expected_label.setText(
                self.tr("应报单位：名单“{source}”中的 {count} 个单位").format(
                    source=self.expected_source, count=len(self.expected)
                )
            )
        expected = [r for r in self.rows if r.expected]
        submitted = sum(1 for r in expected if r.state is SubmissionState.SUBMITTED)
        unexpected = sum(1 for r in self.rows if r.state is SubmissionState.UNEXPECTED)
        versions = sum(r.versions for r in self.rows)
        _units, counts = booklet_progress(booklet)
        text = self.tr(
            "应报 {expected} 个单位：已提交 {submitted} 个，未提交 {missing} 个；名单外 {unexpected} 个。"
            "共收到 {versions} 个文件。审核进度：{progress}"
        ).format(
            expected=len(expected),
            submitted=submitted,
            missing=len(expected) - submitted,
            unexpected=unexpected,
            versions=versions,
            progress=counts.describe(),
        )
        if not booklet.submissions:
            text += "\n" + self.tr(
                "汇编本还没有合并记录：用“审核 ▸ 汇编合并…”合并单位报送的文件后，这里列出收到的版本。"
            )
        self.summary_label.setText(text)
        self._fill()

    def _fill(self, *_args: object) -> None:
        document = self.document
        shown = self.state_filter.currentData()
        self.table.setSortingEnabled(False)
        self.table.clear()
        if document is None:
            return
        progress = {u.code: u for u in booklet_progress(document.booklet)[0]}
        # Who is missing first, then files from units nobody expected, then the rest in list order.
        for row in sorted(self.rows, key=lambda r: STATE_ORDER[r.state]):
            if shown not in (None, ALL) and row.state.value != shown:
                continue
            last = row.last
            unit = progress.get(row.code)
            notes = []
            if row.current is False:
                notes.append(self.tr("收到后汇编本中又有改动"))
            if last is not None and last.accepted:
                notes.append(self.tr("合并时已确认：{what}").format(what="；".join(last.accepted)))
            if row.state is SubmissionState.NOT_SUBMITTED and row.in_booklet:
                notes.append(self.tr("汇编本中是原有版本"))
            item = QTreeWidgetItem(
                [
                    row.code,
                    row.name,
                    row.state.value,
                    str(row.versions) if row.versions else "",
                    _time(last.submitted_at) if last else "",
                    (last.submitter or "") if last else "",
                    _time(last.received_at) if last else "",
                    last.source if last else "",
                    unit.label if unit is not None and unit.counts.total else "",
                    "；".join(notes),
                ]
            )
            if unit is not None and unit.counts.total:
                item.setIcon(PROGRESS, status_icon(unit.rollup))
                item.setToolTip(PROGRESS, unit.counts.describe())
            color = STATE_COLORS.get(row.state)
            if color is not None:
                item.setForeground(STATE, QBrush(QColor(color)))
            item.setToolTip(NOTE, item.text(NOTE))
            item.setData(CODE, Qt.ItemDataRole.UserRole, row.code)
            self.table.addTopLevelItem(item)
        self.table.setSortingEnabled(True)

    def _double_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        document = self.document
        if document is None:
            return
        code = item.data(CODE, Qt.ItemDataRole.UserRole)
        for d, department in enumerate(document.booklet.departments):
            if department.code == code:
                self.context.navigate((d,))
                return

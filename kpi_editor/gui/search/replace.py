"""查找和替换 (Ctrl+H): a modeless dialog, as in Excel and WPS.

The matches come from `kpi_editor.domain.replace` and are counted and previewed live as the clerk
types (place → old → new, the found and the new part marked). 查找下一个 shows a match through
``context.navigate``; 替换 replaces the current match and goes on to the next; 全部替换 replaces
every match as one undo step. Both go through ``context.ops.apply_plan``, which refuses in review
mode (the buttons are greyed there too).
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QBrush,
    QPainter,
    QPalette,
    QStandardItemModel,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kpi_editor.app.commands import field_label
from kpi_editor.app.document import PREFACE, Document, ItemPath
from kpi_editor.domain.edits import EditError
from kpi_editor.domain.model import Booklet
from kpi_editor.domain.replace import Match, Query, Replacement, excerpt, find_replacements
from kpi_editor.domain.search import TextKind
from kpi_editor.gui.context import EditorContext

Index = QModelIndex | QPersistentModelIndex
HTML_ROLE = Qt.ItemDataRole.UserRole + 1
SETTLE_MS = 150  # recount after typing pauses: a whole-booklet pass is a few tens of ms
PROJECT, UNIT, BOOKLET = "project", "unit", "booklet"
# Dark text on light marks, readable on a selected (dark) row too.
FOUND_STYLE = "background-color:#ffd0d0;color:#000000;"
NEW_STYLE = "background-color:#c4eec4;color:#000000;font-weight:bold;"


def _segments_html(segments: list[tuple[str, bool]], style: str) -> str:
    parts = []
    for text, marked in segments:
        shown = html.escape(text).replace("\n", " ↵ ")
        parts.append(f'<span style="{style}">{shown}</span>' if marked else shown)
    return "".join(parts)


class MatchModel(QAbstractTableModel):
    """The preview: one row per matching cell (位置 | 原文 | 替换为), the changed parts marked."""

    PLACE, OLD, NEW = range(3)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.matches: list[Match] = []
        self._booklet: Booklet | None = None
        self._places: dict[int, str] = {}  # named when first shown: thousands of matches are cheap

    def set_matches(self, booklet: Booklet | None, matches: list[Match]) -> None:
        self.beginResetModel()
        self.matches = matches if booklet is not None else []
        self._booklet = booklet
        self._places = {}
        self.endResetModel()

    def place_of(self, row: int) -> str:
        if row not in self._places:
            assert self._booklet is not None
            self._places[row] = self.place(self._booklet, self.matches[row])
        return self._places[row]

    def place(self, booklet: Booklet, match: Match) -> str:
        """Where a match is, in the clerk's words: 封面 ▸ 标题, 123001 ▸ 项目名 ▸ 第3行 ▸ 指标值 …"""
        path, label = match.path, field_label(match.field)
        if not path:
            return self.tr("封面 ▸ {field}").format(field=label)
        if path[:1] == PREFACE:
            return self.tr("编制说明 ▸ 第{n}节 ▸ {field}").format(n=path[1] + 1, field=label)
        department = booklet.departments[path[0]]
        if len(path) == 1:
            return f"{department.code} {department.name} ▸ {label}"
        project = department.projects[path[1]].name or self.tr("（未命名项目）")
        if len(path) == 2:
            return f"{department.code} ▸ {project} ▸ {label}"
        return self.tr("{code} ▸ {project} ▸ 第{row}行 ▸ {field}").format(
            code=department.code, project=project, row=path[2] + 1, field=label
        )

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.matches)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("位置"), self.tr("原文"), self.tr("替换为"))[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        match = self.matches[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.PLACE:
                return self.place_of(index.row())
            return match.old if column == self.OLD else match.new
        if role == HTML_ROLE and column != self.PLACE:
            if column == self.OLD:
                return _segments_html(excerpt(match.old, match.spans), FOUND_STYLE)
            if match.refused:
                return html.escape(self.tr("不替换：{reason}").format(reason=match.refused))
            if not match.changes:
                return html.escape(self.tr("（已是替换后的文字）"))
            if not match.new:
                return html.escape(self.tr("（空）"))
            return _segments_html(excerpt(match.new, match.new_spans), NEW_STYLE)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.PLACE:
                return self.place_of(index.row())
            if column == self.OLD:
                return match.old
            return match.refused or match.new
        if role == Qt.ItemDataRole.ForegroundRole and not match.changes:
            return QPalette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        return None


class RichTextDelegate(QStyledItemDelegate):
    """Paints a cell's HTML_ROLE (the marked excerpt) on one line; plain text elsewhere."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        markup = index.data(HTML_ROLE)
        if markup is None:
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget is not None else None
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        text_color = option.palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        foreground = index.data(Qt.ItemDataRole.ForegroundRole)
        if isinstance(foreground, QBrush) and not selected:
            text_color = foreground.color()  # a match that will not change: greyed
        option.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(2)
        document.setHtml(f'<span style="white-space:pre;color:{text_color.name()}">{markup}</span>')
        rect = option.rect
        painter.save()
        painter.translate(rect.left(), rect.top() + max(0.0, (rect.height() - document.size().height()) / 2))
        painter.setClipRect(QRectF(0, 0, rect.width(), rect.height()))
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text, text_color)
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), max(size.height(), option.fontMetrics.height() + 8))


class ReplaceDialog(QDialog):
    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("查找和替换"))
        self.setModal(False)
        self.replacement = Replacement(Query(""))
        self._pos = -1  # the current match (shown by 查找下一个), or -1
        self._document: Document | None = None
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self.refresh)
        self._build()
        context.documentChanged.connect(self._document_changed)
        context.currentChanged.connect(self._current_changed)
        self._document_changed(context.document)

    # -- construction ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.find_edit = QLineEdit(self)
        self.find_edit.setClearButtonEnabled(True)
        self.replace_edit = QLineEdit(self)
        self.replace_edit.setClearButtonEnabled(True)
        self.replace_edit.setPlaceholderText(self.tr("（空：删除找到的文字）"))
        self.scope_combo = QComboBox(self)
        for key in (PROJECT, UNIT, BOOKLET):
            self.scope_combo.addItem("", key)
        self.find_next_button = QPushButton(self.tr("查找下一个(&F)"), self)
        self.find_next_button.setDefault(True)
        self.replace_button = QPushButton(self.tr("替换(&R)"), self)
        self.replace_all_button = QPushButton(self.tr("全部替换(&A)"), self)

        grid = QGridLayout()
        grid.addWidget(self._label(self.tr("查找内容(&N)："), self.find_edit), 0, 0)
        grid.addWidget(self.find_edit, 0, 1)
        grid.addWidget(self.find_next_button, 0, 2)
        grid.addWidget(self._label(self.tr("替换为(&E)："), self.replace_edit), 1, 0)
        grid.addWidget(self.replace_edit, 1, 1)
        grid.addWidget(self.replace_button, 1, 2)
        grid.addWidget(self._label(self.tr("范围(&S)："), self.scope_combo), 2, 0)
        grid.addWidget(self.scope_combo, 2, 1)
        grid.addWidget(self.replace_all_button, 2, 2)
        grid.setColumnStretch(1, 1)

        self.kind_checks: dict[TextKind, QCheckBox] = {}
        kinds_row = QHBoxLayout()
        for kind, text, tip in (
            (TextKind.NAMES, self.tr("单位和项目名称"), self.tr("单位名称、项目名称和表中的“部门（单位）”")),
            (TextKind.INDICATORS, self.tr("三级指标"), ""),
            (TextKind.VALUES, self.tr("指标值"), ""),
            (TextKind.COVER, self.tr("封面"), self.tr("标题、编制单位、日期和编制说明标题（仅全册）")),
            (TextKind.PREFACE, self.tr("编制说明"), self.tr("编制说明各节的标题和正文（仅全册）")),
        ):
            check = QCheckBox(text, self)
            check.setChecked(True)
            check.setToolTip(tip)
            kinds_row.addWidget(check)
            self.kind_checks[kind] = check
        kinds_row.addStretch(1)
        options_row = QHBoxLayout()
        self.case_check = QCheckBox(self.tr("区分大小写(&C)"), self)
        self.case_check.setToolTip(self.tr("只对拉丁字母有意义：book 与 BOOK 视为不同"))
        self.whole_check = QCheckBox(self.tr("单元格匹配(&O)"), self)
        self.whole_check.setToolTip(self.tr("整个单元格的内容与查找内容完全相同时才算找到"))
        self.width_check = QCheckBox(self.tr("区分全/半角(&B)"), self)
        self.width_check.setToolTip(self.tr("不勾选时，全角与半角字符视为相同：％ 与 %、２０２６ 与 2026"))
        for check in (self.case_check, self.whole_check, self.width_check):
            options_row.addWidget(check)
        options_row.addStretch(1)
        grid.addWidget(QLabel(self.tr("查找："), self), 3, 0)
        grid.addLayout(kinds_row, 3, 1, 1, 2)
        grid.addWidget(QLabel(self.tr("选项："), self), 4, 0)
        grid.addLayout(options_row, 4, 1, 1, 2)

        self.count_label = QLabel(self)
        self.count_label.setWordWrap(True)
        self.review_label = QLabel(self.tr("审核模式下只能查找，不能替换。"), self)
        self.review_label.setStyleSheet("color:#c62828;")
        self.model = MatchModel(self)
        self.preview = QTableView(self)
        self.preview.setModel(self.model)
        self.preview.setItemDelegate(RichTextDelegate(self.preview))
        self.preview.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.preview.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.setWordWrap(False)
        self.preview.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # keep the row and field in view
        self.preview.verticalHeader().hide()
        header = self.preview.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.resizeSection(MatchModel.PLACE, 300)
        header.resizeSection(MatchModel.OLD, 260)
        self.preview.activated.connect(lambda index: self.go_to(index.row()))
        self.preview.clicked.connect(lambda index: self.go_to(index.row()))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.close)

        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.count_label)
        layout.addWidget(self.review_label)
        layout.addWidget(self.preview, 1)
        layout.addWidget(buttons)
        self.resize(900, 560)

        for edit in (self.find_edit, self.replace_edit):
            edit.textChanged.connect(self._inputs_changed)
        for check in (*self.kind_checks.values(), self.case_check, self.whole_check, self.width_check):
            check.toggled.connect(self._inputs_changed)
        self.scope_combo.currentIndexChanged.connect(self._scope_changed)
        self.find_next_button.clicked.connect(self.find_next)
        self.replace_button.clicked.connect(self.replace_current)
        self.replace_all_button.clicked.connect(self.replace_all)
        self._scope_changed(self.scope_combo.currentIndex())

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(buddy)
        return label

    # -- opening ----------------------------------------------------------------------------------

    def open_for(self, text: str = "") -> None:
        """Show the dialog with the scope of the item the user is on; `text` (the 查找 bar's, when
        the dialog has none yet) goes into 查找内容."""
        current = self.context.current
        scope = PROJECT if len(current) >= 2 else UNIT if len(current) == 1 else BOOKLET
        self._update_scopes()
        self.scope_combo.setCurrentIndex(self.scope_combo.findData(scope))
        if text and not self.find_edit.text():
            self.find_edit.setText(text)
        self.show()
        self.raise_()
        self.activateWindow()
        self.find_edit.setFocus()
        self.find_edit.selectAll()
        self.refresh()

    # -- what to search ---------------------------------------------------------------------------

    def scope(self) -> ItemPath:
        current = self.context.current
        key = self.scope_combo.currentData()
        if key == PROJECT and len(current) >= 2:
            return current[:2]
        if key == UNIT and current:
            return current[:1]
        return ()

    def query(self) -> Query:
        scope = self.scope()
        kinds = frozenset(kind for kind, check in self.kind_checks.items() if check.isChecked())
        return Query(
            self.find_edit.text(),
            self.replace_edit.text(),
            scope=scope,
            kinds=kinds,
            match_case=self.case_check.isChecked(),
            whole_cell=self.whole_check.isChecked(),
            match_width=self.width_check.isChecked(),
        )

    def _update_scopes(self) -> None:
        """Name the current project and unit in the scope list; grey what the user is not on."""
        document = self.context.document
        current = self.context.current
        department = document.booklet.departments[current[0]] if document and current else None
        project = department.projects[current[1]] if department and len(current) >= 2 else None
        labels = {
            PROJECT: self.tr("当前项目：{name}").format(name=project.name)
            if project
            else self.tr("当前项目"),
            UNIT: self.tr("当前单位：{name}").format(name=department.name)
            if department
            else self.tr("当前单位"),
            BOOKLET: self.tr("全册"),
        }
        model = self.scope_combo.model()
        assert isinstance(model, QStandardItemModel)
        available = {PROJECT: project is not None, UNIT: department is not None, BOOKLET: True}
        for row in range(self.scope_combo.count()):
            key = self.scope_combo.itemData(row)
            self.scope_combo.setItemText(row, labels[key])
            item = model.item(row)
            if item is not None:
                item.setEnabled(available[key])
        if not available[self.scope_combo.currentData()]:
            wider = UNIT if available[UNIT] else BOOKLET
            self.scope_combo.setCurrentIndex(self.scope_combo.findData(wider))

    def _scope_changed(self, _index: int) -> None:
        whole = self.scope_combo.currentData() == BOOKLET
        for kind in (TextKind.COVER, TextKind.PREFACE):
            self.kind_checks[kind].setEnabled(whole)
        self._inputs_changed()

    def _current_changed(self, _path: ItemPath) -> None:
        if self.isVisible():
            self._update_scopes()
            self._settle.start()

    def _inputs_changed(self, *_args: object) -> None:
        # The current match stays current if it still matches (refresh finds it again).
        self._settle.start()

    # -- the document -----------------------------------------------------------------------------

    def _document_changed(self, document: Document | None) -> None:
        if self._document is not None:
            self._document.itemChanged.disconnect(self._content_changed)
            self._document.inserted.disconnect(self._structure_changed)
            self._document.removed.disconnect(self._structure_changed)
            self._document.reviewModeChanged.disconnect(self._review_mode_changed)
        self._document = document
        self._pos = -1
        if document is None:
            self.close()
            self.replacement = Replacement(Query(""))
            self.model.set_matches(None, [])
            return
        document.itemChanged.connect(self._content_changed)
        document.inserted.connect(self._structure_changed)
        document.removed.connect(self._structure_changed)
        document.reviewModeChanged.connect(self._review_mode_changed)
        self._review_mode_changed(document.review_mode)
        if self.isVisible():
            self._update_scopes()
            self.refresh()

    def _content_changed(self, *_args: object) -> None:
        if self.isVisible():
            self._settle.start()

    def _structure_changed(self, *_args: object) -> None:
        # Rows, projects or units came or went: the listed paths are wrong until found again.
        if self.isVisible():
            self.refresh()

    def _review_mode_changed(self, on: bool) -> None:
        self.review_label.setVisible(on)
        self._update_buttons()

    # -- counting ---------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Find again with what the dialog says now; the current match stays current if it is
        still there."""
        self._settle.stop()
        document = self.context.document
        key = self._key(self._pos)
        if document is None:
            return
        query = self.query()
        try:
            self.replacement = find_replacements(document.booklet, query)
        except EditError:
            # The current item went away under the dialog; the tree's new current item follows.
            self.replacement = Replacement(query)
        self.model.set_matches(document.booklet, self.replacement.matches)
        keys = [(m.path, m.field) for m in self.replacement.matches]
        self._pos = keys.index(key) if key in keys else -1
        if self._pos >= 0:
            self.preview.selectRow(self._pos)
        self.count_label.setText(self._count_text())
        self._update_buttons()

    def _count_text(self) -> str:
        result = self.replacement
        if not result.query.text:
            return self.tr("请输入查找内容。")
        if not result.matches:
            return self.tr("未找到“{text}”。").format(text=result.query.text)
        parts = [
            self.tr("找到 {found} 处（{cells} 个单元格）").format(
                found=result.found, cells=len(result.matches)
            )
        ]
        unchanged = result.found - result.occurrences - sum(m.count for m in result.refused)
        if unchanged:
            parts.append(self.tr("其中 {count} 处已是替换后的文字").format(count=unchanged))
        if result.refused:
            parts.append(
                self.tr("{count} 个单元格替换后的值无效，不会替换").format(count=len(result.refused))
            )
        if self._pos >= 0:
            place = self.model.place_of(self._pos)
            parts.append(self.tr("当前第 {n} 个：{place}").format(n=self._pos + 1, place=place))
        return " · ".join(parts)

    def _update_buttons(self) -> None:
        document = self.context.document
        has = bool(self.replacement.matches)
        editable = document is not None and not document.review_mode
        self.find_next_button.setEnabled(has)
        self.replace_button.setEnabled(has and editable)
        self.replace_all_button.setEnabled(bool(self.replacement.replaceable) and editable)

    def _key(self, pos: int) -> tuple[ItemPath, str] | None:
        matches = self.replacement.matches
        return (matches[pos].path, matches[pos].field) if 0 <= pos < len(matches) else None

    # -- going to matches, replacing ------------------------------------------------------------

    def find_next(self) -> None:
        if self._settle.isActive():
            self.refresh()
        if not self.replacement.matches:
            self.count_label.setText(self._count_text())
            return
        self.go_to((self._pos + 1) % len(self.replacement.matches))

    def go_to(self, pos: int) -> None:
        """Make match `pos` the current one and show it in the window."""
        self._pos = pos
        match = self.replacement.matches[pos]
        self.preview.selectRow(pos)
        self.preview.scrollTo(self.model.index(pos, 0))
        self.count_label.setText(self._count_text())
        # The pages show a cover field, a 编制说明 section or a cell alike.
        self.context.navigate(match.path, match.field)

    def replace_current(self) -> None:
        """替换: replace the current match (one undo step) and go to the next; with no current
        match, go to the first one first, as Excel does."""
        if self._settle.isActive():
            self.refresh()
        if self._pos < 0 or self.context.ops is None:
            self.find_next()
            return
        pos = self._pos
        match = self.replacement.matches[pos]
        if match.changes:
            description = self.tr("替换“{text}”为“{replacement}”（{count}处）").format(
                text=self.replacement.query.text,
                replacement=self.replacement.query.replacement,
                count=match.count - match.unchanged,
            )
            if not self.context.ops.apply_plan(self.replacement.plan([match], description)):
                return
        self.refresh()
        if not self.replacement.matches:
            self.count_label.setText(self.tr("已替换。没有更多匹配。"))
            return
        # The replaced cell is gone from the list unless its new text still matches.
        still = self._pos == pos
        self.go_to((pos + 1 if still else pos) % len(self.replacement.matches))

    def replace_all(self) -> None:
        """全部替换: every match as one undo step; the count then says how many were replaced."""
        if self._settle.isActive():
            self.refresh()
        if self.context.ops is None:
            return
        result = self.replacement
        description = self.tr("全部替换“{text}”为“{replacement}”（{count}处）").format(
            text=result.query.text, replacement=result.query.replacement, count=result.occurrences
        )
        if not self.context.ops.apply_plan(result.plan(description=description)):
            return
        self.refresh()
        self.count_label.setText(
            self.tr("已全部替换：{count} 处，{cells} 个单元格（可撤销：Ctrl+Z）。").format(
                count=result.occurrences, cells=len(result.replaceable)
            )
        )
        self.context.show_message(description, 5000)


__all__ = ["MatchModel", "ReplaceDialog", "RichTextDelegate"]

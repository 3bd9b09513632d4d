"""The 审核 dock: the selected project's review status and every comment on it or on its rows.

The status is shown as it is effective: an approval whose table was edited afterwards shows
在审核后修改 with the stamp it was given under and, after a resubmission, what changed. Comments
say where they point (row and field, as the letter names them); double-clicking one shows that
place. Outside review mode the clerk answers comments (a reply, or ticking 已处理, both signed and
dated); status, new comments and deletions need review mode, in which the content is read-only.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kpi_editor.app.document import Document, ItemPath
from kpi_editor.domain.approval import effective_status
from kpi_editor.domain.fingerprint import project_fingerprint
from kpi_editor.domain.model import Department, Project
from kpi_editor.domain.review import EffectiveStatus, ReviewComment, ReviewStatus, answered_comments
from kpi_editor.gui.context import EditorContext
from kpi_editor.gui.marks import (
    STATUS_COLORS,
    comment_icon,
    edited_text,
    stamp_text,
    status_icon,
    status_text,
)
from kpi_editor.io.report.content import comment_place, row_place
from kpi_editor.io.tsv import BASE_FIELDS

TEXT_FLAGS = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft)
CHANGES_SHOWN = 6  # lines of the recorded changes shown before the list scrolls
ANSWERED_COLOR = "#1565c0"  # 单位已答复: blue, apart from the open (orange) and resolved (grey) marks


def _short_time(text: str | None) -> str:
    return (text or "")[5:16].replace("T", " ")


class ReviewPanel(QWidget):
    """Status selector and comment list of one project."""

    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.document: Document | None = None
        self.path: ItemPath | None = None
        self.row: int | None = None  # the indicator row a new comment is about
        self.review_mode = False
        layout = QVBoxLayout(self)
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        layout.addWidget(self.title)
        form = QFormLayout()
        self.status_combo = QComboBox(self)
        for status in ReviewStatus:
            self.status_combo.addItem(status_icon(status), status_text(status), status.value)
        self.status_combo.setToolTip(
            self.tr(
                "审核通过 Ctrl+1 · 退回修改 Ctrl+2 · 改为未审核 Ctrl+3（在树中选中多个单位或项目可一次设置）"
            )
        )
        self.status_combo.activated.connect(self._status_chosen)
        form.addRow(self.tr("审核状态"), self.status_combo)
        layout.addLayout(form)
        self.stamp_label = QLabel(self)
        self.stamp_label.setWordWrap(True)
        self.stamp_label.setStyleSheet("color: #555555;")
        layout.addWidget(self.stamp_label)
        self.edited_label = QLabel(self)
        self.edited_label.setWordWrap(True)
        changed = STATUS_COLORS[EffectiveStatus.CHANGED]
        self.edited_label.setStyleSheet(
            f"QLabel {{ color: {changed}; border: 1px solid {changed}; border-radius: 3px; padding: 4px; }}"
        )
        layout.addWidget(self.edited_label)
        self.changes_list = QListWidget(self)
        self.changes_list.setWordWrap(True)
        layout.addWidget(self.changes_list)
        self.selection_label = QLabel(self)
        self.selection_label.setWordWrap(True)
        layout.addWidget(self.selection_label)
        self.comments = QTreeWidget(self)
        self.comments.setHeaderLabels([self.tr("已处理"), self.tr("位置"), self.tr("审核意见")])
        self.comments.setRootIsDecorated(False)
        self.comments.setItemsExpandable(False)  # replies always shown under their comment
        self.comments.setIndentation(8)
        self.comments.setWordWrap(True)
        self.comments.header().setStretchLastSection(True)
        self.comments.header().resizeSection(0, 56)
        self.comments.header().resizeSection(1, 170)
        # Wrapped comment text needs its rows measured again whenever the text column's width
        # changes (the dock resized), or the rows keep the height of the old width and clip.
        self._relayout = QTimer(self)
        self._relayout.setSingleShot(True)
        self._relayout.setInterval(0)
        self._relayout.timeout.connect(self._fit_rows)
        self.comments.header().sectionResized.connect(lambda *_args: self._relayout.start())
        self.comments.setToolTip(self.tr("双击一条意见，转到它所指的行或栏目"))
        self.comments.itemChanged.connect(self._item_checked)
        self.comments.itemSelectionChanged.connect(self._update_buttons)
        self.comments.doubleClicked.connect(self._double_clicked)
        layout.addWidget(self.comments, 1)
        target = QHBoxLayout()
        self.target_label = QLabel(self)
        self.target_label.setWordWrap(True)
        self.field_combo = QComboBox(self)
        self.field_combo.setToolTip(self.tr("新意见针对的栏目"))
        target.addWidget(self.target_label, 1)
        target.addWidget(self.field_combo)
        layout.addLayout(target)
        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setFixedHeight(64)
        self.text_edit.textChanged.connect(self._update_buttons)
        layout.addWidget(self.text_edit)
        buttons = QHBoxLayout()
        self.author_edit = QLineEdit(context.settings.comment_author(), self)
        self.author_edit.setPlaceholderText(self.tr("署名"))
        self.author_edit.setToolTip(self.tr("新意见、答复和“已处理”的署名"))
        self.add_button = QPushButton(self.tr("添加意见"), self)
        self.add_button.clicked.connect(self.add_comment)
        self.reply_button = QPushButton(self.tr("答复所选意见"), self)
        self.reply_button.clicked.connect(self.reply_selected)
        self.delete_button = QPushButton(self.tr("删除所选意见"), self)
        self.delete_button.clicked.connect(self.delete_selected)
        buttons.addWidget(QLabel(self.tr("署名"), self))
        buttons.addWidget(self.author_edit, 1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.reply_button)
        buttons.addWidget(self.delete_button)
        layout.addLayout(buttons)
        self._filling = False
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)
        self._refresh_timer.timeout.connect(self.refresh)
        context.documentChanged.connect(self.set_document)
        context.currentChanged.connect(self._current_changed)
        context.rowChanged.connect(self._row_changed)
        context.settingsChanged.connect(self.settings_changed)
        self.refresh()

    def settings_changed(self) -> None:
        """New comments are signed with the 审核人 from the settings (or the OS user name)."""
        self.author_edit.setText(self.context.settings.comment_author())

    def _current_changed(self, path: ItemPath) -> None:
        self.set_current(path[:2] if len(path) >= 2 else None, path[2] if len(path) == 3 else None)

    def _row_changed(self, row: int | None) -> None:
        if self.path is not None and row is not None and row != self.row:
            self.set_current(self.path, row)

    def project(self) -> Project | None:
        if self.document is None or self.path is None:
            return None
        item = self.document.item(self.path)
        return item if isinstance(item, Project) else None

    def set_document(self, document: Document | None) -> None:
        self.document = document
        self.path = None
        self.row = None
        if document is not None:
            document.itemChanged.connect(self._item_changed)
            for signal in (document.inserted, document.removed, document.moved):
                signal.connect(self._structure_changed)
            document.reviewModeChanged.connect(self.set_review_mode)
        self.review_mode = document.review_mode if document is not None else False
        self.refresh()

    def set_current(self, path: ItemPath | None, row: int | None = None) -> None:
        self.path = path
        self.row = row
        self.refresh()

    def set_review_mode(self, on: bool) -> None:
        self.review_mode = on
        self.refresh()

    def _item_changed(self, path: ItemPath, field: str) -> None:
        if self.path is None or not self._concerns(path):
            return
        if field == "review" and len(path) == 2:
            self.refresh()
        else:
            # A content edit (or the unit's new name) may change the effective status: shown once
            # typing pauses for a turn of the event loop, not once per keystroke.
            self._refresh_timer.start()

    def _structure_changed(self, parent: ItemPath, *_rest: object) -> None:
        if self.path is not None and self._concerns(parent):
            self._refresh_timer.start()

    def _concerns(self, path: ItemPath) -> bool:
        """An edit at `path` is of the shown project, its rows, or its unit."""
        assert self.path is not None
        depth = min(len(path), 2)
        return depth > 0 and path[:depth] == self.path[:depth]

    # -- showing -----------------------------------------------------------------------------------

    def refresh(self) -> None:
        project = self.project()
        self._filling = True
        self.comments.clear()
        self.changes_list.clear()
        if project is None or self.document is None or self.path is None:
            self.title.setText(self.tr("选择一个项目以查看审核状态和审核意见"))
            self.status_combo.setEnabled(False)
            self.stamp_label.hide()
            self.edited_label.hide()
            self.changes_list.hide()
        else:
            department = self.document.booklet.departments[self.path[0]]
            self.title.setText(project.name)
            self.status_combo.setCurrentIndex(list(ReviewStatus).index(project.review_status))
            self.status_combo.setEnabled(self.review_mode)
            self._show_stamp(project, department)
            self._show_comments(project)
        self._fit_rows()
        self._filling = False
        self._show_selection()
        self._fill_fields(project)
        self._update_buttons()

    def _fit_rows(self) -> None:
        """Give each comment row the height of its wrapped text at the columns' current widths
        (Qt's own measure of wrapped rows goes stale when the dock is resized, and clips)."""
        header = self.comments.header()
        icon = self.comments.iconSize().width() + 18  # the icon and the style's margins around it

        def fit(item: QTreeWidgetItem | None, depth: int) -> None:
            if item is None:
                return
            height = 0
            for column in (1, 2):
                width = header.sectionSize(column) - 8
                if column == 1:
                    width -= (icon if depth == 0 else 0) + depth * self.comments.indentation()
                bounds = QRect(0, 0, max(width, 40), 100000)
                metrics = QFontMetrics(item.font(column))
                height = max(height, metrics.boundingRect(bounds, TEXT_FLAGS, item.text(column)).height())
            item.setSizeHint(2, QSize(header.sectionSize(2), height + 4))  # both valid, or ignored
            for i in range(item.childCount()):
                fit(item.child(i), depth + 1)

        for i in range(self.comments.topLevelItemCount()):
            fit(self.comments.topLevelItem(i), 0)
        self.comments.doItemsLayout()

    def _show_stamp(self, project: Project, department: Department) -> None:
        review = project.review
        status = effective_status(project, department)
        stamp = stamp_text(review)
        if review is not None and stamp and review.fingerprint:
            stamp += self.tr(" · 审核时指纹 {fp}").format(fp=review.fingerprint)
        self.stamp_label.setText(stamp)
        self.stamp_label.setVisible(bool(stamp) and status is not EffectiveStatus.CHANGED)
        changed = status is EffectiveStatus.CHANGED and review is not None
        self.edited_label.setVisible(changed)
        if changed and review is not None:
            now = project_fingerprint(project, department)
            self.edited_label.setText(
                self.tr(
                    "{edited}：{stamp} 之后内容有改动（指纹 {old} → {new}），现为已修改待复审。"
                    "复审后请重新选择审核状态。"
                ).format(edited=edited_text(), stamp=stamp_text(review), old=review.fingerprint, new=now)
            )
        lines = [change.text for change in review.changes or []] if review is not None else []
        if lines:
            self.changes_list.addItem(self.tr("单位重新提交后与审核时相比的改动："))
            self.changes_list.addItems([f"· {line}" for line in lines])
        self.changes_list.setVisible(bool(lines))
        if lines:
            rows = min(self.changes_list.count(), CHANGES_SHOWN)
            self.changes_list.setFixedHeight(
                rows * self.changes_list.sizeHintForRow(0) + 2 * self.changes_list.frameWidth() + 4
            )

    def _show_comments(self, project: Project) -> None:
        """One row per comment (where, who, what); under it a row per reply and one for 已处理.
        Short lines each: wrapped multi-line cells are what list views clip."""
        review = project.review
        if review is None or self.document is None:
            return
        template, year = self.document.template, self.document.booklet.fiscal_year
        answered = set(answered_comments(review)) if review.status is not ReviewStatus.PENDING else set()
        for index, c in enumerate(review.comments):
            place = comment_place(project, c, template, year)
            signed = f"{c.author} {_short_time(c.time)}".strip()
            if index in answered:
                signed += self.tr(" · 单位已答复")
            item = QTreeWidgetItem(["", f"{place}\n{signed}", c.text])
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Checked if c.resolved else Qt.CheckState.Unchecked)
            item.setIcon(1, comment_icon(not c.resolved))
            item.setToolTip(1, f"{place}\n{signed}")
            item.setToolTip(2, c.text)
            if index in answered:
                bold = QFont(item.font(1))
                bold.setBold(True)
                item.setFont(1, bold)
                item.setForeground(1, QBrush(QColor(ANSWERED_COLOR)))
            for reply in c.replies or []:
                who = " ".join(part for part in (reply.author, _short_time(reply.time)) if part)
                child = QTreeWidgetItem(item, ["", self.tr("↳ 答复 {who}").format(who=who), reply.text])
                child.setToolTip(2, reply.text)
            if c.resolved:
                by = " ".join(part for part in (c.resolved_by, _short_time(c.resolved_at)) if part)
                QTreeWidgetItem(item, ["", self.tr("✔ 已处理 {by}").format(by=by).strip(), ""])
            self.comments.addTopLevelItem(item)
            item.setExpanded(True)

    def _show_selection(self) -> None:
        """With several units or projects selected, say that the status keys apply to all."""
        selected = [p for p in self.context.selection if len(p) <= 2]
        if len(selected) <= 1 or self.document is None:
            self.selection_label.hide()
            return
        units = sum(1 for p in selected if len(p) == 1)
        projects = sum(1 for p in selected if len(p) == 2)
        self.selection_label.setText(
            self.tr(
                "树中选中了 {units} 个单位、{projects} 个项目：审核 ▸ 审核通过 / 退回修改 / 改为未审核"
                "（Ctrl+1 / Ctrl+2 / Ctrl+3）一次设置全部。"
            ).format(units=units, projects=projects)
        )
        self.selection_label.show()

    def _fill_fields(self, project: Project | None) -> None:
        """What a new comment can point at: the row or one of its cells; the project or one of
        its fields (name, unit, an amount)."""
        previous = self.field_combo.currentData()
        self.field_combo.clear()
        document = self.document
        row = self._comment_row(project)
        if project is None or document is None:
            self.target_label.setText(self.tr("新意见针对：整个项目（在表格中选中一行可针对该行）"))
            return
        if row is not None:
            self.target_label.setText(self.tr("新意见针对：{place}").format(place=row_place(project, row)))
            self.field_combo.addItem(self.tr("整行"), "")
            for column in document.template.columns:
                field = column.key if column.key in BASE_FIELDS else f"extra:{column.key}"
                self.field_combo.addItem(column.label, field)
        else:
            self.target_label.setText(self.tr("新意见针对：整个项目（在表格中选中一行可针对该行）"))
            self.field_combo.addItem(self.tr("整个项目"), "")
            self.field_combo.addItem(self.tr("项目名称"), "name")
            self.field_combo.addItem(self.tr("部门（单位）"), "unit_name")
            year = document.booklet.fiscal_year
            for spec in document.template.funding_rows:  # a form may print fewer than six rows
                self.field_combo.addItem(
                    document.template.funding_label(spec.field, year), f"funding.{spec.field}"
                )
        found = self.field_combo.findData(previous)
        self.field_combo.setCurrentIndex(max(found, 0))

    def _comment_row(self, project: Project | None) -> int | None:
        if project is None or self.row is None or self.row >= len(project.indicators):
            return None
        return self.row

    def _update_buttons(self) -> None:
        has = self.project() is not None
        typed = bool(self.text_edit.toPlainText().strip())
        chosen = bool(self.comments.selectedItems())
        self.add_button.setEnabled(has and self.review_mode and typed)
        self.reply_button.setEnabled(has and chosen and typed)
        self.delete_button.setEnabled(has and self.review_mode and chosen)
        self.text_edit.setEnabled(has)
        # New comments are the reviewer's: the clerk's panel has no use for where they point.
        self.target_label.setVisible(self.review_mode)
        self.field_combo.setVisible(self.review_mode)
        self.add_button.setVisible(self.review_mode)
        self.delete_button.setVisible(self.review_mode)
        self.field_combo.setEnabled(has)
        self.text_edit.setPlaceholderText(
            self.tr("写下审核意见，例如：指标值应量化，请补充具体数量；或选中一条意见写下答复")
            if self.review_mode
            else self.tr("选中一条审核意见，写下答复，例如：已按意见改为“≥95%”")
        )

    # -- acting --------------------------------------------------------------------------------------

    def _status_chosen(self, index: int) -> None:
        if self.context.ops is None or self.path is None:
            return
        if not self.review_mode:
            self.refresh()
            return
        status = ReviewStatus(self.status_combo.itemData(index))
        self.context.ops.set_status(self.path, status, self.author_edit.text().strip())
        self.refresh()  # a refused or cancelled status: the combo shows what the project has

    def add_comment(self) -> bool:
        ops = self.context.ops
        if ops is None or self.path is None or not self.review_mode:
            return False
        row = self._comment_row(self.project())
        field = self.field_combo.currentData() or None
        added = ops.add_comment(
            self.path, self.text_edit.toPlainText(), self.author_edit.text().strip(), row, field
        ).done
        if added:
            self.text_edit.clear()
        return added

    def reply_selected(self) -> bool:
        """Answer the selected comment with the typed text (the clerk, or the reviewer following up)."""
        ops = self.context.ops
        rows = self._selected_rows()
        if ops is None or self.path is None or len(rows) != 1:
            return False
        done = ops.reply(
            self.path, rows[0], self.text_edit.toPlainText(), self.author_edit.text().strip()
        ).done
        if done:
            self.text_edit.clear()
        return done

    def delete_selected(self) -> None:
        if self.context.ops is None or self.path is None or not self.review_mode:
            return
        rows = self._selected_rows()
        if rows:
            self.context.ops.delete_comments(self.path, rows)

    def _selected_rows(self) -> list[int]:
        """The comments selected (a reply or 已处理 row stands for its comment)."""
        tops = {item.parent() or item for item in self.comments.selectedItems()}
        return sorted(self.comments.indexOfTopLevelItem(item) for item in tops)

    def _item_checked(self, item: QTreeWidgetItem, column: int) -> None:
        if self._filling or column != 0 or self.document is None or self.path is None:
            return
        index = self.comments.indexOfTopLevelItem(item)
        if index < 0:
            return  # a reply's row: only comments are ticked
        resolved = item.checkState(0) == Qt.CheckState.Checked
        # Deferred: the command refreshes this list, which must not happen inside its own signal.
        QTimer.singleShot(0, lambda: self._set_resolved(index, resolved))

    def _set_resolved(self, index: int, resolved: bool) -> None:
        if self.context.ops is not None and self.path is not None:
            self.context.ops.set_resolved(self.path, index, resolved, self.author_edit.text().strip())

    def _double_clicked(self, index: QModelIndex) -> None:
        project = self.project()
        if project is None or project.review is None or self.path is None or index.column() == 0:
            return
        row = index.parent().row() if index.parent().isValid() else index.row()
        self.go_to(project.review.comments[row])

    def go_to(self, c: ReviewComment) -> None:
        """Show the place a comment points at: its row and cell, or the project's field."""
        if self.path is None:
            return
        field = c.field
        if c.indicator is not None:
            key = field.removeprefix("extra:") if field else None
            self.context.navigate((*self.path, c.indicator), key)
        else:
            self.context.navigate(self.path, field.removeprefix("funding.") if field else None)

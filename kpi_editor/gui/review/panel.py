"""The 审核 dock: the selected project's review status and every comment on it or on its rows.

Outside review mode the panel still lists the comments and lets the clerk tick them resolved;
status, new comments and deletions need review mode, in which the content is read-only.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kpi_editor.app.document import Document, ItemPath
from kpi_editor.domain.model import Project
from kpi_editor.domain.review import ReviewStatus
from kpi_editor.gui.context import EditorContext
from kpi_editor.gui.marks import comment_icon, status_icon, status_text


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
        layout.addWidget(self.title)
        form = QFormLayout()
        self.status_combo = QComboBox(self)
        for status in ReviewStatus:
            self.status_combo.addItem(status_icon(status), status_text(status), status.value)
        self.status_combo.activated.connect(self._status_chosen)
        form.addRow(self.tr("审核状态"), self.status_combo)
        layout.addLayout(form)
        self.comments = QTreeWidget(self)
        self.comments.setHeaderLabels([self.tr("已处理"), self.tr("位置"), self.tr("审核意见")])
        self.comments.setRootIsDecorated(False)
        self.comments.setWordWrap(True)
        self.comments.header().setStretchLastSection(True)
        self.comments.header().resizeSection(0, 56)
        self.comments.header().resizeSection(1, 190)
        self.comments.itemChanged.connect(self._item_checked)
        layout.addWidget(self.comments, 1)
        self.target_label = QLabel(self)
        layout.addWidget(self.target_label)
        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setPlaceholderText(self.tr("写下审核意见，例如：指标值应量化，请补充具体数量"))
        self.text_edit.setFixedHeight(64)
        layout.addWidget(self.text_edit)
        buttons = QHBoxLayout()
        self.author_edit = QLineEdit(context.settings.comment_author(), self)
        self.author_edit.setPlaceholderText(self.tr("审核人"))
        self.add_button = QPushButton(self.tr("添加意见"), self)
        self.add_button.clicked.connect(self.add_comment)
        self.delete_button = QPushButton(self.tr("删除所选意见"), self)
        self.delete_button.clicked.connect(self.delete_selected)
        buttons.addWidget(QLabel(self.tr("审核人"), self))
        buttons.addWidget(self.author_edit, 1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.delete_button)
        layout.addLayout(buttons)
        self._filling = False
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
        if self.path is not None and row is not None:
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
        if self.path is not None and path[:2] == self.path and (field == "review" or len(path) == 2):
            self.refresh()

    def refresh(self) -> None:
        project = self.project()
        self._filling = True
        self.comments.clear()
        if project is None:
            self.title.setText(self.tr("选择一个项目以查看审核状态和审核意见"))
            self.status_combo.setEnabled(False)
        else:
            self.title.setText(project.name)
            status = project.review_status
            self.status_combo.setCurrentIndex(list(ReviewStatus).index(status))
            self.status_combo.setEnabled(self.review_mode)
            for c in project.review.comments if project.review is not None else []:
                where = (
                    self.tr("第{row}行 {name}").format(
                        row=c.indicator + 1, name=_row_name(project, c.indicator)
                    )
                    if c.indicator is not None
                    else self.tr("整个项目")
                )
                signed = f"{c.author} {c.time[5:16].replace('T', ' ')}".strip()
                item = QTreeWidgetItem(["", f"{where}\n{signed}", c.text])
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(0, Qt.CheckState.Checked if c.resolved else Qt.CheckState.Unchecked)
                item.setIcon(1, comment_icon(not c.resolved))
                item.setToolTip(2, c.text)
                self.comments.addTopLevelItem(item)
        # Wrapped comments need their row heights measured at the column's actual width.
        self.comments.doItemsLayout()
        self._filling = False
        has = project is not None
        self.add_button.setEnabled(has and self.review_mode)
        self.delete_button.setEnabled(has and self.review_mode)
        self.text_edit.setEnabled(has and self.review_mode)
        self.author_edit.setEnabled(self.review_mode)
        if project is not None and self.row is not None and self.row < len(project.indicators):
            self.target_label.setText(
                self.tr("新意见针对：第{row}行 {name}").format(
                    row=self.row + 1, name=_row_name(project, self.row)
                )
            )
        else:
            self.target_label.setText(self.tr("新意见针对：整个项目（在表格中选中一行可针对该行）"))

    def _status_chosen(self, index: int) -> None:
        if self.context.ops is None or self.path is None:
            return
        if not self.review_mode:
            self.refresh()
            return
        self.context.ops.set_status(self.path, ReviewStatus(self.status_combo.itemData(index)))

    def add_comment(self) -> bool:
        ops = self.context.ops
        if ops is None or self.path is None or not self.review_mode:
            return False
        project = self.project()
        row = self.row if project is not None and self.row is not None else None
        if row is not None and project is not None and row >= len(project.indicators):
            row = None
        added = ops.add_comment(
            self.path, self.text_edit.toPlainText(), self.author_edit.text().strip(), row
        ).done
        if added:
            self.text_edit.clear()
        return added

    def delete_selected(self) -> None:
        if self.context.ops is None or self.path is None or not self.review_mode:
            return
        rows = [self.comments.indexOfTopLevelItem(i) for i in self.comments.selectedItems()]
        if rows:
            self.context.ops.delete_comments(self.path, rows)

    def _item_checked(self, item: QTreeWidgetItem, column: int) -> None:
        if self._filling or column != 0 or self.document is None or self.path is None:
            return
        index = self.comments.indexOfTopLevelItem(item)
        resolved = item.checkState(0) == Qt.CheckState.Checked
        # Deferred: the command refreshes this list, which must not happen inside its own signal.
        QTimer.singleShot(0, lambda: self._set_resolved(index, resolved))

    def _set_resolved(self, index: int, resolved: bool) -> None:
        if self.context.ops is not None and self.path is not None:
            self.context.ops.set_resolved(self.path, index, resolved)


def _row_name(project: Project, row: int) -> str:
    if row >= len(project.indicators):
        return ""
    indicator = project.indicators[row]
    return indicator.name or indicator.level2

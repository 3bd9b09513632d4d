"""The left-hand tree: units → projects → rows, its tool row and its filters.

The tree is where the user says what they are working on: its current item becomes
``context.current`` (the pages follow), and a `navigate` request (a finding, a search hit)
selects the item here first, dropping a filter that hides it.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from kpi_editor.app.document import PREFACE, Document, ItemPath
from kpi_editor.domain.review import EffectiveStatus
from kpi_editor.gui.context import EditorContext
from kpi_editor.gui.marks import status_icon, status_text
from kpi_editor.gui.tree.filter import TreeFilter
from kpi_editor.gui.tree.model import REVIEW, BookletTreeModel
from kpi_editor.gui.widgets import SortCycle

ALL_STATUSES = "all"
FILTER_SETTLE_MS = 120


class TreePanel(QWidget):
    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.model: BookletTreeModel | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.booklet_button = QToolButton(self)
        self.booklet_button.setText(self.tr("封面与编制说明"))
        self.booklet_button.clicked.connect(self.show_booklet_page)
        self.only_findings_check = QCheckBox(self.tr("仅显示有问题的项目"), self)
        self.only_findings_check.toggled.connect(self._toggle_only_findings)
        self.status_filter = QComboBox(self)
        self.status_filter.addItem(self.tr("全部"), ALL_STATUSES)
        for status in EffectiveStatus:
            self.status_filter.addItem(status_icon(status), status_text(status), status.value)
        self.status_filter.setToolTip(self.tr("按审核状态筛选项目"))
        self.status_filter.currentIndexChanged.connect(self._status_filter_changed)
        top.addWidget(self.booklet_button)
        top.addWidget(self.only_findings_check)
        top.addWidget(QLabel(self.tr("审核状态"), self))
        top.addWidget(self.status_filter)
        top.addStretch(1)
        layout.addLayout(top)
        self._bars = QVBoxLayout()  # other features' bars above the tree (the search bar)
        layout.addLayout(self._bars)
        self.view = QTreeView(self)
        self.view.setUniformRowHeights(True)
        # Several units or projects (Shift/Ctrl+click) can be given a status at once.
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setDragEnabled(True)
        self.view.setAcceptDrops(True)
        self.view.setDropIndicatorShown(True)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed | QAbstractItemView.EditTrigger.SelectedClicked
        )
        layout.addWidget(self.view, 1)
        self.proxy = TreeFilter(self)
        # Header clicks sort by code or name, 合计, or the number of errors (a third click: the
        # booklet's own order); dragging only makes sense in that order.
        self.sorting = SortCycle(self.view)
        self.sorting.sortedChanged.connect(lambda _on: self._update_drag())
        # The findings-only filter is a whole-booklet pass: one refilter after a burst of keystrokes.
        self._refilter = QTimer(self)
        self._refilter.setSingleShot(True)
        self._refilter.setInterval(FILTER_SETTLE_MS)
        self._refilter.timeout.connect(self._findings_settled)
        context.documentChanged.connect(self._document_changed)
        context.navigateRequested.connect(self._navigate)
        context.set_selection_source(self.selected_paths)
        self._document_changed(None)

    def add_bar(self, widget: QWidget) -> None:
        """Put another feature's bar (the search bar) between the tool row and the tree."""
        self._bars.addWidget(widget)

    # -- document ---------------------------------------------------------------------------------

    def _document_changed(self, document: Document | None) -> None:
        old = self.model
        has = document is not None and self.context.ops is not None
        if document is None or self.context.ops is None:
            self.model = None
            self.proxy.setSourceModel(None)  # type: ignore[arg-type]
            self.view.setModel(None)
        else:
            self.model = BookletTreeModel(document, self.context.ops, self, self.context.statuses)
            self.proxy.setSourceModel(self.model)
            self.view.setModel(self.proxy)
            header = self.view.header()
            header.setStretchLastSection(False)
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            header.resizeSection(1, 96)
            header.resizeSection(2, 72)
            header.resizeSection(REVIEW, 84)
            self.view.selectionModel().currentChanged.connect(self._current_changed)
            document.findingsChanged.connect(self._findings_changed)
            document.reviewModeChanged.connect(self._review_mode_changed)
            document.itemChanged.connect(self._item_changed)
            self.sorting.reset()
            self._update_drag()
        if old is not None:
            old.deleteLater()
        self.status_filter.setCurrentIndex(0)
        for widget in (self.booklet_button, self.only_findings_check, self.status_filter):
            widget.setEnabled(has)
        self._update_review_column()

    def _review_mode_changed(self, _on: bool) -> None:
        self._update_drag()
        self._update_review_column()

    def _item_changed(self, _path: ItemPath, field: str) -> None:
        if field == "review" and self.view.isColumnHidden(REVIEW):
            self._update_review_column()

    def _update_review_column(self) -> None:
        """The 审核 column is shown in review mode and whenever the file carries review state (a
        returned file the clerk opens); a clerk's own file has no use for it."""
        document = self.context.document
        if document is None or self.model is None:
            return
        shown = document.review_mode or any(p.review is not None for _d, p in document.booklet.projects())
        self.view.setColumnHidden(REVIEW, not shown)

    def _update_drag(self) -> None:
        document = self.context.document
        movable = document is not None and not document.review_mode and not self.sorting.sorted
        self.view.setDragEnabled(movable)

    def _findings_changed(self, _changed: object) -> None:
        if self.only_findings_check.isChecked():
            self._refilter.start()

    def _findings_settled(self) -> None:
        if self.only_findings_check.isChecked():
            self.proxy.invalidate()

    # -- selection --------------------------------------------------------------------------------

    def current_path(self) -> ItemPath:
        if self.model is None:
            return ()
        return self.model.path(self.proxy.mapToSource(self.view.currentIndex()))

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self.model is not None:
            self.context.set_current(self.model.path(self.proxy.mapToSource(current)))

    def selected_paths(self) -> tuple[ItemPath, ...]:
        """The selected units, projects and rows, in booklet order."""
        if self.model is None:
            return ()
        rows = self.view.selectionModel().selectedRows()
        return tuple(sorted({self.model.path(self.proxy.mapToSource(index)) for index in rows}))

    def select_path(self, path: ItemPath) -> None:
        if self.model is None:
            return
        if not path:
            self.show_booklet_page()
            return
        source = self.model.index_for(path)
        # A finding or search hit must always be reachable: drop the filters that hide it, the
        # only-findings one first, then the 审核 status one.
        if self.only_findings_check.isChecked() and not self.proxy.mapFromSource(source).isValid():
            self.only_findings_check.setChecked(False)
        if not self.proxy.mapFromSource(source).isValid():
            self.status_filter.setCurrentIndex(0)
        index = self.proxy.mapFromSource(source)
        if len(path) > 1:
            self.view.expand(index.parent())
        self.view.setCurrentIndex(index)
        self.view.selectionModel().select(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.view.scrollTo(index)

    def _navigate(self, path: ItemPath, _field: object) -> None:
        # Rows are shown in the project page's table; the tree shows their project. The cover and
        # the 编制说明 are the booklet page's.
        self.select_path(() if path[:1] == PREFACE else path[:2])

    def show_booklet_page(self) -> None:
        if self.model is None:
            return
        self.view.selectionModel().clearCurrentIndex()
        self.view.clearSelection()
        self.context.set_current(())

    # -- filters ----------------------------------------------------------------------------------

    def _toggle_only_findings(self, on: bool) -> None:
        self.proxy.only_findings = on
        self.proxy.invalidate()

    def _status_filter_changed(self, _index: int) -> None:
        value = self.status_filter.currentData()
        self.proxy.review_status = None if value in (None, ALL_STATUSES) else EffectiveStatus(value)
        self.proxy.invalidate()
        if self.proxy.review_status is not None:
            self.view.expandToDepth(0)


__all__ = ["TreePanel"]

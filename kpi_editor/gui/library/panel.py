"""The 指标库 dock: search the library as you type, filter by 一级/二级/project type, insert a row.

Each result shows its 三级指标, the 指标值 pattern (□ for the numbers to fill), the 指标解释 and
where it came from. Double-click, Enter or 插入到当前项目 puts the row into the current project's
block of its 二级 (a skeleton row of that block first), one undo step.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kpi_editor.app.document import Document
from kpi_editor.app.operations import Outcome
from kpi_editor.domain.model import Project
from kpi_editor.domain.suggest import LibraryIndex, Suggestion
from kpi_editor.gui.context import EditorContext
from kpi_editor.gui.library.edits import insert_picked
from kpi_editor.gui.library.results import SuggestionDelegate, SuggestionListModel

LIMIT = 200  # results shown; the search stops once it has this many (most used first)


class LibraryPanel(QWidget):
    # The clerk asked to add a library file (the feature owns the file dialog and the store).
    addLibraryRequested = Signal()

    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.index: LibraryIndex | None = None
        self.document: Document | None = None
        self.loading = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.problem_label = QLabel(self)
        self.problem_label.setObjectName("libraryProblems")
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet("QLabel#libraryProblems { color: #b26a00; }")
        self.problem_label.hide()
        layout.addWidget(self.problem_label)
        self.search_edit = QLineEdit(self)
        self.search_edit.setPlaceholderText(self.tr("搜索指标：名称、指标值、解释或来源项目"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self.search)
        layout.addWidget(self.search_edit)
        filters = QHBoxLayout()
        self.level1_combo = QComboBox(self)
        self.level2_combo = QComboBox(self)
        self.type_combo = QComboBox(self)
        for combo in (self.level1_combo, self.level2_combo, self.type_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(5)
            combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            filters.addWidget(combo, 1)
        self.level1_combo.setToolTip(self.tr("只看一个一级指标下的指标"))
        self.type_combo.setToolTip(self.tr("只看适用于一类项目的指标（会议、培训、购置……）"))
        self.level1_combo.currentIndexChanged.connect(self._level1_changed)
        self.level2_combo.currentIndexChanged.connect(self._level2_changed)
        self.type_combo.currentIndexChanged.connect(self.search)
        layout.addLayout(filters)
        self.level2_label = QLabel(self)  # what the chosen 二级 measures
        self.level2_label.setWordWrap(True)
        self.level2_label.hide()
        layout.addWidget(self.level2_label)
        self.model = SuggestionListModel(self)
        self.view = QListView(self)
        self.view.setModel(self.model)
        self.view.setItemDelegate(SuggestionDelegate(self.view))
        self.view.setUniformItemSizes(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.doubleClicked.connect(lambda _index: self.insert_selected())
        # Enter inserts too (not `activated`: it also fires on the double-click, and on a single
        # click where the platform activates on one).
        self.view.installEventFilter(self)
        self.search_edit.installEventFilter(self)
        self.view.selectionModel().currentChanged.connect(lambda *_: self.update_actions())
        layout.addWidget(self.view, 1)
        buttons = QHBoxLayout()
        self.count_label = QLabel(self)
        buttons.addWidget(self.count_label, 1)
        self.add_button = QPushButton(self.tr("添加指标库…"), self)
        self.add_button.setToolTip(self.tr("添加财政局等分发的指标库文件（*.library.json）"))
        self.add_button.clicked.connect(self.addLibraryRequested.emit)
        buttons.addWidget(self.add_button)
        self.insert_button = QPushButton(self.tr("插入到当前项目"), self)
        self.insert_button.clicked.connect(self.insert_selected)
        buttons.addWidget(self.insert_button)
        layout.addLayout(buttons)
        context.currentChanged.connect(lambda _path: self.update_actions())
        self.set_index(None, None)

    # -- what the panel searches --------------------------------------------------------------------

    def set_index(self, index: LibraryIndex | None, document: Document | None, loading: bool = False) -> None:
        """Search `index` for `document` (its template and fiscal year); None: nothing to search yet."""
        if self.document is not None and self.document is not document:
            self.document.reviewModeChanged.disconnect(self._review_mode_changed)
        if document is not None and document is not self.document:
            document.reviewModeChanged.connect(self._review_mode_changed)
        self.document = document
        self.loading = loading
        changed = index is not self.index
        self.index = index
        if changed:
            self._fill_filters()
        self.search()

    def _review_mode_changed(self, _on: bool) -> None:
        self.update_actions()

    def show_problems(self, errors: list[str]) -> None:
        """Library files left out: the first message in full, the rest in the tooltip."""
        if not errors:
            self.problem_label.hide()
            return
        head = self.tr("有{count}个指标库文件无法使用，已跳过：").format(count=len(errors))
        self.problem_label.setText(f"{head}{errors[0]}" + ("……" if len(errors) > 1 else ""))
        self.problem_label.setToolTip("\n".join(errors))
        self.problem_label.show()

    def _fill_filters(self) -> None:
        template = self.document.template if self.document is not None else None
        chosen = (
            self.level1_combo.currentData(),
            self.level2_combo.currentData(),
            self.type_combo.currentData(),
        )
        for combo in (self.level1_combo, self.level2_combo, self.type_combo):
            combo.blockSignals(True)
            combo.clear()
        self.level1_combo.addItem(self.tr("全部一级指标"), None)
        self.type_combo.addItem(self.tr("全部项目类型"), None)
        if template is not None:
            for name in template.level1_names:
                self.level1_combo.addItem(name, name)
        if self.index is not None:
            for name, label in self.index.project_type_labels.items():
                self.type_combo.addItem(label, name)
        for combo, value in zip((self.level1_combo, self.type_combo), (chosen[0], chosen[2]), strict=True):
            position = combo.findData(value)
            combo.setCurrentIndex(max(position, 0))
        self._fill_level2(chosen[1])
        for combo in (self.level1_combo, self.level2_combo, self.type_combo):
            combo.blockSignals(False)

    def _fill_level2(self, keep: str | None) -> None:
        template = self.document.template if self.document is not None else None
        combo = self.level2_combo
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("全部二级指标"), None)
        if template is not None:
            for name in template.level2_names(self.level1_combo.currentData()):
                combo.addItem(name, name)
                note = self.index.level2_explanation(name) if self.index is not None else ""
                combo.setItemData(combo.count() - 1, note or None, Qt.ItemDataRole.ToolTipRole)
        combo.setCurrentIndex(max(combo.findData(keep), 0))
        combo.blockSignals(False)
        self._show_level2_note()

    def _level1_changed(self) -> None:
        self._fill_level2(self.level2_combo.currentData())
        self.search()

    def _level2_changed(self) -> None:
        self._show_level2_note()
        self.search()

    def _show_level2_note(self) -> None:
        level2 = self.level2_combo.currentData()
        note = self.index.level2_explanation(level2) if self.index is not None and level2 else ""
        self.level2_label.setText(f"{level2}：{note}" if note else "")
        self.level2_label.setVisible(bool(note))
        self.level2_combo.setToolTip(note or self.tr("只看一个二级指标下的指标"))

    # -- searching ----------------------------------------------------------------------------------

    def search(self, *_args: object) -> list[Suggestion]:
        """Run the search box's words with the filters; the list shows the result at once."""
        index, document = self.index, self.document
        if index is None or document is None:
            self.model.set_items([])
            if document is None:
                self.count_label.setText(self.tr("打开文件后可使用指标库"))
            else:
                self.count_label.setText(self.tr("正在载入指标库…") if self.loading else "")
            self.update_actions()
            return []
        found = index.search(
            self.search_edit.text(),
            document.booklet.fiscal_year,
            level1=self.level1_combo.currentData(),
            level2=self.level2_combo.currentData(),
            project_type=self.type_combo.currentData(),
            limit=LIMIT,
        )
        self.model.notes = {name: index.level2_explanation(name) for name in document.template.level2_names()}
        self.model.set_items(found)
        if found:
            self.view.setCurrentIndex(self.model.index(0))
        if len(found) >= LIMIT:
            self.count_label.setText(self.tr("显示最常用的{count}条").format(count=LIMIT))
        else:
            self.count_label.setText(self.tr("找到{count}条").format(count=len(found)))
        self.update_actions()
        return found

    # -- inserting ----------------------------------------------------------------------------------

    def target(self) -> Project | None:
        """The project an insert goes into: the one the clerk is on."""
        path = self.context.current_project()
        if self.document is None or path is None:
            return None
        project: Project = self.document.item(path)
        return project

    def selected(self) -> Suggestion | None:
        current = self.view.currentIndex()
        return self.model.suggestion(current.row()) if current.isValid() else None

    def update_actions(self) -> None:
        project = self.target()
        item = self.selected()
        review = self.document is not None and self.document.review_mode
        self.insert_button.setEnabled(project is not None and item is not None and not review)
        self.add_button.setEnabled(self.document is not None)
        if project is None:
            tip = self.tr("先在左侧选择一个项目")
        elif review:
            tip = self.tr("审核模式下不能修改表格内容")
        elif item is None:
            tip = self.tr("先在列表中选择一条指标")
        else:
            tip = self.tr("插入到“{project}”的“{level2}”下（双击或回车也可插入）").format(
                project=project.name, level2=item.level2
            )
        self.insert_button.setToolTip(tip)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if watched is self.view and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.insert_selected()
                return True
            if watched is self.search_edit and key == Qt.Key.Key_Down and self.model.rowCount():
                self.view.setFocus()  # from the search box down into the results, as in a browser
                return True
        return super().eventFilter(watched, event)

    def insert_selected(self) -> Outcome:
        """The selected result into the current project, one undo step; the keyboard stays here,
        so the clerk can go on picking."""
        path = self.context.current_project()
        item = self.selected()
        if path is None or item is None:
            if item is not None:
                self.context.show_message(self.tr("先在左侧选择一个项目，再插入指标"), 5000)
            return Outcome()
        focus = self.view.hasFocus() or self.search_edit.hasFocus()
        outcome = insert_picked(self.context, path, [item])
        if outcome:
            self.context.show_message(
                self.tr("已插入“{name}”到“{level2}”：请把指标值中的□换成数字").format(
                    name=item.name, level2=item.level2
                ),
                8000,
            )
            if focus:
                self.view.setFocus()
        return outcome


__all__ = ["LibraryPanel"]

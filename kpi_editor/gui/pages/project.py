"""The project page: name, unit, funding, and the indicator table with its row actions.

Every change is an operation (``app/operations.py``); the fields and the table follow the document
when an undo changes it.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QItemSelectionModel, QMimeData, QModelIndex, QTimer
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemDelegate,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableView,
    QWidget,
)

from kpi_editor.app.document import Document, ItemPath
from kpi_editor.app.operations import Outcome
from kpi_editor.domain.edits import Edit, EditPlan, InsertItems, SetValue
from kpi_editor.domain.engine import Finding, Severity
from kpi_editor.domain.labels import FUNDING_NAMES
from kpi_editor.domain.model import FUNDING_FIELDS, Indicator, Project
from kpi_editor.domain.rollover import carried_amount_fields
from kpi_editor.domain.skeleton import block_insertion_row
from kpi_editor.domain.targets import field_of as single_field
from kpi_editor.gui.actions import make_action
from kpi_editor.gui.context import EditorContext
from kpi_editor.gui.pages.base import Page
from kpi_editor.gui.pages.delegates import IndicatorDelegate
from kpi_editor.gui.pages.indicator_model import ROW_MIME, IndicatorTableModel
from kpi_editor.gui.pages.table import IndicatorTableView
from kpi_editor.gui.widgets import AmountEdit
from kpi_editor.io.tsv import format_tsv, parse_tsv, rows_from_table, rows_to_tsv

SEVERITY_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
ROW_BUTTONS = ("addRow", "insertRow", "duplicateRow", "deleteRow", "moveUp", "moveDown")


class ProjectPage(Page):
    CONTENT_BUTTONS = ("fillTotalsButton", *(f"{name}Button" for name in ROW_BUTTONS))
    CUSTOM_WIDGETS = (IndicatorTableView,)

    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__("project_editor", context, parent)
        self.project: Project | None = None
        self.model: IndicatorTableModel | None = None
        self.name_edit = self.child(QLineEdit, "nameEdit")
        self.unit_edit = self.child(QLineEdit, "unitEdit")
        self.bind_text(self.name_edit, "name", self.path)
        self.bind_text(self.unit_edit, "unit_name", self.path)
        # The template's text rows: key → (label, field), built when the document or its form changes.
        self.text_edits: dict[str, tuple[QLabel, QPlainTextEdit]] = {}
        self.amounts: dict[str, AmountEdit] = {}
        self.amount_labels: dict[str, QLabel] = {}
        for field in FUNDING_FIELDS:
            edit = self.child(AmountEdit, f"{field}Edit")
            self.amounts[field] = edit
            self.amount_labels[field] = self.child(QLabel, f"{field}Label")
            edit.textEdited.connect(lambda _text, f=field: self._amount_edited(f))
            edit.editingFinished.connect(lambda f=field: self._amount_finished(f))
        self.child(QAbstractButton, "fillTotalsButton").clicked.connect(self.fill_totals)
        self.table = self.child(IndicatorTableView, "indicatorView")
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Row heights follow wrapped text, which depends on column widths; Qt does not redo them
        # when a column (the stretched 指标值 one, on every window resize) changes width.
        # Done once the widths settle: a page laid out while hidden gets its widths in several steps.
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.timeout.connect(self._fit_rows)
        self.table.horizontalHeader().sectionResized.connect(lambda *_section: self._fit_timer.start(0))
        self.buttons = {name: self.child(QAbstractButton, f"{name}Button") for name in ROW_BUTTONS}
        self.buttons["addRow"].clicked.connect(self.add_row)
        self.buttons["insertRow"].clicked.connect(self.insert_row)
        self.buttons["duplicateRow"].clicked.connect(self.duplicate_rows)
        self.buttons["deleteRow"].clicked.connect(self.remove_rows)
        self.buttons["moveUp"].clicked.connect(lambda: self.move_rows(-1))
        self.buttons["moveDown"].clicked.connect(lambda: self.move_rows(1))
        self.add_row_action = make_action(self, self.tr("添加指标行"), self.add_row, "Ctrl+Return")
        self.insert_row_action = make_action(self, self.tr("插入指标行"), self.insert_row, "Ctrl+Shift+=")
        self.remove_rows_action = make_action(self, self.tr("删除行"), self.remove_rows, "Ctrl+-", local=True)
        self.copy_rows_action = make_action(
            self, self.tr("复制"), self.copy_rows, QKeySequence.StandardKey.Copy, local=True
        )
        self.paste_rows_action = make_action(
            self, self.tr("粘贴"), self.paste_rows, QKeySequence.StandardKey.Paste, local=True
        )
        self.fill_totals_action = make_action(self, self.tr("由分项计算财政拨款与合计"), self.fill_totals)
        # The table owns these keys while it has focus; the menu's entries act on it too.
        for action in (self.copy_rows_action, self.paste_rows_action, self.remove_rows_action):
            self.table.addAction(action)
        self.table.clearRequested.connect(self.clear_cells)

    # -- document and project ---------------------------------------------------------------------

    def path(self) -> ItemPath | None:
        return self.model.project_path() if self.model is not None else None

    def _fit_rows(self) -> None:
        self.table.verticalHeader().resizeSections(QHeaderView.ResizeMode.ResizeToContents)

    def document_changed(self, document: Document | None) -> None:
        self.project = None
        old = self.model
        if document is None or self.context.ops is None:
            self.model = None
            self.table.setModel(None)
        else:
            document.itemChanged.connect(self._item_changed)
            document.findingsChanged.connect(self._findings_changed)
            self.model = IndicatorTableModel(document, self.context.ops, self)
            self.table.setModel(self.model)
            self.table.selectionModel().currentChanged.connect(self._table_current_changed)
            # After the model's own slot: the columns are the new template's when this runs.
            document.templateChanged.connect(self._show_template)
            self._show_template()
        if old is not None:
            old.deleteLater()
        has = document is not None
        for action in (
            self.add_row_action,
            self.insert_row_action,
            self.remove_rows_action,
            self.copy_rows_action,
            self.paste_rows_action,
            self.fill_totals_action,
        ):
            action.setEnabled(has)

    def _show_template(self) -> None:
        """What the form template decides: the table's editors and column widths, the funding labels."""
        document = self.document
        if document is None or self.model is None:
            return
        old = self.table.itemDelegate()
        self.table.setItemDelegate(IndicatorDelegate(document.template, self.model.keys, self.table))
        if old is not None:
            old.deleteLater()
        header = self.table.horizontalHeader()
        widths = [column.width for column in document.template.columns]
        unit = 600 / sum(widths)
        for column, width in enumerate(widths[:-1]):
            header.resizeSection(column, int(width * unit))
        self._show_funding_labels()
        self._show_text_rows()

    def _show_text_rows(self) -> None:
        """The form's text rows of a table (年度目标, 实施期绩效目标, 财政部门审核意见): one field each,
        under the project's name and unit."""
        assert self.document is not None
        header = self.child(QFormLayout, "headerForm")
        for label, _edit in self.text_edits.values():
            header.removeRow(label)  # deletes the label and its field
        self.text_edits = {}
        for spec in self.document.template.project_texts:
            label = QLabel(spec.label, self.form)
            edit = QPlainTextEdit(self.form)
            edit.setObjectName(f"text_{spec.key}")
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 3 + 12)
            header.addRow(label, edit)
            self.bind_text(edit, f"texts:{spec.key}", self.path)
            edit.setReadOnly(self.document.review_mode)
            self.text_edits[spec.key] = (label, edit)
        if self.project is not None:
            self._show_texts(self.project)

    def _show_texts(self, project: Project) -> None:
        for key, (_label, edit) in self.text_edits.items():
            self.show_text(edit, (project.texts or {}).get(key, ""))

    def _show_funding_labels(self) -> None:
        if self.document is None:
            return
        template, year = self.document.template, self.document.booklet.fiscal_year
        for field, label in self.amount_labels.items():
            try:
                label.setText(template.funding_label(field, year))
            except KeyError:
                # A row this form does not print (a Sichuan table has three): named, and shown only
                # for a project that has an amount there (see _show_unprinted_rows).
                label.setText(self.tr("{name}（本表样不打印）").format(name=FUNDING_NAMES[field]))
        self._show_unprinted_rows()

    def _show_unprinted_rows(self) -> None:
        if self.document is None:
            return
        printed = {row.field for row in self.document.template.funding_rows}
        for field, label in self.amount_labels.items():
            shown = field in printed or (
                self.project is not None and self.project.funding.get(field) is not None
            )
            label.setVisible(shown)
            self.amounts[field].setVisible(shown)

    def set_read_only(self, on: bool) -> None:
        super().set_read_only(on)
        for action in (
            self.add_row_action,
            self.insert_row_action,
            self.remove_rows_action,
            self.paste_rows_action,
            self.fill_totals_action,
        ):
            action.setEnabled(self.document is not None and not on)
        editor = self.table.focusWidget() if self.table.state() == QTableView.State.EditingState else None
        if on and editor is not None:
            # A cell editor left open would have every further key refused with a message box;
            # what it already committed stays.
            self.table.itemDelegate().closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def set_project(self, project: Project) -> None:
        if project is not self.project:
            self.end_sessions()
        self.project = project
        assert self.model is not None
        self.model.set_project(project)
        self.show_text(self.name_edit, project.name)
        self.show_text(self.unit_edit, project.unit_name)
        self._show_texts(project)
        self._show_unprinted_rows()
        for field, edit in self.amounts.items():
            if not edit.hasFocus():
                edit.set_value(project.funding.get(field))
        self.mark_funding()
        self.mark_carried()

    def mark_carried(self) -> None:
        """Amounts a rollover kept that still equal last year's show as 上年数 until changed."""
        if self.project is None:
            return
        carried = carried_amount_fields(self.project)
        previous = self.project.previous_funding
        for field, edit in self.amounts.items():
            edit.set_previous(previous.get(field) if previous is not None else None, field in carried)

    def _findings_changed(self, project_ids: set[str] | None) -> None:
        if self.project is not None and (project_ids is None or self.project.id in project_ids):
            self.mark_funding()

    def mark_funding(self) -> None:
        """The funding fields show their own findings (合计 that does not add up …), as cells do."""
        if self.project is None or self.document is None:
            return
        by_field: dict[str, list[Finding]] = {}
        for finding in self.document.project_findings(self.project.id):
            if finding.indicator is None and finding.field in self.amounts:
                by_field.setdefault(finding.field, []).append(finding)
        for field, edit in self.amounts.items():
            findings = by_field.get(field, [])
            worst = min(findings, key=lambda f: SEVERITY_RANK[f.severity]).severity if findings else None
            edit.set_marks(worst, [f.message for f in findings])

    def _table_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.context.set_row(current.row() if current.isValid() else None)

    # -- selection ----------------------------------------------------------------------------------

    def select_cell(self, row: int, key: str | None) -> None:
        if self.model is None or not 0 <= row < self.model.rowCount():
            return
        column = self.model.keys.index(key) if key in self.model.keys else 0
        index = self.model.index(row, column)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        self.table.setFocus()

    def focus_field(self, field: str) -> None:
        edit = self.amounts.get(field) or {"name": self.name_edit, "unit_name": self.unit_edit}.get(field)
        if edit is not None:
            edit.setFocus()
            edit.selectAll()

    def selected_rows(self) -> list[int]:
        selection = self.table.selectionModel()
        if selection is None:
            return []
        rows = {index.row() for index in selection.selectedIndexes()}
        current = self.table.currentIndex()
        if not rows and current.isValid():
            rows.add(current.row())
        return sorted(rows)

    def select_rows(self, first: int, last: int) -> None:
        if self.model is None or self.model.rowCount() == 0:
            return
        last = min(last, self.model.rowCount() - 1)
        first = min(first, last)
        selection = self.table.selectionModel()
        self.table.setCurrentIndex(self.model.index(first, 0))
        for row in range(first, last + 1):
            selection.select(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
            )

    def show_outcome(self, outcome: Outcome) -> Outcome:
        """Select what an operation on this project's rows says to show next."""
        if outcome.done and outcome.rows is not None:
            first, last = outcome.rows
            if outcome.column is not None:
                self.select_cell(first, outcome.column)
            else:
                self.select_rows(first, last)
        return outcome

    # -- funding ------------------------------------------------------------------------------------

    def _amount_edited(self, field: str) -> None:
        path = self.path()
        if self.context.ops is None or path is None:
            return
        try:
            value = self.amounts[field].value()
        except ValueError:
            return  # "-" or "." on the way to a number: wait for the next key
        self.context.ops.set_amount(path, field, value, self.session(f"funding.{field}"))

    def _amount_finished(self, field: str) -> None:
        self._sessions.pop(f"funding.{field}", None)
        # A refused value stays visible while typing; leaving the field shows what the document holds.
        if self.project is not None:
            self.amounts[field].set_value(self.project.funding.get(field))

    def fill_totals(self) -> Outcome:
        path = self.path()
        if self.context.ops is None or path is None:
            return Outcome()
        return self.context.ops.fill_totals(path)

    def _item_changed(self, path: ItemPath, field: str) -> None:
        if path == () and field == "fiscal_year":
            self._show_funding_labels()  # 2027年上级补助, 2026年结转资金
            return
        if self.project is None or len(path) != 2 or path != self.path():
            return
        if field == "name":
            self.show_text(self.name_edit, self.project.name)
        elif field == "unit_name":
            self.show_text(self.unit_edit, self.project.unit_name)
        elif field.startswith("texts:"):
            self._show_texts(self.project)
        elif field.startswith("funding."):
            name = field.removeprefix("funding.")
            edit = self.amounts[name]
            value = self.project.funding.get(name)
            try:
                shown = edit.value()
            except ValueError:
                shown = None
            typing = field in self._sessions  # the clerk's own keystroke coming back: "12." stays
            if shown != value or (value is not None and edit.text() != format(value, "f") and not typing):
                edit.set_value(value)
            self.mark_carried()
        elif field == "previous_funding":
            self.mark_carried()

    # -- rows ---------------------------------------------------------------------------------------

    def has_focus(self) -> bool:
        return self.table.hasFocus()

    def _rows_op(self) -> tuple[ItemPath, list[int]] | None:
        path = self.path()
        if self.context.ops is None or path is None:
            return None
        return path, self.selected_rows()

    def add_row(self) -> Outcome:
        target = self._rows_op()
        if target is None or self.context.ops is None:
            return Outcome()
        outcome = self.context.ops.add_row(target[0])
        if outcome.done and outcome.rows is not None:
            self.select_cell(outcome.rows[0], None)
        return outcome

    def insert_row(self) -> Outcome:
        target = self._rows_op()
        if target is None or self.context.ops is None:
            return Outcome()
        return self.show_outcome(self.context.ops.insert_row(*target))

    def duplicate_rows(self) -> Outcome:
        target = self._rows_op()
        if target is None or self.context.ops is None:
            return Outcome()
        return self.show_outcome(self.context.ops.duplicate_rows(*target))

    def delete_rows(self) -> Outcome:
        target = self._rows_op()
        if target is None or self.context.ops is None:
            return Outcome()
        return self.context.ops.delete_rows(*target)

    def move_rows(self, step: int) -> Outcome:
        target = self._rows_op()
        if target is None or self.context.ops is None:
            return Outcome()
        return self.show_outcome(self.context.ops.move_rows(*target, step))

    def remove_rows(self) -> Outcome:
        """删除行 (Ctrl+-, the button, the menu): asks first when a row has content."""
        target = self._rows_op()
        if target is None or self.context.ops is None or self.document is None or not target[1]:
            return Outcome()
        rows: list[Indicator] = self.document.child_items(target[0])
        filled = [r for r in target[1] if _has_content(rows[r])]
        if filled and not self.context.prompts.confirm(
            self.tr("删除指标行"),
            self.tr("删除所选的{count}个指标行？其中{filled}行有内容。删除后可以撤销（Ctrl+Z）。").format(
                count=len(target[1]), filled=len(filled)
            ),
        ):
            return Outcome()
        return self.context.ops.delete_rows(*target)

    def _selected_cells(self) -> list[tuple[int, int]]:
        selection = self.table.selectionModel()
        cells = (
            {(i.row(), i.column()) for i in selection.selectedIndexes()} if selection is not None else set()
        )
        current = self.table.currentIndex()
        if not cells and current.isValid():
            cells.add((current.row(), current.column()))
        return sorted(cells)

    def clear_cells(self) -> Outcome:
        """Delete / Backspace: empty the selected cells (the rows stay), one undo step."""
        path = self.path()
        if self.context.ops is None or path is None or self.model is None:
            return Outcome()
        keys = self.model.keys
        cells = [(row, keys[column], "") for row, column in self._selected_cells()]
        return self._set_cells(path, cells, self.tr("清除{count}个单元格").format(count=len(cells)))

    def _set_cells(self, path: ItemPath, cells: list[tuple[int, str, str]], text: str) -> Outcome:
        """(row, column key, text) cells as one undo step. Columns of one field are set as they are
        typed; parts of a target, weights and directions are read first (see `cell_plan`); columns
        of another version of the form are left alone."""
        assert self.context.ops is not None and self.model is not None
        model = self.model
        skipped = sum(1 for _, key, _ in cells if key in model.read_only_keys)
        cells = [c for c in cells if c[1] not in model.read_only_keys]
        if skipped:
            self.context.show_message(
                self.tr("有{count}个单元格属于只读的列，没有改动").format(count=skipped), 5000
            )
        template = model.template
        if all(single_field(key, template) is not None for _, key, _ in cells):
            plain = [(row, single_field(key, template) or key, value) for row, key, value in cells]
            return self.context.ops.set_cells(path, plain, text)
        edits: list[Edit] = []
        for row in sorted({row for row, _, _ in cells}):
            plan = model.cell_plan(row, [(key, value) for r, key, value in cells if r == row])
            if plan is None:
                return Outcome()  # the reason is shown as for any refused edit
            edits.extend(plan.edits)
        return self.context.ops.apply_plan(EditPlan(text, edits))

    def copy_rows(self) -> None:
        """Ctrl+C: the selected cells as Excel copies them; whole selected rows also as rows, so
        pasting them here inserts rows."""
        path = self.path()
        if path is None or self.model is None or self.document is None:
            return
        cells = self._selected_cells()
        if not cells:
            return
        rows = sorted({row for row, _ in cells})
        columns = sorted({column for _, column in cells})
        indicators: list[Indicator] = self.document.child_items(path)
        data = QMimeData()
        keys = self.model.keys
        whole_rows = len(columns) == len(keys) and len(cells) == len(rows) * len(keys)
        if whole_rows:
            items = [indicators[r] for r in rows]
            data.setText(rows_to_tsv(items, keys, self.model.template))
            payload = {"rows": rows, "items": [i.model_dump() for i in items]}
            data.setData(ROW_MIME, json.dumps(payload).encode())
        else:
            block = [[self.model.cell_text(r, keys[c]) for c in columns] for r in rows]
            data.setText(format_tsv(block))
        QGuiApplication.clipboard().setMimeData(data)
        count = len(rows) if whole_rows else len(cells)
        unit = self.tr("行") if whole_rows else self.tr("个单元格")
        self.context.show_message(self.tr("已复制{count}{unit}").format(count=count, unit=unit), 3000)

    def paste_rows(self, data: QMimeData | None = None) -> Outcome:
        """Ctrl+V. Whole rows (ours, or cells from Excel that start with 一级/二级) are inserted,
        each into its 二级 block; a cell or a block of cells overwrites the selected cells from the
        top-left one (one value fills every selected cell), as in Excel."""
        path = self.path()
        if self.context.ops is None or path is None or self.model is None or self.document is None:
            return Outcome()
        data = data or QGuiApplication.clipboard().mimeData()
        if data is None:
            return Outcome()
        if data.hasFormat(ROW_MIME):
            payload = json.loads(bytes(data.data(ROW_MIME).data()).decode())
            return self._insert_into_blocks(
                path, [Indicator.model_validate(item) for item in payload["items"]]
            )
        block = parse_tsv(data.text())
        if not block:
            self.context.show_message(self.tr("剪贴板中没有可粘贴的内容"), 3000)
            return Outcome()
        if self._are_rows(block):
            problems: list[str] = []
            rows = rows_from_table(block, self.model.keys, self.model.template, problems)
            if problems:
                self.context.show_message(
                    self.tr("有{count}个单元格无法读取，已留空：{first}").format(
                        count=len(problems), first=problems[0]
                    ),
                    8000,
                )
            return self._insert_into_blocks(path, rows)
        return self._paste_cells(path, block)

    def _are_rows(self, block: list[list[str]]) -> bool:
        """Cells that are whole rows of this table: as many columns, each row led by its 一级/二级."""
        assert self.document is not None and self.model is not None
        keys = self.model.keys
        template = self.document.template
        if "level2" not in keys or any(len(row) < len(keys) for row in block):
            return False
        at = keys.index("level2")
        return all(template.level2_spec(row[at].strip()) is not None for row in block)

    def _insert_into_blocks(self, path: ItemPath, items: list[Indicator]) -> Outcome:
        """Each row into its 二级 block: an empty skeleton row of that 二级 (as a new project starts
        with) is filled first, else the row goes after the block's last row. One undo step."""
        assert self.context.ops is not None and self.document is not None
        rows = list(self.document.child_items(path))
        edits: list[Edit] = []
        touched: list[Indicator] = []
        for item in items:
            blank = next(
                (
                    i
                    for i, row in enumerate(rows)
                    if row.level2 == item.level2 and _is_blank(row) and row not in touched
                ),
                None,
            )
            if blank is not None:
                for field in ("level1", "name", "value"):
                    edits.append(SetValue((*path, blank), field, getattr(item, field)))
                for field in _STRUCTURED_FIELDS:  # a form's parts, weights … where the row has them
                    if getattr(item, field) is not None:
                        edits.append(SetValue((*path, blank), field, getattr(item, field)))
                for key, text in item.extra.items():
                    edits.append(SetValue((*path, blank), f"extra:{key}", text))
                touched.append(rows[blank])
                continue
            at = block_insertion_row(rows, item.level2, self.document.template)
            rows.insert(at, item)
            touched.append(item)
            edits.append(InsertItems(path, at, (item,)))
        plan = EditPlan(self.tr("粘贴{count}行").format(count=len(items)), edits)
        outcome = self.context.ops.apply_plan(plan)
        if outcome and touched:
            first = min(i for i, row in enumerate(rows) if any(row is t for t in touched))
            self.select_rows(first, first)
        return outcome

    def _paste_cells(self, path: ItemPath, block: list[list[str]]) -> Outcome:
        assert self.context.ops is not None and self.model is not None
        keys = self.model.keys
        selected = self._selected_cells()
        if not selected:
            return Outcome()
        count = self.model.rowCount()
        if len(block) == 1 and len(block[0]) == 1:
            value = block[0][0]
            cells = [(row, keys[column], value) for row, column in selected]
        else:
            top = min(row for row, _ in selected)
            left = min(column for _, column in selected)
            cells = [
                (top + r, keys[left + c], text)
                for r, line in enumerate(block)
                for c, text in enumerate(line)
                if top + r < count and left + c < len(keys)
            ]
            clipped = sum(len(line) for line in block) - len(cells)
            if clipped:
                self.context.show_message(
                    self.tr("有{count}个单元格超出表格范围，没有粘贴").format(count=clipped), 5000
                )
        return self._set_cells(path, cells, self.tr("粘贴{count}个单元格").format(count=len(cells)))


_STRUCTURED_FIELDS = ("target", "weight", "direction", "basis", "explanation", "scoring", "period")


def _is_blank(row: Indicator) -> bool:
    """A skeleton row: its 一级/二级 set, nothing written yet."""
    return not _has_content(row)


def _has_content(row: Indicator) -> bool:
    return bool(row.name.strip() or row.value.strip() or any(v.strip() for v in row.extra.values()))


__all__ = ["ProjectPage"]

"""The one edit path: every change a user makes to a document is an operation here.

An operation checks what the document allows (review mode makes the content read-only; status and
comments change only in review mode), validates values before anything reaches the stack
(RasCAL-2), builds its undo commands and pushes them as one step (git-cola's command objects), and
returns an `Outcome` saying what changed and what to show next (Anki's operations). Nothing else
pushes to the undo stack: the views and dialogs call these methods.

A refused operation changes nothing and says why through ``document.editRejected`` (the window
shows it) and in ``Outcome.refused``.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from typing import Any, Literal

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from kpi_editor.app.commands import (
    ApplyPlan,
    EditRejected,
    Insert,
    Move,
    Remove,
    SetField,
    SetReview,
    duplicate,
    field_label,
    is_noop_move,
)
from kpi_editor.app.document import Document
from kpi_editor.domain.approval import (
    StatusBlocker,
    batch_approval_blockers,
    batch_status_plan,
    project_paths,
)
from kpi_editor.domain.edits import (
    PREFACE,
    EditError,
    EditPlan,
    InsertItems,
    ItemPath,
    RemoveItems,
    SetValue,
)
from kpi_editor.domain.model import FUNDING_FIELDS, Department, Indicator, PrefaceSection, Project
from kpi_editor.domain.review import ProjectReview, ReviewStatus, comment, reply_to
from kpi_editor.domain.review import set_resolved as mark_resolved
from kpi_editor.domain.skeleton import required_rows


def _tr(text: str) -> str:
    return QCoreApplication.translate("operations", text)


# What the user answers when projects to approve have errors: approve them all, only those without
# errors, or (None) nothing.
ApprovalAnswer = Literal["all", "without_errors"] | None
ApprovalQuestion = Callable[[Sequence[StatusBlocker], int], ApprovalAnswer]


class Access(Enum):
    CONTENT = "content"  # the table's content: refused in review mode
    REVIEW = "review"  # status and comments: only in review mode
    ANSWER = "answer"  # replying to a comment, ticking it resolved: the clerk does it outside review mode


@dataclass(frozen=True)
class Outcome:
    """What an operation did: whether anything changed, why not, and what the views should show."""

    done: bool = False
    refused: str = ""
    select: ItemPath | None = None  # the item to show next (a new project, the row moved …)
    rows: tuple[int, int] | None = None  # indicator rows of `select`'s project to select
    column: str | None = None  # the column of the first selected row to focus

    def __bool__(self) -> bool:
        return self.done


def review_refusal() -> str:
    return QCoreApplication.translate(
        "review",
        "审核模式下表格内容只读：只能修改审核状态和审核意见。请在“审核”菜单中关闭审核模式后再修改内容。",
    )


def review_only() -> str:
    return QCoreApplication.translate(
        "review", "审核状态和审核意见只能在审核模式下修改（“审核”菜单 ▸ 审核模式）。"
    )


class Operations:
    """Every change to one document, as one undo step each."""

    def __init__(self, document: Document, ask_approval: ApprovalQuestion | None = None) -> None:
        self.document = document
        # Asked before projects with errors are approved (the window asks the user); without it,
        # as in a script, they are approved.
        self.ask_approval = ask_approval

    # -- the one place that pushes ----------------------------------------------------------------

    def refusal(self, access: Access = Access.CONTENT) -> str:
        """Why an operation of this kind cannot run now; empty when it can."""
        review_mode = self.document.review_mode
        if access is Access.CONTENT and review_mode:
            return review_refusal()
        if access is Access.REVIEW and not review_mode:
            return review_only()
        return ""

    def _refuse(self, message: str) -> Outcome:
        self.document.editRejected.emit(message)
        return Outcome(refused=message)

    def _push(
        self,
        text: str,
        commands: Sequence[QUndoCommand],
        access: Access = Access.CONTENT,
        *,
        select: ItemPath | None = None,
        rows: tuple[int, int] | None = None,
        column: str | None = None,
    ) -> Outcome:
        refused = self.refusal(access)
        if refused:
            return self._refuse(refused)
        if not commands:
            return Outcome()
        stack = self.document.undo_stack
        if len(commands) == 1:
            if not commands[0].text():
                commands[0].setText(text)
            stack.push(commands[0])
        else:
            stack.beginMacro(text)
            for command in commands:
                stack.push(command)
            stack.endMacro()
        return Outcome(True, select=select, rows=rows, column=column)

    def _set_fields(self, text: str, edits: Sequence[tuple[ItemPath, str, Any]]) -> Outcome:
        """Independent field edits as one step; every value is validated before anything is pushed."""
        refused = self.refusal()
        if refused:
            return self._refuse(refused)
        try:
            commands = [SetField(self.document, path, field, value) for path, field, value in edits]
        except EditRejected as exc:
            return self._refuse(str(exc))
        return self._push(text, [c for c in commands if c.new != c.old])

    # -- fields -----------------------------------------------------------------------------------

    def set_field(self, path: ItemPath, field: str, value: Any, session: int | None = None) -> Outcome:
        """One field. Consecutive edits of one cell in one editing `session` merge into one step;
        Qt never merges into the command at the clean index, so saving starts a new step."""
        refused = self.refusal()
        if refused:
            return self._refuse(refused)
        try:
            command = SetField(self.document, path, field, value, session)
        except EditRejected as exc:
            return self._refuse(str(exc))
        top = self._merge_target(command)
        if top is not None and command.new != top.old:
            # Merged here rather than by push(): a pushed command belongs to the stack's Python
            # wrapper, which (PySide6 6.11) keeps every merged-away command alive, one per
            # keystroke, until the stack itself dies. This one is never pushed and is freed on return.
            top.mergeWith(command)
            top.redo()
            return Outcome(True, select=path)
        if command.new != command.old:
            # A new step, or typed back to where the session started (Qt drops the obsolete step).
            self.document.undo_stack.push(command)
            return Outcome(True, select=path)
        return Outcome()

    def _merge_target(self, command: SetField) -> SetField | None:
        """The command ``stack.push(command)`` would merge `command` into, or ``None``.

        Qt's rule: the last command, same id() (never -1), not at the clean index, and no redo steps
        after it (push would drop them first). Only editing sessions merge, and no session edit is
        made inside a macro, whose children this cannot see.
        """
        stack = self.document.undo_stack
        index = stack.index()
        if command.id() == -1 or index == 0 or index != stack.count() or index == stack.cleanIndex():
            return None
        top = stack.command(index - 1)
        if not isinstance(top, SetField) or top.id() != command.id() or not top.same_cell(command):
            return None
        return top

    def set_amount(
        self, project: ItemPath, name: str, value: Decimal | None, session: int | None = None
    ) -> Outcome:
        """A funding amount as typed. A negative amount is refused as typed (a file may still carry
        one: the funding.negative finding reports it)."""
        if value is not None and value < 0:
            template = self.document.template
            try:
                label = template.funding_label(name, self.document.booklet.fiscal_year)
            except KeyError:
                label = field_label(f"funding.{name}")
            return self._refuse(_tr("“{field}”不能为负数：请填写0或正数（万元）。").format(field=label))
        return self.set_field(project, f"funding.{name}", value, session)

    def fill_totals(self, project: ItemPath) -> Outcome:
        """由分项计算: 财政拨款 and 合计 from their parts (``Funding.filled_totals``), one step."""
        item: Project = self.document.item(project)
        filled = item.funding.filled_totals()
        edits = [(project, f"funding.{name}", filled[name]) for name in FUNDING_FIELDS if name in filled]
        return self._set_fields(_tr("由分项计算合计"), edits)

    def clear_cells(self, project: ItemPath, cells: Sequence[tuple[int, str]]) -> Outcome:
        """Empty the given (row, field) cells of a project's table as one step."""
        edits = [((*project, row), field, "") for row, field in cells]
        return self._set_fields(_tr("清除{count}个单元格").format(count=len(edits)), edits)

    def set_cells(self, project: ItemPath, cells: Sequence[tuple[int, str, str]], text: str = "") -> Outcome:
        """Overwrite (row, field, text) cells of a project's table as one step (pasting a block)."""
        edits = [((*project, row), field, value) for row, field, value in cells]
        return self._set_fields(text or _tr("粘贴{count}个单元格").format(count=len(edits)), edits)

    # -- plans (fixes, replace-all, year changes) -------------------------------------------------

    def apply_plan(self, plan: EditPlan, access: Access = Access.CONTENT) -> Outcome:
        """Every edit of `plan` as one undo step. Each value is validated before it is made: a
        refused one undoes the edits before it, so nothing is half applied. (Trying the plan on a
        copy of the booklet first cost as much as the plan on a large booklet.)"""
        refused = self.refusal(access)
        if refused:
            return self._refuse(refused)
        if not plan:
            return Outcome()
        made: list[QUndoCommand] = []
        with self.document.validating_once():
            try:
                for edit in plan.edits:
                    # Built and made one by one: each SetField records the value the edits before it left.
                    if isinstance(edit, SetValue):
                        command: QUndoCommand = SetField(self.document, edit.path, edit.field, edit.value)
                    elif isinstance(edit, InsertItems):
                        command = Insert(self.document, edit.parent, edit.row, list(edit.items))
                    else:
                        assert isinstance(edit, RemoveItems)
                        command = Remove(self.document, edit.parent, edit.row, edit.count)
                    command.redo()
                    made.append(command)
            except (EditRejected, EditError, IndexError, AttributeError) as exc:
                for command in reversed(made):
                    command.undo()
                return self._refuse(
                    QCoreApplication.translate("operations", "无法执行“{what}”：{reason}").format(
                        what=plan.description, reason=exc
                    )
                )
        self.document.undo_stack.push(ApplyPlan(self.document, plan.description, made))
        return Outcome(True)

    # -- structure: units, projects, sections -----------------------------------------------------

    def insert(self, parent: ItemPath, row: int, items: Sequence[Any], text: str = "") -> Outcome:
        if not items:
            return Outcome()
        last = row + len(items) - 1
        rows = (row, last) if len(parent) == 2 and parent != PREFACE else None
        select = parent if rows is not None else (*parent, row)
        return self._push(text, [Insert(self.document, parent, row, items, text)], select=select, rows=rows)

    def remove(self, parent: ItemPath, row: int, count: int = 1, text: str = "") -> Outcome:
        if count <= 0:
            return Outcome()
        return self._push(text, [Remove(self.document, parent, row, count, text)], select=parent)

    def move(self, source: ItemPath, row: int, destination: ItemPath, destination_row: int) -> Outcome:
        """Move one item; `destination_row` counts rows before the move (Qt's convention)."""
        if is_noop_move(source, row, destination, destination_row):
            return Outcome()
        command = Move(self.document, source, row, destination, destination_row)
        if len(source) == 2 and source == destination and source != PREFACE:
            return self._push("", [command], select=source, rows=(command.final_row, command.final_row))
        return self._push("", [command], select=(*destination, command.final_row))

    def move_by(self, path: ItemPath, step: int) -> Outcome:
        """Move a unit, project or row one place up (-1) or down (+1) among its siblings."""
        if not path:
            return Outcome()
        parent, row = path[:-1], path[-1]
        target = row + step
        if not 0 <= target < len(self.document.child_items(parent)):
            return Outcome()
        return self.move(parent, row, parent, target + 1 if step > 0 else target)

    def add_department(self, after: ItemPath = ()) -> Outcome:
        """A new unit after the current one (or at the end)."""
        row = after[0] + 1 if after else len(self.document.booklet.departments)
        department = Department(code="", name=_tr("新单位"))
        return self.insert((), row, [department], _tr("新建单位"))

    def add_project(self, at: ItemPath = ()) -> Outcome:
        """A new project, with the template's skeleton rows, after the current project (or at the
        end of the current unit); a booklet with no unit gets one first, in the same step."""
        booklet = self.document.booklet
        refused = self.refusal()
        if refused:
            return self._refuse(refused)
        commands: list[QUndoCommand] = []
        if not at:
            if not booklet.departments:
                commands.append(Insert(self.document, (), 0, [Department(code="", name=_tr("新单位"))]))
            at = (0,)
        department = booklet.departments[at[0]] if booklet.departments else None
        row = at[1] + 1 if len(at) >= 2 else (len(department.projects) if department else 0)
        project = Project(
            name=_tr("新项目"),
            unit_name=department.name if department else _tr("新单位"),
            indicators=required_rows(self.document.template),
        )
        commands.append(Insert(self.document, at[:1], row, [project]))
        return self._push(_tr("新建项目"), commands, select=(at[0], row))

    def duplicate(self, path: ItemPath) -> Outcome:
        """A copy of a unit or project right after it (a project's copy is named …（副本）)."""
        if not path:
            return Outcome()
        clone = duplicate(self.document.item(path))
        if isinstance(clone, Project):
            clone.name = _tr("{name}（副本）").format(name=clone.name)
        return self.insert(path[:-1], path[-1] + 1, [clone], _tr("创建副本"))

    def delete(self, path: ItemPath) -> Outcome:
        """Remove a unit (with its projects), a project or one row."""
        if not path:
            return Outcome()
        return self.remove(path[:-1], path[-1], 1, _tr("删除"))

    def add_section(self, row: int) -> Outcome:
        section = PrefaceSection(heading=_tr("新的一节"))
        return self.insert(PREFACE, row, [section], _tr("添加编制说明一节"))

    def remove_section(self, row: int) -> Outcome:
        return self.remove(PREFACE, row, 1, _tr("删除编制说明一节"))

    # -- indicator rows ---------------------------------------------------------------------------

    def add_row(self, project: ItemPath) -> Outcome:
        row = len(self.document.child_items(project))
        return self.insert(project, row, [Indicator()], _tr("添加指标行"))

    def insert_row(self, project: ItemPath, rows: Sequence[int]) -> Outcome:
        """A row above the first selected one, in its 一级/二级 block."""
        row = rows[0] if rows else 0
        indicators: list[Indicator] = self.document.child_items(project)
        above = indicators[row] if rows and row < len(indicators) else None
        new = Indicator(level1=above.level1, level2=above.level2) if above else Indicator()
        outcome = self.insert(project, row, [new], _tr("插入指标行"))
        return Outcome(outcome.done, outcome.refused, outcome.select, outcome.rows, "name")

    def duplicate_rows(self, project: ItemPath, rows: Sequence[int]) -> Outcome:
        if not rows:
            return Outcome()
        indicators = self.document.child_items(project)
        items = [copy.deepcopy(indicators[r]) for r in rows]
        return self.insert(project, rows[-1] + 1, items, _tr("复制指标行"))

    def delete_rows(self, project: ItemPath, rows: Sequence[int]) -> Outcome:
        """Remove the selected rows as one step (bottom first, so the row numbers hold)."""
        if not rows:
            return Outcome()
        commands = [Remove(self.document, project, row, 1) for row in sorted(set(rows), reverse=True)]
        text = _tr("删除{count}个指标行").format(count=len(commands))
        first = min(rows)
        remaining = len(self.document.child_items(project)) - len(commands)
        keep = min(first, remaining - 1)
        return self._push(text, commands, select=project, rows=(keep, keep) if keep >= 0 else None)

    def move_rows(self, project: ItemPath, rows: Sequence[int], step: int) -> Outcome:
        if len(rows) != 1:
            return Outcome()
        return self.move_by((*project, rows[0]), step)

    def paste_rows(self, project: ItemPath, after: Sequence[int], items: Sequence[Indicator]) -> Outcome:
        """Whole rows from the clipboard, inserted below the selection (or at the end)."""
        row = after[-1] + 1 if after else len(self.document.child_items(project))
        return self.insert(project, row, items, _tr("粘贴{count}行").format(count=len(items)))

    def drop_rows(
        self, project: ItemPath, rows: Sequence[int], items: Sequence[Indicator], row: int, move: bool
    ) -> Outcome:
        """Rows dragged within the table: one row moves; several rows (or a copy-drop) are copied."""
        if move and len(rows) == 1:
            return self.move(project, rows[0], project, row)
        return self.insert(project, row, items)

    # -- review state -----------------------------------------------------------------------------

    def _review(self, path: ItemPath, review: ProjectReview | None, text: str, access: Access) -> Outcome:
        refused = self.refusal(access)
        if refused:
            return self._refuse(refused)
        command = SetReview(self.document, path, review, text)
        if command.new == command.old:
            return Outcome()
        return self._push(text, [command], access, select=path)

    def _working_copy(self, path: ItemPath) -> ProjectReview:
        project: Project = self.document.item(path)
        return project.review.model_copy(deep=True) if project.review is not None else ProjectReview()

    def set_status(self, path: ItemPath, status: ReviewStatus, reviewer: str = "") -> Outcome:
        """Give one project `status`, stamped with `reviewer`, the time and the table's
        fingerprint (``approval.give_status``); approving a project with errors asks first."""
        return self.set_statuses([path], status, reviewer)

    def set_statuses(self, targets: Sequence[ItemPath], status: ReviewStatus, reviewer: str = "") -> Outcome:
        """Give `status` to every project under `targets` (units ``(d,)`` and projects ``(d, p)``)
        as one undo step. Projects that already have it on their current content are left alone.

        Approving projects that have errors asks `ask_approval` first: all of them, only those
        without errors, or nothing (a refused outcome; nothing is shown, the user chose it).
        """
        refused = self.refusal(Access.REVIEW)
        if refused:
            return self._refuse(refused)
        booklet = self.document.booklet
        paths = project_paths(booklet, targets)
        if status is ReviewStatus.APPROVED and self.ask_approval is not None:
            blockers = batch_approval_blockers(booklet, paths, self.document.template)
            if blockers:
                answer = self.ask_approval(blockers, len(paths))
                if answer is None:
                    return Outcome(refused=_tr("未设置审核状态：有错误的项目未确认审核通过。"))
                if answer == "without_errors":
                    failing = {b.path for b in blockers}
                    paths = [p for p in paths if p not in failing]
        plan = batch_status_plan(booklet, paths, status, reviewer)
        if len(paths) == 1:
            text = QCoreApplication.translate("review", "审核状态：{status}").format(status=status.value)
        else:
            text = QCoreApplication.translate("review", "批量设置审核状态：{status}（{count}个项目）").format(
                status=status.value, count=len(plan.edits)
            )
        commands = [
            SetReview(self.document, edit.path, edit.value, text)
            for edit in plan.edits
            if isinstance(edit, SetValue)  # a status plan holds nothing else
        ]
        select = paths[0] if len(paths) == 1 else None
        return self._push(text, commands, Access.REVIEW, select=select)

    def add_comment(
        self,
        path: ItemPath,
        text: str,
        author: str = "",
        indicator: int | None = None,
        field: str | None = None,
    ) -> Outcome:
        """A reviewer's comment on the project or on indicator row `indicator` (0-based), and on
        `field` of it when given (``value`` of the row, ``funding.total``, ``name`` …)."""
        text = text.strip()
        if not text:
            return Outcome()
        review = self._working_copy(path)
        review.comments.append(comment(text, author=author, indicator=indicator, field=field))
        return self._review(path, review, QCoreApplication.translate("review", "添加审核意见"), Access.REVIEW)

    def reply(self, path: ItemPath, index: int, text: str, author: str = "") -> Outcome:
        """An answer to comment `index`: the clerk saying what was done, or the reviewer following
        up (outside review mode too)."""
        if not text.strip():
            return Outcome()
        review = reply_to(self._working_copy(path), index, text.strip(), author)
        return self._review(path, review, QCoreApplication.translate("review", "答复审核意见"), Access.ANSWER)

    def set_resolved(self, path: ItemPath, index: int, resolved: bool, by: str = "") -> Outcome:
        """Mark comment `index` resolved by `by` now, or open it again (the clerk answers outside
        review mode)."""
        review = mark_resolved(self._working_copy(path), index, resolved, by)
        text = (
            QCoreApplication.translate("review", "审核意见已处理")
            if resolved
            else QCoreApplication.translate("review", "审核意见改为未处理")
        )
        return self._review(path, review, text, Access.ANSWER)

    def delete_comments(self, path: ItemPath, indexes: Sequence[int]) -> Outcome:
        review = self._working_copy(path)
        for index in sorted(set(indexes), reverse=True):
            del review.comments[index]
        return self._review(path, review, QCoreApplication.translate("review", "删除审核意见"), Access.REVIEW)


__all__ = [
    "Access",
    "ApprovalAnswer",
    "ApprovalQuestion",
    "Operations",
    "Outcome",
    "review_only",
    "review_refusal",
]

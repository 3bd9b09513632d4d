"""Edits as data: what a fix, a rollover or a replace-all would change, before anything changes.

Features below the window (quick fixes, find and replace, changing the fiscal year …) describe
their change as an `EditPlan`: a list of edits applied in order as one step. The app layer turns a
plan into one undoable macro on the document's stack; the command line applies it to a booklet
with `apply_plan`. Nothing here imports Qt.

Items are addressed by paths of row numbers: ``()`` the booklet, ``(d,)`` a department, ``(d, p)`` a
project, ``(d, p, i)`` an indicator row; ``PREFACE + (s,)`` a 编制说明 section. A field is an
attribute of the item (``name``, ``value``), a dotted attribute of a part of it (``funding.total``)
or ``extra:<key>`` for a template's extra column; ``texts:<key>`` is a project's text row
(年度目标, 财政部门审核意见: the template's ``project_texts``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ValidationError

from kpi_editor.domain.model import Booklet, Department, Project
from kpi_editor.domain.review import shift_after_insert, shift_after_remove

ItemPath = tuple[int, ...]
PREFACE: ItemPath = (-1,)


class EditError(ValueError):
    """An edit the model refuses (a value its validator rejects, a path that does not exist)."""


@dataclass(frozen=True)
class SetValue:
    """Set one field of one item."""

    path: ItemPath
    field: str
    value: Any


@dataclass(frozen=True)
class InsertItems:
    """Insert items (departments, projects, rows or sections) into `parent` before `row`."""

    parent: ItemPath
    row: int
    items: tuple[Any, ...]


@dataclass(frozen=True)
class RemoveItems:
    """Remove `count` children of `parent` starting at `row`."""

    parent: ItemPath
    row: int
    count: int = 1


Edit = SetValue | InsertItems | RemoveItems


@dataclass
class EditPlan:
    """Edits applied in order as one step; `description` names the step (撤销/重做 show it)."""

    description: str
    edits: list[Edit] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.edits)


_CHILDREN = ("departments", "projects", "indicators")


def item_at(booklet: Booklet, path: ItemPath) -> Any:
    """The booklet, department, project, indicator row or preface section at `path`."""
    if path[:1] == PREFACE:
        return booklet.preface[path[1]] if len(path) > 1 else booklet.preface
    node: Any = booklet
    for depth, row in enumerate(path):
        if row < 0:
            raise IndexError(row)
        node = getattr(node, _CHILDREN[depth])[row]
    return node


def children_at(booklet: Booklet, parent: ItemPath) -> list[Any]:
    """The list `parent`'s children live in (departments, projects, rows or preface sections)."""
    if parent == PREFACE:
        sections: list[Any] = booklet.preface
        return sections
    item = item_at(booklet, parent)
    for kind, name in ((Booklet, "departments"), (Department, "projects"), (Project, "indicators")):
        if isinstance(item, kind):
            children: list[Any] = getattr(item, name)
            return children
    raise EditError(f"{parent} 下没有可插入或删除的条目")


def field_value(booklet: Booklet, path: ItemPath, name: str) -> Any:
    """The current value of `name` on the item at `path` (``""`` for an unset extra column)."""
    target = _owner(item_at(booklet, path), name)
    leaf = name.rpartition(".")[2]
    if leaf.startswith("extra:"):
        extra: dict[str, str] = target.extra
        return extra.get(leaf.removeprefix("extra:"), "")
    if leaf.startswith("texts:"):
        texts: dict[str, str] | None = target.texts
        return (texts or {}).get(leaf.removeprefix("texts:"), "")
    return getattr(target, leaf)


def validated_value(target_item: Any, name: str, value: Any) -> Any:
    """`value` as the model stores it in field `name` of `target_item`; raises EditError."""
    target = _owner(target_item, name)
    leaf = name.rpartition(".")[2]
    if leaf.startswith(("extra:", "texts:")):
        if not isinstance(value, str):
            raise EditError("此列只能填写文字")
        if leaf.startswith("texts:") and not isinstance(target, Project):
            raise EditError(f"没有这个字段：{name}")
        return value
    if not isinstance(target, BaseModel) or leaf not in type(target).model_fields:
        raise EditError(f"没有这个字段：{name}")
    probe = target.model_copy()
    try:
        type(target).__pydantic_validator__.validate_assignment(probe, leaf, value)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise EditError(str(first.get("ctx", {}).get("error", "")) or first["msg"]) from exc
    return getattr(probe, leaf)


def set_field_value(item: Any, name: str, value: Any) -> None:
    """Store an already validated `value`; an empty extra column is removed, not kept as ``""``."""
    target = _owner(item, name)
    leaf = name.rpartition(".")[2]
    if leaf.startswith("extra:"):
        extra: dict[str, str] = target.extra
        key = leaf.removeprefix("extra:")
        if value:
            extra[key] = value
        else:
            extra.pop(key, None)
    elif leaf.startswith("texts:"):
        # A project that never had a text row keeps none (not ``{}``), so its file saves as before.
        texts = dict(target.texts or {})
        key = leaf.removeprefix("texts:")
        if value:
            texts[key] = value
        else:
            texts.pop(key, None)
        target.texts = texts or None
    else:
        setattr(target, leaf, value)


def apply_plan(booklet: Booklet, plan: EditPlan | Sequence[Edit]) -> None:
    """Apply the edits to `booklet` in place, in order (the command line's way; the editor's is
    the undo stack). Raises EditError, leaving earlier edits applied, when one is refused."""
    edits = plan.edits if isinstance(plan, EditPlan) else plan
    for edit in edits:
        try:
            if isinstance(edit, SetValue):
                item = item_at(booklet, edit.path)
                set_field_value(item, edit.field, validated_value(item, edit.field, edit.value))
            elif isinstance(edit, InsertItems):
                children_at(booklet, edit.parent)[edit.row : edit.row] = list(edit.items)
                if _is_project(edit.parent):  # row comments stay on their rows, as in the editor
                    shift_after_insert(item_at(booklet, edit.parent).review, edit.row, len(edit.items))
            else:
                del children_at(booklet, edit.parent)[edit.row : edit.row + edit.count]
                if _is_project(edit.parent):
                    shift_after_remove(item_at(booklet, edit.parent).review, edit.row, edit.count)
        except (IndexError, AttributeError) as exc:
            raise EditError(f"找不到要修改的位置：{edit}") from exc


def _is_project(parent: ItemPath) -> bool:
    return parent[:1] != PREFACE and len(parent) == 2


def _owner(item: Any, name: str) -> Any:
    owner = name.rpartition(".")[0]
    return getattr(item, owner) if owner else item


__all__ = [
    "PREFACE",
    "Edit",
    "EditError",
    "EditPlan",
    "InsertItems",
    "ItemPath",
    "RemoveItems",
    "SetValue",
    "apply_plan",
    "children_at",
    "field_value",
    "item_at",
    "set_field_value",
    "validated_value",
]

"""What a whole-booklet change (a rollover, a new fiscal year, another template) did and left undone.

Every changed cell with its old and new text, every cell left for the clerk with the reason and a
suggestion, every year mention kept as history, and notes about the booklet as a whole. The same
report serves the command line (a stderr summary and ``--report`` JSON) and the editor's dialog.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kpi_editor.domain.edits import PREFACE, ItemPath
from kpi_editor.domain.labels import COLUMN_NAMES, DEPARTMENT_NAMES, FRONT_NAMES, PROJECT_NAMES, SECTION_NAMES

__all__ = ["CellChange", "CellToCheck", "ChangeReport", "KeptMention", "Place"]


@dataclass(frozen=True, slots=True)
class Place:
    """A cell: its item path and field (as `kpi_editor.domain.edits` addresses it) and where that is."""

    path: ItemPath
    field: str
    department: str | None = None  # unit code
    project_id: str | None = None
    project: str | None = None  # project name
    row: int | None = None  # 0-based indicator row

    def describe(self) -> str:
        """``[101001] “人民代表大会会议经费” 第3行指标值``, ``封面标题``, ``编制说明第3节正文``."""
        if self.path[:1] == PREFACE:
            return f"编制说明第{self.path[1] + 1}节{SECTION_NAMES.get(self.field, self.field)}"
        if not self.path:
            return {"preface_title": "编制说明标题"}.get(
                self.field, f"封面{FRONT_NAMES.get(self.field, self.field)}"
            )
        where = f"[{self.department}]" if self.department else ""
        if self.project is not None:
            where += f" “{self.project}”"
        if self.row is not None:
            name = (
                self.field.removeprefix("extra:")
                if self.field.startswith("extra:")
                else COLUMN_NAMES.get(self.field, self.field)
            )
            return f"{where} 第{self.row + 1}行{name}"
        names = PROJECT_NAMES if self.project is not None else DEPARTMENT_NAMES
        return f"{where} {names.get(self.field, self.field)}"

    def as_json(self) -> dict[str, Any]:
        return {
            "path": list(self.path),
            "field": self.field,
            "department": self.department,
            "project_id": self.project_id,
            "project": self.project,
            # Rows are numbered from 1, as a clerk counts them (and as `kpi validate --json` does).
            "row": None if self.row is None else self.row + 1,
            "where": self.describe(),
        }


@dataclass(frozen=True, slots=True)
class CellChange:
    place: Place
    old: str
    new: str
    notes: tuple[str, ...] = ()  # why: ``2026 → 2027：预算年度``

    def as_json(self) -> dict[str, Any]:
        return {**self.place.as_json(), "old": self.old, "new": self.new, "notes": list(self.notes)}


@dataclass(frozen=True, slots=True)
class CellToCheck:
    """A cell left exactly as it was, for the clerk to decide."""

    place: Place
    text: str
    reasons: tuple[str, ...]
    suggestion: str | None = None  # what the cell would say with its years moved, if the clerk agrees

    def as_json(self) -> dict[str, Any]:
        return {
            **self.place.as_json(),
            "text": self.text,
            "reasons": list(self.reasons),
            "suggestion": self.suggestion,
        }


@dataclass(frozen=True, slots=True)
class KeptMention:
    """A year mention judged to be history and kept (``2025年结转``, ``十四五``)."""

    place: Place
    mention: str
    reason: str

    def as_json(self) -> dict[str, Any]:
        return {**self.place.as_json(), "mention": self.mention, "reason": self.reason}


@dataclass
class ChangeReport:
    title: str  # e.g. 由2026年度新建2027年度
    changed: list[CellChange] = field(default_factory=list)
    to_check: list[CellToCheck] = field(default_factory=list)
    kept: list[KeptMention] = field(default_factory=list)
    moved_mentions: int = 0  # year mentions moved (a changed cell may hold several)
    relative_mentions: int = 0  # 本年度, 当年, 较上年 …: right in any year, left alone
    notes: list[str] = field(default_factory=list)  # about the booklet as a whole
    about_years: bool = True  # a year change (the counts of year mentions mean something)

    def counts(self) -> dict[str, int]:
        return {
            "changed_cells": len(self.changed),
            "moved_mentions": self.moved_mentions,
            "kept_as_history": len(self.kept),
            "relative_mentions": self.relative_mentions,
            "cells_to_check": len(self.to_check),
        }

    def summary(self) -> list[str]:
        """The report in a few lines of Chinese: counts, notes, then every cell to check."""
        years = (
            f"（年份 {self.moved_mentions} 处），保留历史年份 {len(self.kept)} 处，"
            f"相对说法 {self.relative_mentions} 处未改"
            if self.about_years
            else ""
        )
        lines = [
            f"{self.title}：改动 {len(self.changed)} 个单元格{years}，待核对 {len(self.to_check)} 个单元格。",
            *self.notes,
        ]
        if self.to_check:
            lines.append("请核对（原样保留）：")
            for cell in self.to_check:
                hint = f"；可改为“{cell.suggestion}”" if cell.suggestion else ""
                lines.append(f"  {cell.place.describe()}：“{cell.text}” — {'；'.join(cell.reasons)}{hint}")
        return lines

    def as_json(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "counts": self.counts(),
            "notes": list(self.notes),
            "changed": [c.as_json() for c in self.changed],
            "to_check": [c.as_json() for c in self.to_check],
            "kept": [k.as_json() for k in self.kept],
        }

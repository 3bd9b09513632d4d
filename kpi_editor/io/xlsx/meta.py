"""The hidden metadata sheet of our own workbook export, read back with its exact shape checked.

The export writes it (``export._write_meta``); a workbook that went through other hands may carry
it damaged, nested a hundred thousand levels deep or with values of the wrong type. Reading
validates the whole structure with strict types (a department code that is an object is not
turned into the text ``{'a': 1}``); anything off makes the metadata unreadable as a whole and the
workbook is read like a hand-made one, which the report says. What a visible table shows always
wins over what the metadata says about it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from kpi_editor.domain.bounds import MAX_ROW_INDEX
from kpi_editor.io.xlsx import layout

# Our export of a 100× booklet writes about 40 MB of metadata; far more is not ours.
MAX_META_CHARS = 200 * 1024 * 1024


class _Strict(BaseModel):
    model_config = ConfigDict(strict=True, extra="ignore", frozen=True)


class HiddenRow(_Strict):
    i: int = Field(ge=0, le=MAX_ROW_INDEX)
    name: str = ""
    value: str = ""
    # Checked by the domain models when restored: a bad one is reported and skipped.
    target: dict[str, Any] | None = None
    extra: dict[str, str] = Field(default_factory=dict)
    # The whole row as the model saves it (structured forms); checked when restored.
    indicator: dict[str, Any] | None = None


class MetaTable(_Strict):
    sheet: str
    index: int = Field(ge=0)
    row: int = 0
    id: str = Field(min_length=1)
    name: str = ""
    rows: list[HiddenRow] = Field(default_factory=list)
    review: dict[str, Any] | None = None
    # Amounts (万元, as text) and text rows the form does not print, kept since a change of form.
    funding: dict[str, str] = Field(default_factory=dict)
    texts: dict[str, str] = Field(default_factory=dict)


class MetaDepartment(_Strict):
    code: str
    name: str = ""
    sheet: str | None = None


class MetaSection(_Strict):
    heading: str = ""
    body: str = ""


class MetaDocument(_Strict):
    format: str
    version: int
    fiscal_year: int | None = Field(default=None, ge=1990, le=2200)
    template_id: str | None = None
    template_version: str | None = None
    title: str = ""
    compiler: str = ""
    date: str = ""
    preface_title: str = ""
    preface: list[MetaSection] = Field(default_factory=list)
    departments: list[MetaDepartment]
    tables: list[MetaTable]
    front_sheets: list[str] = Field(default_factory=list)  # 封面, 编制说明, 目录 sheets


@dataclass
class Meta:
    """The metadata, indexed the way the importer looks things up."""

    document: MetaDocument
    departments: dict[str, MetaDepartment]  # sheet → its department
    order: dict[str, int]  # sheet → its department's place in the booklet
    empty: list[tuple[int, str, str]]  # (place, code, name) of departments exported without projects
    tables: dict[tuple[str, int], MetaTable]
    by_name: dict[tuple[str, str], list[MetaTable]] = field(default_factory=dict)


class MetaError(ValueError):
    """The metadata is not ours or is damaged; the message says where, in Chinese."""


def parse_meta(text: str) -> Meta:
    """The metadata sheet's text as a `Meta`, or `MetaError`."""
    if len(text) > MAX_META_CHARS:
        raise MetaError("内容过大")
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:  # RecursionError: nested thousands of levels deep
        raise MetaError(f"不是有效的 JSON（{type(exc).__name__}）") from None
    if not isinstance(data, dict) or data.get("format") != layout.META_FORMAT:
        raise MetaError("不是本程序写入的数据")
    try:
        document = MetaDocument.model_validate(data)
    except ValidationError as exc:
        error = exc.errors()[0]
        where = ".".join(str(part) for part in error["loc"])
        raise MetaError(f"结构不对（{where}）") from None
    if document.version > layout.META_VERSION:
        raise MetaError(f"由更新版本的程序写入（版本 {document.version}）")
    departments: dict[str, MetaDepartment] = {}
    order: dict[str, int] = {}
    empty: list[tuple[int, str, str]] = []
    for place, department in enumerate(document.departments):
        if department.sheet is None:
            empty.append((place, department.code, department.name))
        elif department.sheet not in departments:
            departments[department.sheet] = department
            order[department.sheet] = place
    tables: dict[tuple[str, int], MetaTable] = {}
    by_name: dict[tuple[str, str], list[MetaTable]] = {}
    for table in document.tables:
        tables.setdefault((table.sheet, table.index), table)
        by_name.setdefault((table.sheet, table.name), []).append(table)
    return Meta(document, departments, order, empty, tables, by_name)

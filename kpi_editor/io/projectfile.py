"""The project file ``*.kpi.json``: versioned, UTF-8, Chinese unescaped, stable order, atomic saves.

Layout::

    {"schema_version": 2, "booklet": {...}}

Version 2 added the optional per-project ``review`` (status, comments); version-1 files migrate
on load with their content unchanged.

Amounts are written as JSON strings (``"816.995875"``) so no reader turns them into binary
floats; numbers are accepted on load and read exactly. Loading then saving an unchanged file
gives identical bytes.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from kpi_editor.domain.model import Booklet
from kpi_editor.domain.template import TemplateError, available_templates
from kpi_editor.io.atomic import write_atomic
from kpi_editor.io.errors import FileFormatError

SCHEMA_VERSION = 2
SUFFIX = ".kpi.json"

# schema_version N → a function turning a version-N document into version N+1.
Migration = Callable[[dict[str, Any]], dict[str, Any]]


def _v1_to_v2(document: dict[str, Any]) -> dict[str, Any]:
    # Version 2 adds the optional ``review`` of a project (status, comments). A version-1 file
    # has none: every project is 未审核 without comments, and its content needs no change.
    return document


MIGRATIONS: dict[int, Migration] = {1: _v1_to_v2}

_FIELD_NAMES = {
    "departments": "部门",
    "projects": "项目",
    "indicators": "指标行",
    "funding": "资金来源",
    "total": "合计",
    "fiscal": "财政拨款",
    "superior": "上级补助",
    "local": "本级安排",
    "carryover": "上年结转",
    "non_fiscal": "非财政拨款",
    "level1": "一级指标",
    "level2": "二级指标",
    "name": "名称",
    "value": "指标值",
    "code": "编码",
    "fiscal_year": "预算年度",
    "template_id": "表样模板",
    "unit_name": "部门（单位）",
    "id": "编号",
    "review": "审核",
    "status": "审核状态",
    "comments": "审核意见",
}


def dumps_booklet(booklet: Booklet) -> str:
    """The file text for a booklet: deterministic, so unchanged content gives unchanged bytes."""
    document = {
        "schema_version": SCHEMA_VERSION,
        "booklet": booklet.model_dump(mode="json", exclude_none=True),
    }
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def save_booklet(booklet: Booklet, path: str | Path, *, backup: bool = True) -> None:
    """Write atomically: a temporary file beside the target, fsync, then ``os.replace``.

    The previous file, if any, is kept as ``<name>.bak``. Any failure leaves the old file as it was.
    """
    target = Path(path)
    data = dumps_booklet(booklet).encode("utf-8")
    write_atomic(target, data, backup=backup)


def load_booklet(path: str | Path) -> Booklet:
    """Read a project file, or raise `FileFormatError` naming the file and the place."""
    source = Path(path)
    try:
        raw = source.read_bytes()
    except FileNotFoundError:
        raise FileFormatError(source, "文件不存在") from None
    except IsADirectoryError:
        raise FileFormatError(source, "这是一个文件夹，不是项目文件") from None
    except OSError as exc:
        raise FileFormatError(source, f"无法读取文件：{exc.strerror or exc}") from exc
    return loads_booklet(raw, source)


def loads_booklet(text: str | bytes, source: str | Path = "<内存>") -> Booklet:
    if isinstance(text, bytes):
        raw = text.removeprefix(b"\xef\xbb\xbf")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            raise FileFormatError(
                source, "文件不是 UTF-8 编码，无法读取（可能不是本程序保存的项目文件）", place=f"第{line}行"
            ) from None
    if not text.strip():
        raise FileFormatError(source, "文件是空的")
    try:
        document = json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as exc:
        # A project file always ends with its closing brace; without it the file was cut short.
        truncated = text.lstrip().startswith("{") and not text.rstrip().endswith("}")
        hint = "文件不完整（可能保存时被中断）" if truncated else "不是有效的 JSON"
        raise FileFormatError(
            source, f"{hint}：{exc.msg}", place=f"第{exc.lineno}行第{exc.colno}列"
        ) from None
    if not isinstance(document, dict) or "booklet" not in document:
        raise FileFormatError(source, "不是绩效目标项目文件（缺少 booklet 部分）")
    document = _migrate(document, source)
    data = document["booklet"]
    try:
        booklet = Booklet.model_validate(data)
    except ValidationError as exc:
        error = exc.errors()[0]
        raise FileFormatError(source, _explain(error), place=_place(data, error["loc"])) from None
    try:
        known = available_templates()
    except TemplateError as exc:
        raise FileFormatError(source, f"表样模板无法加载：{exc}") from exc
    if booklet.template_id not in known:
        raise FileFormatError(
            source,
            f"未知的表样模板“{booklet.template_id}”（本程序有：{'、'.join(sorted(known))}）",
            place="booklet.template_id",
        )
    return booklet


def _migrate(document: dict[str, Any], source: str | Path) -> dict[str, Any]:
    version = document.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise FileFormatError(source, f"格式版本号无效：{version!r}", place="schema_version")
    if version > SCHEMA_VERSION:
        raise FileFormatError(
            source,
            f"此文件由更新版本的程序保存（格式版本 {version}），本程序只能读取到版本 {SCHEMA_VERSION}，请升级程序",
            place="schema_version",
        )
    while version < SCHEMA_VERSION:
        document = MIGRATIONS[version](document)
        version += 1
        document["schema_version"] = version
    return document


def _explain(error: Any) -> str:
    kind = error["type"]
    if kind == "missing":
        return "缺少必填项"
    if kind == "extra_forbidden":
        return "有无法识别的字段"
    if kind.startswith("decimal") or kind == "finite_number":
        return f"金额无效：{error.get('input')!r}"
    if kind in ("string_type", "int_type", "int_parsing", "list_type", "dict_type", "model_type"):
        return f"类型不对：{error.get('input')!r}"
    message: str = error["msg"]
    return message.removeprefix("Value error, ")


def _place(data: Any, loc: tuple[Any, ...]) -> str:
    """Turn a pydantic location into words a clerk can follow (department code, project name)."""
    parts: list[str] = []
    node = data
    for key in loc:
        node = node[key] if _has(node, key) else None
        if isinstance(key, int) and parts:
            # "部门", 3 → "第4个部门（116001）"
            described = f"第{key + 1}个{parts.pop()}"
            if isinstance(node, dict):
                tag = node.get("code") or node.get("name")
                if isinstance(tag, str) and tag:
                    described += f"（{tag}）"
            parts.append(described)
        else:
            parts.append(_FIELD_NAMES.get(str(key), str(key)))
    return " › ".join(parts) if parts else "booklet"


def _has(node: Any, key: Any) -> bool:
    if isinstance(node, dict):
        return key in node
    return isinstance(node, list) and isinstance(key, int) and 0 <= key < len(node)

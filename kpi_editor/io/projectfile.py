"""The project file ``*.kpi.json``: versioned, UTF-8, Chinese unescaped, stable order, atomic saves.

Layout::

    {"schema_version": 2, "booklet": {...}}

Version 2 added the optional per-project ``review`` (status, comments); version-1 files migrate
on load with their content unchanged. Later optional fields (a status's stamp, replies, the
booklet's ``submissions`` log) need no migration. Other top-level parts than ``booklet`` (a
submission's ``"submission"`` manifest) are ignored by `load_booklet` and returned by
`load_document`.

Amounts are written as JSON strings (``"816.995875"``) so no reader turns them into binary
floats; numbers are accepted on load and read exactly. Loading then saving an unchanged file
gives identical bytes.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from kpi_editor.domain.labels import COLUMN_NAMES, FUNDING_NAMES
from kpi_editor.domain.model import Booklet, Department
from kpi_editor.domain.template import TemplateError, available_templates
from kpi_editor.io.atomic import write_atomic
from kpi_editor.io.errors import FileFormatError, clip
from kpi_editor.io.jsontext import DuplicateKey, first_unencodable, unique_keys

SCHEMA_VERSION = 2

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
    **FUNDING_NAMES,
    **COLUMN_NAMES,
    "name": "名称",
    "code": "编码",
    "fiscal_year": "预算年度",
    "template_id": "表样模板",
    "unit_name": "部门（单位）",
    "id": "编号",
    "review": "审核",
    "status": "审核状态",
    "comments": "审核意见",
    "previous_value": "上年指标值",
    "previous_funding": "上年资金来源",
    "target": "指标值（结构化）",
    "comparator": "指标性质",
    "number": "数值",
    "date": "日期",
    "weight": "权重",
    "direction": "指标方向性",
    "basis": "绩效标准",
    "explanation": "指标解释",
    "scoring": "评分标准",
    "period": "实施期指标值",
    "texts": "表内文字",
    "template_version": "表样版本",
}


def dumps_booklet(booklet: Booklet) -> str:
    """The file text for a booklet: deterministic, so unchanged content gives unchanged bytes."""
    return dumps_document(booklet)


def dumps_document(booklet: Booklet, extra: dict[str, Any] | None = None) -> str:
    """The file text for a booklet with further top-level parts after it (a submission's
    manifest); readers that know only ``booklet`` ignore them."""
    document: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "booklet": booklet.model_dump(mode="json", exclude_none=True),
    }
    for key, value in (extra or {}).items():
        if key in document:
            raise ValueError(f"reserved top-level key {key!r}")
        document[key] = value
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
    return load_document(path)[0]


def load_document(path: str | Path) -> tuple[Booklet, dict[str, Any]]:
    """`load_booklet`, with the file's other top-level parts (see `loads_document`)."""
    source = Path(path)
    # The bytes go straight into loads_document, which drops them once decoded (a 100× booklet
    # is 88 MB of text; holding bytes, text, parsed tree and models at once cost a gigabyte).
    return loads_document(_read(source), source)


# A 100× booklet (32,700 projects) is 88 MB; 256 MB is nearly three times that (about 95,000
# projects). Reading costs about twice the file's size before any check can run (its bytes, then
# its text), so the limit is what keeps a hostile file from costing gigabytes: the campaign's
# 968 MB submission made of copied five-megabyte cells grew a loader by 914 MB.
MAX_FILE_BYTES = 256 * 1024 * 1024


def _read(source: Path) -> bytes:
    try:
        size = source.stat().st_size
        if size > MAX_FILE_BYTES:
            raise FileFormatError(
                source, f"文件过大（{size // 1048576} MB，上限 {MAX_FILE_BYTES // 1048576} MB），不是项目文件"
            )
        return source.read_bytes()
    except FileNotFoundError:
        raise FileFormatError(source, "文件不存在") from None
    except IsADirectoryError:
        raise FileFormatError(source, "这是一个文件夹，不是项目文件") from None
    except OSError as exc:
        raise FileFormatError(source, f"无法读取文件：{exc.strerror or exc}") from exc


# A lone surrogate can only come from a \uD8xx–\uDFxx escape (UTF-8 bytes cannot carry one).
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def loads_booklet(text: str | bytes, source: str | Path = "<内存>") -> Booklet:
    return loads_document(text, source)[0]


def loads_document(text: str | bytes, source: str | Path = "<内存>") -> tuple[Booklet, dict[str, Any]]:
    """The booklet and the file's other top-level parts (as parsed JSON, not validated)."""
    if isinstance(text, bytes):
        raw = text.removeprefix(b"\xef\xbb\xbf")
        del text
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            raise FileFormatError(
                source, "文件不是 UTF-8 编码，无法读取（可能不是本程序保存的项目文件）", place=f"第{line}行"
            ) from None
        del raw
    if not text.strip():
        raise FileFormatError(source, "文件是空的")
    surrogates = _SURROGATE_ESCAPE.search(text) is not None
    try:
        document = json.loads(text, parse_float=Decimal, object_pairs_hook=unique_keys)
    except json.JSONDecodeError as exc:
        # A project file always ends with its closing brace; without it the file was cut short.
        truncated = text.lstrip().startswith("{") and not text.rstrip().endswith("}")
        hint = "文件不完整（可能保存时被中断）" if truncated else "不是有效的 JSON"
        raise FileFormatError(
            source, f"{hint}：{exc.msg}", place=f"第{exc.lineno}行第{exc.colno}列"
        ) from None
    except DuplicateKey as exc:
        # json would silently keep the last one and drop the rest: that is lost data.
        raise FileFormatError(
            source, f"同一处有重复的字段“{exc.key}”，请只保留其中一个（本程序保存的文件不会这样）"
        ) from None
    except ValueError:
        # Python refuses integers of more than 4300 digits (int_max_str_digits).
        raise FileFormatError(source, "文件中有数字过长（超过4300位），不是有效的项目文件") from None
    except RecursionError:
        raise FileFormatError(source, "文件中的括号嵌套过深，不是有效的项目文件") from None
    del text
    if not isinstance(document, dict) or "booklet" not in document:
        raise FileFormatError(source, "不是绩效目标项目文件（缺少 booklet 部分）")
    document = _migrate(document, source)
    data = document["booklet"]
    if surrogates:
        bad_text = first_unencodable(data)
        if bad_text is not None:
            # A lone surrogate (``"\\ud800"``) parses but can never be written back as UTF-8:
            # every later save and export would fail.
            raise FileFormatError(
                source,
                "文字中有无效的字符（孤立的 UTF-16 代理码），请删去后重试",
                place=_place(data, bad_text),
            )
    booklet = _validate(data, source)
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
    extra = {k: v for k, v in document.items() if k not in ("schema_version", "booklet")}
    return booklet, extra


def _validate(data: Any, source: str | Path) -> Booklet:
    """The booklet model of the parsed document, one department at a time.

    Each department's part of the parsed tree is dropped once its models are built, so memory
    holds the tree or the models, not both. The first error is the one pydantic would report.
    """
    departments = data.get("departments") if isinstance(data, dict) else None
    try:
        if not isinstance(departments, list):
            return Booklet.model_validate(data)
        booklet = Booklet.model_validate({**data, "departments": []})
    except ValidationError as exc:
        error = exc.errors()[0]
        raise FileFormatError(source, _explain(error), place=_place(data, error["loc"])) from None
    validated: list[Department] = []
    for index in range(len(departments)):
        try:
            validated.append(Department.model_validate(departments[index]))
        except ValidationError as exc:
            error = exc.errors()[0]
            loc = ("departments", index, *error["loc"])
            raise FileFormatError(source, _explain(error), place=_place(data, loc)) from None
        departments[index] = None
    booklet.departments = validated
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


_TYPE_ERRORS = (
    "string_type",
    "int_type",
    "int_parsing",
    "list_type",
    "dict_type",
    "model_type",
    "bool_type",
    "bool_parsing",
    "float_type",
    "float_parsing",
)


def _shown(value: Any) -> str:
    # The offending value goes into a one-line message: a pasted megabyte must not.
    return clip(repr(value), 58)


def _explain(error: Any) -> str:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return "缺少必填项"
    if kind == "extra_forbidden":
        return "有无法识别的字段"
    if kind.startswith("decimal") or kind == "finite_number":
        return f"金额无效：{_shown(error.get('input'))}"
    if kind in _TYPE_ERRORS:
        return f"类型不对：{_shown(error.get('input'))}"
    if kind in ("greater_than_equal", "greater_than"):
        bound = ctx.get("ge", ctx.get("gt"))
        return f"数值{_shown(error.get('input'))}无效：不能小于{bound}"
    if kind in ("less_than_equal", "less_than"):
        bound = ctx.get("le", ctx.get("lt"))
        return f"数值{_shown(error.get('input'))}无效：不能大于{bound}"
    if kind == "int_from_float":
        return f"数值{_shown(error.get('input'))}无效：必须是整数"
    if kind == "string_too_short":
        return "不能为空"
    if kind in ("enum", "literal_error"):
        return f"取值无效：{_shown(error.get('input'))}（可选：{ctx.get('expected', '')}）"
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

"""Indicator library files: the shipped ones, a bureau's, a clerk's personal library.

Layout (UTF-8, Chinese unescaped, stable order)::

    {"kind": "kpi-indicator-library", "schema_version": 1, "library": {...}}

``library`` is `kpi_editor.domain.library.Library`. A library file a user hands us may be
broken, written for another form template, or hostile (huge, deeply nested, odd text): every such
file gives one `FileFormatError` naming the file and the place, and the caller goes on without it
(`load_libraries` collects the errors instead of raising).

The personal library is a folder the app chooses (its app-data folder): every file the clerk
remembers (`remember_booklet`) is kept there as its own small library, and `personal_library`
merges them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from kpi_editor.domain.library import (
    LIBRARY_KIND,
    Library,
    adapt_library,
    build_library,
    merge_libraries,
)
from kpi_editor.domain.model import Booklet
from kpi_editor.domain.template import FormTemplate, TemplateError, available_templates
from kpi_editor.io.atomic import write_atomic
from kpi_editor.io.errors import FileFormatError, clip
from kpi_editor.io.jsontext import DuplicateKey, first_unencodable, unique_keys
from kpi_editor.paths import resource_dir

SCHEMA_VERSION = 1
SUFFIX = ".library.json"
# The 10× corpus as a library is about 15 MB; a file far beyond that is not a library.
MAX_BYTES = 64 * 1024 * 1024
COMMON_FILE = "common.json"


def library_dir() -> Path:
    return resource_dir() / "library"


# -- writing --------------------------------------------------------------------------------------


def dumps_library(library: Library) -> str:
    document = {
        "kind": LIBRARY_KIND,
        "schema_version": SCHEMA_VERSION,
        "library": library.model_dump(mode="json", exclude_defaults=True),
    }
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def save_library(library: Library, path: str | Path) -> None:
    write_atomic(Path(path), dumps_library(library).encode("utf-8"))


# -- reading --------------------------------------------------------------------------------------


def load_library(path: str | Path, template: FormTemplate | None = None) -> Library:
    """Read a library file; with `template`, it must be written for that template (or for any)
    and is fitted to it. Raises `FileFormatError` naming the file and the place."""
    source = Path(path)
    try:
        size = source.stat().st_size
        if size > MAX_BYTES:
            raise FileFormatError(
                source,
                f"文件过大（{size // (1024 * 1024)} MB），不是指标库文件（上限 {MAX_BYTES // (1024 * 1024)} MB）",
            )
        raw = source.read_bytes()
    except FileNotFoundError:
        raise FileFormatError(source, "文件不存在") from None
    except IsADirectoryError:
        raise FileFormatError(source, "这是一个文件夹，不是指标库文件") from None
    except OSError as exc:
        raise FileFormatError(source, f"无法读取文件：{exc.strerror or exc}") from None
    return loads_library(raw, source, template)


def loads_library(
    text: str | bytes, source: str | Path = "<内存>", template: FormTemplate | None = None
) -> Library:
    if isinstance(text, bytes):
        if len(text) > MAX_BYTES:
            raise FileFormatError(source, "文件过大，不是指标库文件")
        raw = text.removeprefix(b"\xef\xbb\xbf")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            raise FileFormatError(
                source, "文件不是 UTF-8 编码，不是指标库文件", place=f"第{line}行"
            ) from None
    if not text.strip():
        raise FileFormatError(source, "文件是空的")
    document = _parse_json(text, source)
    if not isinstance(document, dict) or document.get("kind") != LIBRARY_KIND or "library" not in document:
        raise FileFormatError(source, "不是指标库文件（缺少 kind: kpi-indicator-library）")
    version = document.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise FileFormatError(source, f"格式版本号无效：{clip(repr(version), 40)}", place="schema_version")
    if version > SCHEMA_VERSION:
        raise FileFormatError(
            source,
            f"此指标库由更新版本的程序保存（格式版本 {version}），本程序只能读取到版本 {SCHEMA_VERSION}，请升级程序",
            place="schema_version",
        )
    data = document["library"]
    try:
        library = Library.model_validate(data)
    except ValidationError as exc:
        error = exc.errors()[0]
        raise FileFormatError(source, _explain(error), place=_place(error["loc"])) from None
    bad = first_unencodable(data)
    if bad is not None:
        raise FileFormatError(source, "文字中有无效的字符（孤立的 UTF-16 代理码）", place=_text_place(bad))
    return _checked(library, source, template)


def _parse_json(text: str, source: str | Path) -> Any:
    try:
        return json.loads(text, object_pairs_hook=unique_keys)
    except json.JSONDecodeError as exc:
        raise FileFormatError(
            source, f"不是有效的 JSON：{exc.msg}", place=f"第{exc.lineno}行第{exc.colno}列"
        ) from None
    except DuplicateKey as exc:
        raise FileFormatError(source, f"同一处有重复的字段“{clip(exc.key, 30)}”") from None
    except ValueError:
        raise FileFormatError(source, "文件中有数字过长（超过4300位），不是有效的指标库") from None
    except RecursionError:
        raise FileFormatError(source, "文件中的括号嵌套过深，不是有效的指标库") from None


def _checked(library: Library, source: str | Path, template: FormTemplate | None) -> Library:
    if library.template_id is not None:
        try:
            known = available_templates()
        except TemplateError as exc:
            raise FileFormatError(source, f"表样模板无法加载：{exc}") from None
        if library.template_id not in known:
            raise FileFormatError(
                source,
                f"指标库属于未知的表样“{clip(library.template_id, 30)}”（本程序有：{'、'.join(sorted(known))}）",
                place="template_id",
            )
    if template is None:
        return library
    if library.template_id is None:
        return adapt_library(library, template)
    if library.template_id != template.id:
        raise FileFormatError(
            source,
            f"指标库属于表样“{library.template_id}”，当前文件使用表样“{template.id}”，不能混用",
            place="template_id",
        )
    names = set(template.level2_names())
    for number, row in enumerate(library.rows):
        if row.level2 not in names:
            raise FileFormatError(
                source,
                f"二级指标“{clip(row.level2, 20)}”不在表样“{template.id}”中",
                place=f"第{number + 1}条指标",
            )
        parent = template.parent_of(row.level2)
        if row.level1 and row.level1 != parent:
            raise FileFormatError(
                source,
                f"二级指标“{row.level2}”应在一级指标“{parent}”下，而不是“{clip(row.level1, 20)}”",
                place=f"第{number + 1}条指标",
            )
    return library


def _text_place(loc: tuple[Any, ...]) -> str:
    """``library.rows[3].name`` for a location of `first_unencodable`, up to the broken key."""
    where = "library"
    for part in loc:
        if isinstance(part, int):
            where += f"[{part + 1}]"
        elif isinstance(part, str) and first_unencodable(part) is None:
            where += f".{part}"
        else:
            break
    return where


_PLACE_NAMES = {
    "rows": "指标",
    "projects": "来源项目",
    "project_types": "项目类型",
    "level2_notes": "二级指标说明",
    "level1": "一级指标",
    "level2": "二级指标",
    "name": "名称",
    "value": "指标值",
    "example": "示例",
    "explanation": "指标解释",
    "sources": "来源",
    "seen": "次数",
    "keywords": "关键词",
}


def _place(loc: Sequence[Any]) -> str:
    parts: list[str] = []
    for key in loc:
        if isinstance(key, int) and parts:
            parts.append(f"第{key + 1}条")
        else:
            parts.append(_PLACE_NAMES.get(str(key), clip(str(key), 20)))
    return " › ".join(parts) if parts else "library"


def _explain(error: Any) -> str:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    shown = clip(repr(error.get("input")), 40)
    if kind == "missing":
        return "缺少必填项"
    if kind == "extra_forbidden":
        return "有无法识别的字段"
    if kind == "string_too_long":
        return f"文字过长（超过{ctx.get('max_length')}个字）"
    if kind == "too_long":
        return f"条目过多（超过{ctx.get('max_length')}个）"
    if kind == "string_too_short":
        return "不能为空"
    if kind == "string_unicode":
        return "文字中有无效的字符（孤立的 UTF-16 代理码）"
    if kind.endswith("_type") or kind.endswith("_parsing"):
        return f"类型不对：{shown}"
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        return f"数值超出范围：{shown}"
    if kind in ("literal_error", "enum"):
        return f"取值无效：{shown}（可选：{ctx.get('expected', '')}）"
    message: str = error["msg"]
    return clip(message.removeprefix("Value error, "), 80)


# -- the shipped libraries, a bureau's files and the personal folder ------------------------------


@cache
def common_library() -> Library:
    """The hand-checked 共性指标 by project type and the 二级 explanations (any template)."""
    return load_library(library_dir() / COMMON_FILE)


@cache
def shipped_library(template: FormTemplate) -> Library:
    """What the program brings for `template`: the 共性 set, plus the bundled sample's rows when
    the sample uses that template (``resources/library/<template id>.library.json``)."""
    parts = [adapt_library(common_library(), template)]
    sample = library_dir() / f"{template.id}{SUFFIX}"
    if sample.is_file():
        parts.append(load_library(sample, template))
    return merge_libraries(parts, name="内置指标库")


def booklet_library(
    booklets: Iterable[tuple[Booklet, str | None]], template: FormTemplate, *, name: str = ""
) -> Library:
    """A library built from booklets, with the 共性 set's project types and explanations."""
    common = common_library()
    library, _report = build_library(
        booklets, template, name=name, project_types=common.project_types, explanations=common
    )
    return library


@dataclass
class LoadedLibraries:
    """Everything the editor offers for one template, and the files it had to leave out."""

    library: Library
    errors: list[FileFormatError] = field(default_factory=list)


def load_libraries(
    template: FormTemplate,
    files: Sequence[str | Path] = (),
    personal_folder: str | Path | None = None,
) -> LoadedLibraries:
    """The shipped library, the bureau's `files` and the personal folder merged for `template`.

    A file that cannot be used is reported in ``errors`` and left out; the rest still loads.
    """
    parts = [shipped_library(template)]
    errors: list[FileFormatError] = []
    for path in files:
        try:
            parts.append(load_library(path, template))
        except FileFormatError as exc:
            errors.append(exc)
    if personal_folder is not None:
        personal, personal_errors = personal_library(personal_folder, template)
        errors.extend(personal_errors)
        if personal is not None:
            parts.append(personal)
    return LoadedLibraries(merge_libraries(parts, name="指标库"), errors)


def personal_library(
    folder: str | Path, template: FormTemplate
) -> tuple[Library | None, list[FileFormatError]]:
    """The clerk's own past files (each remembered as ``*.library.json`` in `folder`) for
    `template`; files of other templates are skipped silently (they belong to other work)."""
    directory = Path(folder)
    if not directory.is_dir():
        return None, []
    parts: list[Library] = []
    errors: list[FileFormatError] = []
    for path in sorted(directory.glob(f"*{SUFFIX}")):
        try:
            library = load_library(path)
        except FileFormatError as exc:
            errors.append(exc)
            continue
        if library.template_id in (None, template.id):
            parts.append(adapt_library(library, template) if library.template_id is None else library)
    if not parts:
        return None, errors
    return merge_libraries(parts, name="个人指标库"), errors


_UNSAFE_NAME_RE = re.compile(r"[^\w\u4e00-\u9fff.-]+")


def remember_booklet(
    folder: str | Path, booklet: Booklet, source: str | Path, template: FormTemplate
) -> Path:
    """Keep `booklet`'s rows in the personal library `folder` (created if missing), as the library
    of the file `source`; remembering the same file again replaces its earlier rows."""
    directory = Path(folder)
    directory.mkdir(parents=True, exist_ok=True)
    stem = Path(source).name.removesuffix(".json").removesuffix(".kpi")
    target = directory / f"{_UNSAFE_NAME_RE.sub('_', stem)[:80] or 'file'}{SUFFIX}"
    library = booklet_library([(booklet, None)], template, name=f"个人指标库 · {Path(source).name}")
    save_library(library, target)
    return target


__all__ = [
    "MAX_BYTES",
    "SCHEMA_VERSION",
    "SUFFIX",
    "LoadedLibraries",
    "booklet_library",
    "common_library",
    "dumps_library",
    "library_dir",
    "load_libraries",
    "load_library",
    "loads_library",
    "personal_library",
    "remember_booklet",
    "save_library",
    "shipped_library",
]

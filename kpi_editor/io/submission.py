"""Submission files on disk: ``<code>-<name>.kpi.json`` with a manifest, unit lists, sniffing.

A submission file is a project file holding one unit, with its `SubmissionManifest` as a second
top-level part (``{"schema_version": 2, "booklet": {...}, "submission": {...}}``): every version
of the program opens it as a project file. ``export_submission`` is what the editor's
导出本单位提交文件… calls; ``split_booklet`` writes one per unit (``kpi split``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from kpi_editor import __version__
from kpi_editor.domain.engine import validate_booklet
from kpi_editor.domain.model import Booklet, Department
from kpi_editor.domain.review import now_iso
from kpi_editor.domain.submission import Submission, SubmissionManifest, UnitRef, build_manifest, unit_booklet
from kpi_editor.domain.template import load_template
from kpi_editor.io.atomic import write_atomic
from kpi_editor.io.errors import FileFormatError, clip
from kpi_editor.io.projectfile import dumps_document, load_booklet, load_document

MANIFEST_KEY = "submission"
SUFFIX = ".kpi.json"
PROGRAM = f"kpi-editor {__version__}"
NAME_LIMIT = 60  # characters of the unit name kept in a file name

# Characters no file name may hold on Windows (and / on every system), and control characters.
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]')
_RESERVED = {
    "CON",
    "PRN",
    "AUX",
    "NUL",
    *(f"COM{i}" for i in range(1, 10)),
    *(f"LPT{i}" for i in range(1, 10)),
}


def _safe(text: str, limit: int) -> str:
    text = " ".join(_UNSAFE.sub("_", text).split())
    # A leading dot hides the file; trailing dots and spaces are dropped by Windows.
    return text[:limit].strip(" ._")


def submission_file_name(department: Department) -> str:
    """``116001-攀枝花市西区人力资源和社会保障局.kpi.json``: no path characters, Windows-safe."""
    code = _safe(department.code, 20) or "unit"
    name = _safe(department.name, NAME_LIMIT)
    stem = f"{code}-{name}" if name else code
    if stem.upper() in _RESERVED:
        stem += "_"
    return stem + SUFFIX


def _document(booklet: Booklet, code: str, submitter: str, at: str) -> tuple[str, SubmissionManifest]:
    unit = unit_booklet(booklet, code)
    template = load_template(unit.template_id)
    findings = validate_booklet(unit, template)
    manifest = build_manifest(unit, unit.departments[0], template, findings, submitter, at, PROGRAM)
    return dumps_document(unit, {MANIFEST_KEY: manifest.model_dump(mode="json")}), manifest


def export_submission(
    booklet: Booklet,
    code: str,
    path: str | Path,
    submitter: str,
    at: str | None = None,
    *,
    backup: bool = False,
) -> SubmissionManifest:
    """Write unit ``code`` of ``booklet`` as a submission file (atomically) and return its manifest.

    The unit's review state goes with it (a returned unit sees the reviewer's comments); the
    bureau's log of submissions does not. Raises KeyError for a code the booklet does not have.
    """
    text, manifest = _document(booklet, code, submitter, at or now_iso())
    write_atomic(Path(path), text.encode("utf-8"), backup=backup)
    return manifest


@dataclass(frozen=True)
class SplitFile:
    path: Path
    manifest: SubmissionManifest


def split_plan(booklet: Booklet, folder: Path, codes: Sequence[str] | None = None) -> list[tuple[str, Path]]:
    """(unit code, file) for every unit to split out, in booklet order; names made unique."""
    chosen = [d for d in booklet.departments if codes is None or d.code in codes]
    used: set[str] = set()
    plan = []
    for department in chosen:
        name = submission_file_name(department)
        stem = name.removesuffix(SUFFIX)
        n = 2
        while name.casefold() in used:  # Windows file names ignore case
            name = f"{stem}-{n}{SUFFIX}"
            n += 1
        used.add(name.casefold())
        plan.append((department.code, folder / name))
    return plan


def split_booklet(
    booklet: Booklet,
    folder: str | Path,
    submitter: str,
    at: str | None = None,
    codes: Sequence[str] | None = None,
    overwrite: bool = False,
) -> list[SplitFile]:
    """One submission file per unit (of ``codes``; default all) in ``folder`` (created if missing).

    Without ``overwrite`` an existing file of the same name is refused before anything is written.
    """
    target = Path(folder)
    plan = split_plan(booklet, target, codes)
    if not overwrite:
        for _code, path in plan:
            if path.exists():
                raise FileExistsError(17, "文件已存在（要覆盖请加 --overwrite）", str(path))
    target.mkdir(parents=True, exist_ok=True)
    stamp = at or now_iso()
    written = []
    for code, path in plan:
        text, manifest = _document(booklet, code, submitter, stamp)
        write_atomic(path, text.encode("utf-8"))
        written.append(SplitFile(path, manifest))
    return written


# -- reading --------------------------------------------------------------------------------------

_WORKBOOK_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".et", ".ods", ".csv"}


def _head(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(8)
    except OSError:
        return b""  # the loader names the reason


def _is_workbook(path: Path, head: bytes) -> bool:
    return path.suffix.lower() in _WORKBOOK_SUFFIXES or head.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0"))


def _sniff(path: Path) -> None:
    """Refuse, with advice, files that are plainly not project files (a workbook, a PDF)."""
    head = _head(path)
    if _is_workbook(path, head):
        raise FileFormatError(
            path,
            f"这是 Excel 工作簿，不是项目文件：请先用 `kpi import-xlsx {path.name} -o {path.stem}.kpi.json` 导入"
            "（编辑器中：文件 ▸ 导入 Excel），再合并导入后的项目文件",
        )
    if head.startswith(b"%PDF"):
        raise FileFormatError(path, "这是 PDF，不是项目文件：请向单位要 .kpi.json 提交文件")


def load_submission(path: str | Path) -> Submission:
    """Read a unit's file (with or without a manifest); raises FileFormatError for a file that is
    not a project file. A manifest that cannot be read is reported in ``manifest_error``."""
    source = Path(path)
    _sniff(source)
    booklet, extra = load_document(source)
    raw = extra.get(MANIFEST_KEY)
    if raw is None:
        return Submission(str(path), booklet)
    try:
        manifest = SubmissionManifest.model_validate(raw)
    except ValidationError as exc:
        error = exc.errors()[0]
        where = ".".join(str(part) for part in error["loc"]) or MANIFEST_KEY
        return Submission(str(path), booklet, manifest_error=f"{where}：{clip(str(error['msg']), 60)}")
    return Submission(str(path), booklet, manifest)


_LINE = re.compile(r"^\s*(\d+)\s*[,，\t、 ]\s*(.*?)\s*$")


def read_unit_list(path: str | Path) -> list[UnitRef]:
    """Units the bureau expects: a project file (its units), or a text file with one
    ``编码 名称`` per line (comma, tab or space between; ``#`` comments; a header line allowed),
    in UTF-8 or GB18030 as Chinese Windows saves it."""
    source = Path(path)
    if source.name.endswith(SUFFIX) or source.suffix.lower() == ".json":
        return [UnitRef(d.code, d.name) for d in load_booklet(source).departments]
    if source.suffix.lower() != ".csv" and _is_workbook(source, _head(source)):
        raise FileFormatError(
            source, "单位名单请用文本文件（每行“编码 名称”）或另存为 CSV，不能直接读 Excel 工作簿"
        )
    try:
        raw = source.read_bytes()
    except FileNotFoundError:
        raise FileFormatError(source, "文件不存在") from None
    except OSError as exc:
        raise FileFormatError(source, f"无法读取文件：{exc.strerror or exc}") from exc
    raw = raw.removeprefix(b"\xef\xbb\xbf")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = raw.decode("gb18030")
        except UnicodeDecodeError:
            raise FileFormatError(source, "单位名单不是 UTF-8 或 GBK 编码的文本") from None
    units: list[UnitRef] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        match = _LINE.match(line) or (re.match(r"^\s*(\d+)\s*$", line))
        if match is None:
            if not units and not seen:
                continue  # a header line such as 单位编码,单位名称
            raise FileFormatError(source, f"“{clip(line, 30)}”不是“编码 名称”", place=f"第{number}行")
        code = match.group(1)
        name = match.group(2) if match.lastindex and match.lastindex >= 2 else ""
        if code in seen:
            raise FileFormatError(
                source, f"单位编码 {code} 重复（第{seen[code]}行已有）", place=f"第{number}行"
            )
        seen[code] = number
        units.append(UnitRef(code, name))
    if not units:
        raise FileFormatError(source, "单位名单是空的")
    return units

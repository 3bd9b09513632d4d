"""Checks on a workbook file before any of it is parsed into memory.

An .xlsx file is a zip of XML parts. Everything here reads only the zip directory and streams the
worksheet parts once: password-protected workbooks (an encrypted OLE file, not a zip), zip bombs
and sheets with millions of cells are refused with a message naming the file and the part.
The same pass collects each sheet's merged ranges, which openpyxl's read-only mode does not expose
and its normal mode rebuilds far too slowly (seconds for a booklet's eight thousand merges).
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from kpi_editor.io.errors import FileFormatError

MAX_FILE_BYTES = 100 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 400 * 1024 * 1024
MAX_ENTRIES = 10_000
MAX_RATIO = 200  # uncompressed / compressed, for parts over a megabyte
MAX_CELLS = 2_000_000

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_CELL = re.compile(rb"<(?:[\w.-]+:)?c[\s/>]")
_MERGE = re.compile(rb"<(?:[\w.-]+:)?mergeCell\b[^>]*?\bref=\"([A-Za-z0-9:$]+)\"")
_CHUNK = 1 << 20


@dataclass
class PartInfo:
    cells: int = 0
    merges: list[str] = field(default_factory=list)


@dataclass
class WorkbookScan:
    parts: dict[str, PartInfo]  # worksheet part name (xl/worksheets/sheet1.xml) → what it holds

    @property
    def cells(self) -> int:
        return sum(p.cells for p in self.parts.values())


def scan_workbook(path: Path) -> WorkbookScan:
    """Refuse what is not a safe, reasonably sized .xlsx; return cell counts and merged ranges."""
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as exc:
        raise FileFormatError(path, f"无法打开文件：{exc.strerror or exc}") from exc
    if head == _OLE_MAGIC:
        raise FileFormatError(
            path,
            "这是受密码保护（加密）的工作簿或旧版 .xls 文件，无法读取。"
            "请在 Excel 中取消打开密码，或另存为“Excel 工作簿 (*.xlsx)”后再导入。",
        )
    if size > MAX_FILE_BYTES:
        raise FileFormatError(
            path, f"文件过大（{size // 1048576} MB，上限 {MAX_FILE_BYTES // 1048576} MB）。"
        )
    if not zipfile.is_zipfile(path):
        raise FileFormatError(
            path, "不是 Excel 工作簿（.xlsx）。请在 Excel 中另存为“Excel 工作簿 (*.xlsx)”后再导入。"
        )
    try:
        with zipfile.ZipFile(path) as archive:
            return _scan_archive(path, archive)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as exc:
        raise FileFormatError(path, f"工作簿已损坏，无法读取：{exc}") from exc


def _scan_archive(path: Path, archive: zipfile.ZipFile) -> WorkbookScan:
    infos = archive.infolist()
    names = {info.filename for info in infos}
    if len(infos) > MAX_ENTRIES:
        raise FileFormatError(path, f"工作簿包含的部件过多（{len(infos)} 个），疑似损坏或恶意文件。")
    if "mimetype" in names and "xl/workbook.xml" not in names:
        raise FileFormatError(path, "这是 OpenDocument 表格（.ods），请在表格软件中另存为 .xlsx 后再导入。")
    if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
        raise FileFormatError(path, "不是 Excel 工作簿（.xlsx）：缺少工作簿部件 xl/workbook.xml。")
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise FileFormatError(
                path, "工作簿的内容已加密，无法读取。请取消密码后再导入。", place=info.filename
            )
        total += info.file_size
        if info.file_size > 1048576 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise FileFormatError(path, "压缩比异常（疑似“压缩炸弹”），拒绝读取。", place=info.filename)
    if total > MAX_UNCOMPRESSED_BYTES:
        raise FileFormatError(
            path,
            f"解压后过大（{total // 1048576} MB，上限 {MAX_UNCOMPRESSED_BYTES // 1048576} MB），拒绝读取。",
        )
    parts: dict[str, PartInfo] = {}
    cells = 0
    for info in infos:
        if not (info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml")):
            continue
        part = _scan_sheet(archive, info)
        parts[info.filename] = part
        cells += part.cells
        if cells > MAX_CELLS:
            raise FileFormatError(
                path, f"单元格过多（超过 {MAX_CELLS:,} 个），拒绝读取。", place=info.filename
            )
    return WorkbookScan(parts)


def _scan_sheet(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> PartInfo:
    part = PartInfo()
    carry = b""
    with archive.open(info) as stream:
        while True:
            chunk = stream.read(_CHUNK)
            data = carry + chunk
            # Cut before the last tag opening so no tag is split between two chunks.
            cut = data.rfind(b"<") if chunk else len(data)
            if cut < 0:
                cut = len(data)
            body, carry = data[:cut], data[cut:]
            part.cells += len(_CELL.findall(body))
            part.merges.extend(m.decode("ascii") for m in _MERGE.findall(body))
            if not chunk:
                break
    return part

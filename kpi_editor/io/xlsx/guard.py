"""Checks on a workbook file before any of it is parsed into memory.

An .xlsx file is a zip of XML parts. Everything here reads the zip directory and then streams every
part once, in 1 MB chunks, before openpyxl sees the file: password-protected workbooks (an
encrypted OLE file, not a zip), damaged or unsupported compression, zip bombs and sheets with
millions of cells are refused with a message naming the file and the part. Time and memory of the
scan are bounded by the size limits; what openpyxl and the importer then spend is bounded by the
limits checked here (cells, rows a sheet spans, width of its rows, shared strings).

A *bomb* is a small file that expands to something huge. A file that is large because it holds a
large booklet is not one: the expansion allowed grows with the compressed size (our own 100×
booklet is 42 MB compressed, 260 MB and 3.5 million cells uncompressed, and must read back),
while a 2 MB file may expand to at most `BASE_UNCOMPRESSED_BYTES` + 20 × 2 MB.

The same pass collects each sheet's merged ranges, which openpyxl's read-only mode does not expose
and its normal mode rebuilds far too slowly (seconds for a booklet's eight thousand merges).
"""

from __future__ import annotations

import lzma
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from kpi_editor.io.errors import FileFormatError

MAX_FILE_BYTES = 100 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 400 * 1024 * 1024
# Expansion allowed: this much, plus EXPANSION times the compressed size (never above the maximum).
BASE_UNCOMPRESSED_BYTES = 48 * 1024 * 1024
EXPANSION = 20
MAX_ENTRIES = 10_000
MAX_RATIO = 200  # uncompressed / compressed, for parts over a megabyte
# Parts openpyxl reads whole into memory (styles, theme, the workbook, relationships …).
MAX_OTHER_PART_BYTES = 32 * 1024 * 1024
# Cells: this many, plus CELLS_PER_KB per kilobyte of the file (ours hold about 85), up to MAX_CELLS.
BASE_CELLS = 150_000
CELLS_PER_KB = 110
MAX_CELLS = 8_000_000
# Row slots openpyxl walks: Σ over sheets of (last row) and of (rows × last column), as multiples
# of the cell limit. A 30-cell sheet whose one cell sits at XFD1048576 makes read-only openpyxl pad
# a million rows sixteen thousand cells wide.
ROW_SPAN_FACTOR = 2
# One sheet may run to Excel’s last row (1,048,576): padding that many empty rows costs well under a second.
FULL_SHEET_ROWS = 1_048_576
ROW_SLOT_FACTOR = 12

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_CELL = re.compile(rb"<(?:[\w.-]+:)?c[\s/>]")
_CELL_COLUMN = re.compile(rb"<(?:[\w.-]+:)?c\s[^>]*?\br=\"\$?([A-Za-z]{1,4})")
_ROW = re.compile(rb"<(?:[\w.-]+:)?row[\s/>]")
_ROW_NUMBER = re.compile(rb"<(?:[\w.-]+:)?row\s[^>]*?\br=\"(\d{1,9})\"")
_SHARED_STRING = re.compile(rb"<(?:[\w.-]+:)?si[\s/>]")
_MERGE = re.compile(rb"<(?:[\w.-]+:)?mergeCell\b[^>]*?\bref=\"([A-Za-z0-9:$]+)\"")
_CHUNK = 1 << 20
# The longest tag looked for (a cell or row start with its r attribute) must not be cut by a chunk
# boundary: each chunk is cut before its last "<" and the rest carried over, up to this much.
_CARRY_MAX = 4096


@dataclass
class PartInfo:
    cells: int = 0
    merges: list[str] = field(default_factory=list)
    rows: int = 0
    last_row: int = 0
    last_column: int = 0


@dataclass
class WorkbookScan:
    parts: dict[str, PartInfo]  # worksheet part name (xl/worksheets/sheet1.xml) → what it holds
    cell_limit: int = MAX_CELLS  # what this file may hold, for the importer's own budgets

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
            return _scan_archive(path, archive, size)
    except FileFormatError:
        raise
    except Exception as exc:  # zipfile raises many types on a damaged archive
        raise FileFormatError(path, _damage(exc)) from exc


def _damage(exc: BaseException, part: str | None = None) -> str:
    """Why a zip or one of its parts cannot be read, in words a clerk can act on."""
    advice = "请在 Excel 或 WPS 中打开后“另存为” .xlsx 再导入"
    if isinstance(exc, NotImplementedError):
        return f"工作簿使用了不支持的压缩方式或 zip 版本，无法读取；{advice}"
    # zlib (deflate), lzma and bz2 (OSError "Invalid data stream", EOFError when cut short).
    if isinstance(exc, zlib.error | lzma.LZMAError | OSError | EOFError):
        return f"工作簿的压缩数据已损坏，无法读取；{advice}"
    if isinstance(exc, RuntimeError) and "encrypt" in str(exc).lower():
        return "工作簿的内容已加密，无法读取。请取消密码后再导入。"
    detail = " ".join(str(exc).split())[:120]
    return f"工作簿已损坏，无法读取（{type(exc).__name__}: {detail}）；{advice}"


def _scan_archive(path: Path, archive: zipfile.ZipFile, size: int) -> WorkbookScan:
    infos = archive.infolist()
    names = {info.filename for info in infos}
    if len(infos) > MAX_ENTRIES:
        raise FileFormatError(path, f"工作簿包含的部件过多（{len(infos)} 个），疑似损坏或恶意文件。")
    if "mimetype" in names and "xl/workbook.xml" not in names:
        raise FileFormatError(path, "这是 OpenDocument 表格（.ods），请在表格软件中另存为 .xlsx 后再导入。")
    if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
        raise FileFormatError(path, "不是 Excel 工作簿（.xlsx）：缺少工作簿部件 xl/workbook.xml。")
    allowed = min(MAX_UNCOMPRESSED_BYTES, BASE_UNCOMPRESSED_BYTES + EXPANSION * size)
    cell_limit = min(MAX_CELLS, BASE_CELLS + CELLS_PER_KB * (size // 1024))
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise FileFormatError(
                path, "工作簿的内容已加密，无法读取。请取消密码后再导入。", place=info.filename
            )
        total += info.file_size
        if info.file_size > 1048576 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise FileFormatError(path, "压缩比异常（疑似“压缩炸弹”），拒绝读取。", place=info.filename)
        if not _is_sheet(info.filename) and info.file_size > MAX_OTHER_PART_BYTES:
            raise FileFormatError(
                path,
                f"部件过大（{info.file_size // 1048576} MB，上限 {MAX_OTHER_PART_BYTES // 1048576} MB），拒绝读取。",
                place=info.filename,
            )
    if total > allowed:
        raise FileFormatError(
            path,
            f"解压后过大（{total // 1048576} MB，本文件上限 {allowed // 1048576} MB），疑似“压缩炸弹”，拒绝读取。",
        )
    parts: dict[str, PartInfo] = {}
    cells = span = slots = 0
    for info in infos:
        if info.is_dir():
            continue
        if _is_sheet(info.filename):
            part = _scan_part(path, archive, info, sheet=True)
            parts[info.filename] = part
            cells += part.cells
            span += part.last_row
            slots += part.rows * max(part.last_column, 1)
            if cells > cell_limit:
                raise FileFormatError(
                    path, f"单元格过多（超过 {cell_limit:,} 个），拒绝读取。", place=info.filename
                )
            if span > ROW_SPAN_FACTOR * cell_limit + FULL_SHEET_ROWS or slots > ROW_SLOT_FACTOR * cell_limit:
                raise FileFormatError(
                    path,
                    f"工作表的范围过大（第 {part.last_row:,} 行、第 {part.last_column:,} 列），疑似损坏或恶意文件，拒绝读取。",
                    place=info.filename,
                )
        else:
            # Read through (CRC-checked) so damage anywhere is found here, not inside openpyxl.
            strings = _scan_part(path, archive, info, sheet=False)
            if strings.cells > cell_limit:
                raise FileFormatError(
                    path, f"共享字符串过多（超过 {cell_limit:,} 个），拒绝读取。", place=info.filename
                )
    return WorkbookScan(parts, cell_limit)


def _is_sheet(name: str) -> bool:
    return name.startswith("xl/worksheets/") and name.endswith(".xml")


def _scan_part(path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo, *, sheet: bool) -> PartInfo:
    """Stream one part: cells, rows, width and merges of a sheet; shared strings of the others."""
    part = PartInfo()
    counting = sheet or info.filename.endswith("sharedStrings.xml")
    xml = info.filename.endswith((".xml", ".rels", ".vml"))
    carry = b""
    try:
        with archive.open(info) as stream:
            while True:
                chunk = stream.read(_CHUNK)
                if xml and (b"<!DOCTYPE" in carry + chunk or b"<!ENTITY" in carry + chunk):
                    # Office never writes a DTD; entities are how XXE and "billion laughs" work.
                    raise FileFormatError(
                        path,
                        "工作簿含有 XML 文档类型声明（DTD/实体），疑似恶意文件，拒绝读取。",
                        place=info.filename,
                    )
                if not counting:
                    carry = chunk[-16:] if xml else b""
                    if not chunk:
                        break
                    continue
                data = carry + chunk
                # Cut before the last tag opening so no tag is split between two chunks.
                cut = data.rfind(b"<") if chunk else len(data)
                if cut < 0 or len(data) - cut > _CARRY_MAX:
                    cut = len(data)
                body, carry = data[:cut], data[cut:]
                if sheet:
                    _count_sheet(part, body)
                else:
                    part.cells += len(_SHARED_STRING.findall(body))
                if not chunk:
                    break
    except FileFormatError:
        raise
    except Exception as exc:  # zlib.error, NotImplementedError, BadZipFile (CRC) …
        raise FileFormatError(path, _damage(exc), place=info.filename) from exc
    return part


def _count_sheet(part: PartInfo, body: bytes) -> None:
    part.cells += len(_CELL.findall(body))
    part.rows += len(_ROW.findall(body))
    numbers = _ROW_NUMBER.findall(body)
    if numbers:
        part.last_row = max(part.last_row, max(int(n) for n in numbers))
    columns = _CELL_COLUMN.findall(body)
    if columns:
        widest = max(columns, key=lambda c: (len(c), c.upper()))
        part.last_column = max(part.last_column, _column_number(widest))
    part.merges.extend(m.decode("ascii") for m in _MERGE.findall(body))


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + letter - 64
    return number

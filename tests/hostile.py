"""Hostile inputs, built from real files: the suite's property tests and bench/fuzz_campaign.py share them.

Every builder starts from something real (the bundled sample, a workbook we exported, the corpus
text) and damages it the way a broken disk, another program or an attacker would: bytes flipped
in a zip, a compression method no reader supports, metadata nested a hundred thousand deep,
amounts of 9E+999999999, control characters, bombs that expand a thousandfold.
"""

from __future__ import annotations

import io
import json
import random
import re
import struct
import zipfile
from collections.abc import Callable
from functools import cache
from typing import Any
from xml.sax.saxutils import escape

# Values that broke a loader or a command before: numbers Decimal accepts and then overflows on,
# texts that took quadratic time, control characters that reach a terminal raw.
HOSTILE_NUMBERS: list[Any] = [
    "9E+999999999",
    "-9E+999999999",
    "9E-999999999",
    "1e300",
    "1E+15",
    "NaN",
    "sNaN",
    "-Infinity",
    "0E+999999999",
    "9" * 5000,
    "1." + "0" * 5000,
    "0.0000001",
    "",
    "２５",
    "1,000",
    True,
    None,
    [],
    {},
    10**300,
    -1,
    2026.5,
    1e308,
]
HOSTILE_TEXTS: list[str] = [
    "\x1b]0;pwned\x07\x1b[2J\x1b[31m",
    "\x9b31m\x85\u202e",
    "/../../x/evil",
    "..\\..\\evil",
    "CON",
    "=cmd|' /C calc'!A0",
    "+SUM(1,2)",
    '@HYPERLINK("http://x")',
    '<img src="x"/><a href="http://evil">link</a><font name="Courier">',
    "&lt;b&gt;&amp;",
    "\u0000\u0001\u0008\u000b\u000c\u007f",
    "\ud7ff\ue000\uffff",
    "😀" * 10,
    "1万元、" * 2000,
    "百分之" + "九" * 5000,
    "汉" * 40_000,
    "a\nb\r\nc\u2028d",
    "",
]


# -- project files (JSON) --------------------------------------------------------------------------


def json_paths(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a JSON document, as key/index paths."""
    found = [path]
    if isinstance(node, dict):
        for key, value in node.items():
            found += json_paths(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += json_paths(value, (*path, index))
    return found


def _at(node: Any, path: tuple[Any, ...]) -> Any:
    for key in path:
        node = node[key]
    return node


def mutate_json(document: dict[str, Any], rng: random.Random, steps: int = 3) -> bytes:
    """A copy of a project file's document with `steps` structural mutations, as file bytes."""
    doc = json.loads(json.dumps(document))
    for _ in range(steps):
        paths = json_paths(doc)
        path = rng.choice(paths[1:]) if len(paths) > 1 else ()
        if not path:
            continue
        parent, key = _at(doc, path[:-1]), path[-1]
        op = rng.randrange(8)
        if op == 0:
            parent[key] = rng.choice(HOSTILE_NUMBERS)
        elif op == 1:
            parent[key] = rng.choice(HOSTILE_TEXTS)
        elif op == 2 and isinstance(parent, dict):
            del parent[key]
        elif op == 2 and isinstance(parent, list):
            parent.pop(key)
        elif op == 3 and isinstance(parent, list) and parent:
            parent.extend([parent[key]] * rng.randint(1, 50))
        elif op == 4:
            parent[key] = [[[parent[key]]]] if rng.random() < 0.5 else {"x": parent[key]}
        elif op == 5 and isinstance(parent, dict):
            parent[rng.choice(["extra", "schema_version", "booklet", "id", "review"])] = rng.choice(
                HOSTILE_NUMBERS + HOSTILE_TEXTS
            )
        elif op == 6:
            parent[key] = rng.choice(
                [{}, [], {"status": "审核通过", "comments": [{"time": "x", "indicator": 10**18}]}]
            )
        else:
            value = parent[key]
            if isinstance(value, str):
                parent[key] = value * rng.randint(2, 200)
    text = json.dumps(doc, ensure_ascii=rng.random() < 0.2, indent=rng.choice([None, 1]))
    data = text.encode("utf-8", "surrogatepass")
    return mutate_bytes(data, rng) if rng.random() < 0.2 else data


def mutate_bytes(data: bytes, rng: random.Random) -> bytes:
    """Bytes flipped, cut, duplicated or inserted, as a damaged disk or a bad transfer leaves them."""
    buf = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        if not buf:
            break
        op = rng.randrange(5)
        at = rng.randrange(len(buf))
        if op == 0:
            buf[at] ^= 1 << rng.randrange(8)
        elif op == 1:
            del buf[at:]
        elif op == 2:
            span = buf[at : at + rng.randint(1, 64)]
            buf[at:at] = span * rng.randint(1, 8)
        elif op == 3:
            buf[at:at] = rng.choice([b"\x00", b"\xff\xfe", b"\\ud800", b'"', b"{", b"]" * 9, b"\xef\xbb\xbf"])
        else:
            del buf[at : at + rng.randint(1, 64)]
    return bytes(buf)


def deep_json(depth: int) -> bytes:
    return ('{"schema_version": 2, "booklet": ' + "[" * depth + "]" * depth + "}").encode()


# -- workbooks -------------------------------------------------------------------------------------

_LOCAL = b"PK\x03\x04"
_CENTRAL = b"PK\x01\x02"


def zip_parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def build_zip(parts: dict[str, bytes], level: int = 6) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _headers(data: bytes, signature: bytes) -> list[int]:
    found, at = [], data.find(signature)
    while at >= 0:
        found.append(at)
        at = data.find(signature, at + 1)
    return found


def set_compression_method(data: bytes, method: int) -> bytes:
    """Every entry claims `method` (9 = Deflate64, 99 = AES, 14 = LZMA …) in both headers."""
    buf = bytearray(data)
    for at in _headers(data, _LOCAL):
        buf[at + 8 : at + 10] = struct.pack("<H", method)
    for at in _headers(data, _CENTRAL):
        buf[at + 10 : at + 12] = struct.pack("<H", method)
    return bytes(buf)


def set_zip_version(data: bytes, version: int) -> bytes:
    buf = bytearray(data)
    for at in _headers(data, _LOCAL):
        buf[at + 4 : at + 6] = struct.pack("<H", version)
    for at in _headers(data, _CENTRAL):
        buf[at + 6 : at + 8] = struct.pack("<H", version)
    return bytes(buf)


def corrupt_entry(data: bytes, name: str) -> bytes:
    """Flip bytes inside one entry's compressed data (a damaged deflate stream)."""
    buf = bytearray(data)
    for at in _headers(data, _LOCAL):
        length, extra = struct.unpack("<HH", data[at + 26 : at + 30])
        if data[at + 30 : at + 30 + length] == name.encode():
            start = at + 30 + length + extra
            size = struct.unpack("<I", data[at + 18 : at + 22])[0]
            for k in range(min(size // 3, 40), min(size // 3, 40) + min(24, max(size // 3, 1))):
                buf[start + k] ^= 0xA5
    return bytes(buf)


def with_meta_text(parts: dict[str, bytes], text: str) -> dict[str, bytes]:
    """The workbook with its hidden metadata sheet holding exactly `text` in A1."""
    name = next(n for n, d in parts.items() if n.startswith("xl/worksheets/") and b"kpi-editor-xlsx" in d)
    xml = parts[name].decode()
    cell = (
        f'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>{escape(text)}</t></is></c></row></sheetData>'
    )
    changed = dict(parts)
    changed[name] = re.sub(r"<sheetData>.*</sheetData>", lambda _m: cell, xml, flags=re.S).encode()
    return changed


def meta_text(parts: dict[str, bytes]) -> str:
    name = next(n for n, d in parts.items() if n.startswith("xl/worksheets/") and b"kpi-editor-xlsx" in d)
    texts = re.findall(r"<t[^>]*>(.*?)</t>", parts[name].decode(), flags=re.S)
    from xml.sax.saxutils import unescape

    return "".join(unescape(t) for t in texts)


def mutate_meta(document: dict[str, Any], rng: random.Random) -> str:
    """The metadata JSON with one value replaced by something of the wrong shape."""
    doc = json.loads(json.dumps(document))
    paths = json_paths(doc)[1:]
    path = rng.choice(paths)
    parent = _at(doc, path[:-1])
    parent[path[-1]] = rng.choice([*HOSTILE_NUMBERS, *HOSTILE_TEXTS[:6], [1, 2], {"a": [1]}, [[[]]]])
    return json.dumps(doc, ensure_ascii=False)


def sheet_names(parts: dict[str, bytes]) -> list[str]:
    return sorted(n for n in parts if n.startswith("xl/worksheets/") and n.endswith(".xml"))


_CELL_TEXT = re.compile(rb"(<t[^>]*>)([^<]*)(</t>)")
_CELL_NUMBER = re.compile(rb"(<v>)([^<]*)(</v>)")


def mutate_cells(parts: dict[str, bytes], rng: random.Random, count: int = 4) -> dict[str, bytes]:
    """Cell texts and numbers of the visible sheets replaced by hostile values."""
    changed = dict(parts)
    sheets = [n for n in sheet_names(parts) if b"kpi-editor-xlsx" not in parts[n]]
    for _ in range(count):
        name = rng.choice(sheets)
        xml = changed[name]
        pattern = _CELL_TEXT if rng.random() < 0.6 else _CELL_NUMBER
        matches = list(pattern.finditer(xml))
        if not matches:
            continue
        match = rng.choice(matches)
        value = rng.choice(HOSTILE_TEXTS + [str(v) for v in HOSTILE_NUMBERS if isinstance(v, str)])
        # XML 1.0 cannot carry most control characters at all: what an attacker can write is escaped.
        raw = escape(value.encode("utf-8", "replace").decode("utf-8")).encode("utf-8", "surrogatepass")
        raw = re.sub(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]", b"", raw)
        changed[name] = xml[: match.start(2)] + raw + xml[match.end(2) :]
    return changed


def mutate_sheet_xml(parts: dict[str, bytes], rng: random.Random) -> dict[str, bytes]:
    """Structural damage inside a worksheet: tags cut, attributes swapped, rows moved far away."""
    changed = dict(parts)
    name = rng.choice(sheet_names(parts))
    xml = bytearray(changed[name])
    op = rng.randrange(6)
    if op == 0 and len(xml) > 10:
        at = rng.randrange(len(xml))
        del xml[at : at + rng.randint(1, 40)]
    elif op == 1:
        xml = bytearray(
            re.sub(rb'r="([A-Z]+)(\d+)"', lambda m: b'r="XFD%s"' % m.group(2), bytes(xml), count=3)
        )
    elif op == 2:
        xml = bytearray(re.sub(rb'<row r="(\d+)"', b'<row r="1048576"', bytes(xml), count=1))
    elif op == 3:
        xml = bytearray(bytes(xml).replace(b"<dimension ref=", b'<dimension ref="A1:XFD1048576" old=', 1))
    elif op == 4:
        xml = bytearray(re.sub(rb'ref="[A-Z]+\d+:[A-Z]+\d+"', b'ref="A1:XFD1048576"', bytes(xml), count=2))
    else:
        xml = bytearray(re.sub(rb't="s"', b't="n"', bytes(xml), count=5))
    changed[name] = bytes(xml)
    return changed


ZipMutation = Callable[[bytes, random.Random], bytes]


def mutate_zip(data: bytes, rng: random.Random) -> bytes:
    """One fault of the container: compression, version, a damaged stream, flipped bytes, a cut."""
    op = rng.randrange(6)
    if op == 0:
        return set_compression_method(data, rng.choice([9, 12, 14, 98, 99, 1, 6]))
    if op == 1:
        return set_zip_version(data, rng.choice([63, 99, 999, 0xFFFF]))
    if op == 2:
        names = list(zip_parts(data))
        return corrupt_entry(data, rng.choice(names))
    if op == 3:
        return data[: rng.randrange(len(data))]
    if op == 4:
        buf = bytearray(data)
        central = _headers(data, _CENTRAL)
        if central:
            at = rng.choice(central) + rng.choice([16, 20, 24, 28, 30, 42])
            buf[at : at + 4] = rng.randbytes(4)
        return bytes(buf)
    return mutate_bytes(data, rng)


@cache
def bombs() -> dict[str, bytes]:
    """Workbooks that are small on disk and huge, deep or wide once read."""
    head = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    )

    def workbook(sheet: bytes, extra: dict[str, bytes] | None = None) -> bytes:
        parts = {
            "[Content_Types].xml": (
                b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                b'<Default Extension="xml" ContentType="application/xml"/>'
                b'<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                b'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                b"</Types>"
            ),
            "_rels/.rels": (
                b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
                b"</Relationships>"
            ),
            "xl/workbook.xml": (
                b'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
                b'<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
            ),
            "xl/_rels/workbook.xml.rels": (
                b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
                b"</Relationships>"
            ),
            "xl/worksheets/sheet1.xml": head + sheet + b"</worksheet>",
            **(extra or {}),
        }
        return build_zip(parts, level=9)

    one_row = b'<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>'
    lol = b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">' + b"".join(
        b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
        for i in range(1, 10)
    )
    return {
        "zip_bomb_zeros": workbook(
            b"<sheetData>" + one_row + b"</sheetData>", {"xl/media/pad.bin": bytes(8 << 20)}
        ),
        "sheet_bomb_ratio": workbook(b"<sheetData>" + one_row * 400_000 + b"</sheetData>"),
        "shared_strings_bomb": workbook(
            b"<sheetData>" + one_row + b"</sheetData>",
            {"xl/sharedStrings.xml": b"<sst>" + b"<si><t>a</t></si>" * 500_000 + b"</sst>"},
        ),
        "dimension_bomb": workbook(
            b'<dimension ref="A1:XFD1048576"/><sheetData>' + one_row + b"</sheetData>"
        ),
        "far_column": workbook(
            b"<sheetData>"
            + b"".join(b'<row r="%d"><c r="XFD%d"><v>1</v></c></row>' % (i, i) for i in range(1, 60_000))
            + b"</sheetData>"
        ),
        "last_row": workbook(b'<sheetData><row r="1048576"><c r="A1048576"><v>1</v></c></row></sheetData>'),
        "merge_bomb": workbook(
            b"<sheetData>"
            + b"".join(
                b'<row r="%d"><c r="A%d"><v>1</v></c><c r="Z%d"><v>1</v></c></row>' % (i, i, i)
                for i in range(1, 8000)
            )
            + b"</sheetData><mergeCells>"
            + b"".join(b'<mergeCell ref="A%d:Z8000"/>' % i for i in range(1, 8000))
            + b"</mergeCells>"
        ),
        "huge_cell": workbook(
            b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>'
            + b"a" * (8 << 20)
            + b"</t></is></c></row></sheetData>"
        ),
        "deep_xml": workbook(
            b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is>'
            + b"<r>" * 300_000
            + b"</r>" * 300_000
            + b"</is></c></row></sheetData>"
        ),
        "billion_laughs": build_zip(
            {
                **zip_parts(workbook(b"<sheetData>" + one_row + b"</sheetData>")),
                "xl/workbook.xml": lol
                + b']><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/>&lol9;</workbook>',
            }
        ),
        "external_entity": build_zip(
            {
                **zip_parts(workbook(b"<sheetData>" + one_row + b"</sheetData>")),
                "xl/worksheets/sheet1.xml": b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
                + head
                + b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&e;</t></is></c></row></sheetData></worksheet>',
            }
        ),
    }


# -- booklet text ----------------------------------------------------------------------------------

_TEXT_TOKENS = [
    "部门（单位）预算项目支出绩效目标表",
    "项目名称",
    "部门（单位）",
    "项目资金来源",
    "资金来源\t2026年预算申请数（万元）",
    "合计",
    "财政拨款",
    "其中：2026年上级补助",
    "2026年本级安排",
    "2025年结转资金",
    "非财政拨款",
    "总体绩效目标",
    "一级指标\t二级指标\t三级指标\t指标值（包含数字及文字描述）",
    "项目完成",
    "数量指标",
    "目录",
    "编制说明",
    "101001 某单位........\t3",
]


def mutate_text_lines(lines: list[str], rng: random.Random, steps: int = 6) -> str:
    """Booklet text with lines deleted, repeated, moved, cut into cells or filled with hostile values."""
    out = list(lines)
    for _ in range(steps):
        if not out:
            out.append("")
        at = rng.randrange(len(out))
        op = rng.randrange(7)
        if op == 0:
            del out[at]
        elif op == 1:
            out.insert(at, out[rng.randrange(len(out))])
        elif op == 2:
            cells = out[at].split("\t")
            cells[rng.randrange(len(cells))] = str(rng.choice(HOSTILE_NUMBERS + HOSTILE_TEXTS))
            out[at] = "\t".join(cells)
        elif op == 3:
            out[at] = rng.choice(_TEXT_TOKENS)
        elif op == 4:
            cells = out[at].split("\t")
            rng.shuffle(cells)
            out[at] = "\t".join(cells)
        elif op == 5:
            out[at] = out[at] + "\t" * rng.randint(1, 30) + rng.choice(_TEXT_TOKENS)
        else:
            block = out[at : at + rng.randint(1, 30)]
            out[at:at] = block * rng.randint(1, 5)
    return "\n".join(out)

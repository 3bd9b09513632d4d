"""The project file: byte-exact round trip, atomic saves, and a clear message for every bad file."""

from __future__ import annotations

import json
import os
from decimal import Decimal
from pathlib import Path

import pytest

from kpi_editor.domain.model import Booklet, Department, Funding, Indicator, Project
from kpi_editor.io import projectfile
from kpi_editor.io.errors import FileFormatError
from kpi_editor.io.projectfile import dumps_booklet, load_booklet, loads_booklet, save_booklet


def small_booklet() -> Booklet:
    return Booklet(
        fiscal_year=2026,
        title="攀枝花市西区2026年区本级部门预算项目绩效目标（草案）",
        departments=[
            Department(
                code="116001",
                name="攀枝花市西区人力资源和社会保障局",
                projects=[
                    Project(
                        id="116001-01",
                        name="人大代表履职经费",
                        unit_name="攀枝花市西区人力资源和社会保障局",
                        funding=Funding(total=Decimal("25.0"), fiscal=Decimal("816.995875")),
                        indicators=[
                            Indicator(level1="项目完成", level2="数量指标", name="召开会议", value="2次")
                        ],
                    )
                ],
            )
        ],
    )


def test_round_trip_is_byte_exact(tmp_path: Path) -> None:
    path = tmp_path / "a.kpi.json"
    save_booklet(small_booklet(), path)
    first = path.read_bytes()
    save_booklet(load_booklet(path), path)
    assert path.read_bytes() == first


def test_sample_round_trip_is_byte_exact(tmp_path: Path, sample_path: Path) -> None:
    copy = tmp_path / "sample.kpi.json"
    save_booklet(load_booklet(sample_path), copy)
    assert copy.read_bytes() == sample_path.read_bytes()


def test_file_is_utf8_unescaped_with_amounts_as_exact_strings(tmp_path: Path) -> None:
    path = tmp_path / "a.kpi.json"
    save_booklet(small_booklet(), path)
    text = path.read_text(encoding="utf-8")
    assert "人大代表履职经费" in text and "\\u" not in text
    assert '"total": "25.0"' in text and '"fiscal": "816.995875"' in text
    assert json.loads(text)["schema_version"] == projectfile.SCHEMA_VERSION
    loaded = load_booklet(path).departments[0].projects[0].funding
    assert loaded.total == Decimal("25.0") and str(loaded.total) == "25.0"


def test_numbers_in_the_file_are_read_exactly() -> None:
    text = dumps_booklet(small_booklet()).replace('"816.995875"', "816.995875")
    funding = loads_booklet(text, "hand.kpi.json").departments[0].projects[0].funding
    assert funding.fiscal == Decimal("816.995875")


def test_save_keeps_a_backup_of_the_previous_file(tmp_path: Path) -> None:
    path = tmp_path / "a.kpi.json"
    booklet = small_booklet()
    save_booklet(booklet, path)
    before = path.read_bytes()
    booklet.title = "改过的标题"
    save_booklet(booklet, path)
    assert (tmp_path / "a.kpi.json.bak").read_bytes() == before
    assert load_booklet(path).title == "改过的标题"


def test_failed_save_leaves_the_old_file_intact(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.kpi.json"
    save_booklet(small_booklet(), path)
    before = path.read_bytes()

    def broken_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    changed = small_booklet()
    changed.title = "不应写入"
    with pytest.raises(OSError):
        save_booklet(changed, path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.kpi.json"]


GOOD = dumps_booklet(small_booklet())
_VERSION = f'"schema_version": {projectfile.SCHEMA_VERSION}'

BAD_FILES: list[tuple[str, bytes, str, str | None]] = [
    ("empty", b"", "文件是空的", None),
    ("blank", b"  \n\n", "文件是空的", None),
    ("not json", "这不是 JSON".encode(), "不是有效的 JSON", "第1行第1列"),
    ("truncated", GOOD.encode()[: len(GOOD) // 2], "文件不完整", "行"),
    ("not utf-8", GOOD.encode("gb18030"), "不是 UTF-8", "第"),
    ("no booklet", b'{"schema_version": 1}', "缺少 booklet", None),
    ("a list", b"[1, 2]", "缺少 booklet", None),
    ("newer schema", GOOD.replace(_VERSION, '"schema_version": 99').encode(), "请升级", "schema_version"),
    ("bad schema", GOOD.replace(_VERSION, '"schema_version": "one"').encode(), "格式版本号无效", None),
    (
        "unknown template",
        GOOD.replace('"xiqu-2026"', '"nowhere-1999"').encode(),
        "未知的表样模板",
        "template_id",
    ),
    (
        "wrong type",
        GOOD.replace('"name": "人大代表履职经费"', '"name": 17').encode(),
        "类型不对",
        "第1个项目",
    ),
    ("bad amount", GOOD.replace('"25.0"', '"二十五"').encode(), "金额无效", "合计"),
    ("too many decimals", GOOD.replace('"25.0"', '"25.1234567"').encode(), "6位小数", "合计"),
    ("missing code", GOOD.replace('"code": "116001",', "").encode(), "缺少必填项", "第1个部门"),
    ("unknown key", GOOD.replace('"title":', '"titel": "x", "title":').encode(), "无法识别的字段", "titel"),
    # Hostile shapes: each must give the one error, never a ValueError/RecursionError/Overflow later.
    (
        "huge integer",
        GOOD.replace('"fiscal_year": 2026', '"fiscal_year": ' + "9" * 5000).encode(),
        "数字过长",
        None,
    ),
    (
        "deep nesting",
        GOOD.replace('"title":', '"titel": ' + "[" * 100_000 + "]" * 100_000 + ', "title":').encode(),
        "嵌套过深",
        None,
    ),
    (
        "duplicate key",
        GOOD.replace('"title":', '"title": "另一个标题", "title":').encode(),
        "重复的字段“title”",
        None,
    ),
    (
        "year too small",
        GOOD.replace('"fiscal_year": 2026', '"fiscal_year": -2026').encode(),
        "不能小于1990",
        "预算年度",
    ),
    (
        "year fraction",
        GOOD.replace('"fiscal_year": 2026', '"fiscal_year": 2026.5').encode(),
        "必须是整数",
        "预算年度",
    ),
    ("empty id", GOOD.replace('"id": "116001-01"', '"id": ""').encode(), "不能为空", "编号"),
    ("huge amount", GOOD.replace('"25.0"', '"9E+999999"').encode(), "金额过大", "合计"),
    ("lone surrogate", GOOD.replace("人大代表履职经费", "人大\\ud800经费").encode(), "无效的字符", "名称"),
]


@pytest.mark.parametrize(("case", "content", "message", "place"), BAD_FILES, ids=[c[0] for c in BAD_FILES])
def test_bad_file_raises_one_error_naming_file_and_place(
    tmp_path: Path, case: str, content: bytes, message: str, place: str | None
) -> None:
    path = tmp_path / f"{case}.kpi.json"
    path.write_bytes(content)
    with pytest.raises(FileFormatError) as info:
        load_booklet(path)
    text = str(info.value)
    assert str(path) in text
    assert message in text
    if place:
        assert place in text


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(FileFormatError, match="文件不存在"):
        load_booklet(tmp_path / "nope.kpi.json")
    with pytest.raises(FileFormatError, match="文件夹"):
        load_booklet(tmp_path)


def test_save_keeps_the_file_mode(tmp_path: Path) -> None:
    path = tmp_path / "a.kpi.json"
    save_booklet(small_booklet(), path)
    assert path.stat().st_mode & 0o077, "a new file must not become owner-only"
    path.chmod(0o640)
    save_booklet(small_booklet(), path)
    assert path.stat().st_mode & 0o777 == 0o640

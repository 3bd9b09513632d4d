"""Library files: round trips, the shipped libraries, bureau and personal files, and bad files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kpi_editor.domain.library import Library
from kpi_editor.domain.model import Booklet
from kpi_editor.domain.suggest import LibraryIndex
from kpi_editor.domain.template import load_template
from kpi_editor.io import libraryfile
from kpi_editor.io.errors import FileFormatError
from kpi_editor.io.libraryfile import (
    booklet_library,
    dumps_library,
    library_dir,
    load_libraries,
    load_library,
    personal_library,
    remember_booklet,
    save_library,
    shipped_library,
)

XIQU = load_template("xiqu-2026")
MOF = load_template("mof-2021")


def _document(**library: object) -> str:
    return json.dumps(
        {"kind": "kpi-indicator-library", "schema_version": 1, "library": library}, ensure_ascii=False
    )


GOOD_ROW = {"level1": "项目完成", "level2": "数量指标", "name": "召开会议次数", "value": "{数}次", "seen": 0}


def test_the_shipped_sample_library_is_the_sample_as_built_now(sample_booklet: Booklet) -> None:
    """resources/library/xiqu-2026.library.json must be rebuilt when the sample or the builder
    changes: `kpi library build resources/samples/xiqu-2026.kpi.json -o <that file>`."""
    shipped = (library_dir() / "xiqu-2026.library.json").read_text(encoding="utf-8")
    rebuilt = booklet_library([(sample_booklet, None)], XIQU, name="西区2026")
    assert dumps_library(rebuilt) == shipped


def test_save_and_load_give_the_same_library(tmp_path: Path, sample_booklet: Booklet) -> None:
    library = booklet_library([(sample_booklet, "西区2026")], XIQU)
    path = tmp_path / "lib.library.json"
    save_library(library, path)
    text = path.read_text(encoding="utf-8")
    assert "西区2026" in text and "\\u" not in text
    assert load_library(path, XIQU) == library


def test_the_shipped_library_offers_the_sample_and_the_common_set() -> None:
    library = shipped_library(XIQU)
    assert library.template_id == "xiqu-2026"
    assert any(not r.sources for r in library.rows) and any(r.sources for r in library.rows)
    ministry = shipped_library(MOF)  # no sample for this template: the 共性 set only
    assert ministry.template_id == "mof-2021" and ministry.rows and not ministry.projects


def test_load_libraries_leaves_out_a_bad_bureau_file(tmp_path: Path) -> None:
    broken = tmp_path / "局.library.json"
    broken.write_text("{", encoding="utf-8")
    loaded = load_libraries(XIQU, [broken])
    assert len(loaded.errors) == 1 and str(broken) in str(loaded.errors[0])
    assert len(loaded.library.rows) == len(shipped_library(XIQU).rows)


def test_the_personal_library_remembers_files_and_skips_bad_ones(
    tmp_path: Path, sample_booklet: Booklet
) -> None:
    folder = tmp_path / "个人"
    assert personal_library(folder, XIQU) == (None, [])
    one = sample_booklet.model_copy(update={"departments": sample_booklet.departments[:1]})
    path = remember_booklet(folder, one, tmp_path / "人大 2026.kpi.json", XIQU)
    assert path.parent == folder and path.name.endswith(".library.json")
    again = remember_booklet(folder, one, tmp_path / "人大 2026.kpi.json", XIQU)
    assert again == path and len(list(folder.iterdir())) == 1  # the same file replaces its rows
    (folder / "坏.library.json").write_bytes(b"\xff\xfe")
    save_library(Library(template_id="mof-2021"), folder / "部.library.json")
    library, errors = personal_library(folder, XIQU)
    assert library is not None and len(library.projects) == len(one.departments[0].projects)
    assert len(errors) == 1 and "坏.library.json" in str(errors[0])
    loaded = load_libraries(XIQU, personal_folder=folder)
    index = LibraryIndex(loaded.library, XIQU)
    result = index.suggest(one.departments[0].projects[0].model_copy(update={"indicators": []}), 2027)
    assert any(s.origin.startswith("西区2026 · 101001 · ") for s in result.all())


HOSTILE: list[tuple[str, bytes, str, str | None]] = [
    ("empty", b"", "文件是空的", None),
    ("not json", b"{kind:", "不是有效的 JSON", "第1行"),
    ("not utf-8", "指标".encode("gbk"), "不是 UTF-8", "第1行"),
    ("a project file", b'{"schema_version": 2, "booklet": {}}', "不是指标库文件", None),
    ("a list", b"[1, 2]", "不是指标库文件", None),
    (
        "newer",
        _document().replace('"schema_version": 1', '"schema_version": 9').encode(),
        "更新版本",
        "schema_version",
    ),
    (
        "bad version",
        _document().replace('"schema_version": 1', '"schema_version": true').encode(),
        "版本号无效",
        None,
    ),
    (
        "deep",
        b'{"kind": "kpi-indicator-library", "library": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
        "嵌套过深",
        None,
    ),
    ("huge int", _document(name=1).replace(": 1}", ": " + "9" * 5000 + "}").encode(), "数字过长", None),
    ("duplicate key", b'{"kind": "kpi-indicator-library", "kind": "x", "library": {}}', "重复的字段", None),
    ("lone surrogate", _document(name="\ud800").encode("utf-8", "surrogatepass"), "UTF-8", None),
    ("escaped surrogate", _document(name="库").replace("库", "\\ud800").encode(), "无效的字符", "名称"),
    (
        "surrogate key",
        _document(level2_notes={"库": "x"}).replace("库", "\\ud800").encode(),
        "无效的字符",
        "library.level2_notes",
    ),
    ("unknown field", _document(rows=[{**GOOD_ROW, "weight": 3}]).encode(), "无法识别的字段", "指标 › 第1条"),
    (
        "long text",
        _document(rows=[{**GOOD_ROW, "name": "长" * 10_000}]).encode(),
        "文字过长",
        "指标 › 第1条 › 名称",
    ),
    (
        "wrong type",
        _document(rows=[{**GOOD_ROW, "seen": "many"}]).encode(),
        "类型不对",
        "指标 › 第1条 › 次数",
    ),
    ("bad source", _document(rows=[{**GOOD_ROW, "sources": [5]}]).encode(), "来源项目编号超出范围", None),
    ("unknown template", _document(template_id="北京-2030").encode(), "未知的表样", "template_id"),
    ("other template", _document(template_id="mof-2021").encode(), "不能混用", "template_id"),
    (
        "unknown 二级",
        _document(template_id="xiqu-2026", rows=[{**GOOD_ROW, "level2": "产出指标"}]).encode(),
        "不在表样",
        "第1条指标",
    ),
    (
        "wrong 一级",
        _document(template_id="xiqu-2026", rows=[{**GOOD_ROW, "level1": "项目效益"}]).encode(),
        "应在一级指标",
        "第1条指标",
    ),
]


@pytest.mark.parametrize(("case", "data", "message", "place"), HOSTILE, ids=[h[0] for h in HOSTILE])
def test_bad_library_files_give_one_clear_line(
    tmp_path: Path, case: str, data: bytes, message: str, place: str | None
) -> None:
    path = tmp_path / f"{case}.library.json"
    path.write_bytes(data)
    with pytest.raises(FileFormatError) as caught:
        load_library(path, XIQU)
    text = str(caught.value)
    assert "\n" not in text and len(text) < 300, text
    assert text.startswith(str(path)) and message in text, text
    if place is not None:
        assert place in (caught.value.place or ""), text
    # The editor goes on with the shipped library.
    loaded = load_libraries(XIQU, [path])
    assert len(loaded.errors) == 1 and loaded.library.rows


def test_a_file_over_the_size_limit_is_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.library.json"
    path.write_text(_document(), encoding="utf-8")
    monkeypatch.setattr(libraryfile, "MAX_BYTES", 10)
    with pytest.raises(FileFormatError, match="文件过大"):
        load_library(path)


def test_missing_files_and_folders(tmp_path: Path) -> None:
    with pytest.raises(FileFormatError, match="文件不存在"):
        load_library(tmp_path / "none.library.json")
    with pytest.raises(FileFormatError, match="文件夹"):
        load_library(tmp_path)


def test_a_library_for_any_template_fits_the_one_in_use(tmp_path: Path) -> None:
    path = tmp_path / "通用.library.json"
    path.write_text(
        _document(rows=[{**GOOD_ROW, "level2": "成本指标", "name": "人均成本"}]), encoding="utf-8"
    )
    (row,) = load_library(path, MOF).rows
    assert (row.level1, row.level2) == ("成本指标", "经济成本指标")

"""`kpi templates`, `kpi new` and `kpi convert` on the shipped forms and the sample; bad input refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kpi_editor.cli import main
from kpi_editor.domain.template import available_templates, templates_dir
from kpi_editor.io.projectfile import load_booklet


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_templates_lists_every_shipped_form(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "templates")
    assert code == 0
    for template in available_templates().values():
        assert f"{template.id}\t版本 {template.version}\t{template.name}" in out
    assert "权重：合计90分＋预算执行率10" in out
    code, out, _ = run(capsys, "templates", "--json")
    listed = {t["id"]: t for t in json.loads(out)}
    assert listed["sichuan-2023"]["currency"] == "元"
    assert listed["hunan-2022"]["target_sets"] == ["实施期", "本年度"]
    assert listed["national-2021"]["weights"]["level1"]["成本指标"] == ["0", "20"]


def test_templates_check_helps_an_author_and_names_a_broken_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shipped = templates_dir() / "hunan-2022.json"
    code, out, _ = run(capsys, "templates", "--check", str(shipped))
    assert code == 0 and "hunan-2022" in out and "sha256:" in out
    data = json.loads(shipped.read_text(encoding="utf-8"))
    del data["content_hash"]
    data["kinds"]["speed"] = {}
    broken = tmp_path / "mine.json"
    broken.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, out, err = run(capsys, "templates", "--check", str(broken))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and str(broken) in err and "kinds.speed" in err


@pytest.mark.parametrize("template", sorted(available_templates()))
def test_new_creates_a_booklet_of_each_form(
    template: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "new.kpi.json"
    code, _, err = run(
        capsys,
        "new",
        "--template",
        template,
        "--year",
        "2027",
        "--unit",
        "116001",
        "区人社局",
        "-o",
        str(out),
    )
    assert code == 0 and str(out) in err
    booklet = load_booklet(out)
    form = available_templates()[template]
    assert booklet.template_id == template and booklet.template_version == form.version
    assert booklet.fiscal_year == 2027 and booklet.departments[0].code == "116001"
    required = {spec.name for spec in form.required_level2()}
    assert required <= {row.level2 for _, p in booklet.projects() for row in p.indicators}
    # Empty rows are what the checker asks to fill in: exit 1, not 2.
    code, _, _ = run(capsys, "validate", str(out))
    assert code == 1


def test_new_refuses_bad_input_and_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "x.kpi.json"
    for argv, message in (
        (("--template", "nowhere", "--year", "2026"), "未知的表样模板“nowhere”"),
        (("--template", "xiqu-2026", "--year", "2026", "--unit", "12", "某单位"), "6位数字"),
        (("--template", "xiqu-2026", "--year", "1066"), "预算年度"),
    ):
        code, _, err = run(capsys, "new", *argv, "-o", str(out))
        assert code == 2 and message in err and not out.exists()
    assert run(capsys, "new", "--template", "xiqu-2026", "--year", "2026", "-o", str(out))[0] == 0
    code, _, err = run(capsys, "new", "--template", "xiqu-2026", "--year", "2026", "-o", str(out))
    assert code == 2 and "--overwrite" in err


def test_convert_the_sample_to_the_2021_framework_and_back(
    sample_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = sample_path.read_bytes()
    national, report = tmp_path / "national.kpi.json", tmp_path / "report.json"
    code, stdout, err = run(
        capsys,
        "convert",
        str(sample_path),
        "--template",
        "national-2021",
        "-o",
        str(national),
        "--report",
        str(report),
    )
    assert code == 0 and stdout == "" and sample_path.read_bytes() == source
    assert "表样 xiqu-2026 → national-2021" in err and "项目完成/成本指标 → 成本指标/经济成本指标" in err
    assert f"见 {report}" in err and err.rstrip().endswith(str(national))
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["counts"]["cells_to_check"] == len(data["to_check"]) > 500
    assert any(c["field"] == "level2" and c["text"] == "可持续发展指标" for c in data["to_check"])
    converted = load_booklet(national)
    assert converted.template_id == "national-2021" and converted.project_count == 327
    back = tmp_path / "back.kpi.json"
    code, _, err = run(
        capsys, "convert", str(national), "--template", "xiqu-2026", "-o", str(back), "--verbose"
    )
    assert code == 0 and "请核对" in err
    assert load_booklet(back).template_id == "xiqu-2026"
    code, _, err = run(
        capsys, "convert", str(back), "--template", "xiqu-2026", "-o", str(tmp_path / "z.json")
    )
    assert code == 2 and "无需转换" in err
    code, _, err = run(capsys, "convert", str(back), "--template", "xiqu-2026", "-o", str(back))
    assert code == 2 and "就是输入文件" in err

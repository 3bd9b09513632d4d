"""Form templates are data: the shipped ones load, labels follow the fiscal year, broken files are clear errors."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from kpi_editor.domain.template import (
    TemplateError,
    available_templates,
    load_template,
    load_template_file,
    templates_dir,
)


def test_both_shipped_templates_load() -> None:
    assert set(available_templates()) >= {"xiqu-2026", "mof-2021"}


def test_funding_labels_follow_the_fiscal_year() -> None:
    xiqu = load_template("xiqu-2026")
    assert xiqu.funding_label("superior", 2027) == "其中：2027年上级补助"
    assert xiqu.funding_label("local", 2027) == "2027年本级安排"
    assert xiqu.funding_label("carryover", 2027) == "2026年结转资金"
    assert xiqu.amount_header(2027) == "2027年预算申请数（万元）"
    assert xiqu.funding_label("carryover", 2026) == "2025年结转资金"


def test_corpus_taxonomy() -> None:
    xiqu = load_template("xiqu-2026")
    assert xiqu.level1_names == ("项目完成", "项目效益", "满意度指标")
    assert xiqu.level2_names("项目完成") == ("数量指标", "质量指标", "时效指标", "成本指标")
    assert xiqu.parent_of("社会效益指标") == "项目效益"
    assert xiqu.parent_of("产出指标") is None
    assert xiqu.kind_of("时效指标") == "time" and xiqu.kind_of("成本指标") == "cost"
    assert {s.name for s in xiqu.required_level2()} == {
        "数量指标",
        "质量指标",
        "时效指标",
        "成本指标",
        "服务对象满意度指标",
    }
    (group,) = xiqu.required_groups
    assert set(group.any_of) == {"经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"}


def test_ministry_framework_has_its_own_blocks_and_columns() -> None:
    mof = load_template("mof-2021")
    assert mof.level1_names == ("产出指标", "成本指标", "效益指标", "满意度指标")
    assert mof.level2_names("成本指标") == ("经济成本指标", "社会成本指标", "生态环境成本指标")
    assert mof.kind_of("经济成本指标") == "cost"
    assert [c.label for c in mof.columns][3:] == ["指标性质", "指标值", "度量单位"]
    assert [c.type for c in mof.columns][3:] == ["comparator", "number", "unit"] and mof.structured


def test_unknown_template_names_the_known_ones() -> None:
    with pytest.raises(TemplateError, match=r"未知的表样模板“nowhere”.*xiqu-2026"):
        load_template("nowhere")


def _shipped() -> dict[str, object]:
    data: dict[str, object] = json.loads((templates_dir() / "xiqu-2026.json").read_text(encoding="utf-8"))
    # An edited copy no longer matches the shipped file's content hash; a template may omit one.
    del data["content_hash"]
    return data


def _broken(data: dict[str, object], **changes: object) -> dict[str, object]:
    return {**data, **changes}


BROKEN = [
    ("missing id", lambda d: {k: v for k, v in d.items() if k != "id"}, "id"),
    ("no taxonomy", lambda d: _broken(d, taxonomy=[]), "taxonomy"),
    (
        "level2 twice",
        lambda d: _broken(
            d,
            taxonomy=[
                {"name": "甲", "level2": [{"name": "数量指标"}]},
                {"name": "乙", "level2": [{"name": "数量指标"}]},
            ],
            required_groups=[],
        ),
        "二级指标“数量指标”在多个一级指标下出现",
    ),
    (
        "group names an unknown level2",
        lambda d: _broken(d, required_groups=[{"any_of": ["不存在指标"], "description": "x"}]),
        "不存在指标",
    ),
    (
        "no value column",
        lambda d: _broken(
            d,
            columns=[
                {"key": "level1", "label": "一级", "width": 1},
                {"key": "name", "label": "三级", "width": 1},
            ],
        ),
        "value",
    ),
    (
        "bad kind",
        lambda d: _broken(
            d, taxonomy=[{"name": "甲", "level2": [{"name": "乙", "kind": "nonsense"}]}], required_groups=[]
        ),
        "kind",
    ),
]


@pytest.mark.parametrize(("case", "mutate", "message"), BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_template_is_a_clear_error_naming_the_file(
    tmp_path: Path, case: str, mutate: object, message: str
) -> None:
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(mutate(_shipped()), ensure_ascii=False), encoding="utf-8")  # type: ignore[operator]
    with pytest.raises(TemplateError) as info:
        load_template_file(path)
    assert str(path) in str(info.value) and message in str(info.value)


def test_template_that_is_not_json_names_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"id": "x",\n  "name": }', encoding="utf-8")
    with pytest.raises(TemplateError, match=r"bad\.json.*第2行"):
        load_template_file(path)
    with pytest.raises(TemplateError, match="无法读取"):
        load_template_file(tmp_path / "missing.json")


def test_checker_settings_are_template_data() -> None:
    xiqu = load_template("xiqu-2026")
    assert set(xiqu.qualitative_level2()) == {
        "质量指标",
        "经济效益指标",
        "社会效益指标",
        "生态效益指标",
        "可持续影响指标",
    }
    assert "数量指标" not in xiqu.qualitative_level2() and "时效指标" not in xiqu.qualitative_level2()
    assert {"无", "/", "不适用"} <= set(xiqu.checks.placeholder_words)
    assert (
        "全年" in xiqu.checks.time_words
        and "增长" in xiqu.checks.growth_words
        and "事故" in xiqu.checks.absence_words
    )
    assert (xiqu.thresholds.rate_max, xiqu.thresholds.total_min) == (Decimal(100), Decimal("0.1"))
    assert xiqu.checks.severity_of("value.unmeasurable") is None
    assert "社会成本指标" in load_template("mof-2021").qualitative_level2()


def test_rule_levels_read_as_a_mapping(tmp_path: Path) -> None:
    data = _shipped()
    data["checks"] = {**data["checks"], "rule_severity": {"text.too_long": "info", "cost.no_amount": "error"}}  # type: ignore[dict-item]
    path = tmp_path / "t.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    template = load_template_file(path)
    assert template.checks.rule_severity == (("cost.no_amount", "error"), ("text.too_long", "info"))
    assert template.checks.severity_of("text.too_long") == "info"
    data["checks"] = {**data["checks"], "rule_severity": {"text.too_long": "fatal"}}  # type: ignore[dict-item]
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(TemplateError, match="rule_severity"):
        load_template_file(path)

"""Templates that say everything: typed columns, target sets, currency, kinds, weight rules, text
rows, an id, a version and a content hash; a broken one is one message naming the file and the key."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from kpi_editor.domain.template import (
    TemplateError,
    available_templates,
    content_digest,
    load_template,
    load_template_file,
    templates_dir,
    version_note,
)

SHIPPED = ("xiqu-2026", "mof-2021", "sichuan-2023", "national-2021", "hunan-2022")


def test_five_forms_ship_each_with_a_version_and_a_matching_hash() -> None:
    assert set(SHIPPED) <= set(available_templates())
    for path in sorted(templates_dir().glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        template = load_template_file(path)
        # The hash is over the content, not the layout: key order and spacing do not matter.
        shuffled = dict(reversed(list(data.items())))
        assert data["content_hash"] == template.content_hash == content_digest(shuffled), path
        assert template.version == data["version"]


def test_sichuan_prints_structured_columns_in_yuan_with_a_90_point_rule() -> None:
    sichuan = load_template("sichuan-2023")
    assert [c.label for c in sichuan.columns] == [
        "一级指标",
        "二级指标",
        "三级指标",
        "指标性质",
        "指标值",
        "度量单位",
        "权重",
        "指标方向性",
    ]
    assert [c.type for c in sichuan.columns][3:] == ["comparator", "number", "unit", "weight", "direction"]
    assert sichuan.structured and sichuan.currency.unit == "元" and sichuan.currency.thousands
    assert sichuan.currency.decimals == 2
    assert sichuan.level1_names == ("产出指标", "效益指标", "满意度指标")
    assert sichuan.weights is not None and sichuan.weights.total == 90
    assert [(r.label, r.points) for r in sichuan.weights.reserved] == [("预算执行率", Decimal(10))]
    assert [t.label for t in sichuan.project_texts] == ["年度目标"]


def test_national_framework_puts_cost_first_with_scores_and_explanations() -> None:
    national = load_template("national-2021")
    assert national.level1_names[0] == "成本指标"
    assert national.level2_names("成本指标") == ("经济成本指标", "社会成本指标", "生态环境成本指标")
    assert {c.type for c in national.columns} >= {"weight", "explanation"}
    assert national.column("weight") is not None and national.column("weight").label == "分值"  # type: ignore[union-attr]
    rule = national.weights
    assert rule is not None
    assert {b.name: (b.min, b.max) for b in rule.level1}["成本指标"] == (0, 20)
    assert {b.name: (b.min, b.max) for b in rule.level1}["产出指标"] == (40, 50)


def test_hunan_sets_the_implementation_period_beside_the_year() -> None:
    hunan = load_template("hunan-2022")
    assert [s.label for s in hunan.target_sets] == ["实施期", "本年度"] and hunan.has_period
    assert [c.key for c in hunan.columns][3:] == ["period.value", "value", "basis"]
    assert not hunan.structured  # its 指标值 columns are text (指标值及单位)
    assert hunan.basis_choices == ("计划标准", "行业标准", "历史标准", "其他标准")
    places = {t.label: t.place for t in hunan.project_texts}
    assert places["财政部门审核意见"] == "after_indicators"
    assert places["实施期绩效目标"] == places["本年度绩效目标"] == "before_indicators"


def test_drop_downs_follow_the_kind_of_the_level2() -> None:
    sichuan = load_template("sichuan-2023")
    assert sichuan.units_for("服务对象满意度指标") == (("%",), True)
    units, strict = sichuan.units_for("时效指标")
    assert strict and {"日期", "天", "月", "年"} <= set(units)
    assert sichuan.comparators_for("服务对象满意度指标") == (">=", "=")
    # 定性 only where the template allows qualitative targets.
    assert "qualitative" in sichuan.comparators_for("社会效益指标")
    assert "qualitative" not in sichuan.comparators_for("数量指标")


def test_older_templates_without_types_read_their_keys() -> None:
    xiqu = load_template("xiqu-2026")
    assert [c.type for c in xiqu.columns] == ["level1", "level2", "name", "value"]
    assert not xiqu.structured and xiqu.currency.unit == "万元"


def test_a_file_of_another_template_version_gets_a_note() -> None:
    xiqu = load_template("xiqu-2026")
    assert version_note(None, xiqu) is None and version_note(xiqu.version, xiqu) is None
    note = version_note("2025.3", xiqu)
    assert note is not None and "2025.3" in note and xiqu.version in note and "只读" in note


def _shipped(name: str = "national-2021.json") -> dict[str, Any]:
    data: dict[str, Any] = json.loads((templates_dir() / name).read_text(encoding="utf-8"))
    del data["content_hash"]
    return data


def _weights(**changes: Any) -> Any:
    def mutate(d: dict[str, Any]) -> dict[str, Any]:
        return {**d, "weights": {**d["weights"], **changes}}

    return mutate


BROKEN = [
    ("unknown kind in kinds", lambda d: {**d, "kinds": {**d["kinds"], "speed": {}}}, "kinds.speed"),
    (
        "unknown kind of a level2",
        lambda d: {
            **d,
            "taxonomy": [
                {"name": l1["name"], "level2": [{**l2, "kind": "speed"} for l2 in l1["level2"]]}
                for l1 in d["taxonomy"]
            ],
        },
        "taxonomy.0.level2.0.kind",
    ),
    (
        "minimums above the total",
        _weights(
            level1=[
                {"name": "成本指标", "min": "50", "max": "60"},
                {"name": "产出指标", "min": "50", "max": "60"},
            ]
        ),
        "weights.level1",
    ),
    (
        "maximums below the total",
        _weights(
            level1=[
                {"name": "成本指标", "min": "0", "max": "10"},
                {"name": "产出指标", "min": "0", "max": "10"},
                {"name": "效益指标", "min": "0", "max": "10"},
                {"name": "满意度指标", "min": "0", "max": "10"},
            ]
        ),
        "最大分值之和 40 不到总分 90",
    ),
    (
        "a range for no such level1",
        _weights(level1=[{"name": "项目完成", "min": "0", "max": "20"}]),
        "weights.level1[0].name",
    ),
    (
        "a range upside down",
        _weights(level1=[{"name": "成本指标", "min": "20", "max": "5"}]),
        "weights.level1[0]",
    ),
    (
        "weights without a weight column",
        lambda d: {**d, "columns": [c for c in d["columns"] if c["type"] != "weight"]},
        "weights：",
    ),
    (
        "a period column without the period set",
        lambda d: {
            **d,
            "columns": [*d["columns"], {"type": "value", "target": "period", "label": "长期", "width": 1}],
        },
        "columns.period.value",
    ),
    (
        "a key that is not its type's",
        lambda d: {
            **d,
            "columns": [*d["columns"], {"key": "nature", "type": "comparator", "label": "性质", "width": 1}],
        },
        "key",
    ),
    (
        "yuan with four decimals",
        lambda d: {**d, "currency": {"unit": "元", "decimals": 4}},
        "currency.decimals",
    ),
    (
        "no value or number column",
        lambda d: {**d, "columns": [c for c in d["columns"] if c["type"] != "number"]},
        "number",
    ),
]


@pytest.mark.parametrize(("case", "mutate", "key"), BROKEN, ids=[b[0] for b in BROKEN])
def test_a_broken_template_is_one_message_naming_the_file_and_the_key(
    tmp_path: Path, case: str, mutate: Any, key: str
) -> None:
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(mutate(_shipped()), ensure_ascii=False), encoding="utf-8")
    with pytest.raises(TemplateError) as info:
        load_template_file(path)
    message = str(info.value)
    assert str(path) in message and key in message and "\n" not in message


def test_a_template_edited_without_updating_its_hash_is_refused(tmp_path: Path) -> None:
    text = (templates_dir() / "sichuan-2023.json").read_text(encoding="utf-8")
    path = tmp_path / "sichuan.json"
    path.write_text(text.replace('"total": "90"', '"total": "100"'), encoding="utf-8")
    with pytest.raises(TemplateError, match=r"sichuan\.json.*content_hash.*version"):
        load_template_file(path)
    # Without a hash it is simply another form (a bureau's own), checked like any other.
    data = json.loads(path.read_text(encoding="utf-8"))
    del data["content_hash"]
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert load_template_file(path).weights.total == 100  # type: ignore[union-attr]

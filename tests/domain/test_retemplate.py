"""Another template for an open booklet: the labels that map are mapped, the rest is listed."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

import pytest

from kpi_editor.domain.edits import apply_plan
from kpi_editor.domain.engine import validate_booklet
from kpi_editor.domain.model import Booklet
from kpi_editor.domain.retemplate import plan_template_change
from kpi_editor.domain.template import TemplateError, load_template


def label_findings(booklet: Booklet) -> Counter[str]:
    codes = ("structure.unknown_label", "structure.wrong_level1", "structure.nonstandard_label")
    return Counter(f.rule for f in validate_booklet(booklet) if f.rule in codes)


def test_the_sample_moves_to_the_2021_national_framework(sample_booklet: Booklet) -> None:
    before = label_findings(sample_booklet)
    change = plan_template_change(sample_booklet, "mof-2021")
    assert sample_booklet.template_id == "xiqu-2026"  # a plan only describes
    apply_plan(sample_booklet, change.plan)
    assert sample_booklet.template_id == "mof-2021"
    mof = load_template("mof-2021")
    rows = [r for _, p in sample_booklet.projects() for r in p.indicators]
    cost = [r for r in rows if r.level2 == "经济成本指标"]
    assert len(cost) >= 529 and all(r.level1 == "成本指标" for r in cost)
    assert all(r.level1 == "产出指标" for r in rows if r.level2 in ("数量指标", "质量指标", "时效指标"))
    # Every row it mapped is a label of the new template under its own 一级.
    unmapped = {(c.place.path, c.place.field) for c in change.report.to_check}
    for d, department in enumerate(sample_booklet.departments):
        for p, project in enumerate(department.projects):
            for i, row in enumerate(project.indicators):
                if ((d, p, i), "level2") not in unmapped:
                    assert mof.parent_of(row.level2) == row.level1, row
    # What cannot map is listed, not guessed: 可持续发展指标 is no label of either form.
    assert [c.text for c in change.report.to_check if c.place.field == "level2"] == ["可持续发展指标"]
    assert label_findings(sample_booklet).total() < before.total()
    # mof-2021 prints 指标性质 | 指标值 | 度量单位: values that say no more than that are read into them.
    assert any("已拆分" in note for note in change.report.notes)
    assert any("项目完成/成本指标 → 成本指标/经济成本指标（529行）" in note for note in change.report.notes)
    assert "年份" not in change.report.summary()[0]


def test_there_and_back_gives_the_standard_labels_again(sample_booklet: Booklet) -> None:
    original = sample_booklet.model_copy(deep=True)
    xiqu = load_template("xiqu-2026")
    apply_plan(sample_booklet, plan_template_change(sample_booklet, "mof-2021").plan)
    apply_plan(sample_booklet, plan_template_change(sample_booklet, "xiqu-2026").plan)
    for (_, old), (_, new) in zip(original.projects(), sample_booklet.projects(), strict=True):
        for a, b in zip(old.indicators, new.indicators, strict=True):
            if xiqu.parent_of(a.level2) == a.level1:
                assert (a.level1, a.level2) == (b.level1, b.level2)
            assert (a.name, a.value) == (b.name, b.value)


def test_money_in_a_row_the_new_form_does_not_print_is_listed(sample_booklet: Booklet) -> None:
    mof = load_template("mof-2021")
    narrow = mof.model_copy(
        update={"funding_rows": tuple(r for r in mof.funding_rows if r.field != "carryover")}
    )
    _, project = next(iter(sample_booklet.projects()))
    project.funding.carryover = Decimal(3)
    change = plan_template_change(sample_booklet, narrow)
    listed = [(c.place.field, c.text) for c in change.report.to_check if c.place.field.startswith("funding.")]
    assert listed == [("funding.carryover", "3")]  # zeros elsewhere lose nothing


def test_same_template_is_no_change_and_an_unknown_one_is_refused(sample_booklet: Booklet) -> None:
    assert not plan_template_change(sample_booklet, "xiqu-2026").plan
    with pytest.raises(TemplateError, match="未知的表样模板"):
        plan_template_change(sample_booklet, "no-such-form")

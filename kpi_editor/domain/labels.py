"""The Chinese names of the model's fields, stated once.

These are the short names a message, a diff line or a file error uses ("合计", "上年结转资金"). The
labels printed on the form itself (``其中：2026年上级补助``) come from the template
(``FormTemplate.funding_label``); a template that has no row for a field falls back to these.
"""

from __future__ import annotations

FUNDING_NAMES: dict[str, str] = {
    "total": "合计",
    "fiscal": "财政拨款",
    "superior": "上级补助",
    "local": "本级安排",
    "carryover": "上年结转资金",
    "non_fiscal": "非财政拨款",
}
COLUMN_NAMES: dict[str, str] = {
    "level1": "一级指标",
    "level2": "二级指标",
    "name": "三级指标",
    "value": "指标值",
}
# The structured fields of a row (forms with 指标性质, 权重 … columns).
ROW_FIELD_NAMES: dict[str, str] = {
    "target": "指标值（结构化）",
    "weight": "权重",
    "direction": "指标方向性",
    "basis": "绩效标准",
    "explanation": "指标解释",
    "scoring": "评分标准",
    "period": "实施期指标值",
}
FRONT_NAMES: dict[str, str] = {
    "fiscal_year": "预算年度",
    "template_id": "表样",
    "title": "标题",
    "compiler": "编制单位",
    "date": "日期",
    "preface_title": "编制说明标题",
}
SECTION_NAMES: dict[str, str] = {"heading": "标题", "body": "正文"}  # of a 编制说明 section
PROJECT_NAMES: dict[str, str] = {"name": "项目名称", "unit_name": "部门（单位）"}
DEPARTMENT_NAMES: dict[str, str] = {"code": "单位编码", "name": "单位名称"}


def field_name(field: str) -> str:
    """The name of an edited field as the document addresses it (``funding.total``, ``extra:权重``,
    ``value`` …); an extra column is named by its key."""
    if field.startswith("funding."):
        return FUNDING_NAMES.get(field.removeprefix("funding."), field)
    if field.startswith("extra:"):
        return field.removeprefix("extra:")
    if field.startswith("texts:"):
        return field.removeprefix("texts:")
    if field in SECTION_NAMES:
        return f"节{SECTION_NAMES[field]}"
    for table in (FUNDING_NAMES, COLUMN_NAMES, ROW_FIELD_NAMES, FRONT_NAMES, PROJECT_NAMES):
        if field in table:
            return table[field]
    return DEPARTMENT_NAMES.get(field, field)

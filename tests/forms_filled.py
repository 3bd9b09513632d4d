"""A filled table of each shipped form, as a clerk would submit it: the round-trip tests and the
pictures in docs/pdf/ use them. Built through the editor's own cell edits (`row_from_cells`), so
every structured cell is what typing it would store."""

from __future__ import annotations

from decimal import Decimal

from kpi_editor.domain.model import Booklet, Department, Funding, Project
from kpi_editor.domain.skeleton import new_booklet
from kpi_editor.domain.targets import row_from_cells
from kpi_editor.domain.template import load_template

D = Decimal

# (一级, 二级, 三级, then the form's other columns by key)
ROWS: dict[str, list[dict[str, str]]] = {
    "sichuan-2023": [
        {
            "level1": "产出指标",
            "level2": "数量指标",
            "name": "帮扶困难群众户数",
            "comparator": "≥",
            "number": "120",
            "unit": "户",
            "weight": "20",
            "direction": "正向指标",
        },
        {
            "level1": "产出指标",
            "level2": "质量指标",
            "name": "救助资金发放准确率",
            "comparator": "=",
            "number": "100",
            "unit": "%",
            "weight": "10",
            "direction": "正向指标",
        },
        {
            "level1": "产出指标",
            "level2": "时效指标",
            "name": "资金发放完成时间",
            "comparator": "≤",
            "number": "2023-12-31",
            "weight": "10",
            "direction": "反向指标",
        },
        {
            "level1": "产出指标",
            "level2": "成本指标",
            "name": "困难群众救助资金",
            "comparator": "≤",
            "number": "3309840",
            "unit": "元",
            "weight": "10",
            "direction": "反向指标",
        },
        {
            "level1": "效益指标",
            "level2": "社会效益指标",
            "name": "困难群众基本生活保障",
            "comparator": "定性",
            "number": "有效保障",
            "weight": "15",
            "direction": "正向指标",
        },
        {
            "level1": "效益指标",
            "level2": "可持续影响指标",
            "name": "长效帮扶机制",
            "comparator": "定性",
            "number": "逐步建立",
            "weight": "5",
            "direction": "正向指标",
        },
        {
            "level1": "满意度指标",
            "level2": "服务对象满意度指标",
            "name": "受助群众满意度",
            "comparator": "≥",
            "number": "95",
            "unit": "%",
            "weight": "10",
            "direction": "正向指标",
        },
        {
            "level1": "满意度指标",
            "level2": "服务对象满意度指标",
            "name": "村（社区）满意度",
            "comparator": "≥",
            "number": "90",
            "unit": "%",
            "weight": "10",
            "direction": "正向指标",
        },
    ],
    "national-2021": [
        {
            "level1": "成本指标",
            "level2": "经济成本指标",
            "name": "会议及培训费用",
            "comparator": "≤",
            "number": "25",
            "unit": "万元",
            "weight": "15",
            "explanation": "反映会议、培训的经费控制情况，与年度预算相符。",
        },
        {
            "level1": "成本指标",
            "level2": "社会成本指标",
            "name": "对群众生活的影响",
            "comparator": "定性",
            "number": "无负面影响",
            "weight": "5",
            "explanation": "反映项目实施对周边群众生活造成的影响。",
        },
        {
            "level1": "产出指标",
            "level2": "数量指标",
            "name": "召开代表大会次数",
            "comparator": "=",
            "number": "2",
            "unit": "次",
            "weight": "20",
            "explanation": "反映年度内召开人民代表大会的次数。",
        },
        {
            "level1": "产出指标",
            "level2": "质量指标",
            "name": "会议议程完成率",
            "comparator": "=",
            "number": "100",
            "unit": "%",
            "weight": "15",
            "explanation": "完成的议程数／计划议程数×100%。",
        },
        {
            "level1": "产出指标",
            "level2": "时效指标",
            "name": "会议完成时间",
            "comparator": "≤",
            "number": "2026年12月31日",
            "weight": "10",
            "explanation": "反映年度会议的完成时限。",
        },
        {
            "level1": "效益指标",
            "level2": "社会效益指标",
            "name": "代表履职率",
            "comparator": "≥",
            "number": "95",
            "unit": "%",
            "weight": "20",
            "explanation": "实际履职的代表数／代表总数×100%。",
        },
        {
            "level1": "满意度指标",
            "level2": "服务对象满意度指标",
            "name": "代表满意度",
            "comparator": "≥",
            "number": "90",
            "unit": "%",
            "weight": "5",
            "explanation": "通过问卷调查反映代表对会议组织的满意程度。",
        },
    ],
    "hunan-2022": [
        {
            "level1": "产出指标",
            "level2": "数量指标",
            "name": "送戏下乡演出场次",
            "period.value": "三年累计≥300场",
            "value": "≥100场",
            "basis": "计划标准",
        },
        {
            "level1": "产出指标",
            "level2": "质量指标",
            "name": "演出验收合格率",
            "period.value": "100%",
            "value": "100%",
            "basis": "行业标准",
        },
        {
            "level1": "产出指标",
            "level2": "时效指标",
            "name": "年度演出完成时间",
            "period.value": "2024年12月31日前",
            "value": "2022年12月31日前",
            "basis": "计划标准",
        },
        {
            "level1": "产出指标",
            "level2": "成本指标",
            "name": "演出补助经费",
            "period.value": "≤300万元",
            "value": "≤100万元",
            "basis": "历史标准",
        },
        {
            "level1": "效益指标",
            "level2": "社会效益指标",
            "name": "受益群众人次",
            "period.value": "≥15万人次",
            "value": "≥5万人次",
            "basis": "历史标准",
        },
        {
            "level1": "满意度指标",
            "level2": "服务对象满意度指标",
            "name": "观众满意度",
            "period.value": "≥90%",
            "value": "≥90%",
            "basis": "其他标准",
        },
    ],
    "mof-2021": [
        {
            "level1": "产出指标",
            "level2": "数量指标",
            "name": "培训人次",
            "comparator": "≥",
            "number": "300",
            "unit": "人次",
        },
        {
            "level1": "产出指标",
            "level2": "质量指标",
            "name": "培训考核合格率",
            "comparator": "≥",
            "number": "95",
            "unit": "%",
        },
        {
            "level1": "产出指标",
            "level2": "时效指标",
            "name": "培训完成时间",
            "comparator": "≤",
            "number": "2026-11-30",
        },
        {
            "level1": "成本指标",
            "level2": "经济成本指标",
            "name": "培训经费",
            "comparator": "≤",
            "number": "18",
            "unit": "万元",
        },
        {
            "level1": "效益指标",
            "level2": "社会效益指标",
            "name": "基层干部业务能力",
            "comparator": "≥",
            "number": "90",
            "unit": "%",
        },
        {
            "level1": "满意度指标",
            "level2": "服务对象满意度指标",
            "name": "参训人员满意度",
            "comparator": "≥",
            "number": "95",
            "unit": "%",
        },
    ],
    "xiqu-2026": [
        {"level1": "项目完成", "level2": "数量指标", "name": "召开会议", "value": "2次"},
        {"level1": "项目完成", "level2": "质量指标", "name": "会议议程完成率", "value": "100%"},
        {"level1": "项目完成", "level2": "时效指标", "name": "完成时间", "value": "2026年12月31日前"},
        {"level1": "项目完成", "level2": "成本指标", "name": "会务费、印刷费", "value": "25万元"},
        {"level1": "项目效益", "level2": "社会效益指标", "name": "代表履职率", "value": "≥95%"},
        {"level1": "满意度指标", "level2": "服务对象满意度指标", "name": "代表满意度", "value": "≥90%"},
    ],
}
FUNDING: dict[str, Funding] = {
    "sichuan-2023": Funding(total=D("330.984"), fiscal=D("330.984"), non_fiscal=D(0)),
    "national-2021": Funding(
        total=D(25), fiscal=D(25), superior=D(0), local=D(25), carryover=D(0), non_fiscal=D(0)
    ),
    "hunan-2022": Funding(total=D(100), fiscal=D(100), non_fiscal=D(0)),
    "mof-2021": Funding(
        total=D(18), fiscal=D(18), superior=D(0), local=D(18), carryover=D(0), non_fiscal=D(0)
    ),
    "xiqu-2026": Funding(
        total=D(25), fiscal=D(25), superior=D(0), local=D(25), carryover=D(0), non_fiscal=D(0)
    ),
}
TEXTS: dict[str, dict[str, str]] = {
    "sichuan-2023": {"goal": "保障全镇困难群众基本生活，按时足额发放救助资金，群众满意度不低于95%。"},
    "national-2021": {"goal": "按期召开人民代表大会两次，保障代表依法履职，会议经费控制在预算之内。"},
    "hunan-2022": {
        "period_goal": "2022—2024年开展送戏下乡不少于300场，惠及群众15万人次以上。",
        "goal": "2022年完成送戏下乡100场，惠及群众5万人次以上，观众满意度不低于90%。",
        "review_opinion": "同意。",
    },
}
YEARS = {"sichuan-2023": 2023, "national-2021": 2026, "hunan-2022": 2022, "mof-2021": 2026, "xiqu-2026": 2026}
UNITS = {
    "sichuan-2023": ("820001", "井研县马踏镇人民政府"),
    "hunan-2022": ("305001", "某县文化旅游广电局"),
}


def filled_booklet(template_id: str) -> Booklet:
    """A booklet of one unit with one filled table of the form `template_id`."""
    template = load_template(template_id)
    code, unit = UNITS.get(template_id, ("101001", "攀枝花市西区人民代表大会常务委员会办公室"))
    booklet = new_booklet(template, YEARS[template_id], code, unit)
    rows = []
    for cells in ROWS[template_id]:
        row, problems = row_from_cells(cells, template)
        assert not problems, problems
        rows.append(row)
    project = Project(
        id=f"{template_id}-1",
        name={
            "sichuan-2023": "困难群众救助补助资金",
            "hunan-2022": "送戏下乡惠民演出",
            "mof-2021": "基层干部培训",
        }.get(template_id, "人民代表大会会议经费"),
        unit_name=unit,
        funding=FUNDING[template_id],
        indicators=rows,
        texts=TEXTS.get(template_id),
    )
    booklet.departments = [Department(code=code, name=unit, projects=[project])]
    return booklet

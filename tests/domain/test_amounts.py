"""The money/number parser on real cells from the corpus, and property-based round trips."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kpi_editor.domain.amounts import (
    YearStyle,
    chinese_number,
    is_measurable,
    money_total_wan,
    normalise,
    parse_bare_number,
    parse_money_amounts,
    parse_percent,
    parse_target,
    year_mentions,
    year_text,
    years_in,
)
from kpi_editor.domain.model import Target

D = Decimal

# (cell text as printed in the corpus, the amount it commits to in 万元)
TOTALS = [
    ("预计25万", D(25)),
    ("支付相关费用8万元", D(8)),
    ("0.7万元", D("0.7")),
    ("≤3万", D(3)),
    ("≥1.2亿元", D(12000)),
    ("42000元", D("4.2")),
    ("≤46,000元。其中：公益课≤16,000元；普及性活动≤10,000元；日常维护≤12,000元；办公日常≤8,000元", D("4.6")),
    ("３，０００元", D("0.3")),
    ("４５万元", D(45)),
    ("7个×2万元=14万元", D(14)),
    ("300对×60元/对=1.8万元", D("1.8")),
    ("240对*80元=1.92万元", D("1.92")),
    ("33条×150元/条/月×12个月=59400元", D("5.94")),
    ("$200\\text{件} \\times 30\\text{元/件} = 6000\\text{元}$", D("0.6")),
    ("$6 \\times 500 \\text{元} = 3000 \\text{元}$", D("0.3")),
    ("计划全区购买新计算机356台，按单价5000/台，共计178万元", D(178)),
    (
        "内网网络维护费用2万元，包含：重要设备耗材替换费用1万元；组织人员参加内网关培训费0.5万元；常规网络故障处置费用0.5万元",
        D(2),
    ),
    ("文化馆3.6万元、7个文化站6.3万元，合计9.9万元", D("9.9")),
    ("侨联工作及活动经费2万、台联工作及活动经费1万元；3个侨之家活动经费各0.5万元，共4.5万元", D("4.5")),
    ("区级配套5万元，上级84.24万元", D("89.24")),
    ("每人每月约94元，全年约53336元", D("5.3336")),
    ("27000元/月，全年32.4万元", D("32.4")),
    ("水电19万元/年", D(19)),
    ("项目总成本控制在10000元以内", D(1)),
    ("项目实际总支出控制在 100万元 以内", D(100)),
    ("总经费10000元，开展活动5场，每场受众 ≥ 200 人，人均成本 ≤ 10 元", D(1)),
    ("录音笔约1000元/台，采购2台，共计2000元", D("0.2")),
    ("按合同或协议约定，被保人数23人，1200元/人/年，合计2.76万元打非人员人身意外险费", D("2.76")),
    (
        "医务人员按5.88万元/人/年；专任教师9.45万元/人/；保育员按3.5万元/人/年；其他后勤人员按3万元/人/年，共需115.53万元",
        D("115.53"),
    ),
    ("项目基本运行保障经费0.5万元；健康工具制作和印刷费0.5万元；宣传推广费1万元（共计2.00万元）", D(2)),
    ("租用专用视频会议网络光纤专线1条1年5.976万元", D("5.976")),
    ("印刷宣传资料预计需要0.16万元，库房租用、办公耗材需要0.34万元", D("0.5")),
]


@pytest.mark.parametrize(("text", "expected"), TOTALS)
def test_money_total_of_real_cells(text: str, expected: Decimal) -> None:
    assert money_total_wan(text) == expected


# Cells that name money but no total: unit prices, per-person standards, or no money at all.
NO_TOTAL = [
    "≤600元/人",
    "50元/月/人",
    "1400元/人·年",
    "按政策分档执行（200/100/50元/月）",
    "按攀府函〔2012〕188号文件规定执行：义务兵每人每年6000元，士官每人每年7000元",
    "缴费标准为每人15000元",
    "≥2000万元/家",
    "≤100%",
    "1万人次",
    "2026年预算申请数（万元）",
    "81000",
    "效果显著",
    "",
]


@pytest.mark.parametrize("text", NO_TOTAL)
def test_unit_prices_and_non_money_give_no_total(text: str) -> None:
    assert money_total_wan(text) is None


def test_mentions_carry_comparator_flags_and_span() -> None:
    text = "600元/人/月，19人，共13.68万元"
    first, second = parse_money_amounts(text)
    assert (first.wan, first.is_unit_price, first.is_total) == (D("0.06"), True, False)
    assert (second.wan, second.is_unit_price, second.is_total) == (D("13.68"), False, True)
    assert text[slice(*second.span)] == second.text == "13.68万元"
    assert [
        m.comparator for m in parse_money_amounts("≤3万；预计25万；控制在6万元以内；经费不得低于5000元")
    ] == [
        "<=",
        "~",
        "<=",
        ">=",
    ]


def test_span_points_into_the_original_text_through_latex() -> None:
    text = "$2\\text{次} \\times 1000\\text{元/次} = 2000\\text{元}$"
    *_, total = parse_money_amounts(text)
    assert total.is_total and total.wan == D("0.2")
    assert text[slice(*total.span)].startswith("2000")


def test_bare_numbers_need_a_unit_from_context() -> None:
    assert parse_money_amounts("81000") == []
    assert money_total_wan("81000", bare_unit="元") == D("8.1")
    assert money_total_wan("≤3", bare_unit="万元") == D(3)
    assert parse_bare_number("≥3") == (">=", D(3))
    assert parse_bare_number("3个") is None


def test_normalise_maps_every_character_back() -> None:
    text = "＄≥９５％＄"
    plain, index = normalise(text)
    assert plain == "≥95%"
    assert [text[i] for i in index[:-1]] == ["≥", "９", "５", "％"]


# -- property-based --------------------------------------------------------------------------------

amounts_wan = st.decimals(min_value=D("0.000001"), max_value=D(99999), places=6, allow_nan=False)


def _plain(value: Decimal) -> str:
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


@st.composite
def money_text(draw: st.DrawFn) -> tuple[str, Decimal]:
    """An amount in 万元 written as a clerk might: 万元 / 万 / 元 / 亿元, with decoration."""
    wan = draw(amounts_wan)
    unit = draw(st.sampled_from(["万元", "万", "元", "亿元"]))
    if unit == "元":
        number = wan * 10000
    elif unit == "亿元":
        number = wan / 10000
    else:
        number = wan
    digits = _plain(number)
    if draw(st.booleans()) and unit == "元" and "." not in digits and len(digits) > 3:
        digits = f"{int(digits):,}"  # 3,000元
    if draw(st.booleans()):
        digits = digits.translate({ord(c): ord(c) - ord("0") + ord("０") for c in "0123456789"})
    prefix = draw(st.sampled_from(["", "≤", "预计", "约", "共计", "合计", "支付相关费用", "控制在"]))
    suffix = draw(st.sampled_from(["", "以内", "。", "（预估）"]))
    return f"{prefix}{digits}{unit}{suffix}", wan


@given(money_text())
def test_formatted_amount_parses_back_to_the_same_wan(case: tuple[str, Decimal]) -> None:
    text, wan = case
    assert money_total_wan(text) == wan


@given(amounts_wan, st.sampled_from(["元/人", "元/人/年", "元/件", "元/月", "万元/人/年", "元/生·月"]))
def test_unit_prices_never_count_as_totals(wan: Decimal, unit: str) -> None:
    price = f"{_plain(wan)}{unit}"
    assert money_total_wan(price) is None
    assert all(m.is_unit_price and not m.is_total for m in parse_money_amounts(price))
    assert money_total_wan(f"每人{_plain(wan)}元") is None


@given(amounts_wan, amounts_wan)
def test_a_unit_price_beside_a_stated_total_leaves_the_total(price: Decimal, total: Decimal) -> None:
    text = f"{_plain(price)}元/人，共计{_plain(total)}万元"
    assert money_total_wan(text) == total


@given(st.lists(amounts_wan, min_size=2, max_size=5))
def test_parts_add_up_and_a_restated_sum_counts_once(parts: list[Decimal]) -> None:
    listed = "；".join(f"第{i}项{_plain(p)}万元" for i, p in enumerate(parts))
    assert money_total_wan(listed) == sum(parts)
    assert money_total_wan(f"{listed}，合计{_plain(sum(parts))}万元") == sum(parts)


@given(st.text(max_size=40))
def test_never_raises_on_any_text(text: str) -> None:
    money_total_wan(text)
    parse_percent(text)
    parse_target(text)
    years_in(text)
    is_measurable(text, ("显著",))


# -- percentages, targets, years, measurability ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "comparator"),
    [
        ("≥95%", D(95), ">="),
        ("满意度大于90%。", D(90), ">"),
        ("群众满意度达到90%以上", D(90), ">="),
        ("满意度85%以上", D(85), ">="),
        ("满意度≥ 90%", D(90), ">="),
        ("$\\geq 80\\%$", D(80), ">="),
        ("满意度不低于百分之九十", D(90), ">="),
        ("９５％", D(95), None),
    ],
)
def test_parse_percent(text: str, value: Decimal, comparator: str | None) -> None:
    found = parse_percent(text)
    assert found is not None
    assert (found.value, found.comparator) == (value, comparator)


def test_no_percent_in_words() -> None:
    assert parse_percent("基本满意") is None
    assert parse_percent("20次") is None


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("≥95%", Target(comparator=">=", number=D(95), unit="%")),
        ("20次", Target(number=D(20), unit="次")),
        ("≤3万元", Target(comparator="<=", number=D(3), unit="万元")),
        ("≥5000人", Target(comparator=">=", number=D(5000), unit="人")),
        ("2026年完成2场培训", Target(number=D(2), unit="场")),
        ("≥3", Target(comparator=">=", number=D(3), unit="")),
    ],
)
def test_parse_target(text: str, target: Target) -> None:
    assert parse_target(text) == target


@pytest.mark.parametrize("text", ["2026年12月31日前", "2026-12-31", "效果显著", "2026年1-12月"])
def test_dates_and_words_are_not_targets(text: str) -> None:
    assert parse_target(text) is None


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("2026年1-12月", [2026]),
        ("2025年12月31日之前", [2025]),
        ("2026-12-31前完成", [2026]),
        ("2025-2026年度", [2025, 2026]),
        ("二〇二六年底", [2026]),
        ("二○二五年12月", [2025]),  # ○ U+25CB WHITE CIRCLE, as input methods type 〇
        ("按攀府函〔2012〕188号文件规定执行", []),
        ("《年鉴（2026）》400册", []),
        ("2000元", []),
        ("全年", []),
    ],
)
def test_years_in(text: str, years: list[int]) -> None:
    assert years_in(text) == years


@pytest.mark.parametrize(
    ("text", "mentions"),
    [
        ("2025年12月31日前", [(2025, "2025", "digits", True, False)]),
        ("25年底前", [(2025, "25", "short", True, False)]),
        ("二○二五年底前", [(2025, "二○二五", "chinese", True, False)]),
        ("去年底前完成", [(2025, "去年", "relative", True, False)]),
        ("较上年提高5%", [(2025, "上年", "relative", False, True)]),
        ("较2025年增长10%", [(2025, "2025", "digits", False, True)]),
        ("迎接2025年度考核", [(2025, "2025", "digits", False, False)]),
        ("上年度结转资金", [(2025, "上年度", "relative", False, False)]),
        ("２０２５年全年", [(2025, "２０２５", "digits", True, False)]),  # full-width digits
        ("使用年限30年内", []),  # a two-digit number of years, not a year
        ("大于30年", []),
    ],
)
def test_year_mentions(text: str, mentions: list[tuple[int, str, str, bool, bool]]) -> None:
    found = year_mentions(text, 2026)
    assert [(m.year, text[m.span[0] : m.span[1]], m.style, m.deadline, m.compared) for m in found] == mentions


@pytest.mark.parametrize(
    ("original", "style", "written"),
    [
        ("2025", "digits", "2026"),
        ("25", "short", "2026"),
        ("二○二五", "chinese", "二○二六"),
        ("二〇二五", "chinese", "二〇二六"),
        ("去年", "relative", "2026年"),
    ],
)
def test_year_text_keeps_the_spelling(original: str, style: YearStyle, written: str) -> None:
    assert year_text(2026, style, original) == written


VAGUE = ("显著", "提升", "有效", "优良", "持续")


@pytest.mark.parametrize(
    "text",
    [
        "≥95%",
        "20次",
        "2026年12月31日前",
        "两次",
        "一次性联网",
        "零事故",
        "全覆盖",
        "是",
        "≤3万元",
        "年底前完成",
    ],
)
def test_measurable(text: str) -> None:
    assert is_measurable(text, VAGUE)


@pytest.mark.parametrize(
    "text", ["效果显著", "优良", "有效提升", "及时", "2026年持续提升", "", "促进西区社会经济发展"]
)
def test_not_measurable(text: str) -> None:
    assert not is_measurable(text, VAGUE)


def test_chinese_number() -> None:
    assert [chinese_number(t) for t in ("九十五", "十", "一百", "二〇二六", "十二", "abc")] == [
        95,
        10,
        100,
        2026,
        12,
        None,
    ]

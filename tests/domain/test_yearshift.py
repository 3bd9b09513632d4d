"""Which years in a cell move with the fiscal year: plan mentions next to history in one cell."""

from __future__ import annotations

import pytest

from kpi_editor.domain.yearshift import Verdict, neutral_form, read_cell


def moved(text: str, old: int = 2026, new: int = 2027, time_row: bool = False) -> str | None:
    reading = read_cell(text, old, new, time_row)
    assert not reading.unsure, [m.reason for m in reading.mentions]
    return reading.new_text


def verdicts(
    text: str, old: int = 2026, new: int = 2027, time_row: bool = False
) -> list[tuple[str, Verdict]]:
    return [(m.text, m.verdict) for m in read_cell(text, old, new, time_row).mentions]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026年1-12月", "2027年1-12月"),
        ("2026年底前完成全部工作", "2027年底前完成全部工作"),
        ("2026年12月31日前", "2027年12月31日前"),
        ("2026年1月1日至2026年12月31日", "2027年1月1日至2027年12月31日"),
        ("2026全年", "2027全年"),
        ("预计2026统筹年度城乡居民医保参保率", "预计2027统筹年度城乡居民医保参保率"),
        ("2026-12-31前", "2027-12-31前"),
        ("二〇二六年三月", "二〇二七年三月"),
        ("二○二六年底前", "二○二七年底前"),  # ○ U+25CB, as input methods give it, is kept
        ("二零二六年", "二零二七年"),
        ("26年底前完成", "27年底前完成"),
        ("２０２６年底", "２０２７年底"),  # full-width digits stay full-width
        (
            "攀枝花市西区2026年 区本级部门预算项目绩效目标（草案）",
            "攀枝花市西区2027年 区本级部门预算项目绩效目标（草案）",
        ),
    ],
)
def test_plan_year_spellings_move_in_their_own_spelling(text: str, expected: str) -> None:
    assert moved(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # History right next to the plan year: only the plan year moves.
        ("在2025年基础上，2026年完成改造", "在2025年基础上，2027年完成改造"),
        ("较2025年增长5%，2026年底前完成", "较2025年增长5%，2027年底前完成"),
        (
            "使用2025年结转资金10万元，2026年12月31日前支付完毕",
            "使用2025年结转资金10万元，2027年12月31日前支付完毕",
        ),
        ("“十四五”期间持续推进，2026年完成年度任务", "“十四五”期间持续推进，2027年完成年度任务"),
        ("协会成立于2018年，2026年开展活动4次", "协会成立于2018年，2027年开展活动4次"),
        ("2025年成立的协会，2026年开展活动", "2025年成立的协会，2027年开展活动"),
        (
            "持续推进三年（2025-2027年）行动，2026年完成中期评估",
            "持续推进三年（2025-2027年）行动，2027年完成中期评估",
        ),
        ("按川财规〔2026〕6号标准，2026年底前完成", "按川财规〔2026〕6号标准，2027年底前完成"),
        ("采购2026个，2026年底前到货", "采购2026个，2027年底前到货"),  # a count is not a year
        # Last year's appraisal, done each year in the plan year, follows the year.
        ("迎接2026年度共同富裕建设及2025年目标绩效考核", "迎接2027年度共同富裕建设及2026年目标绩效考核"),
        # A window running into the plan year moves as a whole.
        ("集中征缴期内（2025.11.1-2026.2.28）", "集中征缴期内（2026.11.1-2027.2.28）"),
        ("2026年9月至2027年7月（一个学年）", "2027年9月至2028年7月（一个学年）"),
        # A stock as of last year is history; last year named after 上年度 is relative.
        (
            "截至2025年底全区共有养老机构12家，2026年新增2家",
            "截至2025年底全区共有养老机构12家，2027年新增2家",
        ),
        ("较上年度（2025年）提高2个百分点", "较上年度（2026年）提高2个百分点"),
    ],
)
def test_history_next_to_the_plan_year_stays(text: str, expected: str) -> None:
    assert moved(text) == expected


def test_verdicts_name_what_each_mention_is() -> None:
    assert verdicts("较2025年增长，2025年结转资金，2026年完成，本年度内，十四五") == [
        ("2025", Verdict.HISTORY),
        ("2025", Verdict.HISTORY),
        ("2026", Verdict.MOVED),
        ("本年度", Verdict.RELATIVE),
        ("十四五", Verdict.HISTORY),
    ]
    # Relative words follow the year by themselves: nothing to change.
    assert read_cell("完成本年度目标任务，较上年提高", 2026, 2027).new_text is None
    assert verdicts("60岁以上年龄人口") == []  # 以上年龄 is not 上年


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [
        ("2026年为换届选举年需要召开两次人代会", "2027年为换届选举年需要召开两次人代会"),
        ("组织2026年第十一届健走大赛", "组织2027年第十一届健走大赛"),
        ("印制《西区年鉴（2026）》400册", "印制《西区年鉴（2027）》400册"),
        ("开展2026年人大换届选举工作", "开展2027年人大换届选举工作"),
        ("对2026年创建的示范点位进行再评审", "对2027年创建的示范点位进行再评审"),
        ("预计2025年统筹年度参保人数", "预计2026年统筹年度参保人数"),
        ("2027年底前完成二期验收", "2028年底前完成二期验收"),  # next year: fixed deadline or not?
        # Odd spellings are listed, never silently changed.
        ("二O二六年底前", "二〇二七年底前"),  # the letter O
        ("服务满26年", "服务满27年"),  # 26 years or the year 26?
        ("完成（2026）", "完成（2027）"),
    ],
)
def test_unsure_cells_are_left_whole_with_a_suggestion(text: str, suggestion: str) -> None:
    reading = read_cell(text, 2026, 2027)
    assert reading.unsure
    assert reading.new_text is None
    assert reading.suggestion == suggestion
    assert all(m.reason for m in reading.mentions)


def test_one_unsure_mention_keeps_the_whole_cell() -> None:
    reading = read_cell("2026年为换届年，2026年12月底前完成选举", 2026, 2027)
    assert [m.verdict for m in reading.mentions] == [Verdict.UNSURE, Verdict.UNSURE]
    assert reading.new_text is None
    reading = read_cell("2026年12月底前完成，印制《年鉴（2026）》", 2026, 2027)
    assert [m.verdict for m in reading.mentions] == [Verdict.MOVED, Verdict.UNSURE]
    assert reading.new_text is None and reading.suggestion == "2027年12月底前完成，印制《年鉴（2027）》"


def test_time_rows_never_keep_the_plan_year_and_list_other_years() -> None:
    # A deadline is the plan by definition; another year there was already the source's mistake.
    assert moved("2026年12月31日前", time_row=True) == "2027年12月31日前"
    reading = read_cell("2025年12月31日前", 2026, 2027, time_row=True)
    assert reading.unsure and reading.suggestion == "2027年12月31日前"  # the new fiscal year itself
    assert read_cell("2026年起实施", 2026, 2027, time_row=True).unsure
    assert read_cell("2026年起实施", 2026, 2027).mentions[0].verdict is Verdict.HISTORY


def test_years_far_from_the_plan_are_history() -> None:
    assert verdicts("市本级2003年度离休干部缴费标准") == [("2003", Verdict.HISTORY)]
    assert verdicts("设备正常使用到2029年以后") == [("2029", Verdict.HISTORY)]
    assert read_cell("设备正常使用到2029年以后", 2026, 2027).new_text is None


def test_any_direction_and_gap() -> None:
    assert moved("2027年底前", 2027, 2026) == "2026年底前"  # a fiscal year set back
    assert moved("2026年底前，较2025年增长", 2026, 2028) == "2028年底前，较2025年增长"
    assert moved("2026年度及2025年目标考核", 2026, 2028) == "2028年度及2027年目标考核"


def test_neutral_form_matches_consecutive_years() -> None:
    for old, new in [
        ("2026年1-12月", "2027年1-12月"),
        ("迎接2026年度建设及2025年考核", "迎接2027年度建设及2026年考核"),
        ("二〇二六年", "二〇二七年"),
    ]:
        assert neutral_form(old, 2026) == neutral_form(new, 2027)
    assert neutral_form("2026年1-12月", 2026) != neutral_form("2026年1-12月", 2027)
    assert neutral_form("召开会议2次", 2026) == "召开会议2次"


def test_a_pasted_megabyte_is_read_in_one_pass() -> None:
    # Context is looked for a few characters around each year, never across the whole cell.
    text = "2026年底前完成，" * 5000 + "《年鉴（" + "2026）" * 5000 + "》"
    reading = read_cell(text, 2026, 2027)
    assert len(reading.mentions) == 10000 and reading.unsure
    assert read_cell("1999）" * 20000, 2026, 2027).mentions == ()

"""Years in free text, and which of them move when a table passes to another fiscal year.

A cell of last year's table names years in many ways: ``2026年1-12月``, ``2026年底前``, ``二〇二六年``
(or ``二○二六年`` with U+25CB, what input methods give), ``26年底``, ``2026全年``, ``2025.11.1-2026.2.28``,
``本年度``, ``较2025年增长``, ``2025年结转``, ``（2025年度起）``, ``“十四五”``. Rolling the table over to
the next year must move the mentions that mean *the year of the plan* and leave those that are
history. Each mention gets a verdict:

``moved``
    the plan year (``2026年12月31日前``), a window that runs into it (``2025.11.1-2026.2.28``), or
    last year's appraisal done in the plan year (``2025年目标绩效考核``): shifted by the same number
    of years as the fiscal year.
``history``
    a fact that stays true: carry-over (``2025年结转``), a comparison base (``较2025年``), a start
    (``2025年度起``, ``成立于2018年``), a multi-year period (``2025-2027年``, ``十四五``), any year two or
    more years away from the plan.
``relative``
    words that follow the year by themselves (``本年度``, ``当年``, ``较上年``): nothing to change.
``unsure``
    what the rules cannot tell: a fact about the year itself (``2026年为换届选举年``), an edition or
    a 届 number (``2026年第十一届``), a title (``《年鉴（2026）》``), last year or next year with no
    telling context, a time indicator that already named another year, an odd spelling
    (``二O二六年`` with the letter O, ``（2026）``, ``26年`` that may be a duration).

A cell with any ``unsure`` mention is left exactly as it was and listed for the clerk, with a
suggestion (every plan-like mention shifted) the clerk may take. Nothing here knows about booklets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

__all__ = ["CellReading", "Verdict", "YearMention", "neutral_form", "read_cell"]


class Verdict(StrEnum):
    MOVED = "moved"
    HISTORY = "history"
    RELATIVE = "relative"
    UNSURE = "unsure"


@dataclass(frozen=True, slots=True)
class YearMention:
    start: int  # [start, end) of the year as written (its digits or numerals; a relative word)
    end: int
    text: str
    year: int | None  # None for relative words and period names
    verdict: Verdict
    reason: str  # Chinese, for the report
    replacement: str | None  # the shifted spelling (moved and unsure mentions that have one)


@dataclass(frozen=True, slots=True)
class CellReading:
    text: str
    mentions: tuple[YearMention, ...]
    # The text with every moved mention shifted; None when nothing moves or the cell is unsure.
    new_text: str | None
    # For an unsure cell: the text with moved and unsure mentions shifted, for the clerk to take.
    suggestion: str | None

    @property
    def unsure(self) -> bool:
        return any(m.verdict is Verdict.UNSURE for m in self.mentions)


# -- spellings ----------------------------------------------------------------------------------------

_FULLWIDTH = {ord("０") + i: ord("0") + i for i in range(10)}
_CN_DIGIT = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_OF = "〇一二三四五六七八九"
# 〇 (U+3007), ○ (U+25CB, what pinyin input methods give) and 零 are zeros a clerk writes; the
# letter O, a Latin or full-width 0 and the Greek Ο are not, and make the year an odd spelling.
_GOOD_ZEROS = "〇○零"
_ODD_ZEROS = "OoΟ0０"
_CLAUSE_BREAK = "，,。；;！!？?\n："

_ARABIC_RE = re.compile(r"(?<![\d.〔\[【A-Za-z])(?P<y>\d{4})(?!\d)")
_CN_YEAR_RE = re.compile(
    rf"(?<![{_CN_OF}{_GOOD_ZEROS}{_ODD_ZEROS}])(?P<y>[一二][{_CN_OF[1:]}{_GOOD_ZEROS}{_ODD_ZEROS}]{{3}})(?![{_CN_OF}{_GOOD_ZEROS}])"
)
# A two-digit year is read only with a date-like word after 年; ``26年`` alone may be 26 years.
_SHORT_RE = re.compile(r"(?<![\d.\-/])(?P<y>\d{2})(?=年)")
_SHORT_TAIL_RE = re.compile(
    r"年(?:底|末|初|度|内|中|全年|上半年|下半年|春|秋|第?[一二三四1-4]季度|\d{1,2}月|[一二三四五六七八九十]{1,3}月)"
)
# Guards keep 基本年薪 and 以上年龄 from reading as 本年 and 上年.
_RELATIVE_RE = re.compile(
    r"(?<![基资])(?:本年度|本财年|本年)|当年度|当年|今年|(?<!以)(?:上一年度|上一年|上年度|上年)|去年|明年|下一年度|下年度|次年"
)
_PERIOD_RE = re.compile(r"十[一二三四五六七八九]五")

# What follows a four-digit number decides whether it is a year: 年 (2026年), a month (2026-12-31,
# 2025.11.1) or a word that only follows a year (2026全年, 2026统筹年度).
_YEAR_TAIL_RE = re.compile(r"\s*年|[-./](?:0?[1-9]|1[0-2])(?!\d)|全年|统筹年度|上半年|下半年")
_QUANTITY_TAIL_RE = re.compile(
    r"\s*(?:[%‰×*xX+=]|/|[元万亿千百人户次件册份个名张台套亩米吨条家所部本场期项余多座批头只株棵间首幅篇位辆处天日小时分秒周轮斤克号])"
)
_RANGE_SEP = "-—–~～至到"
_RANGE_AFTER_RE = re.compile(rf"\s*[{_RANGE_SEP}]\s*\d{{4}}")
_RANGE_BEFORE_RE = re.compile(rf"\d{{4}}\s*[{_RANGE_SEP}]\s*$")
_RANGE_BETWEEN_RE = re.compile(rf"^[^{_CLAUSE_BREAK}]{{0,12}}?\s*[{_RANGE_SEP}]\s*$")
_MONTHS_RE = re.compile(r"月|[./-]\d|季|半年|学期|春|秋|冬|夏")

# Context words (looked for next to the year, inside its clause).
_FACT_RE = re.compile(r"^\s*年?度?\s*(?:为|是|系)")  # 2026年为换届选举年
_EDITION_RE = re.compile(r"第[一二三四五六七八九十百零〇\d]+届")
_SINCE_RE = re.compile(r"^\s*年?度?\s*(?:起|以来|开始|至今)")
_CARRY_RE = re.compile(r"^\s*年?度?\s*的?\s*(?:结转|结余|结存)")
_COMPARE_BEFORE_RE = re.compile(r"(?:较|比|相比|同比|对比|对照)\s*$")
_COMPARE_AFTER_RE = re.compile(r"^\s*年?度?\s*的?\s*(?:基础上|水平|同期|基数|相比|持平)")
_FOUNDED_BEFORE_RE = re.compile(r"(?:成立|建成|设立|创建|始建|组建|挂牌|竣工|建立|投用|开办|创办)于?\s*$")
_FOUNDED_AFTER_RE = re.compile(
    r"^\s*年?度?\s*(?:成立|建成|设立|创建|始建|组建|挂牌|竣工|建立|投用|投入使用|开办|创办)"
)
_AS_OF_BEFORE_RE = re.compile(r"(?:截至|截止|截止到|截至到)\s*$")  # 截至2025年底: a stock, history
_LAST_YEAR_NAMED_RE = re.compile(r"(?:上年度|上一年度|上年|去年)\s*[（(]\s*$")  # 上年度（2025年）
_APPRAISAL_RE = re.compile(r"考核|考评|评估|评价|决算|审计|验收|总结|述职|年报|自评")
# 2025年春季…, 2025年12月…: a moment inside that year, not the year's appraisal done the year after.
_WITHIN_YEAR_RE = re.compile(
    r"^\s*年\s*(?:\d|[一二三四五六七八九十]+月|[春夏秋冬]|[上下]半年|第?[一二三四]季度)"
)
# Events that do not come every year: moving their year would invent one.
_ONE_OFF_RE = re.compile(r"换届|选举|普查|周年|纪念|庆典|运动会|博览会|峰会")


@dataclass(slots=True)
class _Token:
    start: int
    end: int
    year: int
    style: str  # "arabic", "cn", "short"
    odd: str = ""  # why the spelling cannot be read with certainty
    range_with: int | None = None  # index of the other end of a range
    range_kind: str = ""  # "years" (2025-2027年) or "dates" (2025.11.1-2026.2.28)


# How far the context of a mention reaches: the rules look a few characters around the year, and
# a bound keeps a pasted megabyte without punctuation linear.
_REACH = 40


def _clause_bounds(text: str, start: int, end: int) -> tuple[str, str]:
    """The text of the mention's clause (at most `_REACH` characters) before and after it."""
    left_start = start
    while left_start > max(0, start - _REACH) and text[left_start - 1] not in _CLAUSE_BREAK:
        left_start -= 1
    right_end = end
    while right_end < min(len(text), end + _REACH) and text[right_end] not in _CLAUSE_BREAK:
        right_end += 1
    return text[left_start:start], text[end:right_end]


def _in_title(text: str, start: int) -> bool:
    """Inside 《…》: a book, a plan or a document named with its year."""
    opened = text.rfind("《", max(0, start - 2 * _REACH), start)
    return (
        opened >= 0
        and text.rfind("》", opened, start) < 0
        and text.find("》", start, start + 2 * _REACH) >= 0
    )


def _cn_year(numerals: str) -> tuple[int, str] | None:
    digits = []
    odd = ""
    for ch in numerals:
        if ch in _CN_DIGIT:
            digits.append(_CN_DIGIT[ch])
        elif ch in _GOOD_ZEROS:
            digits.append(0)
        elif ch in _ODD_ZEROS:
            digits.append(0)
            odd = f"年份“{numerals}”中的“{ch}”不是汉字〇"
        else:
            return None
    return int("".join(map(str, digits))), odd


def _tokens(text: str, plain: str, plan_year: int) -> list[_Token]:
    near = range(plan_year - 1, plan_year + 2)  # an odd spelling matters only next to the plan
    tokens: list[_Token] = []
    for match in _ARABIC_RE.finditer(plain):
        year = int(match.group("y"))
        if not 1900 <= year <= 2199:
            continue
        end = match.end()
        if _YEAR_TAIL_RE.match(plain, end):
            tokens.append(_Token(match.start(), end, year, "arabic"))
        elif plain[end : end + 1] == "〕" or _QUANTITY_TAIL_RE.match(plain, end):
            continue  # a document number (〔2023〕6号) or a quantity (2000元, 2000×1元)
        elif _RANGE_AFTER_RE.match(plain, end) or _RANGE_BEFORE_RE.search(
            plain, max(0, match.start() - 16), match.start()
        ):
            tokens.append(_Token(match.start(), end, year, "arabic"))  # 2025-2027: a range of years
        elif year in near:
            tokens.append(
                _Token(match.start(), end, year, "arabic", odd=f"“{text[match.start() : end]}”后没有“年”")
            )
    for match in _CN_YEAR_RE.finditer(text):
        parsed = _cn_year(match.group("y"))
        if parsed is None or not 1900 <= parsed[0] <= 2199:
            continue
        year, odd = parsed
        if not odd and not text.startswith("年", match.end()):
            odd = f"“{match.group('y')}”后没有“年”"
        if odd and year not in near:
            continue
        tokens.append(_Token(match.start(), match.end(), year, "cn", odd=odd))
    century = plan_year - plan_year % 100
    for match in _SHORT_RE.finditer(plain):
        two = int(match.group("y"))
        candidates = [y for y in near if y % 100 == two]
        if not candidates:
            continue
        year = (
            candidates[0] if candidates[0] // 100 * 100 == century or len(candidates) == 1 else candidates[1]
        )
        odd = "" if _SHORT_TAIL_RE.match(plain, match.end()) else f"“{two:02d}年”可能是年数而不是年份"
        tokens.append(_Token(match.start(), match.end(), year, "short", odd=odd))
    tokens.sort(key=lambda t: t.start)
    _pair_ranges(plain, tokens)
    return tokens


def _pair_ranges(plain: str, tokens: list[_Token]) -> None:
    for i in range(len(tokens) - 1):
        a, b = tokens[i], tokens[i + 1]
        between = plain[a.end : b.start]
        if a.range_with is not None or not _RANGE_BETWEEN_RE.match(between):
            continue
        # 2026年1月-2026年12月 and 2025.11.1-2026.2.28 are spans of dates; 2025-2027年 of whole years.
        kind = "dates" if _MONTHS_RE.search(between) else "years"
        a.range_with, b.range_with = i + 1, i
        a.range_kind = b.range_kind = kind


# -- verdicts ------------------------------------------------------------------------------------------


def _spell(token: _Token, original: str, year: int) -> str:
    """`year` written the way the clerk wrote `original` (full-width digits, 〇 or ○, two digits)."""
    if token.style == "cn":
        zero = next((ch for ch in original if ch in _GOOD_ZEROS), "〇")  # an odd zero is not copied
        return "".join(zero if d == "0" else _CN_OF[int(d)] for d in f"{year:04d}")
    digits = f"{year % 100:02d}" if token.style == "short" else f"{year:04d}"
    return "".join(
        chr(ord("０") + int(d)) if o in "０１２３４５６７８９" else d
        for d, o in zip(digits, original, strict=True)
    )


def _verdict(
    text: str, plain: str, token: _Token, tokens: list[_Token], plan_year: int, new_year: int, time_row: bool
) -> tuple[Verdict, str, int | None]:
    """The verdict, its reason, and the year to write instead when it is not the shifted one."""
    year = token.year
    rel = year - plan_year
    left, right = _clause_bounds(plain, token.start, token.end)
    y = f"{year}年"
    if _in_title(text, token.start):
        if abs(rel) <= 1:
            return Verdict.UNSURE, f"书名或文件名中的{y}（如年鉴的卷次），是否改为新年度请核对", None
        return Verdict.HISTORY, "书名或文件名中的年份", None
    if token.odd:
        return Verdict.UNSURE, f"年份写法无法确定：{token.odd}", None
    if token.range_with is not None:
        other = tokens[token.range_with].year
        low, high = min(year, other), max(year, other)
        if low != high:
            if token.range_kind == "years":
                return Verdict.HISTORY, f"多年期间（{low}—{high}年），不随年度变化", None
            if high - low == 1 and plan_year in (low, high):
                return Verdict.MOVED, "跨年度的时段，整体随年度顺延", None
            if high < plan_year:
                return Verdict.HISTORY, "以前的时段", None
            return Verdict.UNSURE, f"时段{low}—{high}年跨越多个年度，不确定是否顺延", None
    if time_row and rel != 0:
        # The suggestion for a deadline in the wrong year is the new fiscal year itself.
        return Verdict.UNSURE, f"时效指标写的是{y}，原表就不是预算年度{plan_year}年，请核对", new_year
    if rel == 0:
        if _FACT_RE.match(right):
            return Verdict.UNSURE, f"说的是{y}本身的情况（如“{y}为换届选举年”），新年度未必如此", None
        if _EDITION_RE.search(right[:12]) or _EDITION_RE.search(left[-8:]):
            return Verdict.UNSURE, "年份旁有届次（第…届），届次不会随年份顺延，请一并核对", None
        one_off = _ONE_OFF_RE.search(right[:12])
        if one_off:
            return Verdict.UNSURE, f"{y}的{one_off.group()}不是每年都有的事项，新年度未必如此", None
        if _SINCE_RE.match(right):
            if time_row:
                return Verdict.UNSURE, f"时效指标写“{y}起”，请核对新年度的时间", None
            return Verdict.HISTORY, f"起始年份（{y}起），是既成事实", None
        if _FOUNDED_BEFORE_RE.search(left) or _FOUNDED_AFTER_RE.match(right):
            return Verdict.UNSURE, f"{y}成立、创建的事项：是历史还是新年度的计划，请核对", None
        if _COMPARE_BEFORE_RE.search(left) or _COMPARE_AFTER_RE.match(right) or _CARRY_RE.match(right):
            return Verdict.UNSURE, f"与{y}比较或结转：新年度应以哪一年为基准，请核对", None
        return Verdict.MOVED, "预算年度", None
    if rel == -1:
        if _LAST_YEAR_NAMED_RE.search(left):
            return Verdict.MOVED, f"“上年度”后写明的年份（{y}），随年度顺延", None
        if _AS_OF_BEFORE_RE.search(left):
            return Verdict.HISTORY, f"截至{y}的情况，是历史", None
        if _CARRY_RE.match(right):
            return Verdict.HISTORY, f"结转（{y}结转），是历史", None
        if _COMPARE_BEFORE_RE.search(left) or _COMPARE_AFTER_RE.match(right):
            return Verdict.HISTORY, f"比较基准（较{y}），是历史", None
        if _SINCE_RE.match(right):
            return Verdict.HISTORY, f"起始年份（{y}起），是既成事实", None
        if _FOUNDED_BEFORE_RE.search(left) or _FOUNDED_AFTER_RE.match(right):
            return Verdict.HISTORY, "成立、建成的年份，是历史", None
        if _APPRAISAL_RE.search(right[:8]) and not _WITHIN_YEAR_RE.match(right):
            return Verdict.MOVED, "上一年度的考核、评估（每年对上一年度开展），随年度顺延", None
        return Verdict.UNSURE, f"上年（{y}）：是历史还是应随年度顺延，无法确定", None
    if rel == 1:
        return Verdict.UNSURE, f"下一年（{y}）：是固定期限还是应随年度顺延，无法确定", None
    if rel < 0:
        return Verdict.HISTORY, "较早的年份，是历史", None
    return Verdict.HISTORY, "以后的固定年份，不随年度变化", None


@lru_cache(maxsize=65536)
def read_cell(text: str, plan_year: int, new_year: int, time_row: bool = False) -> CellReading:
    """Every year mention of `text` judged for moving from `plan_year` to `new_year`.

    `time_row` is true for the cells of a 时效指标 row, whose years must be the fiscal year: there a
    plan-year mention is never history, and any other year is the clerk's to check.
    """
    if not text or not re.search(r"\d|[一二]|本|当|今|上|去|明|下|次|十", text):
        return CellReading(text, (), None, None)
    plain = text.translate(_FULLWIDTH)
    delta = new_year - plan_year
    tokens = _tokens(text, plain, plan_year)
    mentions: list[YearMention] = []
    for token in tokens:
        verdict, reason, instead = _verdict(text, plain, token, tokens, plan_year, new_year, time_row)
        original = text[token.start : token.end]
        replacement = None
        to_year = token.year + delta if instead is None else instead
        if verdict in (Verdict.MOVED, Verdict.UNSURE) and to_year != token.year and 1900 <= to_year <= 2199:
            replacement = _spell(token, original, to_year)
        mentions.append(
            YearMention(token.start, token.end, original, token.year, verdict, reason, replacement)
        )
    covered = [(t.start, t.end) for t in tokens]
    for match in _RELATIVE_RE.finditer(text):
        mentions.append(
            YearMention(
                match.start(),
                match.end(),
                match.group(),
                None,
                Verdict.RELATIVE,
                "相对说法，随年度自动成立",
                None,
            )
        )
    for match in _PERIOD_RE.finditer(text):
        if not any(s <= match.start() < e for s, e in covered):
            mentions.append(
                YearMention(
                    match.start(),
                    match.end(),
                    match.group(),
                    None,
                    Verdict.HISTORY,
                    "五年规划期的名称，不随年度变化",
                    None,
                )
            )
    mentions.sort(key=lambda m: m.start)
    unsure = any(m.verdict is Verdict.UNSURE for m in mentions)
    moved = [m for m in mentions if m.verdict is Verdict.MOVED and m.replacement is not None]
    new_text = None if unsure or not moved else _apply(text, moved)
    shifted = [m for m in mentions if m.replacement is not None]
    suggestion = _apply(text, shifted) if unsure and shifted else None
    return CellReading(text, tuple(mentions), new_text, suggestion)


def _apply(text: str, mentions: list[YearMention]) -> str:
    out: list[str] = []
    pos = 0
    for m in mentions:
        assert m.replacement is not None
        out.append(text[pos : m.start])
        out.append(m.replacement)
        pos = m.end
    out.append(text[pos:])
    return "".join(out)


@lru_cache(maxsize=65536)
def neutral_form(text: str, plan_year: int) -> str:
    """`text` with the plan year and the years next to it written relative to it (``{Y}``, ``{Y-1}``).

    Two cells of consecutive years' tables that differ only by the year shift have the same neutral
    form: that is how the comparison across years recognises a carried row.
    """
    if not text or not re.search(r"\d|[一二]", text):
        return text
    plain = text.translate(_FULLWIDTH)
    out: list[str] = []
    pos = 0
    for token in _tokens(text, plain, plan_year):
        rel = token.year - plan_year
        if abs(rel) > 1:
            continue
        out.append(text[pos : token.start])
        out.append("{Y}" if rel == 0 else f"{{Y{rel:+d}}}")
        pos = token.end
    out.append(text[pos:])
    return "".join(out)

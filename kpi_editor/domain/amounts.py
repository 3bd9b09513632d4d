"""Money, percentages, targets and years in the free text of indicator cells.

Clerks write amounts the way they speak: ``45万元``, ``预计25万``, ``≤3万``, ``1.2亿元``,
``81000元``, ``3,000元``, full-width digits, LaTeX left behind by a PDF-to-text step
(``$6 \\times 500 \\text{元} = 3000 \\text{元}$``), breakdowns with a stated total
(``文化馆3.6万元、7个文化站6.3万元，合计9.9万元``) and unit prices that are not totals
(``600元/人``, ``每人每年6000元``, ``7个×2万元=14万元``). Everything here returns exact
``Decimal`` amounts in 万元 and never raises on odd text: what cannot be read is simply absent.

Results are cached by text because the same cells are re-read on every keystroke.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Literal

from kpi_editor.domain.model import Comparator, Target

__all__ = [
    "MoneyMention",
    "PercentMention",
    "YearMention",
    "YearStyle",
    "chinese_number",
    "is_measurable",
    "money_total_wan",
    "normalise",
    "parse_bare_number",
    "parse_money_amounts",
    "parse_percent",
    "parse_percents",
    "parse_target",
    "year_mentions",
    "year_text",
    "years_in",
]

BareUnit = Literal["元", "万元"]

_WAN_PER_UNIT: dict[str, Decimal] = {
    "亿元": Decimal(10000),
    "亿": Decimal(10000),
    "万元": Decimal(1),
    "万": Decimal(1),
    "千元": Decimal("0.1"),
    "元": Decimal("0.0001"),
}


@dataclass(frozen=True, slots=True)
class MoneyMention:
    """One amount of money found in a text."""

    wan: Decimal  # the amount in 万元, exact
    comparator: Comparator | None  # ≤3万 → "<=", 预计25万 → "~", 45万元 → None
    is_total: bool  # stated as a total: 共计/合计/全年 …, or the result after “=”
    is_unit_price: bool  # per person/item/month (元/人, 每人…, 各…, a factor of ×): never a total
    span: tuple[int, int]  # [start, end) in the original text
    text: str  # the original text of the mention


@dataclass(frozen=True, slots=True)
class PercentMention:
    value: Decimal  # 95 for 95%
    comparator: Comparator | None
    span: tuple[int, int]


# -- normalisation ---------------------------------------------------------------------------------

# LaTeX fragments the extraction left in eleven cells, and symbol variants, mapped to plain text.
_REPLACEMENTS: dict[str, str] = {
    "\\times": "×",
    "\\geq": "≥",
    "\\ge": "≥",
    "\\leq": "≤",
    "\\le": "≤",
    "\\%": "%",
    "\\text{": "",
    "\\mathrm{": "",
    "$": "",
    "{": "",
    "}": "",
    "＄": "",
    "％": "%",
    "＝": "=",
    "＜": "<",
    "＞": ">",
    "≦": "≤",
    "≧": "≥",
    "⩽": "≤",
    "⩾": "≥",
    "<=": "≤",
    ">=": "≥",
    "＊": "*",
    "／": "/",
    "．": ".",
    "，": "，",
    "\u3000": " ",
    "\xa0": " ",
}
_REPLACE_RE = re.compile("|".join(re.escape(k) for k in sorted(_REPLACEMENTS, key=len, reverse=True)))
_FULLWIDTH_THOUSANDS_RE = re.compile(r"(?<=[０-９])，(?=[０-９]{3}(?![０-９]))")
_FULLWIDTH_DIGITS = {ord("０") + i: ord("0") + i for i in range(10)}


def normalise(text: str) -> tuple[str, tuple[int, ...]]:
    """Plain text for matching, plus the original index of every character of it.

    Full-width digits become ASCII, LaTeX and symbol variants become plain symbols. The index
    map lets every mention report its span in the text the user sees.
    """
    # 3，000 with a full-width comma between full-width digits is a thousands separator.
    text = _FULLWIDTH_THOUSANDS_RE.sub(",", text).translate(_FULLWIDTH_DIGITS)
    out: list[str] = []
    index: list[int] = []
    pos = 0
    for match in _REPLACE_RE.finditer(text):
        out.append(text[pos : match.start()])
        index.extend(range(pos, match.start()))
        replacement = _REPLACEMENTS[match.group()]
        out.append(replacement)
        index.extend([match.start()] * len(replacement))
        pos = match.end()
    out.append(text[pos:])
    index.extend(range(pos, len(text)))
    index.append(len(text))  # the end of the last character maps to the end of the text
    return "".join(out), tuple(index)


# -- shared pieces ---------------------------------------------------------------------------------

_NUMBER = r"(?<![\d.])(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
# A bare 万/亿 is money unless a measure word follows (1万人次, 2万余户 are counts, not money).
_MEASURE_WORDS = "人户次件册份个名张台套亩平方米公里吨条家所部本场期项余多座批头只株棵间首幅篇"
_NUMBER_RE = re.compile(_NUMBER)
_MONEY_RE = re.compile(
    _NUMBER + rf"\s*(?P<unit>亿元|万元|千元|元|亿(?![{_MEASURE_WORDS}])|万(?![{_MEASURE_WORDS}]))"
)
_PERCENT_RE = re.compile(_NUMBER + r"\s*%")
_CN_DIGITS = "〇零一二两三四五六七八九十百"
_CN_PERCENT_RE = re.compile(rf"百分之(?P<cn>[{_CN_DIGITS}]+|\d+(?:\.\d+)?)")

# Clause boundaries: a comparator or 共计 before a number only counts inside its own clause.
_CLAUSE_BREAK = re.compile(r"[，,。；;、：:（()）\n]")

_COMPARATOR_WORDS: tuple[tuple[str, Comparator], ...] = (
    ("≤", "<="),
    ("≥", ">="),
    ("<", "<"),
    (">", ">"),
    ("=", "="),
    ("不超过", "<="),
    ("不高于", "<="),
    ("不大于", "<="),
    ("不多于", "<="),
    ("控制在", "<="),
    ("最高", "<="),
    ("封顶", "<="),
    ("不低于", ">="),
    ("不得低于", ">="),
    ("不得少于", ">="),
    ("不得超过", "<="),
    ("不得高于", "<="),
    ("不少于", ">="),
    ("不小于", ">="),
    ("达到", ">="),
    ("至少", ">="),
    ("低于", "<"),
    ("小于", "<"),
    ("少于", "<"),
    ("高于", ">"),
    ("大于", ">"),
    ("超过", ">"),
    ("多于", ">"),
    ("等于", "="),
    ("约", "~"),
    ("预计", "~"),
    ("左右", "~"),
)
_PREFIX_COMPARATOR_RE = re.compile(
    "(?:" + "|".join(re.escape(w) for w, _ in _COMPARATOR_WORDS if w != "左右") + r")(?=[^，,。；;]{0,4}$)"
)
_SUFFIX_COMPARATOR_RE = re.compile(r"\s*(?P<w>以内|之内|以下|以上|及以上|左右|内)")
_SUFFIX_COMPARATORS: dict[str, Comparator] = {
    "以内": "<=",
    "之内": "<=",
    "内": "<=",
    "以下": "<=",
    "以上": ">=",
    "及以上": ">=",
    "左右": "~",
}
_COMPARATOR_OF: dict[str, Comparator] = dict(_COMPARATOR_WORDS)
_STRICTNESS = {"<=": 2, ">=": 2, "<": 2, ">": 2, "=": 2, "~": 1}


def _clause_before(text: str, start: int) -> str:
    clause_start = 0
    for match in _CLAUSE_BREAK.finditer(text, 0, start):
        clause_start = match.end()
    return text[clause_start:start]


def _comparator(text: str, start: int, end: int) -> Comparator | None:
    """The comparator stated next to the number at text[start:end] (≤3万, 控制在…以内, 预计25万)."""
    best: Comparator | None = None
    prefix = _clause_before(text, start)[-8:]
    for match in _PREFIX_COMPARATOR_RE.finditer(prefix):
        found = _COMPARATOR_OF[match.group()]
        # A symbol beats a hedge word: 预计≤150万元 is "<=", not "~".
        if best is None or _STRICTNESS[found] >= _STRICTNESS[best]:
            best = found
    suffix = _SUFFIX_COMPARATOR_RE.match(text, end)
    if suffix and (best is None or best == "~"):
        best = _SUFFIX_COMPARATORS[suffix.group("w")]
    return best


def _decimal(digits: str) -> Decimal | None:
    try:
        return Decimal(digits.replace(",", ""))
    except InvalidOperation:
        return None


def _plain(value: Decimal) -> Decimal:
    """``0.2200`` → ``0.22`` and ``1.2E+4`` → ``12000``: the same number, printed as a clerk would."""
    value = value.normalize()
    exponent = value.as_tuple().exponent
    return value.quantize(Decimal(1)) if isinstance(exponent, int) and exponent > 0 else value


# -- money -----------------------------------------------------------------------------------------

# Words that make the amount after them a total of the clause.
_TOTAL_WORDS_RE = re.compile(
    r"共计|合计|总计|共需|总共|一共|累计|全年|总经费|总费用|总成本|总金额|总额|总投资|总预算|总支出|总价"
)
_BARE_TOTAL_RE = re.compile(r"(?<!公)共(?:约|需|支出|需要)?\s*$")
# Words that make the amount after them a price per person/item/period.
_PER_WORDS_RE = re.compile(r"每(?!年)|单价|[人户生场次件]均|标准为?[^，,；;]{0,2}$|各\s*$|各[^，,；;]{0,2}$")
_FACTOR_BEFORE_RE = re.compile(r"[×*xX]\s*$")
_FACTOR_AFTER_RE = re.compile(r"(?:/[^=，,；;。\s]{1,4})*\s*[×*xX]")
# 元/人, 万元/人/年, 元/生·月, 元/m²/年 … but 19万元/年 alone is an annual amount, i.e. the budget.
_PER_UNIT_RE = re.compile(r"\s*/\s*(?P<first>[^\s/，,；;。=×*）)]{1,4})(?P<more>\s*[/·.][^\s，,；;。]*)?")
_RESULT_RE = re.compile(r"=\s*$")


def _is_unit_price(text: str, start: int, end: int, clause: str) -> bool:
    per = _PER_UNIT_RE.match(text, end)
    if per:
        annual = per.group("first") in ("年", "每年", "全年") and not per.group("more")
        if not annual:
            return True
    if _FACTOR_BEFORE_RE.search(text, 0, start):
        return True
    if _FACTOR_AFTER_RE.match(text, end):
        return True
    return bool(_PER_WORDS_RE.search(clause))


@lru_cache(maxsize=16384)
def _money(text: str, bare_unit: BareUnit | None) -> tuple[MoneyMention, ...]:
    plain, index = normalise(text)
    found: list[MoneyMention] = []
    for match in _MONEY_RE.finditer(plain):
        number = _decimal(match.group("num"))
        if number is None:
            continue
        start, end = match.span()
        clause = _clause_before(plain, start)
        unit_price = _is_unit_price(plain, start, end, clause)
        total = not unit_price and bool(
            _RESULT_RE.search(plain[:start])
            or _TOTAL_WORDS_RE.search(clause)
            or _BARE_TOTAL_RE.search(clause)
        )
        # A result after “=” is a total even when the clause began with a per-word (每场…=1000元).
        if _RESULT_RE.search(plain[:start]):
            total, unit_price = True, False
        o_start, o_end = index[start], index[end]
        found.append(
            MoneyMention(
                wan=_plain(number * _WAN_PER_UNIT[match.group("unit")]),
                comparator=_comparator(plain, start, end),
                is_total=total,
                is_unit_price=unit_price,
                span=(o_start, o_end),
                text=text[o_start:o_end],
            )
        )
    if not found and bare_unit is not None:
        bare = parse_bare_number(text)
        if bare is not None:
            comparator, number = bare
            found.append(
                MoneyMention(
                    wan=_plain(number * _WAN_PER_UNIT[bare_unit]),
                    comparator=comparator,
                    is_total=False,
                    is_unit_price=False,
                    span=(0, len(text)),
                    text=text,
                )
            )
    return tuple(found)


def parse_money_amounts(text: str, bare_unit: BareUnit | None = None) -> list[MoneyMention]:
    """Every amount of money in `text`, in order.

    A cell that is nothing but a number (``81000``, ``≤3``) carries no unit of its own; pass
    `bare_unit` when the context supplies one (a cost cell in a 万元 table, or 元).
    """
    return list(_money(text, bare_unit))


_BARE_RE = re.compile(r"^\s*(?P<cmp>≤|≥|<|>|=|约|预计)?\s*" + _NUMBER + r"\s*$")


@lru_cache(maxsize=16384)
def parse_bare_number(text: str) -> tuple[Comparator | None, Decimal] | None:
    """A cell holding only a number, with an optional comparator (``81000``, ``≥3``)."""
    plain, _ = normalise(text)
    match = _BARE_RE.match(plain)
    if match is None:
        return None
    number = _decimal(match.group("num"))
    if number is None:
        return None
    cmp_word = match.group("cmp")
    return (_COMPARATOR_OF[cmp_word] if cmp_word else None), number


def _collapse(amounts: Sequence[Decimal]) -> Decimal:
    """One amount for a list read from a single cell.

    A breakdown that restates its own sum (``2万元，包含：1万元；0.5万元；0.5万元`` or
    ``3.6万元、6.3万元 … 9.9万元``) counts once; otherwise the parts add up.
    """
    if len(amounts) == 1:
        return amounts[0]
    # Two equal amounts are two parts; a breakdown restating its sum has at least two parts.
    if len(amounts) >= 3:
        first, rest = amounts[0], amounts[1:]
        if first == sum(rest, Decimal(0)):
            return first
        last, before = amounts[-1], amounts[:-1]
        if last == sum(before, Decimal(0)):
            return last
    return sum(amounts, Decimal(0))


def money_total_wan(text: str, bare_unit: BareUnit | None = None) -> Decimal | None:
    """The amount a cost indicator's text commits to, in 万元, or ``None`` when it names none.

    Stated totals win (共计/合计/全年 …, the result after “=”); unit prices never count; other
    amounts add up unless one of them is the sum of the others.
    """
    mentions = _money(text, bare_unit)
    totals = [m.wan for m in mentions if m.is_total]
    if totals:
        return _collapse(totals)
    amounts = [m.wan for m in mentions if not m.is_unit_price]
    if not amounts:
        return None
    return _collapse(amounts)


# -- percentages -----------------------------------------------------------------------------------

_CN_VALUES = {
    "〇": 0,
    "○": 0,  # U+25CB WHITE CIRCLE: what input methods give for 〇 (二○二五年)
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}


def chinese_number(text: str) -> int | None:
    """``九十五`` → 95, ``一百`` → 100, ``十`` → 10; ``None`` for anything else."""
    if not text:
        return None
    if text == "一百" or text == "百":
        return 100
    if all(ch in _CN_VALUES for ch in text):  # digit by digit: 二〇二六
        value = 0
        for ch in text:
            value = value * 10 + _CN_VALUES[ch]
        return value
    if text.count("十") == 1 and len(text) <= 3:
        tens, _, units = text.partition("十")
        if (tens and tens not in _CN_VALUES) or (units and units not in _CN_VALUES):
            return None
        return (_CN_VALUES[tens] if tens else 1) * 10 + (_CN_VALUES[units] if units else 0)
    return None


@lru_cache(maxsize=16384)
def _percents(text: str) -> tuple[PercentMention, ...]:
    plain, index = normalise(text)
    found: list[tuple[int, PercentMention]] = []
    for match in _PERCENT_RE.finditer(plain):
        number = _decimal(match.group("num"))
        if number is None:
            continue
        start, end = match.span()
        comparator = _comparator(plain, start, end)
        found.append((start, PercentMention(number, comparator, (index[start], index[end]))))
    for match in _CN_PERCENT_RE.finditer(plain):
        raw = match.group("cn")
        value = _decimal(raw) if raw[0].isdigit() else _int_decimal(chinese_number(raw))
        if value is None:
            continue
        start, end = match.span()
        comparator = _comparator(plain, start, end)
        found.append((start, PercentMention(value, comparator, (index[start], index[end]))))
    found.sort(key=lambda item: item[0])
    return tuple(mention for _, mention in found)


def _int_decimal(value: int | None) -> Decimal | None:
    return None if value is None else Decimal(value)


def parse_percents(text: str) -> list[PercentMention]:
    """Every percentage in `text` (``≥95%``, ``90%以上``, ``百分之九十``), in order."""
    return list(_percents(text))


def parse_percent(text: str) -> PercentMention | None:
    """The first percentage in `text`, or ``None``."""
    found = _percents(text)
    return found[0] if found else None


# -- years and dates -------------------------------------------------------------------------------

_YEAR = r"(?<![\d〔\[【.])(?P<y>(?:19|20|21)\d\d)"
_YEAR_RE = re.compile(
    _YEAR + r"(?:\s*年|[-./](?:0?[1-9]|1[0-2])(?![\d])|\s*[-—–~～至到]\s*(?P<y2>(?:19|20|21)\d\d)\s*年)"
)
_CN_YEAR_RE = re.compile(r"(?P<cy>[〇○零一二三四五六七八九]{4})年")


@lru_cache(maxsize=16384)
def _years(text: str) -> tuple[int, ...]:
    plain, _ = normalise(text)
    found: list[tuple[int, int]] = []
    for match in _YEAR_RE.finditer(plain):
        found.append((match.start(), int(match.group("y"))))
        if match.group("y2"):
            found.append((match.start("y2"), int(match.group("y2"))))
    for match in _CN_YEAR_RE.finditer(plain):
        year = chinese_number(match.group("cy"))
        if year is not None and 1900 <= year <= 2199:
            found.append((match.start(), year))
    found.sort()
    return tuple(year for _, year in found)


YearStyle = Literal["digits", "short", "chinese", "relative"]


@dataclass(frozen=True, slots=True)
class YearMention:
    """A year named in a text, in any of the ways clerks write one."""

    year: int
    span: tuple[int, int]  # the year itself in the original text: 2025, 25, 二○二五, 去年
    style: YearStyle
    deadline: bool  # used as a time: 2025年底前, 2025年12月31日, 2025-12-31, 2025年内, 2025年完成
    compared: bool  # a base of comparison, not a time: 较2025年, 比上年, 与去年相比


# 25年底前, 25年12月: a two-digit year only counts where a date follows it.
_SHORT_YEAR_RE = re.compile(r"(?<![\d.])(?P<s>\d{2})(?=\s*年\s*(?:底|末|\d{1,2}\s*月|上半年|下半年|全年|度))")
_RELATIVE_YEARS: dict[str, int] = {
    "去年": -1,
    "上年度": -1,
    "上一年": -1,
    "上年": -1,
    "前年": -2,
    "今年": 0,
    "本年度": 0,
    "本年": 0,
    "当年": 0,
    "明年": 1,
    "次年": 1,
    "下一年": 1,
}
_RELATIVE_RE = re.compile("|".join(sorted(_RELATIVE_YEARS, key=len, reverse=True)))
_AFTER_YEAR_DEADLINE_RE = re.compile(
    r"\s*年?\s*(?:底|末|内|前|全年|完成|\d{1,2}\s*月|上半年|下半年|第?[一二三四1-4]季度)|[-./]\d{1,2}"
)
_COMPARED_RE = re.compile(r"(?:较|比|与|同比|相比|对比|对照|超过|高于|低于)\s*$")


@lru_cache(maxsize=16384)
def _year_mentions(text: str, fiscal_year: int) -> tuple[YearMention, ...]:
    plain, index = normalise(text)
    found: list[tuple[int, int, int, YearStyle]] = []  # (start, end, year, style) in plain
    for match in _YEAR_RE.finditer(plain):
        found.append((match.start("y"), match.end("y"), int(match.group("y")), "digits"))
        if match.group("y2"):
            found.append((match.start("y2"), match.end("y2"), int(match.group("y2")), "digits"))
    for match in _CN_YEAR_RE.finditer(plain):
        year = chinese_number(match.group("cy"))
        if year is not None and 1900 <= year <= 2199:
            found.append((match.start("cy"), match.end("cy"), year, "chinese"))
    for match in _SHORT_YEAR_RE.finditer(plain):
        year = 2000 + int(match.group("s"))
        if abs(year - fiscal_year) <= 5:
            found.append((match.start("s"), match.end("s"), year, "short"))
    for match in _RELATIVE_RE.finditer(plain):
        found.append((match.start(), match.end(), fiscal_year + _RELATIVE_YEARS[match.group()], "relative"))
    found.sort()
    mentions: list[YearMention] = []
    last_end = -1
    for start, end, year, style in found:
        if start < last_end:
            continue  # 2025-2026年 read once per year, 上年度 not again as 上年
        last_end = end
        deadline = bool(_AFTER_YEAR_DEADLINE_RE.match(plain, end))
        compared = bool(_COMPARED_RE.search(plain, max(0, start - 4), start))
        mentions.append(YearMention(year, (index[start], index[end]), style, deadline, compared))
    return tuple(mentions)


def year_mentions(text: str, fiscal_year: int) -> tuple[YearMention, ...]:
    """Every year named in `text`, in order: ``2025``, ``25年底``, ``二○二五年``, ``去年`` (relative
    words are read against `fiscal_year`). Document references (``〔2012〕188号``) are not years."""
    return _year_mentions(text, fiscal_year)


def year_text(year: int, style: YearStyle, original: str) -> str:
    """`year` written to replace `original` (a mention of style `style`): 二○二六 for 二○二五,
    2026 for 2025 or 25, ``2026年`` for 去年."""
    if style == "chinese":
        zero = next((ch for ch in original if ch in "〇○零"), "〇")
        digits = "零一二三四五六七八九"
        return "".join(zero if d == "0" else digits[int(d)] for d in str(year))
    if style == "relative":
        return f"{year}年"
    return str(year)


def years_in(text: str) -> list[int]:
    """Calendar years named in `text`, in order (``2026年``, ``2026-12-31``, ``2025-2026年``, ``二〇二六年``).

    Numbers in document references (``〔2012〕188号``) and plain amounts are not years.
    """
    return list(_years(text))


# -- targets and measurability ---------------------------------------------------------------------

_QUANTITY_RE = re.compile(
    _NUMBER
    + r"\s*(?P<unit>%|亿元|万元|千元|元|[万亿千百]?["
    + _MEASURE_WORDS
    + r"天日月年周轮处小时分钟秒米吨亩]{0,2})"
)
_DATE_TAIL_RE = re.compile(r"\s*(?:年|月|日|号|[-./]\d)")
_CN_COUNT_RE = re.compile(rf"[{_CN_DIGITS}]+[{_MEASURE_WORDS}天周轮届类座级星档]|零|全覆盖|不漏一人|无一遗漏")
_BINARY_RE = re.compile(r"^\s*[是否有无]\s*[。.]?\s*$")
_DATE_WORDS_RE = re.compile(r"[上下]半年|年底|年末|月底|第?[一二三四]季度")


@lru_cache(maxsize=16384)
def _target(text: str) -> Target | None:
    plain, _ = normalise(text)
    for match in _QUANTITY_RE.finditer(plain):
        start, end = match.span("num")
        unit = match.group("unit")
        # Dates are deadlines, not targets: 2026年12月31日前 has no quantity to compare.
        if unit in ("年", "月", "日") or (not unit and _DATE_TAIL_RE.match(plain, end)):
            continue
        if start >= 2 and plain[start - 1] in "-/" and plain[start - 2].isdigit():
            continue  # the day of 2026-12-31
        number = _decimal(match.group("num"))
        if number is None:
            continue
        return Target(comparator=_comparator(plain, start, match.end()), number=number, unit=unit)
    return None


def parse_target(text: str) -> Target | None:
    """The first quantity in `text` as (comparator, number, unit): ``≥95%`` → (>=, 95, %).

    Dates and years are skipped; ``None`` when the text states no quantity.
    """
    return _target(text)


_DIGIT_RE = re.compile(r"\d")
_COMPARATOR_SYMBOL_RE = re.compile(r"[≤≥<>=]")


@lru_cache(maxsize=16384)
def _measurable(text: str, vague_words: tuple[str, ...]) -> bool:
    plain, _ = normalise(text)
    if not plain.strip():
        return False
    if _BINARY_RE.match(plain):
        return True  # a yes/no target (是/否) is checkable as it stands
    vague = any(word in plain for word in vague_words)
    if _DIGIT_RE.search(plain):
        numbers = [m.group("num") for m in _NUMBER_RE.finditer(plain)]
        only_years = all(len(n) == 4 and n[:2] in ("19", "20", "21") for n in numbers)
        # “2026年持续提升” names when, but not how much.
        return not (only_years and vague)
    return bool(
        _COMPARATOR_SYMBOL_RE.search(plain)
        or _CN_COUNT_RE.search(plain)
        or _CN_PERCENT_RE.search(plain)
        or _DATE_WORDS_RE.search(plain)
    )


def is_measurable(text: str, vague_words: Iterable[str] = ()) -> bool:
    """Whether a 指标值 states something a reviewer can check afterwards.

    Measurable: a number (20次, ≥95%, 3万元), a comparison, a date (2026年12月31日前), a count
    in Chinese numerals (两次, 零事故, 全覆盖), or a plain 是/否. Not measurable: 效果显著, 优良,
    有效提升, and a year followed only by vague words (2026年持续提升).
    """
    return _measurable(text, vague_words if isinstance(vague_words, tuple) else tuple(vague_words))

"""Import the published booklet as text (the corpus format) into a :class:`Booklet`.

The text is a TAB-separated extraction of the printed PDF: cover, 编制说明, 目录, then one
部门（单位）预算项目支出绩效目标表 per project. The extraction damages the tables in known ways
(see ``shared/corpus/STRUCTURE.md``): merged cells are written only once, rows slide left or
right, a value can fall off the end of a row, page breaks repeat the merged labels, LaTeX appears
in cells. The reader repairs that damage and nothing else: what a clerk wrote, mistakes included,
reaches the booklet unchanged for the validator to judge. Every repair that is a guess, and every
cell it could not read, goes into the :class:`ImportReport` with its line number.

Reading is done in three passes: a state machine per table turns lines into raw rows (cells
classified by content, not position), a fill-down pass resolves the merged 一级/二级 cells, and
a monotone alignment assigns each table to a 目录 entry by its printed unit name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from pydantic import ValidationError

from kpi_editor.domain.bounds import BoundsError, parse_amount
from kpi_editor.domain.labels import FUNDING_NAMES
from kpi_editor.domain.model import (
    FUNDING_FIELDS,
    Booklet,
    Department,
    Funding,
    Indicator,
    PrefaceSection,
    Project,
)
from kpi_editor.domain.template import FormTemplate, load_template
from kpi_editor.io.errors import FileFormatError, clip

TEMPLATE_ID = "xiqu-2026"
# The corpus's 300 pages are 0.7 MB of text; a hundred such booklets in one file is still far below.
MAX_TEXT_BYTES = 256 * 1024 * 1024

# Issue kinds.
GUESSED = "guessed"  # repaired extraction damage; the result is a reasoned guess worth a look
LOST = "lost"  # the extraction lost a cell; kept empty
UNREADABLE = "unreadable"  # a line that could not be read into the booklet
NOTED = "noted"  # printed text the booklet has no place for (kept only in this report)

KIND_NAMES = {GUESSED: "推断", LOST: "丢失", UNREADABLE: "无法读取", NOTED: "备注"}


@dataclass(frozen=True)
class ImportIssue:
    line: int  # 1-based line of the text file
    kind: str
    message: str


@dataclass
class ImportReport:
    source: str
    issues: list[ImportIssue] = field(default_factory=list)

    def add(self, line: int, kind: str, message: str) -> None:
        self.issues.append(ImportIssue(line, kind, message))

    def format(self) -> str:
        """One line per issue, ``行 N：…``, in file order."""
        ordered = sorted(self.issues, key=lambda issue: issue.line)
        return "\n".join(
            f"行 {issue.line}：【{KIND_NAMES.get(issue.kind, issue.kind)}】{issue.message}"
            for issue in ordered
        )


# -- text helpers ------------------------------------------------------------------------------

_SPACE = re.compile(r"\s+")
_CJK = "\u3400-\u9fff\uff00-\uffef"
_SPACE_BETWEEN_CJK = re.compile(rf"(?<=[{_CJK}])\s+(?=[{_CJK}])")


def _squash(text: str) -> str:
    return "".join(text.split())


# The PDF-to-text step wrote some symbols as LaTeX: ``$\geq 80\%$``, ``$200\text{件} \times …$``.
_LATEX_SYMBOLS = {
    "geq": "≥",
    "ge": "≥",
    "leq": "≤",
    "le": "≤",
    "times": "×",
    "div": "÷",
    "cdot": "·",
    "approx": "≈",
    "neq": "≠",
    "pm": "±",
    "sim": "~",
}
_LATEX_MATH = re.compile(r"\s*\$([^$]*\\[^$]*)\$\s*")
_LATEX_TEXT = re.compile(r"\\text\{([^{}]*)\}")
_LATEX_COMMAND = re.compile(
    r"\s*\\(" + "|".join(sorted(_LATEX_SYMBOLS, key=len, reverse=True)) + r")(?![A-Za-z])\s*"
)
_LATEX_ESCAPE = re.compile(r"\\([%$&#_])")


def _latex_math_to_text(math: str) -> str:
    # Inside math mode spaces carry no meaning; the printed cell had none.
    math = _LATEX_TEXT.sub(lambda m: m.group(1).strip(), math)
    math = _LATEX_COMMAND.sub(lambda m: _LATEX_SYMBOLS[m.group(1)], math)
    return _SPACE.sub("", _LATEX_ESCAPE.sub(r"\1", math))


def _unlatex(text: str) -> str:
    if "\\" not in text:
        return text
    text = _LATEX_MATH.sub(lambda m: _latex_math_to_text(m.group(1)), text)
    text = _LATEX_COMMAND.sub(lambda m: _LATEX_SYMBOLS[m.group(1)], text)
    return _LATEX_ESCAPE.sub(r"\1", text)


# -- labels of the form ------------------------------------------------------------------------

_TITLE = "部门（单位）预算项目支出绩效目标表"
_PROJECT_LABEL = re.compile(r"^项目名称[：:]?$")
_UNIT_LABEL = re.compile(r"^部门[（(]单位[）)][：:]?$")
_FUNDING_BLOCK = "项目资金来源"
# The indicator block's merged c0; 年度绩效指标 is a variant some units printed.
_INDICATOR_BLOCKS = ("总体绩效目标", "年度绩效指标")
_TOC_HEADING = "目录"
_TOC_ENTRY = re.compile(r"^(\d{6})\s*(.*?)(\.*)\t\s*(\d+)$")
_PREFACE_TITLE = re.compile(r"编制说明$")
_SECTION_HEADING = re.compile(r"^[一二三四五六七八九十]+、\S")
_DATE = re.compile(r"^\d{4}年\d{1,2}月(\d{1,2}日)?$")
_YEAR = re.compile(r"(\d{4})年")

_FUNDING_LABELS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("non_fiscal", re.compile(r"^非财政拨款$")),
    ("total", re.compile(r"^合计$")),
    ("fiscal", re.compile(r"^财政拨款$")),
    ("superior", re.compile(r"上级补助$")),
    ("local", re.compile(r"本级安排$")),
    ("carryover", re.compile(r"结转资金$")),
)

# Label variants clerks printed besides the template's own (项目收益, 经济效益 …). "Weak" variants
# are also ordinary 三级 names (项目成本, 服务对象满意度), so they only count as labels when a
# 三级 name and a value still follow them in the row.
_LEVEL1_WEAK = ("项目收益", "项目成本", "效益指标", "项目产出", "产出指标")
_LEVEL2_STRONG = re.compile(
    r"^(数量|质量|时效|成本|经济成本|社会成本|生态环境成本|经济效益|社会效益|生态效益|可持续影响|可持续发展|服务对象满意度)指标$"
)
_LEVEL2_WEAK = ("经济效益", "社会效益", "生态效益", "可持续影响", "服务对象满意度")
# Words that mark a row as a time, cost or satisfaction indicator whatever its position.
_KIND_CUES = {
    "time": re.compile(r"及时|时限|时间|周期|时效|进度|\d{4}年|\d+月|全年|季度"),
    "cost": re.compile(r"成本|经费|预算|资金|\d\s*万?元"),
    "satisfaction": re.compile(r"满意"),
}


@dataclass(frozen=True)
class _Lexicon:
    level1_strong: frozenset[str]
    level2_strong: frozenset[str]
    parent: dict[str, str]  # 二级 → the 一级 the template puts it under
    kind: dict[str, str]  # 二级 → its kind (time, cost …)

    @classmethod
    def of(cls, template: FormTemplate) -> _Lexicon:
        parent = {level2.name: level1.name for level1 in template.taxonomy for level2 in level1.level2}
        kind: dict[str, str] = {
            level2.name: level2.kind for level1 in template.taxonomy for level2 in level1.level2
        }
        return cls(frozenset(template.level1_names), frozenset(parent), parent, kind)

    def reads_as(self, level2: str, text: str) -> bool:
        """Whether a row's 三级 and value read like an indicator of this 二级 (by words, not position)."""
        cue = _KIND_CUES.get(self.kind.get(level2, ""))
        if cue:
            return bool(cue.search(text))
        stem = level2.removesuffix("指标")
        return bool(stem) and stem in text

    def level(self, squashed: str) -> tuple[int, bool]:
        """(1 or 2, strong) when the text is an 一级/二级 label, else (0, False)."""
        if squashed in self.level1_strong:
            return 1, True
        if squashed in self.level2_strong or _LEVEL2_STRONG.match(squashed):
            return 2, True
        if squashed in _LEVEL1_WEAK:
            return 1, False
        if squashed in _LEVEL2_WEAK:
            return 2, False
        return 0, False


# -- raw reading of one table ------------------------------------------------------------------


@dataclass
class _Row:
    """One indicator row as read from one line, before merged cells are filled."""

    line: int
    level1: str
    level2: str
    name: str
    value: str
    after_break: bool  # first row on a new page: its merged labels are printed in full


@dataclass
class _Table:
    line: int  # the title line
    name: str = ""
    unit_name: str = ""
    unit_line: int = 0
    funding: list[tuple[int, str, str]] = field(default_factory=list)  # (line, label, amount text)
    rows: list[_Row] = field(default_factory=list)


class _TableReader:
    """State machine over the lines of one table: head rows → funding block → indicator block."""

    def __init__(self, line: int, lexicon: _Lexicon, report: ImportReport) -> None:
        self.table = _Table(line)
        self.lexicon = lexicon
        self.report = report
        self.state = "head"
        self.page_break = False

    def feed(self, line: int, raw: str) -> None:
        cells = [cell.strip() for cell in raw.split("\t")]
        if not any(cells):
            # Inside the indicator block a blank line is a page break; elsewhere it is spacing.
            self.page_break = self.state == "indicators" and bool(self.table.rows)
            return
        first = _squash(cells[0])
        if _is_indicator_header(cells):
            self._header(line, first)
        elif self.state == "head":
            self._head(line, first, cells, raw)
        elif self.state == "funding":
            self._funding(line, cells, raw)
        else:
            self._indicator(line, cells)
            self.page_break = False

    def _header(self, line: int, block: str) -> None:
        if self.state == "head":
            self.report.add(
                line, UNREADABLE, "表中缺少“项目资金来源”部分，资金来源按空白导入；请补填资金来源。"
            )
        if block != _INDICATOR_BLOCKS[0]:
            self.report.add(
                line,
                NOTED,
                f"指标部分的标题印为“{block}”，表样为“{_INDICATOR_BLOCKS[0]}”；项目文件不保存该标题，导入后按表样显示。",
            )
        self.state = "indicators"

    def _head(self, line: int, first: str, cells: list[str], raw: str) -> None:
        rest = "".join(cell for cell in cells[1:] if cell)
        if _PROJECT_LABEL.match(first):
            self.table.name = rest
        elif _UNIT_LABEL.match(first):
            self.table.unit_name, self.table.unit_line = rest, line
        elif first == _FUNDING_BLOCK:
            self.state = "funding"
        else:
            self.report.add(line, UNREADABLE, f"表头中无法识别的一行，未导入：“{clip(raw, 24)}”。")

    def _funding(self, line: int, cells: list[str], raw: str) -> None:
        items = [cell for cell in cells[1:] if cell] if cells[0] in ("", _FUNDING_BLOCK) else []
        if items and _funding_field(items[0]):
            self.table.funding.append((line, items[0], items[1] if len(items) > 1 else ""))
            if len(items) > 2:
                self.report.add(
                    line, UNREADABLE, f"资金来源行多出单元格，未导入：“{clip(' '.join(items[2:]), 24)}”。"
                )
        else:
            self.report.add(line, UNREADABLE, f"资金来源中无法识别的一行，未导入：“{clip(raw, 24)}”。")

    def _indicator(self, line: int, cells: list[str]) -> None:
        after_break = self.page_break
        if _squash(cells[0]) in _INDICATOR_BLOCKS:
            # The continuation row of a page break repeats the merged block label in c0.
            cells = ["", *cells[1:]]
            after_break = True
        self.table.rows.append(_read_row(line, cells, after_break, self.lexicon, self.report))


def _is_indicator_header(cells: list[str]) -> bool:
    if not any("指标" in cell for cell in cells[:3]):
        return False
    squashed = [_squash(cell) for cell in cells]
    return "一级指标" in squashed and "二级指标" in squashed


def _funding_field(label: str) -> str | None:
    squashed = _squash(label).removeprefix("其中").lstrip("：:")
    for name, pattern in _FUNDING_LABELS:
        if pattern.search(squashed):
            return name
    return None


def _read_row(
    line: int, cells: list[str], after_break: bool, lexicon: _Lexicon, report: ImportReport
) -> _Row:
    """Classify the cells of an indicator row by content: leading 一级/二级 labels, then 三级 and 值.

    Rows slide left and right in the extraction, so positions are only used to tell whether
    the row was on the grid (for the report) and whether a value fell off its end.
    """
    items: list[tuple[int, str]] = []
    for position, cell in enumerate(cells):
        if not cell:
            continue
        text = _unlatex(cell)
        if text != cell:
            report.add(line, GUESSED, f"单元格含 LaTeX 排版代码，已转为文字：“{clip(cell, 40)}”→“{text}”。")
        items.append((position, text))

    labels: dict[int, tuple[int, str]] = {}  # level → (position, label)
    k = 0
    while k < len(items):
        position, text = items[k]
        squashed = _squash(text)
        level, strong = lexicon.level(squashed)
        after = len(items) - k - 1
        if level == 0 or level in labels or (level == 1 and 2 in labels) or (not strong and after < 2):
            break
        if squashed != text:
            report.add(line, GUESSED, f"标签“{text}”中有多余的空格，已读作“{squashed}”。")
        labels[level] = (position, squashed)
        k += 1

    content = items[k:]
    if len(content) > 2:
        # A cell written twice by the extraction (a 三级 equal to its value is the clerk's text).
        deduped = [item for i, item in enumerate(content) if i == 0 or item[1] != content[i - 1][1]]
        if len(deduped) < len(content):
            report.add(line, GUESSED, f"单元格“{clip(content[0][1], 24)}”在本行重复出现，只保留一次。")
        content = deduped

    level1 = labels.get(1, (1, ""))
    level2 = labels.get(2, (2, ""))
    name = value = ""
    name_pos, value_pos = 3, 4
    lost = False
    if len(content) >= 2:
        (name_pos, name), (value_pos, value) = content[0], content[1]
        if len(content) > 2:
            # Keep every word: the extra cells join the value for the reader of the report to sort out.
            value = " ".join(text for _, text in content[1:])
            report.add(line, GUESSED, f"本行多出单元格，已并入指标值“{clip(value, 24)}”；请对照原表核对。")
    elif len(content) == 1:
        name_pos, name = content[0]
        lost = name_pos == len(cells) - 1
        if lost:
            report.add(
                line,
                LOST,
                f"“{clip(name, 24)}”一行整行右移，指标值被挤出表格而在提取中丢失，已保留为空值；请对照原表补填。",
            )
    elif not labels:
        report.add(line, UNREADABLE, "本行没有可读的内容。")
    else:
        report.add(line, UNREADABLE, "本行只有指标标签，没有三级指标和指标值；已导入为空行，请补填或删除。")

    on_grid = (
        level1[0] == 1 and level2[0] == 2 and name_pos == 3 and value_pos == 4 and len(content) <= 2
    ) or not (labels or content)
    if not on_grid and content and not lost:
        read = "、".join(
            f"{what}“{clip(text, 16)}”"
            for what, text in (("一级", level1[1]), ("二级", level2[1]), ("三级", name), ("指标值", value))
            if text
        )
        report.add(line, GUESSED, f"本行单元格错位，按内容读作{read}。")
    return _Row(line, level1[1], level2[1], name, value, after_break)


# -- merged cells ------------------------------------------------------------------------------


def _fill_merged(rows: list[_Row], lexicon: _Lexicon, report: ImportReport) -> None:
    """Fill the merged 一级/二级 cells down their groups, repairing labels printed lower down.

    A merged label normally appears on the first row of its group. When the extraction put it
    lower (the label was vertically centred), the rows above it carry the previous group's label
    after a plain fill-down; three cases are repaired:

    * rows before the first label of the table take the first label below them;
    * a row whose 二级 belongs under another 一级 than the one above, with that 一级 printed
      below it, takes the one below;
    * the last row of a group whose 三级 names the next group (成本控制 → 成本指标), when the
      next group's label is printed on its only row, moves into that group; in a table that
      shows this, a row whose words fit the next group's kind and not its own (2026年 → 时效指标)
      moves too.

    Rows after a page break are never moved: a new page prints its merged labels in full.
    """
    _fill_level1(rows, lexicon, report)
    _fill_level2(rows, lexicon, report)


def _level1_below(rows: list[_Row], start: int) -> str:
    """The next 一级 label printed below rows[start], on the same page."""
    for row in rows[start + 1 :]:
        if row.after_break:
            return ""
        if row.level1:
            return row.level1
    return ""


def _fill_level1(rows: list[_Row], lexicon: _Lexicon, report: ImportReport) -> None:
    current = ""
    for i, row in enumerate(rows):
        if row.level1:
            current = row.level1
            continue
        if not current:
            below = next((r.level1 for r in rows[i + 1 :] if r.level1), "")
            if below:
                report.add(
                    row.line, GUESSED, f"一级指标为空（合并单元格的标签印在下方），按下方的“{below}”补全。"
                )
            row.level1 = below
            continue
        parent = lexicon.parent.get(row.level2)
        if parent and parent != current and _level1_below(rows, i) == parent:
            report.add(
                row.line,
                GUESSED,
                f"二级指标“{row.level2}”属于“{parent}”，而上方的一级指标是“{current}”；"
                f"“{parent}”的标签印在下一行（合并单元格垂直居中），本行归入“{parent}”。",
            )
            current = parent
        row.level1 = current


def _fill_level2(rows: list[_Row], lexicon: _Lexicon, report: ImportReport) -> None:
    # A row named after the next group (成本控制 above 成本指标) proves this table prints its
    # 二级 labels centred; only then do weaker cues (2026年 → 时效指标) move rows too.
    centred = any(_names_next_group(rows, i) for i in range(len(rows)))
    current = ""
    for i, row in enumerate(rows):
        if row.level2:
            current = row.level2
            continue
        if not current:
            below = next((r.level2 for r in rows[i + 1 :] if r.level2), "")
            if below:
                report.add(
                    row.line, GUESSED, f"二级指标为空（合并单元格的标签印在下方），按下方的“{below}”补全。"
                )
            row.level2 = below
            continue
        label = _next_label(rows, i)
        text = f"{row.name} {row.value}"
        named = _names_next_group(rows, i)
        cued = centred and lexicon.reads_as(label, text) and not lexicon.reads_as(current, text)
        if label and label != current and (named or cued):
            report.add(
                row.line,
                GUESSED,
                f"“{clip(row.name, 24)}”按内容归入下一行的二级指标“{label}”，而不是上方的“{current}”"
                f"（本表的二级标签在合并单元格中垂直居中，印在了该组第二行）。",
            )
            current = label
        row.level2 = current


def _next_label(rows: list[_Row], i: int) -> str:
    """The 二级 label printed on the row below an unlabelled row, on the same page."""
    if rows[i].level2 or i + 1 >= len(rows) or rows[i + 1].after_break:
        return ""
    return rows[i + 1].level2


def _names_next_group(rows: list[_Row], i: int) -> bool:
    """rows[i] is named after the group whose label is printed below it, on that group's only row."""
    label = _next_label(rows, i)
    stem = label.removesuffix("指标")
    if not stem or stem not in rows[i].name:
        return False
    return i + 2 >= len(rows) or bool(rows[i + 2].level2) or rows[i + 2].after_break


# -- funding -----------------------------------------------------------------------------------


def _read_funding(rows: list[tuple[int, str, str]], report: ImportReport) -> Funding:
    fields = [_funding_field(label) or "" for _, label, _ in rows]
    by_position = len(rows) == len(FUNDING_FIELDS) and len(set(fields)) < len(fields)
    amounts: dict[str, Decimal] = {}
    for index, (line, label, text) in enumerate(rows):
        name = fields[index]
        if by_position:
            # A repeated label in a full six-row block: the row's position says what it is.
            expected = FUNDING_FIELDS[index]
            if name != expected:
                report.add(
                    line,
                    GUESSED,
                    f"资金来源第{index + 1}行印为“{label}”，与本块其他行的标签重复；按位置读作“{FUNDING_NAMES[expected]}”。"
                    f"请核对标签。",
                )
            name = expected
        elif name in amounts:
            report.add(line, UNREADABLE, f"资金来源“{label}”重复出现，只导入了第一行的金额 {amounts[name]}。")
            continue
        if not text:
            continue
        try:
            amounts[name] = parse_amount(text)
        except BoundsError as exc:
            # One odd amount is one reported cell: the rest of the booklet still imports.
            report.add(
                line,
                UNREADABLE,
                f"“{clip(label, 24)}”的金额“{clip(text, 24)}”无法读取（{exc}），已留空；请补填。",
            )
    return Funding(**amounts)


# -- front matter: cover, 编制说明, 目录 -------------------------------------------------------


@dataclass
class _TocEntry:
    line: int
    code: str
    name: str
    truncated: bool


@dataclass
class _Front:
    title: str = ""
    compiler: str = ""
    date: str = ""
    fiscal_year: int | None = None
    preface_title: str = ""
    preface: list[PrefaceSection] = field(default_factory=list)
    toc: list[_TocEntry] = field(default_factory=list)


def _numbered(lines: list[str], start: int, end: int) -> Iterator[tuple[int, str]]:
    for index in range(start, end):
        text = lines[index].strip()
        if text:
            yield index + 1, text


def _read_front(lines: list[str], end: int, report: ImportReport) -> _Front:
    front = _Front()
    toc_at = next((i for i in range(end) if _squash(lines[i]) == _TOC_HEADING), end)
    preface_at = next((i for i in range(toc_at) if _PREFACE_TITLE.search(lines[i].strip())), toc_at)

    cover = list(_numbered(lines, 0, preface_at))
    if cover:
        line, title = cover[0]
        repaired = _SPACE_BETWEEN_CJK.sub("", title)
        if repaired != title:
            report.add(line, GUESSED, f"封面标题中有多余的空格（排版换行所致），已读作“{repaired}”。")
        front.title = repaired
        year = _YEAR.search(repaired)
        front.fiscal_year = int(year.group(1)) if year else None
    for line, text in cover[1:]:
        if _DATE.match(text) and not front.date:
            front.date = text
        elif not front.compiler:
            front.compiler = text
        else:
            report.add(line, NOTED, f"封面上的这一行没有对应的项目属性，未导入：“{clip(text, 24)}”。")

    if preface_at < toc_at:
        front.preface_title = lines[preface_at].strip()
        for _line, text in _numbered(lines, preface_at + 1, toc_at):
            if _SECTION_HEADING.match(text):
                front.preface.append(PrefaceSection(heading=text))
            elif front.preface:
                section = front.preface[-1]
                section.body = f"{section.body}\n{text}" if section.body else text
            else:
                front.preface.append(PrefaceSection(body=text))

    for line, text in _numbered(lines, toc_at + 1, end):
        match = _TOC_ENTRY.match(text)
        if not match:
            report.add(line, UNREADABLE, f"目录中无法识别的一行，未导入：“{clip(text, 24)}”。")
            continue
        code, name, leader, _page = match.groups()
        # A cut-off entry has no dot leader or an unclosed parenthesis: its tables say the rest.
        unclosed = name.count("(") + name.count("（") > name.count(")") + name.count("）")
        front.toc.append(_TocEntry(line, code, name.strip(), truncated=unclosed or not leader))
    return front


# -- tables → departments ----------------------------------------------------------------------


@lru_cache(maxsize=4096)
def _bigrams(text: str) -> frozenset[str]:
    return frozenset(text[i : i + 2] for i in range(len(text) - 1))


def _similarity(a: str, b: str) -> float:
    """Dice coefficient of character bigrams: cheap and good enough for unit names."""
    left, right = _bigrams(a), _bigrams(b)
    if not left or not right:
        return 0.0
    return 2 * len(left & right) / (len(left) + len(right))


_EXACT, _NORMALISED, _FUZZY_MIN = 3.0, 2.0, 0.5
_SKIP_PENALTY = 1.0  # per 目录 entry left without a table


_PARENTHETICAL = re.compile(r"[（(][^）)]*([）)]|$)")
_JURISDICTION = re.compile(r"^(.+?)\d{4}年")


class _UnitNames:
    """Tells whether a unit name printed on a table names a 目录 entry.

    Tables often print a shorter or older name: without the city (西区… for 攀枝花市西区…),
    中共 for 中国共产党, 区委 for 区委员会, without a parenthetical second name. The city and
    district come from the cover title (攀枝花市西区2026年…).
    """

    def __init__(self, title: str) -> None:
        rewrites = [("中国共产党", "中共"), ("委员会", "委")]
        match = _JURISDICTION.match(_squash(title))
        if match:
            city, _, district = match.group(1).rpartition("市")
            if city:
                rewrites[1:1] = [(f"{city}市", ""), (city, "")]
            if district:
                # 西区区委 → 西区委 → 区委: the district's own name is often left out.
                rewrites += [(f"{district}{district[-1]}委", f"{district}委"), (district, district[-1])]
        self.rewrites = tuple(rewrites)
        self._normalised: dict[str, str] = {}

    def normalise(self, name: str) -> str:
        if name not in self._normalised:
            text = _PARENTHETICAL.sub("", _squash(name))
            for old, new in self.rewrites:
                text = text.replace(old, new)
            self._normalised[name] = text
        return self._normalised[name]

    def score(self, printed: str, toc_name: str) -> float:
        if _squash(printed) == _squash(toc_name):
            return _EXACT
        a, b = self.normalise(printed), self.normalise(toc_name)
        if a == b:
            return _NORMALISED
        similarity = _similarity(a, b)
        return similarity if similarity >= _FUZZY_MIN else 0.0


def _align(tables: list[_Table], toc: list[_TocEntry], names: _UnitNames) -> list[tuple[int, float]]:
    """Assign each table a 目录 entry, in order (monotone), maximising name agreement.

    Tables follow the 目录, so a table belongs to the same entry as the one before it or to a
    later one; entries left without any table cost a penalty. Returns (entry index, score).
    """
    scores: dict[tuple[str, int], float] = {}

    def score(t: int, d: int) -> float:
        key = (tables[t].unit_name, d)
        if key not in scores:
            scores[key] = names.score(tables[t].unit_name, toc[d].name)
        return scores[key]

    entries = len(toc)
    best = [score(0, d) - d * _SKIP_PENALTY for d in range(entries)]
    back: list[list[int]] = [[-1] * entries]
    for t in range(1, len(tables)):
        new, pointers = [0.0] * entries, [0] * entries
        # best_earlier = max over d' < d of best[d'] - (d - d' - 1) * penalty, kept as a running max.
        best_earlier, earlier_at = float("-inf"), -1
        for d in range(entries):
            stay = best[d]
            if best_earlier >= stay:
                new[d], pointers[d] = best_earlier + score(t, d), earlier_at
            else:
                new[d], pointers[d] = stay + score(t, d), d
            # For entry d + 1: the earlier candidates skip one more entry, entry d skips none.
            best_earlier -= _SKIP_PENALTY
            if best[d] > best_earlier:
                best_earlier, earlier_at = best[d], d
        best = new
        back.append(pointers)
    finals = [best[d] - (entries - 1 - d) * _SKIP_PENALTY for d in range(entries)]
    d = max(range(entries), key=lambda i: finals[i])
    path = [0] * len(tables)
    for t in range(len(tables) - 1, -1, -1):
        path[t] = d
        d = back[t][d]
    return [(d, score(t, d)) for t, d in enumerate(path)]


def _departments(
    tables: list[_Table], front: _Front, report: ImportReport
) -> list[tuple[Department, list[_Table]]]:
    """The 目录's departments, each with its tables, in 目录 order."""
    if not front.toc:
        report.add(
            1,
            UNREADABLE,
            "找不到目录（单位编码和名称），按表中印的部门（单位）分组，编码留空；请补填单位编码。",
        )
        groups: list[tuple[Department, list[_Table]]] = []
        for table in tables:
            if not groups or groups[-1][0].name != table.unit_name:
                groups.append((Department(code="", name=table.unit_name), []))
            groups[-1][1].append(table)
        return groups

    names = _UnitNames(front.title)
    groups = [(Department(code=entry.code, name=entry.name), []) for entry in front.toc]
    for table, (d, score) in zip(tables, _align(tables, front.toc, names), strict=True):
        groups[d][1].append(table)
        if score < _NORMALISED:
            entry = front.toc[d]
            how = "名称相近" if score > 0 else "名称不符，只按目录顺序"
            report.add(
                table.unit_line or table.line,
                GUESSED,
                f"表中的部门（单位）“{table.unit_name}”与目录中的名称不一致，{how}归入 {entry.code} {entry.name}；请核对。",
            )
    for entry, (department, own) in zip(front.toc, groups, strict=True):
        if not own:
            report.add(entry.line, NOTED, f"目录中的 {entry.code} {entry.name} 没有对应的绩效目标表。")
        printed = {table.unit_name for table in own}
        if entry.truncated and len(printed) == 1:
            full = printed.pop()
            if full != entry.name and names.normalise(full) == names.normalise(entry.name):
                report.add(
                    entry.line,
                    GUESSED,
                    f"目录中的单位名称被截断（“{entry.name}”），按其表中印的“{full}”补全。",
                )
                department.name = full
    return groups


def _project(table: _Table, project_id: str, report: ImportReport) -> Project:
    return Project(
        id=project_id,
        name=table.name,
        unit_name=table.unit_name,
        funding=_read_funding(table.funding, report),
        indicators=[
            Indicator(level1=row.level1, level2=row.level2, name=row.name, value=row.value)
            for row in table.rows
        ],
    )


def _year_from_tables(lines: list[str], starts: list[int]) -> int | None:
    """The fiscal year from the first amount header (2026年预算申请数), when the cover has none."""
    for line in lines[starts[0] : starts[0] + 12]:
        match = re.search(r"(\d{4})年预算申请数", line)
        if match:
            return int(match.group(1))
    return None


# -- the booklet -------------------------------------------------------------------------------


def parse_booklet_text(text: str, source: str) -> tuple[Booklet, ImportReport]:
    """Read the booklet text; ``source`` names the file in messages. Raises FileFormatError."""
    report = ImportReport(source)
    if not text.strip():
        raise FileFormatError(source, "文件是空的，没有可导入的内容。请选择绩效目标汇编的文本文件。")
    lines = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    starts = [i for i, line in enumerate(lines) if _squash(line) == _TITLE]
    if not starts:
        raise FileFormatError(
            source,
            f"找不到任何“{_TITLE}”，这不是绩效目标汇编的文本。请选择由汇编 PDF 提取的文本文件。",
            place="全文",
        )

    template = load_template(TEMPLATE_ID)
    lexicon = _Lexicon.of(template)
    front = _read_front(lines, starts[0], report)

    tables: list[_Table] = []
    for number, start in enumerate(starts):
        reader = _TableReader(start + 1, lexicon, report)
        end = starts[number + 1] if number + 1 < len(starts) else len(lines)
        for index in range(start + 1, end):
            reader.feed(index + 1, lines[index])
        table = reader.table
        if not table.rows:
            report.add(table.line, UNREADABLE, f"表“{table.name or '（无项目名称）'}”没有任何指标行。")
        _fill_merged(table.rows, lexicon, report)
        tables.append(table)

    fiscal_year = front.fiscal_year or _year_from_tables(lines, starts)
    if fiscal_year is None:
        raise FileFormatError(source, "封面和表头中都找不到预算年度（如“2026年”）。", place="封面")

    departments: list[Department] = []
    for index, (department, own) in enumerate(_departments(tables, front, report)):
        # Ids follow the unit code and the table's order, so importing twice gives the same file.
        prefix = department.code or f"unit{index + 1:03d}"
        department.projects = [_project(table, f"{prefix}-{n:02d}", report) for n, table in enumerate(own, 1)]
        departments.append(department)

    try:
        booklet = Booklet(
            fiscal_year=fiscal_year,
            template_id=TEMPLATE_ID,
            title=front.title,
            compiler=front.compiler,
            date=front.date,
            preface_title=front.preface_title,
            preface=front.preface,
            departments=departments,
        )
    except ValidationError as exc:
        # Everything else is checked while reading; this is the cover's year out of range.
        problem = exc.errors()[0]
        where = ".".join(str(part) for part in problem["loc"])
        raise FileFormatError(
            source, f"封面内容无法作为汇编导入（{where}：{problem['msg']}）。", place="封面"
        ) from exc
    report.issues.sort(key=lambda issue: issue.line)
    return booklet, report


def import_booklet_text(path: str | Path) -> tuple[Booklet, ImportReport]:
    """Read a booklet text file (UTF-8). Raises FileFormatError naming the file and the place."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_TEXT_BYTES:
            raise FileFormatError(
                path,
                f"文件过大（{size // 1048576} MB，上限 {MAX_TEXT_BYTES // 1048576} MB），不是一本绩效目标汇编的文本",
            )
        data = path.read_bytes()
    except OSError as exc:
        raise FileFormatError(path, f"无法读取文件：{exc.strerror or exc}") from exc
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise FileFormatError(
            path,
            "文件不是 UTF-8 编码的文本。请用 UTF-8 编码另存后再导入。",
            place=f"第 {line} 行（字节 {exc.start}）",
        ) from exc
    return parse_booklet_text(text, str(path))

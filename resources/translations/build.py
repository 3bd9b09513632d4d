"""Regenerate the English translation: lupdate the sources, fill in the English below, lrelease.

Run from the repository root: ``python3 resources/translations/build.py``. The UI source language is
Simplified Chinese; a string missing here is reported and stays Chinese in the English UI.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "kpi_editor_en.ts"
QM = TS.with_suffix(".qm")
SOURCES = [
    *sorted((ROOT / "kpi_editor" / "gui").rglob("*.py")),
    ROOT / "kpi_editor" / "app" / "commands.py",
    ROOT / "kpi_editor" / "app" / "operations.py",
    *sorted((ROOT / "forms").glob("*.ui")),
]

ENGLISH = {
    "新建(&N)…": "&New…",
    "打开(&O)…": "&Open…",
    "保存(&S)": "&Save",
    "另存为(&A)…": "Save &As…",
    "关闭(&C)": "&Close",
    "导出 PDF…": "Export PDF…",
    "导出 Excel…": "Export Excel…",
    "退出(&Q)": "&Quit",
    "撤销": "Undo",
    "重做": "Redo",
    "查找(&F)…": "&Find…",
    "查找下一个": "Find Next",
    "新建单位": "New Unit",
    "新建项目": "New Project",
    "创建副本": "Duplicate",
    "删除": "Delete",
    "上移": "Move Up",
    "下移": "Move Down",
    "添加指标行": "Add Indicator Row",
    "复制指标行": "Copy Indicator Rows",
    "粘贴指标行": "Paste Indicator Rows",
    "由分项计算财政拨款与合计": "Compute Fiscal and Total from Parts",
    "重新检查全册": "Recheck Whole Booklet",
    "设置…": "Settings…",
    "文件(&F)": "&File",
    "最近打开(&R)": "&Recent Files",
    "编辑(&E)": "&Edit",
    "视图(&V)": "&View",
    "工具(&T)": "&Tools",
    "标题": "Title",
    "编制单位": "Compiled by",
    "日期": "Date",
    "编制说明标题": "Preface title",
    "预算年度": "Fiscal year",
    "节标题": "Section heading",
    "节正文": "Section body",
    "三级指标": "Level-3 indicator",
    "表样": "Form template",
    "无法执行“{what}”：{reason}": "Cannot do “{what}”: {reason}",
    "审核状态和审核意见只能在审核模式下修改（“审核”菜单 ▸ 审核模式）。": (
        "Review status and comments can be changed in review mode only (Review ▸ Review Mode)."
    ),
    "正文": "Body",
    "单位编码": "Unit code",
    "名称": "Name",
    "部门（单位）": "Department (unit)",
    "一级指标": "Level-1 indicator",
    "二级指标": "Level-2 indicator",
    "指标值": "Target value",
    "合计": "Total",
    "财政拨款": "Fiscal appropriation",
    "上级补助": "Superior subsidy",
    "本级安排": "Local allocation",
    "上年结转资金": "Carry-over from last year",
    "非财政拨款": "Non-fiscal funds",
    "此列只能填写文字": "This column takes text only",
    "“{field}”的值无效：{reason}": "Invalid value for “{field}”: {reason}",
    "修改{field}": "Edit {field}",
    "插入{count}行": "Insert {count} row(s)",
    "删除{count}行": "Delete {count} row(s)",
    "移动": "Move",
    "（空）": "(empty)",
    "封面": "Cover",
    "预算年度与表样": "Fiscal year and form",
    "编制说明": "Preface",
    "说明标题": "Preface title",
    "添加一节": "Add Section",
    "删除此节": "Delete Section",
    "{year}年 · {template}": "{year} · {template}",
    "（无标题）": "(untitled)",
    "新的一节": "New section",
    "添加编制说明一节": "Add preface section",
    "删除编制说明一节": "Delete preface section",
    "合计（万元）": "Total (10k CNY)",
    "问题": "Findings",
    "{count}个项目；{errors}个错误，{warnings}个警告": "{count} projects; {errors} errors, {warnings} warnings",
    "（未命名项目）": "(unnamed project)",
    "（空行）": "(empty row)",
    "单位名称": "Unit name",
    "项目与资金": "Projects and funds",
    "上移单位": "Move Unit Up",
    "下移单位": "Move Unit Down",
    "{count}个项目，合计 {total} 万元": "{count} projects, total {total} (10k CNY)",
    "级别": "Severity",
    "位置": "Place",
    "说明": "Description",
    "规则": "Rule",
    "错误": "Error",
    "警告": "Warning",
    "提示": "Info",
    "第{row}行": "row {row}",
    "全册": "whole booklet",
    "全部规则": "All rules",
    "显示 {count} 条": "{count} shown",
    "全部问题": "All findings",
    "仅错误": "Errors only",
    "错误和警告": "Errors and warnings",
    "仅当前项目": "Current project only",
    "封面与编制说明": "Cover and Preface",
    "仅显示有问题的项目": "Only projects with findings",
    "查找名称、指标和指标值（回车查找下一个）": "Find in names, indicators and values (Enter: next)",
    "<打开时的状态>": "<as opened>",
    "操作历史": "History",
    "未命名": "Untitled",
    "文件已被打开": "File Already Open",
    "“{path}”已在另一个编辑器窗口（进程 {pid}）中打开。同时编辑会互相覆盖修改。仍要打开吗？": (
        "“{path}” is open in another editor (process {pid}). Editing it in both places overwrites "
        "changes. Open it anyway?"
    ),
    "无法打开文件": "Cannot Open File",
    "{path}：{error}": "{path}: {error}",
    "无法恢复": "Cannot Recover",
    "保存失败": "Save Failed",
    "无法写入 {path}：{error}。原文件未改动。": "Cannot write {path}: {error}. The original file is unchanged.",
    "已保存到 {path}": "Saved to {path}",
    "无法保存设置：{error}": "Cannot save settings: {error}",
    "绩效目标表编辑器": "Performance Target Editor",
    "{departments} 个单位 · {projects} 个项目 · Σ合计 {total} 万元 · {errors} 个错误 · {warnings} 个警告": (
        "{departments} units · {projects} projects · Σ total {total} (10k CNY) · {errors} errors · {warnings} warnings"
    ),
    "无法修改": "Edit Refused",
    "新单位": "New unit",
    "新项目": "New project",
    "{name}（副本）": "{name} (copy)",
    "插入指标行": "Insert indicator row",
    "删除{count}个指标行": "Delete {count} indicator row(s)",
    "已复制{count}行": "Copied {count} row(s)",
    "剪贴板中没有可粘贴的行": "Nothing to paste on the clipboard",
    "粘贴{count}行": "Paste {count} row(s)",
    "未找到": "Not found",
    "PDF 文件 (*.pdf)": "PDF files (*.pdf)",
    "Excel 工作簿 (*.xlsx)": "Excel workbooks (*.xlsx)",
    "正在导出 {name}…": "Exporting {name}…",
    "取消": "Cancel",
    "导出": "Export",
    "已导出到 {path}": "Exported to {path}",
    "导出已取消，未写入文件": "Export cancelled; nothing was written",
    "导出失败": "Export Failed",
    "新建绩效目标表": "New Performance Target Booklet",
    "表样模板": "Form template",
    "项目名称": "Project name",
    "项目资金来源（万元）": "Project funding (10k CNY)",
    "财政拨款 = 上级补助 + 本级安排 + 上年结转资金；合计 = 财政拨款 + 非财政拨款": (
        "Fiscal = superior subsidy + local allocation + carry-over; total = fiscal + non-fiscal"
    ),
    "总体绩效目标": "Performance targets",
    "添加行": "Add Row",
    "插入行": "Insert Row",
    "复制行": "Duplicate Row",
    "删除行": "Delete Row",
    "由分项计算合计": "Compute totals from parts",
    "未保存的修改": "Unsaved Changes",
    "“{name}”有未保存的修改。是否保存？": "“{name}” has unsaved changes. Save them?",
    "不保存，修改将丢失。": "If you don't save, the changes are lost.",
    "保存": "Save",
    "不保存": "Don't Save",
    "打开绩效目标表": "Open Performance Target Booklet",
    "绩效目标表 (*.kpi.json *.json)": "Performance target booklets (*.kpi.json *.json)",
    "另存为": "Save As",
    "导入": "Import",
    "导出范围": "Export Scope",
    "导出哪些表？": "Which tables should be exported?",
    "当前项目：{name}": "Current project: {name}",
    "当前单位：{name}": "Current unit: {name}",
    "未命名的新文件": "an unsaved new booklet",
    "恢复未保存的修改": "Recover Unsaved Changes",
    "上次编辑器意外退出，“{name}”有 {time} 自动保存的修改。是否恢复？": (
        "The editor quit unexpectedly. “{name}” has changes autosaved at {time}. Recover them?"
    ),
    "恢复": "Recover",
    "丢弃": "Discard",
    "以后再说": "Later",
    "设置": "Settings",
    "界面语言": "Interface language",
    "PDF 字体": "PDF font",
    "自动（本机宋体与黑体，没有时用内置字体）": "Automatic (this computer's Song and Hei faces, else the bundled fonts)",
    "AR PL UMing（宋体，内置）": "AR PL UMing (serif, bundled)",
    "文泉驿微米黑（黑体，内置）": "WenQuanYi Micro Hei (sans, bundled)",
    "自动保存间隔（秒）": "Autosave interval (seconds)",
    "界面语言在重新打开窗口后生效。": "The interface language applies the next time the window opens.",
    "<h2>绩效目标表编辑器</h2><p>编辑、检查并打印部门（单位）预算项目支出绩效目标表。</p>": (
        "<h2>Performance Target Editor</h2><p>Edit, check and print budget project performance target tables.</p>"
    ),
    "新建…": "New…",
    "打开…": "Open…",
    "打开示例（西区 2026）": "Open Sample (Xiqu 2026)",
    "最近打开的文件": "Recent files",
    # Help, imports and the import report
    "帮助(&H)": "&Help",
    "关于(&A)": "&About",
    "关于": "About",
    "关于{name}": "About {name}",
    "字体许可：{family}": "Font licence: {family}",
    "导入 Excel 工作簿…": "Import Excel Workbook…",
    "导入汇编文本…": "Import Booklet Text…",
    "无法导入": "Cannot Import",
    "文本文件 (*.txt)": "Text files (*.txt)",
    "读入{projects}个项目；{errors}个错误，{notes}条提示。": "Read {projects} projects; {errors} errors, {notes} notes.",
    "读入{projects}个项目；{issues}处需要核对。": "Read {projects} projects; {issues} places to check.",
    "已导入 {path}": "Imported {path}",
    "导入报告：{name}": "Import report: {name}",
    # 审核 menu, review panel, status filter, fingerprints
    "审核(&R)": "&Review",
    "审核": "Review",
    "审核模式": "Review Mode",
    "表格内容只读，只能修改审核状态和审核意见": "Table content is read-only; only review status and comments change",
    "审核模式：表格内容只读，只能修改审核状态和审核意见": (
        "Review mode: table content is read-only; only review status and comments change"
    ),
    "审核模式下表格内容只读：只能修改审核状态和审核意见。请在“审核”菜单中关闭审核模式后再修改内容。": (
        "In review mode the table content is read-only: only review status and comments can change. "
        "Turn review mode off in the Review menu to edit the content."
    ),
    "比较版本…": "Compare Versions…",
    "汇编合并…": "Merge Booklets…",
    "导出审核报告…": "Export Review Report…",
    "全部": "All",
    "按审核状态筛选项目": "Filter projects by review status",
    "审核状态": "Review status",
    "审核状态：{status}": "Review status: {status}",
    "未审核": "Not reviewed",
    "审核通过": "Approved",
    "退回修改": "Returned for changes",
    "已处理": "Resolved",
    "未处理": "Open",
    "审核意见": "Review comment",
    "审核意见：": "Review comments:",
    "审核人": "Reviewer",
    "新审核意见的署名": "Name that signs new review comments",
    "留空则使用系统用户名：{user}": "Leave empty to use the system user name: {user}",
    "写下审核意见，例如：指标值应量化，请补充具体数量": (
        "Write a review comment, e.g. the target value should be measurable: add a quantity"
    ),
    "添加意见": "Add Comment",
    "删除所选意见": "Delete Selected Comment",
    "选择一个项目以查看审核状态和审核意见": "Select a project to see its review status and comments",
    "第{row}行 {name}": "row {row} {name}",
    "第{row}行 ": "row {row} ",
    "整个项目": "whole project",
    "新意见针对：第{row}行 {name}": "New comment on: row {row} {name}",
    "新意见针对：整个项目（在表格中选中一行可针对该行）": (
        "New comment on: the whole project (select a row in the table to comment on it)"
    ),
    "添加审核意见": "Add review comment",
    "删除审核意见": "Delete review comment",
    "审核意见已处理": "Review comment resolved",
    "审核意见改为未处理": "Review comment reopened",
    "内容指纹：与打印页脚上的指纹相同，即为同一版本的内容（不含审核状态）": (
        "Content fingerprint: the same as on a printed page's footer means the same content "
        "(review state not included)"
    ),
    "项目指纹 {fp}": "Project fingerprint {fp}",
    "全册指纹 {fp}": "Booklet fingerprint {fp}",
    "Excel 工作簿 (*.xlsx);;PDF 文件 (*.pdf)": "Excel workbooks (*.xlsx);;PDF files (*.pdf)",
    "正在导出审核报告 {name}…": "Exporting review report {name}…",
    # Compare view
    "比较版本": "Compare Versions",
    "与已保存的版本比较": "Compare with Saved Version",
    "与其他文件比较…": "Compare with Another File…",
    "改动": "Change",
    "原内容": "Before",
    "新内容": "After",
    "已保存的版本": "saved version",
    "无法比较": "Cannot Compare",
    "{old}（{path}）→ 当前编辑的内容": "{old} ({path}) → the content being edited",
    "比较：{what}": "Comparing: {what}",
    "内容相同：两个版本的内容没有任何不同（格式和审核状态不计）。": (
        "Same content: the two versions do not differ (formatting and review state not counted)."
    ),
    "共 {count} 处不同：{parts}": "{count} differences: {parts}",
    "封面/编制说明": "Cover/preface",
    "新增单位": "Unit added",
    "删除单位": "Unit removed",
    "单位更名": "Unit renamed",
    "新增项目": "Project added",
    "删除项目": "Project removed",
    "项目更名": "Project renamed",
    "项目移到其他单位": "Project moved to another unit",
    "项目顺序": "Project order",
    "金额": "Amounts",
    "新增指标行": "Indicator row added",
    "删除指标行": "Indicator row removed",
    "指标": "Indicator",
    # Merge dialog
    "汇编合并": "Merge Booklets",
    "选择各单位提交的项目文件（*.kpi.json）。已在汇编本中的单位不会被悄悄覆盖：每一处冲突都会显示差异并询问。": (
        "Choose the project files the units sent (*.kpi.json). A unit already in the booklet is never "
        "silently overwritten: every conflict shows its differences and asks."
    ),
    "添加文件…": "Add Files…",
    "添加文件夹…": "Add Folder…",
    "移除所选": "Remove Selected",
    "以当前打开的汇编本为基础": "Start from the booklet that is open",
    "合并": "Merge",
    "来源文件": "Source file",
    "项目数": "Projects",
    "打开合并结果": "Open Merged Booklet",
    "选择项目文件": "Choose Project Files",
    "选择包含项目文件的文件夹": "Choose a Folder of Project Files",
    "文件夹中没有 *.kpi.json 文件：{path}": "No *.kpi.json files in the folder: {path}",
    "单位 {code} {name} 已在汇编本中（来自“{old}”），“{new}”中又有这个单位。": (
        "Unit {code} {name} is already in the booklet (from “{old}”) and “{new}” has it too."
    ),
    "  …另有 {count} 处不同": "  … {count} more differences",
    "用“{new}”中的版本替换吗？选“否”保留汇编本中原有的版本。": (
        "Replace it with the version in “{new}”? “No” keeps the version already in the booklet."
    ),
    "无法读取文件": "Cannot Read File",
    "当前汇编本": "current booklet",
    "单位重复：{code}": "Duplicate unit: {code}",
    "保留；未采用“{new}”中的版本": "kept; the version in “{new}” was not used",
    "替换了“{old}”中的版本": "replaced the version from “{old}”",
    "无法合并": "Cannot Merge",
    "合并结果：{departments} 个单位、{projects} 个项目，Σ合计 {total} 万元。": (
        "Merged: {departments} units, {projects} projects, Σ total {total} (10k CNY)."
    ),
    "已打开合并结果（未保存）": "Merged booklet opened (not saved)",
    # The indicator library (gui/library).
    "指标库": "Indicator Library",
    "搜索指标库：其他单位写过的指标和共性指标，可直接插入当前项目": "Search the indicator library: rows other units wrote and common indicators, ready to insert into the current project",
    "推荐指标…": "Suggest Indicators…",
    "推荐指标": "Suggested Indicators",
    "按项目名称和已有的指标，推荐各二级指标下的常用指标，勾选后一次插入": "Suggest common indicators for each level-2 indicator from the project’s name and rows; tick and insert them at once",
    "添加指标库文件…": "Add Library File…",
    "（另有{count}个，见“指标库”面板）": " ({count} more: see the Indicator Library panel)",
    "指标库文件无法使用，已跳过：{error}{more}": "Library file left out: {error}{more}",
    "指标库文件 (*.library.json *.json)": "Indicator libraries (*.library.json *.json)",
    "无法添加指标库": "Cannot Add Library",
    "已添加指标库 {name}，正在重新载入…": "Library {name} added; reloading…",
    "个人指标库未能更新：{error}": "Personal library not updated: {error}",
    "搜索指标：名称、指标值、解释或来源项目": "Search indicators: name, target value, explanation or source project",
    "只看一个一级指标下的指标": "Only indicators under one level-1 indicator",
    "只看适用于一类项目的指标（会议、培训、购置……）": "Only indicators for one kind of project (meetings, training, purchases …)",
    "添加指标库…": "Add Library…",
    "添加财政局等分发的指标库文件（*.library.json）": "Add a library file handed out by the finance bureau (*.library.json)",
    "插入到当前项目": "Insert into Project",
    "有{count}个指标库文件无法使用，已跳过：": "{count} library file(s) could not be used and were left out: ",
    "全部一级指标": "All level-1",
    "全部项目类型": "All project types",
    "全部二级指标": "All level-2",
    "只看一个二级指标下的指标": "Only indicators under one level-2 indicator",
    "打开文件后可使用指标库": "Open a file to use the library",
    "正在载入指标库…": "Loading the library…",
    "显示最常用的{count}条": "Showing the {count} most used",
    "找到{count}条": "{count} found",
    "先在左侧选择一个项目": "Choose a project on the left first",
    "审核模式下不能修改表格内容": "The table is read-only in review mode",
    "先在列表中选择一条指标": "Choose an indicator in the list first",
    "插入到“{project}”的“{level2}”下（双击或回车也可插入）": "Insert under “{level2}” of “{project}” (double-click or Enter also inserts)",
    "先在左侧选择一个项目，再插入指标": "Choose a project on the left, then insert the indicator",
    "已插入“{name}”到“{level2}”：请把指标值中的□换成数字": "Inserted “{name}” under “{level2}”: replace the □ in its target value with numbers",
    "指标库无法载入：{error}": "The library could not be loaded: {error}",
    "已填入“{name}”：请把指标值中的□换成数字（Ctrl+Z 可撤销）": "Filled in “{name}”: replace the □ in its target value with numbers (Ctrl+Z undoes)",
    "为“{name}”推荐的指标": "Indicators suggested for “{name}”",
    "指标解释": "Explanation",
    "来源": "Source",
    "勾选要采用的指标，点“插入所选”：每条插入到本项目对应的二级指标下（先填入该二级的空行），一次插入可一次撤销（Ctrl+Z）。指标值中的□是要填写的数字。": "Tick the indicators to use and press Insert Selected: each goes under its level-2 indicator in this project (into an empty row of it first); one insert is one undo step (Ctrl+Z). The □ in target values are the numbers to fill in.",
    "全部不选": "Untick All",
    "插入所选": "Insert Selected",
    "指标库无法载入。": "The library could not be loaded.",
    "按项目名称识别为：{types}。另参考了名称相近的项目和各二级指标的常用指标。": "Recognised from the project name as: {types}. Projects with similar names and the most common indicators of each level-2 indicator were used too.",
    "按名称相近的项目和各二级指标的常用指标推荐（未识别出项目类型）。": "Suggested from projects with similar names and the most common indicators of each level-2 indicator (no project type recognised).",
    "（本项目尚未填写）": " (not filled in this project yet)",
    "指标库中没有可推荐的指标。": "The library has no indicators to suggest.",
    "（自拟）": "(your own)",
    "相似项目": "Similar project",
    "常用指标": "Common indicator",
    "常见写法：{example}": "Usually written: {example}",
    "{count}个项目用过": "Used by {count} projects",
    "已选{count}条": "{count} selected",
    "已插入{count}条推荐指标：请把指标值中的□换成数字（Ctrl+Z 可撤销）": "Inserted {count} suggested indicators: replace the □ in their target values with numbers (Ctrl+Z undoes)",
    "（指标值自拟）": "(target value: your own)",
    "（无指标解释）": "(no explanation)",
    "指标值：{value}": "Target value: {value}",
    "指标解释：{text}": "Explanation: {text}",
    "来源：{origin}（{count}个项目用过）": "Source: {origin} (used by {count} projects)",
    "来源：{origin}": "Source: {origin}",
    "项目类型：{types}": "Project type: {types}",
    "推荐指标：↓/↑ 选择，回车或单击填入整行，Esc 关闭列表，继续输入则照常输入": (
        "Suggestions: ↓/↑ choose, Enter or a click fills the row, Esc closes the list, typing on just types"
    ),
}


def _add_label_context(root: ET.Element) -> None:
    """The field names live once, in kpi_editor/domain/labels.py (no Qt there, so lupdate cannot
    see them); the app shows them through QCoreApplication.translate("labels", name)."""
    sys.path.insert(0, str(ROOT))
    from kpi_editor.domain import labels

    names = [
        *labels.FUNDING_NAMES.values(),
        *labels.COLUMN_NAMES.values(),
        *labels.FRONT_NAMES.values(),
        *(f"节{name}" for name in labels.SECTION_NAMES.values()),
        *labels.PROJECT_NAMES.values(),
        *labels.DEPARTMENT_NAMES.values(),
    ]
    for context in root.findall("context"):
        if context.findtext("name") == "labels":
            root.remove(context)
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = "labels"
    for name in dict.fromkeys(names):
        message = ET.SubElement(context, "message")
        ET.SubElement(message, "source").text = name
        ET.SubElement(message, "translation")


def main() -> int:
    subprocess.run(
        ["pyside6-lupdate", *map(str, SOURCES), "-ts", str(TS), "-target-language", "en_US", "-no-obsolete"],
        check=True,
    )
    tree = ET.parse(TS)
    _add_label_context(tree.getroot())
    missing = []
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        english = ENGLISH.get(source)
        if english is None:
            missing.append(source)
            continue
        translation.text = english
        translation.attrib.pop("type", None)
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    subprocess.run(["pyside6-lrelease", str(TS), "-qm", str(QM)], check=True)
    for source in missing:
        print(f"untranslated: {source}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())

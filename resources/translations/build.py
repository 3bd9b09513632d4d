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
    "“{name}”已经打开": "“{name}” is already open",
    "使用说明": "User Guide",
    "使用说明(&G)": "User &Guide",
    "另有 {advice} 条写法建议（问题面板中选“全部（含建议）”查看）": "Also {advice} writing suggestion(s) (choose “All (with advice)” in the findings panel)",
    "\n可快速修复：{fix}": "\nQuick fix: {fix}",
    "这个问题已经不存在，无需修复": "This problem is gone: nothing to fix",
    "已修复：{fix}": "Fixed: {fix}",
    "转到": "Go To",
    "快速修复：{fix}": "Quick Fix: {fix}",
    "快速修复": "Quick Fix",
    "全部（含建议）": "All (with advice)",
    "按所选问题的确定改法修改（一步，可撤销）": "Apply the certain correction of the selected problem (one step, undoable)",
    "要导出的表中还有 {count} 个错误和警告，财政局审核时会问到或退回。": "The tables to export still have {count} error(s) and warning(s); the finance bureau will ask about them or return them.",
    "界面语言在重新启动后切换。现在重新启动编辑器吗？": "The interface language changes after a restart. Restart the editor now?",
    " 年": " ",  # 2027 年 → 2027 (an empty translation leaves the Chinese)
    "6位数字，如 116002（可以以后再填）": "six digits, e.g. 116002 (can be filled in later)",
    "如 攀枝花市西区社会保险事务中心（可以以后再填）": "e.g. 攀枝花市西区社会保险事务中心 (can be filled in later)",
    "新表从本单位的一个项目开始，按表样列好必填的二级指标。": "The new file starts with one project of your unit, its rows set out for the form's required level-2 indicators.",
    "在表尾添加一行（Ctrl+Enter）": "Add a row at the end (Ctrl+Enter)",
    "在所选行上方插入一行，属于同一个二级指标（Ctrl+Shift+=）": "Insert a row above the selected one, in the same level-2 indicator (Ctrl+Shift+=)",
    "删除所选的行（Ctrl+-）；Delete 键只清除单元格的内容": "Delete the selected rows (Ctrl+-); the Delete key only clears cells",
    "复制": "Copy",
    "粘贴": "Paste",
    "删除所选的{count}个指标行？其中{filled}行有内容。删除后可以撤销（Ctrl+Z）。": "Delete the {count} selected indicator row(s)? {filled} of them have content. You can undo it (Ctrl+Z).",
    "行": " row(s)",
    "个单元格": " cell(s)",
    "已复制{count}{unit}": "Copied {count}{unit}",
    "剪贴板中没有可粘贴的内容": "Nothing to paste on the clipboard",
    "有{count}个单元格超出表格范围，没有粘贴": "{count} cell(s) fell outside the table and were not pasted",
    "导出前检查": "Check Before Export",
    "要导出的表中还有 {count} 个错误，财政局审核时会被退回。": "The tables to export still have {count} error(s); the finance bureau will return them.",
    "建议先查看并改正这些问题。": "Look at them and correct them first.",
    "查看问题": "Show Problems",
    "仍然导出": "Export Anyway",
    "恢复：打开自动保存的内容（保存后覆盖原文件）。丢弃：删除自动保存。以后再说：保留自动保存，下次再问。": "Recover: open what was autosaved (saving it replaces the file). Discard: delete the autosave. Later: keep it and ask next time.",
    "界面字号": "Interface text size",
    " 磅": " pt",
    "整个窗口的文字大小；“视图”菜单中的放大、缩小（Ctrl+= / Ctrl+-）在此基础上缩放": "Text size of the whole window; View ▸ Zoom In / Zoom Out (Ctrl+= / Ctrl+-) scale it",
    "自动保存": "Autosave",
    "停止输入 ": "",
    " 秒后": " s after the last edit",
    "意外退出后，下次打开文件时可以恢复到这一刻的内容": "After a crash, opening the file again offers what was autosaved",
    "界面语言在重新启动后生效；其他设置立即生效。": "The interface language applies after a restart; the other settings at once.",
    "删除后可以撤销（Ctrl+Z）。": "You can undo it (Ctrl+Z).",
    "删除单位“{code} {name}”及其{projects}个项目（共{rows}个指标行）？": "Delete unit “{code} {name}” with its {projects} project(s) ({rows} indicator rows)?",
    "删除项目“{name}”及其{rows}个指标行？": "Delete project “{name}” with its {rows} indicator row(s)?",
    "删除第{row}行“{name}”？": "Delete row {row} “{name}”?",
    "放大": "Zoom In",
    "缩小": "Zoom Out",
    "实际大小": "Actual Size",
    "缩放 {percent}%": "Zoom {percent}%",
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
    # 查找和替换 (gui/search/replace.py)
    "替换(&H)…": "Rep&lace…",
    "查找和替换": "Find and Replace",
    "查找内容(&N)：": "Fi&nd what:",
    "替换为(&E)：": "R&eplace with:",
    "范围(&S)：": "&Scope:",
    "（空：删除找到的文字）": "(empty: delete the text found)",
    "查找下一个(&F)": "&Find Next",
    "替换(&R)": "&Replace",
    "全部替换(&A)": "Replace &All",
    "查找：": "Search in:",
    "选项：": "Options:",
    "单位和项目名称": "Unit and project names",
    "单位名称、项目名称和表中的“部门（单位）”": "Unit names, project names and the tables’ “Department (unit)”",
    "标题、编制单位、日期和编制说明标题（仅全册）": (
        "Title, compiled by, date and preface title (whole booklet only)"
    ),
    "编制说明各节的标题和正文（仅全册）": "Headings and bodies of the preface sections (whole booklet only)",
    "区分大小写(&C)": "Match &case",
    "只对拉丁字母有意义：book 与 BOOK 视为不同": "Latin letters only: book and BOOK are told apart",
    "单元格匹配(&O)": "Match entire cell c&ontents",
    "整个单元格的内容与查找内容完全相同时才算找到": "Found only where the whole cell is exactly the text",
    "区分全/半角(&B)": "Match full/half &width",
    "不勾选时，全角与半角字符视为相同：％ 与 %、２０２６ 与 2026": (
        "Unticked, full-width and half-width characters are the same: ％ and %, ２０２６ and 2026"
    ),
    "审核模式下只能查找，不能替换。": "In review mode you can find but not replace.",
    "关闭": "Close",
    "当前项目": "Current project",
    "当前单位": "Current unit",
    "原文": "Now",
    "替换为": "After replacing",
    "封面 ▸ {field}": "Cover ▸ {field}",
    "编制说明 ▸ 第{n}节 ▸ {field}": "Preface ▸ section {n} ▸ {field}",
    "{code} ▸ {project} ▸ 第{row}行 ▸ {field}": "{code} ▸ {project} ▸ row {row} ▸ {field}",
    "不替换：{reason}": "Not replaced: {reason}",
    "（已是替换后的文字）": "(already reads as the replacement)",
    "请输入查找内容。": "Type the text to find.",
    "未找到“{text}”。": "“{text}” not found.",
    "找到 {found} 处（{cells} 个单元格）": "{found} found ({cells} cells)",
    "其中 {count} 处已是替换后的文字": "{count} of them already read as the replacement",
    "{count} 个单元格替换后的值无效，不会替换": "{count} cells would get an invalid value and are left alone",
    "当前第 {n} 个：{place}": "current: no. {n}, {place}",
    "替换“{text}”为“{replacement}”（{count}处）": "Replace “{text}” with “{replacement}” ({count})",
    "全部替换“{text}”为“{replacement}”（{count}处）": "Replace all “{text}” with “{replacement}” ({count})",
    "已替换。没有更多匹配。": "Replaced. No more matches.",
    "已全部替换：{count} 处，{cells} 个单元格（可撤销：Ctrl+Z）。": (
        "Replaced all: {count} in {cells} cells (undo: Ctrl+Z)."
    ),
    # Printing: 打印预览, 打印, 实时预览, 导入 PDF 汇编本.
    "单面": "One-sided",
    "双面：编制说明、目录和正文从右页起": "Two-sided: preface, contents and tables start on a right-hand page",
    "双面：每个单位从右页起": "Two-sided: every unit starts on a right-hand page",
    "双面：每张表从右页起": "Two-sided: every table starts on a right-hand page",
    "导入 PDF 汇编本…": "Import Booklet PDF…",
    "读入{projects}个项目（{pages}页）；{issues}处需要核对。": "Read {projects} project(s) ({pages} pages); {issues} place(s) to check.",
    "正在读取 {name}…": "Reading {name}…",
    "导入已取消，当前文档未改动": "Import cancelled; the open document is unchanged",
    "{name}\u3000共 {pages} 页（与导出 PDF 相同）": "{name}: {pages} page(s), as the PDF export prints them",
    "无法预览：{error}": "Cannot preview: {error}",
    "选中一个项目，这里显示它打印出来的样子，随修改更新。": "Select a project to see it here as it prints; the page follows your edits.",
    "打印预览…": "Print Preview…",
    "打印(&P)…": "&Print…",
    "实时预览": "Live Preview",
    "在窗口右侧显示当前项目打印出来的样子，随修改更新": "Show the current project as it prints, beside the window, following your edits",
    "项目": "Project",
    "正在排版 {title}…": "Laying out {title}…",
    "打印": "Print",
    "已取消排版，没有打印": "Layout cancelled; nothing was printed",
    "无法排版": "Cannot Lay Out",
    "无法打印": "Cannot Print",
    "所选页码范围内没有页面。": "The chosen page range has no pages.",
    "已交给打印机“{where}”：{pages} 页（打印任务 {job}）": "Sent to printer “{where}”: {pages} page(s) (job {job})",
    "已打印到 {where}：{pages} 页": "Printed to {where}: {pages} page(s)",
    "已交给打印机“{where}”：{pages} 页": "Sent to printer “{where}”: {pages} page(s)",
    "正在打印 {title}（{pages} 页）…": "Printing {title} ({pages} pages)…",
    "打印失败": "Printing Failed",
    "打印预览 — {title}": "Print Preview — {title}",
    "打印…": "Print…",
    "首页": "First",
    "上一页": "Previous",
    "下一页": "Next",
    "末页": "Last",
    "适合宽度": "Fit Width",
    "整页": "Whole Page",
    "双面打印时，哪些内容从右页（正面）开始；需要时插入空白背页": "For two-sided printing: what starts on a right-hand (front) page; blank backs are added where needed",
    "空白背页印“此页无正文”": "Print “此页无正文” (intentionally blank) on blank backs",
    "版式(&L)：": "&Layout:",
    " / {count} 页": " / {count} pages",
    "第 {page} 页，共 {count} 页": "Page {page} of {count}",
    "，其中 {blank} 页为双面打印留空的背页": ", {blank} of them blank backs for two-sided printing",
    "本页留空": "this page is left blank",
    "打印范围": "Print Scope",
    "打印哪些表？": "Which tables should be printed?",
    "打印（共 {pages} 页）": "Print ({pages} pages)",
    "打印（共 {pages} 页，预览中为第 {current} 页）": "Print ({pages} pages; page {current} in the preview)",
    "第 {page} 页（双面打印留空的背页）": "Page {page} (blank back for two-sided printing)",
    "第 {page} 页": "Page {page}",
    "打印已取消，未写入文件": "Printing cancelled; no file was written",
    "打印已取消，打印机没有收到任何一页": "Printing cancelled; the printer received no page",
    "未写入文件。": " No file was written.",
    "打印机没有收到任何一页。": " The printer received no page.",
    "没有指定要打印到的文件。": "No file to print to was given.",
    "无法打印到 {path}：文件夹不存在。": "Cannot print to {path}: the folder does not exist.",
    "无法开始打印：打印机“{name}”不可用或拒绝了打印任务。": "Cannot start printing: printer “{name}” is not available or refused the job.",
    "打印机“{name}”不接受第 {page} 页。": "Printer “{name}” did not accept page {page}.",
    "打印任务没有写完（打印机“{name}”或磁盘出错）。": "The print job could not be completed (printer “{name}” or the disk failed).",
    "无法写入 {path}：{error}。": "Cannot write {path}: {error}.",
    "找不到 CUPS 的 lp 命令，无法把打印任务交给打印机“{name}”。": "CUPS’s lp command is missing: the job cannot be sent to printer “{name}”.",
    "无法把打印任务交给打印机“{name}”：{error}": "Cannot send the job to printer “{name}”: {error}",
    "打印机“{name}”拒绝了打印任务：{error}": "Printer “{name}” refused the job: {error}",
    "审核状态；单位一行是其项目的审核进度（通过数/项目数）": "Review status; on a unit's row, its review progress (approved / projects)",
    "；其中{count}个{edited}": "; {count} of them {edited}",
    "生成审核意见书": "Write Review Letters",
    "每个勾选的单位一份意见书（合在一个 PDF 中，各自另起一页），列出退回修改的项目及其审核意见和错误。": "One letter per ticked unit (in one PDF, each on a new page), listing its returned projects with the comments and errors.",
    "留空（打印后手写）": "Leave blank (write it in by hand)",
    "修改期限": "Deadline",
    "生成…": "Write…",
    "{count}个单位": "{count} units",
    "正在生成审核意见书 {name}…": "Writing the review letters {name}…",
    "选择各单位报送的提交文件（*.kpi.json）。已在汇编本中的单位不会被悄悄覆盖：每一处不同都会显示差异并询问；替换时审核状态和意见会保留，内容有改动的项目改为“已修改待复审”。": "Choose the submission files the units sent (*.kpi.json). A unit already in the booklet is never overwritten silently: every difference is shown and asked about; replacing keeps the review statuses and comments, and changed projects become “Changed, to re-review”.",
    "文件": "File",
    "单位": "Unit",
    "提交时间": "Submitted",
    "提交人": "Submitted by",
    "检查": "Check",
    "合并到当前打开的汇编本": "Merge into the open booklet",
    "单位重新报送时请勾选：合并结果保留汇编本中其他单位、已给出的审核状态和意见": "Tick it for resubmissions: the result keeps the booklet's other units and the statuses and comments given",
    "应报单位名单…": "Expected Units…",
    "文本文件（每行“编码 名称”）或项目文件：核对是否为应报单位，合并后列出缺报的单位": "A text file (one “code name” a line) or a project file: checks that each unit is expected and lists the missing ones after merging",
    "不用名单": "No List",
    "审核状态和意见": "Review status and comments",
    "无法合并这些文件": "These files cannot be merged",
    "（没有单位）": "(no unit)",
    "提交信息无法读取": "Submission details unreadable",
    "没有提交信息": "No submission details",
    "提交信息相符": "Submission details match",
    "需核实": "To be checked",
    "；错误 {errors} 个": "; {errors} error(s)",
    "选择提交文件": "Choose Submission Files",
    "绩效目标表 (*.kpi.json *.json);;所有文件 (*)": "Performance target tables (*.kpi.json *.json);;All files (*)",
    "选择包含提交文件的文件夹": "Choose the Folder of Submission Files",
    "文件夹中没有新的 *.kpi.json 文件：{path}": "No new *.kpi.json files in the folder: {path}",
    "单位名单 (*.txt *.csv *.kpi.json *.json);;所有文件 (*)": "Unit lists (*.txt *.csv *.kpi.json *.json);;All files (*)",
    "无法读取单位名单": "Cannot Read the Unit List",
    "应报单位名单：未指定（不核对是否为应报单位，不列缺报）": "Expected units: no list (units are not checked, missing ones not listed)",
    "应报单位名单：{source}，{count} 个单位": "Expected units: {source}, {count} units",
    "用“{new}”中的版本替换吗？审核状态和意见会保留，有改动的项目改为“已修改待复审”。选“否”保留汇编本中原有的版本。": "Replace it with the version in “{new}”? Review statuses and comments are kept; changed projects become “Changed, to re-review”. No keeps the booklet's version.",
    "注意：{message}": "Note: {message}",
    "提交文件需要核实：{name}": "Submission to Check: {name}",
    "未合并：{message}": "Not merged: {message}",
    "已确认：{message}": "Confirmed: {message}",
    "核实无误、仍要合并这个文件吗？选“否”：这个文件不合并，其他文件照常合并。": "Checked, and merge this file anyway? No leaves this file out and merges the others.",
    "封面和编制说明留空": "Leave the cover and the notes blank",
    "封面和编制说明": "Cover and Notes",
    "这些文件有 {count} 种不同的封面和编制说明。合并结果用哪一种？": "These files have {count} different covers and notes. Which should the booklet keep?",
    "没有要合并的文件：每个文件都未经确认。": "Nothing to merge: no file was confirmed.",
    "没有合并任何单位：所有不同的版本都选择了保留原有版本。": "No unit merged: every different version was declined.",
    "与汇编本中的内容相同": "Same content as in the booklet",
    "与“{old}”中的内容相同": "Same content as in “{old}”",
    "替换了汇编本中的版本": "Replaced the booklet's version",
    "{file}：项目编号 {old} 与已有项目重复，已改为 {new}": "{file}: project id {old} was already taken and is now {new}",
    "其余 {count} 个单位保持汇编本中的原样。": "The other {count} units are as they were in the booklet.",
    "（留空）": "(blank)",
    "封面和编制说明取自：{source}": "Cover and notes from: {source}",
    "未指定应报单位名单：未核对缺报。": "No list of expected units: missing units not checked.",
    "……共 {count} 个": "… {count} in all",
    "缺报 {count} 个单位：{names}{more}": "{count} unit(s) missing: {names}{more}",
    "应报的 {count} 个单位都已在汇编本中。": "All {count} expected units are in the booklet.",
    "未改动": "Unchanged",
    "未改动：审核状态和意见保持原样": "Unchanged: review statuses and comments as they were",
    "意见 {count} 条": "{count} comment(s)",
    "单位答复 {count} 条": "{count} answered by the unit",
    "改动 {count} 处：{first}": "{count} change(s): {first}",
    "已合并到汇编本（未保存）：保存后写入 {path}": "Merged into the booklet (not saved): saving writes {path}",
    "审核通过前检查": "Check Before Approving",
    "项目“{name}”还有 {count} 个错误。仍要审核通过吗？": "Project “{name}” still has {count} error(s). Approve it anyway?",
    "要审核通过的 {total} 个项目中，有 {count} 个还有错误。": "{count} of the {total} projects to approve still have errors.",
    "{unit}“{name}”：{count} 个错误，如：{first}": "{unit} “{name}”: {count} error(s), e.g. {first}",
    "…另有 {count} 个": "… and {count} more",
    "仍然审核通过": "Approve Anyway",
    "只通过没有错误的 {count} 个": "Approve Only the {count} Without Errors",
    "导出审核报告": "Export Review Report",
    "报告包含的单位：": "Units in the report:",
    "只列出这些审核状态的项目：": "Only projects with these statuses:",
    "导出…": "Export…",
    "改为未审核": "Not Reviewed",
    "设置所选项目（或所选单位的全部项目）的审核状态": "Set the review status of the selected projects (or of every project of the selected units)",
    "提交情况…": "Submissions…",
    "导出本单位提交文件…": "Export Submission File…",
    "把当前单位（或所选的几个单位）存为带提交信息的文件，报送财政局": "Save the current unit (or the selected units) as a file with its submission details, to send to the finance bureau",
    "生成审核意见书…": "Write Review Letters…",
    "请先在左侧树中选择项目或单位": "Select projects or units in the tree first",
    "已将 {count} 个项目设为“{status}”（可撤销：Ctrl+Z）": "{count} project(s) set to “{status}” (undo: Ctrl+Z)",
    "所选项目已是“{status}”，未改动": "The selected projects are already “{status}”; nothing changed",
    "审核进度（按当前内容：审核后被修改的项目计为已修改待复审）": "Review progress (by the current content: projects edited after review count as changed, to re-review)",
    "其中 {count} 个项目{edited}，待复审": "{count} project(s) {edited}, to re-review",
    "导出本单位提交文件": "Export Submission File",
    "请先在左侧树中选择要导出的单位（可以选多个）。": "Select the unit to export in the tree first (several are allowed).",
    "提交文件 (*.kpi.json)": "Submission files (*.kpi.json)",
    "已导出提交文件 {path}：{projects} 个项目，错误 {errors} 个，警告 {warnings} 个": "Submission file exported to {path}: {projects} project(s), {errors} error(s), {warnings} warning(s)",
    "选择保存 {count} 个提交文件的文件夹": "Choose the Folder for {count} Submission Files",
    "文件夹中已有 {count} 个同名文件（如 {name}）。覆盖它们吗？": "The folder already has {count} file(s) of these names (e.g. {name}). Overwrite them?",
    "无法写入：{error}": "Cannot write: {error}",
    "已导出 {count} 个提交文件到 {folder}": "{count} submission file(s) exported to {folder}",
    "审核通过 Ctrl+1 · 退回修改 Ctrl+2 · 改为未审核 Ctrl+3（在树中选中多个单位或项目可一次设置）": "Approved Ctrl+1 · Returned Ctrl+2 · Not reviewed Ctrl+3 (select several units or projects in the tree to set them at once)",
    "双击一条意见，转到它所指的行或栏目": "Double-click a comment to go to the row or field it is about",
    "新意见针对的栏目": "What the new comment is about",
    "署名": "Signed",
    "新意见、答复和“已处理”的署名": "The name that signs new comments, replies and “resolved”",
    " · 审核时指纹 {fp}": " · fingerprint when reviewed {fp}",
    "{edited}：{stamp} 之后内容有改动（指纹 {old} → {new}），现为已修改待复审。复审后请重新选择审核状态。": "{edited}: the content changed after {stamp} (fingerprint {old} → {new}); it is now changed, to re-review. Choose the status again once reviewed.",
    "单位重新提交后与审核时相比的改动：": "Changes since the review, in the unit's resubmission:",
    " · 单位已答复": " · answered by the unit",
    "↳ 答复 {who}": "↳ Reply {who}",
    "✔ 已处理 {by}": "✔ Resolved {by}",
    "树中选中了 {units} 个单位、{projects} 个项目：审核 ▸ 审核通过 / 退回修改 / 改为未审核（Ctrl+1 / Ctrl+2 / Ctrl+3）一次设置全部。": "{units} unit(s) and {projects} project(s) selected in the tree: Review ▸ Approved / Returned / Not Reviewed (Ctrl+1 / Ctrl+2 / Ctrl+3) sets them all at once.",
    "新意见针对：{place}": "New comment about: {place}",
    "整行": "The whole row",
    "写下审核意见，例如：指标值应量化，请补充具体数量；或选中一条意见写下答复": "Write a comment, e.g. the target should be quantified; or select a comment and write a reply",
    "选中一条审核意见，写下答复，例如：已按意见改为“≥95%”": "Select a comment and write a reply, e.g. changed to “≥95%” as asked",
    "答复所选意见": "Reply",
    "提交情况": "Submissions",
    "文本文件（每行“编码 名称”，UTF-8 或 GBK）、CSV 或项目文件": "A text file (one “code name” a line, UTF-8 or GBK), a CSV or a project file",
    "用汇编本中的单位": "Use the Booklet's Units",
    "显示": "Show",
    "版本": "Version",
    "收到时间": "Received",
    "审核进度": "Review progress",
    "没有打开的汇编本": "No booklet open",
    "应报单位：汇编本中的 {count} 个单位（选择名单可核对缺报）": "Expected units: the booklet's {count} units (choose a list to check for missing ones)",
    "应报单位：名单“{source}”中的 {count} 个单位": "Expected units: the {count} units of the list “{source}”",
    "应报 {expected} 个单位：已提交 {submitted} 个，未提交 {missing} 个；名单外 {unexpected} 个。共收到 {versions} 个文件。审核进度：{progress}": "{expected} units expected: {submitted} submitted, {missing} not yet; {unexpected} not on the list. {versions} file(s) received. Review progress: {progress}",
    "汇编本还没有合并记录：用“审核 ▸ 汇编合并…”合并单位报送的文件后，这里列出收到的版本。": "The booklet has no merge records yet: once the units' files are merged with Review ▸ Compile Booklet…, the versions received are listed here.",
    "收到后汇编本中又有改动": "Edited in the booklet since it was received",
    "合并时已确认：{what}": "Confirmed when merged: {what}",
    "汇编本中是原有版本": "The booklet holds an earlier version",
    "{code} {name}（{label}，退回 {returned}）": "{code} {name} ({label}, {returned} returned)",
    "全选": "All",
    "只选有退回项目的": "Only Units with Returns",
    "全不选": "None",
    "已修改待复审": "Changed, to re-review",
    "通过": "Approved",
    "退回": "Returned",
    "待复审": "Re-review",
    "在审核后修改": "Edited after review",
    "{edited}：{stamp}后内容有改动，待复审": "{edited}: changed after {stamp}, to re-review",
    "批量设置审核状态：{status}（{count}个项目）": "Set review status: {status} ({count} projects)",
    "答复审核意见": "Reply to a comment",
    # The annual cycle: 由上年度新建, the cover's year and template changes, their report.
    "沿用上年金额，改动后取消标记": "Last year's amount, kept until you change it",
    "上年：{amount} 万元": "Last year: {amount} (10k CNY)",
    "上年：{amount}": "Last year: {amount}",
    "上年：{value}": "Last year: {value}",
    "由上年度新建(&Y)…": "New from Last &Year…",
    "以上年度的表格为底稿新建下一年度：年份顺延，金额和指标值留作上年参考": (
        "Start next year's booklet from last year's: years move on, amounts and targets stay as "
        "last year's reference"
    ),
    "已新建{year}年度（未保存）：待核对{count}个单元格": "{year} booklet created (not saved): {count} cells to check",
    "{stem}-新年度报告.json": "{stem}-new-year-report.json",
    "更改预算年度…": "Change Fiscal Year…",
    "改为另一个预算年度，并顺延内容中的年份；先显示将要改动的内容": (
        "Move to another fiscal year, with the years in the text; shows what will change first"
    ),
    "更换表样…": "Change Form Template…",
    "换用另一种表样，对应一级、二级指标；先显示将要改动的内容": (
        "Use another form template, mapping the level-1/level-2 indicators; shows what will change first"
    ),
    "确定后一次完成，可以撤销（Ctrl+Z）。": "Done in one step, which you can undo (Ctrl+Z).",
    "导出报告…": "Export Report…",
    "{stem}-变更报告.json": "{stem}-change-report.json",
    "变更报告.json": "change-report.json",
    "已完成：{what}（可撤销）": "Done: {what} (can be undone)",
    "更改预算年度": "Change Fiscal Year",
    "自动：内容中的年份随年度顺延，内容已是新年度时不动": (
        "Automatic: years in the text move with it, unless the text already names the new year"
    ),
    "顺延内容中的年份（封面、编制说明、指标）": "Move the years in the text (cover, preface, indicators)",
    "只改预算年度，内容不动（改正填错的年度）": "Change the fiscal year only, not the text (correcting a wrong year)",
    "当前预算年度": "Current fiscal year",
    "{year}年": "{year}",
    "新的预算年度": "New fiscal year",
    "内容中的年份": "Years in the text",
    "改为{year}年": "Change to {year}",
    "新的预算年度与当前相同。": "The new fiscal year is the current one.",
    "更换表样": "Change Form Template",
    "当前表样": "Current template",
    "新的表样": "New template",
    "换用此表样": "Use This Template",
    "这就是当前的表样。": "This is the current template.",
    "原因": "Reason",
    "建议": "Suggestion",
    "状态": "State",
    "转到单元格": "Go to Cell",
    "采用建议": "Use Suggestion",
    "用建议的文字替换所选单元格（一步，可撤销）": "Replace the selected cells with the suggested text (one step, can be undone)",
    "改动前": "Before",
    "改动后": "After",
    "年份": "Year",
    "理由": "Why",
    "（无）": "(none)",
    "待核对（{count}）": "To check ({count})",
    "已改动（{count}）": "Changed ({count})",
    "保留（{count}）": "Kept ({count})",
    "这些单元格原样保留，请逐一核对。双击转到该单元格。": (
        "These cells were left as they were: check each one. Double-click to go to the cell."
    ),
    "这些单元格将原样保留，修改后请逐一核对。": "These cells will be left as they are: check each one afterwards.",
    "没有需要核对的单元格。": "No cells to check.",
    "待核对": "To check",
    "已采用建议": "Suggestion used",
    "已修改": "Edited",
    "已不在原处": "No longer there",
    "{count}个单元格在报告之后已经修改过（如{where}）。仍用建议的文字替换吗？": (
        "{count} cells were edited after the report (e.g. {where}). Replace them with the suggestion anyway?"
    ),
    "采用建议：{where}": "Use suggestion: {where}",
    "采用{count}处建议": "Use {count} suggestions",
    "JSON 文件 (*.json)": "JSON files (*.json)",
    "无法导出报告": "Cannot Export Report",
    "{path} 是打开的项目文件，请另选文件名。": "{path} is the open project file: choose another name.",
    "无法写入 {path}：{error}": "Cannot write {path}: {error}",
    "报告已导出到 {path}": "Report exported to {path}",
    "新建": "Create",
    "当前打开的文件：{name}": "The open file: {name}",
    "请选择上年度的项目文件（*.kpi.json）。": "Choose last year's project file (*.kpi.json).",
    "（未保存的文件）": "(unsaved file)",
    "{where}：{year}年，{departments}个单位，{projects}个项目": (
        "{where}: {year}, {departments} units, {projects} projects"
    ),
    "原文件 {name} 不会改动。": "The file {name} is not changed. ",
    "当前的表格不会改动。": "The open booklet is not changed. ",
    "保存时建议的文件名：{name}。": "Suggested file name when saving: {name}.",
    "新年度的表格作为未保存的新文件打开，随后显示改动报告。": (
        "The new year's booklet opens as a new unsaved file, followed by the report of what changed. "
    ),
    "由上年度新建": "New from Last Year",
    "上年度的表格": "Last year's booklet",
    "当前打开的文件": "The open file",
    "其他文件": "Another file",
    "选择文件…": "Choose File…",
    "沿用上年金额（显示为上年数，改动后取消标记）": "Keep last year's amounts (marked as last year's until changed)",
    "清空金额（上年金额留作参考）": "Clear the amounts (last year's kept for reference)",
}


# The same Chinese meaning two things in different places: context first.
ENGLISH_IN_CONTEXT = {
    ("labels", "建议"): "Advice",  # the checker's third level (错误 / 警告 / 建议)
}


def _add_label_context(root: ET.Element) -> None:
    """The field names live once, in kpi_editor/domain/labels.py (no Qt there, so lupdate cannot
    see them); the app shows them through QCoreApplication.translate("labels", name)."""
    sys.path.insert(0, str(ROOT))
    from kpi_editor.domain import labels
    from kpi_editor.domain.rules import SEVERITY_LABELS

    names = [
        *labels.FUNDING_NAMES.values(),
        *labels.COLUMN_NAMES.values(),
        *labels.FRONT_NAMES.values(),
        *(f"节{name}" for name in labels.SECTION_NAMES.values()),
        *labels.PROJECT_NAMES.values(),
        *labels.DEPARTMENT_NAMES.values(),
        *SEVERITY_LABELS.values(),
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


# Strings of Qt's own dialogs that Qt's zh_CN catalogue leaves in English (seen in the file dialog
# under Linux); loaded after qtbase_zh_CN, so these win.
QT_EXTRA_ZH = {
    "QFileDialog": {
        "Look in:": "查找范围：",
        "&Look in:": "查找范围(&L)：",
        "Files of type:": "文件类型：",
        "Files of &type:": "文件类型(&T)：",
        "Back": "后退",
        "Forward": "前进",
        "Parent Directory": "上一级文件夹",
        "Create New Folder": "新建文件夹",
        "List View": "列表",
        "Detail View": "详细信息",
        "Sidebar": "侧栏",
    },
}
QT_EXTRA_TS = ROOT / "resources" / "translations" / "qt_extra_zh_CN.ts"


def build_qt_extra() -> None:
    root = ET.Element("TS", version="2.1", language="zh_CN")
    for name, strings in QT_EXTRA_ZH.items():
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = name
        for source, text in strings.items():
            message = ET.SubElement(context, "message")
            ET.SubElement(message, "source").text = source
            ET.SubElement(message, "translation").text = text
    ET.ElementTree(root).write(QT_EXTRA_TS, encoding="utf-8", xml_declaration=True)
    subprocess.run(
        ["pyside6-lrelease", str(QT_EXTRA_TS), "-qm", str(QT_EXTRA_TS.with_suffix(".qm"))], check=True
    )


def main() -> int:
    build_qt_extra()
    subprocess.run(
        ["pyside6-lupdate", *map(str, SOURCES), "-ts", str(TS), "-target-language", "en_US", "-no-obsolete"],
        check=True,
    )
    tree = ET.parse(TS)
    _add_label_context(tree.getroot())
    missing = []
    for context in tree.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            assert translation is not None
            english = ENGLISH_IN_CONTEXT.get((name, source), ENGLISH.get(source))
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

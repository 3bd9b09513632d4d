<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>AmountEdit</name>
    <message>
        <location filename="../../kpi_editor/gui/delegates.py" line="61" />
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
</context>
<context>
    <name>BookletEditor</name>
    <message>
        <location filename="../../forms/booklet_editor.ui" line="8" />
        <source>封面</source>
        <translation>Cover</translation>
    </message>
    <message>
        <location filename="../../forms/booklet_editor.ui" line="10" />
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../forms/booklet_editor.ui" line="12" />
        <source>编制单位</source>
        <translation>Compiled by</translation>
    </message>
    <message>
        <location filename="../../forms/booklet_editor.ui" line="14" />
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../forms/booklet_editor.ui" line="16" />
        <source>预算年度与表样</source>
        <translation>Fiscal year and form</translation>
    </message>
    <message>
        <location filename="../../forms/booklet_editor.ui" line="23" />
        <source>编制说明</source>
        <translation>Preface</translation>
    </message>
    <message>
        <location filename="../../forms/booklet_editor.ui" line="25" />
        <source>说明标题</source>
        <translation>Preface title</translation>
    </message>
    <message>
        <location filename="../../forms/booklet_editor.ui" line="32" />
        <source>节标题</source>
        <translation>Section heading</translation>
    </message>
    <message>
        <location filename="../../forms/booklet_editor.ui" line="37" />
        <source>添加一节</source>
        <translation>Add Section</translation>
    </message>
    <message>
        <location filename="../../forms/booklet_editor.ui" line="38" />
        <source>删除此节</source>
        <translation>Delete Section</translation>
    </message>
</context>
<context>
    <name>BookletPage</name>
    <message>
        <location filename="../../kpi_editor/gui/editors.py" line="123" />
        <source>{year}年 · {template}</source>
        <translation>{year} · {template}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/editors.py" line="138" />
        <location filename="../../kpi_editor/gui/editors.py" line="163" />
        <source>（无标题）</source>
        <translation>(untitled)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/editors.py" line="172" />
        <source>新的一节</source>
        <translation>New section</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/editors.py" line="174" />
        <source>添加编制说明一节</source>
        <translation>Add preface section</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/editors.py" line="181" />
        <source>删除编制说明一节</source>
        <translation>Delete preface section</translation>
    </message>
</context>
<context>
    <name>BookletTreeModel</name>
    <message>
        <location filename="../../kpi_editor/gui/tree_model.py" line="160" />
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/tree_model.py" line="160" />
        <source>合计（万元）</source>
        <translation>Total (10k CNY)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/tree_model.py" line="160" />
        <source>问题</source>
        <translation>Findings</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/tree_model.py" line="202" />
        <source>{count}个项目；{errors}个错误，{warnings}个警告</source>
        <translation>{count} projects; {errors} errors, {warnings} warnings</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/tree_model.py" line="212" />
        <source>（未命名项目）</source>
        <translation>(unnamed project)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/tree_model.py" line="229" />
        <source>（空行）</source>
        <translation>(empty row)</translation>
    </message>
</context>
<context>
    <name>DepartmentEditor</name>
    <message>
        <location filename="../../forms/department_editor.ui" line="8" />
        <source>单位编码</source>
        <translation>Unit code</translation>
    </message>
    <message>
        <location filename="../../forms/department_editor.ui" line="10" />
        <source>单位名称</source>
        <translation>Unit name</translation>
    </message>
    <message>
        <location filename="../../forms/department_editor.ui" line="12" />
        <source>项目与资金</source>
        <translation>Projects and funds</translation>
    </message>
    <message>
        <location filename="../../forms/department_editor.ui" line="18" />
        <source>新建项目</source>
        <translation>New Project</translation>
    </message>
    <message>
        <location filename="../../forms/department_editor.ui" line="19" />
        <source>上移单位</source>
        <translation>Move Unit Up</translation>
    </message>
    <message>
        <location filename="../../forms/department_editor.ui" line="20" />
        <source>下移单位</source>
        <translation>Move Unit Down</translation>
    </message>
</context>
<context>
    <name>DepartmentPage</name>
    <message>
        <location filename="../../kpi_editor/gui/editors.py" line="221" />
        <source>{count}个项目，合计 {total} 万元</source>
        <translation>{count} projects, total {total} (10k CNY)</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <location filename="../../kpi_editor/gui/findings_panel.py" line="67" />
        <source>级别</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/findings_panel.py" line="67" />
        <source>位置</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/findings_panel.py" line="67" />
        <source>说明</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/findings_panel.py" line="67" />
        <source>规则</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/findings_panel.py" line="78" />
        <source>错误</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/findings_panel.py" line="79" />
        <source>警告</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/findings_panel.py" line="80" />
        <source>提示</source>
        <translation>Info</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/findings_panel.py" line="95" />
        <source>第{row}行</source>
        <translation>row {row}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/findings_panel.py" line="100" />
        <source>全册</source>
        <translation>whole booklet</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <location filename="../../kpi_editor/gui/findings_panel.py" line="124" />
        <source>全部规则</source>
        <translation>All rules</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/findings_panel.py" line="173" />
        <source>显示 {count} 条</source>
        <translation>{count} shown</translation>
    </message>
    <message>
        <location filename="../../forms/findings_panel.ui" line="14" />
        <source>全部问题</source>
        <translation>All findings</translation>
    </message>
    <message>
        <location filename="../../forms/findings_panel.ui" line="15" />
        <source>仅错误</source>
        <translation>Errors only</translation>
    </message>
    <message>
        <location filename="../../forms/findings_panel.ui" line="16" />
        <source>错误和警告</source>
        <translation>Errors and warnings</translation>
    </message>
    <message>
        <location filename="../../forms/findings_panel.ui" line="19" />
        <source>仅当前项目</source>
        <translation>Current project only</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="129" />
        <source>封面与编制说明</source>
        <translation>Cover and Preface</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="131" />
        <source>仅显示有问题的项目</source>
        <translation>Only projects with findings</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="141" />
        <source>查找名称、指标和指标值（回车查找下一个）</source>
        <translation>Find in names, indicators and values (Enter: next)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="197" />
        <source>问题</source>
        <translation>Findings</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="203" />
        <source>&lt;打开时的状态&gt;</source>
        <translation>&lt;as opened&gt;</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="204" />
        <source>操作历史</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="228" />
        <source>新建(&amp;N)…</source>
        <translation>&amp;New…</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="229" />
        <source>打开(&amp;O)…</source>
        <translation>&amp;Open…</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="230" />
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="231" />
        <source>另存为(&amp;A)…</source>
        <translation>Save &amp;As…</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="233" />
        <source>关闭(&amp;C)</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="235" />
        <source>导出 PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="236" />
        <source>导出 Excel…</source>
        <translation>Export Excel…</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="237" />
        <source>退出(&amp;Q)</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="238" />
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="240" />
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="242" />
        <source>查找(&amp;F)…</source>
        <translation>&amp;Find…</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="244" />
        <source>查找下一个</source>
        <translation>Find Next</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="252" />
        <source>上移</source>
        <translation>Move Up</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="253" />
        <source>下移</source>
        <translation>Move Down</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="259" />
        <source>粘贴指标行</source>
        <translation>Paste Indicator Rows</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="262" />
        <source>由分项计算财政拨款与合计</source>
        <translation>Compute Fiscal and Total from Parts</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="264" />
        <source>重新检查全册</source>
        <translation>Recheck Whole Booklet</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="265" />
        <source>设置…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="274" />
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="276" />
        <source>最近打开(&amp;R)</source>
        <translation>&amp;Recent Files</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="283" />
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="293" />
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="297" />
        <source>工具(&amp;T)</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="349" />
        <location filename="../../kpi_editor/gui/main_window.py" line="504" />
        <source>未命名</source>
        <translation>Untitled</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="376" />
        <source>文件已被打开</source>
        <translation>File Already Open</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="378" />
        <source>“{path}”已在另一个编辑器窗口（进程 {pid}）中打开。同时编辑会互相覆盖修改。仍要打开吗？</source>
        <translation>“{path}” is open in another editor (process {pid}). Editing it in both places overwrites changes. Open it anyway?</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="385" />
        <location filename="../../kpi_editor/gui/main_window.py" line="389" />
        <source>无法打开文件</source>
        <translation>Cannot Open File</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="389" />
        <source>{path}：{error}</source>
        <translation>{path}: {error}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="410" />
        <source>无法恢复</source>
        <translation>Cannot Recover</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="436" />
        <source>保存失败</source>
        <translation>Save Failed</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="437" />
        <source>无法写入 {path}：{error}。原文件未改动。</source>
        <translation>Cannot write {path}: {error}. The original file is unchanged.</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="443" />
        <source>已保存到 {path}</source>
        <translation>Saved to {path}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="475" />
        <source>无法保存设置：{error}</source>
        <translation>Cannot save settings: {error}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="499" />
        <source>绩效目标表编辑器</source>
        <translation>Performance Target Editor</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="522" />
        <source>{departments} 个单位 · {projects} 个项目 · Σ合计 {total} 万元 · {errors} 个错误 · {warnings} 个警告</source>
        <translation>{departments} units · {projects} projects · Σ total {total} (10k CNY) · {errors} errors · {warnings} warnings</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="560" />
        <source>无法修改</source>
        <translation>Edit Refused</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="651" />
        <source>新单位</source>
        <translation>New unit</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="246" />
        <location filename="../../kpi_editor/gui/main_window.py" line="652" />
        <source>新建单位</source>
        <translation>New Unit</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="666" />
        <source>新项目</source>
        <translation>New project</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="247" />
        <location filename="../../kpi_editor/gui/main_window.py" line="670" />
        <source>新建项目</source>
        <translation>New Project</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="685" />
        <source>{name}（副本）</source>
        <translation>{name} (copy)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="248" />
        <location filename="../../kpi_editor/gui/main_window.py" line="686" />
        <source>创建副本</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="250" />
        <location filename="../../kpi_editor/gui/main_window.py" line="698" />
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="254" />
        <location filename="../../kpi_editor/gui/main_window.py" line="726" />
        <source>添加指标行</source>
        <translation>Add Indicator Row</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="737" />
        <source>插入指标行</source>
        <translation>Insert indicator row</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="256" />
        <location filename="../../kpi_editor/gui/main_window.py" line="746" />
        <source>复制指标行</source>
        <translation>Copy Indicator Rows</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="755" />
        <source>删除{count}个指标行</source>
        <translation>Delete {count} indicator row(s)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="781" />
        <source>已复制{count}行</source>
        <translation>Copied {count} row(s)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="797" />
        <source>剪贴板中没有可粘贴的行</source>
        <translation>Nothing to paste on the clipboard</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="801" />
        <source>粘贴{count}行</source>
        <translation>Paste {count} row(s)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="845" />
        <source>未找到</source>
        <translation>Not found</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="879" />
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="879" />
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="886" />
        <source>正在导出 {name}…</source>
        <translation>Exporting {name}…</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="955" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="956" />
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="969" />
        <source>已导出到 {path}</source>
        <translation>Exported to {path}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="971" />
        <source>导出已取消，未写入文件</source>
        <translation>Export cancelled; nothing was written</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="973" />
        <source>导出失败</source>
        <translation>Export Failed</translation>
    </message>
</context>
<context>
    <name>NewBookletDialog</name>
    <message>
        <location filename="../../forms/new_booklet_dialog.ui" line="5" />
        <source>新建绩效目标表</source>
        <translation>New Performance Target Booklet</translation>
    </message>
    <message>
        <location filename="../../forms/new_booklet_dialog.ui" line="7" />
        <source>表样模板</source>
        <translation>Form template</translation>
    </message>
    <message>
        <location filename="../../forms/new_booklet_dialog.ui" line="9" />
        <source>预算年度</source>
        <translation>Fiscal year</translation>
    </message>
    <message>
        <location filename="../../forms/new_booklet_dialog.ui" line="11" />
        <source>说明</source>
        <translation>Description</translation>
    </message>
</context>
<context>
    <name>ProjectEditor</name>
    <message>
        <location filename="../../forms/project_editor.ui" line="10" />
        <source>项目名称</source>
        <translation>Project name</translation>
    </message>
    <message>
        <location filename="../../forms/project_editor.ui" line="18" />
        <source>部门（单位）</source>
        <translation>Department (unit)</translation>
    </message>
    <message>
        <location filename="../../forms/project_editor.ui" line="28" />
        <source>项目资金来源（万元）</source>
        <translation>Project funding (10k CNY)</translation>
    </message>
    <message>
        <location filename="../../forms/project_editor.ui" line="30" />
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../forms/project_editor.ui" line="32" />
        <source>财政拨款</source>
        <translation>Fiscal appropriation</translation>
    </message>
    <message>
        <location filename="../../forms/project_editor.ui" line="34" />
        <source>非财政拨款</source>
        <translation>Non-fiscal funds</translation>
    </message>
    <message>
        <location filename="../../forms/project_editor.ui" line="36" />
        <source>上级补助</source>
        <translation>Superior subsidy</translation>
    </message>
    <message>
        <location filename="../../forms/project_editor.ui" line="38" />
        <source>本级安排</source>
        <translation>Local allocation</translation>
    </message>
    <message>
        <location filename="../../forms/project_editor.ui" line="40" />
        <source>上年结转资金</source>
        <translation>Carry-over from last year</translation>
    </message>
    <message>
        <location filename="../../forms/project_editor.ui" line="44" />
        <source>由分项计算财政拨款与合计</source>
        <translation>Compute Fiscal and Total from Parts</translation>
    </message>
    <message>
        <location filename="../../forms/project_editor.ui" line="45" />
        <source>财政拨款 = 上级补助 + 本级安排 + 上年结转资金；合计 = 财政拨款 + 非财政拨款</source>
        <translation>Fiscal = superior subsidy + local allocation + carry-over; total = fiscal + non-fiscal</translation>
    </message>
    <message>
        <location filename="../../forms/project_editor.ui" line="53" />
        <source>总体绩效目标</source>
        <translation>Performance targets</translation>
    </message>
    <message>
        <location filename="../../forms/project_editor.ui" line="57" />
        <source>添加行</source>
        <translation>Add Row</translation>
    </message>
    <message>
        <location filename="../../forms/project_editor.ui" line="58" />
        <source>插入行</source>
        <translation>Insert Row</translation>
    </message>
    <message>
        <location filename="../../forms/project_editor.ui" line="59" />
        <source>复制行</source>
        <translation>Duplicate Row</translation>
    </message>
    <message>
        <location filename="../../forms/project_editor.ui" line="60" />
        <source>删除行</source>
        <translation>Delete Row</translation>
    </message>
    <message>
        <location filename="../../forms/project_editor.ui" line="61" />
        <source>上移</source>
        <translation>Move Up</translation>
    </message>
    <message>
        <location filename="../../forms/project_editor.ui" line="62" />
        <source>下移</source>
        <translation>Move Down</translation>
    </message>
</context>
<context>
    <name>ProjectPage</name>
    <message>
        <location filename="../../kpi_editor/gui/editors.py" line="347" />
        <source>由分项计算合计</source>
        <translation>Compute totals from parts</translation>
    </message>
</context>
<context>
    <name>Prompts</name>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="30" />
        <source>未保存的修改</source>
        <translation>Unsaved Changes</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="31" />
        <source>“{name}”有未保存的修改。是否保存？</source>
        <translation>“{name}” has unsaved changes. Save them?</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="32" />
        <source>不保存，修改将丢失。</source>
        <translation>If you don't save, the changes are lost.</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="33" />
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="34" />
        <source>不保存</source>
        <translation>Don't Save</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="35" />
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="94" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="60" />
        <source>打开绩效目标表</source>
        <translation>Open Performance Target Booklet</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="60" />
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="66" />
        <source>绩效目标表 (*.kpi.json *.json)</source>
        <translation>Performance target booklets (*.kpi.json *.json)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="66" />
        <source>另存为</source>
        <translation>Save As</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="74" />
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="78" />
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="85" />
        <source>导出范围</source>
        <translation>Export Scope</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="86" />
        <source>导出哪些表？</source>
        <translation>Which tables should be exported?</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="88" />
        <source>当前项目：{name}</source>
        <translation>Current project: {name}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="91" />
        <source>当前单位：{name}</source>
        <translation>Current unit: {name}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="93" />
        <source>全册</source>
        <translation>whole booklet</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="109" />
        <source>未命名的新文件</source>
        <translation>an unsaved new booklet</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="112" />
        <source>恢复未保存的修改</source>
        <translation>Recover Unsaved Changes</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="114" />
        <source>上次编辑器意外退出，“{name}”有 {time} 自动保存的修改。是否恢复？</source>
        <translation>The editor quit unexpectedly. “{name}” has changes autosaved at {time}. Recover them?</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="118" />
        <source>恢复</source>
        <translation>Recover</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="119" />
        <source>丢弃</source>
        <translation>Discard</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="120" />
        <source>以后再说</source>
        <translation>Later</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="5" />
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="7" />
        <source>界面语言</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="14" />
        <source>PDF 字体</source>
        <translation>PDF font</translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="17" />
        <source>文泉驿微米黑（黑体）</source>
        <translation>WenQuanYi Micro Hei (sans)</translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="18" />
        <source>AR PL UMing（宋体）</source>
        <translation>AR PL UMing (serif)</translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="21" />
        <source>自动保存间隔（秒）</source>
        <translation>Autosave interval (seconds)</translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="23" />
        <source>界面语言在重新打开窗口后生效。</source>
        <translation>The interface language applies the next time the window opens.</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../forms/welcome.ui" line="9" />
        <source>&lt;h2&gt;绩效目标表编辑器&lt;/h2&gt;&lt;p&gt;编辑、检查并打印部门（单位）预算项目支出绩效目标表。&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Performance Target Editor&lt;/h2&gt;&lt;p&gt;Edit, check and print budget project performance target tables.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../forms/welcome.ui" line="16" />
        <source>新建…</source>
        <translation>New…</translation>
    </message>
    <message>
        <location filename="../../forms/welcome.ui" line="17" />
        <source>打开…</source>
        <translation>Open…</translation>
    </message>
    <message>
        <location filename="../../forms/welcome.ui" line="18" />
        <source>打开示例（西区 2026）</source>
        <translation>Open Sample (Xiqu 2026)</translation>
    </message>
    <message>
        <location filename="../../forms/welcome.ui" line="22" />
        <source>最近打开的文件</source>
        <translation>Recent files</translation>
    </message>
</context>
<context>
    <name>commands</name>
    <message>
        <location filename="../../kpi_editor/app/commands.py" line="33" />
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/app/commands.py" line="34" />
        <source>编制单位</source>
        <translation>Compiled by</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/app/commands.py" line="35" />
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/app/commands.py" line="36" />
        <source>编制说明标题</source>
        <translation>Preface title</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/app/commands.py" line="37" />
        <source>预算年度</source>
        <translation>Fiscal year</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/app/commands.py" line="38" />
        <source>节标题</source>
        <translation>Section heading</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/app/commands.py" line="39" />
        <source>正文</source>
        <translation>Body</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/app/commands.py" line="40" />
        <source>单位编码</source>
        <translation>Unit code</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/app/commands.py" line="41" />
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/app/commands.py" line="42" />
        <source>部门（单位）</source>
        <translation>Department (unit)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/app/commands.py" line="43" />
        <source>一级指标</source>
        <translation>Level-1 indicator</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/app/commands.py" line="44" />
        <source>二级指标</source>
        <translation>Level-2 indicator</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/app/commands.py" line="45" />
        <source>指标值</source>
        <translation>Target value</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/app/commands.py" line="46" />
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/app/commands.py" line="47" />
        <source>财政拨款</source>
        <translation>Fiscal appropriation</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/app/commands.py" line="48" />
        <source>上级补助</source>
        <translation>Superior subsidy</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/app/commands.py" line="49" />
        <source>本级安排</source>
        <translation>Local allocation</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/app/commands.py" line="50" />
        <source>上年结转资金</source>
        <translation>Carry-over from last year</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/app/commands.py" line="51" />
        <source>非财政拨款</source>
        <translation>Non-fiscal funds</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/app/commands.py" line="64" />
        <source>此列只能填写文字</source>
        <translation>This column takes text only</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/app/commands.py" line="77" />
        <source>“{field}”的值无效：{reason}</source>
        <translation>Invalid value for “{field}”: {reason}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/app/commands.py" line="89" />
        <source>修改{field}</source>
        <translation>Edit {field}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/app/commands.py" line="130" />
        <source>插入{count}行</source>
        <translation>Insert {count} row(s)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/app/commands.py" line="146" />
        <source>删除{count}行</source>
        <translation>Delete {count} row(s)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/app/commands.py" line="166" />
        <source>移动</source>
        <translation>Move</translation>
    </message>
</context>
</TS>
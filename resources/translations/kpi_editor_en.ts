<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name />
    <message>
        <location filename="../../kpi_editor/gui/printing/preview.py" line="62" />
        <source>单面</source>
        <translation>One-sided</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/printing/preview.py" line="63" />
        <source>双面：编制说明、目录和正文从右页起</source>
        <translation>Two-sided: preface, contents and tables start on a right-hand page</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/printing/preview.py" line="64" />
        <source>双面：每个单位从右页起</source>
        <translation>Two-sided: every unit starts on a right-hand page</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/printing/preview.py" line="65" />
        <source>双面：每张表从右页起</source>
        <translation>Two-sided: every table starts on a right-hand page</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/about.py" line="25" />
        <source>关于{name}</source>
        <translation>About {name}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/about.py" line="30" />
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/about.py" line="33" />
        <source>字体许可：{family}</source>
        <translation>Font licence: {family}</translation>
    </message>
</context>
<context>
    <name>AmountEdit</name>
    <message>
        <location filename="../../kpi_editor/gui/widgets.py" line="46" />
        <location filename="../../kpi_editor/gui/widgets.py" line="105" />
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/widgets.py" line="97" />
        <source>沿用上年金额，改动后取消标记</source>
        <translation>Last year's amount, kept until you change it</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/widgets.py" line="99" />
        <source>上年：{amount} 万元</source>
        <translation>Last year: {amount} (10k CNY)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/widgets.py" line="103" />
        <source>上年：{amount}</source>
        <translation>Last year: {amount}</translation>
    </message>
</context>
<context>
    <name>AnnualFeature</name>
    <message>
        <location filename="../../kpi_editor/gui/annual/feature.py" line="25" />
        <source>由上年度新建(&amp;Y)…</source>
        <translation>New from Last &amp;Year…</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/annual/feature.py" line="27" />
        <source>以上年度的表格为底稿新建下一年度：年份顺延，金额和指标值留作上年参考</source>
        <translation>Start next year's booklet from last year's: years move on, amounts and targets stay as last year's reference</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/annual/feature.py" line="46" />
        <source>已新建{year}年度（未保存）：待核对{count}个单元格</source>
        <translation>{year} booklet created (not saved): {count} cells to check</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/annual/feature.py" line="58" />
        <source>{stem}-新年度报告.json</source>
        <translation>{stem}-new-year-report.json</translation>
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
        <location filename="../../forms/booklet_editor.ui" line="20" />
        <source>更改预算年度…</source>
        <translation>Change Fiscal Year…</translation>
    </message>
    <message>
        <location filename="../../forms/booklet_editor.ui" line="20" />
        <source>改为另一个预算年度，并顺延内容中的年份；先显示将要改动的内容</source>
        <translation>Move to another fiscal year, with the years in the text; shows what will change first</translation>
    </message>
    <message>
        <location filename="../../forms/booklet_editor.ui" line="21" />
        <source>更换表样…</source>
        <translation>Change Form Template…</translation>
    </message>
    <message>
        <location filename="../../forms/booklet_editor.ui" line="21" />
        <source>换用另一种表样，对应一级、二级指标；先显示将要改动的内容</source>
        <translation>Use another form template, mapping the level-1/level-2 indicators; shows what will change first</translation>
    </message>
    <message>
        <location filename="../../forms/booklet_editor.ui" line="30" />
        <source>编制说明</source>
        <translation>Preface</translation>
    </message>
    <message>
        <location filename="../../forms/booklet_editor.ui" line="32" />
        <source>说明标题</source>
        <translation>Preface title</translation>
    </message>
    <message>
        <location filename="../../forms/booklet_editor.ui" line="39" />
        <source>节标题</source>
        <translation>Section heading</translation>
    </message>
    <message>
        <location filename="../../forms/booklet_editor.ui" line="44" />
        <source>添加一节</source>
        <translation>Add Section</translation>
    </message>
    <message>
        <location filename="../../forms/booklet_editor.ui" line="45" />
        <source>删除此节</source>
        <translation>Delete Section</translation>
    </message>
</context>
<context>
    <name>BookletPage</name>
    <message>
        <location filename="../../kpi_editor/gui/pages/booklet.py" line="69" />
        <source>{year}年 · {template}</source>
        <translation>{year} · {template}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/pages/booklet.py" line="85" />
        <location filename="../../kpi_editor/gui/pages/booklet.py" line="112" />
        <source>（无标题）</source>
        <translation>(untitled)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/pages/booklet.py" line="162" />
        <source>无法修改</source>
        <translation>Edit Refused</translation>
    </message>
</context>
<context>
    <name>BookletTreeModel</name>
    <message>
        <location filename="../../kpi_editor/gui/tree/model.py" line="180" />
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/tree/model.py" line="180" />
        <source>合计（万元）</source>
        <translation>Total (10k CNY)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/tree/model.py" line="180" />
        <source>问题</source>
        <translation>Findings</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/tree/model.py" line="180" />
        <source>审核</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/tree/model.py" line="182" />
        <source>审核状态；单位一行是其项目的审核进度（通过数/项目数）</source>
        <translation>Review status; on a unit's row, its review progress (approved / projects)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/tree/model.py" line="261" />
        <source>{count}个项目；{errors}个错误，{warnings}个警告</source>
        <translation>{count} projects; {errors} errors, {warnings} warnings</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/tree/model.py" line="280" />
        <source>；其中{count}个{edited}</source>
        <translation>; {count} of them {edited}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/tree/model.py" line="294" />
        <source>（未命名项目）</source>
        <translation>(unnamed project)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/tree/model.py" line="316" />
        <source>（空行）</source>
        <translation>(empty row)</translation>
    </message>
</context>
<context>
    <name>ChangePreviewDialog</name>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/change_preview.py" line="58" />
        <source>确定后一次完成，可以撤销（Ctrl+Z）。</source>
        <translation>Done in one step, which you can undo (Ctrl+Z).</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/change_preview.py" line="60" />
        <source>导出报告…</source>
        <translation>Export Report…</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/change_preview.py" line="65" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/change_preview.py" line="104" />
        <source>{stem}-变更报告.json</source>
        <translation>{stem}-change-report.json</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/change_preview.py" line="124" />
        <source>已完成：{what}（可撤销）</source>
        <translation>Done: {what} (can be undone)</translation>
    </message>
</context>
<context>
    <name>ChangeReportDialog</name>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/change_report.py" line="412" />
        <source>导出报告…</source>
        <translation>Export Report…</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/change_report.py" line="414" />
        <source>变更报告.json</source>
        <translation>change-report.json</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/change_report.py" line="416" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <location filename="../../kpi_editor/gui/review/compare.py" line="82" />
        <source>比较版本</source>
        <translation>Compare Versions</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/compare.py" line="88" />
        <source>与已保存的版本比较</source>
        <translation>Compare with Saved Version</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/compare.py" line="91" />
        <source>与其他文件比较…</source>
        <translation>Compare with Another File…</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/compare.py" line="104" />
        <source>位置</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/compare.py" line="104" />
        <source>改动</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/compare.py" line="104" />
        <source>原内容</source>
        <translation>Before</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/compare.py" line="104" />
        <source>新内容</source>
        <translation>After</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/compare.py" line="120" />
        <source>已保存的版本</source>
        <translation>saved version</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/compare.py" line="131" />
        <location filename="../../kpi_editor/gui/review/compare.py" line="134" />
        <source>无法比较</source>
        <translation>Cannot Compare</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/compare.py" line="134" />
        <source>{path}：{error}</source>
        <translation>{path}: {error}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/compare.py" line="137" />
        <source>{old}（{path}）→ 当前编辑的内容</source>
        <translation>{old} ({path}) → the content being edited</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/compare.py" line="145" />
        <source>比较：{what}</source>
        <translation>Comparing: {what}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/compare.py" line="158" />
        <source>封面与编制说明</source>
        <translation>Cover and Preface</translation>
    </message>
</context>
<context>
    <name>ConvertDialog</name>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/convert.py" line="50" />
        <source>表样转换</source>
        <translation>Convert to Another Form</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/convert.py" line="56" />
        <source>当前表样</source>
        <translation>Current template</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/convert.py" line="61" />
        <source>转换为</source>
        <translation>Convert to</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/convert.py" line="64" />
        <source>说明</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/convert.py" line="72" />
        <source>转换结果作为新文档打开（未保存），当前文件不变。</source>
        <translation>The result opens as a new, unsaved document; the open file stays as it is.</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/convert.py" line="74" />
        <source>导出报告…</source>
        <translation>Export Report…</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/convert.py" line="76" />
        <source>转换</source>
        <translation>Convert</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/convert.py" line="79" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/convert.py" line="115" />
        <source>{stem}-表样转换报告.json</source>
        <translation>{stem}-form-conversion-report.json</translation>
    </message>
</context>
<context>
    <name>CountsLabel</name>
    <message>
        <location filename="../../kpi_editor/gui/findings/status.py" line="43" />
        <source>{departments} 个单位 · {projects} 个项目 · Σ合计 {total} 万元 · {errors} 个错误 · {warnings} 个警告</source>
        <translation>{departments} units · {projects} projects · Σ total {total} (10k CNY) · {errors} errors · {warnings} warnings</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/findings/status.py" line="53" />
        <source>另有 {advice} 条写法建议（问题面板中选“全部（含建议）”查看）</source>
        <translation>Also {advice} writing suggestion(s) (choose “All (with advice)” in the findings panel)</translation>
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
        <location filename="../../kpi_editor/gui/pages/department.py" line="52" />
        <source>{count}个项目，合计 {total} 万元</source>
        <translation>{count} projects, total {total} (10k CNY)</translation>
    </message>
</context>
<context>
    <name>EditorContext</name>
    <message>
        <location filename="../../kpi_editor/gui/context.py" line="120" />
        <source>未命名</source>
        <translation>Untitled</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/context.py" line="159" />
        <source>保存失败</source>
        <translation>Save Failed</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/context.py" line="160" />
        <source>无法写入 {path}：{error}。原文件未改动。</source>
        <translation>Cannot write {path}: {error}. The original file is unchanged.</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/context.py" line="164" />
        <source>已保存到 {path}</source>
        <translation>Saved to {path}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/context.py" line="176" />
        <source>“{name}”已经打开</source>
        <translation>“{name}” is already open</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/context.py" line="182" />
        <source>文件已被打开</source>
        <translation>File Already Open</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/context.py" line="184" />
        <source>“{path}”已在另一个编辑器窗口（进程 {pid}）中打开。同时编辑会互相覆盖修改。仍要打开吗？</source>
        <translation>“{path}” is open in another editor (process {pid}). Editing it in both places overwrites changes. Open it anyway?</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/context.py" line="200" />
        <location filename="../../kpi_editor/gui/context.py" line="204" />
        <source>无法打开文件</source>
        <translation>Cannot Open File</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/context.py" line="204" />
        <source>{path}：{error}</source>
        <translation>{path}: {error}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/context.py" line="239" />
        <source>无法恢复</source>
        <translation>Cannot Recover</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/context.py" line="261" />
        <source>无法保存设置：{error}</source>
        <translation>Cannot save settings: {error}</translation>
    </message>
</context>
<context>
    <name>ExportActions</name>
    <message>
        <location filename="../../kpi_editor/gui/exports/feature.py" line="31" />
        <source>导出 PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/exports/feature.py" line="32" />
        <source>导出 Excel…</source>
        <translation>Export Excel…</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/exports/feature.py" line="54" />
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/exports/feature.py" line="54" />
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/exports/feature.py" line="60" />
        <source>正在导出 {name}…</source>
        <translation>Exporting {name}…</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <location filename="../../kpi_editor/gui/files/feature.py" line="34" />
        <source>新建(&amp;N)…</source>
        <translation>&amp;New…</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/files/feature.py" line="36" />
        <source>打开(&amp;O)…</source>
        <translation>&amp;Open…</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/files/feature.py" line="38" />
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/files/feature.py" line="39" />
        <source>另存为(&amp;A)…</source>
        <translation>Save &amp;As…</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/files/feature.py" line="41" />
        <source>关闭(&amp;C)</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/files/feature.py" line="44" />
        <source>导入 Excel 工作簿…</source>
        <translation>Import Excel Workbook…</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/files/feature.py" line="46" />
        <source>导入汇编文本…</source>
        <translation>Import Booklet Text…</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/files/feature.py" line="48" />
        <source>导入 PDF 汇编本…</source>
        <translation>Import Booklet PDF…</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/files/feature.py" line="52" />
        <source>表样转换(&amp;T)…</source>
        <translation>Convert to Another &amp;Form…</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/files/feature.py" line="54" />
        <source>把本汇编转换为另一地区或另一版本的表样，先看对应报告，结果作为新文档打开</source>
        <translation>Convert this booklet to another jurisdiction's form or another version: see the mapping report first; the result opens as a new document</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/files/feature.py" line="57" />
        <source>最近打开(&amp;R)</source>
        <translation>&amp;Recent Files</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/files/feature.py" line="104" />
        <source>已转换为“{name}”（未保存）：待核对{count}个单元格</source>
        <translation>Converted to “{name}” (not saved): {count} cell(s) to check</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/files/feature.py" line="115" />
        <source>{stem}-表样转换报告.json</source>
        <translation>{stem}-form-conversion-report.json</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/files/feature.py" line="146" />
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/files/feature.py" line="152" />
        <location filename="../../kpi_editor/gui/files/feature.py" line="170" />
        <location filename="../../kpi_editor/gui/files/feature.py" line="207" />
        <source>无法导入</source>
        <translation>Cannot Import</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/files/feature.py" line="155" />
        <source>读入{projects}个项目；{errors}个错误，{notes}条提示。</source>
        <translation>Read {projects} projects; {errors} errors, {notes} notes.</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/files/feature.py" line="164" />
        <source>文本文件 (*.txt)</source>
        <translation>Text files (*.txt)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/files/feature.py" line="172" />
        <source>读入{projects}个项目；{issues}处需要核对。</source>
        <translation>Read {projects} projects; {issues} places to check.</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/files/feature.py" line="183" />
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/files/feature.py" line="195" />
        <source>读入{projects}个项目（{pages}页）；{issues}处需要核对。</source>
        <translation>Read {projects} project(s) ({pages} pages); {issues} place(s) to check.</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/files/feature.py" line="203" />
        <source>正在读取 {name}…</source>
        <translation>Reading {name}…</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/files/feature.py" line="204" />
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/files/feature.py" line="206" />
        <source>导入已取消，当前文档未改动</source>
        <translation>Import cancelled; the open document is unchanged</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/files/feature.py" line="211" />
        <source>已导入 {path}</source>
        <translation>Imported {path}</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <location filename="../../kpi_editor/gui/findings/panel.py" line="137" />
        <source>级别</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/findings/panel.py" line="137" />
        <source>位置</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/findings/panel.py" line="137" />
        <source>说明</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/findings/panel.py" line="137" />
        <source>规则</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/findings/panel.py" line="157" />
        <source>
可快速修复：{fix}</source>
        <translation>
Quick fix: {fix}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/findings/panel.py" line="170" />
        <source>第{row}行</source>
        <translation>row {row}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/findings/panel.py" line="175" />
        <source>全册</source>
        <translation>whole booklet</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <location filename="../../kpi_editor/gui/findings/panel.py" line="202" />
        <source>全部规则</source>
        <translation>All rules</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/findings/panel.py" line="281" />
        <source>显示 {count} 条</source>
        <translation>{count} shown</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/findings/panel.py" line="314" />
        <source>这个问题已经不存在，无需修复</source>
        <translation>This problem is gone: nothing to fix</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/findings/panel.py" line="318" />
        <source>已修复：{fix}</source>
        <translation>Fixed: {fix}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/findings/panel.py" line="327" />
        <source>转到</source>
        <translation>Go To</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/findings/panel.py" line="329" />
        <source>快速修复：{fix}</source>
        <translation>Quick Fix: {fix}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/findings/panel.py" line="329" />
        <location filename="../../forms/findings_panel.ui" line="20" />
        <source>快速修复</source>
        <translation>Quick Fix</translation>
    </message>
    <message>
        <location filename="../../forms/findings_panel.ui" line="15" />
        <source>仅错误</source>
        <translation>Errors only</translation>
    </message>
    <message>
        <location filename="../../forms/findings_panel.ui" line="14" />
        <source>错误和警告</source>
        <translation>Errors and warnings</translation>
    </message>
    <message>
        <location filename="../../forms/findings_panel.ui" line="16" />
        <source>全部（含建议）</source>
        <translation>All (with advice)</translation>
    </message>
    <message>
        <location filename="../../forms/findings_panel.ui" line="19" />
        <source>仅当前项目</source>
        <translation>Current project only</translation>
    </message>
    <message>
        <location filename="../../forms/findings_panel.ui" line="20" />
        <source>按所选问题的确定改法修改（一步，可撤销）</source>
        <translation>Apply the certain correction of the selected problem (one step, undoable)</translation>
    </message>
</context>
<context>
    <name>FiscalYearDialog</name>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/change_preview.py" line="139" />
        <source>更改预算年度</source>
        <translation>Change Fiscal Year</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/change_preview.py" line="143" />
        <source> 年</source>
        <translation> </translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/change_preview.py" line="149" />
        <source>自动：内容中的年份随年度顺延，内容已是新年度时不动</source>
        <translation>Automatic: years in the text move with it, unless the text already names the new year</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/change_preview.py" line="150" />
        <source>顺延内容中的年份（封面、编制说明、指标）</source>
        <translation>Move the years in the text (cover, preface, indicators)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/change_preview.py" line="151" />
        <source>只改预算年度，内容不动（改正填错的年度）</source>
        <translation>Change the fiscal year only, not the text (correcting a wrong year)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/change_preview.py" line="155" />
        <source>当前预算年度</source>
        <translation>Current fiscal year</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/change_preview.py" line="155" />
        <source>{year}年</source>
        <translation>{year}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/change_preview.py" line="156" />
        <source>新的预算年度</source>
        <translation>New fiscal year</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/change_preview.py" line="157" />
        <source>内容中的年份</source>
        <translation>Years in the text</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/change_preview.py" line="164" />
        <source>改为{year}年</source>
        <translation>Change to {year}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/change_preview.py" line="166" />
        <source>新的预算年度与当前相同。</source>
        <translation>The new fiscal year is the current one.</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/guide.py" line="18" />
        <source>使用说明</source>
        <translation>User Guide</translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/import_report.py" line="11" />
        <source>导入报告：{name}</source>
        <translation>Import report: {name}</translation>
    </message>
</context>
<context>
    <name>IndicatorTableModel</name>
    <message>
        <location filename="../../kpi_editor/gui/pages/indicator_model.py" line="90" />
        <source>本程序的表样没有这一列：内容保留在文件中，只读，不会打印。</source>
        <translation>This program's form has no such column: its content is kept in the file, read-only, and not printed.</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/pages/indicator_model.py" line="91" />
        <source>“{key}”列：{reason}</source>
        <translation>Column “{key}”: {reason}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/pages/indicator_model.py" line="148" />
        <source>上年：{value}</source>
        <translation>Last year: {value}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/pages/indicator_model.py" line="149" />
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/pages/indicator_model.py" line="194" />
        <source>修改{field}</source>
        <translation>Edit {field}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/pages/indicator_model.py" line="291" />
        <source>{key}（只读）</source>
        <translation>{key} (read-only)</translation>
    </message>
</context>
<context>
    <name>JobRunner</name>
    <message>
        <location filename="../../kpi_editor/gui/jobs.py" line="50" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/jobs.py" line="51" />
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/jobs.py" line="68" />
        <source>已导出到 {path}</source>
        <translation>Exported to {path}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/jobs.py" line="70" />
        <source>导出已取消，未写入文件</source>
        <translation>Export cancelled; nothing was written</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/jobs.py" line="72" />
        <source>导出失败</source>
        <translation>Export Failed</translation>
    </message>
</context>
<context>
    <name>LettersDialog</name>
    <message>
        <location filename="../../kpi_editor/gui/review/outputs.py" line="113" />
        <source>生成审核意见书</source>
        <translation>Write Review Letters</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/outputs.py" line="119" />
        <source>每个勾选的单位一份意见书（合在一个 PDF 中，各自另起一页），列出退回修改的项目及其审核意见和错误。</source>
        <translation>One letter per ticked unit (in one PDF, each on a new page), listing its returned projects with the comments and errors.</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/outputs.py" line="128" />
        <source>审核人</source>
        <translation>Reviewer</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/outputs.py" line="132" />
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/outputs.py" line="137" />
        <source>留空（打印后手写）</source>
        <translation>Leave blank (write it in by hand)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/outputs.py" line="143" />
        <source>修改期限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/outputs.py" line="146" />
        <source>生成…</source>
        <translation>Write…</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/outputs.py" line="162" />
        <source>{count}个单位</source>
        <translation>{count} units</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/outputs.py" line="165" />
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/outputs.py" line="186" />
        <source>正在生成审核意见书 {name}…</source>
        <translation>Writing the review letters {name}…</translation>
    </message>
</context>
<context>
    <name>LibraryFeature</name>
    <message>
        <location filename="../../kpi_editor/gui/library/feature.py" line="37" />
        <location filename="../../kpi_editor/gui/library/feature.py" line="47" />
        <source>指标库</source>
        <translation>Indicator Library</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/library/feature.py" line="50" />
        <source>搜索指标库：其他单位写过的指标和共性指标，可直接插入当前项目</source>
        <translation>Search the indicator library: rows other units wrote and common indicators, ready to insert into the current project</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/library/feature.py" line="54" />
        <source>推荐指标…</source>
        <translation>Suggest Indicators…</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/library/feature.py" line="57" />
        <source>按项目名称和已有的指标，推荐各二级指标下的常用指标，勾选后一次插入</source>
        <translation>Suggest common indicators for each level-2 indicator from the project’s name and rows; tick and insert them at once</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/library/feature.py" line="59" />
        <source>添加指标库文件…</source>
        <translation>Add Library File…</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/library/feature.py" line="157" />
        <source>（另有{count}个，见“指标库”面板）</source>
        <translation> ({count} more: see the Indicator Library panel)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/library/feature.py" line="162" />
        <source>指标库文件无法使用，已跳过：{error}{more}</source>
        <translation>Library file left out: {error}{more}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/library/feature.py" line="176" />
        <source>无法修改</source>
        <translation>Edit Refused</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/library/feature.py" line="201" />
        <source>指标库文件 (*.library.json *.json)</source>
        <translation>Indicator libraries (*.library.json *.json)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/library/feature.py" line="207" />
        <location filename="../../kpi_editor/gui/library/feature.py" line="211" />
        <source>无法添加指标库</source>
        <translation>Cannot Add Library</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/library/feature.py" line="211" />
        <source>{path}：{error}</source>
        <translation>{path}: {error}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/library/feature.py" line="216" />
        <source>已添加指标库 {name}，正在重新载入…</source>
        <translation>Library {name} added; reloading…</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/library/feature.py" line="230" />
        <source>个人指标库未能更新：{error}</source>
        <translation>Personal library not updated: {error}</translation>
    </message>
</context>
<context>
    <name>LibraryPanel</name>
    <message>
        <location filename="../../kpi_editor/gui/library/panel.py" line="55" />
        <source>搜索指标：名称、指标值、解释或来源项目</source>
        <translation>Search indicators: name, target value, explanation or source project</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/library/panel.py" line="68" />
        <source>只看一个一级指标下的指标</source>
        <translation>Only indicators under one level-1 indicator</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/library/panel.py" line="69" />
        <source>只看适用于一类项目的指标（会议、培训、购置……）</source>
        <translation>Only indicators for one kind of project (meetings, training, purchases …)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/library/panel.py" line="97" />
        <source>添加指标库…</source>
        <translation>Add Library…</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/library/panel.py" line="98" />
        <source>添加财政局等分发的指标库文件（*.library.json）</source>
        <translation>Add a library file handed out by the finance bureau (*.library.json)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/library/panel.py" line="101" />
        <source>插入到当前项目</source>
        <translation>Insert into Project</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/library/panel.py" line="132" />
        <source>有{count}个指标库文件无法使用，已跳过：</source>
        <translation>{count} library file(s) could not be used and were left out: </translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/library/panel.py" line="147" />
        <source>全部一级指标</source>
        <translation>All level-1</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/library/panel.py" line="148" />
        <source>全部项目类型</source>
        <translation>All project types</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/library/panel.py" line="167" />
        <source>全部二级指标</source>
        <translation>All level-2</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/library/panel.py" line="190" />
        <source>只看一个二级指标下的指标</source>
        <translation>Only indicators under one level-2 indicator</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/library/panel.py" line="200" />
        <source>打开文件后可使用指标库</source>
        <translation>Open a file to use the library</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/library/panel.py" line="202" />
        <source>正在载入指标库…</source>
        <translation>Loading the library…</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/library/panel.py" line="218" />
        <source>显示最常用的{count}条</source>
        <translation>Showing the {count} most used</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/library/panel.py" line="220" />
        <source>找到{count}条</source>
        <translation>{count} found</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/library/panel.py" line="245" />
        <source>先在左侧选择一个项目</source>
        <translation>Choose a project on the left first</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/library/panel.py" line="247" />
        <source>审核模式下不能修改表格内容</source>
        <translation>The table is read-only in review mode</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/library/panel.py" line="249" />
        <source>先在列表中选择一条指标</source>
        <translation>Choose an indicator in the list first</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/library/panel.py" line="251" />
        <source>插入到“{project}”的“{level2}”下（双击或回车也可插入）</source>
        <translation>Insert under “{level2}” of “{project}” (double-click or Enter also inserts)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/library/panel.py" line="274" />
        <source>先在左侧选择一个项目，再插入指标</source>
        <translation>Choose a project on the left, then insert the indicator</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/library/panel.py" line="280" />
        <source>已插入“{name}”到“{level2}”：请把指标值中的□换成数字</source>
        <translation>Inserted “{name}” under “{level2}”: replace the □ in its target value with numbers</translation>
    </message>
</context>
<context>
    <name>LibraryStore</name>
    <message>
        <location filename="../../kpi_editor/gui/library/store.py" line="148" />
        <source>指标库无法载入：{error}</source>
        <translation>The library could not be loaded: {error}</translation>
    </message>
</context>
<context>
    <name>LivePreview</name>
    <message>
        <location filename="../../kpi_editor/gui/printing/live.py" line="125" />
        <source>（未命名项目）</source>
        <translation>(unnamed project)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/printing/live.py" line="138" />
        <source>{name}　共 {pages} 页（与导出 PDF 相同）</source>
        <translation>{name}: {pages} page(s), as the PDF export prints them</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/printing/live.py" line="143" />
        <source>无法预览：{error}</source>
        <translation>Cannot preview: {error}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/printing/live.py" line="150" />
        <source>选中一个项目，这里显示它打印出来的样子，随修改更新。</source>
        <translation>Select a project to see it here as it prints; the page follows your edits.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="84" />
        <source>问题</source>
        <translation>Findings</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="87" />
        <source>&lt;打开时的状态&gt;</source>
        <translation>&lt;as opened&gt;</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="88" />
        <source>操作历史</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="117" />
        <source>关于(&amp;A)</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="115" />
        <source>退出(&amp;Q)</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="111" />
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="113" />
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="121" />
        <source>重新检查全册</source>
        <translation>Recheck Whole Booklet</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="116" />
        <source>设置…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="119" />
        <source>使用说明(&amp;G)</source>
        <translation>User &amp;Guide</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="130" />
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="149" />
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="162" />
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="174" />
        <source>工具(&amp;T)</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="177" />
        <source>审核(&amp;R)</source>
        <translation>&amp;Review</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="178" />
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="213" />
        <source>未命名</source>
        <translation>Untitled</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="242" />
        <source>界面语言</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="242" />
        <source>界面语言在重新启动后切换。现在重新启动编辑器吗？</source>
        <translation>The interface language changes after a restart. Restart the editor now?</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="207" />
        <source>绩效目标表编辑器</source>
        <translation>Performance Target Editor</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="219" />
        <source>无法修改</source>
        <translation>Edit Refused</translation>
    </message>
</context>
<context>
    <name>MatchModel</name>
    <message>
        <location filename="../../kpi_editor/gui/search/replace.py" line="105" />
        <source>封面 ▸ {field}</source>
        <translation>Cover ▸ {field}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/search/replace.py" line="107" />
        <source>编制说明 ▸ 第{n}节 ▸ {field}</source>
        <translation>Preface ▸ section {n} ▸ {field}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/search/replace.py" line="111" />
        <source>（未命名项目）</source>
        <translation>(unnamed project)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/search/replace.py" line="114" />
        <source>{code} ▸ {project} ▸ 第{row}行 ▸ {field}</source>
        <translation>{code} ▸ {project} ▸ row {row} ▸ {field}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/search/replace.py" line="126" />
        <source>位置</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/search/replace.py" line="126" />
        <source>原文</source>
        <translation>Now</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/search/replace.py" line="126" />
        <source>替换为</source>
        <translation>After replacing</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/search/replace.py" line="142" />
        <source>不替换：{reason}</source>
        <translation>Not replaced: {reason}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/search/replace.py" line="144" />
        <source>（已是替换后的文字）</source>
        <translation>(already reads as the replacement)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/search/replace.py" line="146" />
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="109" />
        <location filename="../../kpi_editor/gui/review/merge.py" line="271" />
        <location filename="../../kpi_editor/gui/review/merge.py" line="405" />
        <location filename="../../kpi_editor/gui/review/merge.py" line="419" />
        <source>汇编合并</source>
        <translation>Merge Booklets</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="131" />
        <source>添加文件…</source>
        <translation>Add Files…</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="133" />
        <source>添加文件夹…</source>
        <translation>Add Folder…</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="135" />
        <source>移除所选</source>
        <translation>Remove Selected</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="163" />
        <source>合并</source>
        <translation>Merge</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="173" />
        <source>单位编码</source>
        <translation>Unit code</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="174" />
        <source>单位名称</source>
        <translation>Unit name</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="175" />
        <source>来源文件</source>
        <translation>Source file</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="176" />
        <source>项目数</source>
        <translation>Projects</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="177" />
        <source>合计（万元）</source>
        <translation>Total (10k CNY)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="178" />
        <source>说明</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="192" />
        <source>打开合并结果</source>
        <translation>Open Merged Booklet</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="314" />
        <source>单位 {code} {name} 已在汇编本中（来自“{old}”），“{new}”中又有这个单位。</source>
        <translation>Unit {code} {name} is already in the booklet (from “{old}”) and “{new}” has it too.</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="322" />
        <source>  …另有 {count} 处不同</source>
        <translation>  … {count} more differences</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="218" />
        <source>{path}：{error}</source>
        <translation>{path}: {error}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="396" />
        <source>当前汇编本</source>
        <translation>current booklet</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="482" />
        <source>单位重复：{code}</source>
        <translation>Duplicate unit: {code}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="486" />
        <source>保留；未采用“{new}”中的版本</source>
        <translation>kept; the version in “{new}” was not used</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="503" />
        <source>替换了“{old}”中的版本</source>
        <translation>replaced the version from “{old}”</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="433" />
        <source>无法合并</source>
        <translation>Cannot Merge</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="114" />
        <source>选择各单位报送的提交文件（*.kpi.json）。已在汇编本中的单位不会被悄悄覆盖：每一处不同都会显示差异并询问；替换时审核状态和意见会保留，内容有改动的项目改为“已修改待复审”。</source>
        <translation>Choose the submission files the units sent (*.kpi.json). A unit already in the booklet is never overwritten silently: every difference is shown and asked about; replacing keeps the review statuses and comments, and changed projects become “Changed, to re-review”.</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="125" />
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="125" />
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="125" />
        <source>提交时间</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="125" />
        <source>提交人</source>
        <translation>Submitted by</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="125" />
        <source>检查</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="137" />
        <source>合并到当前打开的汇编本</source>
        <translation>Merge into the open booklet</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="139" />
        <source>单位重新报送时请勾选：合并结果保留汇编本中其他单位、已给出的审核状态和意见</source>
        <translation>Tick it for resubmissions: the result keeps the booklet's other units and the statuses and comments given</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="152" />
        <source>应报单位名单…</source>
        <translation>Expected Units…</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="154" />
        <source>文本文件（每行“编码 名称”）或项目文件：核对是否为应报单位，合并后列出缺报的单位</source>
        <translation>A text file (one “code name” a line) or a project file: checks that each unit is expected and lists the missing ones after merging</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="157" />
        <source>不用名单</source>
        <translation>No List</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="179" />
        <source>审核状态和意见</source>
        <translation>Review status and comments</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="228" />
        <source>无法合并这些文件</source>
        <translation>These files cannot be merged</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="233" />
        <source>（没有单位）</source>
        <translation>(no unit)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="238" />
        <source>提交信息无法读取</source>
        <translation>Submission details unreadable</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="240" />
        <source>没有提交信息</source>
        <translation>No submission details</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="242" />
        <source>提交信息相符</source>
        <translation>Submission details match</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="242" />
        <source>需核实</source>
        <translation>To be checked</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="243" />
        <source>；错误 {errors} 个</source>
        <translation>; {errors} error(s)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="260" />
        <source>选择提交文件</source>
        <translation>Choose Submission Files</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="260" />
        <source>绩效目标表 (*.kpi.json *.json);;所有文件 (*)</source>
        <translation>Performance target tables (*.kpi.json *.json);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="265" />
        <source>选择包含提交文件的文件夹</source>
        <translation>Choose the Folder of Submission Files</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="272" />
        <source>文件夹中没有新的 *.kpi.json 文件：{path}</source>
        <translation>No new *.kpi.json files in the folder: {path}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="284" />
        <source>单位名单 (*.txt *.csv *.kpi.json *.json);;所有文件 (*)</source>
        <translation>Unit lists (*.txt *.csv *.kpi.json *.json);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="290" />
        <source>无法读取单位名单</source>
        <translation>Cannot Read the Unit List</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="296" />
        <source>应报单位名单：未指定（不核对是否为应报单位，不列缺报）</source>
        <translation>Expected units: no list (units are not checked, missing ones not listed)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="299" />
        <source>应报单位名单：{source}，{count} 个单位</source>
        <translation>Expected units: {source}, {count} units</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="326" />
        <source>用“{new}”中的版本替换吗？审核状态和意见会保留，有改动的项目改为“已修改待复审”。选“否”保留汇编本中原有的版本。</source>
        <translation>Replace it with the version in “{new}”? Review statuses and comments are kept; changed projects become “Changed, to re-review”. No keeps the booklet's version.</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="348" />
        <source>注意：{message}</source>
        <translation>Note: {message}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="352" />
        <source>提交文件需要核实：{name}</source>
        <translation>Submission to Check: {name}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="355" />
        <source>未合并：{message}</source>
        <translation>Not merged: {message}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="357" />
        <source>已确认：{message}</source>
        <translation>Confirmed: {message}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="364" />
        <source>核实无误、仍要合并这个文件吗？选“否”：这个文件不合并，其他文件照常合并。</source>
        <translation>Checked, and merge this file anyway? No leaves this file out and merges the others.</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="373" />
        <source>封面和编制说明留空</source>
        <translation>Leave the cover and the notes blank</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="375" />
        <source>封面和编制说明</source>
        <translation>Cover and Notes</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="376" />
        <source>这些文件有 {count} 种不同的封面和编制说明。合并结果用哪一种？</source>
        <translation>These files have {count} different covers and notes. Which should the booklet keep?</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="405" />
        <source>没有要合并的文件：每个文件都未经确认。</source>
        <translation>Nothing to merge: no file was confirmed.</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="419" />
        <source>没有合并任何单位：所有不同的版本都选择了保留原有版本。</source>
        <translation>No unit merged: every different version was declined.</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="441" />
        <source>{file}：项目编号 {old} 与已有项目重复，已改为 {new}</source>
        <translation>{file}: project id {old} was already taken and is now {new}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="501" />
        <source>替换了汇编本中的版本</source>
        <translation>Replaced the booklet's version</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="507" />
        <source>与汇编本中的内容相同</source>
        <translation>Same content as in the booklet</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="509" />
        <source>与“{old}”中的内容相同</source>
        <translation>Same content as in “{old}”</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="524" />
        <source>合并结果：{departments} 个单位、{projects} 个项目，Σ合计 {total} 万元。</source>
        <translation>Merged: {departments} units, {projects} projects, Σ total {total} (10k CNY).</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="532" />
        <source>其余 {count} 个单位保持汇编本中的原样。</source>
        <translation>The other {count} units are as they were in the booklet.</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="534" />
        <source>（留空）</source>
        <translation>(blank)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="535" />
        <source>封面和编制说明取自：{source}</source>
        <translation>Cover and notes from: {source}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="537" />
        <source>未指定应报单位名单：未核对缺报。</source>
        <translation>No list of expected units: missing units not checked.</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="541" />
        <source>……共 {count} 个</source>
        <translation>… {count} in all</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="546" />
        <source>缺报 {count} 个单位：{names}{more}</source>
        <translation>{count} unit(s) missing: {names}{more}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="551" />
        <source>应报的 {count} 个单位都已在汇编本中。</source>
        <translation>All {count} expected units are in the booklet.</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="558" />
        <source>未改动</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="561" />
        <source>未改动：审核状态和意见保持原样</source>
        <translation>Unchanged: review statuses and comments as they were</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="591" />
        <source>意见 {count} 条</source>
        <translation>{count} comment(s)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="593" />
        <source>单位答复 {count} 条</source>
        <translation>{count} answered by the unit</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="596" />
        <source>改动 {count} 处：{first}</source>
        <translation>{count} change(s): {first}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="624" />
        <source>已合并到汇编本（未保存）：保存后写入 {path}</source>
        <translation>Merged into the booklet (not saved): saving writes {path}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="626" />
        <source>已打开合并结果（未保存）</source>
        <translation>Merged booklet opened (not saved)</translation>
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
        <location filename="../../forms/new_booklet_dialog.ui" line="8" />
        <source>表样模板</source>
        <translation>Form template</translation>
    </message>
    <message>
        <location filename="../../forms/new_booklet_dialog.ui" line="12" />
        <source>预算年度</source>
        <translation>Fiscal year</translation>
    </message>
    <message>
        <location filename="../../forms/new_booklet_dialog.ui" line="13" />
        <source> 年</source>
        <translation> </translation>
    </message>
    <message>
        <location filename="../../forms/new_booklet_dialog.ui" line="14" />
        <source>单位编码</source>
        <translation>Unit code</translation>
    </message>
    <message>
        <location filename="../../forms/new_booklet_dialog.ui" line="15" />
        <source>6位数字，如 116002（可以以后再填）</source>
        <translation>six digits, e.g. 116002 (can be filled in later)</translation>
    </message>
    <message>
        <location filename="../../forms/new_booklet_dialog.ui" line="16" />
        <source>单位名称</source>
        <translation>Unit name</translation>
    </message>
    <message>
        <location filename="../../forms/new_booklet_dialog.ui" line="17" />
        <source>如 攀枝花市西区社会保险事务中心（可以以后再填）</source>
        <translation>e.g. 攀枝花市西区社会保险事务中心 (can be filled in later)</translation>
    </message>
    <message>
        <location filename="../../forms/new_booklet_dialog.ui" line="18" />
        <source>新表从本单位的一个项目开始，按表样列好必填的二级指标。</source>
        <translation>The new file starts with one project of your unit, its rows set out for the form's required level-2 indicators.</translation>
    </message>
    <message>
        <location filename="../../forms/new_booklet_dialog.ui" line="10" />
        <source>说明</source>
        <translation>Description</translation>
    </message>
</context>
<context>
    <name>PrintFeature</name>
    <message>
        <location filename="../../kpi_editor/gui/printing/feature.py" line="52" />
        <source>打印预览…</source>
        <translation>Print Preview…</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/printing/feature.py" line="54" />
        <source>打印(&amp;P)…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/printing/feature.py" line="61" />
        <source>实时预览</source>
        <translation>Live Preview</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/printing/feature.py" line="66" />
        <source>在窗口右侧显示当前项目打印出来的样子，随修改更新</source>
        <translation>Show the current project as it prints, beside the window, following your edits</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/printing/feature.py" line="106" />
        <source>项目</source>
        <translation>Project</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/printing/feature.py" line="111" />
        <source>全册</source>
        <translation>whole booklet</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/printing/feature.py" line="147" />
        <source>正在排版 {title}…</source>
        <translation>Laying out {title}…</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/printing/feature.py" line="148" />
        <location filename="../../kpi_editor/gui/printing/feature.py" line="248" />
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/printing/feature.py" line="150" />
        <source>已取消排版，没有打印</source>
        <translation>Layout cancelled; nothing was printed</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/printing/feature.py" line="151" />
        <source>无法排版</source>
        <translation>Cannot Lay Out</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/printing/feature.py" line="218" />
        <location filename="../../kpi_editor/gui/printing/feature.py" line="222" />
        <source>无法打印</source>
        <translation>Cannot Print</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/printing/feature.py" line="222" />
        <source>所选页码范围内没有页面。</source>
        <translation>The chosen page range has no pages.</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/printing/feature.py" line="236" />
        <source>已交给打印机“{where}”：{pages} 页（打印任务 {job}）</source>
        <translation>Sent to printer “{where}”: {pages} page(s) (job {job})</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/printing/feature.py" line="238" />
        <source>已打印到 {where}：{pages} 页</source>
        <translation>Printed to {where}: {pages} page(s)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/printing/feature.py" line="240" />
        <source>已交给打印机“{where}”：{pages} 页</source>
        <translation>Sent to printer “{where}”: {pages} page(s)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/printing/feature.py" line="247" />
        <source>正在打印 {title}（{pages} 页）…</source>
        <translation>Printing {title} ({pages} pages)…</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/printing/feature.py" line="251" />
        <source>打印失败</source>
        <translation>Printing Failed</translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <location filename="../../kpi_editor/gui/printing/preview.py" line="130" />
        <source>打印预览 — {title}</source>
        <translation>Print Preview — {title}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/printing/preview.py" line="141" />
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/printing/preview.py" line="142" />
        <source>首页</source>
        <translation>First</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/printing/preview.py" line="143" />
        <source>上一页</source>
        <translation>Previous</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/printing/preview.py" line="144" />
        <source>下一页</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/printing/preview.py" line="145" />
        <source>末页</source>
        <translation>Last</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/printing/preview.py" line="146" />
        <source>缩小</source>
        <translation>Zoom Out</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/printing/preview.py" line="147" />
        <source>放大</source>
        <translation>Zoom In</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/printing/preview.py" line="166" />
        <source>适合宽度</source>
        <translation>Fit Width</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/printing/preview.py" line="167" />
        <source>整页</source>
        <translation>Whole Page</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/printing/preview.py" line="175" />
        <source>双面打印时，哪些内容从右页（正面）开始；需要时插入空白背页</source>
        <translation>For two-sided printing: what starts on a right-hand (front) page; blank backs are added where needed</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/printing/preview.py" line="176" />
        <source>空白背页印“此页无正文”</source>
        <translation>Print “此页无正文” (intentionally blank) on blank backs</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/printing/preview.py" line="197" />
        <source>版式(&amp;L)：</source>
        <translation>&amp;Layout:</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/printing/preview.py" line="239" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/printing/preview.py" line="278" />
        <source> / {count} 页</source>
        <translation> / {count} pages</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/printing/preview.py" line="351" />
        <source>第 {page} 页，共 {count} 页</source>
        <translation>Page {page} of {count}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/printing/preview.py" line="353" />
        <source>，其中 {blank} 页为双面打印留空的背页</source>
        <translation>, {blank} of them blank backs for two-sided printing</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/printing/preview.py" line="355" />
        <source>本页留空</source>
        <translation>this page is left blank</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/printing/preview.py" line="356" />
        <source>缩放 {percent}%</source>
        <translation>Zoom {percent}%</translation>
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
        <location filename="../../forms/project_editor.ui" line="57" />
        <source>在表尾添加一行（Ctrl+Enter）</source>
        <translation>Add a row at the end (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../forms/project_editor.ui" line="58" />
        <source>插入行</source>
        <translation>Insert Row</translation>
    </message>
    <message>
        <location filename="../../forms/project_editor.ui" line="58" />
        <source>在所选行上方插入一行，属于同一个二级指标（Ctrl+Shift+=）</source>
        <translation>Insert a row above the selected one, in the same level-2 indicator (Ctrl+Shift+=)</translation>
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
        <location filename="../../forms/project_editor.ui" line="60" />
        <source>删除所选的行（Ctrl+-）；Delete 键只清除单元格的内容</source>
        <translation>Delete the selected rows (Ctrl+-); the Delete key only clears cells</translation>
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
    <message>
        <location filename="../../forms/project_editor.ui" line="63" />
        <source>推荐指标…</source>
        <translation>Suggest Indicators…</translation>
    </message>
</context>
<context>
    <name>ProjectPage</name>
    <message>
        <location filename="../../kpi_editor/gui/pages/project.py" line="87" />
        <source>添加指标行</source>
        <translation>Add Indicator Row</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/pages/project.py" line="88" />
        <source>插入指标行</source>
        <translation>Insert indicator row</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/pages/project.py" line="89" />
        <source>删除行</source>
        <translation>Delete Row</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/pages/project.py" line="91" />
        <source>复制</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/pages/project.py" line="94" />
        <source>粘贴</source>
        <translation>Paste</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/pages/project.py" line="190" />
        <source>{name}（本表样不打印）</source>
        <translation>{name} (not printed on this form)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/pages/project.py" line="418" />
        <source>删除指标行</source>
        <translation>Indicator row removed</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/pages/project.py" line="419" />
        <source>删除所选的{count}个指标行？其中{filled}行有内容。删除后可以撤销（Ctrl+Z）。</source>
        <translation>Delete the {count} selected indicator row(s)? {filled} of them have content. You can undo it (Ctrl+Z).</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/pages/project.py" line="443" />
        <source>清除{count}个单元格</source>
        <translation>Clear {count} cell(s)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/pages/project.py" line="455" />
        <source>有{count}个单元格属于只读的列，没有改动</source>
        <translation>{count} cell(s) are in read-only columns and were not changed</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/pages/project.py" line="494" />
        <source>行</source>
        <translation> row(s)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/pages/project.py" line="494" />
        <source>个单元格</source>
        <translation> cell(s)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/pages/project.py" line="495" />
        <source>已复制{count}{unit}</source>
        <translation>Copied {count}{unit}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/pages/project.py" line="514" />
        <source>剪贴板中没有可粘贴的内容</source>
        <translation>Nothing to paste on the clipboard</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/pages/project.py" line="521" />
        <source>有{count}个单元格无法读取，已留空：{first}</source>
        <translation>{count} cell(s) could not be read and were left empty: {first}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/pages/project.py" line="569" />
        <source>粘贴{count}行</source>
        <translation>Paste {count} row(s)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/pages/project.py" line="598" />
        <source>有{count}个单元格超出表格范围，没有粘贴</source>
        <translation>{count} cell(s) fell outside the table and were not pasted</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/pages/project.py" line="600" />
        <source>粘贴{count}个单元格</source>
        <translation>Paste {count} cell(s)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/pages/project.py" line="96" />
        <source>由分项计算财政拨款与合计</source>
        <translation>Compute Fiscal and Total from Parts</translation>
    </message>
</context>
<context>
    <name>Prompts</name>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="35" />
        <source>未保存的修改</source>
        <translation>Unsaved Changes</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="36" />
        <source>“{name}”有未保存的修改。是否保存？</source>
        <translation>“{name}” has unsaved changes. Save them?</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="37" />
        <source>不保存，修改将丢失。</source>
        <translation>If you don't save, the changes are lost.</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="38" />
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="39" />
        <source>不保存</source>
        <translation>Don't Save</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="40" />
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="115" />
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="162" />
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="238" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="65" />
        <source>打开绩效目标表</source>
        <translation>Open Performance Target Booklet</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="65" />
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="71" />
        <source>绩效目标表 (*.kpi.json *.json)</source>
        <translation>Performance target booklets (*.kpi.json *.json)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="71" />
        <source>另存为</source>
        <translation>Save As</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="79" />
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="87" />
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="103" />
        <source>打印范围</source>
        <translation>Print Scope</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="104" />
        <source>打印哪些表？</source>
        <translation>Which tables should be printed?</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="106" />
        <source>导出范围</source>
        <translation>Export Scope</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="107" />
        <source>导出哪些表？</source>
        <translation>Which tables should be exported?</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="109" />
        <source>当前项目：{name}</source>
        <translation>Current project: {name}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="112" />
        <source>当前单位：{name}</source>
        <translation>Current unit: {name}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="114" />
        <source>全册</source>
        <translation>whole booklet</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="139" />
        <source>打印（共 {pages} 页）</source>
        <translation>Print ({pages} pages)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="143" />
        <source>打印（共 {pages} 页，预览中为第 {current} 页）</source>
        <translation>Print ({pages} pages; page {current} in the preview)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="155" />
        <source>导出前检查</source>
        <translation>Check Before Export</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="157" />
        <source>要导出的表中还有 {count} 个错误和警告，财政局审核时会问到或退回。</source>
        <translation>The tables to export still have {count} error(s) and warning(s); the finance bureau will ask about them or return them.</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="159" />
        <source>建议先查看并改正这些问题。</source>
        <translation>Look at them and correct them first.</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="160" />
        <source>查看问题</source>
        <translation>Show Problems</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="161" />
        <source>仍然导出</source>
        <translation>Export Anyway</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="180" />
        <source>未命名的新文件</source>
        <translation>an unsaved new booklet</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="183" />
        <source>恢复未保存的修改</source>
        <translation>Recover Unsaved Changes</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="185" />
        <source>上次编辑器意外退出，“{name}”有 {time} 自动保存的修改。是否恢复？</source>
        <translation>The editor quit unexpectedly. “{name}” has changes autosaved at {time}. Recover them?</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="189" />
        <source>恢复</source>
        <translation>Recover</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="190" />
        <source>丢弃</source>
        <translation>Discard</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="193" />
        <source>恢复：打开自动保存的内容（保存后覆盖原文件）。丢弃：删除自动保存。以后再说：保留自动保存，下次再问。</source>
        <translation>Recover: open what was autosaved (saving it replaces the file). Discard: delete the autosave. Later: keep it and ask next time.</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="196" />
        <source>以后再说</source>
        <translation>Later</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="209" />
        <source>审核通过前检查</source>
        <translation>Check Before Approving</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="212" />
        <source>项目“{name}”还有 {count} 个错误。仍要审核通过吗？</source>
        <translation>Project “{name}” still has {count} error(s). Approve it anyway?</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="218" />
        <source>要审核通过的 {total} 个项目中，有 {count} 个还有错误。</source>
        <translation>{count} of the {total} projects to approve still have errors.</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="223" />
        <source>{unit}“{name}”：{count} 个错误，如：{first}</source>
        <translation>{unit} “{name}”: {count} error(s), e.g. {first}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="229" />
        <source>…另有 {count} 个</source>
        <translation>… and {count} more</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="231" />
        <source>仍然审核通过</source>
        <translation>Approve Anyway</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="235" />
        <source>只通过没有错误的 {count} 个</source>
        <translation>Approve Only the {count} Without Errors</translation>
    </message>
</context>
<context>
    <name>ReplaceDialog</name>
    <message>
        <location filename="../../kpi_editor/gui/search/replace.py" line="201" />
        <source>查找和替换</source>
        <translation>Find and Replace</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/search/replace.py" line="222" />
        <source>（空：删除找到的文字）</source>
        <translation>(empty: delete the text found)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/search/replace.py" line="226" />
        <source>查找下一个(&amp;F)</source>
        <translation>&amp;Find Next</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/search/replace.py" line="228" />
        <source>替换(&amp;R)</source>
        <translation>&amp;Replace</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/search/replace.py" line="229" />
        <source>全部替换(&amp;A)</source>
        <translation>Replace &amp;All</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/search/replace.py" line="232" />
        <source>查找内容(&amp;N)：</source>
        <translation>Fi&amp;nd what:</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/search/replace.py" line="235" />
        <source>替换为(&amp;E)：</source>
        <translation>R&amp;eplace with:</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/search/replace.py" line="238" />
        <source>范围(&amp;S)：</source>
        <translation>&amp;Scope:</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/search/replace.py" line="246" />
        <source>单位和项目名称</source>
        <translation>Unit and project names</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/search/replace.py" line="246" />
        <source>单位名称、项目名称和表中的“部门（单位）”</source>
        <translation>Unit names, project names and the tables’ “Department (unit)”</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/search/replace.py" line="247" />
        <source>三级指标</source>
        <translation>Level-3 indicator</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/search/replace.py" line="248" />
        <source>指标值</source>
        <translation>Target value</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/search/replace.py" line="249" />
        <source>封面</source>
        <translation>Cover</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/search/replace.py" line="249" />
        <source>标题、编制单位、日期和编制说明标题（仅全册）</source>
        <translation>Title, compiled by, date and preface title (whole booklet only)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/search/replace.py" line="250" />
        <source>编制说明</source>
        <translation>Preface</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/search/replace.py" line="250" />
        <source>编制说明各节的标题和正文（仅全册）</source>
        <translation>Headings and bodies of the preface sections (whole booklet only)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/search/replace.py" line="259" />
        <source>区分大小写(&amp;C)</source>
        <translation>Match &amp;case</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/search/replace.py" line="260" />
        <source>只对拉丁字母有意义：book 与 BOOK 视为不同</source>
        <translation>Latin letters only: book and BOOK are told apart</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/search/replace.py" line="261" />
        <source>单元格匹配(&amp;O)</source>
        <translation>Match entire cell c&amp;ontents</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/search/replace.py" line="262" />
        <source>整个单元格的内容与查找内容完全相同时才算找到</source>
        <translation>Found only where the whole cell is exactly the text</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/search/replace.py" line="263" />
        <source>区分全/半角(&amp;B)</source>
        <translation>Match full/half &amp;width</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/search/replace.py" line="264" />
        <source>不勾选时，全角与半角字符视为相同：％ 与 %、２０２６ 与 2026</source>
        <translation>Unticked, full-width and half-width characters are the same: ％ and %, ２０２６ and 2026</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/search/replace.py" line="268" />
        <source>查找：</source>
        <translation>Search in:</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/search/replace.py" line="270" />
        <source>选项：</source>
        <translation>Options:</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/search/replace.py" line="275" />
        <source>审核模式下只能查找，不能替换。</source>
        <translation>In review mode you can find but not replace.</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/search/replace.py" line="296" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/search/replace.py" line="371" />
        <source>当前项目：{name}</source>
        <translation>Current project: {name}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/search/replace.py" line="373" />
        <source>当前项目</source>
        <translation>Current project</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/search/replace.py" line="374" />
        <source>当前单位：{name}</source>
        <translation>Current unit: {name}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/search/replace.py" line="376" />
        <source>当前单位</source>
        <translation>Current unit</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/search/replace.py" line="377" />
        <source>全册</source>
        <translation>whole booklet</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/search/replace.py" line="471" />
        <source>请输入查找内容。</source>
        <translation>Type the text to find.</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/search/replace.py" line="473" />
        <source>未找到“{text}”。</source>
        <translation>“{text}” not found.</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/search/replace.py" line="475" />
        <source>找到 {found} 处（{cells} 个单元格）</source>
        <translation>{found} found ({cells} cells)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/search/replace.py" line="481" />
        <source>其中 {count} 处已是替换后的文字</source>
        <translation>{count} of them already read as the replacement</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/search/replace.py" line="484" />
        <source>{count} 个单元格替换后的值无效，不会替换</source>
        <translation>{count} cells would get an invalid value and are left alone</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/search/replace.py" line="488" />
        <source>当前第 {n} 个：{place}</source>
        <translation>current: no. {n}, {place}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/search/replace.py" line="534" />
        <source>替换“{text}”为“{replacement}”（{count}处）</source>
        <translation>Replace “{text}” with “{replacement}” ({count})</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/search/replace.py" line="543" />
        <source>已替换。没有更多匹配。</source>
        <translation>Replaced. No more matches.</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/search/replace.py" line="556" />
        <source>全部替换“{text}”为“{replacement}”（{count}处）</source>
        <translation>Replace all “{text}” with “{replacement}” ({count})</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/search/replace.py" line="563" />
        <source>已全部替换：{count} 处，{cells} 个单元格（可撤销：Ctrl+Z）。</source>
        <translation>Replaced all: {count} in {cells} cells (undo: Ctrl+Z).</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../../kpi_editor/gui/review/outputs.py" line="206" />
        <source>导出审核报告</source>
        <translation>Export Review Report</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/outputs.py" line="209" />
        <source>报告包含的单位：</source>
        <translation>Units in the report:</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/outputs.py" line="213" />
        <source>只列出这些审核状态的项目：</source>
        <translation>Only projects with these statuses:</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/outputs.py" line="226" />
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/outputs.py" line="250" />
        <source>Excel 工作簿 (*.xlsx);;PDF 文件 (*.pdf)</source>
        <translation>Excel workbooks (*.xlsx);;PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/outputs.py" line="267" />
        <source>正在导出审核报告 {name}…</source>
        <translation>Exporting review report {name}…</translation>
    </message>
</context>
<context>
    <name>ReportView</name>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/change_report.py" line="178" />
        <location filename="../../kpi_editor/gui/dialogs/change_report.py" line="198" />
        <location filename="../../kpi_editor/gui/dialogs/change_report.py" line="201" />
        <source>位置</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/change_report.py" line="178" />
        <source>原文</source>
        <translation>Now</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/change_report.py" line="178" />
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/change_report.py" line="178" />
        <source>建议</source>
        <translation>Suggestion</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/change_report.py" line="178" />
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/change_report.py" line="187" />
        <source>转到单元格</source>
        <translation>Go to Cell</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/change_report.py" line="189" />
        <location filename="../../kpi_editor/gui/dialogs/change_report.py" line="328" />
        <source>采用建议</source>
        <translation>Use Suggestion</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/change_report.py" line="190" />
        <source>用建议的文字替换所选单元格（一步，可撤销）</source>
        <translation>Replace the selected cells with the suggested text (one step, can be undone)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/change_report.py" line="198" />
        <source>改动前</source>
        <translation>Before</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/change_report.py" line="198" />
        <source>改动后</source>
        <translation>After</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/change_report.py" line="198" />
        <source>说明</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/change_report.py" line="201" />
        <source>年份</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/change_report.py" line="201" />
        <source>理由</source>
        <translation>Why</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/change_report.py" line="223" />
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/change_report.py" line="239" />
        <source>待核对（{count}）</source>
        <translation>To check ({count})</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/change_report.py" line="240" />
        <source>已改动（{count}）</source>
        <translation>Changed ({count})</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/change_report.py" line="241" />
        <source>保留（{count}）</source>
        <translation>Kept ({count})</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/change_report.py" line="246" />
        <source>这些单元格原样保留，请逐一核对。双击转到该单元格。</source>
        <translation>These cells were left as they were: check each one. Double-click to go to the cell.</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/change_report.py" line="248" />
        <source>这些单元格将原样保留，修改后请逐一核对。</source>
        <translation>These cells will be left as they are: check each one afterwards.</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/change_report.py" line="251" />
        <source>没有需要核对的单元格。</source>
        <translation>No cells to check.</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/change_report.py" line="281" />
        <source>待核对</source>
        <translation>To check</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/change_report.py" line="282" />
        <source>已采用建议</source>
        <translation>Suggestion used</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/change_report.py" line="283" />
        <source>已修改</source>
        <translation>Edited</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/change_report.py" line="284" />
        <source>已不在原处</source>
        <translation>No longer there</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/change_report.py" line="329" />
        <source>{count}个单元格在报告之后已经修改过（如{where}）。仍用建议的文字替换吗？</source>
        <translation>{count} cells were edited after the report (e.g. {where}). Replace them with the suggestion anyway?</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/change_report.py" line="338" />
        <source>采用建议：{where}</source>
        <translation>Use suggestion: {where}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/change_report.py" line="340" />
        <source>采用{count}处建议</source>
        <translation>Use {count} suggestions</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/change_report.py" line="365" />
        <source>JSON 文件 (*.json)</source>
        <translation>JSON files (*.json)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/change_report.py" line="373" />
        <location filename="../../kpi_editor/gui/dialogs/change_report.py" line="383" />
        <source>无法导出报告</source>
        <translation>Cannot Export Report</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/change_report.py" line="374" />
        <source>{path} 是打开的项目文件，请另选文件名。</source>
        <translation>{path} is the open project file: choose another name.</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/change_report.py" line="383" />
        <source>无法写入 {path}：{error}</source>
        <translation>Cannot write {path}: {error}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/change_report.py" line="386" />
        <source>报告已导出到 {path}</source>
        <translation>Report exported to {path}</translation>
    </message>
</context>
<context>
    <name>ReviewFeature</name>
    <message>
        <location filename="../../kpi_editor/gui/review/feature.py" line="46" />
        <source>审核</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/feature.py" line="52" />
        <source>内容指纹：与打印页脚上的指纹相同，即为同一版本的内容（不含审核状态）</source>
        <translation>Content fingerprint: the same as on a printed page's footer means the same content (review state not included)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/feature.py" line="61" />
        <source>审核模式</source>
        <translation>Review Mode</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/feature.py" line="63" />
        <source>表格内容只读，只能修改审核状态和审核意见</source>
        <translation>Table content is read-only; only review status and comments change</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/feature.py" line="68" />
        <source>改为未审核</source>
        <translation>Not Reviewed</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/feature.py" line="71" />
        <source>设置所选项目（或所选单位的全部项目）的审核状态</source>
        <translation>Set the review status of the selected projects (or of every project of the selected units)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/feature.py" line="77" />
        <source>比较版本…</source>
        <translation>Compare Versions…</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/feature.py" line="78" />
        <source>汇编合并…</source>
        <translation>Merge Booklets…</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/feature.py" line="79" />
        <source>提交情况…</source>
        <translation>Submissions…</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/feature.py" line="82" />
        <source>导出本单位提交文件…</source>
        <translation>Export Submission File…</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/feature.py" line="84" />
        <source>把当前单位（或所选的几个单位）存为带提交信息的文件，报送财政局</source>
        <translation>Save the current unit (or the selected units) as a file with its submission details, to send to the finance bureau</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/feature.py" line="86" />
        <source>生成审核意见书…</source>
        <translation>Write Review Letters…</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/feature.py" line="87" />
        <source>导出审核报告…</source>
        <translation>Export Review Report…</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/feature.py" line="176" />
        <source>请先在左侧树中选择项目或单位</source>
        <translation>Select projects or units in the tree first</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/feature.py" line="182" />
        <source>已将 {count} 个项目设为“{status}”（可撤销：Ctrl+Z）</source>
        <translation>{count} project(s) set to “{status}” (undo: Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/feature.py" line="191" />
        <source>所选项目已是“{status}”，未改动</source>
        <translation>The selected projects are already “{status}”; nothing changed</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/feature.py" line="217" />
        <source>审核进度（按当前内容：审核后被修改的项目计为已修改待复审）</source>
        <translation>Review progress (by the current content: projects edited after review count as changed, to re-review)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/feature.py" line="219" />
        <source>其中 {count} 个项目{edited}，待复审</source>
        <translation>{count} project(s) {edited}, to re-review</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/feature.py" line="229" />
        <source>审核模式：表格内容只读，只能修改审核状态和审核意见</source>
        <translation>Review mode: table content is read-only; only review status and comments change</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/feature.py" line="268" />
        <source>项目指纹 {fp}</source>
        <translation>Project fingerprint {fp}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/feature.py" line="269" />
        <source>全册指纹 {fp}</source>
        <translation>Booklet fingerprint {fp}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/feature.py" line="339" />
        <location filename="../../kpi_editor/gui/review/feature.py" line="392" />
        <source>导出本单位提交文件</source>
        <translation>Export Submission File</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/feature.py" line="339" />
        <source>请先在左侧树中选择要导出的单位（可以选多个）。</source>
        <translation>Select the unit to export in the tree first (several are allowed).</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/feature.py" line="365" />
        <source>提交文件 (*.kpi.json)</source>
        <translation>Submission files (*.kpi.json)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/feature.py" line="375" />
        <source>已导出提交文件 {path}：{projects} 个项目，错误 {errors} 个，警告 {warnings} 个</source>
        <translation>Submission file exported to {path}: {projects} project(s), {errors} error(s), {warnings} warning(s)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/feature.py" line="386" />
        <source>选择保存 {count} 个提交文件的文件夹</source>
        <translation>Choose the Folder for {count} Submission Files</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/feature.py" line="393" />
        <source>文件夹中已有 {count} 个同名文件（如 {name}）。覆盖它们吗？</source>
        <translation>The folder already has {count} file(s) of these names (e.g. {name}). Overwrite them?</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/feature.py" line="400" />
        <source>导出失败</source>
        <translation>Export Failed</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/feature.py" line="400" />
        <source>无法写入：{error}</source>
        <translation>Cannot write: {error}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/feature.py" line="403" />
        <source>已导出 {count} 个提交文件到 {folder}</source>
        <translation>{count} submission file(s) exported to {folder}</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <location filename="../../kpi_editor/gui/review/panel.py" line="78" />
        <source>审核通过 Ctrl+1 · 退回修改 Ctrl+2 · 改为未审核 Ctrl+3（在树中选中多个单位或项目可一次设置）</source>
        <translation>Approved Ctrl+1 · Returned Ctrl+2 · Not reviewed Ctrl+3 (select several units or projects in the tree to set them at once)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/panel.py" line="82" />
        <source>审核状态</source>
        <translation>Review status</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/panel.py" line="102" />
        <source>已处理</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/panel.py" line="102" />
        <source>位置</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/panel.py" line="102" />
        <source>审核意见</source>
        <translation>Review comment</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/panel.py" line="117" />
        <source>双击一条意见，转到它所指的行或栏目</source>
        <translation>Double-click a comment to go to the row or field it is about</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/panel.py" line="126" />
        <source>新意见针对的栏目</source>
        <translation>What the new comment is about</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/panel.py" line="136" />
        <location filename="../../kpi_editor/gui/review/panel.py" line="144" />
        <source>署名</source>
        <translation>Signed</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/panel.py" line="137" />
        <source>新意见、答复和“已处理”的署名</source>
        <translation>The name that signs new comments, replies and “resolved”</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/panel.py" line="275" />
        <source> · 审核时指纹 {fp}</source>
        <translation> · fingerprint when reviewed {fp}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/panel.py" line="284" />
        <source>{edited}：{stamp} 之后内容有改动（指纹 {old} → {new}），现为已修改待复审。复审后请重新选择审核状态。</source>
        <translation>{edited}: the content changed after {stamp} (fingerprint {old} → {new}); it is now changed, to re-review. Choose the status again once reviewed.</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/panel.py" line="290" />
        <source>单位重新提交后与审核时相比的改动：</source>
        <translation>Changes since the review, in the unit's resubmission:</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/panel.py" line="311" />
        <source> · 单位已答复</source>
        <translation> · answered by the unit</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/panel.py" line="325" />
        <source>↳ 答复 {who}</source>
        <translation>↳ Reply {who}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/panel.py" line="329" />
        <source>✔ 已处理 {by}</source>
        <translation>✔ Resolved {by}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/panel.py" line="343" />
        <source>树中选中了 {units} 个单位、{projects} 个项目：审核 ▸ 审核通过 / 退回修改 / 改为未审核（Ctrl+1 / Ctrl+2 / Ctrl+3）一次设置全部。</source>
        <translation>{units} unit(s) and {projects} project(s) selected in the tree: Review ▸ Approved / Returned / Not Reviewed (Ctrl+1 / Ctrl+2 / Ctrl+3) sets them all at once.</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/panel.py" line="360" />
        <source>新意见针对：{place}</source>
        <translation>New comment about: {place}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/panel.py" line="361" />
        <source>整行</source>
        <translation>The whole row</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/panel.py" line="368" />
        <source>项目名称</source>
        <translation>Project name</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/panel.py" line="369" />
        <source>部门（单位）</source>
        <translation>Department (unit)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/panel.py" line="398" />
        <source>写下审核意见，例如：指标值应量化，请补充具体数量；或选中一条意见写下答复</source>
        <translation>Write a comment, e.g. the target should be quantified; or select a comment and write a reply</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/panel.py" line="400" />
        <source>选中一条审核意见，写下答复，例如：已按意见改为“≥95%”</source>
        <translation>Select a comment and write a reply, e.g. changed to “≥95%” as asked</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/panel.py" line="138" />
        <source>添加意见</source>
        <translation>Add Comment</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/panel.py" line="140" />
        <source>答复所选意见</source>
        <translation>Reply</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/panel.py" line="142" />
        <source>删除所选意见</source>
        <translation>Delete Selected Comment</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/panel.py" line="227" />
        <source>选择一个项目以查看审核状态和审核意见</source>
        <translation>Select a project to see its review status and comments</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/panel.py" line="367" />
        <source>整个项目</source>
        <translation>whole project</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/panel.py" line="357" />
        <location filename="../../kpi_editor/gui/review/panel.py" line="366" />
        <source>新意见针对：整个项目（在表格中选中一行可针对该行）</source>
        <translation>New comment on: the whole project (select a row in the table to comment on it)</translation>
    </message>
</context>
<context>
    <name>RolloverDialog</name>
    <message>
        <location filename="../../kpi_editor/gui/annual/dialog.py" line="49" />
        <source>新建</source>
        <translation>Create</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/annual/dialog.py" line="63" />
        <source>未命名</source>
        <translation>Untitled</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/annual/dialog.py" line="64" />
        <source>当前打开的文件：{name}</source>
        <translation>The open file: {name}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/annual/dialog.py" line="95" />
        <source>{path}：{error}</source>
        <translation>{path}: {error}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/annual/dialog.py" line="108" />
        <source>请选择上年度的项目文件（*.kpi.json）。</source>
        <translation>Choose last year's project file (*.kpi.json).</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/annual/dialog.py" line="113" />
        <source>（未保存的文件）</source>
        <translation>(unsaved file)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/annual/dialog.py" line="115" />
        <source>{where}：{year}年，{departments}个单位，{projects}个项目</source>
        <translation>{where}: {year}, {departments} units, {projects} projects</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/annual/dialog.py" line="133" />
        <source>原文件 {name} 不会改动。</source>
        <translation>The file {name} is not changed. </translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/annual/dialog.py" line="135" />
        <source>当前的表格不会改动。</source>
        <translation>The open booklet is not changed. </translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/annual/dialog.py" line="137" />
        <source>保存时建议的文件名：{name}。</source>
        <translation>Suggested file name when saving: {name}.</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/annual/dialog.py" line="139" />
        <source>新年度的表格作为未保存的新文件打开，随后显示改动报告。</source>
        <translation>The new year's booklet opens as a new unsaved file, followed by the report of what changed. </translation>
    </message>
    <message>
        <location filename="../../forms/rollover_dialog.ui" line="5" />
        <source>由上年度新建</source>
        <translation>New from Last Year</translation>
    </message>
    <message>
        <location filename="../../forms/rollover_dialog.ui" line="9" />
        <source>上年度的表格</source>
        <translation>Last year's booklet</translation>
    </message>
    <message>
        <location filename="../../forms/rollover_dialog.ui" line="11" />
        <source>当前打开的文件</source>
        <translation>The open file</translation>
    </message>
    <message>
        <location filename="../../forms/rollover_dialog.ui" line="12" />
        <source>其他文件</source>
        <translation>Another file</translation>
    </message>
    <message>
        <location filename="../../forms/rollover_dialog.ui" line="13" />
        <source>选择文件…</source>
        <translation>Choose File…</translation>
    </message>
    <message>
        <location filename="../../forms/rollover_dialog.ui" line="21" />
        <source>新的预算年度</source>
        <translation>New fiscal year</translation>
    </message>
    <message>
        <location filename="../../forms/rollover_dialog.ui" line="22" />
        <source> 年</source>
        <translation> </translation>
    </message>
    <message>
        <location filename="../../forms/rollover_dialog.ui" line="23" />
        <source>金额</source>
        <translation>Amounts</translation>
    </message>
    <message>
        <location filename="../../forms/rollover_dialog.ui" line="24" />
        <source>沿用上年金额（显示为上年数，改动后取消标记）</source>
        <translation>Keep last year's amounts (marked as last year's until changed)</translation>
    </message>
    <message>
        <location filename="../../forms/rollover_dialog.ui" line="25" />
        <source>清空金额（上年金额留作参考）</source>
        <translation>Clear the amounts (last year's kept for reference)</translation>
    </message>
</context>
<context>
    <name>RowSuggester</name>
    <message>
        <location filename="../../kpi_editor/gui/library/inplace.py" line="190" />
        <source>推荐指标：↓/↑ 选择，回车或单击填入整行，Esc 关闭列表，继续输入则照常输入</source>
        <translation>Suggestions: ↓/↑ choose, Enter or a click fills the row, Esc closes the list, typing on just types</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/library/inplace.py" line="277" />
        <source>已填入“{name}”：请把指标值中的□换成数字（Ctrl+Z 可撤销）</source>
        <translation>Filled in “{name}”: replace the □ in its target value with numbers (Ctrl+Z undoes)</translation>
    </message>
</context>
<context>
    <name>SearchBar</name>
    <message>
        <location filename="../../kpi_editor/gui/search/bar.py" line="25" />
        <source>查找名称、指标和指标值（回车查找下一个）</source>
        <translation>Find in names, indicators and values (Enter: next)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/search/bar.py" line="34" />
        <source>查找(&amp;F)…</source>
        <translation>&amp;Find…</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/search/bar.py" line="37" />
        <source>查找下一个</source>
        <translation>Find Next</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/search/bar.py" line="40" />
        <source>替换(&amp;H)…</source>
        <translation>Rep&amp;lace…</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/search/bar.py" line="80" />
        <source>未找到</source>
        <translation>Not found</translation>
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
        <location filename="../../forms/settings_dialog.ui" line="8" />
        <source>界面语言</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="15" />
        <source>界面字号</source>
        <translation>Interface text size</translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="16" />
        <source> 磅</source>
        <translation> pt</translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="16" />
        <source>整个窗口的文字大小；“视图”菜单中的放大、缩小（Ctrl+= / Ctrl+-）在此基础上缩放</source>
        <translation>Text size of the whole window; View ▸ Zoom In / Zoom Out (Ctrl+= / Ctrl+-) scale it</translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="17" />
        <source>PDF 字体</source>
        <translation>PDF font</translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="20" />
        <source>自动（本机宋体与黑体，没有时用内置字体）</source>
        <translation>Automatic (this computer's Song and Hei faces, else the bundled fonts)</translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="21" />
        <source>AR PL UMing（宋体，内置）</source>
        <translation>AR PL UMing (serif, bundled)</translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="22" />
        <source>文泉驿微米黑（黑体，内置）</source>
        <translation>WenQuanYi Micro Hei (sans, bundled)</translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="25" />
        <source>自动保存</source>
        <translation>Autosave</translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="26" />
        <source>停止输入 </source>
        <translation />
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="26" />
        <source> 秒后</source>
        <translation> s after the last edit</translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="26" />
        <source>意外退出后，下次打开文件时可以恢复到这一刻的内容</source>
        <translation>After a crash, opening the file again offers what was autosaved</translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="29" />
        <source>界面语言在重新启动后生效；其他设置立即生效。</source>
        <translation>The interface language applies after a restart; the other settings at once.</translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="27" />
        <source>审核人</source>
        <translation>Reviewer</translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="28" />
        <source>新审核意见的署名</source>
        <translation>Name that signs new review comments</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/settings_dialog.py" line="38" />
        <source>留空则使用系统用户名：{user}</source>
        <translation>Leave empty to use the system user name: {user}</translation>
    </message>
</context>
<context>
    <name>StructureActions</name>
    <message>
        <location filename="../../kpi_editor/gui/tree/actions.py" line="36" />
        <source>新建单位</source>
        <translation>New Unit</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/tree/actions.py" line="37" />
        <source>新建项目</source>
        <translation>New Project</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/tree/actions.py" line="38" />
        <source>创建副本</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/tree/actions.py" line="40" />
        <location filename="../../kpi_editor/gui/tree/actions.py" line="102" />
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/tree/actions.py" line="42" />
        <source>上移</source>
        <translation>Move Up</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/tree/actions.py" line="43" />
        <source>下移</source>
        <translation>Move Down</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/tree/actions.py" line="107" />
        <source>删除后可以撤销（Ctrl+Z）。</source>
        <translation>You can undo it (Ctrl+Z).</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/tree/actions.py" line="113" />
        <source>删除单位“{code} {name}”及其{projects}个项目（共{rows}个指标行）？</source>
        <translation>Delete unit “{code} {name}” with its {projects} project(s) ({rows} indicator rows)?</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/tree/actions.py" line="120" />
        <source>删除项目“{name}”及其{rows}个指标行？</source>
        <translation>Delete project “{name}” with its {rows} indicator row(s)?</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/tree/actions.py" line="127" />
        <source>删除第{row}行“{name}”？</source>
        <translation>Delete row {row} “{name}”?</translation>
    </message>
</context>
<context>
    <name>SubmissionsDialog</name>
    <message>
        <location filename="../../kpi_editor/gui/review/submissions.py" line="53" />
        <location filename="../../kpi_editor/gui/review/submissions.py" line="85" />
        <source>提交情况</source>
        <translation>Submissions</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/submissions.py" line="59" />
        <source>应报单位名单…</source>
        <translation>Expected Units…</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/submissions.py" line="60" />
        <source>文本文件（每行“编码 名称”，UTF-8 或 GBK）、CSV 或项目文件</source>
        <translation>A text file (one “code name” a line, UTF-8 or GBK), a CSV or a project file</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/submissions.py" line="62" />
        <source>用汇编本中的单位</source>
        <translation>Use the Booklet's Units</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/submissions.py" line="65" />
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/submissions.py" line="72" />
        <source>显示</source>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/submissions.py" line="83" />
        <source>单位编码</source>
        <translation>Unit code</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/submissions.py" line="84" />
        <source>单位名称</source>
        <translation>Unit name</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/submissions.py" line="86" />
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/submissions.py" line="87" />
        <source>提交时间</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/submissions.py" line="88" />
        <source>提交人</source>
        <translation>Submitted by</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/submissions.py" line="89" />
        <source>收到时间</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/submissions.py" line="90" />
        <source>来源文件</source>
        <translation>Source file</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/submissions.py" line="91" />
        <source>审核进度</source>
        <translation>Review progress</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/submissions.py" line="92" />
        <source>说明</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/submissions.py" line="122" />
        <source>单位名单 (*.txt *.csv *.kpi.json *.json);;所有文件 (*)</source>
        <translation>Unit lists (*.txt *.csv *.kpi.json *.json);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/submissions.py" line="129" />
        <source>无法读取单位名单</source>
        <translation>Cannot Read the Unit List</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/submissions.py" line="142" />
        <source>没有打开的汇编本</source>
        <translation>No booklet open</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/submissions.py" line="150" />
        <source>应报单位：汇编本中的 {count} 个单位（选择名单可核对缺报）</source>
        <translation>Expected units: the booklet's {count} units (choose a list to check for missing ones)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/submissions.py" line="156" />
        <source>应报单位：名单“{source}”中的 {count} 个单位</source>
        <translation>Expected units: the {count} units of the list “{source}”</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/submissions.py" line="166" />
        <source>应报 {expected} 个单位：已提交 {submitted} 个，未提交 {missing} 个；名单外 {unexpected} 个。共收到 {versions} 个文件。审核进度：{progress}</source>
        <translation>{expected} units expected: {submitted} submitted, {missing} not yet; {unexpected} not on the list. {versions} file(s) received. Review progress: {progress}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/submissions.py" line="178" />
        <source>汇编本还没有合并记录：用“审核 ▸ 汇编合并…”合并单位报送的文件后，这里列出收到的版本。</source>
        <translation>The booklet has no merge records yet: once the units' files are merged with Review ▸ Compile Booklet…, the versions received are listed here.</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/submissions.py" line="199" />
        <source>收到后汇编本中又有改动</source>
        <translation>Edited in the booklet since it was received</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/submissions.py" line="201" />
        <source>合并时已确认：{what}</source>
        <translation>Confirmed when merged: {what}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/submissions.py" line="203" />
        <source>汇编本中是原有版本</source>
        <translation>The booklet holds an earlier version</translation>
    </message>
</context>
<context>
    <name>SuggestDialog</name>
    <message>
        <location filename="../../kpi_editor/gui/library/dialog.py" line="46" />
        <source>推荐指标</source>
        <translation>Suggested Indicators</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/library/dialog.py" line="54" />
        <source>为“{name}”推荐的指标</source>
        <translation>Indicators suggested for “{name}”</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/library/dialog.py" line="68" />
        <source>三级指标</source>
        <translation>Level-3 indicator</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/library/dialog.py" line="68" />
        <source>指标值</source>
        <translation>Target value</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/library/dialog.py" line="68" />
        <source>指标解释</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/library/dialog.py" line="68" />
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/library/dialog.py" line="86" />
        <source>勾选要采用的指标，点“插入所选”：每条插入到本项目对应的二级指标下（先填入该二级的空行），一次插入可一次撤销（Ctrl+Z）。指标值中的□是要填写的数字。</source>
        <translation>Tick the indicators to use and press Insert Selected: each goes under its level-2 indicator in this project (into an empty row of it first); one insert is one undo step (Ctrl+Z). The □ in target values are the numbers to fill in.</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/library/dialog.py" line="96" />
        <source>全部不选</source>
        <translation>Untick All</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/library/dialog.py" line="101" />
        <source>插入所选</source>
        <translation>Insert Selected</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/library/dialog.py" line="103" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/library/dialog.py" line="114" />
        <source>有{count}个指标库文件无法使用，已跳过：</source>
        <translation>{count} library file(s) could not be used and were left out: </translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/library/dialog.py" line="125" />
        <source>正在载入指标库…</source>
        <translation>Loading the library…</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/library/dialog.py" line="125" />
        <source>指标库无法载入。</source>
        <translation>The library could not be loaded.</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/library/dialog.py" line="132" />
        <source>按项目名称识别为：{types}。另参考了名称相近的项目和各二级指标的常用指标。</source>
        <translation>Recognised from the project name as: {types}. Projects with similar names and the most common indicators of each level-2 indicator were used too.</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/library/dialog.py" line="138" />
        <source>按名称相近的项目和各二级指标的常用指标推荐（未识别出项目类型）。</source>
        <translation>Suggested from projects with similar names and the most common indicators of each level-2 indicator (no project type recognised).</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/library/dialog.py" line="147" />
        <source>（本项目尚未填写）</source>
        <translation> (not filled in this project yet)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/library/dialog.py" line="158" />
        <source>指标库中没有可推荐的指标。</source>
        <translation>The library has no indicators to suggest.</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/library/dialog.py" line="168" />
        <source>（自拟）</source>
        <translation>(your own)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/library/dialog.py" line="170" />
        <source>相似项目</source>
        <translation>Similar project</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/library/dialog.py" line="170" />
        <source>常用指标</source>
        <translation>Common indicator</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/library/dialog.py" line="175" />
        <source>常见写法：{example}</source>
        <translation>Usually written: {example}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/library/dialog.py" line="179" />
        <source>{count}个项目用过</source>
        <translation>Used by {count} projects</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/library/dialog.py" line="226" />
        <source>已选{count}条</source>
        <translation>{count} selected</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/library/dialog.py" line="238" />
        <source>已插入{count}条推荐指标：请把指标值中的□换成数字（Ctrl+Z 可撤销）</source>
        <translation>Inserted {count} suggested indicators: replace the □ in their target values with numbers (Ctrl+Z undoes)</translation>
    </message>
</context>
<context>
    <name>SuggestionDelegate</name>
    <message>
        <location filename="../../kpi_editor/gui/library/results.py" line="125" />
        <source>（指标值自拟）</source>
        <translation>(target value: your own)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/library/results.py" line="140" />
        <source>常见写法：{example}</source>
        <translation>Usually written: {example}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/library/results.py" line="142" />
        <source>（无指标解释）</source>
        <translation>(no explanation)</translation>
    </message>
</context>
<context>
    <name>SuggestionListModel</name>
    <message>
        <location filename="../../kpi_editor/gui/library/results.py" line="54" />
        <source>指标值：{value}</source>
        <translation>Target value: {value}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/library/results.py" line="56" />
        <source>常见写法：{example}</source>
        <translation>Usually written: {example}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/library/results.py" line="58" />
        <source>指标解释：{text}</source>
        <translation>Explanation: {text}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/library/results.py" line="63" />
        <source>来源：{origin}（{count}个项目用过）</source>
        <translation>Source: {origin} (used by {count} projects)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/library/results.py" line="66" />
        <source>来源：{origin}</source>
        <translation>Source: {origin}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/library/results.py" line="68" />
        <source>项目类型：{types}</source>
        <translation>Project type: {types}</translation>
    </message>
</context>
<context>
    <name>TemplateDialog</name>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/change_preview.py" line="182" />
        <source>更换表样</source>
        <translation>Change Form Template</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/change_preview.py" line="193" />
        <source>当前表样</source>
        <translation>Current template</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/change_preview.py" line="194" />
        <source>新的表样</source>
        <translation>New template</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/change_preview.py" line="195" />
        <source>说明</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/change_preview.py" line="197" />
        <source>换用此表样</source>
        <translation>Use This Template</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/change_preview.py" line="204" />
        <source>这就是当前的表样。</source>
        <translation>This is the current template.</translation>
    </message>
</context>
<context>
    <name>ThumbnailModel</name>
    <message>
        <location filename="../../kpi_editor/gui/printing/preview.py" line="104" />
        <source>第 {page} 页（双面打印留空的背页）</source>
        <translation>Page {page} (blank back for two-sided printing)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/printing/preview.py" line="105" />
        <source>第 {page} 页</source>
        <translation>Page {page}</translation>
    </message>
</context>
<context>
    <name>TreePanel</name>
    <message>
        <location filename="../../kpi_editor/gui/tree/panel.py" line="45" />
        <source>封面与编制说明</source>
        <translation>Cover and Preface</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/tree/panel.py" line="47" />
        <source>仅显示有问题的项目</source>
        <translation>Only projects with findings</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/tree/panel.py" line="50" />
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/tree/panel.py" line="53" />
        <source>按审核状态筛选项目</source>
        <translation>Filter projects by review status</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/tree/panel.py" line="57" />
        <source>审核状态</source>
        <translation>Review status</translation>
    </message>
</context>
<context>
    <name>UnitChooser</name>
    <message>
        <location filename="../../kpi_editor/gui/review/outputs.py" line="51" />
        <source>{code} {name}（{label}，退回 {returned}）</source>
        <translation>{code} {name} ({label}, {returned} returned)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/outputs.py" line="65" />
        <source>全选</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/outputs.py" line="66" />
        <source>只选有退回项目的</source>
        <translation>Only Units with Returns</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/outputs.py" line="67" />
        <source>全不选</source>
        <translation>None</translation>
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
    <name>Zoom</name>
    <message>
        <location filename="../../kpi_editor/gui/zoom.py" line="27" />
        <source>放大</source>
        <translation>Zoom In</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/zoom.py" line="29" />
        <source>缩小</source>
        <translation>Zoom Out</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/zoom.py" line="30" />
        <source>实际大小</source>
        <translation>Actual Size</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/zoom.py" line="57" />
        <source>缩放 {percent}%</source>
        <translation>Zoom {percent}%</translation>
    </message>
</context>
<context>
    <name>commands</name>
    <message>
        <location filename="../../kpi_editor/app/commands.py" line="52" />
        <source>“{field}”的值无效：{reason}</source>
        <translation>Invalid value for “{field}”: {reason}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/app/commands.py" line="64" />
        <source>修改{field}</source>
        <translation>Edit {field}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/app/commands.py" line="100" />
        <source>插入{count}行</source>
        <translation>Insert {count} row(s)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/app/commands.py" line="116" />
        <source>删除{count}行</source>
        <translation>Delete {count} row(s)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/app/commands.py" line="143" />
        <source>移动</source>
        <translation>Move</translation>
    </message>
</context>
<context>
    <name>compare</name>
    <message>
        <location filename="../../kpi_editor/gui/review/compare.py" line="39" />
        <source>封面/编制说明</source>
        <translation>Cover/preface</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/compare.py" line="40" />
        <source>新增单位</source>
        <translation>Unit added</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/compare.py" line="41" />
        <source>删除单位</source>
        <translation>Unit removed</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/compare.py" line="42" />
        <source>单位更名</source>
        <translation>Unit renamed</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/compare.py" line="43" />
        <source>新增项目</source>
        <translation>Project added</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/compare.py" line="44" />
        <source>删除项目</source>
        <translation>Project removed</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/compare.py" line="45" />
        <source>项目更名</source>
        <translation>Project renamed</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/compare.py" line="46" />
        <source>项目移到其他单位</source>
        <translation>Project moved to another unit</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/compare.py" line="47" />
        <source>项目顺序</source>
        <translation>Project order</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/compare.py" line="48" />
        <source>部门（单位）</source>
        <translation>Department (unit)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/compare.py" line="49" />
        <source>金额</source>
        <translation>Amounts</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/compare.py" line="50" />
        <source>新增指标行</source>
        <translation>Indicator row added</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/compare.py" line="51" />
        <source>删除指标行</source>
        <translation>Indicator row removed</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/compare.py" line="52" />
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/compare.py" line="58" />
        <source>内容相同：两个版本的内容没有任何不同（格式和审核状态不计）。</source>
        <translation>Same content: the two versions do not differ (formatting and review state not counted).</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/compare.py" line="63" />
        <source>共 {count} 处不同：{parts}</source>
        <translation>{count} differences: {parts}</translation>
    </message>
</context>
<context>
    <name>operations</name>
    <message>
        <location filename="../../kpi_editor/app/operations.py" line="266" />
        <source>无法执行“{what}”：{reason}</source>
        <translation>Cannot do “{what}”: {reason}</translation>
    </message>
</context>
<context>
    <name>printing</name>
    <message>
        <location filename="../../kpi_editor/gui/printing/printer.py" line="58" />
        <source>打印已取消，未写入文件</source>
        <translation>Printing cancelled; no file was written</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/printing/printer.py" line="59" />
        <source>打印已取消，打印机没有收到任何一页</source>
        <translation>Printing cancelled; the printer received no page</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/printing/printer.py" line="63" />
        <source>未写入文件。</source>
        <translation> No file was written.</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/printing/printer.py" line="64" />
        <source>打印机没有收到任何一页。</source>
        <translation> The printer received no page.</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/printing/printer.py" line="130" />
        <source>没有指定要打印到的文件。</source>
        <translation>No file to print to was given.</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/printing/printer.py" line="134" />
        <source>无法打印到 {path}：文件夹不存在。</source>
        <translation>Cannot print to {path}: the folder does not exist.</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/printing/printer.py" line="206" />
        <source>无法开始打印：打印机“{name}”不可用或拒绝了打印任务。</source>
        <translation>Cannot start printing: printer “{name}” is not available or refused the job.</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/printing/printer.py" line="217" />
        <source>打印机“{name}”不接受第 {page} 页。</source>
        <translation>Printer “{name}” did not accept page {page}.</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/printing/printer.py" line="231" />
        <source>打印任务没有写完（打印机“{name}”或磁盘出错）。</source>
        <translation>The print job could not be completed (printer “{name}” or the disk failed).</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/printing/printer.py" line="262" />
        <source>无法写入 {path}：{error}。</source>
        <translation>Cannot write {path}: {error}.</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/printing/printer.py" line="273" />
        <source>找不到 CUPS 的 lp 命令，无法把打印任务交给打印机“{name}”。</source>
        <translation>CUPS’s lp command is missing: the job cannot be sent to printer “{name}”.</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/printing/printer.py" line="287" />
        <source>无法把打印任务交给打印机“{name}”：{error}</source>
        <translation>Cannot send the job to printer “{name}”: {error}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/printing/printer.py" line="293" />
        <source>打印机“{name}”拒绝了打印任务：{error}</source>
        <translation>Printer “{name}” refused the job: {error}</translation>
    </message>
</context>
<context>
    <name>review</name>
    <message>
        <location filename="../../kpi_editor/gui/marks.py" line="105" />
        <source>未审核</source>
        <translation>Not reviewed</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/marks.py" line="106" />
        <source>审核通过</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/marks.py" line="107" />
        <source>退回修改</source>
        <translation>Returned for changes</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/marks.py" line="108" />
        <source>已修改待复审</source>
        <translation>Changed, to re-review</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/marks.py" line="116" />
        <source>通过</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/marks.py" line="117" />
        <source>退回</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/marks.py" line="118" />
        <source>待复审</source>
        <translation>Re-review</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/marks.py" line="124" />
        <source>在审核后修改</source>
        <translation>Edited after review</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/marks.py" line="141" />
        <source>已处理</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/marks.py" line="143" />
        <source>未处理</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/marks.py" line="173" />
        <location filename="../../kpi_editor/app/operations.py" line="451" />
        <source>审核状态：{status}</source>
        <translation>Review status: {status}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/marks.py" line="176" />
        <source>{edited}：{stamp}后内容有改动，待复审</source>
        <translation>{edited}: changed after {stamp}, to re-review</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/marks.py" line="184" />
        <source>第{row}行 </source>
        <translation>row {row} </translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/marks.py" line="197" />
        <source>审核意见：</source>
        <translation>Review comments:</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/app/operations.py" line="90" />
        <source>审核模式下表格内容只读：只能修改审核状态和审核意见。请在“审核”菜单中关闭审核模式后再修改内容。</source>
        <translation>In review mode the table content is read-only: only review status and comments can change. Turn review mode off in the Review menu to edit the content.</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/app/operations.py" line="97" />
        <source>审核状态和审核意见只能在审核模式下修改（“审核”菜单 ▸ 审核模式）。</source>
        <translation>Review status and comments can be changed in review mode only (Review ▸ Review Mode).</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/app/operations.py" line="453" />
        <source>批量设置审核状态：{status}（{count}个项目）</source>
        <translation>Set review status: {status} ({count} projects)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/app/operations.py" line="479" />
        <source>添加审核意见</source>
        <translation>Add review comment</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/app/operations.py" line="487" />
        <source>答复审核意见</source>
        <translation>Reply to a comment</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/app/operations.py" line="494" />
        <source>审核意见已处理</source>
        <translation>Review comment resolved</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/app/operations.py" line="496" />
        <source>审核意见改为未处理</source>
        <translation>Review comment reopened</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/app/operations.py" line="504" />
        <source>删除审核意见</source>
        <translation>Delete review comment</translation>
    </message>
</context>
<context><name>labels</name><message><source>合计</source><translation>Total</translation></message><message><source>财政拨款</source><translation>Fiscal appropriation</translation></message><message><source>上级补助</source><translation>Superior subsidy</translation></message><message><source>本级安排</source><translation>Local allocation</translation></message><message><source>上年结转资金</source><translation>Carry-over from last year</translation></message><message><source>非财政拨款</source><translation>Non-fiscal funds</translation></message><message><source>一级指标</source><translation>Level-1 indicator</translation></message><message><source>二级指标</source><translation>Level-2 indicator</translation></message><message><source>三级指标</source><translation>Level-3 indicator</translation></message><message><source>指标值</source><translation>Target value</translation></message><message><source>预算年度</source><translation>Fiscal year</translation></message><message><source>表样</source><translation>Form template</translation></message><message><source>标题</source><translation>Title</translation></message><message><source>编制单位</source><translation>Compiled by</translation></message><message><source>日期</source><translation>Date</translation></message><message><source>编制说明标题</source><translation>Preface title</translation></message><message><source>节标题</source><translation>Section heading</translation></message><message><source>节正文</source><translation>Section body</translation></message><message><source>项目名称</source><translation>Project name</translation></message><message><source>部门（单位）</source><translation>Department (unit)</translation></message><message><source>单位编码</source><translation>Unit code</translation></message><message><source>单位名称</source><translation>Unit name</translation></message><message><source>错误</source><translation>Error</translation></message><message><source>警告</source><translation>Warning</translation></message><message><source>建议</source><translation>Advice</translation></message></context></TS>
<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
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
        <location filename="../../kpi_editor/gui/widgets.py" line="45" />
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
        <location filename="../../kpi_editor/gui/pages/booklet.py" line="47" />
        <source>{year}年 · {template}</source>
        <translation>{year} · {template}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/pages/booklet.py" line="62" />
        <location filename="../../kpi_editor/gui/pages/booklet.py" line="87" />
        <source>（无标题）</source>
        <translation>(untitled)</translation>
    </message>
</context>
<context>
    <name>BookletTreeModel</name>
    <message>
        <location filename="../../kpi_editor/gui/tree/model.py" line="158" />
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/tree/model.py" line="158" />
        <source>合计（万元）</source>
        <translation>Total (10k CNY)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/tree/model.py" line="158" />
        <source>问题</source>
        <translation>Findings</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/tree/model.py" line="202" />
        <source>{count}个项目；{errors}个错误，{warnings}个警告</source>
        <translation>{count} projects; {errors} errors, {warnings} warnings</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/tree/model.py" line="212" />
        <source>（未命名项目）</source>
        <translation>(unnamed project)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/tree/model.py" line="237" />
        <source>（空行）</source>
        <translation>(empty row)</translation>
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
    <name>CountsLabel</name>
    <message>
        <location filename="../../kpi_editor/gui/findings/status.py" line="43" />
        <source>{departments} 个单位 · {projects} 个项目 · Σ合计 {total} 万元 · {errors} 个错误 · {warnings} 个警告</source>
        <translation>{departments} units · {projects} projects · Σ total {total} (10k CNY) · {errors} errors · {warnings} warnings</translation>
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
        <location filename="../../kpi_editor/gui/context.py" line="94" />
        <source>未命名</source>
        <translation>Untitled</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/context.py" line="119" />
        <source>保存失败</source>
        <translation>Save Failed</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/context.py" line="120" />
        <source>无法写入 {path}：{error}。原文件未改动。</source>
        <translation>Cannot write {path}: {error}. The original file is unchanged.</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/context.py" line="124" />
        <source>已保存到 {path}</source>
        <translation>Saved to {path}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/context.py" line="138" />
        <source>文件已被打开</source>
        <translation>File Already Open</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/context.py" line="140" />
        <source>“{path}”已在另一个编辑器窗口（进程 {pid}）中打开。同时编辑会互相覆盖修改。仍要打开吗？</source>
        <translation>“{path}” is open in another editor (process {pid}). Editing it in both places overwrites changes. Open it anyway?</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/context.py" line="156" />
        <location filename="../../kpi_editor/gui/context.py" line="160" />
        <source>无法打开文件</source>
        <translation>Cannot Open File</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/context.py" line="160" />
        <source>{path}：{error}</source>
        <translation>{path}: {error}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/context.py" line="195" />
        <source>无法恢复</source>
        <translation>Cannot Recover</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/context.py" line="217" />
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
        <location filename="../../kpi_editor/gui/exports/feature.py" line="60" />
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/exports/feature.py" line="60" />
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/exports/feature.py" line="66" />
        <source>正在导出 {name}…</source>
        <translation>Exporting {name}…</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <location filename="../../kpi_editor/gui/files/feature.py" line="27" />
        <source>新建(&amp;N)…</source>
        <translation>&amp;New…</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/files/feature.py" line="29" />
        <source>打开(&amp;O)…</source>
        <translation>&amp;Open…</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/files/feature.py" line="31" />
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/files/feature.py" line="32" />
        <source>另存为(&amp;A)…</source>
        <translation>Save &amp;As…</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/files/feature.py" line="34" />
        <source>关闭(&amp;C)</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/files/feature.py" line="37" />
        <source>导入 Excel 工作簿…</source>
        <translation>Import Excel Workbook…</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/files/feature.py" line="39" />
        <source>导入汇编文本…</source>
        <translation>Import Booklet Text…</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/files/feature.py" line="40" />
        <source>最近打开(&amp;R)</source>
        <translation>&amp;Recent Files</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/files/feature.py" line="82" />
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/files/feature.py" line="88" />
        <location filename="../../kpi_editor/gui/files/feature.py" line="106" />
        <source>无法导入</source>
        <translation>Cannot Import</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/files/feature.py" line="91" />
        <source>读入{projects}个项目；{errors}个错误，{notes}条提示。</source>
        <translation>Read {projects} projects; {errors} errors, {notes} notes.</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/files/feature.py" line="100" />
        <source>文本文件 (*.txt)</source>
        <translation>Text files (*.txt)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/files/feature.py" line="108" />
        <source>读入{projects}个项目；{issues}处需要核对。</source>
        <translation>Read {projects} projects; {issues} places to check.</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/files/feature.py" line="115" />
        <source>已导入 {path}</source>
        <translation>Imported {path}</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <location filename="../../kpi_editor/gui/findings/panel.py" line="114" />
        <source>级别</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/findings/panel.py" line="114" />
        <source>位置</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/findings/panel.py" line="114" />
        <source>说明</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/findings/panel.py" line="114" />
        <source>规则</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/findings/panel.py" line="125" />
        <source>错误</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/findings/panel.py" line="126" />
        <source>警告</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/findings/panel.py" line="127" />
        <source>提示</source>
        <translation>Info</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/findings/panel.py" line="142" />
        <source>第{row}行</source>
        <translation>row {row}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/findings/panel.py" line="147" />
        <source>全册</source>
        <translation>whole booklet</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <location filename="../../kpi_editor/gui/findings/panel.py" line="174" />
        <source>全部规则</source>
        <translation>All rules</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/findings/panel.py" line="239" />
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
    <name>ImportReportDialog</name>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/import_report.py" line="11" />
        <source>导入报告：{name}</source>
        <translation>Import report: {name}</translation>
    </message>
</context>
<context>
    <name>JobRunner</name>
    <message>
        <location filename="../../kpi_editor/gui/jobs.py" line="33" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/jobs.py" line="34" />
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/jobs.py" line="47" />
        <source>已导出到 {path}</source>
        <translation>Exported to {path}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/jobs.py" line="49" />
        <source>导出已取消，未写入文件</source>
        <translation>Export cancelled; nothing was written</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/jobs.py" line="51" />
        <source>导出失败</source>
        <translation>Export Failed</translation>
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
    <name>MainWindow</name>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="78" />
        <source>问题</source>
        <translation>Findings</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="81" />
        <source>&lt;打开时的状态&gt;</source>
        <translation>&lt;as opened&gt;</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="82" />
        <source>操作历史</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="108" />
        <source>关于(&amp;A)</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="106" />
        <source>退出(&amp;Q)</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="102" />
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="104" />
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="109" />
        <source>重新检查全册</source>
        <translation>Recheck Whole Booklet</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="107" />
        <source>设置…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="118" />
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="127" />
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="139" />
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="148" />
        <source>工具(&amp;T)</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="151" />
        <source>审核(&amp;R)</source>
        <translation>&amp;Review</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="152" />
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="187" />
        <source>未命名</source>
        <translation>Untitled</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="216" />
        <source>界面语言</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="216" />
        <source>界面语言在重新启动后切换。现在重新启动编辑器吗？</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="181" />
        <source>绩效目标表编辑器</source>
        <translation>Performance Target Editor</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/main_window.py" line="193" />
        <source>无法修改</source>
        <translation>Edit Refused</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="47" />
        <location filename="../../kpi_editor/gui/review/merge.py" line="129" />
        <source>汇编合并</source>
        <translation>Merge Booklets</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="53" />
        <source>选择各单位提交的项目文件（*.kpi.json）。已在汇编本中的单位不会被悄悄覆盖：每一处冲突都会显示差异并询问。</source>
        <translation>Choose the project files the units sent (*.kpi.json). A unit already in the booklet is never silently overwritten: every conflict shows its differences and asks.</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="61" />
        <source>添加文件…</source>
        <translation>Add Files…</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="63" />
        <source>添加文件夹…</source>
        <translation>Add Folder…</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="65" />
        <source>移除所选</source>
        <translation>Remove Selected</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="67" />
        <source>以当前打开的汇编本为基础</source>
        <translation>Start from the booklet that is open</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="75" />
        <source>合并</source>
        <translation>Merge</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="85" />
        <source>单位编码</source>
        <translation>Unit code</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="86" />
        <source>单位名称</source>
        <translation>Unit name</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="87" />
        <source>来源文件</source>
        <translation>Source file</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="88" />
        <source>项目数</source>
        <translation>Projects</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="89" />
        <source>合计（万元）</source>
        <translation>Total (10k CNY)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="90" />
        <source>说明</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="97" />
        <source>打开合并结果</source>
        <translation>Open Merged Booklet</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="118" />
        <source>选择项目文件</source>
        <translation>Choose Project Files</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="118" />
        <source>绩效目标表 (*.kpi.json *.json)</source>
        <translation>Performance target booklets (*.kpi.json *.json)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="123" />
        <source>选择包含项目文件的文件夹</source>
        <translation>Choose a Folder of Project Files</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="129" />
        <source>文件夹中没有 *.kpi.json 文件：{path}</source>
        <translation>No *.kpi.json files in the folder: {path}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="146" />
        <source>单位 {code} {name} 已在汇编本中（来自“{old}”），“{new}”中又有这个单位。</source>
        <translation>Unit {code} {name} is already in the booklet (from “{old}”) and “{new}” has it too.</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="154" />
        <source>  …另有 {count} 处不同</source>
        <translation>  … {count} more differences</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="157" />
        <source>用“{new}”中的版本替换吗？选“否”保留汇编本中原有的版本。</source>
        <translation>Replace it with the version in “{new}”? “No” keeps the version already in the booklet.</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="168" />
        <location filename="../../kpi_editor/gui/review/merge.py" line="172" />
        <source>无法读取文件</source>
        <translation>Cannot Read File</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="172" />
        <source>{path}：{error}</source>
        <translation>{path}: {error}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="177" />
        <source>当前汇编本</source>
        <translation>current booklet</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="189" />
        <source>单位重复：{code}</source>
        <translation>Duplicate unit: {code}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="196" />
        <source>保留；未采用“{new}”中的版本</source>
        <translation>kept; the version in “{new}” was not used</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="205" />
        <source>替换了“{old}”中的版本</source>
        <translation>replaced the version from “{old}”</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="212" />
        <source>无法合并</source>
        <translation>Cannot Merge</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="238" />
        <source>合并结果：{departments} 个单位、{projects} 个项目，Σ合计 {total} 万元。</source>
        <translation>Merged: {departments} units, {projects} projects, Σ total {total} (10k CNY).</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/merge.py" line="250" />
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
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../forms/new_booklet_dialog.ui" line="14" />
        <source>单位编码</source>
        <translation>Unit code</translation>
    </message>
    <message>
        <location filename="../../forms/new_booklet_dialog.ui" line="15" />
        <source>6位数字，如 116002（可以以后再填）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../forms/new_booklet_dialog.ui" line="16" />
        <source>单位名称</source>
        <translation>Unit name</translation>
    </message>
    <message>
        <location filename="../../forms/new_booklet_dialog.ui" line="17" />
        <source>如 攀枝花市西区社会保险事务中心（可以以后再填）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../forms/new_booklet_dialog.ui" line="18" />
        <source>新表从本单位的一个项目开始，按表样列好必填的二级指标。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../forms/new_booklet_dialog.ui" line="10" />
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
        <location filename="../../forms/project_editor.ui" line="57" />
        <source>在表尾添加一行（Ctrl+Enter）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../forms/project_editor.ui" line="58" />
        <source>插入行</source>
        <translation>Insert Row</translation>
    </message>
    <message>
        <location filename="../../forms/project_editor.ui" line="58" />
        <source>在所选行上方插入一行，属于同一个二级指标（Ctrl+Shift+=）</source>
        <translation type="unfinished" />
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
        <translation type="unfinished" />
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
        <location filename="../../kpi_editor/gui/pages/project.py" line="80" />
        <source>添加指标行</source>
        <translation>Add Indicator Row</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/pages/project.py" line="81" />
        <source>插入指标行</source>
        <translation>Insert indicator row</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/pages/project.py" line="82" />
        <source>删除行</source>
        <translation>Delete Row</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/pages/project.py" line="84" />
        <source>复制</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kpi_editor/gui/pages/project.py" line="87" />
        <source>粘贴</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kpi_editor/gui/pages/project.py" line="335" />
        <source>删除指标行</source>
        <translation>Indicator row removed</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/pages/project.py" line="336" />
        <source>删除所选的{count}个指标行？其中{filled}行有内容。删除后可以撤销（Ctrl+Z）。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kpi_editor/gui/pages/project.py" line="387" />
        <source>行</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kpi_editor/gui/pages/project.py" line="387" />
        <source>个单元格</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kpi_editor/gui/pages/project.py" line="388" />
        <source>已复制{count}{unit}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kpi_editor/gui/pages/project.py" line="407" />
        <source>剪贴板中没有可粘贴的内容</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kpi_editor/gui/pages/project.py" line="433" />
        <source>粘贴{count}行</source>
        <translation>Paste {count} row(s)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/pages/project.py" line="461" />
        <source>有{count}个单元格超出表格范围，没有粘贴</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kpi_editor/gui/pages/project.py" line="89" />
        <source>由分项计算财政拨款与合计</source>
        <translation>Compute Fiscal and Total from Parts</translation>
    </message>
</context>
<context>
    <name>Prompts</name>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="31" />
        <source>未保存的修改</source>
        <translation>Unsaved Changes</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="32" />
        <source>“{name}”有未保存的修改。是否保存？</source>
        <translation>“{name}” has unsaved changes. Save them?</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="33" />
        <source>不保存，修改将丢失。</source>
        <translation>If you don't save, the changes are lost.</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="34" />
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="35" />
        <source>不保存</source>
        <translation>Don't Save</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="36" />
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="101" />
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="121" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="61" />
        <source>打开绩效目标表</source>
        <translation>Open Performance Target Booklet</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="61" />
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="67" />
        <source>绩效目标表 (*.kpi.json *.json)</source>
        <translation>Performance target booklets (*.kpi.json *.json)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="67" />
        <source>另存为</source>
        <translation>Save As</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="75" />
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="79" />
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="92" />
        <source>导出范围</source>
        <translation>Export Scope</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="93" />
        <source>导出哪些表？</source>
        <translation>Which tables should be exported?</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="95" />
        <source>当前项目：{name}</source>
        <translation>Current project: {name}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="98" />
        <source>当前单位：{name}</source>
        <translation>Current unit: {name}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="100" />
        <source>全册</source>
        <translation>whole booklet</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="116" />
        <source>导出前检查</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="117" />
        <source>要导出的表中还有 {count} 个错误，财政局审核时会被退回。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="118" />
        <source>建议先查看并改正这些问题。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="119" />
        <source>查看问题</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="120" />
        <source>仍然导出</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="139" />
        <source>未命名的新文件</source>
        <translation>an unsaved new booklet</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="142" />
        <source>恢复未保存的修改</source>
        <translation>Recover Unsaved Changes</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="144" />
        <source>上次编辑器意外退出，“{name}”有 {time} 自动保存的修改。是否恢复？</source>
        <translation>The editor quit unexpectedly. “{name}” has changes autosaved at {time}. Recover them?</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="148" />
        <source>恢复</source>
        <translation>Recover</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="149" />
        <source>丢弃</source>
        <translation>Discard</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="152" />
        <source>恢复：打开自动保存的内容（保存后覆盖原文件）。丢弃：删除自动保存。以后再说：保留自动保存，下次再问。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kpi_editor/gui/dialogs/prompts.py" line="155" />
        <source>以后再说</source>
        <translation>Later</translation>
    </message>
</context>
<context>
    <name>ReviewFeature</name>
    <message>
        <location filename="../../kpi_editor/gui/review/feature.py" line="32" />
        <source>审核</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/feature.py" line="38" />
        <source>内容指纹：与打印页脚上的指纹相同，即为同一版本的内容（不含审核状态）</source>
        <translation>Content fingerprint: the same as on a printed page's footer means the same content (review state not included)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/feature.py" line="47" />
        <source>审核模式</source>
        <translation>Review Mode</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/feature.py" line="49" />
        <source>表格内容只读，只能修改审核状态和审核意见</source>
        <translation>Table content is read-only; only review status and comments change</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/feature.py" line="51" />
        <source>比较版本…</source>
        <translation>Compare Versions…</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/feature.py" line="52" />
        <source>汇编合并…</source>
        <translation>Merge Booklets…</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/feature.py" line="53" />
        <source>导出审核报告…</source>
        <translation>Export Review Report…</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/feature.py" line="101" />
        <source>审核模式：表格内容只读，只能修改审核状态和审核意见</source>
        <translation>Review mode: table content is read-only; only review status and comments change</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/feature.py" line="140" />
        <source>项目指纹 {fp}</source>
        <translation>Project fingerprint {fp}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/feature.py" line="141" />
        <source>全册指纹 {fp}</source>
        <translation>Booklet fingerprint {fp}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/feature.py" line="178" />
        <source>Excel 工作簿 (*.xlsx);;PDF 文件 (*.pdf)</source>
        <translation>Excel workbooks (*.xlsx);;PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/feature.py" line="193" />
        <source>正在导出审核报告 {name}…</source>
        <translation>Exporting review report {name}…</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <location filename="../../kpi_editor/gui/review/panel.py" line="50" />
        <source>审核状态</source>
        <translation>Review status</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/panel.py" line="53" />
        <source>已处理</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/panel.py" line="53" />
        <source>位置</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/panel.py" line="53" />
        <source>审核意见</source>
        <translation>Review comment</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/panel.py" line="64" />
        <source>写下审核意见，例如：指标值应量化，请补充具体数量</source>
        <translation>Write a review comment, e.g. the target value should be measurable: add a quantity</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/panel.py" line="69" />
        <location filename="../../kpi_editor/gui/review/panel.py" line="74" />
        <source>审核人</source>
        <translation>Reviewer</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/panel.py" line="70" />
        <source>添加意见</source>
        <translation>Add Comment</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/panel.py" line="72" />
        <source>删除所选意见</source>
        <translation>Delete Selected Comment</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/panel.py" line="131" />
        <source>选择一个项目以查看审核状态和审核意见</source>
        <translation>Select a project to see its review status and comments</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/panel.py" line="140" />
        <source>第{row}行 {name}</source>
        <translation>row {row} {name}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/panel.py" line="144" />
        <source>整个项目</source>
        <translation>whole project</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/panel.py" line="163" />
        <source>新意见针对：第{row}行 {name}</source>
        <translation>New comment on: row {row} {name}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/review/panel.py" line="168" />
        <source>新意见针对：整个项目（在表格中选中一行可针对该行）</source>
        <translation>New comment on: the whole project (select a row in the table to comment on it)</translation>
    </message>
</context>
<context>
    <name>RowSuggester</name>
    <message>
        <location filename="../../kpi_editor/gui/library/inplace.py" line="185" />
        <source>推荐指标：↓/↑ 选择，回车或单击填入整行，Esc 关闭列表，继续输入则照常输入</source>
        <translation>Suggestions: ↓/↑ choose, Enter or a click fills the row, Esc closes the list, typing on just types</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/library/inplace.py" line="270" />
        <source>已填入“{name}”：请把指标值中的□换成数字（Ctrl+Z 可撤销）</source>
        <translation>Filled in “{name}”: replace the □ in its target value with numbers (Ctrl+Z undoes)</translation>
    </message>
</context>
<context>
    <name>SearchBar</name>
    <message>
        <location filename="../../kpi_editor/gui/search/bar.py" line="23" />
        <source>查找名称、指标和指标值（回车查找下一个）</source>
        <translation>Find in names, indicators and values (Enter: next)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/search/bar.py" line="32" />
        <source>查找(&amp;F)…</source>
        <translation>&amp;Find…</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/search/bar.py" line="35" />
        <source>查找下一个</source>
        <translation>Find Next</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/search/bar.py" line="67" />
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
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="16" />
        <source> 磅</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="16" />
        <source>整个窗口的文字大小；“视图”菜单中的放大、缩小（Ctrl+= / Ctrl+-）在此基础上缩放</source>
        <translation type="unfinished" />
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
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="26" />
        <source>停止输入 </source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="26" />
        <source> 秒后</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="26" />
        <source>意外退出后，下次打开文件时可以恢复到这一刻的内容</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="29" />
        <source>界面语言在重新启动后生效；其他设置立即生效。</source>
        <translation type="unfinished" />
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
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kpi_editor/gui/tree/actions.py" line="113" />
        <source>删除单位“{code} {name}”及其{projects}个项目（共{rows}个指标行）？</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kpi_editor/gui/tree/actions.py" line="120" />
        <source>删除项目“{name}”及其{rows}个指标行？</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kpi_editor/gui/tree/actions.py" line="127" />
        <source>删除第{row}行“{name}”？</source>
        <translation type="unfinished" />
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
    <name>TreePanel</name>
    <message>
        <location filename="../../kpi_editor/gui/tree/panel.py" line="44" />
        <source>封面与编制说明</source>
        <translation>Cover and Preface</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/tree/panel.py" line="46" />
        <source>仅显示有问题的项目</source>
        <translation>Only projects with findings</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/tree/panel.py" line="49" />
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/tree/panel.py" line="52" />
        <source>按审核状态筛选项目</source>
        <translation>Filter projects by review status</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/tree/panel.py" line="56" />
        <source>审核状态</source>
        <translation>Review status</translation>
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
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kpi_editor/gui/zoom.py" line="29" />
        <source>缩小</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kpi_editor/gui/zoom.py" line="30" />
        <source>实际大小</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kpi_editor/gui/zoom.py" line="57" />
        <source>缩放 {percent}%</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>commands</name>
    <message>
        <location filename="../../kpi_editor/app/commands.py" line="49" />
        <source>“{field}”的值无效：{reason}</source>
        <translation>Invalid value for “{field}”: {reason}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/app/commands.py" line="60" />
        <source>修改{field}</source>
        <translation>Edit {field}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/app/commands.py" line="96" />
        <source>插入{count}行</source>
        <translation>Insert {count} row(s)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/app/commands.py" line="112" />
        <source>删除{count}行</source>
        <translation>Delete {count} row(s)</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/app/commands.py" line="139" />
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
        <location filename="../../kpi_editor/app/operations.py" line="235" />
        <source>无法执行“{what}”：{reason}</source>
        <translation>Cannot do “{what}”: {reason}</translation>
    </message>
</context>
<context>
    <name>review</name>
    <message>
        <location filename="../../kpi_editor/gui/marks.py" line="89" />
        <source>未审核</source>
        <translation>Not reviewed</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/marks.py" line="90" />
        <source>审核通过</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/marks.py" line="91" />
        <source>退回修改</source>
        <translation>Returned for changes</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/marks.py" line="97" />
        <source>已处理</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/marks.py" line="99" />
        <source>未处理</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/marks.py" line="129" />
        <location filename="../../kpi_editor/app/operations.py" line="407" />
        <source>审核状态：{status}</source>
        <translation>Review status: {status}</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/marks.py" line="135" />
        <source>第{row}行 </source>
        <translation>row {row} </translation>
    </message>
    <message>
        <location filename="../../kpi_editor/gui/marks.py" line="148" />
        <source>审核意见：</source>
        <translation>Review comments:</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/app/operations.py" line="77" />
        <source>审核模式下表格内容只读：只能修改审核状态和审核意见。请在“审核”菜单中关闭审核模式后再修改内容。</source>
        <translation>In review mode the table content is read-only: only review status and comments can change. Turn review mode off in the Review menu to edit the content.</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/app/operations.py" line="84" />
        <source>审核状态和审核意见只能在审核模式下修改（“审核”菜单 ▸ 审核模式）。</source>
        <translation>Review status and comments can be changed in review mode only (Review ▸ Review Mode).</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/app/operations.py" line="419" />
        <source>添加审核意见</source>
        <translation>Add review comment</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/app/operations.py" line="426" />
        <source>审核意见已处理</source>
        <translation>Review comment resolved</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/app/operations.py" line="428" />
        <source>审核意见改为未处理</source>
        <translation>Review comment reopened</translation>
    </message>
    <message>
        <location filename="../../kpi_editor/app/operations.py" line="436" />
        <source>删除审核意见</source>
        <translation>Delete review comment</translation>
    </message>
</context>
<context><name>labels</name><message><source>合计</source><translation>Total</translation></message><message><source>财政拨款</source><translation>Fiscal appropriation</translation></message><message><source>上级补助</source><translation>Superior subsidy</translation></message><message><source>本级安排</source><translation>Local allocation</translation></message><message><source>上年结转资金</source><translation>Carry-over from last year</translation></message><message><source>非财政拨款</source><translation>Non-fiscal funds</translation></message><message><source>一级指标</source><translation>Level-1 indicator</translation></message><message><source>二级指标</source><translation>Level-2 indicator</translation></message><message><source>三级指标</source><translation>Level-3 indicator</translation></message><message><source>指标值</source><translation>Target value</translation></message><message><source>预算年度</source><translation>Fiscal year</translation></message><message><source>表样</source><translation>Form template</translation></message><message><source>标题</source><translation>Title</translation></message><message><source>编制单位</source><translation>Compiled by</translation></message><message><source>日期</source><translation>Date</translation></message><message><source>编制说明标题</source><translation>Preface title</translation></message><message><source>节标题</source><translation>Section heading</translation></message><message><source>节正文</source><translation>Section body</translation></message><message><source>项目名称</source><translation>Project name</translation></message><message><source>部门（单位）</source><translation>Department (unit)</translation></message><message><source>单位编码</source><translation>Unit code</translation></message><message><source>单位名称</source><translation>Unit name</translation></message></context></TS>
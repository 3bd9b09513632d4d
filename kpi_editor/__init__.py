"""kpi-editor: author, check and print 部门（单位）预算项目支出绩效目标表."""

__version__ = "0.1.0"

"""文件 ▸ 表样转换…: the open booklet in another form, shown as a mapping report before anything is made.

The conversion (``domain/retemplate.convert_booklet``) maps 一级/二级, reads free-text 指标值 into the
new form's parts, restates cost amounts in its 元 or 万元 and puts each table's rows in its order;
转换 opens the result as a new unsaved document and leaves the open one as it is (a form for another
recipient is another document, and the rows move). The in-place change with one undo step is the
cover's 更换表样…, which uses the same mapping.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kpi_editor.domain.retemplate import Conversion, convert_booklet
from kpi_editor.domain.template import FormTemplate, available_templates
from kpi_editor.gui.context import EditorContext
from kpi_editor.gui.dialogs.change_report import ReportView

REFRESH_MS = 150  # the report follows the choice once the clerk stops scrolling the list


def describe(template: FormTemplate) -> str:
    """What a clerk needs to know of a form before choosing it: its columns, targets and money."""
    columns = " | ".join(c.label for c in template.columns)
    sets = "、".join(s.label for s in template.target_sets)
    text = f"{template.description}\n列：{columns}；目标：{sets}；金额单位：{template.currency.unit}"
    if template.weights is not None:
        reserved = "".join(f"，另{r.label}{r.points}分" for r in template.weights.reserved)
        text += f"；权重合计{template.weights.total}分{reserved}"
    return text


class ConvertDialog(QDialog):
    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        assert context.document is not None
        self.context = context
        self.document = context.document
        self.conversion: Conversion | None = None
        self.setWindowTitle(self.tr("表样转换"))
        self.resize(1060, 660)
        layout = QVBoxLayout(self)
        controls = QFormLayout()
        layout.addLayout(controls)
        current = self.document.template
        controls.addRow(self.tr("当前表样"), QLabel(f"{current.name}（{current.version}）", self))
        self.template_combo = QComboBox(self)
        for template in available_templates().values():
            if template.id != current.id:
                self.template_combo.addItem(f"{template.name}（{template.version}）", template.id)
        controls.addRow(self.tr("转换为"), self.template_combo)
        self.description = QLabel(self)
        self.description.setWordWrap(True)
        controls.addRow(self.tr("说明"), self.description)
        self.view = ReportView(context, self)
        # The places are cells of the converted booklet, not of the open one: nothing to go to yet
        # (the report opens again beside the new document, where they are).
        self.view.go_button.hide()
        for table in (self.view.check_table, self.view.changed_table, self.view.kept_table):
            table.doubleClicked.disconnect()
        layout.addWidget(self.view, 1)
        note = QLabel(self.tr("转换结果作为新文档打开（未保存），当前文件不变。"), self)
        buttons = QHBoxLayout()
        self.export_button = QPushButton(self.tr("导出报告…"), self)
        self.export_button.clicked.connect(self._export)
        self.convert_button = QPushButton(self.tr("转换"), self)
        self.convert_button.setDefault(True)
        self.convert_button.clicked.connect(self.accept)
        cancel = QPushButton(self.tr("取消"), self)
        cancel.clicked.connect(self.reject)
        buttons.addWidget(self.export_button)
        buttons.addWidget(note, 1)
        buttons.addWidget(self.convert_button)
        buttons.addWidget(cancel)
        layout.addLayout(buttons)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self.template_combo.currentIndexChanged.connect(self._schedule)
        self.refresh()

    def choose(self, template_id: str) -> None:
        self.template_combo.setCurrentIndex(max(0, self.template_combo.findData(template_id)))
        self.refresh()

    def _schedule(self) -> None:
        self.convert_button.setEnabled(False)  # until the report shows what 转换 would make
        self._timer.start()

    def refresh(self) -> None:
        self._timer.stop()
        templates = available_templates()
        template = templates.get(str(self.template_combo.currentData()))
        if template is None:
            self.conversion = None
            self.convert_button.setEnabled(False)
            return
        self.description.setText(describe(template))
        self.conversion = convert_booklet(self.document.booklet, template, self.document.template)
        self.view.set_report(self.conversion.report)
        self.convert_button.setEnabled(True)

    def _export(self) -> None:
        name = self.tr("{stem}-表样转换报告.json").format(stem=self.document.file_stem)
        self.view.export(self.context.work_folder() / name)

    def accept(self) -> None:
        if self._timer.isActive():
            self.refresh()
        if self.conversion is not None:
            super().accept()


__all__ = ["ConvertDialog", "describe"]

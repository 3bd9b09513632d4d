"""The one object through which the editor asks the user anything (tests replace it).

As in git-cola, windows never call QMessageBox/QFileDialog directly: they call a method here,
so a test swaps in an object with scripted answers and drives the real window.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any, Literal

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMessageBox, QWidget

from kpi_editor.app.autosave import AutosaveInfo
from kpi_editor.app.operations import ApprovalAnswer
from kpi_editor.domain.approval import StatusBlocker
from kpi_editor.gui.dialogs.new_booklet import NewBooklet

SaveChoice = Literal["save", "discard", "cancel"]
ExportScope = Literal["project", "department", "booklet"]
BLOCKERS_SHOWN = 8  # projects with errors named in the question before approving


class Prompts(QObject):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.window = parent

    def save_changes(self, name: str) -> SaveChoice:
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("未保存的修改"))
        box.setText(self.tr("“{name}”有未保存的修改。是否保存？").format(name=name))
        box.setInformativeText(self.tr("不保存，修改将丢失。"))
        save = box.addButton(self.tr("保存"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(self.tr("不保存"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("取消"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(save)
        box.exec()
        clicked = box.clickedButton()
        if clicked is save:
            return "save"
        if clicked is discard:
            return "discard"
        return "cancel"

    def error(self, title: str, text: str) -> None:
        QMessageBox.critical(self.window, title, text)

    def warning(self, title: str, text: str) -> None:
        QMessageBox.warning(self.window, title, text)

    def info(self, title: str, text: str) -> None:
        QMessageBox.information(self.window, title, text)

    def confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self.window, title, text)
        return answer == QMessageBox.StandardButton.Yes

    def open_path(self, directory: str = "") -> Path | None:
        path, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("打开绩效目标表"), directory, self.tr("绩效目标表 (*.kpi.json *.json)")
        )
        return Path(path) if path else None

    def save_path(self, suggested: str = "") -> Path | None:
        path, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("另存为"), suggested, self.tr("绩效目标表 (*.kpi.json *.json)")
        )
        if not path:
            return None
        result = Path(path)
        return result if result.name.endswith(".json") else result.with_name(result.name + ".kpi.json")

    def export_path(self, suggested: str, file_filter: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("导出"), suggested, file_filter)
        return Path(path) if path else None

    def folder_path(self, title: str, directory: str = "") -> Path | None:
        folder = QFileDialog.getExistingDirectory(self.window, title, directory)
        return Path(folder) if folder else None

    def import_path(self, file_filter: str) -> Path | None:
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("导入"), "", file_filter)
        return Path(path) if path else None

    def import_report(self, source: str, summary: str, lines: list[str]) -> None:
        """The issues an import found, in a read-only list; the document is already open."""
        from kpi_editor.gui.dialogs.import_report import ImportReportDialog

        ImportReportDialog(source, summary, lines, self.window).exec()

    def export_scope(
        self, department: str, project: str, purpose: Literal["export", "print"] = "export"
    ) -> ExportScope | None:
        """What to export (or print) when a project is selected: the project, its department or everything."""
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Question)
        if purpose == "print":
            box.setWindowTitle(self.tr("打印范围"))
            box.setText(self.tr("打印哪些表？"))
        else:
            box.setWindowTitle(self.tr("导出范围"))
            box.setText(self.tr("导出哪些表？"))
        project_button = box.addButton(
            self.tr("当前项目：{name}").format(name=project), QMessageBox.ButtonRole.YesRole
        )
        department_button = box.addButton(
            self.tr("当前单位：{name}").format(name=department), QMessageBox.ButtonRole.YesRole
        )
        booklet_button = box.addButton(self.tr("全册"), QMessageBox.ButtonRole.YesRole)
        box.addButton(self.tr("取消"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        clicked = box.clickedButton()
        if clicked is project_button:
            return "project"
        if clicked is department_button:
            return "department"
        if clicked is booklet_button:
            return "booklet"
        return None

    def print_setup(
        self, printer: Any, pages: int, current: int | None, parent: QWidget | None = None
    ) -> bool:
        """The system's print dialog on `printer` (a QPrinter): printer, copies, page range (the
        preview's page `current` as 当前页), duplex; True when the user pressed 打印."""
        from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog

        option = QAbstractPrintDialog.PrintDialogOption
        dialog = QPrintDialog(printer, parent or self.window)
        options = (
            option.PrintToFile | option.PrintPageRange | option.PrintCollateCopies | option.PrintShowPageSize
        )
        if current is None:
            dialog.setWindowTitle(self.tr("打印（共 {pages} 页）").format(pages=pages))
        else:
            options |= option.PrintCurrentPage
            dialog.setWindowTitle(
                self.tr("打印（共 {pages} 页，预览中为第 {current} 页）").format(
                    pages=pages, current=current + 1
                )
            )
        dialog.setOptions(options)
        dialog.setMinMax(1, pages)
        return bool(dialog.exec() == QDialog.DialogCode.Accepted)

    def export_with_errors(self, errors: int) -> Literal["view", "export"] | None:
        """Before exporting tables that still have errors: 查看问题, 仍然导出 or cancel."""
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("导出前检查"))
        box.setText(
            self.tr("要导出的表中还有 {count} 个错误和警告，财政局审核时会问到或退回。").format(count=errors)
        )
        box.setInformativeText(self.tr("建议先查看并改正这些问题。"))
        view = box.addButton(self.tr("查看问题"), QMessageBox.ButtonRole.AcceptRole)
        export = box.addButton(self.tr("仍然导出"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("取消"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(view)
        box.exec()
        if box.clickedButton() is view:
            return "view"
        if box.clickedButton() is export:
            return "export"
        return None

    def new_booklet(self, template_id: str = "") -> NewBooklet | None:
        """Template, fiscal year and the clerk's unit for 文件 ▸ 新建, or None when cancelled."""
        from kpi_editor.gui.dialogs.new_booklet import NewBookletDialog

        dialog = NewBookletDialog(date.today().year + 1, self.window, template_id)
        return dialog.choice() if dialog.exec() else None

    def recover(self, info: AutosaveInfo) -> bool | None:
        """True: recover; False: discard the autosave; None: keep it for later."""
        name = str(info.original) if info.original else self.tr("未命名的新文件")
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("恢复未保存的修改"))
        box.setText(
            self.tr("上次编辑器意外退出，“{name}”有 {time} 自动保存的修改。是否恢复？").format(
                name=name, time=info.saved_at_text
            )
        )
        recover = box.addButton(self.tr("恢复"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(self.tr("丢弃"), QMessageBox.ButtonRole.DestructiveRole)
        box.setInformativeText(
            self.tr(
                "恢复：打开自动保存的内容（保存后覆盖原文件）。丢弃：删除自动保存。以后再说：保留自动保存，下次再问。"
            )
        )
        box.addButton(self.tr("以后再说"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is recover:
            return True
        if box.clickedButton() is discard:
            return False
        return None

    def approve_with_errors(self, blockers: Sequence[StatusBlocker], total: int) -> ApprovalAnswer:
        """Before approving projects that still have errors: approve them all, only the ones
        without errors (when there are any), or cancel."""
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("审核通过前检查"))
        if total == 1:
            box.setText(
                self.tr("项目“{name}”还有 {count} 个错误。仍要审核通过吗？").format(
                    name=blockers[0].project, count=len(blockers[0].errors)
                )
            )
        else:
            box.setText(
                self.tr("要审核通过的 {total} 个项目中，有 {count} 个还有错误。").format(
                    total=total, count=len(blockers)
                )
            )
        lines = [
            self.tr("{unit}“{name}”：{count} 个错误，如：{first}").format(
                unit=b.department, name=b.project, count=len(b.errors), first=b.errors[0].message
            )
            for b in blockers[:BLOCKERS_SHOWN]
        ]
        if len(blockers) > BLOCKERS_SHOWN:
            lines.append(self.tr("…另有 {count} 个").format(count=len(blockers) - BLOCKERS_SHOWN))
        box.setInformativeText("\n".join(lines))
        approve_all = box.addButton(self.tr("仍然审核通过"), QMessageBox.ButtonRole.DestructiveRole)
        clean = None
        if total > len(blockers):
            clean = box.addButton(
                self.tr("只通过没有错误的 {count} 个").format(count=total - len(blockers)),
                QMessageBox.ButtonRole.AcceptRole,
            )
        cancel = box.addButton(self.tr("取消"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)
        box.exec()
        if box.clickedButton() is approve_all:
            return "all"
        if clean is not None and box.clickedButton() is clean:
            return "without_errors"
        return None

    def choose(self, title: str, text: str, options: list[str]) -> int | None:
        """One of `options` (its index), or None when cancelled."""
        chosen, ok = QInputDialog.getItem(self.window, title, text, options, 0, False)
        return options.index(chosen) if ok and chosen in options else None

"""汇编合并: compile the files units submitted into one booklet.

Files are merged in the order listed (``merge_booklets`` puts departments in code order). A
department that is already in the booklet is never overwritten silently: for each such conflict
the user sees the difference and answers replace (yes) or keep (no) through ``prompts.confirm``.
The result lists which department came from which file and opens as a new unsaved document.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kpi_editor.app.document import Document
from kpi_editor.domain.merge import MergeConflict, MergeError, merge_booklets
from kpi_editor.domain.model import Booklet
from kpi_editor.gui.context import EditorContext
from kpi_editor.io.errors import FileFormatError
from kpi_editor.io.projectfile import load_booklet

CONFLICT_LINES = 20


class MergeDialog(QDialog):
    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.prompts = context.prompts
        self.paths: list[Path] = []
        self.merged: Booklet | None = None
        # code -> (source file, note such as "替换了 A.kpi.json 中的版本")
        self.origins: dict[str, tuple[str, str]] = {}
        self.setWindowTitle(self.tr("汇编合并"))
        self.resize(900, 620)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr(
                    "选择各单位提交的项目文件（*.kpi.json）。已在汇编本中的单位不会被悄悄覆盖：每一处冲突都会显示差异并询问。"
                ),
                self,
            )
        )
        self.file_list = QListWidget(self)
        layout.addWidget(self.file_list, 1)
        row = QHBoxLayout()
        add_files = QPushButton(self.tr("添加文件…"), self)
        add_files.clicked.connect(self._choose_files)
        add_folder = QPushButton(self.tr("添加文件夹…"), self)
        add_folder.clicked.connect(self._choose_folder)
        remove = QPushButton(self.tr("移除所选"), self)
        remove.clicked.connect(self._remove_selected)
        self.base_check = QCheckBox(self.tr("以当前打开的汇编本为基础"), self)
        self.base_check.setEnabled(context.document is not None)
        row.addWidget(add_files)
        row.addWidget(add_folder)
        row.addWidget(remove)
        row.addStretch(1)
        row.addWidget(self.base_check)
        layout.addLayout(row)
        self.merge_button = QPushButton(self.tr("合并"), self)
        self.merge_button.clicked.connect(self.run_merge)
        layout.addWidget(self.merge_button)
        self.summary_label = QLabel(self)
        self.summary_label.setWordWrap(True)
        layout.addWidget(self.summary_label)
        self.result_tree = QTreeWidget(self)
        self.result_tree.setRootIsDecorated(False)
        self.result_tree.setHeaderLabels(
            [
                self.tr("单位编码"),
                self.tr("单位名称"),
                self.tr("来源文件"),
                self.tr("项目数"),
                self.tr("合计（万元）"),
                self.tr("说明"),
            ]
        )
        for column, width in enumerate((80, 220, 200, 60, 110)):
            self.result_tree.header().resizeSection(column, width)
        layout.addWidget(self.result_tree, 2)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.open_button = buttons.addButton(self.tr("打开合并结果"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self.open_result)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._update_buttons()

    # -- files ----------------------------------------------------------------------------------

    def add_paths(self, paths: list[Path]) -> None:
        """Files are added as given; a folder adds its ``*.kpi.json`` files in name order."""
        for path in paths:
            found = sorted(path.glob("*.kpi.json")) if path.is_dir() else [path]
            for file in found:
                if file not in self.paths:
                    self.paths.append(file)
                    self.file_list.addItem(str(file))
        self._update_buttons()

    def _choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self, self.tr("选择项目文件"), "", self.tr("绩效目标表 (*.kpi.json *.json)")
        )
        self.add_paths([Path(name) for name in names])

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("选择包含项目文件的文件夹"))
        if folder:
            before = len(self.paths)
            self.add_paths([Path(folder)])
            if len(self.paths) == before:
                self.prompts.info(
                    self.tr("汇编合并"), self.tr("文件夹中没有 *.kpi.json 文件：{path}").format(path=folder)
                )

    def _remove_selected(self) -> None:
        for item in self.file_list.selectedItems():
            self.paths.remove(Path(item.text()))
            self.file_list.takeItem(self.file_list.row(item))
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.merge_button.setEnabled(bool(self.paths))
        self.open_button.setEnabled(self.merged is not None)

    # -- merging --------------------------------------------------------------------------------

    def conflict_text(self, conflict: MergeConflict, existing_source: str) -> str:
        lines = [
            self.tr("单位 {code} {name} 已在汇编本中（来自“{old}”），“{new}”中又有这个单位。").format(
                code=conflict.code, name=conflict.name, old=existing_source, new=conflict.new_source
            ),
            conflict.summary,
        ]
        lines += [f"  · {change.describe()}" for change in conflict.changes[:CONFLICT_LINES]]
        if len(conflict.changes) > CONFLICT_LINES:
            lines.append(
                self.tr("  …另有 {count} 处不同").format(count=len(conflict.changes) - CONFLICT_LINES)
            )
        lines.append(
            self.tr("用“{new}”中的版本替换吗？选“否”保留汇编本中原有的版本。").format(new=conflict.new_source)
        )
        return "\n".join(lines)

    def run_merge(self) -> Booklet | None:
        """Merge the listed files, asking about every conflicting department; None when refused."""
        submissions: list[tuple[str, Booklet]] = []
        for path in self.paths:
            try:
                submissions.append((path.name, load_booklet(path)))
            except FileFormatError as exc:
                self.prompts.error(self.tr("无法读取文件"), str(exc))
                return None
            except OSError as exc:
                self.prompts.error(
                    self.tr("无法读取文件"), self.tr("{path}：{error}").format(path=path, error=exc)
                )
                return None
        document = self.context.document
        use_base = self.base_check.isChecked() and document is not None
        base_label = (document.display_name if document is not None else "") or self.tr("当前汇编本")
        current: Booklet | None = document.booklet if use_base and document is not None else None
        origins = {d.code: (base_label, "") for d in current.departments} if current is not None else {}
        try:
            for source, booklet in submissions:
                trial = merge_booklets(current, [(source, booklet)], base_source=base_label)
                conflicting = {c.code for c in trial.conflicts}
                accepted = set()
                for conflict in trial.conflicts:
                    # merge_booklets names the base for everything merged so far; we know the file.
                    existing = origins.get(conflict.code, (conflict.existing_source, ""))[0]
                    if self.prompts.confirm(
                        self.tr("单位重复：{code}").format(code=conflict.code),
                        self.conflict_text(conflict, existing),
                    ):
                        accepted.add(conflict.code)
                    else:
                        origins[conflict.code] = (
                            existing,
                            self.tr("保留；未采用“{new}”中的版本").format(new=source),
                        )
                incoming = booklet.model_copy(deep=True)
                incoming.departments = [
                    d for d in incoming.departments if d.code not in conflicting or d.code in accepted
                ]
                merged = merge_booklets(current, [(source, incoming)], replace=True, base_source=base_label)
                for department in incoming.departments:
                    note = (
                        self.tr("替换了“{old}”中的版本").format(old=origins[department.code][0])
                        if department.code in accepted
                        else ""
                    )
                    origins[department.code] = (source, note)
                current = merged.booklet
        except MergeError as exc:
            self.prompts.error(self.tr("无法合并"), str(exc))
            return None
        assert current is not None
        self.merged = current
        self.origins = origins
        self._show_result(current)
        self._update_buttons()
        return current

    def _show_result(self, booklet: Booklet) -> None:
        self.result_tree.clear()
        for department in booklet.departments:
            source, note = self.origins.get(department.code, ("", ""))
            total = department.total()
            QTreeWidgetItem(
                self.result_tree,
                [
                    department.code,
                    department.name,
                    source,
                    str(len(department.projects)),
                    format(total, "f"),
                    note,
                ],
            )
        self.summary_label.setText(
            self.tr("合并结果：{departments} 个单位、{projects} 个项目，Σ合计 {total} 万元。").format(
                departments=len(booklet.departments),
                projects=booklet.project_count,
                total=format(booklet.total(), "f"),
            )
        )

    def open_result(self) -> bool:
        """Open the merged booklet as a new, unsaved document (the user chooses where to save it)."""
        if self.merged is None:
            return False
        document = Document(self.merged.model_copy(deep=True), None)
        if not self.context.open_unsaved(document, self.tr("已打开合并结果（未保存）")):
            return False
        self.accept()
        return True

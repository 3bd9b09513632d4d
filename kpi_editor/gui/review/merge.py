"""汇编合并: compile the files units submitted (or resubmitted) into one booklet.

Each file is read when it is added (``load_submission``: a workbook or a PDF is refused at once,
with what to do instead) and its submission manifest is checked (``check_submission``): a manifest
that does not match its content, or a unit not on the list of expected units, is merged only when
the reviewer says yes. Files are then merged one by one with ``merge_submissions``; a unit already
in the booklet with other content is never replaced silently: the reviewer sees the difference and
answers replace (yes) or keep (no). Replacing carries the reviewer's work over (statuses whose
content did not change stay, changed projects become 已修改待复审 with their comments), and the
result says per unit what happened to its review state, and which expected units are missing.

Merged into the open booklet (the default) the result opens in its place, unsaved: 保存 writes it
over the booklet's file. Without a base it opens as a new file, after asking whose cover and
编制说明 to keep when the files differ.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
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
from kpi_editor.domain.merge import (
    FRONT_BLANK,
    MergeConflict,
    MergedDepartment,
    MergeError,
    front_matter_choices,
    merge_booklets,
)
from kpi_editor.domain.model import Booklet
from kpi_editor.domain.resubmission import CarryOutcome, ProjectCarry, UnitCarry
from kpi_editor.domain.submission import (
    ProblemKind,
    Submission,
    SubmissionProblem,
    UnitRef,
    check_submission,
    merge_submissions,
)
from kpi_editor.domain.template import FormTemplate, TemplateError, load_template
from kpi_editor.gui.context import EditorContext
from kpi_editor.gui.marks import status_icon, status_text
from kpi_editor.io.errors import FileFormatError
from kpi_editor.io.submission import load_submission, read_unit_list

CONFLICT_LINES = 20
MISSING_SHOWN = 30
# Outcomes worth opening a unit's row for: the reviewer has something to look at again.
NEWS = {
    CarryOutcome.CHANGED,
    CarryOutcome.STILL_CHANGED,
    CarryOutcome.RESTORED,
    CarryOutcome.REMOVED,
    CarryOutcome.UNREVIEWED_CHANGED,
}
# Nothing the reviewer gave was touched: shown in grey under the unit.
QUIET = {CarryOutcome.UNREVIEWED}
SOURCE, UNIT, SUBMITTED, SUBMITTER, CHECK = range(5)
NAME_COLUMN, SOURCE_COLUMN, NOTE_COLUMN, REVIEW_COLUMN = 1, 2, 5, 6


@dataclass(frozen=True)
class UnitResult:
    """What the merge did with one unit of the files."""

    code: str
    name: str
    source: str
    note: str
    entry: MergedDepartment | None = None  # None: kept as it was (the reviewer said no)


class MergeDialog(QDialog):
    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.prompts = context.prompts
        self.paths: list[Path] = []
        self.loaded: dict[Path, Submission] = {}
        self.expected: list[UnitRef] | None = None
        self.merged: Booklet | None = None
        self.base_path: Path | None = None  # the booklet file the result was merged into
        # code -> (source file, note such as "替换了 A.kpi.json 中的版本")
        self.origins: dict[str, tuple[str, str]] = {}
        self.results: dict[str, UnitResult] = {}
        self.missing: list[UnitRef] = []
        self.notes: list[str] = []
        self.allowed: dict[str, set[ProblemKind]] = {}  # per file: problems the reviewer confirmed
        self.front_source = ""
        self.setWindowTitle(self.tr("汇编合并"))
        self.resize(1000, 720)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "选择各单位报送的提交文件（*.kpi.json）。已在汇编本中的单位不会被悄悄覆盖：每一处不同都会显示差异并询问；"
                "替换时审核状态和意见会保留，内容有改动的项目改为“已修改待复审”。"
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.file_list = QTreeWidget(self)
        self.file_list.setRootIsDecorated(False)
        self.file_list.setSelectionMode(QTreeWidget.SelectionMode.ExtendedSelection)
        self.file_list.setHeaderLabels(
            [self.tr("文件"), self.tr("单位"), self.tr("提交时间"), self.tr("提交人"), self.tr("检查")]
        )
        for column, width in enumerate((260, 260, 120, 90)):
            self.file_list.header().resizeSection(column, width)
        layout.addWidget(self.file_list, 1)
        row = QHBoxLayout()
        add_files = QPushButton(self.tr("添加文件…"), self)
        add_files.clicked.connect(self._choose_files)
        add_folder = QPushButton(self.tr("添加文件夹…"), self)
        add_folder.clicked.connect(self._choose_folder)
        remove = QPushButton(self.tr("移除所选"), self)
        remove.clicked.connect(self._remove_selected)
        self.base_check = QCheckBox(self.tr("合并到当前打开的汇编本"), self)
        self.base_check.setToolTip(
            self.tr("单位重新报送时请勾选：合并结果保留汇编本中其他单位、已给出的审核状态和意见")
        )
        self.base_check.setEnabled(context.document is not None)
        self.base_check.setChecked(context.document is not None)
        row.addWidget(add_files)
        row.addWidget(add_folder)
        row.addWidget(remove)
        row.addStretch(1)
        row.addWidget(self.base_check)
        layout.addLayout(row)
        units_row = QHBoxLayout()
        self.units_label = QLabel(self)
        self.units_label.setWordWrap(True)
        choose_units = QPushButton(self.tr("应报单位名单…"), self)
        choose_units.setToolTip(
            self.tr("文本文件（每行“编码 名称”）或项目文件：核对是否为应报单位，合并后列出缺报的单位")
        )
        choose_units.clicked.connect(self._choose_units)
        clear_units = QPushButton(self.tr("不用名单"), self)
        clear_units.clicked.connect(lambda: self.set_expected(None))
        units_row.addWidget(self.units_label, 1)
        units_row.addWidget(choose_units)
        units_row.addWidget(clear_units)
        layout.addLayout(units_row)
        self.merge_button = QPushButton(self.tr("合并"), self)
        self.merge_button.clicked.connect(self.run_merge)
        layout.addWidget(self.merge_button)
        self.summary_label = QLabel(self)
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summary_label)
        self.result_tree = QTreeWidget(self)
        self.result_tree.setHeaderLabels(
            [
                self.tr("单位编码"),
                self.tr("单位名称"),
                self.tr("来源文件"),
                self.tr("项目数"),
                self.tr("合计（万元）"),
                self.tr("说明"),
                self.tr("审核状态和意见"),
            ]
        )
        self.result_tree.setWordWrap(True)
        for column, width in enumerate((110, 220, 170, 56, 96, 190)):
            self.result_tree.header().resizeSection(column, width)
        layout.addWidget(self.result_tree, 3)
        self.notes_list = QListWidget(self)
        self.notes_list.setWordWrap(True)
        self.notes_list.setMaximumHeight(120)
        self.notes_list.hide()
        layout.addWidget(self.notes_list)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.open_button = buttons.addButton(self.tr("打开合并结果"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self.open_result)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.set_expected(None)
        self._update_buttons()

    # -- files ----------------------------------------------------------------------------------

    def add_paths(self, paths: list[Path]) -> None:
        """Files are added as given; a folder adds its ``*.kpi.json`` files in name order. A file
        that is not a project file (a workbook, a PDF, a broken file) is refused with a message
        naming it, and the others are added."""
        refused: list[str] = []
        for path in paths:
            found = sorted(path.glob("*.kpi.json")) if path.is_dir() else [path]
            for file in found:
                if file in self.paths:
                    continue
                try:
                    submission = load_submission(file)
                except FileFormatError as exc:
                    refused.append(str(exc))
                    continue
                except OSError as exc:
                    refused.append(self.tr("{path}：{error}").format(path=file, error=exc))
                    continue
                # Messages and the booklet's log name the file; by its name alone unless two
                # files of that name are listed.
                if not any(p.name == file.name for p in self.paths):
                    submission = dataclasses.replace(submission, source=file.name)
                self.paths.append(file)
                self.loaded[file] = submission
                self._add_row(file, submission)
        if refused:
            self.prompts.error(self.tr("无法合并这些文件"), "\n".join(refused))
        self._update_buttons()

    def _add_row(self, path: Path, submission: Submission) -> None:
        units = "、".join(f"{d.code} {d.name}" for d in submission.booklet.departments) or self.tr(
            "（没有单位）"
        )
        manifest = submission.manifest
        problems = check_submission(submission, None, self.expected)
        if submission.manifest_error is not None:
            check = self.tr("提交信息无法读取")
        elif manifest is None:
            check = self.tr("没有提交信息")
        else:
            check = self.tr("提交信息相符") if not problems else self.tr("需核实")
            check += self.tr("；错误 {errors} 个").format(errors=manifest.validation.errors)
        item = QTreeWidgetItem(
            [
                path.name,
                units,
                (manifest.submitted_at[:16].replace("T", " ") if manifest else ""),
                manifest.submitter if manifest else "",
                check,
            ]
        )
        item.setToolTip(SOURCE, str(path))
        item.setToolTip(CHECK, "\n".join(p.message for p in problems) or check)
        item.setData(SOURCE, Qt.ItemDataRole.UserRole, str(path))
        self.file_list.addTopLevelItem(item)

    def _choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self, self.tr("选择提交文件"), "", self.tr("绩效目标表 (*.kpi.json *.json);;所有文件 (*)")
        )
        self.add_paths([Path(name) for name in names])

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("选择包含提交文件的文件夹"))
        if folder:
            before = len(self.paths)
            self.add_paths([Path(folder)])
            if len(self.paths) == before:
                self.prompts.info(
                    self.tr("汇编合并"),
                    self.tr("文件夹中没有新的 *.kpi.json 文件：{path}").format(path=folder),
                )

    def _remove_selected(self) -> None:
        for item in self.file_list.selectedItems():
            path = Path(item.data(SOURCE, Qt.ItemDataRole.UserRole))
            self.paths.remove(path)
            self.loaded.pop(path, None)
            self.file_list.takeTopLevelItem(self.file_list.indexOfTopLevelItem(item))
        self._update_buttons()

    def _choose_units(self) -> None:
        path = self.prompts.import_path(self.tr("单位名单 (*.txt *.csv *.kpi.json *.json);;所有文件 (*)"))
        if path is None:
            return
        try:
            self.set_expected(read_unit_list(path), path.name)
        except FileFormatError as exc:
            self.prompts.error(self.tr("无法读取单位名单"), str(exc))

    def set_expected(self, units: list[UnitRef] | None, source: str = "") -> None:
        """The units the bureau expects files from (None: no list, nothing counted as missing)."""
        self.expected = units
        if units is None:
            self.units_label.setText(self.tr("应报单位名单：未指定（不核对是否为应报单位，不列缺报）"))
        else:
            self.units_label.setText(
                self.tr("应报单位名单：{source}，{count} 个单位").format(source=source, count=len(units))
            )
        # The files' check column depends on the list.
        self.file_list.clear()
        for path in self.paths:
            self._add_row(path, self.loaded[path])

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
            self.tr(
                "用“{new}”中的版本替换吗？审核状态和意见会保留，有改动的项目改为“已修改待复审”。"
                "选“否”保留汇编本中原有的版本。"
            ).format(new=conflict.new_source)
        )
        return "\n".join(lines)

    def _template(self, base: Booklet | None, submissions: list[Submission]) -> FormTemplate | None:
        document = self.context.document
        if base is not None and document is not None:
            return document.template
        try:
            return load_template(submissions[0].booklet.template_id)
        except TemplateError:
            return None  # merge_booklets names the file of another template

    def _confirmed(self, submissions: list[Submission], template: FormTemplate | None) -> list[Submission]:
        """The files to merge: each file with a problem that needs a yes is asked about once."""
        accepted = []
        self.allowed = {}
        for submission in submissions:
            problems = check_submission(submission, template, self.expected)
            self.notes += [
                self.tr("注意：{message}").format(message=p.message) for p in problems if not p.refuses
            ]
            refusing = [p for p in problems if p.refuses]
            if refusing and not self.prompts.confirm(
                self.tr("提交文件需要核实：{name}").format(name=Path(submission.source).name),
                self._problem_text(refusing),
            ):
                self.notes += [self.tr("未合并：{message}").format(message=p.message) for p in refusing]
                continue
            self.notes += [self.tr("已确认：{message}").format(message=p.message) for p in refusing]
            self.allowed[submission.source] = {p.kind for p in refusing}
            accepted.append(submission)
        return accepted

    def _problem_text(self, problems: list[SubmissionProblem]) -> str:
        lines = [f"· {p.message}" for p in problems]
        lines.append(self.tr("核实无误、仍要合并这个文件吗？选“否”：这个文件不合并，其他文件照常合并。"))
        return "\n".join(lines)

    def _front_matter(self, submissions: list[Submission]) -> str | None:
        """Whose cover and 编制说明 a booklet without a base keeps: asked when the files differ;
        None when the user cancels."""
        choices = front_matter_choices([(s.source, s.booklet) for s in submissions])
        if len(choices) == 1:
            return choices[0].sources[0]
        options = [c.describe() for c in choices] + [self.tr("封面和编制说明留空")]
        index = self.prompts.choose(
            self.tr("封面和编制说明"),
            self.tr("这些文件有 {count} 种不同的封面和编制说明。合并结果用哪一种？").format(
                count=len(choices)
            ),
            options,
        )
        if index is None:
            return None
        return FRONT_BLANK if index >= len(choices) else choices[index].sources[0]

    def run_merge(self) -> Booklet | None:
        """Merge the listed files, asking about every problem and conflict; None when nothing was
        merged (refused, cancelled, or a file of another year or template).

        The questions come first, file by file, each unit compared with the version the booklet
        would have by then (the base's, or an earlier file's); then one ``merge_submissions`` of
        every file, less the units the reviewer kept, so the booklet is copied once.
        """
        self.notes = []
        document = self.context.document
        use_base = self.base_check.isChecked() and document is not None
        base_label = (document.display_name if document is not None else "") or self.tr("当前汇编本")
        base: Booklet | None = document.booklet if use_base and document is not None else None
        submissions = [self.loaded[path] for path in self.paths]
        if not submissions:
            return None
        template = self._template(base, submissions)
        accepted = self._confirmed(submissions, template)
        if not accepted:
            self._show_notes()
            self.prompts.warning(self.tr("汇编合并"), self.tr("没有要合并的文件：每个文件都未经确认。"))
            return None
        front: str | None = None
        if base is None:
            front = self._front_matter(accepted)
            if front is None:
                return None
        origins = {d.code: (base_label, "") for d in base.departments} if base is not None else {}
        results: dict[str, UnitResult] = {}
        try:
            included = self._ask_conflicts(base, accepted, base_label, origins, results)
            if not included:
                self._show_notes()
                self.prompts.warning(
                    self.tr("汇编合并"), self.tr("没有合并任何单位：所有不同的版本都选择了保留原有版本。")
                )
                return None
            outcome = merge_submissions(
                base,
                included,
                template=template,
                expected=self.expected,
                replace=True,
                base_source=base_label,
                front_from=front,
                allow={kind for kinds in self.allowed.values() for kind in kinds},
            )
        except MergeError as exc:
            self.prompts.error(self.tr("无法合并"), str(exc))
            return None
        merge = outcome.merge
        for entry in merge.departments:
            if entry.code in results and results[entry.code].source == entry.source:
                results[entry.code] = dataclasses.replace(results[entry.code], entry=entry)
        for source, old_id, new_id in merge.renamed_ids:
            self.notes.append(
                self.tr("{file}：项目编号 {old} 与已有项目重复，已改为 {new}").format(
                    file=source, old=old_id, new=new_id
                )
            )
        self.front_source = base_label if base is not None else merge.front_matter_source
        self.merged = merge.booklet
        self.base_path = document.path if use_base and document is not None else None
        self.origins = origins
        self.results = results
        self.missing = outcome.missing
        self._show_result(merge.booklet)
        self._update_buttons()
        return merge.booklet

    def _ask_conflicts(
        self,
        base: Booklet | None,
        submissions: list[Submission],
        base_label: str,
        origins: dict[str, tuple[str, str]],
        results: dict[str, UnitResult],
    ) -> list[Submission]:
        """Ask, file by file, about each unit the file would replace with other content; return
        the files to merge, less the units the reviewer kept (a file left with none is dropped).
        Raises MergeError for a file of another year or template."""
        reference = base if base is not None else submissions[0].booklet
        current = {d.code: d for d in base.departments} if base is not None else {}
        included = []
        for submission in submissions:
            source = submission.source
            codes = [d.code for d in submission.booklet.departments]
            # Only this file's units matter to its conflicts: the trial copies nothing else.
            trial_base = reference.model_copy(
                update={"departments": [current[c] for c in codes if c in current], "submissions": None}
            )
            trial = merge_booklets(trial_base, [(source, submission.booklet)], base_source=base_label)
            changed = {c.code for c in trial.conflicts}
            declined: set[str] = set()
            for conflict in trial.conflicts:
                existing = origins.get(conflict.code, (conflict.existing_source, ""))[0]
                if not self.prompts.confirm(
                    self.tr("单位重复：{code}").format(code=conflict.code),
                    self.conflict_text(conflict, existing),
                ):
                    declined.add(conflict.code)
                    note = self.tr("保留；未采用“{new}”中的版本").format(new=source)
                    origins[conflict.code] = (existing, note)
                    results[conflict.code] = UnitResult(conflict.code, conflict.name, existing, note)
            kept = [d for d in submission.booklet.departments if d.code not in declined]
            if not kept:
                continue
            if declined:
                part = submission.booklet.model_copy(update={"departments": kept})
                submission = Submission(source, part, submission.manifest, submission.manifest_error)
            for department in kept:
                before = origins.get(department.code, ("", ""))[0]
                if department.code not in current:
                    note = ""
                elif department.code in changed:
                    note = (
                        self.tr("替换了汇编本中的版本")
                        if before == base_label
                        else self.tr("替换了“{old}”中的版本").format(old=before)
                    )
                else:
                    note = (
                        self.tr("与汇编本中的内容相同")
                        if before == base_label
                        else self.tr("与“{old}”中的内容相同").format(old=before)
                    )
                origins[department.code] = (source, note)
                results[department.code] = UnitResult(department.code, department.name, source, note)
                current[department.code] = department
            included.append(submission)
        return included

    # -- the result -------------------------------------------------------------------------------

    def _show_result(self, booklet: Booklet) -> None:
        self.result_tree.clear()
        for code in sorted(self.results):
            self._add_unit(self.results[code])
        lines = [
            self.tr("合并结果：{departments} 个单位、{projects} 个项目，Σ合计 {total} 万元。").format(
                departments=len(booklet.departments),
                projects=booklet.project_count,
                total=format(booklet.total(), "f"),
            )
        ]
        untouched = len(booklet.departments) - sum(1 for r in self.results.values() if r.entry is not None)
        if untouched > 0 and self.base_check.isChecked():
            lines.append(self.tr("其余 {count} 个单位保持汇编本中的原样。").format(count=untouched))
        if self.front_source and not self.base_check.isChecked():
            front = self.tr("（留空）") if self.front_source == FRONT_BLANK else self.front_source
            lines.append(self.tr("封面和编制说明取自：{source}").format(source=front))
        if self.expected is None:
            lines.append(self.tr("未指定应报单位名单：未核对缺报。"))
        elif self.missing:
            names = "、".join(f"{u.code} {u.name}".strip() for u in self.missing[:MISSING_SHOWN])
            more = (
                self.tr("……共 {count} 个").format(count=len(self.missing))
                if len(self.missing) > MISSING_SHOWN
                else ""
            )
            lines.append(
                self.tr("缺报 {count} 个单位：{names}{more}").format(
                    count=len(self.missing), names=names, more=more
                )
            )
        else:
            lines.append(self.tr("应报的 {count} 个单位都已在汇编本中。").format(count=len(self.expected)))
        self.summary_label.setText("\n".join(lines))
        self._show_notes()

    def _add_unit(self, result: UnitResult) -> None:
        entry = result.entry
        if entry is None:
            kept = [result.code, result.name, result.source, "", "", result.note, self.tr("未改动")]
            item = QTreeWidgetItem(self.result_tree, kept)
            item.setToolTip(NOTE_COLUMN, result.note)
            item.setToolTip(REVIEW_COLUMN, self.tr("未改动：审核状态和意见保持原样"))
            return
        carry = entry.review
        item = QTreeWidgetItem(
            self.result_tree,
            [
                entry.code,
                entry.name,
                result.source,
                str(entry.projects),
                format(entry.total, "f"),
                result.note,
                carry.summary() if carry is not None else "",
            ],
        )
        for column in (NAME_COLUMN, SOURCE_COLUMN, NOTE_COLUMN, REVIEW_COLUMN):
            item.setToolTip(column, item.text(column))
        if carry is None:
            return
        for project in carry.projects:
            self._add_project(item, project)
        item.setExpanded(_has_news(carry))

    def _add_project(self, parent: QTreeWidgetItem, project: ProjectCarry) -> None:
        if project.before is project.after:
            statuses = status_text(project.after)
        else:
            statuses = f"{status_text(project.before)} → {status_text(project.after)}"
        parts = [statuses]
        if project.comments:
            parts.append(self.tr("意见 {count} 条").format(count=project.comments))
        if project.answered:
            parts.append(self.tr("单位答复 {count} 条").format(count=len(project.answered)))
        if project.changes:
            first = project.changes[0]
            parts.append(self.tr("改动 {count} 处：{first}").format(count=len(project.changes), first=first))
        columns = ["", project.name, "", "", "", project.outcome.value, "；".join(parts)]
        item = QTreeWidgetItem(parent, columns)
        item.setIcon(REVIEW_COLUMN, status_icon(project.after))
        details = [
            *(f"· {line}" for line in project.changes),
            *(f"答复：{text}" for text in project.answered),
        ]
        item.setToolTip(REVIEW_COLUMN, "\n".join(["；".join(parts), *details]))
        item.setToolTip(NAME_COLUMN, project.name)
        if project.lost_review:
            item.setForeground(NOTE_COLUMN, QBrush(QColor("#c62828")))
        elif project.outcome in QUIET:
            for column in (NAME_COLUMN, NOTE_COLUMN, REVIEW_COLUMN):
                item.setForeground(column, QBrush(QColor("#777777")))

    def _show_notes(self) -> None:
        self.notes_list.clear()
        self.notes_list.addItems(self.notes)
        self.notes_list.setVisible(bool(self.notes))

    def open_result(self) -> bool:
        """Open the result: in place of the booklet it was merged into (unsaved, 保存 writes it over
        that file), else as a new unsaved document."""
        if self.merged is None:
            return False
        document = Document(self.merged.model_copy(deep=True), self.base_path)
        message = (
            self.tr("已合并到汇编本（未保存）：保存后写入 {path}").format(path=self.base_path)
            if self.base_path is not None
            else self.tr("已打开合并结果（未保存）")
        )
        if not self.context.open_unsaved(document, message):
            return False
        document.lock_file()
        self.accept()
        return True


def _has_news(carry: UnitCarry) -> bool:
    return bool(carry.answered) or any(p.outcome in NEWS for p in carry.projects)

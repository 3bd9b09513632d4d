"""``kpi``: the headless command line. A stable contract other tools rely on.

Exit codes: 0 success, 1 the command ran and found problems (validation errors, merge conflicts),
2 the input could not be read or the arguments are wrong. Errors are one line on stderr, never a
traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from kpi_editor import __version__
from kpi_editor.domain.bounds import escape_controls
from kpi_editor.domain.model import Booklet
from kpi_editor.domain.review import EffectiveStatus
from kpi_editor.domain.rules import Finding
from kpi_editor.domain.template import TemplateError
from kpi_editor.io.errors import FileFormatError, one_line

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_UNREADABLE = 2


class CliError(Exception):
    """A user error: printed as one line, exit code 2."""


def _load(path: str) -> Booklet:
    from kpi_editor.io.projectfile import load_booklet

    return load_booklet(path)


def _print_json(data: object) -> None:
    text = json.dumps(data, ensure_ascii=False, indent=2)
    # json escapes C0 controls itself; C1 and bidi controls get the JSON escape, not \x9b.
    sys.stdout.write(_CONTROLS_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n")


_CONTROLS_IN_JSON = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


class _EscapedStream:
    """A text stream that shows control characters from files escaped (``\\x1b``), never raw.

    Names and cell texts reach the reviewer's terminal in validate, diff, merge, fingerprint …:
    an ESC or OSC sequence in a unit's name could otherwise retitle the window, hide lines or
    fake output. Tabs and newlines of our own output pass through.
    """

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(escape_controls(text))
        return len(text)

    def __getattr__(self, name: str) -> object:
        return getattr(self._stream, name)


# -- commands -------------------------------------------------------------------------------------


def _not_an_input(output: str | Path, *inputs: str | Path) -> None:
    """Refuse an output that is one of the inputs: writing it would destroy what is being read."""
    out = Path(output)
    for source in inputs:
        same = out.resolve() == Path(source).resolve()
        if not same and out.exists():
            try:
                same = out.samefile(source)
            except OSError:
                same = False
        if same:
            raise CliError(f"输出文件 {output} 就是输入文件，写入会覆盖它；请另选输出文件名")


def cmd_import_text(args: argparse.Namespace) -> int:
    from kpi_editor.io.booklet_text import import_booklet_text
    from kpi_editor.io.projectfile import save_booklet

    _not_an_input(args.output, args.input)
    booklet, report = import_booklet_text(args.input)
    save_booklet(booklet, args.output, backup=False)
    text = report.format()
    if text:
        sys.stderr.write(text + "\n")
    sys.stderr.write(
        f"已导入 {len(booklet.departments)} 个部门、{booklet.project_count} 个项目、"
        f"{booklet.indicator_count} 行指标，合计 {booklet.total()} 万元 → {args.output}\n"
    )
    return EXIT_OK


def cmd_import_pdf(args: argparse.Namespace) -> int:
    from kpi_editor.io.booklet_pdf import import_booklet_pdf
    from kpi_editor.io.projectfile import save_booklet

    _not_an_input(args.output, args.input)
    booklet, report = import_booklet_pdf(args.input)
    save_booklet(booklet, args.output, backup=False)
    text = report.format()
    if text:
        sys.stderr.write(text + "\n")
    sys.stderr.write(
        f"已从 {report.pages} 页 PDF 读出 {len(booklet.departments)} 个部门、{booklet.project_count} 个项目、"
        f"{booklet.indicator_count} 行指标，合计 {booklet.total()} 万元；{len(report.issues)} 处需核对 → {args.output}\n"
    )
    return EXIT_OK


def cmd_stats(args: argparse.Namespace) -> int:
    booklet = _load(args.file)
    stats = {
        "departments": len(booklet.departments),
        "projects": booklet.project_count,
        "indicators": booklet.indicator_count,
        "total": str(booklet.total()),
    }
    if args.json:
        _print_json(stats)
    else:
        print(
            f"部门 {stats['departments']} 个，项目 {stats['projects']} 个，指标 {stats['indicators']} 行，"
            f"合计 {stats['total']} 万元"
        )
    return EXIT_OK


def _finding_json(f: Finding) -> dict[str, object]:
    row = None if f.indicator is None else f.indicator + 1
    return {
        "severity": str(f.severity),
        "level": f.severity.label,
        "rule": f.rule,
        "department": f.department,
        "project": f.project_name,
        "project_id": f.project_id,
        # Rows are numbered from 1, as a clerk counts them in the table.
        "indicator": row,
        # The cell: row and column of an indicator finding, or the field (合计 is "total").
        "row": row,
        "column": f.field if f.indicator is not None else None,
        "field": f.field,
        "section": None if f.section is None else f.section + 1,
        "actual": f.actual,
        "expected": f.expected,
        "working": f.working,
        "fix": f.fix.label if f.fix is not None else None,
        "message": f.message,
    }


def cmd_validate(args: argparse.Namespace) -> int:
    from kpi_editor.domain.engine import count_findings, validate_booklet

    booklet = _load(args.file)
    findings = validate_booklet(booklet)
    counts = count_findings(findings)
    shown = findings if args.advice else [f for f in findings if f.counted]
    if args.json:
        _print_json([_finding_json(f) for f in shown])
    else:
        for f in shown:
            where = " ".join(
                part
                for part in (
                    f.department or "",
                    f"「{f.project_name}」" if f.project_name else "",
                    f"第{f.indicator + 1}行" if f.indicator is not None else "",
                )
                if part
            )
            print(f"{f.severity.label}\t{f.rule}\t{where}\t{f.message}")
        advice = f"；另有 {counts.advice} 条建议" + ("" if args.advice else "（加 --advice 显示）")
        print(f"共 {counts.errors} 个错误，{counts.warnings} 个警告{advice}。", file=sys.stderr)
        _print_edited_after_review(booklet)
        _print_template_version(booklet)
    failing = counts.errors if args.fail_on == "error" else counts.counted
    return EXIT_FINDINGS if failing else EXIT_OK


def _print_template_version(booklet: Booklet) -> None:
    from kpi_editor.domain.template import load_template, version_note

    note = version_note(booklet.template_version, load_template(booklet.template_id))
    if note:
        print(f"注意：{note}", file=sys.stderr)


def cmd_fix(args: argparse.Namespace) -> int:
    from kpi_editor.domain.fixes import FIXABLE_RULES, fix_booklet
    from kpi_editor.io.projectfile import save_booklet

    rules = set(FIXABLE_RULES) if "all" in args.rule else set(args.rule)
    unknown = sorted(rules - set(FIXABLE_RULES))
    if unknown:
        raise CliError(
            f"规则 {'、'.join(unknown)} 没有自动修复；可修复的规则：{'、'.join(FIXABLE_RULES)}、all"
        )
    if args.output is None and not args.in_place:
        raise CliError("请用 -o 指定输出文件，或用 --in-place 直接改写输入文件（会保留 .bak 备份）")
    if args.output is not None:
        _not_an_input(args.output, args.file)
    booklet = _load(args.file)
    applied = fix_booklet(booklet, rules)
    for item in applied:
        f = item.finding
        where = " ".join(
            part
            for part in (
                f.department or "",
                f"「{f.project_name}」" if f.project_name else "",
                f"第{f.indicator + 1}行" if f.indicator is not None else "",
            )
            if part
        )
        print(f"{f.rule}\t{where or '汇编'}\t{item.label}", file=sys.stderr)
    output = args.file if args.in_place else args.output
    save_booklet(booklet, output, backup=args.in_place)
    print(f"已自动修复 {len(applied)} 处 → {output}", file=sys.stderr)
    return EXIT_OK


def _print_edited_after_review(booklet: Booklet) -> None:
    """Name the projects whose content changed after their status was given (在审核后修改)."""
    from kpi_editor.domain.approval import edited_after_review

    edited = [(d, p) for d, p in booklet.projects() if edited_after_review(p, d)]
    for department, project in edited[:20]:
        status = project.review_status.value
        print(
            f"在审核后修改\t{department.code}「{project.name}」：{status}后内容被修改，现为已修改待复审",
            file=sys.stderr,
        )
    if len(edited) > 20:
        print(f"……另有 {len(edited) - 20} 个项目在审核后修改", file=sys.stderr)


# A second merge into the same booklet waits this long for the first to finish, then gives up.
MERGE_LOCK_TIMEOUT = 60.0


def cmd_merge(args: argparse.Namespace) -> int:
    from kpi_editor.io.filelock import file_lock

    if args.front_from and args.blank_front:
        raise CliError("--front-from 与 --blank-front 只能选一个")
    # The whole read-modify-write under the booklet's lock: a second `kpi merge` (or a save from
    # the editor) waits instead of overwriting this one's result with a booklet that lacks it.
    with file_lock(Path(args.output), timeout=MERGE_LOCK_TIMEOUT):
        return merge_into_booklet(args)


MISSING_SHOWN = 20  # missing units named in kpi merge's one line


def merge_into_booklet(args: argparse.Namespace) -> int:
    """``kpi merge``'s read-modify-write of the booklet (``args.output``), in one place so that it
    can be run under a lock: read the booklet, merge the files into it, write it back."""
    from kpi_editor.domain.merge import FRONT_BLANK, MergeError, check_compatible
    from kpi_editor.domain.submission import ProblemKind, merge_submissions
    from kpi_editor.domain.template import load_template
    from kpi_editor.io.projectfile import save_booklet
    from kpi_editor.io.submission import load_submission, read_unit_list

    output = Path(args.output)
    _not_an_input(output, *args.files)
    submissions = [load_submission(path) for path in args.files]
    # An existing output is the booklet being compiled: new submissions go into it.
    base = _load(args.output) if output.exists() else None
    base_source = args.output
    front_from: str | None = None
    if base is not None and (args.front_from or args.blank_front):
        raise CliError(
            f"汇编本 {output} 已存在，封面和编制说明用它自己的；--front-from/--blank-front 只用于新建汇编本"
        )
    if base is None:
        # A file of another year or form is the first thing to say, before asking about the cover.
        first = submissions[0]
        try:
            check_compatible(first.booklet, first.source, [(s.source, s.booklet) for s in submissions])
        except MergeError as exc:
            raise CliError(str(exc)) from None
        if args.blank_front:
            front_from = FRONT_BLANK
        elif args.front_from:
            chosen = next((s.source for s in submissions if _same_file(s.source, args.front_from)), None)
            if chosen is not None:
                front_from = chosen
            else:
                # Any project file of the same year and form can lend its cover and 编制说明.
                base = _load(args.front_from).model_copy(update={"departments": [], "submissions": None})
                base_source = args.front_from
        else:
            from kpi_editor.domain.merge import front_matter_choices

            kinds = len(front_matter_choices([(s.source, s.booklet) for s in submissions]))
            raise CliError(
                f"汇编本 {output} 尚不存在：封面和编制说明取自哪个文件？请加 --front-from 文件（可以是要合并的文件之一；"
                f"它们共有{kinds}种封面和编制说明），或加 --blank-front 留空"
            )
    expected = read_unit_list(args.units) if args.units else None
    allow = {
        kind
        for kind, flag in (
            (ProblemKind.UNEXPECTED, args.allow_unexpected),
            (ProblemKind.MISMATCH, args.allow_mismatch),
        )
        if flag
    }
    template = load_template((base or submissions[0].booklet).template_id)
    try:
        outcome = merge_submissions(
            base,
            submissions,
            template=template,
            expected=expected,
            replace=args.replace,
            base_source=base_source,
            front_from=front_from,
            allow=allow,
        )
    except MergeError as exc:
        raise CliError(str(exc)) from None
    result = outcome.merge
    for problem in outcome.problems:
        if not problem.refuses:
            print(f"注意：{problem.message}", file=sys.stderr)
        elif problem.kind in allow:
            print(f"已确认：{problem.message}", file=sys.stderr)
        else:
            flag = "--allow-unexpected" if problem.kind is ProblemKind.UNEXPECTED else "--allow-mismatch"
            print(f"拒绝：{problem.message}（核实无误仍要合并时加 {flag}）", file=sys.stderr)
    for conflict in result.conflicts:
        action = "已替换" if args.replace else "未替换"
        print(
            f"冲突（{action}）：单位 {conflict.code} {conflict.name} 已在 {conflict.existing_source} 中，"
            f"{conflict.new_source} 又提交了一份：{conflict.summary}",
            file=sys.stderr,
        )
        for change in conflict.changes[:20]:
            print(f"    {change.describe()}", file=sys.stderr)
        if len(conflict.changes) > 20:
            print(f"    ……另有 {len(conflict.changes) - 20} 处不同", file=sys.stderr)
    if outcome.blocked:
        reasons = []
        if outcome.refused:
            reasons.append(f"{len(outcome.refused)} 个文件有问题未经确认")
        if result.blocked:
            reasons.append("有冲突；确认要用新提交替换时，请加 --replace 重新运行（审核状态和意见会保留）")
        print(f"{'；'.join(reasons)}。未写入任何文件。", file=sys.stderr)
        return EXIT_FINDINGS
    save_booklet(result.booklet, output)
    for entry in result.departments:
        if entry.source == base_source and entry.review is None:
            continue  # a unit of the booklet this merge did not touch
        replaced = f"，替换了 {entry.replaced} 中的版本" if entry.replaced and not entry.identical else ""
        same = f"，与 {entry.replaced} 中的内容相同" if entry.identical else ""
        review = f"；审核：{entry.review.summary()}" if entry.review is not None else ""
        what = f"{entry.projects}个项目，合计 {entry.total} 万元{replaced}{same}{review}"
        print(f"{entry.code} {entry.name} ← {entry.source}（{what}）")
        for project in entry.review.projects if entry.review is not None else []:
            if project.lost_review:
                print(
                    f"    {entry.code}：项目“{project.name}”已被单位删除，其审核状态（{project.before.value}）"
                    f"和 {project.comments} 条审核意见不再在汇编本中（原汇编本已备份为 {output.name}.bak）",
                    file=sys.stderr,
                )
    for source, old_id, new_id in result.renamed_ids:
        print(f"{source}：项目编号 {old_id} 与已有项目重复，已改为 {new_id}", file=sys.stderr)
    if base is None or base_source != args.output:
        print(f"封面和编制说明取自：{result.front_matter_source}", file=sys.stderr)
    if expected is None:
        print("未指定 --units 单位名单：未检查是否为应报单位、是否有缺报。", file=sys.stderr)
    elif outcome.missing:
        names = "、".join(f"{u.code} {u.name}".strip() for u in outcome.missing[:MISSING_SHOWN])
        more = (
            f"……（共 {len(outcome.missing)} 个，完整名单见 kpi progress）"
            if len(outcome.missing) > MISSING_SHOWN
            else ""
        )
        print(f"缺报 {len(outcome.missing)} 个单位：{names}{more}", file=sys.stderr)
    else:
        print(f"应报的 {len(expected)} 个单位都已在汇编本中。", file=sys.stderr)
    booklet = result.booklet
    print(
        f"已合并 {len(booklet.departments)} 个单位、{booklet.project_count} 个项目，"
        f"合计 {booklet.total()} 万元 → {output}",
        file=sys.stderr,
    )
    return EXIT_OK


def _same_file(a: str | Path, b: str | Path) -> bool:
    try:
        return Path(a).resolve() == Path(b).resolve() or Path(a).samefile(b)
    except OSError:
        return False


def cmd_diff(args: argparse.Namespace) -> int:
    from kpi_editor.domain.diff import diff_booklets

    changes = diff_booklets(_load(args.old), _load(args.new))
    if args.json:
        _print_json([c.as_json() for c in changes])
    else:
        for change in changes:
            print(change.describe())
        shifted = sum(1 for c in changes if c.year_shift)
        detail = f"（其中 {shifted} 处只是年份随预算年度顺延）" if shifted else ""
        print(f"共 {len(changes)} 处不同{detail}。" if changes else "内容相同。", file=sys.stderr)
    # Like diff(1): 1 when the versions differ, so scripts can test for "unchanged".
    return EXIT_FINDINGS if changes else EXIT_OK


def cmd_fingerprint(args: argparse.Namespace) -> int:
    from kpi_editor.domain.fingerprint import booklet_fingerprint, project_fingerprint

    booklet = _load(args.file)
    if args.projects:
        for department, project in booklet.projects():
            print(f"{project_fingerprint(project, department)}\t{department.code}\t{project.name}")
    else:
        print(booklet_fingerprint(booklet))
    return EXIT_OK


def cmd_report(args: argparse.Namespace) -> int:
    from kpi_editor.io.pdf.fonts import FontError
    from kpi_editor.io.report import ReportFormat, write_review_report
    from kpi_editor.io.report.pdf import ReportLayoutError

    fmt: ReportFormat = "xlsx" if args.xlsx else "pdf"
    output = args.xlsx or args.pdf
    _not_an_input(output, args.file)
    statuses = [_status(text) for text in args.status] if args.status else None
    booklet = _load(args.file)
    from kpi_editor.domain.engine import validate_booklet

    departments, _projects = _selection(
        booklet, argparse.Namespace(file=args.file, department=args.department, project=None)
    )
    # Errors and warnings, as the other views; the writing advice only when asked for.
    findings = [f for f in validate_booklet(booklet) if args.advice or f.counted]
    try:
        report = write_review_report(
            booklet, output, fmt, findings=findings, departments=departments, statuses=statuses
        )
    except FontError as exc:
        raise CliError(f"无法生成 PDF：{exc}") from None
    except ReportLayoutError as exc:
        raise CliError(str(exc)) from None
    errors = sum(d.count("错误") for d in report.departments)
    warnings = sum(d.count("警告") for d in report.departments)
    comments = sum(d.open_comments for d in report.departments)
    projects = sum(len(d.projects) for d in report.departments)
    if not projects:
        print("kpi: 警告：没有符合条件的项目，审核报告是空的", file=sys.stderr)
    print(
        f"已写入审核报告 → {output}（{len(report.departments)} 个单位、{projects} 个项目；"
        f"未解决意见 {comments} 条，错误 {errors} 个，警告 {warnings} 个）",
        file=sys.stderr,
    )
    return EXIT_OK


def _selection(booklet: Booklet, args: argparse.Namespace) -> tuple[list[str] | None, list[str] | None]:
    departments = args.department or None
    projects = args.project or None
    for code in departments or ():
        if booklet.department(code) is None:
            raise CliError(f"{args.file} 中没有编码为 {code} 的部门")
    for project_id in projects or ():
        if booklet.find_project(project_id) is None:
            raise CliError(f"{args.file} 中没有编号为 {project_id} 的项目")
    return departments, projects


def cmd_export(args: argparse.Namespace) -> int:
    if not (args.pdf or args.xlsx):
        raise CliError("请用 --pdf 或 --xlsx 指定至少一个输出文件")
    for output in (args.pdf, args.xlsx):
        if output:
            _not_an_input(output, args.file)
    if args.pdf and args.xlsx and Path(args.pdf).resolve() == Path(args.xlsx).resolve():
        raise CliError(f"--pdf 与 --xlsx 是同一个文件 {args.pdf}；请分别指定")
    booklet = _load(args.file)
    departments, projects = _selection(booklet, args)
    if args.pdf:
        from kpi_editor.io.pdf import PdfExportError, PdfOptions, export_pdf

        options = PdfOptions(
            body_font=args.font,
            title_font=args.title_font,
            summary_chart=args.summary_chart,
            duplex=args.duplex,
            mark_blank_pages=args.blank_pages == "marked",
        )
        try:
            result = export_pdf(
                booklet, args.pdf, departments=departments, project_ids=projects, options=options
            )
        except PdfExportError as exc:
            raise CliError(str(exc)) from None
        for missing in result.missing:
            print(f"kpi: 警告：{missing}", file=sys.stderr)
        blank = f"，其中空白页 {len(result.blank_pages)} 页" if result.blank_pages else ""
        print(
            f"已导出 PDF：{result.path}（{result.pages} 页{blank}，{result.projects} 个项目）",
            file=sys.stderr,
        )
    if args.xlsx:
        from kpi_editor.io.xlsx import export_xlsx

        export_xlsx(booklet, args.xlsx, departments=departments, project_ids=projects)
        print(f"已导出 Excel：{args.xlsx}", file=sys.stderr)
    return EXIT_OK


def cmd_import_xlsx(args: argparse.Namespace) -> int:
    from kpi_editor.io.projectfile import save_booklet
    from kpi_editor.io.xlsx import import_xlsx

    _not_an_input(args.output, args.input)
    booklet, report = import_xlsx(args.input, fiscal_year=args.fiscal_year, template_id=args.template)
    save_booklet(booklet, args.output, backup=False)
    for issue in report.issues:
        print(f"{issue}", file=sys.stderr)
    sys.stderr.write(
        f"已导入 {len(booklet.departments)} 个部门、{booklet.project_count} 个项目（{report.tables} 张表），"
        f"{len(report.errors)} 处无法读取，{len(report.guesses)} 处为推断 → {args.output}\n"
    )
    return EXIT_OK


def _writable(path: Path) -> None:
    """Refuse an output whose folder is missing or that is a folder, before anything is written."""
    if path.is_dir():
        raise CliError(f"{path} 是一个文件夹，不能写成文件")
    if not path.parent.is_dir():
        raise CliError(f"{path}：所在的文件夹不存在")


def cmd_rollover(args: argparse.Namespace) -> int:
    from kpi_editor.domain.rollover import RolloverError, rollover
    from kpi_editor.io.atomic import write_atomic
    from kpi_editor.io.projectfile import save_booklet

    output, report_path = Path(args.output), Path(args.report) if args.report else None
    _not_an_input(output, args.input)
    if report_path is not None:
        _not_an_input(report_path, args.input)
        if report_path.resolve() == output.resolve():
            raise CliError(f"--report 与 -o 是同一个文件 {output}；请分别指定")
    for path in (output, report_path):
        if path is not None:
            _writable(path)
    booklet = _load(args.input)
    try:
        result = rollover(booklet, args.year, args.amounts)
    except RolloverError as exc:
        raise CliError(f"{args.input}：{exc}") from None
    save_booklet(result.booklet, output)
    if report_path is not None:
        data = {"source": str(args.input), "output": str(output), **result.report.as_json()}
        write_atomic(report_path, (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))
    for line in result.report.summary():
        print(line, file=sys.stderr)
    new = result.booklet
    print(
        f"已写入 {len(new.departments)} 个单位、{new.project_count} 个项目、{new.indicator_count} 行指标"
        f" → {output}" + (f"；报告 → {report_path}" if report_path is not None else ""),
        file=sys.stderr,
    )
    return EXIT_OK


# -- the review loop: split, letters, statuses, progress ------------------------------------------

_STATUS_WORDS = {
    "approved": "审核通过",
    "returned": "退回修改",
    "pending": "未审核",
    "changed": "已修改待复审",
}


def _status(text: str) -> EffectiveStatus:
    """A status as typed on the command line: the Chinese label or its English word."""
    value = _STATUS_WORDS.get(text.strip().lower(), text.strip())
    try:
        return EffectiveStatus(value)
    except ValueError:
        choices = "、".join(s.value for s in EffectiveStatus)
        raise CliError(f"审核状态“{text}”无效：可选 {choices}（或 {'/'.join(_STATUS_WORDS)}）") from None


def _user(name: str | None) -> str:
    if name:
        return name
    import getpass

    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no user name in the environment or the password database
        return ""


def cmd_split(args: argparse.Namespace) -> int:
    from kpi_editor.io.submission import split_booklet

    booklet = _load(args.file)
    codes, _ = _selection(
        booklet, argparse.Namespace(file=args.file, department=args.department, project=None)
    )
    folder = Path(args.output)
    if folder.exists() and not folder.is_dir():
        raise CliError(f"{folder} 是一个文件；-o 请给出文件夹")
    written = split_booklet(booklet, folder, _user(args.submitter), codes=codes, overwrite=args.overwrite)
    for item in written:
        summary = item.manifest.validation
        print(
            f"{item.manifest.unit_code} {item.manifest.unit_name} → {item.path}"
            f"（{item.manifest.projects}个项目，错误 {summary.errors} 个，警告 {summary.warnings} 个）"
        )
    print(f"已拆分为 {len(written)} 个提交文件 → {folder}", file=sys.stderr)
    return EXIT_OK


def cmd_letter(args: argparse.Namespace) -> int:
    from kpi_editor.io.pdf.fonts import FontError
    from kpi_editor.io.report.letter import write_letters
    from kpi_editor.io.report.pdf import ReportLayoutError

    _not_an_input(args.output, args.file)
    booklet = _load(args.file)
    codes, _ = _selection(
        booklet, argparse.Namespace(file=args.file, department=args.department, project=None)
    )
    assert codes is not None  # --department is required
    try:
        letters = write_letters(booklet, codes, args.output, _user(args.reviewer), args.date, args.deadline)
    except FontError as exc:
        raise CliError(f"无法生成 PDF：{exc}") from None
    except ReportLayoutError as exc:
        raise CliError(str(exc)) from None
    for letter in letters:
        names = "、".join(f"“{p.name}”" for p in letter.projects)
        if letter.projects:
            print(f"{letter.code} {letter.unit_name}：退回修改 {len(letter.projects)} 个项目：{names}")
        else:
            print(f"{letter.code} {letter.unit_name}：没有退回修改的项目", file=sys.stderr)
    print(f"已写入审核意见书 → {args.output}（{len(letters)} 个单位）", file=sys.stderr)
    return EXIT_OK


def cmd_status(args: argparse.Namespace) -> int:
    from kpi_editor.domain.approval import batch_approval_blockers, batch_status_plan
    from kpi_editor.domain.edits import apply_plan
    from kpi_editor.domain.review import ReviewStatus
    from kpi_editor.domain.template import load_template
    from kpi_editor.io.projectfile import save_booklet

    shown = _status(args.set)
    if shown is EffectiveStatus.CHANGED:
        raise CliError("已修改待复审不能手工设置：审核后内容被修改的项目自动显示为已修改待复审")
    status = ReviewStatus(shown.value)
    booklet = _load(args.file)
    departments, projects = _selection(booklet, args)
    index = {d.code: i for i, d in enumerate(booklet.departments)}
    targets: list[tuple[int, ...]] = [(index[c],) for c in departments or ()]
    for project_id in projects or ():
        found = booklet.find_project(project_id)
        assert found is not None  # _selection checked it
        d = booklet.departments.index(found[0])
        targets.append((d, booklet.departments[d].projects.index(found[1])))
    if args.all:
        targets = [(i,) for i in range(len(booklet.departments))]
    if not targets:
        raise CliError("请用 --department、--project 指定项目，或用 --all 表示全部项目")
    if status is ReviewStatus.APPROVED and not args.even_with_errors:
        blockers = batch_approval_blockers(booklet, targets, load_template(booklet.template_id))
        if blockers:
            for b in blockers[:20]:
                print(
                    f"{b.department}「{b.project}」有 {len(b.errors)} 个错误：{b.errors[0].message}",
                    file=sys.stderr,
                )
            print(
                f"{len(blockers)} 个项目有错误，未设置任何状态。确认仍要审核通过时加 --even-with-errors。",
                file=sys.stderr,
            )
            return EXIT_FINDINGS
    plan = batch_status_plan(booklet, targets, status, _user(args.reviewer))
    apply_plan(booklet, plan)
    if plan:
        save_booklet(booklet, args.file)
    print(f"{plan.description}：{len(plan.edits)} 个项目 → {args.file}", file=sys.stderr)
    return EXIT_OK


def cmd_progress(args: argparse.Namespace) -> int:
    from kpi_editor.domain.progress import booklet_progress, submissions_view
    from kpi_editor.io.submission import read_unit_list

    booklet = _load(args.file)
    expected = read_unit_list(args.units) if args.units else None
    units, total = booklet_progress(booklet)
    rows = submissions_view(booklet, expected)
    if args.json:
        _print_json(
            {
                "total": total.as_json(),
                "units": [
                    {"code": u.code, "name": u.name, "status": u.rollup.value, **u.counts.as_json()}
                    for u in units
                ],
                "submissions": [
                    {
                        "code": r.code,
                        "name": r.name,
                        "state": r.state.value,
                        "versions": r.versions,
                        "submitted_at": r.last.submitted_at if r.last else None,
                        "received_at": r.last.received_at if r.last else None,
                        "submitter": r.last.submitter if r.last else None,
                        "source": r.last.source if r.last else None,
                        "current": r.current,
                    }
                    for r in rows
                ],
            }
        )
        return EXIT_OK
    for u in units:
        edited = f"，其中审核后修改 {u.counts.edited} 个" if u.counts.edited else ""
        print(f"{u.code} {u.name}\t{u.rollup.value}\t{u.label}（{u.counts.describe()}{edited}）")
    print("")
    for r in rows:
        print(r.describe())
    missing = [r for r in rows if r.expected and not r.versions]
    print(f"共 {total.total} 个项目：{total.describe()}；审核后修改 {total.edited} 个。", file=sys.stderr)
    print(f"应报 {sum(1 for r in rows if r.expected)} 个单位，未提交 {len(missing)} 个。", file=sys.stderr)
    return EXIT_OK


# -- parser ---------------------------------------------------------------------------------------

Command = Callable[[argparse.Namespace], int]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        # argparse's own exit code (2) matches ours; keep its usage line.
        self.print_usage(sys.stderr)
        self.exit(EXIT_UNREADABLE, f"{self.prog}: 参数错误：{message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="kpi", description="部门（单位）预算项目支出绩效目标表：导入、校验、导出")
    parser.add_argument("--version", action="version", version=f"kpi-editor {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    p = sub.add_parser("import-text", help="把绩效目标汇编的文本（PDF 提取）导入为项目文件")
    p.add_argument("input", help="汇编文本文件（UTF-8）")
    p.add_argument("-o", "--output", required=True, help="输出的 .kpi.json 项目文件")
    p.set_defaults(func=cmd_import_text)

    p = sub.add_parser("import-pdf", help="按表格线和文字位置读取已印发的绩效目标汇编 PDF，导入为项目文件")
    p.add_argument("input", help="汇编 PDF（本程序导出的，或由工作簿打印的）")
    p.add_argument("-o", "--output", required=True, help="输出的 .kpi.json 项目文件")
    p.set_defaults(func=cmd_import_pdf)

    p = sub.add_parser("stats", help="统计部门、项目、指标数和合计金额")
    p.add_argument("file")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.set_defaults(func=cmd_stats)

    p = sub.add_parser("validate", help="按审核规则检查，发现错误或警告时退出码为 1（建议不计）")
    p.add_argument("file")
    p.add_argument("--json", action="store_true", help="以 JSON 列表输出全部发现")
    p.add_argument("--advice", action="store_true", help="同时列出建议（如效益、质量指标的描述性写法）")
    p.add_argument(
        "--fail-on",
        choices=("warning", "error"),
        default="warning",
        help="退出码为 1 的条件：有错误或警告（默认），或只在有错误时",
    )
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser(
        "fix", help="按规则批量自动修复有确定改法的问题（重算合计、改年份、元改万元、删重复行……）"
    )
    p.add_argument("file")
    p.add_argument(
        "--rule",
        action="append",
        required=True,
        metavar="RULE",
        help="要修复的规则编号（可重复），all 表示全部",
    )
    target = p.add_mutually_exclusive_group()
    target.add_argument("-o", "--output", help="输出的 .kpi.json（不会改写输入文件）")
    target.add_argument("--in-place", action="store_true", help="直接改写输入文件（保留 .bak 备份）")
    p.set_defaults(func=cmd_fix)

    p = sub.add_parser("export", help="导出官方格式的 PDF（汇编）和/或 Excel 工作簿")
    p.add_argument("file")
    p.add_argument("--pdf", type=Path, metavar="OUT.pdf", help="输出 PDF")
    p.add_argument("--xlsx", type=Path, metavar="OUT.xlsx", help="输出 Excel 工作簿")
    p.add_argument("--department", action="append", metavar="CODE", help="只导出该部门（可重复）")
    p.add_argument("--project", action="append", metavar="ID", help="只导出该项目（可重复）")
    p.add_argument("--font", type=Path, help="PDF 正文字体（TrueType .ttf/.ttc）")
    p.add_argument("--title-font", type=Path, help="PDF 标题字体（TrueType .ttf/.ttc）")
    p.add_argument("--summary-chart", action="store_true", help="PDF 汇编加一页各部门合计图")
    p.add_argument(
        "--duplex",
        choices=("off", "front", "units", "tables"),
        default="off",
        help="PDF 双面印刷：front 封面背面留空、编制说明/目录/第1页在右页；units 每个单位、tables 每张表从右页开始",
    )
    p.add_argument(
        "--blank-pages",
        choices=("marked", "empty"),
        default="marked",
        help="双面印刷留出的空白左页：marked 印“此页无正文”（默认），empty 留空",
    )
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("import-xlsx", help="把官方格式的 Excel 工作簿导入为项目文件")
    p.add_argument("input", help="工作簿 .xlsx")
    p.add_argument("-o", "--output", required=True, help="输出的 .kpi.json 项目文件")
    p.add_argument("--fiscal-year", type=int, help="预算年度（默认从资金来源标签读取）")
    p.add_argument(
        "--template",
        default="xiqu-2026",
        help="表样模板编号；auto 按指标表头识别（本程序导出的工作簿自带表样）",
    )
    p.set_defaults(func=cmd_import_xlsx)

    p = sub.add_parser(
        "merge",
        help="把各单位提交的项目文件合并为汇编本；单位已存在且内容不同时报告冲突并退出码为 1，除非加 --replace",
    )
    p.add_argument("files", nargs="+", help="各单位提交的 .kpi.json 项目文件")
    p.add_argument("-o", "--output", required=True, help="汇编本 .kpi.json；已存在时在其基础上合并")
    p.add_argument("--replace", action="store_true", help="用新提交替换已有的同一单位（审核状态和意见保留）")
    p.add_argument("--front-from", metavar="FILE", help="新建汇编本时，封面和编制说明取自此文件")
    p.add_argument("--blank-front", action="store_true", help="新建汇编本时，封面和编制说明留空")
    p.add_argument("--units", metavar="FILE", help="应报单位名单（文本：每行“编码 名称”，或 .kpi.json）")
    p.add_argument("--allow-unexpected", action="store_true", help="确认合并名单外单位的提交")
    p.add_argument("--allow-mismatch", action="store_true", help="确认合并提交信息与内容不符的文件")
    p.set_defaults(func=cmd_merge)

    p = sub.add_parser("split", help="拆分为每个单位一个提交文件（<编码>-<名称>.kpi.json，带提交信息）")
    p.add_argument("file")
    p.add_argument("-o", "--output", required=True, metavar="DIR", help="输出文件夹（不存在时新建）")
    p.add_argument("--department", action="append", metavar="CODE", help="只拆出该单位（可重复）")
    p.add_argument("--submitter", help="提交人（默认当前用户名）")
    p.add_argument("--overwrite", action="store_true", help="覆盖同名文件")
    p.set_defaults(func=cmd_split)

    p = sub.add_parser(
        "letter", help="生成给单位的审核意见书 PDF：退回的项目、审核意见、错误、修改期限、签名"
    )
    p.add_argument("file")
    p.add_argument(
        "--department", action="append", required=True, metavar="CODE", help="单位编码（可重复，每单位一封）"
    )
    p.add_argument("-o", "--output", required=True, metavar="OUT.pdf")
    p.add_argument("--reviewer", help="审核人（默认当前用户名）")
    p.add_argument("--date", help="落款日期，如 2026-03-10（默认今天）")
    p.add_argument("--deadline", help="重新报送期限，如 2026-03-20（默认留空待填）")
    p.set_defaults(func=cmd_letter)

    p = sub.add_parser("status", help="批量设置审核状态（记录审核人、时间和内容指纹）")
    p.add_argument("file")
    p.add_argument(
        "--set",
        required=True,
        metavar="STATUS",
        help="审核通过 / 退回修改 / 未审核（或 approved/returned/pending）",
    )
    p.add_argument("--department", action="append", metavar="CODE", help="该单位的全部项目（可重复）")
    p.add_argument("--project", action="append", metavar="ID", help="该项目（可重复）")
    p.add_argument("--all", action="store_true", help="全部项目")
    p.add_argument("--reviewer", help="审核人（默认当前用户名）")
    p.add_argument("--even-with-errors", action="store_true", help="有错误的项目也审核通过")
    p.set_defaults(func=cmd_status)

    p = sub.add_parser("progress", help="审核进度：各单位状态汇总、计数、提交情况（谁已提交、第几版、缺报）")
    p.add_argument("file")
    p.add_argument("--units", metavar="FILE", help="应报单位名单（默认汇编本中的单位）")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.set_defaults(func=cmd_progress)

    p = sub.add_parser("diff", help="比较两个版本的内容；有不同时退出码为 1")
    p.add_argument("old", help="旧版本 .kpi.json")
    p.add_argument("new", help="新版本 .kpi.json")
    p.add_argument("--json", action="store_true", help="以 JSON 列表输出每处不同")
    p.set_defaults(func=cmd_diff)

    p = sub.add_parser("fingerprint", help="打印内容指纹（与打印页脚上的指纹对照）")
    p.add_argument("file")
    p.add_argument("--projects", action="store_true", help="每个项目一行：指纹、单位编码、项目名称")
    p.set_defaults(func=cmd_fingerprint)

    p = sub.add_parser("report", help="生成审核报告：每个项目的审核状态、审核意见和校验问题")
    p.add_argument("file")
    target = p.add_mutually_exclusive_group(required=True)
    target.add_argument("--xlsx", metavar="OUT", help="写成 Excel 工作簿")
    target.add_argument("--pdf", metavar="OUT", help="写成 PDF")
    p.add_argument("--advice", action="store_true", help="同时列出建议（如效益、质量指标的描述性写法）")
    p.add_argument("--department", action="append", metavar="CODE", help="只含该单位（可重复）")
    p.add_argument("--status", action="append", metavar="STATUS", help="只含该审核状态的项目（可重复）")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser(
        "rollover", help="由本年度的项目文件新建下一年度：年份顺延，历史年份保留，拿不准的列出待核对"
    )
    p.add_argument("input", help="本年度的 .kpi.json 项目文件（不会被改动）")
    p.add_argument("-o", "--output", required=True, help="新年度的 .kpi.json 项目文件")
    p.add_argument("--year", type=int, required=True, help="新的预算年度，如 2027")
    p.add_argument(
        "--amounts",
        choices=("keep", "clear"),
        default="keep",
        help="金额：keep 沿用上年（标为上年数，默认），clear 清空（上年金额留作参考）",
    )
    p.add_argument("--report", metavar="REPORT.json", help="把完整报告（每处改动、保留和待核对）写成 JSON")
    p.set_defaults(func=cmd_rollover)

    from kpi_editor.cli_library import add_commands as add_library_commands

    add_library_commands(sub)
    from kpi_editor.cli_templates import add_commands as add_template_commands

    add_template_commands(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _EscapedStream(out), _EscapedStream(err)
    try:
        return _main(argv)
    finally:
        sys.stdout, sys.stderr = out, err


def _main(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    func: Command = args.func
    try:
        return func(args)
    except (FileFormatError, TemplateError, CliError) as exc:
        print(one_line(f"kpi: {exc}"), file=sys.stderr)
        return EXIT_UNREADABLE
    except BrokenPipeError:
        # The reader went away (``kpi validate … | head``): nothing is wrong with the input.
        sys.stdout = sys.stderr = _EscapedStream(open(os.devnull, "w"))  # noqa: SIM115
        return EXIT_OK
    except OSError as exc:
        name = exc.filename if exc.filename else ""
        print(one_line(f"kpi: {name}：{exc.strerror or exc}"), file=sys.stderr)
        return EXIT_UNREADABLE
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())

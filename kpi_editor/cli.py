"""``kpi``: the headless command line. A stable contract other tools rely on.

Exit codes: 0 success, 1 the command ran and found problems (validation errors, merge conflicts),
2 the input could not be read or the arguments are wrong. Errors are one line on stderr, never a
traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from kpi_editor import __version__
from kpi_editor.domain.model import Booklet
from kpi_editor.domain.template import TemplateError
from kpi_editor.io.errors import FileFormatError

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_UNREADABLE = 2


class CliError(Exception):
    """A user error: printed as one line, exit code 2."""


def _load(path: str) -> Booklet:
    from kpi_editor.io.projectfile import load_booklet

    return load_booklet(path)


def _print_json(data: object) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


_SEVERITY_WORDS = {"error": "错误", "warning": "警告", "info": "提示"}


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


def cmd_validate(args: argparse.Namespace) -> int:
    from kpi_editor.domain.engine import Severity, validate_booklet

    booklet = _load(args.file)
    findings = validate_booklet(booklet)
    if args.json:
        _print_json(
            [
                {
                    "severity": str(f.severity),
                    "rule": f.rule,
                    "department": f.department,
                    "project": f.project_name,
                    "project_id": f.project_id,
                    # Rows are numbered from 1, as a clerk counts them in the table.
                    "indicator": None if f.indicator is None else f.indicator + 1,
                    "message": f.message,
                }
                for f in findings
            ]
        )
    else:
        for f in findings:
            where = " ".join(
                part
                for part in (
                    f.department or "",
                    f"「{f.project_name}」" if f.project_name else "",
                    f"第{f.indicator + 1}行" if f.indicator is not None else "",
                )
                if part
            )
            print(f"{_SEVERITY_WORDS.get(str(f.severity), str(f.severity))}\t{f.rule}\t{where}\t{f.message}")
        errors = sum(1 for f in findings if f.severity is Severity.ERROR)
        warnings = sum(1 for f in findings if f.severity is Severity.WARNING)
        print(f"共 {errors} 个错误，{warnings} 个警告。", file=sys.stderr)
    has_errors = any(f.severity is Severity.ERROR for f in findings)
    return EXIT_FINDINGS if has_errors else EXIT_OK


def cmd_merge(args: argparse.Namespace) -> int:
    from kpi_editor.domain.merge import MergeError, merge_booklets
    from kpi_editor.io.projectfile import save_booklet

    output = Path(args.output)
    # An existing output is the booklet being compiled: new submissions go into it.
    base = _load(args.output) if output.exists() else None
    submissions = [(path, _load(path)) for path in args.files]
    try:
        result = merge_booklets(base, submissions, replace=args.replace, base_source=args.output)
    except MergeError as exc:
        raise CliError(str(exc)) from None
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
    if result.blocked:
        print("有冲突，未写入任何文件。确认要用新提交替换时，请加 --replace 重新运行。", file=sys.stderr)
        return EXIT_FINDINGS
    save_booklet(result.booklet, output)
    for entry in result.departments:
        replaced = f"，替换了 {entry.replaced} 中的版本" if entry.replaced else ""
        what = f"{entry.projects}个项目，合计 {entry.total} 万元{replaced}"
        print(f"{entry.code} {entry.name} ← {entry.source}（{what}）")
    for source, old_id, new_id in result.renamed_ids:
        print(f"{source}：项目编号 {old_id} 与已有项目重复，已改为 {new_id}", file=sys.stderr)
    booklet = result.booklet
    print(
        f"已合并 {len(booklet.departments)} 个单位、{booklet.project_count} 个项目，"
        f"合计 {booklet.total()} 万元 → {output}",
        file=sys.stderr,
    )
    return EXIT_OK


def cmd_diff(args: argparse.Namespace) -> int:
    from kpi_editor.domain.diff import diff_booklets

    changes = diff_booklets(_load(args.old), _load(args.new))
    if args.json:
        _print_json([c.as_json() for c in changes])
    else:
        for change in changes:
            print(change.describe())
        print(f"共 {len(changes)} 处不同。" if changes else "内容相同。", file=sys.stderr)
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
    booklet = _load(args.file)
    try:
        report = write_review_report(booklet, output, fmt)
    except FontError as exc:
        raise CliError(f"无法生成 PDF：{exc}") from None
    except ReportLayoutError as exc:
        raise CliError(str(exc)) from None
    errors = sum(d.count("错误") for d in report.departments)
    warnings = sum(d.count("警告") for d in report.departments)
    comments = sum(d.open_comments for d in report.departments)
    print(
        f"已写入审核报告 → {output}（{len(report.departments)} 个单位、{booklet.project_count} 个项目；"
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

    p = sub.add_parser("validate", help="按审核规则检查，发现错误时退出码为 1")
    p.add_argument("file")
    p.add_argument("--json", action="store_true", help="以 JSON 列表输出全部发现")
    p.set_defaults(func=cmd_validate)

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
    p.add_argument("--template", default="xiqu-2026", help="表样模板编号")
    p.set_defaults(func=cmd_import_xlsx)

    p = sub.add_parser(
        "merge",
        help="把各单位提交的项目文件合并为汇编本；单位已存在时报告冲突并退出码为 1，除非加 --replace",
    )
    p.add_argument("files", nargs="+", help="各单位提交的 .kpi.json 项目文件")
    p.add_argument("-o", "--output", required=True, help="汇编本 .kpi.json；已存在时在其基础上合并")
    p.add_argument("--replace", action="store_true", help="用新提交替换已有的同一单位")
    p.set_defaults(func=cmd_merge)

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
    p.set_defaults(func=cmd_report)

    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    func: Command = args.func
    try:
        return func(args)
    except (FileFormatError, TemplateError, CliError) as exc:
        print(f"kpi: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    except OSError as exc:
        name = exc.filename if exc.filename else ""
        print(f"kpi: {name}：{exc.strerror or exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())

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


def cmd_import_text(args: argparse.Namespace) -> int:
    from kpi_editor.io.booklet_text import import_booklet_text
    from kpi_editor.io.projectfile import save_booklet

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

    p = sub.add_parser("stats", help="统计部门、项目、指标数和合计金额")
    p.add_argument("file")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.set_defaults(func=cmd_stats)

    p = sub.add_parser("validate", help="按审核规则检查，发现错误时退出码为 1")
    p.add_argument("file")
    p.add_argument("--json", action="store_true", help="以 JSON 列表输出全部发现")
    p.set_defaults(func=cmd_validate)

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

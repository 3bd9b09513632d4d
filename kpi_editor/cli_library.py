"""``kpi library build|search`` and ``kpi suggest``: the indicator library from the command line.

Registered by `kpi_editor.cli.build_parser`; errors are raised as the CLI's own error types and
printed there as one line.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from kpi_editor.domain.library import Library, booklet_label, build_library
from kpi_editor.domain.model import Booklet
from kpi_editor.domain.suggest import LibraryIndex, Suggestion
from kpi_editor.domain.template import FormTemplate, load_template


def _read_booklet(path: str) -> Booklet:
    """A project file, a published booklet's text, or a workbook in the official layout."""
    lower = path.lower()
    if lower.endswith(".txt"):
        from kpi_editor.io.booklet_text import import_booklet_text

        return import_booklet_text(path)[0]
    if lower.endswith(".xlsx"):
        from kpi_editor.io.xlsx import import_xlsx

        return import_xlsx(path)[0]
    from kpi_editor.io.projectfile import load_booklet

    return load_booklet(path)


def _libraries(template: FormTemplate, files: list[str] | None, shipped: bool) -> Library:
    from kpi_editor.domain.library import merge_libraries
    from kpi_editor.io.libraryfile import load_library, shipped_library

    parts = [shipped_library(template)] if shipped else []
    parts += [load_library(path, template) for path in files or ()]
    if not parts:
        from kpi_editor.cli import CliError

        raise CliError("没有可用的指标库：去掉 --no-shipped 或用 --library 指定文件")
    return merge_libraries(parts, name="指标库")


def cmd_library_build(args: argparse.Namespace) -> int:
    from kpi_editor.cli import CliError, _not_an_input
    from kpi_editor.io.libraryfile import common_library, save_library

    _not_an_input(args.output, *args.booklets)
    booklets = [_read_booklet(path) for path in args.booklets]
    template_ids = sorted({b.template_id for b in booklets})
    if len(template_ids) > 1:
        raise CliError(f"这些文件使用了不同的表样（{'、'.join(template_ids)}），请分别建库")
    template = load_template(template_ids[0])
    labels = [args.label or booklet_label(b) for b in booklets]
    common = common_library()
    library, report = build_library(
        zip(booklets, labels, strict=True),
        template,
        name=args.name or "、".join(dict.fromkeys(labels)),
        project_types=common.project_types,
        explanations=common,
    )
    save_library(library, args.output)
    print(f"{report.format()} → {args.output}", file=sys.stderr)
    return 0


def _as_json(suggestion: Suggestion) -> dict[str, Any]:
    return {
        "level1": suggestion.level1,
        "level2": suggestion.level2,
        "name": suggestion.name,
        "value": suggestion.value,
        "example": suggestion.example,
        "comparator": suggestion.comparator,
        "unit": suggestion.unit,
        "explanation": suggestion.explanation,
        "origin": suggestion.origin,
        "seen": suggestion.seen,
        "project_types": list(suggestion.project_types),
        "reason": suggestion.reason,
        "score": suggestion.score,
    }


def _line(suggestion: Suggestion) -> str:
    example = (
        f"（常见：{suggestion.example}）"
        if suggestion.example and suggestion.example != suggestion.value
        else ""
    )
    seen = f"，{suggestion.seen}个项目用过" if suggestion.seen else ""
    return f"  {suggestion.name}\t{suggestion.value or '（待填）'}{example}\t{suggestion.reason}：{suggestion.origin}{seen}"


def cmd_suggest(args: argparse.Namespace) -> int:
    from kpi_editor.cli import CliError, _load, _print_json

    booklet = _load(args.file)
    found = booklet.find_project(args.project)
    if found is None:
        raise CliError(f"{args.file} 中没有编号为 {args.project} 的项目")
    if args.top < 1:
        raise CliError("--top 至少为 1")
    _department, project = found
    template = load_template(booklet.template_id)
    index = LibraryIndex(_libraries(template, args.library, not args.no_shipped), template)
    result = index.suggest(project, booklet.fiscal_year, top=args.top)
    if args.json:
        _print_json(
            {
                "project_id": project.id,
                "project": project.name,
                "fiscal_year": booklet.fiscal_year,
                "project_types": list(result.project_types),
                "suggestions": {
                    level2: [_as_json(s) for s in group] for level2, group in result.by_level2.items()
                },
            }
        )
        return 0
    kinds = f"（{'、'.join(result.project_types)}）" if result.project_types else ""
    print(f"「{project.name}」{kinds}的推荐指标：")
    for level2, group in result.by_level2.items():
        print(f"{template.parent_of(level2)} › {level2}")
        for suggestion in group:
            print(_line(suggestion))
    return 0


def cmd_library_search(args: argparse.Namespace) -> int:
    from kpi_editor.cli import _print_json

    template = load_template(args.template)
    index = LibraryIndex(_libraries(template, args.library, not args.no_shipped), template)
    found = index.search(
        " ".join(args.words),
        args.fiscal_year,
        level1=args.level1,
        level2=args.level2,
        project_type=args.type,
        limit=args.limit,
    )
    if args.json:
        _print_json([_as_json(s) for s in found])
    else:
        for suggestion in found:
            print(f"{suggestion.level2}\t{_line(suggestion).strip()}")
        print(f"共 {len(found)} 条。", file=sys.stderr)
    return 0


def add_commands(sub: Any) -> None:
    """Add ``library`` and ``suggest`` to the ``kpi`` sub-command parsers."""
    p = sub.add_parser("library", help="指标库：从汇编建库、检索")
    library_sub = p.add_subparsers(dest="library_command", required=True, parser_class=type(p))

    b = library_sub.add_parser("build", help="从一个或多个汇编（.kpi.json、汇编文本 .txt、.xlsx）建立指标库")
    b.add_argument("booklets", nargs="+", metavar="BOOKLET")
    b.add_argument("-o", "--output", required=True, type=Path, help="输出的指标库文件（.library.json）")
    b.add_argument("--name", help="指标库名称")
    b.add_argument("--label", help="来源标注（默认如“西区2026”，取自编制单位和预算年度）")
    b.set_defaults(func=cmd_library_build)

    s = library_sub.add_parser("search", help="按关键词检索指标库")
    s.add_argument("words", nargs="*", help="关键词（都须出现）")
    s.add_argument("--template", default="xiqu-2026", help="表样模板编号")
    s.add_argument("--fiscal-year", type=int, default=2026, help="按此预算年度显示年份")
    s.add_argument("--level1", help="只看该一级指标")
    s.add_argument("--level2", help="只看该二级指标")
    s.add_argument("--type", help="只看该项目类型（如 会议、培训类）")
    s.add_argument("--limit", type=int, default=50)
    s.add_argument("--library", action="append", metavar="LIB", help="另加的指标库文件（可重复）")
    s.add_argument("--no-shipped", action="store_true", help="不用程序自带的指标库")
    s.add_argument("--json", action="store_true", help="以 JSON 输出")
    s.set_defaults(func=cmd_library_search)

    g = sub.add_parser("suggest", help="为一个项目推荐指标（按二级指标分组，数字留空待填）")
    g.add_argument("file")
    g.add_argument("--project", required=True, metavar="ID", help="项目编号")
    g.add_argument("--top", type=int, default=5, help="每个二级指标最多几条（默认 5）")
    g.add_argument("--library", action="append", metavar="LIB", help="另加的指标库文件（可重复）")
    g.add_argument("--no-shipped", action="store_true", help="不用程序自带的指标库")
    g.add_argument("--json", action="store_true", help="以 JSON 输出")
    g.set_defaults(func=cmd_suggest)


__all__ = ["add_commands"]

"""``kpi templates``, ``kpi new`` and ``kpi convert``: the form templates from the command line.

Registered by `kpi_editor.cli.build_parser`; errors are raised as the CLI's own error types and
printed there as one line.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

from kpi_editor.domain.template import FormTemplate, available_templates, load_template


def _describe(template: FormTemplate) -> dict[str, Any]:
    return {
        "id": template.id,
        "version": template.version,
        "content_hash": template.content_hash,
        "name": template.name,
        "currency": template.currency.unit,
        "target_sets": [s.label for s in template.target_sets],
        "columns": [{"key": c.key, "type": c.type, "label": c.label} for c in template.columns],
        "level1": list(template.level1_names),
        "weights": None
        if template.weights is None
        else {
            "total": str(template.weights.total),
            "reserved": {r.label: str(r.points) for r in template.weights.reserved},
            "level1": {b.name: [str(b.min), str(b.max)] for b in template.weights.level1},
        },
        "description": template.description,
    }


def cmd_templates(args: argparse.Namespace) -> int:
    from kpi_editor.domain.template import load_template_file

    if args.check:
        template = load_template_file(Path(args.check))
        print(
            f"{args.check}：表样“{template.id}”版本 {template.version} 有效，content_hash {template.content_hash}"
        )
        return 0
    templates = list(available_templates().values())
    if args.json:
        sys.stdout.write(json.dumps([_describe(t) for t in templates], ensure_ascii=False, indent=2) + "\n")
        return 0
    for template in templates:
        columns = " | ".join(c.label for c in template.columns)
        sets = "+".join(s.label for s in template.target_sets)
        print(f"{template.id}\t版本 {template.version}\t{template.name}")
        print(f"\t列：{columns}（{sets}目标，金额单位{template.currency.unit}）")
        print(f"\t一级指标：{'、'.join(template.level1_names)}")
        if template.weights is not None:
            reserved = "".join(f"＋{r.label}{r.points}" for r in template.weights.reserved)
            print(f"\t权重：合计{template.weights.total}分{reserved}")
    return 0


_CODE_RE = re.compile(r"\d{6}")


def cmd_new(args: argparse.Namespace) -> int:
    from kpi_editor.cli import CliError, _writable
    from kpi_editor.domain.skeleton import new_booklet
    from kpi_editor.io.projectfile import save_booklet

    output = Path(args.output)
    _writable(output)
    if output.exists() and not args.overwrite:
        raise CliError(f"{output} 已存在；要覆盖请加 --overwrite")
    code, unit = args.unit if args.unit else ("", "")
    if code and not _CODE_RE.fullmatch(code):
        raise CliError(f"单位编码“{code}”应为6位数字（3位部门 + 3位单位序号），如 116001")
    if not 1990 <= args.year <= 2200:
        raise CliError(f"预算年度 {args.year} 无效")
    template = load_template(args.template)
    booklet = new_booklet(template, args.year, code, unit)
    save_booklet(booklet, output, backup=False)
    rows = booklet.indicator_count
    print(
        f"已新建 {args.year} 年度的“{template.name}”（版本 {template.version}）：1 个项目、{rows} 行必填指标"
        f" → {output}",
        file=sys.stderr,
    )
    return 0


def cmd_convert(args: argparse.Namespace) -> int:
    from kpi_editor.cli import CliError, _load, _not_an_input, _writable
    from kpi_editor.domain.retemplate import convert_booklet
    from kpi_editor.io.atomic import write_atomic
    from kpi_editor.io.projectfile import save_booklet

    output, report_path = Path(args.output), Path(args.report) if args.report else None
    _not_an_input(output, args.file)
    if report_path is not None:
        _not_an_input(report_path, args.file)
        if report_path.resolve() == output.resolve():
            raise CliError(f"--report 与 -o 是同一个文件 {output}；请分别指定")
    for path in (output, report_path):
        if path is not None:
            _writable(path)
    booklet = _load(args.file)
    target = load_template(args.template)
    if target.id == booklet.template_id:
        raise CliError(f"{args.file} 已经使用表样“{target.id}”，无需转换")
    conversion = convert_booklet(booklet, target)
    save_booklet(conversion.booklet, output)
    report = conversion.report
    if report_path is not None:
        data = {"source": str(args.file), "output": str(output), **report.as_json()}
        write_atomic(report_path, (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))
    lines = report.summary()
    shown = lines if args.verbose else lines[: len(report.notes) + 2]
    for line in shown:
        print(line, file=sys.stderr)
    if len(shown) < len(lines):
        more = f"另有 {len(report.to_check)} 个单元格待核对"
        where = f"，见 {report_path}" if report_path else "（加 --verbose 列出，或用 --report 写成 JSON）"
        print(f"……{more}{where}", file=sys.stderr)
    new = conversion.booklet
    print(
        f"已转换为“{target.name}”（版本 {target.version}）：{new.project_count} 个项目、{new.indicator_count} 行指标"
        f" → {output}",
        file=sys.stderr,
    )
    return 0


def add_commands(sub: Any) -> None:
    p = sub.add_parser("templates", help="列出本程序带的表样模板（编号、版本、列、一级指标、权重规则）")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.add_argument(
        "--check", metavar="FILE", help="检查一个表样文件并打印它的 content_hash（制作新表样时用）"
    )
    p.set_defaults(func=cmd_templates)

    p = sub.add_parser("new", help="按表样新建一个项目文件：一个单位、一个项目，带表样要求的必填指标行")
    p.add_argument("--template", required=True, metavar="ID", help="表样模板编号（见 kpi templates）")
    p.add_argument("--year", type=int, required=True, help="预算年度，如 2026")
    p.add_argument("--unit", nargs=2, metavar=("CODE", "NAME"), help="单位编码（6位）和单位名称")
    p.add_argument("-o", "--output", required=True, help="输出的 .kpi.json 项目文件")
    p.add_argument("--overwrite", action="store_true", help="覆盖已有的文件")
    p.set_defaults(func=cmd_new)

    p = sub.add_parser(
        "convert",
        help="把项目文件转换为另一表样：一级/二级对应、指标值拆分为指标性质/指标值/度量单位、元与万元换算，列出无法对应的内容",
    )
    p.add_argument("file", help="要转换的 .kpi.json（不会被改动）")
    p.add_argument("--template", required=True, metavar="ID", help="目标表样编号（见 kpi templates）")
    p.add_argument("-o", "--output", required=True, help="转换后的 .kpi.json")
    p.add_argument("--report", metavar="REPORT.json", help="把完整的对应报告（每处改动和待核对）写成 JSON")
    p.add_argument("--verbose", action="store_true", help="在终端列出每个待核对的单元格")
    p.set_defaults(func=cmd_convert)

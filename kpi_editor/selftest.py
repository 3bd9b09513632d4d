"""``kpi-editor --self-test``: prove an installation works without opening a window.

Opens the bundled sample, validates it, exports one department to PDF and XLSX in a temporary
folder, checks both files, and checks that the bundled fonts (with their licences), templates and
icons are present. The same code runs from a checkout and from a frozen bundle, so a clerk's
support person can run it on the clerk's machine and read what failed.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from kpi_editor import __version__
from kpi_editor.about import font_licenses
from kpi_editor.domain.model import Booklet, Department
from kpi_editor.paths import resource_dir, sample_path

REQUIRED_TEMPLATES = ("xiqu-2026", "mof-2021")
REQUIRED_FONTS = ("uming.ttc", "wqy-microhei.ttc")
REQUIRED_ICONS = ("kpi-editor.svg", "kpi-editor-256.png", "kpi-editor.ico")
REPORT_NAME = "kpi-editor-selftest.txt"


class _Run:
    """Collects what passed and what failed, step by step; a step that raises is a failure."""

    def __init__(self) -> None:
        self.passed: list[str] = []
        self.problems: list[str] = []

    def step(self, title: str, check: Callable[[], str | list[str]]) -> bool:
        try:
            result = check()
        except Exception as exc:
            # A self-test must report every failure, whatever its type, instead of stopping.
            last = traceback.extract_tb(exc.__traceback__)[-1:]
            where = f"（{Path(last[0].filename).name}:{last[0].lineno}）" if last else ""
            self.problems.append(f"{title}：{type(exc).__name__}: {exc}{where}")
            return False
        if isinstance(result, list):
            if result:
                self.problems += [f"{title}：{p}" for p in result]
                return False
            result = ""
        self.passed.append(f"{title}{'：' + result if result else ''}")
        return True


def check_resources(root: Path | None = None) -> list[str]:
    """Problems with the bundled resources: missing fonts, licences, templates, icons or sample."""
    from kpi_editor.domain.template import load_template

    base = root or resource_dir()
    problems: list[str] = []
    if not base.is_dir():
        return [f"资源文件夹不存在：{base}"]
    fonts = base / "fonts"
    for name in REQUIRED_FONTS:
        path = fonts / name
        if not path.is_file() or path.stat().st_size < 1_000_000:
            problems.append(f"缺少随附字体或字体文件不完整：{path}")
    licensed = {f.font_file for f in font_licenses(fonts)}
    for font in sorted(fonts.glob("*.tt[cf]")):
        if font.name not in licensed:
            problems.append(f"字体 {font.name} 没有随附许可证文件（应为 {font.stem}.COPYRIGHT.txt）")
    for template_id in REQUIRED_TEMPLATES:
        if not (base / "templates" / f"{template_id}.json").is_file():
            problems.append(f"缺少表样模板：{base / 'templates' / (template_id + '.json')}")
        elif root is None:
            load_template(template_id)  # raises with the file and place when the template is broken
    for name in REQUIRED_ICONS:
        if not (base / "icons" / name).is_file():
            problems.append(f"缺少图标：{base / 'icons' / name}")
    sample = base / "samples" / "xiqu-2026.kpi.json"
    if not sample.is_file():
        problems.append(f"缺少示例文件：{sample}")
    return problems


_PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


def check_pdf_bytes(data: bytes) -> tuple[int, list[str]]:
    """Page count and problems, by the file's own structure (no PDF library needed).

    ReportLab writes uncompressed object dictionaries, so page objects and embedded TrueType font
    programs (/FontFile2) can be counted directly.
    """
    problems = []
    if not data.startswith(b"%PDF-"):
        problems.append("文件不是 PDF（缺少 %PDF- 文件头）")
    if b"%%EOF" not in data[-1024:]:
        problems.append("PDF 文件不完整（结尾没有 %%EOF）")
    if len(data) < 2_000:
        problems.append(f"PDF 文件过小（{len(data)} 字节）")
    pages = len(_PAGE.findall(data))
    if pages == 0:
        problems.append("PDF 中没有页面")
    if b"/FontFile2" not in data:
        problems.append("PDF 没有嵌入 TrueType 字体：在没有中文字体的电脑上会显示为方框")
    return pages, problems


def check_pdf(path: Path, department: Department) -> tuple[int, list[str]]:
    """Page count and problems; with pypdf (when installed) also checks the text and fonts inside."""
    pages, problems = check_pdf_bytes(path.read_bytes())
    if problems:
        return pages, problems
    try:
        from pypdf import PdfReader
    except ImportError:
        return pages, problems
    reader = PdfReader(path)
    pages = len(reader.pages)
    text = "".join(page.extract_text() or "" for page in reader.pages)
    compact = re.sub(r"\s+", "", text)
    expected = re.sub(r"\s+", "", department.projects[0].name)
    if expected and expected not in compact:
        problems.append(f"PDF 文字中找不到第一个项目的名称“{department.projects[0].name}”")
    return pages, problems


def check_xlsx(path: Path, department: Department) -> tuple[int, list[str]]:
    """Re-import the workbook: our own export must come back with exactly the projects exported."""
    from kpi_editor.io.xlsx import import_xlsx

    back, report = import_xlsx(path)
    problems = [f"重新导入时 {issue.cell}：{issue.message}" for issue in report.errors]
    if not report.own_export:
        problems.append("重新导入时没有认出本程序写入的隐藏元数据表")
    projects = [p for _, p in back.projects()]
    if len(projects) != len(department.projects):
        problems.append(f"重新导入得到 {len(projects)} 个项目，导出的是 {len(department.projects)} 个")
    for before, after in zip(department.projects, projects, strict=False):
        if before != after:
            old, new = before.model_dump(), after.model_dump()
            fields = [k for k in old if old[k] != new.get(k)]
            problems.append(f"项目 {before.id}“{before.name}”重新导入后不同：{'、'.join(fields)}")
    return len(projects), problems


def _department_to_export(booklet: Booklet) -> Department:
    """A small department with several projects: quick, yet exercises more than one table."""
    candidates = [d for d in booklet.departments if d.projects]
    if not candidates:
        raise ValueError("示例文件中没有任何项目")
    several = [d for d in candidates if len(d.projects) >= 3]
    return min(several or candidates, key=lambda d: len(d.projects))


def _run(out: Path) -> _Run:
    run = _Run()
    state: dict[str, object] = {}

    run.step("资源文件 resources", lambda: check_resources())

    def qt() -> str:
        # Loading the Qt libraries (without creating a window) catches a bundle missing a library.
        from PySide6 import QtCore, QtGui, QtWidgets  # noqa: F401

        return f"Qt {QtCore.qVersion()}"

    run.step("Qt 库 libraries", qt)

    def load() -> str:
        from kpi_editor.io.projectfile import load_booklet

        booklet = load_booklet(sample_path())
        state["booklet"] = booklet
        return f"{booklet.project_count} 个项目 projects，{booklet.indicator_count} 条指标 indicators"

    if not run.step("打开示例 open sample", load):
        return run
    booklet = state["booklet"]
    assert isinstance(booklet, Booklet)

    def validate() -> str:
        from kpi_editor.domain.engine import validate_booklet
        from kpi_editor.domain.template import load_template

        findings = validate_booklet(booklet, load_template(booklet.template_id))
        return f"{len(findings)} 条检查结果 findings"

    run.step("检查规则 validate", validate)

    def suggest() -> str | list[str]:
        # The shipped indicator library and rapidfuzz (a compiled extension a bundle could lack).
        from kpi_editor.domain.suggest import LibraryIndex
        from kpi_editor.domain.template import load_template
        from kpi_editor.io.libraryfile import shipped_library

        template = load_template(booklet.template_id)
        library = shipped_library(template)
        project = next(p for _, p in booklet.projects())
        result = LibraryIndex(library, template).suggest(project, booklet.fiscal_year, top=3)
        missing = [s.name for s in template.required_level2() if s.name not in result.by_level2]
        if missing:
            return [f"“{project.name}”没有{'、'.join(missing)}的推荐指标"]
        return f"{len(library.rows)} 条指标 rows，为“{project.name}”推荐 {len(result.all())} 条 suggested"

    run.step("指标库 indicator library", suggest)

    department = _department_to_export(booklet)
    label = f"{department.code} {department.name}（{len(department.projects)} 个项目）"

    def pdf() -> str | list[str]:
        from kpi_editor.io.pdf import PdfOptions, export_pdf

        path = out / f"selftest-{department.code}.pdf"
        # The summary chart brings ReportLab's graphics in too, which a bundle could lack.
        result = export_pdf(
            booklet, path, departments=[department.code], options=PdfOptions(summary_chart=True)
        )
        pages, problems = check_pdf(path, department)
        if pages != result.pages:
            problems.append(f"导出报告 {result.pages} 页，文件中有 {pages} 页")
        problems += [
            f"项目 {m.project_id} 的{m.cell}中有字体缺少的字符“{m.chars}”，印出来会缺字"
            for m in result.missing
        ]
        return problems or f"{label}，{pages} 页 pages，字体 fonts: {', '.join(result.fonts)}"

    run.step("导出 PDF export", pdf)

    def pdf_back() -> str | list[str]:
        # pdfplumber/pdfminer and PDFium: what 导入 PDF 汇编本 and the print preview need.
        from kpi_editor.io.booklet_pdf import import_booklet_pdf
        from kpi_editor.io.pdf.raster import PdfPages

        path = out / f"selftest-{department.code}.pdf"
        read, _ = import_booklet_pdf(path)
        back = read.department(department.code)
        problems: list[str] = []
        if back is None or [p.model_dump(exclude={"id"}) for p in back.projects] != [
            p.model_dump(exclude={"id"}) for p in department.projects
        ]:
            problems.append("导出的 PDF 读回后与原项目不同")
        with PdfPages(path.read_bytes(), str(path)) as pages:
            raster = pages.render(len(pages) - 1, dpi=36)
        if not raster.width or raster.data.count(0) == 0:
            problems.append("PDF 页面渲染为空白")
        return (
            problems
            or f"读回 {len(back.projects) if back else 0} 个项目 read back，页面渲染 rendered {raster.width}×{raster.height}"
        )

    run.step("读回 PDF import / 预览 preview", pdf_back)

    def xlsx() -> str | list[str]:
        from kpi_editor.io.xlsx import export_xlsx

        path = out / f"selftest-{department.code}.xlsx"
        export_xlsx(booklet, path, departments=[department.code])
        count, problems = check_xlsx(path, department)
        return problems or f"{label}，重新导入 {count} 个项目 re-imported"

    run.step("导出 XLSX export", xlsx)
    return run


def run_self_test(out_dir: Path | None = None) -> list[str]:
    """Problems found (empty when everything works). Files go to `out_dir` or a temporary folder."""
    return _run_with_report(out_dir)[1].problems


def _run_with_report(out_dir: Path | None) -> tuple[float, _Run]:
    start = time.perf_counter()
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
        run = _run(out_dir)
    else:
        with tempfile.TemporaryDirectory(prefix="kpi-editor-selftest-") as tmp:
            run = _run(Path(tmp))
    return time.perf_counter() - start, run


def main(argv: list[str] | None = None) -> int:
    """Print a Chinese/English summary; 0 when every check passed, 1 otherwise."""
    parser = argparse.ArgumentParser(prog="kpi-editor --self-test", description="自检 / self-test")
    parser.add_argument("--self-test", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument(
        "--keep", type=Path, metavar="DIR", help="把导出的文件保留在 DIR / keep the exports in DIR"
    )
    args, _ = parser.parse_known_args(sys.argv[1:] if argv is None else argv)

    seconds, run = _run_with_report(args.keep)
    lines = [f"kpi-editor {__version__} 自检 self-test — 资源 resources: {resource_dir()}"]
    lines += [f"  [通过 OK]   {p}" for p in run.passed]
    lines += [f"  [失败 FAIL] {p}" for p in run.problems]
    if run.problems:
        lines.append(f"自检未通过：{len(run.problems)} 个问题 / self-test FAILED ({seconds:.1f} s)")
    else:
        lines.append(f"自检通过 / self-test passed ({seconds:.1f} s)")
    report = "\n".join(lines) + "\n"
    if sys.stdout is not None:
        if hasattr(sys.stdout, "reconfigure"):
            sys.stdout.reconfigure(errors="replace")  # an ASCII-only console must not crash the report
        sys.stdout.write(report)
        sys.stdout.flush()
    else:
        # A windowed Windows build has no console: leave the report where support can find it.
        (Path(tempfile.gettempdir()) / REPORT_NAME).write_text(report, encoding="utf-8")
    return 1 if run.problems else 0


if __name__ == "__main__":
    sys.exit(main())

"""The table page of each shipped form, as the PDF export prints it and as LibreOffice prints its
workbook: docs/pdf/form-<id>.png and docs/xlsx/form-<id>.png at 60 dpi.

Run from the repository root with the .venv active: ``python docs/make_form_pages.py``. The tables
are the filled ones the round-trip tests use (tests/forms_filled.py).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from forms_filled import filled_booklet  # noqa: E402

from kpi_editor.domain.template import available_templates  # noqa: E402
from kpi_editor.io.pdf import export_pdf  # noqa: E402
from kpi_editor.io.xlsx import export_xlsx  # noqa: E402


def page_png(pdf: Path, page: int, target: Path) -> None:
    stem = target.with_suffix("")
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "60",
            "-f",
            str(page),
            "-l",
            str(page),
            "-singlefile",
            str(pdf),
            str(stem),
        ],
        check=True,
    )


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        for template_id in sorted(available_templates()):
            booklet = filled_booklet(template_id)
            pdf = work / f"{template_id}.pdf"
            result = export_pdf(booklet, pdf)
            page_png(pdf, result.pages, ROOT / "docs" / "pdf" / f"form-{template_id}.png")
            xlsx = work / f"{template_id}.xlsx"
            export_xlsx(booklet, xlsx)
            subprocess.run(
                [
                    "soffice",
                    f"-env:UserInstallation=file://{work / 'lo'}",
                    "--headless",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    str(work / "lo-out"),
                    str(xlsx),
                ],
                check=True,
                capture_output=True,
            )
            printed = work / "lo-out" / f"{template_id}.pdf"
            from pypdf import PdfReader

            pages = len(PdfReader(printed).pages)
            page_png(printed, pages, ROOT / "docs" / "xlsx" / f"form-{template_id}.png")
        shutil.rmtree(work / "lo", ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

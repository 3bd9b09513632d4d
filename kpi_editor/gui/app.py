"""``kpi-editor [FILE ...]``: start the editor window (also ``python -m kpi_editor``)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from kpi_editor.app.settings import Settings
from kpi_editor.paths import resource_dir

APP_FONT = "wqy-microhei.ttc"


def install_font(app: QApplication) -> str | None:
    """Register the bundled CJK font and make it the UI font (no CJK font may be installed)."""
    font_id = QFontDatabase.addApplicationFont(str(resource_dir() / "fonts" / APP_FONT))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        return None
    font = QFont(families[0])
    font.setPointSize(max(app.font().pointSize(), 10))
    app.setFont(font)
    return families[0]


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """The UI is written in Simplified Chinese; English loads our .qm. Qt's own strings follow."""
    translators = []
    if language == "en":
        ours = QTranslator(app)
        if ours.load(str(resource_dir() / "translations" / "kpi_editor_en.qm")):
            translators.append(ours)
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    else:
        qt = QTranslator(app)
        if qt.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            translators.append(qt)
        # What Qt's catalogue leaves in English in its own dialogs (查找范围, 文件类型 …).
        extra = QTranslator(app)
        if extra.load(str(resource_dir() / "translations" / "qt_extra_zh_CN.qm")):
            translators.append(extra)
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    for translator in translators:
        app.installTranslator(translator)
    return translators


def create_application(argv: Sequence[str], settings: Settings) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(list(argv))
    app.setApplicationName("kpi-editor")
    app.setOrganizationName("kpi-editor")
    install_font(app)
    install_translators(app, settings.language)
    return app


def relaunch(files: Sequence[Path]) -> bool:
    """Start a new editor process on `files` (after a language change); True when it started."""
    from PySide6.QtCore import QProcess

    if getattr(sys, "frozen", False):
        program, arguments = sys.executable, [str(f) for f in files]
    else:
        program, arguments = sys.executable, ["-m", "kpi_editor", *(str(f) for f in files)]
    started, _pid = QProcess.startDetached(program, arguments)
    return bool(started)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv if argv is None else argv)
    if "--self-test" in args[1:]:
        # Before any QApplication exists: the self-test opens no window (kpi_editor/selftest.py).
        from kpi_editor.selftest import main as self_test

        return self_test(args[1:])
    parser = argparse.ArgumentParser(
        prog="kpi-editor", description="部门（单位）预算项目支出绩效目标表编辑器"
    )
    parser.add_argument("files", nargs="*", type=Path, help="要打开的绩效目标表文件（*.kpi.json）")
    options = parser.parse_args(args[1:])
    settings = Settings.load()
    app = create_application(args[:1], settings)

    from kpi_editor.gui.main_window import MainWindow  # after the translators: widgets read tr() at build

    windows: list[MainWindow] = []
    if options.files:
        for path in options.files:
            window = MainWindow(settings)
            window.files.open_file(path)
            windows.append(window)
    else:
        window = MainWindow(settings)
        if (
            not window.context.recover_autosaves()
            and settings.last_file
            and Path(settings.last_file).exists()
        ):
            window.files.open_file(Path(settings.last_file))
        windows.append(window)
    for window in windows:
        window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())

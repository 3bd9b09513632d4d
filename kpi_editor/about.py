"""What the About dialog and ``--version`` show: version, licence, bundled fonts and their licences.

No Qt here, so the text is the same in the GUI, the self-test and a bundle's ``--version``; the GUI's
dialog only lays it out. Font licence texts are read from ``resources/fonts`` at run time, so what
is shown is exactly what ships beside the fonts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from kpi_editor import __version__
from kpi_editor.paths import resource_dir

APP_NAME = "绩效目标表编辑器"
APP_NAME_EN = "KPI Editor"
APP_DESCRIPTION = "部门（单位）预算项目支出绩效目标表的编辑、检查与排印工具"
VERSION = __version__
MIME_TYPE = "application/x-kpi-editor-project"
FILE_SUFFIX = ".kpi.json"

LICENSE_NAME = "MIT"
LICENSE_SUMMARY = (
    "本程序以 MIT 许可证发布：可以免费使用、复制、修改和分发，须保留版权与许可声明；"
    "本程序按“原样”提供，不附带任何担保。\n"
    "Released under the MIT License: free to use, copy, modify and distribute with the copyright "
    "and licence notice kept; provided “as is”, without warranty of any kind."
)

# Libraries the app ships inside a bundle, with the licence each is distributed under.
_COMPONENTS: tuple[tuple[str, str, str], ...] = (
    ("Qt for Python (PySide6)", "PySide6_Essentials", "LGPL-3.0"),
    ("ReportLab", "reportlab", "BSD-3-Clause"),
    ("openpyxl", "openpyxl", "MIT"),
    ("pydantic", "pydantic", "MIT"),
    ("platformdirs", "platformdirs", "MIT"),
)

# Families for the fonts whose copyright file does not name them in a machine-readable header.
_KNOWN_FAMILIES = {
    "uming": "AR PL UMing（文鼎PL明体）",
    "wqy-microhei": "WenQuanYi Micro Hei（文泉驿微米黑）",
}


@dataclass(frozen=True)
class FontLicense:
    family: str
    font_file: str  # file name inside resources/fonts ("" when the font itself is missing)
    license: str  # short licence name, e.g. "Apache-2.0 or GPL-3+ with Font exception"
    license_files: tuple[Path, ...]  # the full texts that ship beside the font

    def text(self) -> str:
        """The full licence texts, as shipped, one after another."""
        return "\n\n".join(p.read_text(encoding="utf-8", errors="replace") for p in self.license_files)


@dataclass(frozen=True)
class Component:
    name: str
    version: str
    license: str


def _dep5_field(text: str, field: str) -> str | None:
    """The first ``Field: value`` of a Debian machine-readable copyright file."""
    match = re.search(rf"^{field}:[ \t]*(.+)$", text, flags=re.MULTILINE)
    return match.group(1).strip() if match else None


def font_licenses(fonts_dir: Path | None = None) -> list[FontLicense]:
    """One entry per ``*.COPYRIGHT.txt`` in the fonts folder, sorted by file name."""
    folder = fonts_dir or resource_dir() / "fonts"
    out: list[FontLicense] = []
    for copyright_file in sorted(folder.glob("*.COPYRIGHT.txt")):
        stem = copyright_file.name.removesuffix(".COPYRIGHT.txt")
        text = copyright_file.read_text(encoding="utf-8", errors="replace")
        fonts = sorted(p.name for p in folder.glob(f"{stem}.tt[cf]"))
        files = [copyright_file]
        if "ARPHIC PUBLIC LICENSE" in text:
            licence = "Arphic Public License"
            # The Arphic licence requires ARPHICPL.TXT to travel unaltered with the font.
            arphic = folder / "ARPHICPL.txt"
            if arphic.is_file():
                files.append(arphic)
        else:
            licence = _dep5_field(text, "License") or "见许可文件"
        family = _KNOWN_FAMILIES.get(stem) or _dep5_field(text, "Upstream-Name") or stem
        out.append(FontLicense(family, fonts[0] if fonts else "", licence, tuple(files)))
    return out


def components() -> list[Component]:
    """The bundled libraries and their installed versions ("?" when the metadata is not shipped)."""
    out = []
    for name, dist, licence in _COMPONENTS:
        try:
            version = metadata.version(dist)
        except metadata.PackageNotFoundError:
            version = "?"
        out.append(Component(name, version, licence))
    return out


def about_text() -> str:
    """A plain-text summary (Chinese first, English after) for ``--version`` and the About dialog."""
    lines = [
        f"{APP_NAME}（{APP_NAME_EN}）版本 {VERSION}",
        APP_DESCRIPTION,
        "",
        f"许可证 License: {LICENSE_NAME}",
        LICENSE_SUMMARY,
        "",
        "随附字体及其许可证 Bundled fonts and their licences:",
    ]
    for font in font_licenses():
        names = ", ".join(p.name for p in font.license_files)
        lines.append(f"  {font.family} — {font.license}（全文 full text: resources/fonts/{names}）")
    lines += ["", "所用组件 Components:"]
    lines += [f"  {c.name} {c.version} — {c.license}" for c in components()]
    return "\n".join(lines)

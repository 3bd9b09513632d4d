"""Desktop integration files: the MIME type for *.kpi.json, the launcher, and the script installing them."""

from __future__ import annotations

import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from configparser import ConfigParser
from pathlib import Path

import pytest

from kpi_editor.about import FILE_SUFFIX, MIME_TYPE

REPO = Path(__file__).resolve().parents[1]
LINUX = REPO / "packaging" / "linux"
NS = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def desktop_entry(path: Path) -> dict[str, str]:
    parser = ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return dict(parser["Desktop Entry"])


def test_mime_type_claims_kpi_json_over_plain_json() -> None:
    root = ET.parse(LINUX / "kpi-editor-mime.xml").getroot()
    (mime,) = root.findall("m:mime-type", NS)
    assert mime.get("type") == MIME_TYPE
    (glob,) = mime.findall("m:glob", NS)
    assert glob.get("pattern") == f"*{FILE_SUFFIX}"
    # *.json is registered with the default weight 50; ours must win for *.kpi.json.
    assert int(glob.get("weight", "50")) > 50
    assert mime.find("m:sub-class-of", NS).get("type") == "application/json"  # type: ignore[union-attr]


def test_launcher_opens_project_files_with_the_app_icon() -> None:
    entry = desktop_entry(LINUX / "kpi-editor.desktop")
    assert entry["Type"] == "Application" and entry["Terminal"] == "false"
    assert entry["MimeType"].rstrip(";").split(";") == [MIME_TYPE]
    assert entry["Exec"].endswith("%F")
    assert entry["Icon"] == "kpi-editor"
    assert entry["Name[zh_CN]"] == "绩效目标表编辑器"
    icons = REPO / "resources" / "icons"
    assert all((icons / f"kpi-editor-{s}.png").is_file() for s in SIZES)


def run_install(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "XDG_DATA_HOME": str(data)}
    return subprocess.run(
        ["bash", str(LINUX / "install.sh"), *args], env=env, capture_output=True, text=True, timeout=120
    )


def test_install_script_registers_and_removes_everything(tmp_path: Path) -> None:
    app = tmp_path / "my apps" / "kpi-editor"  # a space in the path must survive into Exec
    app.parent.mkdir()
    app.write_text("#!/bin/sh\n", encoding="utf-8")
    app.chmod(0o755)
    data = tmp_path / "share"

    result = run_install(data, str(app))
    assert result.returncode == 0, result.stderr
    entry = desktop_entry(data / "applications" / "kpi-editor.desktop")
    assert entry["Exec"] == f'"{app}" %F'
    assert entry["TryExec"] == str(app)
    assert (data / "mime" / "packages" / "kpi-editor.xml").read_bytes() == (
        LINUX / "kpi-editor-mime.xml"
    ).read_bytes()
    for size in SIZES:
        assert (data / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "kpi-editor.png").is_file()
        mime_icon = data / "icons" / "hicolor" / f"{size}x{size}" / "mimetypes"
        assert (mime_icon / "application-x-kpi-editor-project.png").is_file()
    if shutil.which("update-mime-database"):
        globs = (data / "mime" / "globs2").read_text(encoding="utf-8")
        assert f"{MIME_TYPE}:*{FILE_SUFFIX}" in globs

    result = run_install(data, "--uninstall")
    assert result.returncode == 0, result.stderr
    assert [p for p in data.rglob("*kpi-editor*") if p.is_file()] == []


@pytest.mark.parametrize("name", ['quote"d', "dollar$x", "amp&x"])
def test_install_script_refuses_paths_it_cannot_quote(tmp_path: Path, name: str) -> None:
    app = tmp_path / name / "kpi-editor"
    app.parent.mkdir()
    app.write_text("#!/bin/sh\n", encoding="utf-8")
    app.chmod(0o755)
    result = run_install(tmp_path / "share", str(app))
    assert result.returncode == 1 and "move the app" in result.stderr
    assert not (tmp_path / "share" / "applications" / "kpi-editor.desktop").exists()

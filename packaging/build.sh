#!/usr/bin/env bash
# Build the one-folder app into packaging/dist/kpi-editor/ and run its self-test.
#
# Run from anywhere, with the Python environment you develop in active (e.g. the README's .venv):
#   bash packaging/build.sh
# It installs the project and the pinned PyInstaller into that environment, builds with
# packaging/kpi-editor.spec, prints the bundle's size, and ends with `kpi-editor --self-test`
# run from the bundle: the script fails when the self-test fails.
set -euo pipefail

PYINSTALLER_VERSION=6.22.3
HOOKS_CONTRIB_VERSION=2026.9

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
python="${PYTHON:-python3}"
cd "$root"

if [ "$(uname -s)" = Linux ] && ! command -v objdump >/dev/null; then
  # PyInstaller reads shared-library dependencies with binutils (objdump; strip for the bundle).
  echo "build.sh: objdump not found: install binutils (Debian: apt-get install binutils)" >&2
  exit 1
fi

start=$(date +%s)
echo "== installing kpi-editor and PyInstaller $PYINSTALLER_VERSION into $("$python" -c 'import sys; print(sys.prefix)')"
"$python" -m pip install -q -e . "pyinstaller==$PYINSTALLER_VERSION" \
  "pyinstaller-hooks-contrib==$HOOKS_CONTRIB_VERSION"

echo "== building packaging/dist/kpi-editor"
"$python" -m PyInstaller --noconfirm --clean --log-level WARN \
  --workpath "$here/build" --distpath "$here/dist" "$here/kpi-editor.spec"

bundle="$here/dist/kpi-editor"
if [ "$(uname -s)" = Linux ]; then
  # Desktop integration travels with the bundle: `linux/install.sh` inside it registers the
  # launcher, icon and *.kpi.json file type for the user who runs it.
  rm -rf "$bundle/linux"
  mkdir -p "$bundle/linux"
  cp "$here/linux/kpi-editor.desktop" "$here/linux/kpi-editor-mime.xml" "$here/linux/install.sh" "$bundle/linux/"
  chmod +x "$bundle/linux/install.sh"
fi

built=$(date +%s)
echo "== bundle: $(du -sh "$bundle" | cut -f1) in $bundle (built in $((built - start)) s)"

echo "== self-test of the bundle"
exe="$bundle/kpi-editor"
[ -x "$exe" ] || exe="$bundle/kpi-editor.exe"
# The self-test opens no window; offscreen keeps Qt from looking for a display on a headless machine.
QT_QPA_PLATFORM=offscreen "$exe" --self-test
echo "== done in $(($(date +%s) - start)) s"

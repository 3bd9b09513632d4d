#!/usr/bin/env bash
# Register kpi-editor with the Linux desktop: menu entry, icon, and the *.kpi.json file type, so that
# double-clicking a project file opens it in the app.
#
#   install.sh [--system] [--uninstall] [EXECUTABLE]
#
# By default for the current user (~/.local/share); --system installs into /usr/local/share (as root).
# EXECUTABLE defaults to the bundle this script ships in (<bundle>/linux/install.sh ->
# <bundle>/kpi-editor), then packaging/dist/kpi-editor/kpi-editor in a checkout, then `kpi-editor` on PATH.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
data="${XDG_DATA_HOME:-$HOME/.local/share}"
uninstall=0
exe=""
for arg in "$@"; do
  case "$arg" in
    --system) data=/usr/local/share ;;
    --uninstall) uninstall=1 ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    -*) echo "install.sh: unknown option $arg" >&2; exit 2 ;;
    *) exe="$arg" ;;
  esac
done

# The icons: inside a bundle they are in _internal/resources, in a checkout in resources/.
icons=""
for candidate in "$here/../_internal/resources/icons" "$here/../resources/icons" "$here/../../resources/icons"; do
  if [ -f "$candidate/kpi-editor.svg" ]; then icons="$(cd "$candidate" && pwd)"; break; fi
done

sizes="16 24 32 48 64 128 256 512"
refresh() {
  command -v update-mime-database >/dev/null && update-mime-database "$data/mime" || true
  command -v update-desktop-database >/dev/null && update-desktop-database -q "$data/applications" || true
  command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t -f "$data/icons/hicolor" || true
}

if [ "$uninstall" = 1 ]; then
  rm -f "$data/applications/kpi-editor.desktop" "$data/mime/packages/kpi-editor.xml" \
    "$data/icons/hicolor/scalable/apps/kpi-editor.svg" \
    "$data/icons/hicolor/scalable/mimetypes/application-x-kpi-editor-project.svg"
  for s in $sizes; do
    rm -f "$data/icons/hicolor/${s}x${s}/apps/kpi-editor.png" \
      "$data/icons/hicolor/${s}x${s}/mimetypes/application-x-kpi-editor-project.png"
  done
  refresh
  echo "kpi-editor removed from $data"
  exit 0
fi

if [ -z "$exe" ]; then
  for candidate in "$here/../kpi-editor" "$here/../dist/kpi-editor/kpi-editor"; do
    if [ -x "$candidate" ] && [ -f "$candidate" ]; then exe="$candidate"; break; fi
  done
fi
[ -n "$exe" ] || exe="$(command -v kpi-editor || true)"
if [ -z "$exe" ] || [ ! -x "$exe" ]; then
  echo "install.sh: cannot find the kpi-editor executable; pass its path as an argument" >&2
  exit 1
fi
exe="$(cd "$(dirname "$exe")" && pwd)/$(basename "$exe")"
if [ -z "$icons" ]; then
  echo "install.sh: cannot find resources/icons next to $here" >&2
  exit 1
fi

install -d "$data/applications" "$data/mime/packages"
install -m 644 "$here/kpi-editor-mime.xml" "$data/mime/packages/kpi-editor.xml"
install -D -m 644 "$icons/kpi-editor.svg" "$data/icons/hicolor/scalable/apps/kpi-editor.svg"
install -D -m 644 "$icons/kpi-editor.svg" "$data/icons/hicolor/scalable/mimetypes/application-x-kpi-editor-project.svg"
for s in $sizes; do
  install -D -m 644 "$icons/kpi-editor-$s.png" "$data/icons/hicolor/${s}x${s}/apps/kpi-editor.png"
  install -D -m 644 "$icons/kpi-editor-$s.png" \
    "$data/icons/hicolor/${s}x${s}/mimetypes/application-x-kpi-editor-project.png"
done

# The path goes into the desktop entry in double quotes (it may contain spaces); characters that
# would need the desktop entry's or sed's own escaping are refused instead of half-handled.
case "$exe" in
  *[\\\"\`\$%\|\&]*) echo "install.sh: move the app to a folder whose path has none of \\ \" \` \$ % | &: $exe" >&2; exit 1 ;;
esac
sed -e "s|^Exec=.*|Exec=\"$exe\" %F|" -e "s|^TryExec=.*|TryExec=$exe|" -e '/^# install.sh/d' \
  "$here/kpi-editor.desktop" >"$data/applications/kpi-editor.desktop"
chmod 644 "$data/applications/kpi-editor.desktop"

refresh
if command -v xdg-mime >/dev/null; then
  xdg-mime default kpi-editor.desktop application/x-kpi-editor-project || true
fi
echo "kpi-editor registered in $data (launcher, icons, *.kpi.json → $exe)"

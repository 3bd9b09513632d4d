"""Start-up time: from launching kpi-editor with the bundled sample to its window shown on screen.

Runs a private Xvfb, launches the app (the built bundle in packaging/dist, and from source) with
the sample booklet, and stops the clock when the main window, titled with the sample's file name,
is mapped and viewable (found with ``xwininfo``, so the app needs no hook for the benchmark). The
window is only shown after the sample is loaded and checked. Prints a table of medians.

    python3 bench/bench_startup.py [--runs 5] [--only bundle|source] [--screenshot PATH]

``--screenshot`` also saves a PNG of the bundle's window (or the source one when no bundle exists).
Needs ``Xvfb`` and ``xwininfo`` (Debian: xvfb, x11-utils).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BUNDLE = REPO / "packaging" / "dist" / "kpi-editor"
TARGET_SECONDS = 1.5
TIMEOUT = 30.0

GRAB = """
import sys
from PySide6.QtGui import QGuiApplication
app = QGuiApplication(sys.argv)
sys.exit(0 if app.primaryScreen().grabWindow(0).save(sys.argv[1]) else 1)
"""


def start_xvfb() -> tuple[subprocess.Popen[bytes], str]:
    read, write = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1400x900x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    if not number:
        xvfb.kill()
        raise SystemExit("Xvfb did not start")
    return xvfb, f":{number}"


def shown_window(display: str, title_part: str) -> bool:
    """True once a kpi-editor top-level window whose title names the sample is viewable."""
    env = {**os.environ, "DISPLAY": display}
    tree = subprocess.run(
        ["xwininfo", "-root", "-children"], env=env, capture_output=True, text=True, check=False
    ).stdout
    for line in tree.splitlines():
        if '"kpi-editor")' in line and title_part in line:
            info = subprocess.run(
                ["xwininfo", "-id", line.split()[0]], env=env, capture_output=True, text=True, check=False
            ).stdout
            return "Map State: IsViewable" in info
    return False


def launch(command: list[str], display: str, home: Path) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "DISPLAY": display,
        "QT_QPA_PLATFORM": "xcb",
        # A fresh settings/state folder: no recovered autosaves or last file change what is shown.
        "KPI_EDITOR_CONFIG_DIR": str(home / "config"),
        "KPI_EDITOR_STATE_DIR": str(home / "state"),
    }
    return subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(5)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def time_to_shown(command: list[str], display: str, screenshot: Path | None = None) -> float:
    with tempfile.TemporaryDirectory(prefix="kpi-bench-") as tmp:
        start = time.perf_counter()
        process = launch(command, display, Path(tmp))
        try:
            while not shown_window(display, "xiqu-2026"):
                if process.poll() is not None:
                    raise SystemExit(f"{command[0]} exited with {process.returncode} before showing a window")
                if time.perf_counter() - start > TIMEOUT:
                    raise SystemExit(f"no window after {TIMEOUT:.0f} s: {' '.join(command)}")
                time.sleep(0.01)
            elapsed = time.perf_counter() - start
            if screenshot is not None:
                time.sleep(1.5)  # let the views finish painting before the grab
                screenshot.parent.mkdir(parents=True, exist_ok=True)
                subprocess.run(
                    [sys.executable, "-c", GRAB, str(screenshot)],
                    env={**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"},
                    check=True,
                )
        finally:
            stop(process)
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", choices=("bundle", "source"))
    parser.add_argument("--screenshot", type=Path, help="save a PNG of the window (bundle if built)")
    args = parser.parse_args()

    targets: list[tuple[str, list[str]]] = []
    if args.only != "source":
        if (BUNDLE / "kpi-editor").is_file():
            sample = BUNDLE / "_internal" / "resources" / "samples" / "xiqu-2026.kpi.json"
            targets.append(("bundle", [str(BUNDLE / "kpi-editor"), str(sample)]))
        else:
            print(f"no bundle at {BUNDLE}: build it with `bash packaging/build.sh`", file=sys.stderr)
    if args.only != "bundle":
        sample = REPO / "resources" / "samples" / "xiqu-2026.kpi.json"
        targets.append(("source", [sys.executable, "-m", "kpi_editor", str(sample)]))

    xvfb, display = start_xvfb()
    rows = []
    try:
        for name, command in targets:
            times = [time_to_shown(command, display) for _ in range(args.runs)]
            rows.append((name, times))
        if args.screenshot and targets:
            time_to_shown(targets[0][1], display, screenshot=args.screenshot)
            print(f"screenshot of the {targets[0][0]} window: {args.screenshot}")
    finally:
        xvfb.terminate()
        xvfb.wait()

    print(f"\nlaunch → window with the sample shown (Xvfb, {args.runs} runs each, seconds)")
    print(f"{'from':<8} {'median':>8} {'first':>8} {'min':>8} {'max':>8}  target ≤ {TARGET_SECONDS} s")
    for name, times in rows:
        verdict = "met" if statistics.median(times) <= TARGET_SECONDS else "NOT met"
        print(
            f"{name:<8} {statistics.median(times):8.3f} {times[0]:8.3f} {min(times):8.3f} {max(times):8.3f}"
            f"  {verdict if name == 'bundle' else '-'}"
        )


if __name__ == "__main__":
    main()

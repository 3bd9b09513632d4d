"""Start-up time: from launching kpi-editor with the bundled sample to its window shown on screen.

Runs a private Xvfb, launches the app (the built bundle in packaging/dist, and from source) with
the sample booklet, and stops the clock when the main window, titled with the sample's file name,
is mapped and viewable (found with ``xwininfo``, so the app needs no hook for the benchmark). The
window is only shown after the sample is loaded and checked. Prints a table of medians; the
``cpu`` column is the CPU time the app used until then, which a busy machine hardly changes.

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
from typing import IO

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


def launch(command: list[str], display: str, home: Path, log: IO[bytes]) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "DISPLAY": display,
        "QT_QPA_PLATFORM": "xcb",
        # A fresh settings/state folder: no recovered autosaves or last file change what is shown.
        "KPI_EDITOR_CONFIG_DIR": str(home / "config"),
        "KPI_EDITOR_STATE_DIR": str(home / "state"),
    }
    return subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)


def stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(5)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def cpu_seconds(pid: int) -> float:
    """User + system CPU time the process has used so far (Linux /proc): unlike wall time, it
    hardly depends on what else the machine is doing."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def time_to_shown(command: list[str], display: str, screenshot: Path | None = None) -> tuple[float, float]:
    """Wall-clock seconds from launch to the window shown, and the CPU seconds the app used."""
    with tempfile.TemporaryDirectory(prefix="kpi-bench-") as tmp, tempfile.TemporaryFile() as log:
        start = time.perf_counter()
        process = launch(command, display, Path(tmp), log)
        try:
            while not shown_window(display, "xiqu-2026"):
                if process.poll() is not None:
                    log.seek(0)
                    output = log.read().decode(errors="replace")
                    raise SystemExit(
                        f"{command[0]} exited with {process.returncode} before showing a window:\n{output}"
                    )
                if time.perf_counter() - start > TIMEOUT:
                    raise SystemExit(f"no window after {TIMEOUT:.0f} s: {' '.join(command)}")
                time.sleep(0.01)
            elapsed = time.perf_counter() - start
            cpu = cpu_seconds(process.pid)
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
    return elapsed, cpu


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

    load = os.getloadavg()[0]  # other work on the machine stretches the wall-clock figures
    xvfb, display = start_xvfb()
    rows = []
    try:
        for name, command in targets:
            runs = [time_to_shown(command, display) for _ in range(args.runs)]
            rows.append((name, [wall for wall, _ in runs], [cpu for _, cpu in runs]))
        if args.screenshot and targets:
            time_to_shown(targets[0][1], display, screenshot=args.screenshot)
            print(f"screenshot of the {targets[0][0]} window: {args.screenshot}")
    finally:
        xvfb.terminate()
        xvfb.wait()

    print(f"\nlaunch → window with the sample shown (Xvfb, {args.runs} runs each, seconds)")
    print(f"load average before: {load:.2f} on {os.cpu_count()} cores")
    print(
        f"{'from':<8} {'median':>8} {'first':>8} {'min':>8} {'max':>8} {'cpu':>8}  target ≤ {TARGET_SECONDS} s"
    )
    for name, times, cpus in rows:
        verdict = "met" if statistics.median(times) <= TARGET_SECONDS else "NOT met"
        print(
            f"{name:<8} {statistics.median(times):8.3f} {times[0]:8.3f} {min(times):8.3f} {max(times):8.3f}"
            f" {statistics.median(cpus):8.3f}  {verdict if name == 'bundle' else '-'}"
        )


if __name__ == "__main__":
    main()

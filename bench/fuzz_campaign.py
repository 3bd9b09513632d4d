"""The hostile-input campaign of issue 12, run by hand: crashes, hangs, blow-ups and lost files.

Usage: python bench/fuzz_campaign.py [--seed N] [--scale 1.0] [--out DIR]

It generates about five thousand inputs from real files (the bundled sample, our own workbook
export, the corpus text) with the mutators of ``tests/hostile.py`` — project files mutated at
byte and JSON level, a catalogue of numbers and long texts at every field, mutated workbooks,
zip and XML bombs, mutated booklet texts — and feeds them to every loader and to the commands
that follow a load (validate, fingerprint, diff, report, export), in worker processes with a time
limit per input and their peak memory measured. Then it attacks saves: kill -9 at random moments,
a full disk (a small tmpfs), read-only files, symbolic links and concurrent ``kpi merge`` runs.

Findings (an exception other than the one error type, an exit code outside 0/1/2, a message of
more than one line or without the file's name, no answer within the time limit, more than
500 MB, a damaged file or .bak, a lost unit) are printed with the input that caused them, which
is kept under ``--out`` to become a regression test. Exit code 0 when there are none.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

import hostile  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpus" / "xiqu-2026-booklet.txt"
SAMPLE = REPO / "resources" / "samples" / "xiqu-2026.kpi.json"
TIME_LIMIT = 60  # seconds per input: more is a hang
MEMORY_LIMIT_MB = 500  # growth of a worker's peak per input, or a command's peak: more is a blow-up
TITLE = "部门（单位）预算项目支出绩效目标表"


# -- the worker: one kind of input, many cases, in this process ---------------------------------------


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class _Timeout(Exception):
    pass


def _alarm(signum: int, frame: Any) -> None:
    raise _Timeout


def _where(exc: BaseException) -> str:
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if "kpi_editor" in f.filename]
    last = frames[-1] if frames else traceback.extract_tb(exc.__traceback__)[-1]
    return f"{type(exc).__name__} at {Path(last.filename).name}:{last.lineno} {last.name}"


def _use(booklet: Any, tmp: Path) -> None:
    """What a reviewer does with a file once it has loaded: every command that follows a load."""
    from kpi_editor.domain.diff import diff_booklets
    from kpi_editor.domain.engine import validate_booklet
    from kpi_editor.domain.fingerprint import booklet_fingerprint, project_fingerprint
    from kpi_editor.domain.merge import merge_booklets
    from kpi_editor.io.projectfile import dumps_booklet, loads_booklet
    from kpi_editor.io.report import write_review_report
    from kpi_editor.io.xlsx import export_xlsx

    findings = validate_booklet(booklet)
    booklet_fingerprint(booklet)
    for department, project in booklet.projects():
        project_fingerprint(project, department)
    diff_booklets(booklet, booklet.model_copy(deep=True))
    merge_booklets(None, [("a", booklet)])
    if loads_booklet(dumps_booklet(booklet)) != booklet:
        raise AssertionError("a loaded file does not save back to itself")
    if booklet.project_count:
        write_review_report(booklet, tmp / "r.xlsx", "xlsx", findings)
        export_xlsx(booklet, tmp / "e.xlsx")


def _check_message(error: Exception, name: str) -> str | None:
    text = str(error)
    if "\n" in text or "\r" in text:
        return "message of more than one line"
    if name not in text:
        return "message without the file's name"
    return None


def _cases(kind: str, rng: random.Random, count: int) -> Iterator[tuple[str, bytes]]:
    """(label, file bytes) of `count` inputs of one kind."""
    if kind == "json":
        document = json.loads(SAMPLE.read_text(encoding="utf-8"))
        document["booklet"]["departments"] = document["booklet"]["departments"][:4]
        for n in range(count):
            yield f"json{n}", hostile.mutate_json(document, rng, rng.randint(1, 6))
    elif kind == "catalogue":
        document = json.loads(SAMPLE.read_text(encoding="utf-8"))
        document["booklet"]["departments"] = document["booklet"]["departments"][:3]
        places = [
            ("booklet", "fiscal_year"),
            ("booklet", "departments", 0, "code"),
            ("booklet", "departments", 0, "name"),
            ("booklet", "departments", 0, "projects", 0, "name"),
            ("booklet", "departments", 0, "projects", 0, "funding", "total"),
            ("booklet", "departments", 0, "projects", 0, "funding", "local"),
            ("booklet", "departments", 0, "projects", 0, "indicators", 0, "value"),
            ("booklet", "departments", 0, "projects", 0, "indicators", 3, "value"),
            ("booklet", "departments", 0, "projects", 0, "indicators", 0, "target"),
            ("booklet", "departments", 0, "projects", 0, "review"),
            ("schema_version",),
        ]
        values: list[Any] = [*hostile.HOSTILE_NUMBERS, *hostile.HOSTILE_TEXTS]
        values += [{"comparator": ">=", "number": v, "unit": "%"} for v in hostile.HOSTILE_NUMBERS[:12]]
        values += [
            {"status": "退回修改", "comments": [{"time": "x", "text": "y", "indicator": v}]}
            for v in (10**18, -1, 10**300)
        ]
        n = 0
        for place in places:
            for value in values:
                doc = json.loads(json.dumps(document))
                node = doc
                for key in place[:-1]:
                    node = node[key]
                node[place[-1]] = value
                text = json.dumps(doc, ensure_ascii=False).replace('"@NUM@"', "9E+999999999")
                yield f"catalogue{n}", text.encode("utf-8", "surrogatepass")
                n += 1
        for literal in ("9E+999999999", "1e300", "-0.0", "1" + "0" * 4000, "2026E0"):
            for field in ("total", "number"):
                doc = json.loads(json.dumps(document))
                project = doc["booklet"]["departments"][0]["projects"][0]
                if field == "total":
                    project["funding"]["total"] = "@NUM@"
                else:
                    project["indicators"][0]["target"] = {"comparator": ">=", "number": "@NUM@", "unit": ""}
                text = json.dumps(doc, ensure_ascii=False).replace('"@NUM@"', literal)
                yield f"literal-{field}-{literal[:12]}", text.encode()
    elif kind == "bytes":
        data = SAMPLE.read_bytes()
        for n in range(count):
            yield f"bytes{n}", hostile.mutate_bytes(data, rng)
    elif kind == "xlsx":
        from kpi_editor.io.projectfile import load_booklet
        from kpi_editor.io.xlsx import export_xlsx

        booklet = load_booklet(SAMPLE)
        booklet.departments = booklet.departments[:3]
        booklet.departments[0].projects[0].indicators[0].extra = {"weight": "10"}
        with tempfile.TemporaryDirectory() as tmp:
            export_xlsx(booklet, Path(tmp) / "o.xlsx")
            base = (Path(tmp) / "o.xlsx").read_bytes()
        parts = hostile.zip_parts(base)
        meta = json.loads(hostile.meta_text(parts))
        for n in range(count):
            which = n % 5
            if which == 0:
                data = hostile.build_zip(hostile.mutate_cells(parts, rng, rng.randint(1, 10)))
            elif which == 1:
                data = hostile.build_zip(hostile.mutate_sheet_xml(parts, rng))
            elif which == 2:
                data = hostile.build_zip(hostile.with_meta_text(parts, hostile.mutate_meta(meta, rng)))
            elif which == 3:
                data = hostile.mutate_zip(base, rng)
            else:
                data = hostile.mutate_bytes(base, rng)
            yield f"xlsx{n}", data
    elif kind == "text":
        lines = CORPUS.read_text(encoding="utf-8").split("\n")
        starts = [i for i, line in enumerate(lines) if "".join(line.split()) == TITLE]
        small = lines[: starts[12]]
        for n in range(count):
            whole = n % 25 == 0  # every 25th: the whole 300-page booklet
            text = hostile.mutate_text_lines(lines if whole else small, rng, rng.randint(1, 20))
            yield f"text{n}{'-whole' if whole else ''}", text.encode("utf-8", "surrogatepass")
    elif kind == "template":
        document = json.loads(
            (REPO / "resources" / "templates" / "xiqu-2026.json").read_text(encoding="utf-8")
        )
        for n in range(count):
            yield f"template{n}", hostile.mutate_json(document, rng, rng.randint(1, 4))
    elif kind == "library":
        document = json.loads((REPO / "resources" / "library" / "common.json").read_text(encoding="utf-8"))
        for n in range(count):
            yield f"library{n}", hostile.mutate_json(document, rng, rng.randint(1, 6))
    elif kind == "submission":
        document = json.loads(SAMPLE.read_text(encoding="utf-8"))
        document["booklet"]["departments"] = document["booklet"]["departments"][:1]
        code = document["booklet"]["departments"][0]["code"]
        document["submission"] = {"code": code, "submitter": "填报人", "at": "2026-03-01T10:00:00+08:00"}
        for n in range(count):
            yield f"submission{n}", hostile.mutate_json(document, rng, rng.randint(1, 5))
    elif kind == "pdf":
        from kpi_editor.io.pdf import export_pdf
        from kpi_editor.io.projectfile import load_booklet

        booklet = load_booklet(SAMPLE)
        booklet.departments = booklet.departments[:2]
        with tempfile.TemporaryDirectory() as tmp:
            export_pdf(booklet, Path(tmp) / "o.pdf")
            base = (Path(tmp) / "o.pdf").read_bytes()
        for n in range(count):
            yield f"pdf{n}", hostile.mutate_bytes(base, rng)
    else:
        raise SystemExit(f"unknown kind {kind}")


def _load(kind: str, path: Path) -> tuple[Any, list[str]]:
    """Load one input with its loader; (booklet or None, the report's lines)."""
    if kind in ("json", "catalogue", "bytes"):
        from kpi_editor.io.projectfile import load_booklet

        return load_booklet(path), []
    if kind == "xlsx":
        from kpi_editor.io.xlsx import import_xlsx

        booklet, report = import_xlsx(path)
        return booklet, [str(i) for i in report.issues]
    if kind == "library":
        from kpi_editor.io.libraryfile import load_library

        load_library(path)
        return None, []
    if kind == "submission":
        from kpi_editor.io.submission import load_submission

        return load_submission(path).booklet, []
    if kind == "pdf":
        from kpi_editor.io.booklet_pdf import import_booklet_pdf

        booklet, report = import_booklet_pdf(path)
        return booklet, [i.message for i in report.issues]
    if kind == "text":
        from kpi_editor.io.booklet_text import import_booklet_text

        booklet, report = import_booklet_text(path)
        data = path.read_bytes().decode("utf-8", "replace")
        titles = sum(1 for line in data.replace("\r\n", "\n").split("\n") if "".join(line.split()) == TITLE)
        if booklet.project_count != titles:
            raise AssertionError(f"{titles} tables in the text, {booklet.project_count} imported")
        return booklet, [i.message for i in report.issues]
    from kpi_editor.domain.template import load_template_file

    load_template_file(path)
    return None, []


def worker(kind: str, seed: int, count: int, out: Path) -> None:
    from kpi_editor.domain.template import TemplateError
    from kpi_editor.io.errors import FileFormatError

    rng = random.Random(seed)
    signal.signal(signal.SIGALRM, _alarm)
    suffixes = {
        "xlsx": ".xlsx",
        "text": ".txt",
        "template": ".json",
        "library": ".library.json",
        "pdf": ".pdf",
    }
    suffix = suffixes.get(kind, ".kpi.json")
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        for label, data in _cases(kind, rng, count):
            path = tmp / f"输入-{label}{suffix}"
            path.write_bytes(data)
            before = _peak_mb()
            started = time.perf_counter()
            finding: str | None = None
            outcome = "loaded"
            signal.alarm(TIME_LIMIT)
            try:
                booklet, lines = _load(kind, path)
                if any("\n" in line for line in lines):
                    finding = "report line of more than one line"
                if booklet is not None:
                    _use(booklet, tmp)
            except (FileFormatError, TemplateError) as error:
                outcome = "refused"
                finding = _check_message(error, str(path)) if isinstance(error, FileFormatError) else None
            except _Timeout:
                finding = f"hang: no answer in {TIME_LIMIT} s"
            except MemoryError:
                finding = "blow-up: MemoryError"
            except Exception as exc:  # the campaign's point: anything else is a crash
                finding = f"crash: {_where(exc)}: {' '.join(str(exc).split())[:160]}"
            finally:
                signal.alarm(0)
            grown = _peak_mb() - before
            if finding is None and grown > MEMORY_LIMIT_MB:
                finding = f"blow-up: peak memory grew by {grown:.0f} MB"
            record = {
                "kind": kind,
                "label": label,
                "outcome": outcome,
                "seconds": time.perf_counter() - started,
            }
            if finding is not None:
                kept = out / f"{kind}-{label}{suffix}"
                shutil.copyfile(path, kept)
                record.update(finding=finding, file=str(kept))
            print(json.dumps(record, ensure_ascii=False), flush=True)
            path.unlink()


def _run_worker(kind: str, seed: int, count: int, out: Path) -> list[dict[str, Any]]:
    done = subprocess.run(
        [
            sys.executable,
            __file__,
            "--worker",
            kind,
            "--seed",
            str(seed),
            "--count",
            str(count),
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    records = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0:
        tail = done.stderr.strip().splitlines()[-1:] or ["?"]
        records.append(
            {"kind": kind, "label": "worker", "outcome": "died", "finding": f"worker died: {tail[0][:200]}"}
        )
    return records


# -- whole commands in child processes: exit codes, messages, time and memory ---------------------------


def _kpi(args: list[str], timeout: float = TIME_LIMIT) -> tuple[int, str, float, float]:
    """(exit code, stderr, seconds, peak MB) of one ``kpi`` run; exit code -1 when it hung."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        child = subprocess.Popen(
            [sys.executable, "-m", "kpi_editor.cli", *args], stdout=subprocess.DEVNULL, stderr=err, cwd=REPO
        )
        while True:
            # wait4 gives this child's own peak memory, which communicate() would lose.
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() - started > timeout:
                child.kill()
                os.wait4(child.pid, 0)
                return -1, "", time.perf_counter() - started, 0.0
            time.sleep(0.02)
        child.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        text = err.read().decode("utf-8", "replace")
    return child.returncode, text, time.perf_counter() - started, usage.ru_maxrss / 1024


def commands(out: Path, rng: random.Random, count: int) -> list[dict[str, Any]]:
    """A sample of hostile files through the real command line."""
    records: list[dict[str, Any]] = []
    tmp = Path(tempfile.mkdtemp(prefix="kpi-campaign-"))
    document = json.loads(SAMPLE.read_text(encoding="utf-8"))
    document["booklet"]["departments"] = document["booklet"]["departments"][:3]
    inputs: list[tuple[str, Path]] = []
    for n in range(count):
        path = tmp / f"命令{n}.kpi.json"
        path.write_bytes(hostile.mutate_json(document, rng, rng.randint(1, 4)))
        inputs.append((f"json{n}", path))
    for name, data in hostile.bombs().items():
        path = tmp / f"{name}.xlsx"
        path.write_bytes(data)
        inputs.append((name, path))
    for label, path in inputs:
        if path.suffix == ".xlsx":
            runs = [["import-xlsx", str(path), "-o", str(tmp / "o.kpi.json")]]
        else:
            runs = [
                ["validate", str(path)],
                ["fingerprint", "--projects", str(path)],
                ["diff", str(SAMPLE), str(path)],
                ["report", str(path), "--pdf", str(tmp / "r.pdf")],
                ["export", str(path), "--pdf", str(tmp / "e.pdf"), "--xlsx", str(tmp / "e.xlsx")],
            ]
        for args in runs:
            code, err, seconds, _ = _kpi(args)
            finding = None
            lines = [line for line in err.splitlines() if line.startswith("kpi:")]
            if code == -1:
                finding = f"hang: {args[0]} gave no answer in {TIME_LIMIT} s"
            elif code not in (0, 1, 2):
                finding = f"crash: exit {code}: {err.strip().splitlines()[-1:]}"
            elif code == 2 and (len(err.strip().splitlines()) != 1 or not lines):
                finding = f"exit-2 message not one line: {err.strip()[:200]!r}"
            elif "Traceback" in err:
                finding = "traceback on stderr"
            record = {"kind": "cli", "label": f"{args[0]} {label}", "outcome": str(code), "seconds": seconds}
            if finding:
                kept = out / f"cli-{label}{path.suffix}"
                shutil.copyfile(path, kept)
                record.update(finding=finding, file=str(kept))
            records.append(record)
    shutil.rmtree(tmp, ignore_errors=True)
    return records


def bombs_measured(out: Path) -> list[dict[str, Any]]:
    """Each bomb in its own process: refused within 10 s and 500 MB."""
    records = []
    tmp = Path(tempfile.mkdtemp(prefix="kpi-bombs-"))
    for name, data in hostile.bombs().items():
        path = tmp / f"{name}.xlsx"
        path.write_bytes(data)
        code = (
            "import resource,sys,time;t=time.perf_counter()\n"
            "from kpi_editor.io.xlsx import import_xlsx\nfrom kpi_editor.io.errors import FileFormatError\n"
            f"try: import_xlsx({str(path)!r})\nexcept FileFormatError: pass\n"
            "print(time.perf_counter()-t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss/1024)"
        )
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=120
        )
        seconds, peak = (float(x) for x in done.stdout.split()) if done.returncode == 0 else (-1.0, -1.0)
        finding = None
        if done.returncode != 0:
            finding = f"crash: {done.stderr.strip().splitlines()[-1:]}"
        elif seconds > 10 or peak > MEMORY_LIMIT_MB:
            finding = f"blow-up: {seconds:.1f} s, {peak:.0f} MB"
        record = {"kind": "bomb", "label": name, "outcome": "refused", "seconds": seconds, "peak_mb": peak}
        if finding:
            shutil.copyfile(path, out / f"bomb-{name}.xlsx")
            record["finding"] = finding
        records.append(record)
    shutil.rmtree(tmp, ignore_errors=True)
    return records


# -- saves under attack ------------------------------------------------------------------------------------


def _versions() -> list[bytes]:
    from kpi_editor.io.projectfile import dumps_booklet, load_booklet

    booklet = load_booklet(SAMPLE)
    out = []
    for n in range(3):
        booklet.title = f"第{n + 1}版"
        out.append(dumps_booklet(booklet).encode())
    return out


def kills(rng: random.Random, count: int) -> list[dict[str, Any]]:
    """kill -9 at random moments of repeated saves: the file and its .bak are always a whole version."""
    from kpi_editor.io.atomic import backup_path, sweep_temporaries, write_atomic

    versions = _versions()
    records = []
    with tempfile.TemporaryDirectory() as tmp_name:
        folder = Path(tmp_name)
        path = folder / ("绩" * 82 + ".kpi")  # the 250-byte name of the issue
        write_atomic(path, versions[0])
        write_atomic(path, versions[1], backup=True)
        damaged = 0
        for _ in range(count):
            pid = os.fork()
            if pid == 0:
                try:
                    n = 0
                    while True:
                        write_atomic(path, versions[n % 3], backup=True)
                        n += 1
                finally:
                    os._exit(0)
            time.sleep(rng.uniform(0.0005, 0.05))
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            if path.read_bytes() not in versions or backup_path(path).read_bytes() not in versions:
                damaged += 1
        left = [p for p in folder.iterdir() if p.name.startswith(".~kpi-")]
        for p in left:
            os.utime(p, (time.time() - 7200, time.time() - 7200))
        swept = sweep_temporaries(folder)
        rest = sorted(p.name for p in folder.iterdir())
        record: dict[str, Any] = {
            "kind": "kill",
            "label": f"{count} kill -9",
            "outcome": f"{len(left)} temporaries swept",
        }
        if damaged or len(swept) != len(left) or rest != sorted([path.name, backup_path(path).name]):
            record["finding"] = (
                f"lost or corrupted: {damaged} damaged, {len(left) - len(swept)} temporaries left"
            )
        records.append(record)
    return records


def faults() -> list[dict[str, Any]]:
    """A full disk, a read-only file, a symbolic link."""
    from kpi_editor.io.atomic import ReadOnlyFileError, backup_path, write_atomic

    versions = _versions()
    records: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp_name:
        folder = Path(tmp_name)
        mount = folder / "small"
        mount.mkdir()
        mounted = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount)], capture_output=True
        )
        if mounted.returncode == 0:
            try:
                for case in ("save", "export"):
                    path = mount / "满.kpi.json"
                    write_atomic(path, versions[0])
                    write_atomic(path, versions[1], backup=True)
                    filler = mount / "filler"
                    free = shutil.disk_usage(mount).free
                    filler.write_bytes(b"x" * max(0, free - 200_000))
                    before = (path.read_bytes(), backup_path(path).read_bytes())
                    try:
                        if case == "save":
                            write_atomic(path, versions[2] * 3, backup=True)
                        else:
                            code, err, _, _ = _kpi(["export", str(path), "--xlsx", str(mount / "满.xlsx")])
                            if code != 2 or len(err.strip().splitlines()) != 1:
                                raise AssertionError(f"exit {code}: {err.strip()[:200]}")
                            raise OSError(28, "expected")
                    except OSError:
                        pass
                    after = (path.read_bytes(), backup_path(path).read_bytes())
                    left = [p.name for p in mount.iterdir() if p.name.startswith(".~kpi-")]
                    record: dict[str, Any] = {"kind": "disk-full", "label": case, "outcome": "refused"}
                    if before != after or left:
                        record["finding"] = f"lost or corrupted on a full disk ({case}): left {left}"
                    records.append(record)
                    filler.unlink()
                    for p in mount.iterdir():
                        p.unlink()
            finally:
                subprocess.run(["umount", str(mount)], check=False)
        else:
            records.append({"kind": "disk-full", "label": "tmpfs", "outcome": "not run: cannot mount here"})
        ro = folder / "只读.kpi.json"
        ro.write_bytes(versions[0])
        ro.chmod(0o444)
        record = {"kind": "read-only", "label": "save", "outcome": "refused"}
        try:
            write_atomic(ro, versions[1], backup=True)
            record["finding"] = "a read-only file was overwritten"
        except ReadOnlyFileError:
            if ro.read_bytes() != versions[0]:
                record["finding"] = "a read-only file changed"
        records.append(record)
        real = folder / "真实.kpi.json"
        real.write_bytes(versions[0])
        link = folder / "链接.kpi.json"
        link.symlink_to(real)
        write_atomic(link, versions[1], backup=True)
        record = {"kind": "symlink", "label": "save", "outcome": "followed"}
        if not link.is_symlink() or real.read_bytes() != versions[1]:
            record["finding"] = "the link was replaced or the real file not updated"
        records.append(record)
    return records


def merges(count: int) -> list[dict[str, Any]]:
    """Two `kpi merge` runs into one booklet at once, `count` times: no unit may be lost."""
    from kpi_editor.io.projectfile import load_booklet, save_booklet

    booklet = load_booklet(SAMPLE)
    records = []
    with tempfile.TemporaryDirectory() as tmp_name:
        folder = Path(tmp_name)
        parts = []
        for n, department in enumerate(booklet.departments[:2]):
            path = folder / f"unit{n}.kpi.json"
            save_booklet(booklet.model_copy(update={"departments": [department]}), path, backup=False)
            parts.append(path)
        lost = 0
        for _ in range(count):
            target = folder / "汇编.kpi.json"
            save_booklet(booklet.model_copy(update={"departments": []}), target, backup=False)
            runs = [
                subprocess.Popen(
                    [sys.executable, "-m", "kpi_editor.cli", "merge", str(p), "-o", str(target)],
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                    cwd=REPO,
                )
                for p in parts
            ]
            for run in runs:
                run.wait(timeout=120)
            if len(load_booklet(target).departments) != 2:
                lost += 1
        record: dict[str, Any] = {
            "kind": "merge",
            "label": f"{count} concurrent pairs",
            "outcome": f"{lost} lost",
        }
        if lost:
            record["finding"] = f"a unit's submission lost in {lost} of {count} concurrent merges"
        records.append(record)
    return records


# -- the campaign -------------------------------------------------------------------------------------------

KINDS: dict[str, int] = {
    "json": 2200,
    "catalogue": 0,
    "bytes": 300,
    "xlsx": 1000,
    "text": 1000,
    "template": 200,
    "library": 300,
    "submission": 300,
    "pdf": 200,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=20260301)
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every count (0.1 for a quick run)")
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "kpi-campaign-findings")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--count", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    if args.worker:
        worker(args.worker, args.seed, args.count, args.out)
        return
    started = time.perf_counter()
    rng = random.Random(args.seed)
    records: list[dict[str, Any]] = []
    steps: list[tuple[str, Callable[[], list[dict[str, Any]]]]] = []
    for n, (kind, count) in enumerate(KINDS.items()):
        scaled = max(1, int(count * args.scale))
        # Four workers per kind, so a crash of the interpreter costs a quarter of a kind, not all.
        for part in range(4 if kind != "catalogue" else 1):
            seed = args.seed + 1000 * n + part
            steps.append(
                (
                    f"{kind}#{part}",
                    lambda k=kind, s=seed, c=scaled: _run_worker(k, s, max(1, c // 4), args.out),
                )
            )
    steps.append(("commands", lambda: commands(args.out, rng, max(4, int(60 * args.scale)))))
    steps.append(("bombs", lambda: bombs_measured(args.out)))
    steps.append(("kill -9", lambda: kills(rng, max(10, int(200 * args.scale)))))
    steps.append(("faults", faults))
    steps.append(("merges", lambda: merges(max(2, int(10 * args.scale)))))
    for name, step in steps:
        t = time.perf_counter()
        got = step()
        records += got
        bad = sum(1 for r in got if "finding" in r)
        print(
            f"{name:14} {len(got):5} inputs  {bad:3} findings  {time.perf_counter() - t:6.1f} s", flush=True
        )
    findings = [r for r in records if "finding" in r]
    kinds = Counter(r["finding"].split(":")[0] for r in findings)
    slowest = max((r for r in records if "seconds" in r), key=lambda r: r["seconds"])
    print(
        f"\n{len(records)} inputs in {time.perf_counter() - started:.0f} s; "
        f"slowest {slowest['kind']} {slowest['label']} {slowest['seconds']:.1f} s"
    )
    print(f"findings: {len(findings)} {dict(kinds) if kinds else ''}")
    for r in findings:
        print(f"  {r['kind']} {r['label']}: {r['finding']}  {r.get('file', '')}")
    (args.out / "summary.json").write_text(
        json.dumps(records, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    sys.exit(1 if findings else 0)


if __name__ == "__main__":
    main()

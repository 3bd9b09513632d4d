"""The bundled sample is the corpus converted by the current importer: a stale sample fails here."""

from __future__ import annotations

from pathlib import Path

import pytest

from kpi_editor.domain.model import Booklet
from kpi_editor.io.projectfile import dumps_booklet

REGENERATE = (
    "the bundled sample is stale; regenerate it from the repository root with:\n"
    "    kpi import-text ../shared/corpus/xiqu-2026-booklet.txt -o resources/samples/xiqu-2026.kpi.json"
)


def test_sample_is_the_current_import_of_the_corpus(corpus_booklet: Booklet, sample_path: Path) -> None:
    saved = sample_path.read_text(encoding="utf-8").split("\n")
    current = dumps_booklet(corpus_booklet).split("\n")
    if saved != current:
        # Name the first differing line instead of diffing ~900 kB of JSON.
        line = next((n for n, (a, b) in enumerate(zip(saved, current, strict=False), 1) if a != b), None)
        line = line or min(len(saved), len(current)) + 1
        pytest.fail(f"{REGENERATE}\nfirst difference at line {line} of {sample_path}", pytrace=False)


def test_sample_loads_as_the_corpus(sample_booklet: Booklet, corpus_booklet: Booklet) -> None:
    assert sample_booklet == corpus_booklet, REGENERATE
    assert sample_booklet.project_count == 327 and sample_booklet.indicator_count == 3623

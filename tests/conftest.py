"""Shared fixtures: the real corpus from ../shared/corpus and the bundled sample."""

from __future__ import annotations

from pathlib import Path

import pytest

from kpi_editor.paths import sample_path as _sample_path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus" / "xiqu-2026-booklet.txt"


@pytest.fixture(scope="session")
def corpus_path() -> Path:
    assert CORPUS.is_file(), f"the corpus is missing: {CORPUS}"
    return CORPUS


@pytest.fixture(scope="session")
def sample_path() -> Path:
    path = _sample_path()
    assert path.is_file(), f"the bundled sample is missing: {path}"
    return path

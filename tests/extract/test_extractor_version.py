"""The extractor's version follows its code and data, so stored claims never go stale."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dashboard.extract import version as ev


@pytest.fixture
def data_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(ev.DATA_DIR, copy, ignore=shutil.ignore_patterns("*.sqlite*", "geo"))
    monkeypatch.setattr(ev, "DATA_DIR", copy)
    ev.extractor_version.cache_clear()
    yield copy
    ev.extractor_version.cache_clear()


def test_a_changed_word_list_changes_the_version(data_copy: Path) -> None:
    before = ev.extractor_version()
    cues = data_copy / "extraction_cues.yaml"
    cues.write_text(cues.read_text(encoding="utf-8") + "\n# one more comment\n", encoding="utf-8")
    ev.extractor_version.cache_clear()
    assert ev.extractor_version() != before


def test_the_dashboards_wording_does_not_change_the_version(data_copy: Path) -> None:
    before = ev.extractor_version()
    labels = data_copy / "labels.yaml"
    labels.write_text(labels.read_text(encoding="utf-8") + "\n# reworded\n", encoding="utf-8")
    ev.extractor_version.cache_clear()
    assert ev.extractor_version() == before


def test_the_extractors_modules_are_found_from_its_imports() -> None:
    names = {f.name for f in ev.extractor_files()}
    assert {"pipeline.py", "numbers.py", "status.py", "places.py", "programs.py", "clauses.py", "mentions.py"} <= names
    assert "app.py" not in names and "store.py" not in names

"""The dashboard on either backend: every page runs on a PostgreSQL database, and shows what it shows on SQLite.

The seeds are ingested into an SQLite file and into a PostgreSQL database; the pages read each one
through ``CLAIMS_DB`` (a path, then a URL) and must draw the same key figures («خبر», «ادعا»...) and
the same number of findings.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pg_server import drop_database, fresh_database
from streamlit.testing.v1 import AppTest

from dashboard.store import database as store
from dashboard.store.ingest import ingest

REPO = Path(__file__).resolve().parents[2]
APP = str(REPO / "dashboard" / "app" / "main.py")
PAGES = ("overview", "claims", "article", "findings", "add", "about")
TIMEOUT = 60


@pytest.fixture(scope="module")
def databases(tmp_path_factory, pg_server) -> Iterator[dict[str, str]]:
    """The seeds ingested into each backend."""
    targets = {"sqlite": str(tmp_path_factory.mktemp("db") / "claims.sqlite"), "postgresql": fresh_database(pg_server)}
    try:
        for target in targets.values():
            report = ingest([REPO / "seeds"], target, workers=1, progress=False)
            assert report.new >= 1 and report.claims_stored > 0, report.summary_lines()
        yield targets
    finally:
        drop_database(pg_server, targets["postgresql"])


def run_page(monkeypatch, target: str, page: str) -> AppTest:
    monkeypatch.setenv("CLAIMS_DB", target)
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    if page != "overview":
        at.switch_page(f"views/{page}.py").run()
    assert not at.exception, [e.message for e in at.exception]
    return at


@pytest.mark.parametrize("page", PAGES)
def test_every_page_shows_the_same_on_postgresql_as_on_sqlite(monkeypatch, databases, page):
    shown = {}
    for backend, target in databases.items():
        at = run_page(monkeypatch, target, page)
        assert len(at.main.children) > 2, f"{page} drew nothing of its own on {backend}"
        shown[backend] = (
            [(m.label, m.value) for m in at.metric],
            len(at.get("plotly_chart")),
            len(at.dataframe),
            [e.value for e in at.error],
        )
    assert shown["postgresql"] == shown["sqlite"]


def test_both_backends_hold_the_same_claims(databases):
    frames = {}
    for backend, target in databases.items():
        with store.connect(target) as conn:
            frames[backend] = store.claims_frame(conn).drop(columns=["claim_id", "article_id"])
    assert frames["postgresql"].to_dict("records") == frames["sqlite"].to_dict("records")

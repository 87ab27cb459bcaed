"""The review workflow in the app through AppTest, on a real database of the ingested seeds:
confirm and dismiss a finding, filter findings by state, rate a claim, in Persian and English."""

from __future__ import annotations

from contextlib import closing
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.app.urlstate import widget_key
from dashboard.store import database as store
from dashboard.store import reviews
from dashboard.store.ingest import ingest

REPO = Path(__file__).resolve().parents[2]
APP = str(REPO / "dashboard" / "app" / "main.py")
TIMEOUT = 60


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "claims.sqlite"
    report = ingest([REPO / "seeds"], path, workers=1)
    assert report.claims_stored > 0
    return path


def open_page(monkeypatch, db: Path, page: str, lang: str, **params: str) -> AppTest:
    monkeypatch.setenv("CLAIMS_DB", str(db))
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params["lang"] = lang
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    at.switch_page(f"views/{page}.py").run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def states(db: Path) -> list[tuple[str, str, str]]:
    with closing(store.connect(db)) as conn:
        rows = store.run(conn, "SELECT decision, note, reviewer FROM finding_decisions ORDER BY id").fetchall()
    return [tuple(r) for r in rows]


@pytest.mark.parametrize(("lang", "confirm", "dismiss"), [("fa", "تأیید", "رد"), ("en", "Confirm", "Dismiss")])
def test_a_finding_is_confirmed_then_dismissed_and_leaves_the_default_view(
    monkeypatch, db: Path, lang: str, confirm: str, dismiss: str
) -> None:
    at = open_page(monkeypatch, db, "findings", lang)
    buttons = [b for b in at.button if b.label == confirm]
    assert buttons and all(b.disabled for b in buttons), "no decision without a reviewer's name"
    at.text_input(key=widget_key("reviewer")).input("مریم").run()
    at.text_input(key="finding_note_0").input("یکای توان به‌جای انرژی").run()
    next(b for b in at.button if b.label == confirm).click().run()
    assert states(db) == [("confirmed", "یکای توان به‌جای انرژی", "مریم")]
    assert any(("تأییدشده" if lang == "fa" else "Confirmed") in m.value for m in at.markdown)
    next(b for b in at.button if b.label == dismiss).click().run()
    assert states(db)[-1][0] == "dismissed"
    assert not [b for b in at.button if b.label == confirm], "a dismissed finding is hidden by default"
    again = open_page(monkeypatch, db, "findings", lang, f_state="dismissed", reviewer="مریم")
    assert [b for b in again.button if b.label == confirm]


@pytest.mark.parametrize(("lang", "label"), [("fa", "گمراه‌کننده"), ("en", "Misleading")])
def test_a_claim_is_rated_and_the_table_filters_by_verdict(monkeypatch, db: Path, lang: str, label: str) -> None:
    at = open_page(monkeypatch, db, "claims", lang, reviewer="علی")
    at.selectbox(key="rate_verdict").set_value("misleading").run()
    at.text_input(key="rate_note").input("شاهد خلاف آن را می‌گوید").run()
    at.text_input(key="rate_url").input("https://example.org/evidence").run()
    at.button(key="rate_save").click().run()
    assert not at.exception
    with closing(store.connect(db)) as conn:
        found = reviews.verdicts_frame(conn)
    assert found[["verdict", "verdict_note", "verdict_by"]].values.tolist() == [
        ["misleading", "شاهد خلاف آن را می‌گوید", "علی"]
    ]
    rated = open_page(monkeypatch, db, "claims", lang, verdict="misleading")
    table = rated.dataframe[0].value
    verdict_col = [c for c in table.columns if c == "verdict"]
    assert len(table) == 1 and table[verdict_col[0]].tolist() == [label]


def test_a_bad_evidence_url_is_explained(monkeypatch, db: Path) -> None:
    at = open_page(monkeypatch, db, "claims", "en", reviewer="علی")
    at.text_input(key="rate_url").input("example.org").run()
    at.button(key="rate_save").click().run()
    assert any("must start with http" in e.value for e in at.error)

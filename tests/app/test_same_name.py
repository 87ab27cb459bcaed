"""Two different articles with the same base name in two folders, ingested for real: each keeps its
own text and figures on the article page, in the claims table's links and in ``check``."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.app.ui import md
from dashboard.cli.main import main
from dashboard.store import database as store
from dashboard.store.ingest import ingest

REPO = Path(__file__).resolve().parents[2]
APP = str(REPO / "dashboard" / "app" / "main.py")
TIMEOUT = 60

JOBS_SPLIT = (
    "بسیج سازندگی استان زنجان در سال گذشته ۴ هزار و ۶۰۰ شغل ایجاد کرد. از این تعداد ۲ هزار و ۱۰۰ شغل در "
    "روستاها، هزار و {middle} شغل در حاشیه شهرها و ۸۰۰ شغل در قالب مشاغل خانگی ایجاد شده است."
)
# The first folder's article adds up; the second's does not (2,100 + 1,300 + 800 ≠ 4,600).
TEXTS = {"a": JOBS_SPLIT.format(middle="۷۰۰"), "b": JOBS_SPLIT.format(middle="۳۰۰")}


@pytest.fixture(scope="module")
def twins_db(tmp_path_factory) -> Path:
    """``a/report.txt`` and ``b/report.txt`` ingested from one folder."""
    root = tmp_path_factory.mktemp("news")
    for folder, text in TEXTS.items():
        (root / folder).mkdir()
        (root / folder / "report.txt").write_text(text, encoding="utf-8")
    db = tmp_path_factory.mktemp("db") / "claims.sqlite"
    report = ingest([root], db, workers=1)
    assert report.new == 2, report.summary_lines()
    return db


def test_both_are_stored_under_their_own_keys(twins_db) -> None:
    conn = store.connect(twins_db)
    arts = store.articles_frame(conn)
    assert arts["document"].tolist() == ["report.txt", "report.txt"]
    assert sorted(arts["key"]) == ["a/report.txt", "b/report.txt"]
    for folder in TEXTS:
        record = store.article_by_key(conn, f"{folder}/report.txt")
        assert record is not None and record["text"] == TEXTS[folder]
    texts = store.article_texts(conn)
    assert sorted(texts.values()) == sorted(TEXTS.values())
    conn.close()


def _app(monkeypatch, db: Path, **params: str) -> AppTest:
    monkeypatch.setenv("CLAIMS_DB", str(db))
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    at.switch_page("views/article.py").run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _body(at: AppTest) -> str:
    (body,) = [h.proto.body for h in at.get("html") if 'class="article-text"' in h.proto.body]
    return body


def _figures(at: AppTest) -> list[str]:
    (table,) = [d.value for d in at.dataframe if "As written" in d.value.columns]
    return table["As written"].tolist()


@pytest.mark.parametrize("folder", ["a", "b"])
def test_the_article_page_shows_each_ones_own_text_and_figures(monkeypatch, twins_db, folder) -> None:
    at = _app(monkeypatch, twins_db, article=f"{folder}/report.txt", lang="en")
    assert at.selectbox(key="f_article").value == f"{folder}/report.txt"
    middle = "هزار و ۷۰۰" if folder == "a" else "هزار و ۳۰۰"
    other = "هزار و ۳۰۰" if folder == "a" else "هزار و ۷۰۰"
    assert middle in _body(at) and other not in _body(at)
    figures = _figures(at)
    assert any(middle in f for f in figures) and not any(other in f for f in figures)
    assert not at.warning and not at.info


def test_an_old_link_by_a_shared_name_offers_a_choice(monkeypatch, twins_db) -> None:
    at = _app(monkeypatch, twins_db, document="report.txt", lang="en")
    assert [i.value for i in at.info] == [f"2 articles are named {md('report.txt')}, in different folders; choose one."]
    choice = at.radio(key="article_same_name")
    assert len(choice.options) == 2 and all("report.txt" in o for o in choice.options)
    assert at.selectbox(key="f_article").value == "a/report.txt"  # the first stored, until one is chosen
    assert "هزار و ۷۰۰" in _body(at)
    at.radio(key="article_same_name").set_value("b/report.txt").run()
    assert at.selectbox(key="f_article").value == "b/report.txt"
    assert "هزار و ۳۰۰" in _body(at) and "هزار و ۷۰۰" not in _body(at)
    assert at.query_params["article"] in ("b/report.txt", ["b/report.txt"])


def test_an_old_link_by_a_unique_name_still_works(monkeypatch, tmp_path) -> None:
    db = tmp_path / "one.sqlite"
    conn = store.connect(db)
    store.write_articles(
        conn,
        [
            store.StoredArticle(
                document="solo.txt", path="x/solo.txt", text=TEXTS["a"], content_hash="solo", key="x/solo.txt"
            )
        ],
    )
    conn.close()
    at = _app(monkeypatch, db, document="solo.txt", lang="en")
    assert at.selectbox(key="f_article").value == "x/solo.txt"
    assert not at.info and not at.warning
    assert "هزار و ۷۰۰" in _body(at)


def test_the_claims_table_links_each_claim_to_its_own_article(monkeypatch, twins_db) -> None:
    monkeypatch.setenv("CLAIMS_DB", str(twins_db))
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params["lang"] = "en"
    at.run()
    at.switch_page("views/claims.py").run()
    assert not at.exception
    links = set(at.dataframe[0].value["article"])
    assert links == {"./article?article=a%2Freport.txt&lang=en", "./article?article=b%2Freport.txt&lang=en"}


def test_check_reads_each_articles_own_text(twins_db, tmp_path) -> None:
    out = tmp_path / "findings.csv"
    assert main(["check", "--csv", str(out), "--db", str(twins_db)]) == 0
    with out.open(encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    assert [r["kind"] for r in rows] == ["sum_mismatch"]
    assert rows[0]["values"] == "2100;1300;800;4600"
    assert "هزار و ۳۰۰" in rows[0]["quotes"] and "هزار و ۷۰۰" not in rows[0]["quotes"]

"""An article's identity: its place in the ingested folder, not its base name; the same text is stored once.

The claims table keeps the spec's ``document`` (the base name); storage is keyed on the path
inside the folder given (``2023/a01.txt``), so two articles that share a base name never replace
each other, and the same article under two names is stored once and reported under both.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from ingest_corpus import article_text

from dashboard.cli.main import main
from dashboard.store import database as store
from dashboard.store.ingest import ingest
from dashboard.store.migrations import LATEST_VERSION, MIGRATIONS


def claims_of(db: Path) -> dict[str, int]:
    """Claims per stored article path."""
    conn = store.connect(db)
    try:
        rows = store.run(
            conn, "SELECT a.path, COUNT(c.id) FROM articles a LEFT JOIN claims c ON c.article_id = a.id GROUP BY a.id"
        ).fetchall()
    finally:
        conn.close()
    return dict(rows)


def test_two_articles_with_one_base_name_in_two_folders_are_both_kept(tmp_path):
    news = tmp_path / "news"
    (news / "2023").mkdir(parents=True)
    (news / "2024").mkdir()
    (news / "2023" / "a.txt").write_text(article_text(1), encoding="utf-8")
    (news / "2024" / "a.txt").write_text(article_text(2), encoding="utf-8")
    db = tmp_path / "claims.sqlite"

    first = ingest([news], db, workers=1, progress=False)
    assert (first.new, first.skipped) == (2, 0), first.problems
    stored = claims_of(db)
    assert len(stored) == 2 and all(n > 0 for n in stored.values())

    again = ingest([news], db, workers=2, progress=False)  # a later run replaces neither
    assert (again.new, again.unchanged, again.replaced) == (0, 2, 0)
    assert claims_of(db) == stored
    frame = store.claims_frame(store.connect(db))
    assert set(frame["document"]) == {"a.txt"}  # the spec's column stays the base name


def test_the_same_article_under_two_names_is_stored_once_and_reported_under_both(tmp_path, capsys):
    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_text(article_text(3), encoding="utf-8")
    (news / "copy of a.txt").write_text(article_text(3), encoding="utf-8")
    (news / "b.txt").write_text(article_text(4), encoding="utf-8")
    db = tmp_path / "claims.sqlite"

    code = main(["ingest", str(news), "--db", str(db), "--workers", "1"])
    out = capsys.readouterr().out
    assert code == 0
    assert "2 new" in out and "1 duplicate" in out
    [line] = [line for line in out.splitlines() if "copy of a.txt" in line]
    assert str(news / "a.txt") in line and "stored once" in line
    assert len(claims_of(db)) == 2
    one = store.claims_frame(store.connect(db))
    assert set(one["document"]) == {"a.txt", "b.txt"}

    code = main(["ingest", str(news), "--db", str(db), "--workers", "2"])  # and again, in a later run
    out = capsys.readouterr().out
    assert "0 new" in out and "1 duplicate" in out
    assert len(store.claims_frame(store.connect(db))) == len(one)


def test_a_duplicate_in_a_later_run_is_not_stored(tmp_path):
    (tmp_path / "first").mkdir()
    (tmp_path / "second").mkdir()
    (tmp_path / "first" / "x.txt").write_text(article_text(5), encoding="utf-8")
    (tmp_path / "second" / "y.txt").write_text(article_text(5), encoding="utf-8")
    db = tmp_path / "claims.sqlite"
    ingest([tmp_path / "first"], db, workers=1, progress=False)
    report = ingest([tmp_path / "second"], db, workers=1, progress=False)
    assert report.new == 0 and len(report.duplicates) == 1
    assert str(tmp_path / "first" / "x.txt") in report.duplicates[0]
    assert store.counts(store.connect(db))["articles"] == 1


def version_2_database(path: Path, text: str, document: str, where: str) -> None:
    """A database as the previous release made it, holding one article with two claims."""
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        conn.execute(
            "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL, "
            "applied_at TEXT NOT NULL)"
        )
        for step in MIGRATIONS[:2]:
            for statement in step.statements:
                conn.execute(statement)
            conn.execute("INSERT INTO schema_version VALUES (?, ?, 'then')", (step.version, step.description))
        conn.execute(
            "INSERT INTO articles (id, document, path, text, content_hash, ingested_at, updated_at) "
            "VALUES (1, ?, ?, ?, 'old', 'then', 'then')",
            (document, where, text),
        )
        for value in (120, 15):
            conn.execute("INSERT INTO claims (article_id, document, value) VALUES (1, ?, ?)", (document, value))


def test_a_version_2_database_migrates_and_keeps_every_claim(tmp_path):
    news = tmp_path / "news"
    (news / "sub").mkdir(parents=True)
    text = article_text(6)
    (news / "sub" / "a.txt").write_text(text, encoding="utf-8")
    db = tmp_path / "old.sqlite"
    version_2_database(db, text, "a.txt", str(news / "sub" / "a.txt"))

    conn = store.connect(db)
    assert store.schema_version(conn) == LATEST_VERSION
    assert store.counts(conn) == {"articles": 1, "claims": 2}
    assert conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
    conn.close()

    # the same file ingested again is the stored article (now under its place in the folder), not a copy
    report = ingest([news], db, workers=1, progress=False)
    assert (report.new, report.replaced, report.duplicates) == (0, 1, [])
    conn = store.connect(db)
    assert store.counts(conn)["articles"] == 1
    assert store.run(conn, "SELECT key FROM articles").scalar() == "sub/a.txt"


def test_two_folders_ingested_in_separate_runs_keep_their_same_named_articles(tmp_path):
    for year, i in (("2023", 7), ("2024", 8)):
        (tmp_path / year).mkdir()
        (tmp_path / year / "a.txt").write_text(article_text(i), encoding="utf-8")
    db = tmp_path / "claims.sqlite"
    ingest([tmp_path / "2023"], db, workers=1, progress=False)
    first = claims_of(db)
    second = ingest([tmp_path / "2024"], db, workers=1, progress=False)
    assert (second.new, second.replaced) == (1, 0)
    both = claims_of(db)
    assert len(both) == 2 and both[str(tmp_path / "2023" / "a.txt")] == first[str(tmp_path / "2023" / "a.txt")]
    again = ingest([tmp_path / "2024", tmp_path / "2023"], db, workers=2, progress=False)  # and later runs agree
    assert (again.new, again.replaced, again.unchanged) == (0, 0, 2)
    assert claims_of(db) == both

    (tmp_path / "2024" / "a.txt").write_text(article_text(9), encoding="utf-8")  # an edit replaces its own
    edited = ingest([tmp_path / "2024"], db, workers=1, progress=False)
    assert (edited.new, edited.replaced) == (0, 1)
    assert claims_of(db)[str(tmp_path / "2023" / "a.txt")] == first[str(tmp_path / "2023" / "a.txt")]


def test_the_same_name_and_text_in_two_folders_is_one_article(tmp_path):
    for folder in ("inbox", "backup"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "a.txt").write_text(article_text(10), encoding="utf-8")
    db = tmp_path / "claims.sqlite"
    report = ingest([tmp_path / "inbox", tmp_path / "backup"], db, workers=1, progress=False)
    assert (report.new, report.unchanged, report.duplicates) == (1, 1, [])
    again = ingest([tmp_path / "backup", tmp_path / "inbox"], db, workers=2, progress=False)
    assert (again.new, again.unchanged, again.duplicates) == (0, 2, [])
    assert store.counts(store.connect(db))["articles"] == 1


def test_an_article_whose_first_file_is_gone_is_replaced_by_its_new_copy(tmp_path):
    """As with an upload: each copy sits in a temporary folder that is deleted after the ingest."""
    db = tmp_path / "claims.sqlite"
    first = tmp_path / "upload1"
    first.mkdir()
    (first / "a.txt").write_text(article_text(11), encoding="utf-8")
    ingest([first / "a.txt"], db, workers=1, progress=False)
    (first / "a.txt").unlink()
    first.rmdir()
    second = tmp_path / "upload2"
    second.mkdir()
    (second / "a.txt").write_text(article_text(12), encoding="utf-8")  # the corrected version
    report = ingest([second / "a.txt"], db, workers=1, progress=False)
    assert (report.new, report.replaced) == (0, 1)
    assert list(claims_of(db)) == [str(second / "a.txt")]

"""Ingest: every good article stored once, bad inputs reported once each, safe against kill -9."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from ingest_corpus import article_text, jsonl_record, start_ingest, write_corpus

from dashboard.extract import pipeline as extract
from dashboard.extract.schema import CLAIM_COLUMNS
from dashboard.lang.persian import to_ascii_digits
from dashboard.read.article import Article
from dashboard.read.inputs import iter_articles
from dashboard.store import database as store
from dashboard.store.ingest import content_hash, ingest

REPO = Path(__file__).resolve().parents[2]
BIG = 300  # articles of the interrupted and the concurrently read ingests


def snapshot(db: Path | str) -> tuple[Counter, Counter]:
    """What a database holds, without ids or times: (document, hash) pairs and claim rows."""
    conn = store.connect(db)
    try:
        articles = Counter(
            (d, h, t) for d, h, t in store.run(conn, "SELECT document, content_hash, text FROM articles").fetchall()
        )
        frame = store.claims_frame(conn)
        claims = Counter(tuple(row) for row in frame[list(CLAIM_COLUMNS)].itertuples(index=False, name=None))
    finally:
        conn.close()
    return articles, claims


def expected_claims(paths: list[Path]) -> int:
    """How many claims the extractor finds in the articles of ``paths`` (read as the ingest reads them)."""
    return sum(len(extract.extract_article(a)) for a in iter_articles(paths) if isinstance(a, Article))


@pytest.fixture
def good(tmp_path) -> Path:
    folder = tmp_path / "good"
    write_corpus(folder, 3)
    return folder


def test_the_generated_articles_have_claims(good):
    assert expected_claims([good]) >= 3


def test_ingest_stores_every_article_and_its_claims(db_target, good):
    db = db_target
    report = ingest([good], db, workers=2, progress=False)
    assert (report.new, report.unchanged, report.replaced, report.skipped) == (3, 0, 0, 0)
    assert report.problems == []
    assert report.claims_stored == expected_claims([good])
    conn = store.connect(db)
    assert store.counts(conn) == {"articles": 3, "claims": report.claims_stored}
    record = store.article_record(conn, "news_0001.txt")
    assert record is not None and record["text"] == (good / "news_0001.txt").read_text(encoding="utf-8")
    last = store.last_ingest(conn)
    assert last is not None and last["finished_at"] and last["counts"]["new"] == 3


def test_the_progress_line_shows_the_final_counts_on_stderr_only_when_asked(tmp_path, good, capsys):
    ingest([good], tmp_path / "quiet.sqlite", workers=1, progress=False)
    assert capsys.readouterr().err == ""
    ingest([good], tmp_path / "shown.sqlite", workers=1, progress=True)
    last = capsys.readouterr().err.rstrip("\n").split("\r")[-1]
    assert last.startswith("ingest: 3 articles")
    assert "3 stored, 0 unchanged, 0 problems" in last


def test_reingesting_the_same_files_adds_nothing(db_target, good):
    db = db_target
    ingest([good], db, workers=1, progress=False)
    before = snapshot(db)
    again = ingest([good, good / "news_0000.txt"], db, workers=2, progress=False)
    assert (again.new, again.replaced, again.skipped, again.claims_stored) == (0, 0, 0, 0)
    assert again.unchanged == 3
    assert snapshot(db) == before


def test_a_new_extractor_version_re_extracts_what_is_ingested_again(tmp_path, good, monkeypatch):
    db = tmp_path / "claims.sqlite"
    ingest([good], db, workers=1, progress=False)
    before = snapshot(db)
    monkeypatch.setattr("dashboard.store.ingest_jobs.EXTRACTOR_VERSION", "next")
    again = ingest([good], db, workers=1, progress=False)
    assert (again.new, again.unchanged, again.replaced) == (0, 0, 3)
    assert snapshot(db)[1] == before[1]  # same extractor code, so the same claims, stored once


def test_a_changed_article_replaces_its_claims(db_target, good):
    db = db_target
    ingest([good], db, workers=1, progress=False)
    conn = store.connect(db)
    old_mentions = set(store.claims_frame(conn).query("document == 'news_0001.txt'")["mention"])
    assert old_mentions

    (good / "news_0001.txt").write_text(article_text(1, salt=5), encoding="utf-8")
    report = ingest([good], db, workers=2, progress=False)
    assert (report.new, report.unchanged, report.replaced) == (0, 2, 1)

    frame = store.claims_frame(conn)
    mine = frame[frame["document"] == "news_0001.txt"]
    fresh = [a for a in iter_articles([good / "news_0001.txt"]) if isinstance(a, Article)]
    want = sorted(c["mention"] for c in extract.extract_article(fresh[0]))
    assert sorted(mine["mention"]) == want
    assert not (old_mentions - set(want)) & set(mine["mention"])
    assert len(mine) == len(want)  # no duplicates left from the first version
    assert store.counts(conn)["articles"] == 3
    assert store.stored_hash(conn, "news_0001.txt") == content_hash(fresh[0])


# --- one bad input each: reported once, naming the file; the rest stored -------------------


def _empty(folder: Path) -> tuple[Path, int]:
    path = folder / "empty.txt"
    path.write_bytes(b"")
    return path, 0


def _binary(folder: Path) -> tuple[Path, int]:
    path = folder / "binary.txt"
    path.write_bytes(bytes(range(256)) * 40)
    return path, 0


def _broken_jsonl_line(folder: Path) -> tuple[Path, int]:
    path = folder / "batch.jsonl"
    lines = [jsonl_record(10, "r1"), '{"id": "r2", "title": "خبر ناقص", "body": "متن', jsonl_record(11, "r3")]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, 2


def _csv_row_without_body(folder: Path) -> tuple[Path, int]:
    path = folder / "export.csv"
    rows = [["id", "title", "body"]]
    for record_id, i in (("c1", 20), ("c2", None), ("c3", 21)):
        if i is None:
            rows.append([record_id, "خبری بدون متن", ""])
        else:
            title, _, body = article_text(i).partition("\n\n")
            rows.append([record_id, title, body])
    buffer = io.StringIO()
    import csv

    csv.writer(buffer).writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path, 2


def _malformed_html(folder: Path) -> tuple[Path, int]:
    path = folder / "broken.html"
    page = "<html><body><div><table><tr><td></div></p></td><script>var n = '۱۲';</script></body"
    path.write_text(page, encoding="utf-8")
    return path, 0


def _oversize(folder: Path) -> tuple[Path, int]:
    path = folder / "huge.txt"
    path.write_text(article_text(30) * 200, encoding="utf-8")  # well over the 64 KiB limit the test sets
    return path, 0


def _zip_with_traversal(folder: Path) -> tuple[Path, int]:
    path = folder / "archive.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("inner/z1.txt", article_text(40))
        zf.writestr("../../escape.txt", article_text(41))
    return path, 1


def _zip_bomb(folder: Path) -> tuple[Path, int]:
    path = folder / "bomb.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("inner/z2.txt", article_text(42))
        zf.writestr("inner/zeros.txt", "۰" * (3 * 2**20))  # 6 MB that compress about a thousand times
    return path, 1


BAD_INPUTS = {
    "empty": _empty,
    "binary": _binary,
    "broken_jsonl_line": _broken_jsonl_line,
    "csv_row_without_body": _csv_row_without_body,
    "malformed_html": _malformed_html,
    "oversize": _oversize,
    "zip_with_traversal": _zip_with_traversal,
    "zip_bomb": _zip_bomb,
}


@pytest.mark.parametrize("kind", sorted(BAD_INPUTS))
def test_a_bad_input_is_reported_once_and_the_rest_is_stored(tmp_path, good, kind):
    bad_folder = tmp_path / "bad"
    bad_folder.mkdir()
    bad, good_inside = BAD_INPUTS[kind](bad_folder)
    db = tmp_path / "claims.sqlite"
    report = ingest([good, bad], db, workers=2, max_bytes=64 * 2**10, progress=False)
    assert report.skipped == 1, report.problems
    assert len(report.problems) == 1 and bad.name in report.problems[0]
    assert report.new == 3 + good_inside
    conn = store.connect(db)
    assert store.counts(conn)["articles"] == 3 + good_inside
    stored = set(store.articles_frame(conn)["document"])
    assert {p.name for p in good.iterdir()} <= stored
    again = ingest([good, bad], db, workers=1, max_bytes=64 * 2**10, progress=False)
    assert (again.new, again.skipped, again.unchanged) == (0, 1, 3 + good_inside)


def test_cp1256_article_is_read_and_gives_the_same_claims_as_utf8(tmp_path):
    folder = tmp_path / "enc"
    folder.mkdir()
    # Arabic letters and ASCII digits, as cp1256 feeds have them (cp1256 has no Persian digits)
    text = to_ascii_digits(article_text(5)).replace("ی", "ي").replace("ک", "ك")
    (folder / "arabic_letters.txt").write_bytes(text.encode("cp1256", errors="strict"))
    (folder / "utf8.txt").write_text(text, encoding="utf-8")
    by_doc = {}
    for name in ("arabic_letters.txt", "utf8.txt"):  # one database each: the same text is stored once
        db = tmp_path / f"{name}.sqlite"
        report = ingest([folder / name], db, workers=1, progress=False)
        assert (report.new, report.skipped) == (1, 0), report.problems
        by_doc[name] = sorted(store.claims_frame(store.connect(db))["value"])
    assert by_doc["arabic_letters.txt"] == by_doc["utf8.txt"] != []


def test_same_name_with_other_content_in_one_ingest_keeps_both(tmp_path, good, db_target):
    other = tmp_path / "other"
    other.mkdir()
    (other / "news_0000.txt").write_text(article_text(0, salt=3), encoding="utf-8")
    db = db_target
    report = ingest([good, other], db, workers=1, progress=False)
    assert (report.new, report.skipped, report.problems) == (4, 0, [])
    paths = set(store.articles_frame(store.connect(db))["path"])
    assert {str(good / "news_0000.txt"), str(other / "news_0000.txt")} <= paths


def test_an_extractor_failure_is_one_problem_and_the_rest_goes_on(tmp_path, good, monkeypatch):
    real = extract.extract_article

    def failing(article):
        if article.document == "news_0002.txt":
            raise ValueError("عدد نامعتبر")
        return real(article)

    monkeypatch.setattr(extract, "extract_article", failing)
    db = tmp_path / "claims.sqlite"
    report = ingest([good], db, workers=2, progress=False)
    assert (report.new, report.skipped) == (2, 1)
    assert report.problems == [f"{good / 'news_0002.txt'}: extraction failed: ValueError: عدد نامعتبر"]
    monkeypatch.setattr(extract, "extract_article", real)
    retry = ingest([good], db, workers=2, progress=False)
    assert (retry.new, retry.unchanged, retry.skipped) == (1, 2, 0)


def test_a_worker_that_dies_costs_only_its_articles(tmp_path, good, monkeypatch):
    real = extract.extract_article

    def dying(article):
        if article.document == "news_0001.txt":
            os._exit(3)
        return real(article)

    extra = tmp_path / "more"
    write_corpus(extra, 40, start=100)
    monkeypatch.setattr(extract, "extract_article", dying)
    report = ingest([good, extra], tmp_path / "claims.sqlite", workers=2, progress=False)
    assert any("news_0001.txt" in line and "crashed" in line for line in report.problems)
    assert report.new + report.skipped == 43
    assert report.new > 0


# --- interruption and concurrent readers ---------------------------------------------------


@pytest.fixture(scope="module")
def big_corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("big")
    write_corpus(folder, BIG)
    return folder


def _finish(proc: subprocess.Popen) -> str:
    out, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err
    return out


def _stored_articles(db: Path | str) -> int:
    if not store.is_postgres(db) and not Path(db).exists():
        return 0
    try:
        conn = store.connect(db)
        try:
            return store.counts(conn)["articles"]
        finally:
            conn.close()
    except Exception:  # the schema may not exist yet
        return 0


def _claims_by_document(db: Path | str) -> dict[str, Counter]:
    conn = store.connect(db)
    try:
        frame = store.claims_frame(conn)
    finally:
        conn.close()
    rows: dict[str, Counter] = {}
    for row in frame[list(CLAIM_COLUMNS)].itertuples(index=False, name=None):
        rows.setdefault(row[0], Counter())[row] += 1
    return rows


@pytest.mark.slow
def test_kill_9_during_ingest_then_rerun_gives_the_clean_result(tmp_path, big_corpus, db_target):
    clean = tmp_path / "clean.sqlite"
    _finish(start_ingest(big_corpus, clean, workers=2))

    killed = db_target
    proc = start_ingest(big_corpus, killed, workers=2)
    deadline = time.monotonic() + 300
    while _stored_articles(killed) == 0 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.communicate()
    stored_when_killed = _stored_articles(killed)
    assert 0 < stored_when_killed < BIG, "the ingest was not caught in the middle"

    # only whole articles: each stored article has exactly the claims the clean run stored for it
    partial, complete = _claims_by_document(killed), _claims_by_document(clean)
    documents = set(store.articles_frame(store.connect(killed))["document"])
    assert len(documents) == stored_when_killed
    for document in documents:
        assert partial.get(document, Counter()) == complete.get(document, Counter()), document

    out = _finish(start_ingest(big_corpus, killed, workers=2))
    assert f"{BIG - stored_when_killed} new, {stored_when_killed} unchanged, 0 replaced, 0 skipped" in out
    assert snapshot(killed) == snapshot(clean)


@pytest.mark.slow
def test_a_reader_in_another_process_sees_no_lock_error_during_an_ingest(tmp_path, big_corpus):
    db = tmp_path / "shared.sqlite"
    store.connect(db).close()
    proc = start_ingest(big_corpus, db, workers=2)
    reads = 0
    seen: set[int] = set()
    reader = store.connect(db)
    try:
        while proc.poll() is None:
            seen.add(len(store.claims_frame(reader)))
            store.articles_frame(reader)
            store.data_version(reader)
            reads += 1
    finally:
        reader.close()
    _finish(proc)
    assert reads > 0
    assert len(seen) > 1  # the reader saw the store grow while the ingest wrote
    assert _stored_articles(db) == BIG


def test_jsonl_records_are_stored_under_their_record_names(tmp_path, db_target):
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(jsonl_record(i, f"k{i}") for i in range(4)) + "\n", encoding="utf-8")
    db = db_target
    report = ingest([path], db, workers=2, progress=False)
    assert report.new == 4
    documents = set(store.articles_frame(store.connect(db))["document"])
    assert documents == {f"feed.jsonl#k{i}" for i in range(4)}
    record = json.loads(path.read_text(encoding="utf-8").splitlines()[0])
    stored = store.article_record(store.connect(db), "feed.jsonl#k0")
    assert stored is not None and record["body"].strip()[:20] in stored["text"]


def _children(pid: int) -> set[int]:
    """The process ids whose parent is ``pid`` (from /proc)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc to find the worker processes")
def test_workers_die_with_the_ingest_killed_by_signal_9(tmp_path, big_corpus):
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    argv = [sys.executable, "-m", "dashboard", "ingest", str(big_corpus), "--db", str(tmp_path / "o.sqlite")]
    # no pipes: orphaned workers would hold them open
    proc = subprocess.Popen(
        [*argv, "--workers", "2"], cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 120
    workers: set[int] = set()
    while len(workers) < 2 and proc.poll() is None and time.monotonic() < deadline:
        workers = _children(proc.pid)
        time.sleep(0.05)
    assert len(workers) >= 2, "the ingest's worker processes never started"
    os.kill(proc.pid, signal.SIGKILL)  # the main process only, not its group
    proc.wait()
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = [pid for pid in workers if _alive(pid)]
    for pid in left:  # do not leave them behind for the rest of the suite
        os.kill(pid, signal.SIGKILL)
    assert left == [], "worker processes outlived the killed ingest"


@pytest.mark.slow
def test_three_concurrent_ingests_store_each_article_once(tmp_path, db_target):
    corpus = tmp_path / "news"
    write_corpus(corpus, 60)
    clean = tmp_path / "clean.sqlite"
    ingest([corpus], clean, workers=1, progress=False)

    shared = db_target
    env = {**os.environ, "PYTHONPATH": str(REPO), "PYTHONHASHSEED": "0"}
    argv = [sys.executable, "-m", "dashboard", "ingest", str(corpus), "--db", str(shared), "--workers", "1"]
    procs = [
        subprocess.Popen(argv, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(3)
    ]
    results = [proc.communicate(timeout=600) for proc in procs]
    for proc, (out, err) in zip(procs, results, strict=True):
        assert proc.returncode == 0, err
        assert "locked" not in out + err and "Traceback" not in err
    assert snapshot(shared) == snapshot(clean)

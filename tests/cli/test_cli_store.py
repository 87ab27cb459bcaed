"""The ``ingest``, ``export`` and ``stats`` commands, as a user runs them."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from ingest_corpus import write_corpus

from dashboard.cli.main import main
from dashboard.extract.schema import CLAIM_COLUMNS
from dashboard.store import database as store
from dashboard.store.reviews import VERDICT_COLUMNS

REPO = Path(__file__).resolve().parents[2]
NO_DATABASE = "no such database file (`python -m dashboard ingest PATH...` creates it)"


@pytest.fixture
def corpus(tmp_path) -> Path:
    folder = tmp_path / "news"
    write_corpus(folder, 4)
    return folder


def run_cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_ingest_reports_and_exits_zero_then_reingest_adds_nothing(capsys, db_target, corpus):
    db = db_target
    code, out, _ = run_cli(capsys, "ingest", str(corpus), "--db", db, "--workers", "2")
    assert code == 0
    assert "4 new, 0 unchanged, 0 replaced, 0 skipped" in out
    stored = store.counts(store.connect(db))["claims"]
    assert f"claims stored: {stored}" in out and stored > 0

    code, out, _ = run_cli(capsys, "ingest", str(corpus), "--db", db, "--workers", "1")
    assert code == 0
    assert "0 new, 4 unchanged" in out and "claims stored: 0" in out


def test_ingest_exits_one_and_names_the_bad_file(capsys, tmp_path, corpus):
    (corpus / "broken.jsonl").write_text('{"id": "x1", "body": "متن ناقص\n', encoding="utf-8")
    (corpus / "blank.txt").write_text("  \n", encoding="utf-8")
    code, out, err = run_cli(capsys, "ingest", str(corpus), "--db", str(tmp_path / "c.sqlite"), "--workers", "1")
    assert code == 1
    assert "4 new" in out and "2 skipped" in out
    assert sum("broken.jsonl" in line for line in out.splitlines()) == 1
    assert sum("blank.txt" in line for line in out.splitlines()) == 1
    assert "Traceback" not in out + err


def test_quiet_prints_only_problems(capsys, tmp_path, corpus):
    (corpus / "blank.txt").write_bytes(b"")
    code, out, err = run_cli(capsys, "ingest", str(corpus), "--db", str(tmp_path / "c.sqlite"), "--quiet")
    assert code == 1
    assert out == ""
    assert err.strip().splitlines() == [line for line in err.strip().splitlines() if "blank.txt" in line]


def test_if_empty_ingests_only_into_an_empty_database(capsys, db_target, corpus):
    db = db_target
    assert run_cli(capsys, "ingest", str(corpus / "news_0000.txt"), "--db", db, "--if-empty")[0] == 0
    code, out, _ = run_cli(capsys, "ingest", str(corpus), "--db", db, "--if-empty")
    assert code == 0 and "already holds 1 articles" in out
    assert store.counts(store.connect(db))["articles"] == 1


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["ingest", "no/such/folder"], "no such file or folder: no/such/folder"),
        (["ingest", ".", "--workers", "0"], "--workers must be 1 or more, not 0"),
        (["ingest", ".", "--max-mb", "-1"], "--max-mb must be more than 0, not -1"),
        (["export", "--csv", "out.csv", "--db", "missing.sqlite"], f"missing.sqlite: {NO_DATABASE}"),
        (["stats", "--db", "missing.sqlite"], f"missing.sqlite: {NO_DATABASE}"),
    ],
)
def test_misuse_is_one_error_line_and_exit_two(capsys, tmp_path, monkeypatch, argv, message):
    monkeypatch.chdir(tmp_path)
    code, _, err = run_cli(capsys, *argv)
    assert code == 2
    assert err.strip() == f"error: {message}"


def test_a_file_that_is_not_a_database_is_an_error_not_a_traceback(capsys, tmp_path, corpus):
    bogus = tmp_path / "claims.sqlite"
    bogus.write_bytes(b"not sqlite at all " * 100)
    code, _, err = run_cli(capsys, "ingest", str(corpus), "--db", str(bogus))
    assert code == 2 and err.startswith(f"error: {bogus}")


def test_export_writes_bom_spec_columns_and_provenance(capsys, tmp_path, corpus, db_target):
    db = db_target
    run_cli(capsys, "ingest", str(corpus), "--db", db, "--workers", "1")
    target = tmp_path / "out" / "claims.csv"
    code, _, err = run_cli(capsys, "export", "--csv", str(target), "--db", db)
    assert code == 0
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == [*CLAIM_COLUMNS, "path", "ingested_at", "claim_id", "claim_key", *VERDICT_COLUMNS]
    conn = store.connect(db)
    assert len(rows) - 1 == store.counts(conn)["claims"]
    assert f"wrote {len(rows) - 1} claims" in err
    header = rows[0]
    paths = {row[header.index("path")] for row in rows[1:]}
    assert paths <= {str(p) for p in corpus.iterdir()}
    ids = [int(row[header.index("claim_id")]) for row in rows[1:]]
    assert ids == sorted(set(ids))
    assert all(float(row[header.index("value")]) == float(row[header.index("value")]) for row in rows[1:])


def test_stats_shows_totals_and_breakdowns(capsys, db_target, corpus):
    db = db_target
    run_cli(capsys, "ingest", str(corpus), "--db", db, "--workers", "1")
    code, out, _ = run_cli(capsys, "stats", "--db", db)
    assert code == 0
    counts = store.counts(store.connect(db))
    assert f"articles: {counts['articles']}" in out and f"claims: {counts['claims']}" in out
    for heading in ("claims by province:", "claims by program:", "claims by metric:", "last ingest: started"):
        assert heading in out
    top_province = store.claim_counts_by(store.connect(db), "province")[0]
    assert any(line.split() == [top_province[0], str(top_province[1])] for line in out.splitlines())


def test_claims_db_environment_variable_is_the_default_database(tmp_path, corpus):
    db = tmp_path / "env" / "claims.sqlite"
    env = {**os.environ, "CLAIMS_DB": str(db), "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, "-m", "dashboard", "ingest", str(corpus), "--workers", "1"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert store.counts(store.connect(db))["articles"] == 4
    stats = subprocess.run(
        [sys.executable, "-m", "dashboard", "stats"], cwd=REPO, env=env, capture_output=True, text=True, check=False
    )
    assert "articles: 4" in stats.stdout


@pytest.mark.parametrize("command", ["ingest", "export", "stats", "check", "doctor"])
def test_each_command_has_help(capsys, command):
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    assert exit_info.value.code == 0
    assert "--db" in capsys.readouterr().out


@pytest.mark.parametrize("command", ["ingest", "extract"])
def test_a_mistyped_path_is_reported_and_the_rest_is_read(capsys, tmp_path, corpus, command):
    missing = tmp_path / "nwes"
    target = ["--db", str(tmp_path / "c.sqlite"), "--workers", "1"] if command == "ingest" else []
    target += ["--csv", str(tmp_path / "c.csv")] if command == "extract" else []
    code, out, err = run_cli(capsys, command, str(corpus), str(missing), *target)
    assert code == 1
    lines = [line for line in (out + err).splitlines() if str(missing) in line]
    assert len(lines) == 1 and "no such file or folder" in lines[0]
    if command == "ingest":
        assert "4 new" in out
        assert store.counts(store.connect(tmp_path / "c.sqlite"))["articles"] == 4


@pytest.mark.parametrize("command", ["stats", "export", "ingest"])
def test_a_server_that_cannot_be_reached_is_one_error_line_naming_the_url_without_its_password(
    capsys, tmp_path, corpus, command
):
    url = "postgresql://reporter:s3cret@127.0.0.1:1/claims"
    argv = {"stats": [], "export": ["--csv", str(tmp_path / "out.csv")], "ingest": [str(corpus)]}[command]
    code, out, err = run_cli(capsys, command, *argv, "--db", url)
    assert code == 2
    assert err.startswith("error: postgresql://reporter:***@127.0.0.1:1/claims: cannot reach the database server")
    assert "s3cret" not in out + err and "Traceback" not in err and len(err.strip().splitlines()) == 1

"""A database that is missing, read-only, damaged, from a newer version, or on a full disk.

Each case ends in one line naming the file and the problem (never a traceback), read commands
work wherever reading is possible, and nothing is written into a database that cannot take it.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest
from ingest_corpus import write_corpus
from permissions import unprivileged

from dashboard.store import database as store
from dashboard.store.migrations import LATEST_VERSION

REPO = Path(__file__).resolve().parents[2]
READ_COMMANDS = (["stats"], ["export", "--csv", "out.csv"], ["check", "--csv", "findings.csv"])


def cli(*argv: str, env: dict[str, str] | None = None, cwd: Path = REPO, prefix: tuple[str, ...] = ()):
    """``python -m dashboard ARGV`` in a real process; (exit code, stdout, stderr)."""
    done = subprocess.run(
        [*prefix, sys.executable, "-m", "dashboard", *argv],
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(REPO), **(env or {})},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    return done.returncode, done.stdout, done.stderr


def one_error_line(err: str) -> str:
    """The single ``error: ...`` line a refused command prints (and nothing like a traceback)."""
    lines = err.strip().splitlines()
    assert "Traceback" not in err
    assert len(lines) == 1, err
    assert lines[0].startswith("error: ")
    return lines[0]


@pytest.fixture(scope="module")
def filled(tmp_path_factory) -> Path:
    """A database holding a few ingested articles, checkpointed into its main file."""
    folder = tmp_path_factory.mktemp("filled")
    write_corpus(folder / "news", 6)
    db = folder / "claims.sqlite"
    code, _, err = cli("ingest", str(folder / "news"), "--db", str(db), "--workers", "1")
    assert code == 0, err
    with closing(sqlite3.connect(db)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert not Path(f"{db}-wal").exists()
    return db


# --- a database that does not exist ----------------------------------------------------------


@pytest.mark.parametrize("argv", READ_COMMANDS)
def test_read_commands_refuse_a_missing_database_and_create_nothing(tmp_path, argv):
    db = tmp_path / "no" / "such" / "claims.sqlite"
    code, _, err = cli(*argv, env={"CLAIMS_DB": str(db)}, cwd=tmp_path)
    assert code == 2
    line = one_error_line(err)
    assert str(db) in line and "no such database" in line
    assert not (tmp_path / "no").exists()


# --- a database from a newer version of the program -----------------------------------------


def newer_copy(filled: Path, tmp_path: Path) -> Path:
    db = tmp_path / "newer.sqlite"
    shutil.copy(filled, db)
    with closing(sqlite3.connect(db, isolation_level=None)) as conn:
        conn.execute(
            "INSERT INTO schema_version (version, description, applied_at) VALUES (?, 'from the future', 'x')",
            (LATEST_VERSION + 1,),
        )
    assert not Path(f"{db}-wal").exists()
    return db


@pytest.mark.parametrize("argv", [*READ_COMMANDS, ["ingest", "news"], ["doctor"]])
def test_a_database_from_a_newer_version_is_refused_in_one_line(tmp_path, filled, argv):
    db = newer_copy(filled, tmp_path)
    write_corpus(tmp_path / "news", 2)
    before = db.read_bytes()
    code, _, err = cli(*argv, "--db", str(db), cwd=tmp_path)
    assert code == 2
    line = one_error_line(err)
    expected = f"made by a newer version (schema {LATEST_VERSION + 1}); this program knows up to {LATEST_VERSION}"
    assert str(db) in line and expected in line
    assert db.read_bytes() == before


# --- a read-only database file, and a database in a read-only folder -------------------------


@pytest.fixture
def read_only_folder(tmp_path, filled):
    folder = tmp_path / "ro"
    folder.mkdir()
    db = folder / "claims.sqlite"
    shutil.copy(filled, db)
    db.chmod(0o444)
    folder.chmod(0o555)
    yield db
    folder.chmod(0o755)


@pytest.mark.parametrize("where", ["file", "folder"])
def test_read_commands_work_on_a_read_only_database(tmp_path, filled, read_only_folder, where):
    if where == "file":
        db = tmp_path / "claims.sqlite"
        shutil.copy(filled, db)
        db.chmod(0o444)
    else:
        db = read_only_folder
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    expected = store.counts(store.connect(filled))
    prefix = unprivileged()
    code, out, err = cli("stats", "--db", str(db), prefix=prefix)
    assert code == 0, err
    assert f"claims: {expected['claims']}" in out
    code, _, err = cli("export", "--csv", str(out_dir / "claims.csv"), "--db", str(db), prefix=prefix)
    assert code == 0, err
    assert f"wrote {expected['claims']} claims" in err
    code, _, err = cli("check", "--csv", str(out_dir / "findings.csv"), "--db", str(db), prefix=prefix)
    assert code == 0, err


def test_ingest_into_a_read_only_database_is_one_line_and_writes_nothing(tmp_path, filled):
    db = tmp_path / "claims.sqlite"
    shutil.copy(filled, db)
    db.chmod(0o444)
    write_corpus(tmp_path / "more", 2, start=100)
    before = db.read_bytes()
    code, _, err = cli("ingest", str(tmp_path / "more"), "--db", str(db), "--workers", "1", prefix=unprivileged())
    assert code == 2
    line = one_error_line(err)
    assert str(db) in line and "read-only" in line
    assert db.read_bytes() == before


# --- a damaged database -----------------------------------------------------------------------


def damage(db: Path) -> None:
    """Overwrite the middle of the file (data pages, not the schema on page 1) with noise."""
    data = bytearray(db.read_bytes())
    page = 4096
    assert len(data) >= 8 * page, "the database is too small to damage only its data pages"
    for n in range(3, len(data) // page - 1, 2):
        data[n * page + 100 : n * page + 1600] = bytes((i * 37 + n) % 256 for i in range(1500))
    db.write_bytes(bytes(data))


@pytest.fixture
def damaged(tmp_path, filled) -> Path:
    db = tmp_path / "damaged.sqlite"
    shutil.copy(filled, db)
    damage(db)
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA quick_check").fetchone()[0] != "ok"
    return db


@pytest.mark.parametrize("argv", READ_COMMANDS)
def test_read_commands_report_a_damaged_database_in_one_line(tmp_path, damaged, argv):
    code, out, err = cli(*argv, "--db", str(damaged), cwd=tmp_path)
    assert code == 2, out
    line = one_error_line(err)
    assert str(damaged) in line and "damaged" in line and "doctor" in line


def test_ingest_does_not_write_into_a_damaged_database(tmp_path, damaged):
    write_corpus(tmp_path / "more", 2, start=100)
    before = damaged.read_bytes()
    code, _, err = cli("ingest", str(tmp_path / "more"), "--db", str(damaged), "--workers", "1")
    assert code == 2
    line = one_error_line(err)
    assert str(damaged) in line and "damaged" in line and "nothing was written" in line
    assert damaged.read_bytes() == before
    assert not Path(f"{damaged}-wal").exists() or Path(f"{damaged}-wal").stat().st_size == 0


def test_doctor_says_what_is_wrong_and_rescues_what_can_be_read(tmp_path, filled, damaged):
    code, out, err = cli("doctor", "--db", str(damaged))
    assert code == 1, err
    assert "Traceback" not in out + err
    assert "damaged" in out and "--rescue" in out and "ingest" in out

    rescued = tmp_path / "rescued.sqlite"
    code, out, err = cli("doctor", "--db", str(damaged), "--rescue", str(rescued))
    assert code == 0, err
    conn = store.connect(rescued)
    assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    kept = store.articles_frame(conn)
    assert 0 < len(kept) <= store.counts(store.connect(filled))["articles"]
    assert f"rescued {len(kept)} articles" in out
    # every rescued article has exactly the claims it had before the damage
    original = store.claims_frame(store.connect(filled))
    rescued_claims = store.claims_frame(conn)
    for document in kept["document"]:
        assert (rescued_claims["document"] == document).sum() == (original["document"] == document).sum()


def test_doctor_on_a_healthy_database_says_so(filled):
    code, out, err = cli("doctor", "--db", str(filled))
    assert code == 0, err
    assert "ok" in out and f"schema {LATEST_VERSION}" in out


def test_the_dashboard_names_a_damaged_database_instead_of_failing(damaged):
    from dashboard.app import queries

    problem = queries.database_problem(str(damaged))
    assert problem is not None and str(damaged) in problem and "damaged" in problem


# --- a full disk ------------------------------------------------------------------------------


def small_disk() -> tuple[str, ...]:
    """A prefix running the command in its own mount namespace (the tmpfs mounted there)."""
    if shutil.which("unshare") is None:
        pytest.skip("unshare is not available")
    probe = subprocess.run(["unshare", "-rm", "true"], capture_output=True, check=False)
    if probe.returncode != 0:
        pytest.skip("cannot make a mount namespace here")
    return ("unshare", "-rm")


def test_a_full_disk_is_one_line_keeps_what_was_stored_and_leaves_no_truncated_csv(tmp_path):
    write_corpus(tmp_path / "news", 400)
    disk = tmp_path / "disk"
    disk.mkdir()
    db = disk / "claims.sqlite"
    py = f"PYTHONPATH={REPO} {sys.executable}"
    script = f"""
mount -t tmpfs -o size=1m tmpfs {disk} || exit 99
{py} -m dashboard ingest {tmp_path / "news"} --db {db} --workers 1 2>{tmp_path / "ingest.err"} >/dev/null
echo $? > {tmp_path / "ingest.code"}
{py} -m dashboard export --csv {disk / "all.csv"} --db {db} 2>{tmp_path / "export.err"}
echo $? > {tmp_path / "export.code"}
ls -a {disk} > {tmp_path / "left"}
{py} -c 'import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); \\
print(c.execute("PRAGMA integrity_check").fetchone()[0], c.execute("SELECT COUNT(*) FROM articles").fetchone()[0])' \\
  {db} > {tmp_path / "after"}
"""
    done = subprocess.run([*small_disk(), "sh", "-c", script], cwd=REPO, capture_output=True, text=True, check=False)
    if done.returncode == 99:
        pytest.skip(f"cannot mount a small disk here: {done.stderr}")
    assert (tmp_path / "ingest.code").read_text().strip() == "2"
    line = one_error_line((tmp_path / "ingest.err").read_text())
    integrity, stored = (tmp_path / "after").read_text().split()
    assert integrity == "ok" and int(stored) > 0
    assert "disk is full" in line and str(db) in line
    assert f"{stored} articles stored before it stopped are kept" in line

    assert (tmp_path / "export.code").read_text().strip() == "2"
    line = one_error_line((tmp_path / "export.err").read_text())
    assert str(disk / "all.csv") in line and "disk is full" in line
    left = (tmp_path / "left").read_text().split()
    assert [name for name in left if name.endswith(".csv") or ".tmp" in name] == []


def test_rescue_keeps_articles_that_share_a_base_name_apart(tmp_path, db_target):
    """Into a new SQLite file, or into a PostgreSQL database (a move to the newsroom's server)."""
    from ingest_corpus import article_text

    for year, i in (("2023", 1), ("2024", 2)):
        (tmp_path / "news" / year).mkdir(parents=True)
        (tmp_path / "news" / year / "a.txt").write_text(article_text(i), encoding="utf-8")
    db = tmp_path / "source.sqlite"
    assert cli("ingest", str(tmp_path / "news"), "--db", str(db), "--workers", "1")[0] == 0
    rescued = db_target
    code, _, err = cli("doctor", "--db", str(db), "--rescue", str(rescued))
    assert code == 0, err
    keys = sorted(store.articles_frame(store.connect(rescued))["key"])
    assert keys == ["2023/a.txt", "2024/a.txt"]
    assert store.counts(store.connect(rescued)) == store.counts(store.connect(db))


def test_doctor_on_a_file_that_is_not_readable_as_a_database_at_all(tmp_path, filled):
    db = tmp_path / "claims.sqlite"
    data = bytearray(filled.read_bytes())
    data[:100] = bytes(100)  # the header is gone
    db.write_bytes(bytes(data))
    code, out, err = cli("doctor", "--db", str(db))
    assert code == 1
    assert "Traceback" not in out + err
    assert "cannot be read" in out and "ingest" in out


def test_doctor_on_a_postgresql_database_names_it_and_what_it_holds(pg_url, filled):
    code, out, err = cli("doctor", "--db", str(filled), "--rescue", pg_url)
    assert code == 0, err
    code, out, err = cli("doctor", "--db", pg_url)
    assert code == 0, err
    counts = store.counts(store.connect(filled))
    assert f"database: {pg_url}" in out and f"holds: {counts['articles']} articles, {counts['claims']} claims" in out
    assert "PostgreSQL server" in out

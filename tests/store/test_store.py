"""The store: schema and migrations, whole-article writes, read frames, concurrent readers, CSV export."""

from __future__ import annotations

import sqlite3
import threading

import pandas as pd
import pytest
import sqlalchemy as sa

from dashboard.extract.schema import CLAIM_COLUMNS
from dashboard.lang.errors import UserError
from dashboard.store import database as store
from dashboard.store import tables
from dashboard.store.export import claims_csv_bytes, plain_number, safe_cell
from dashboard.store.migrations import MIGRATIONS, POSTGRES_BASELINE, SCHEMA_VERSION_TABLE, Migration


def claim(document: str, value: float, mention: str, start: int, **extra: object) -> dict[str, object]:
    row: dict[str, object] = dict.fromkeys(CLAIM_COLUMNS, "")
    row.update(document=document, value=value, unit="count", metric="jobs", program="general", province="Yazd")
    row.update(status="reported", mention=mention, start=start, end=start + len(mention), **extra)
    return row


def article(document: str, digest: str, claims: list[dict[str, object]], text: str = "") -> store.StoredArticle:
    return store.StoredArticle(
        document=document,
        path=f"news/{document}",
        text=text or f"ایجاد ۱۲۰ فرصت شغلی در یزد ({document})",  # one text per article: equal texts are one article
        content_hash=digest,
        meta={"id": document},
        metadata={"title": "خبر " + document, "published": "2023-11-25", "source": "ایکنا", "speaker": ""},
        claims=claims,
    )


@pytest.fixture
def conn(db_target):
    """A new database on each backend."""
    connection = store.connect(db_target)
    yield connection
    connection.close()


def test_connect_creates_folder_schema_and_settings(tmp_path):
    path = tmp_path / "new" / "deeper" / "claims.sqlite"
    conn = store.connect(path)
    assert path.is_file()
    assert store.schema_version(conn) == MIGRATIONS[-1].version
    assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000
    names = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"articles", "claims", "ingests", "schema_version"} <= names
    assert store.is_empty(conn)


def test_claims_db_environment_variable_is_honoured(tmp_path, monkeypatch):
    target = tmp_path / "from_env.sqlite"
    monkeypatch.setenv("CLAIMS_DB", str(target))
    conn = store.connect()
    store.write_articles(conn, [article("a01.txt", "h1", [claim("a01.txt", 120, "۱۲۰ فرصت", 6)])])
    conn.close()
    assert store.counts(store.connect(target))["claims"] == 1


def test_migrations_bring_an_old_database_up_to_date(tmp_path):
    path = tmp_path / "old.sqlite"
    old = sqlite3.connect(path, isolation_level=None)
    old.execute(SCHEMA_VERSION_TABLE)
    for statement in MIGRATIONS[0].statements:
        old.execute(statement)
    old.execute("INSERT INTO schema_version VALUES (1, 'first', '2025-01-01T00:00:00Z')")
    old.execute(
        "INSERT INTO articles (document, text, content_hash, ingested_at, updated_at) "
        "VALUES ('old.txt', 'ساخت ۴۰ واحد مسکونی', 'h0', '2025-01-01', '2025-01-01')"
    )
    old.execute("INSERT INTO claims (article_id, document, value, mention) VALUES (1, 'old.txt', 40, '۴۰ واحد')")
    old.close()

    conn = store.connect(path)
    assert store.schema_version(conn) == MIGRATIONS[-1].version
    versions = [r[0] for r in conn.exec_driver_sql("SELECT version FROM schema_version ORDER BY version")]
    assert versions == [m.version for m in MIGRATIONS]
    frame = store.claims_frame(conn)
    assert frame["mention"].tolist() == ["۴۰ واحد"]
    before = store.data_version(conn)
    store.write_articles(conn, [article("new.txt", "h1", [])])
    assert store.data_version(conn) != before


def test_migration_steps_are_numbered_in_order():
    assert [m.version for m in MIGRATIONS] == list(range(1, len(MIGRATIONS) + 1))


def test_not_a_database_is_a_user_error(tmp_path):
    bogus = tmp_path / "notes.sqlite"
    bogus.write_text("این یک پایگاه داده نیست\n" * 200, encoding="utf-8")
    with pytest.raises(UserError, match=r"notes\.sqlite"):
        store.connect(bogus)


def test_write_new_unchanged_and_replaced(conn):
    first = article("a01.txt", "h1", [claim("a01.txt", 120, "۱۲۰ فرصت", 6), claim("a01.txt", 15, "۱۵ صندوق", 30)])
    assert store.write_articles(conn, [first]) == store.WriteCounts(new=1, claims=2)
    assert store.write_articles(conn, [first]) == store.WriteCounts(unchanged=1)
    assert len(store.claims_frame(conn)) == 2

    changed = article("a01.txt", "h2", [claim("a01.txt", 130, "۱۳۰ فرصت", 6)])
    assert store.write_articles(conn, [changed]) == store.WriteCounts(replaced=1, claims=1)
    frame = store.claims_frame(conn)
    assert frame["mention"].tolist() == ["۱۳۰ فرصت"]
    assert store.counts(conn) == {"articles": 1, "claims": 1}
    assert store.stored_hash(conn, "a01.txt") == "h2"


def test_a_bad_claim_writes_nothing_of_the_batch(conn):
    good = article("a01.txt", "h1", [claim("a01.txt", 120, "۱۲۰ فرصت", 6)])
    bad = article("a02.txt", "h2", [claim("a02.txt", "حدود", "حدود صد", 0)])
    with pytest.raises(ValueError):
        store.write_articles(conn, [good, bad])
    assert store.is_empty(conn)


def test_deleting_an_article_removes_its_claims(conn):
    store.write_articles(conn, [article("a01.txt", "h1", [claim("a01.txt", 120, "۱۲۰ فرصت", 6)])])
    assert store.delete_article(conn, "a01.txt")
    assert store.counts(conn) == {"articles": 0, "claims": 0}


def test_claims_frame_columns_and_types(conn):
    empty = store.claims_frame(conn)
    assert list(empty.columns) == [*CLAIM_COLUMNS, "claim_id", "article_id"]
    store.write_articles(
        conn,
        [
            article("a01.txt", "h1", [claim("a01.txt", 2.5, "۲/۵ درصد", 3, quote="سهم ۲/۵ درصد است")]),
            article("b.jsonl#b2", "h2", [{**claim("b.jsonl#b2", 6.5e12, "۶۵۰ همت", 0), "start": None, "end": None}]),
        ],
    )
    frame = store.claims_frame(conn)
    assert list(frame.columns) == [*CLAIM_COLUMNS, "claim_id", "article_id"]
    assert frame["value"].dtype == float
    assert pd.api.types.is_integer_dtype(frame["start"]) and pd.api.types.is_integer_dtype(frame["end"])
    assert frame["value"].tolist() == [2.5, 6.5e12]
    assert frame["start"].tolist() == [3, -1]
    assert frame["quote"].tolist() == ["سهم ۲/۵ درصد است", ""]
    assert frame["claim_id"].is_unique


def test_articles_frame_and_record(conn):
    store.write_articles(
        conn,
        [
            article("a01.txt", "h1", [claim("a01.txt", 120, "۱۲۰ فرصت", 6), claim("a01.txt", 9, "۹ گروه", 20)]),
            article("a02.txt", "h2", []),
        ],
    )
    frame = store.articles_frame(conn)
    assert list(frame.columns) == list(store.ARTICLE_FRAME_COLUMNS)
    assert dict(zip(frame["document"], frame["n_claims"], strict=True)) == {"a01.txt": 2, "a02.txt": 0}
    record = store.article_record(conn, "a01.txt")
    assert record is not None
    assert record["text"] == "ایجاد ۱۲۰ فرصت شغلی در یزد (a01.txt)"
    assert record["source"] == "ایکنا" and record["published"] == "2023-11-25"
    assert store.article_record(conn, "missing.txt") is None


def test_ingest_bookkeeping(conn):
    assert store.last_ingest(conn) is None
    ingest_id = store.start_ingest(conn, ["news"])
    running = store.last_ingest(conn)
    assert running is not None and running["finished_at"] is None
    store.finish_ingest(conn, ingest_id, {"new": 3}, ["news/bad.txt: empty file"])
    done = store.last_ingest(conn)
    assert done is not None
    assert done["finished_at"] and done["counts"] == {"new": 3} and done["problems"] == ["news/bad.txt: empty file"]


def test_data_version_moves_for_own_and_other_connections_writes(conn, db_target):
    reader = store.connect(db_target)
    seen_by_reader = store.data_version(reader)
    own = store.data_version(conn)
    store.write_articles(conn, [article("a01.txt", "h1", [])])
    assert store.data_version(conn) != own
    assert store.data_version(reader) != seen_by_reader
    assert store.data_version(reader) == store.data_version(reader)


def test_a_reader_thread_sees_no_lock_error_while_a_writer_writes(db_target):
    path = db_target
    writer = store.connect(path)
    errors: list[BaseException] = []
    done = threading.Event()
    reads = 0

    def read_loop() -> None:
        nonlocal reads
        try:
            reader = store.connect(path)
            while not done.is_set():
                store.claims_frame(reader)
                store.articles_frame(reader)
                store.data_version(reader)
                reads += 1
            reader.close()
        except BaseException as exc:  # the test reports any error
            errors.append(exc)

    thread = threading.Thread(target=read_loop)
    thread.start()
    try:
        for batch in range(40):
            docs = [f"n{batch:02d}_{i}.txt" for i in range(20)]
            store.write_articles(
                writer, [article(d, "h", [claim(d, 120 + i, "۱۲۰ فرصت", 6) for i in range(5)]) for d in docs]
            )
    finally:
        done.set()
        thread.join()
    assert not errors
    assert reads > 0
    assert store.counts(writer) == {"articles": 800, "claims": 4000}


def test_claim_counts_by_column(conn):
    store.write_articles(
        conn,
        [
            article(
                "a01.txt", "h1", [claim("a01.txt", 1, "۱ شغل", 0), claim("a01.txt", 2, "۲ شغل", 5, province="Qom")]
            ),
            article("a02.txt", "h2", [claim("a02.txt", 3, "۳ شغل", 0)]),
        ],
    )
    assert store.claim_counts_by(conn, "province") == [("Yazd", 2), ("Qom", 1)]
    with pytest.raises(ValueError):
        store.claim_counts_by(conn, "value; DROP TABLE claims")


# --- the CSV ------------------------------------------------------------------------------


def test_safe_cell_neutralises_formula_starts():
    for risky in ("=1+2", "+98 21", "-۵ درصد", "@SUM(A1)"):
        assert safe_cell(risky) == "'" + risky
    assert safe_cell("۵۸۲ صندوق") == "۵۸۲ صندوق"
    assert safe_cell(float("nan")) == ""


def test_plain_number_never_uses_an_exponent():
    assert plain_number(6.5e12) == "6500000000000"
    assert plain_number(-12.0) == "-12"
    assert plain_number(0.125) == "0.125"
    assert "e" not in plain_number(1.5e-9)


def test_claims_csv_bytes_order_bom_and_neutralised_text(conn):
    store.write_articles(
        conn,
        [
            article(
                "a01.txt",
                "h1",
                [claim("a01.txt", -3, "منفی ۳", 0, quote='=HYPERLINK("x") ۳ شغل', speaker="@مدیرکل")],
            )
        ],
    )
    data = claims_csv_bytes(store.export_frame(conn))
    assert data.startswith(b"\xef\xbb\xbf")
    frame = pd.read_csv(pd.io.common.BytesIO(data), encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert list(frame.columns) == [*CLAIM_COLUMNS, *store.PROVENANCE_COLUMNS]
    row = frame.iloc[0]
    assert row["value"] == "-3"
    assert row["quote"] == '\'=HYPERLINK("x") ۳ شغل'
    assert row["speaker"] == "'@مدیرکل"
    assert row["path"] == "news/a01.txt" and row["ingested_at"]


def test_claims_csv_bytes_puts_spec_columns_first_whatever_the_frame_order():
    frame = pd.DataFrame([{"claim_id": 4, "province": "Yazd", "document": "a.txt", "value": 7.0}])
    header = claims_csv_bytes(frame).decode("utf-8-sig").splitlines()[0]
    assert header == "document,value,province,claim_id"


def _schema(conn) -> dict[str, object]:
    """Each table's columns (name, nullable), indexes and unique column sets, as the database reports them."""
    inspector = sa.inspect(conn)
    found: dict[str, object] = {}
    for name in sorted(tables.metadata.tables):
        columns = [(c["name"], bool(c["nullable"])) for c in inspector.get_columns(name)]
        reported = inspector.get_indexes(name)
        indexes = {i["name"]: tuple(i["column_names"]) for i in reported if not i.get("duplicates_constraint")}
        unique = sorted(tuple(u["column_names"]) for u in inspector.get_unique_constraints(name))
        found[name] = (columns, indexes, unique)
    return found


def test_both_backends_build_the_schema_the_tables_module_declares(conn):
    declared = {
        name: (
            [(c.name, bool(c.nullable) and not c.primary_key) for c in table.columns],
            {i.name: tuple(c.name for c in i.columns) for i in table.indexes},
            sorted({tuple(c.name for c in u.columns) for u in table.constraints if isinstance(u, sa.UniqueConstraint)}),
        )
        for name, table in sorted(tables.metadata.tables.items())
    }
    found = _schema(conn)
    for name, table in tables.metadata.tables.items():  # SQLite lets a text primary key be NULL; no row ever is
        columns, indexes, unique = found[name]  # type: ignore[misc]
        found[name] = ([(c, n and not table.c[c].primary_key) for c, n in columns], indexes, unique)
    assert found == declared


def test_a_server_that_cannot_be_reached_or_has_no_such_database_is_named_without_its_password(pg_server):
    server = sa.make_url(pg_server)
    missing = server.set(password="s3cret", database="no_such_claims").render_as_string(hide_password=False)
    closed = server.set(password="s3cret", port=1).render_as_string(hide_password=False)
    for url, what in ((missing, "no such database on the server"), (closed, "cannot reach the database server")):
        with pytest.raises(UserError) as refused:
            store.connect(url)
        message = str(refused.value)
        assert what in message and "\n" not in message
        assert "s3cret" not in message and store.describe(url) in message and "***" in message


def test_a_database_without_the_claims_tables_is_refused_by_readers_and_created_by_writers(pg_url):
    with pytest.raises(UserError, match="holds no claims database yet"):
        store.open_existing(pg_url)
    with pytest.raises(UserError, match="holds no claims database yet"):
        store.open_read_only(pg_url)
    with store.connect(pg_url) as conn:
        assert store.schema_version(conn) == MIGRATIONS[-1].version


def test_a_read_only_postgresql_session_reads_and_refuses_to_write(pg_url):
    with store.connect(pg_url) as conn:
        store.write_articles(conn, [article("a01.txt", "h1", [claim("a01.txt", 120, "۱۲۰ فرصت", 6)])])
    with store.open_read_only(pg_url) as reader:
        assert store.counts(reader) == {"articles": 1, "claims": 1}
        with pytest.raises(sa.exc.DBAPIError) as refused:
            store.write_articles(reader, [article("a02.txt", "h2", [])])
        assert store.is_read_only_error(refused.value)


def test_the_same_text_written_at_once_under_two_names_is_stored_once(db_target):
    """Two writers (two machines) store one article text under two names at the same moment, 20 times over."""
    rounds = 20
    writers = [store.connect(db_target) for _ in range(2)]
    start = threading.Barrier(2)
    results: list[list[store.WriteCounts]] = [[], []]
    errors: list[BaseException] = []

    def write(n: int) -> None:
        try:
            for i in range(rounds):
                text = f"در استان یزد، {i + 10} واحد مسکونی به مددجویان تحویل شد"
                mine = article(
                    f"m{n}_{i}.txt", f"h{n}_{i}", [claim(f"m{n}_{i}.txt", i + 10, f"{i + 10} واحد", 13)], text
                )
                mine.path = f"machine{n}/news_{i}.txt"
                start.wait()
                results[n].append(store.write_articles(writers[n], [mine]))
        except BaseException as exc:  # the test reports any error
            errors.append(exc)
            start.abort()

    threads = [threading.Thread(target=write, args=(n,)) for n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    for i in range(rounds):
        first, second = results[0][i], results[1][i]
        assert first.new + second.new == 1 and len(first.duplicates) + len(second.duplicates) == 1
    assert store.counts(writers[0]) == {"articles": rounds, "claims": rounds}
    for conn in writers:
        conn.close()


def test_every_step_after_postgresql_began_says_how_to_take_a_postgresql_database_there():
    assert all(step.postgresql is not None for step in MIGRATIONS if step.version > POSTGRES_BASELINE)


def test_a_new_step_brings_a_database_of_the_previous_version_up_to_date_on_both_backends(db_target, monkeypatch):
    with store.connect(db_target) as conn:
        store.write_articles(conn, [article("a01.txt", "h1", [claim("a01.txt", 120, "۱۲۰ فرصت", 6)])])
    index = "CREATE INDEX claims_qualifier ON claims(qualifier)"
    step = Migration(len(MIGRATIONS) + 1, "claims by qualifier", (index,), postgresql=(index,))
    monkeypatch.setattr(store, "MIGRATIONS", (*MIGRATIONS, step))
    monkeypatch.setattr(store, "LATEST_VERSION", step.version)
    with store.connect(db_target) as conn:
        assert store.schema_version(conn) == step.version
        assert "claims_qualifier" in {i["name"] for i in sa.inspect(conn).get_indexes("claims")}
        assert store.counts(conn) == {"articles": 1, "claims": 1}

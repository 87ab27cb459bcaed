"""A PostgreSQL server for the tests, a fresh database on it per test, and the two backends as one fixture.

``$CLAIMS_TEST_PG`` names a server (``postgresql://claims@127.0.0.1:54329/postgres``; CI starts one with
``scripts/pg-test-server.sh``). Without it, the first test that needs PostgreSQL starts the same
throw-away server itself, and stops it when the session ends. Where no server can be started the
PostgreSQL tests are skipped, except under CI (``CI=true``), where that is a failure.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.pool import NullPool

from dashboard.store import engine

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "pg-test-server.sh"
SERVER_ENV = "CLAIMS_TEST_PG"
BACKENDS = ("sqlite", "postgresql")


def _no_server(message: str) -> None:
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"{message} (CI runs every PostgreSQL test: .ci/run starts the server)")
    pytest.skip(message)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """The URL of a PostgreSQL server whose databases the tests may create and drop."""
    given = os.environ.get(SERVER_ENV, "").strip()
    if given:
        yield given
        return
    folder = tempfile.mkdtemp(prefix="claims-pg-")
    os.chmod(folder, 0o755)  # the server's own user must reach its data folder inside
    server = os.path.join(folder, "server")
    started = subprocess.run(["bash", str(SCRIPT), "start", server], capture_output=True, text=True, check=False)
    if started.returncode != 0:
        shutil.rmtree(folder, ignore_errors=True)
        _no_server(f"no PostgreSQL server for the tests: {started.stderr.strip() or started.stdout.strip()}")
    try:
        yield started.stdout.strip()
    finally:
        subprocess.run(["bash", str(SCRIPT), "stop", server], capture_output=True, check=False)
        shutil.rmtree(folder, ignore_errors=True)


def _admin(server: str) -> sa.Engine:
    return sa.create_engine(engine.postgres_url(server), isolation_level="AUTOCOMMIT", poolclass=NullPool)


def fresh_database(server: str) -> str:
    """Create an empty database on ``server``; its URL."""
    name = f"claims_test_{uuid.uuid4().hex[:12]}"
    with _admin(server).connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    return sa.make_url(server).set(database=name).render_as_string(hide_password=False)


def drop_database(server: str, url: str) -> None:
    """Drop the database at ``url`` (closing this process's connections to it, and forcing out any other)."""
    engine.dispose(url)
    name = sa.make_url(url).database
    with _admin(server).connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def pg_url(pg_server: str) -> Iterator[str]:
    """A new, empty PostgreSQL database for one test, dropped after it."""
    url = fresh_database(pg_server)
    try:
        yield url
    finally:
        drop_database(pg_server, url)


@pytest.fixture(params=BACKENDS)
def db_target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A new claims database on each backend: an SQLite file path, then a PostgreSQL URL."""
    if request.param == "sqlite":
        return str(tmp_path / "claims.sqlite")
    return str(request.getfixturevalue("pg_url"))

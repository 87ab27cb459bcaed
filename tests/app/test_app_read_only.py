"""The dashboard on a database it can only read (a read-only file, or a file in a read-only folder), or
deployed read-only by choice (``CLAIMS_READ_ONLY=1``): every page reads it, the upload page is hidden,
every write is refused, and the app says why, instead of failing.

The app runs under AppTest in a child process whose file permissions bind (as root, without the
capabilities that ignore them), on a chmod-ed copy of a real database."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from permissions import unprivileged

from dashboard.lang.i18n import t
from dashboard.store import database as store
from dashboard.store.ingest import ingest

REPO = Path(__file__).resolve().parents[2]
APP = str(REPO / "dashboard" / "app" / "main.py")

PROBE = """
import json, sys
from streamlit.testing.v1 import AppTest

at = AppTest.from_file(sys.argv[1], default_timeout=60)
at.query_params["lang"] = sys.argv[2]
at.query_params["reviewer"] = "مریم"
at.run()
out = {"overview": {"exception": [e.message for e in at.exception], "info": [i.value for i in at.info],
                    "error": [e.value for e in at.error], "metrics": {m.label: m.value for m in at.metric}}}
for page in ("claims", "article", "findings", "add"):
    try:
        at.switch_page(f"views/{page}.py")
    except ValueError:  # not in the navigation
        out[page] = {"absent": True}
        continue
    at.run()
    out[page] = {"absent": False, "exception": [e.message for e in at.exception], "error": [e.value for e in at.error],
                 "uploaders": [u.key for u in at.file_uploader], "tables": len(at.dataframe),
                 "disabled": sorted(b.key for b in at.button if b.disabled and b.key),
                 "enabled": sorted(b.key for b in at.button if not b.disabled and b.key)}
print(json.dumps(out))
"""


@pytest.fixture(scope="module")
def filled(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("db") / "claims.sqlite"
    assert ingest([REPO / "seeds"], db, workers=1).claims_stored > 0
    return db


def run_app(db: Path, lang: str, tmp_path: Path, **env_vars: str) -> dict:
    probe = tmp_path / "probe.py"
    probe.write_text(PROBE, encoding="utf-8")
    env = {**os.environ, "CLAIMS_DB": str(db), **env_vars}
    done = subprocess.run(
        [*unprivileged(), sys.executable, str(probe), APP, lang],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize(("where", "lang"), [("file", "fa"), ("folder", "en")])
def test_a_read_only_database_is_read_and_the_upload_page_is_hidden(filled, tmp_path, where, lang) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    db = folder / "claims.sqlite"
    shutil.copy(filled, db)
    db.chmod(0o444)
    if where == "folder":
        folder.chmod(0o555)
    before = db.read_bytes()
    try:
        out = run_app(db, lang, tmp_path)
    finally:
        folder.chmod(0o755)
    assert out["overview"]["info"] == [t("db_read_only", lang)]
    assert not out["overview"]["error"] and not out["overview"]["exception"]
    assert out["overview"]["metrics"], "the overview's key figures are drawn"
    for page in ("claims", "article", "findings"):
        assert not out[page]["exception"] and not out[page]["error"], (page, out[page])
    assert out["claims"]["tables"] >= 1 and out["article"]["tables"] >= 1
    assert out["add"] == {"absent": True}, "the upload page is hidden"
    assert db.read_bytes() == before
    if where == "folder":
        assert sorted(p.name for p in folder.iterdir()) == ["claims.sqlite"]


def test_a_writable_database_keeps_the_upload_page(filled, tmp_path) -> None:
    db = tmp_path / "claims.sqlite"
    shutil.copy(filled, db)
    out = run_app(db, "en", tmp_path)
    assert out["overview"]["info"] == []
    assert not out["add"]["absent"] and "upload_files" in out["add"]["uploaders"]
    assert "rate_save" in out["claims"]["enabled"], "a named reviewer may rate a claim"
    assert store.counts(store.connect(db))["claims"] > 0


@pytest.mark.parametrize("lang", ["fa", "en"])
def test_a_read_only_deployment_hides_the_upload_page_and_refuses_writes(filled, tmp_path, lang) -> None:
    db = tmp_path / "claims.sqlite"
    shutil.copy(filled, db)
    before = db.read_bytes()
    out = run_app(db, lang, tmp_path, CLAIMS_READ_ONLY="1")
    assert out["overview"]["info"] == [t("db_read_only_setting", lang)]
    assert not out["overview"]["error"] and not out["overview"]["exception"]
    for page in ("claims", "article", "findings"):
        assert not out[page]["exception"] and not out[page]["error"], (page, out[page])
    assert out["add"] == {"absent": True}, "the upload page is hidden"
    assert "rate_save" in out["claims"]["disabled"], "no verdict can be recorded"
    assert not [k for k in out["findings"]["enabled"] if k.startswith("finding_")], "no decision on a finding"
    assert [k for k in out["findings"]["disabled"] if k.startswith("finding_")], "the decisions are shown, disabled"
    assert db.read_bytes() == before


def test_every_write_of_the_app_is_refused_when_read_only(filled, tmp_path, monkeypatch) -> None:
    from dashboard.app import queries

    db = tmp_path / "claims.sqlite"
    shutil.copy(filled, db)
    monkeypatch.setenv("CLAIMS_DB", str(db))
    monkeypatch.setenv("CLAIMS_READ_ONLY", "yes")
    assert queries.read_only() and queries.read_only_setting()
    with pytest.raises(queries.WriteRefused, match="read-only"):
        queries.write_db(str(db), "en")
    monkeypatch.setenv("CLAIMS_READ_ONLY", "0")
    assert not queries.read_only()
    queries.write_db(str(db)).close()

"""The Add page's upload report gives each reader's and the ingest's problem in the reader's language:
the problem's code and parameters are translated (``reason_*`` in ``data/labels.yaml``), while the
command line keeps its English lines."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.lang.i18n import load_labels, t
from dashboard.read.article import ReadProblem
from dashboard.store import database as store
from dashboard.store.ingest import ingest

REPO = Path(__file__).resolve().parents[2]
APP = str(REPO / "dashboard" / "app" / "main.py")
TIMEOUT = 60
GOOD = "به گزارش خبرنامه آزمون، مدیرکل گفت ۳۲۰ صندوق قرض‌الحسنه در استان قم فعال است."


def _zip(members: dict[str, bytes]) -> bytes:
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as zf:
        for name, content in members.items():
            zf.writestr(name, content)
    return data.getvalue()


UPLOADS = [
    ("bad.zip", b"this is no zip at all", "application/zip"),
    ("empty.txt", b"", "text/plain"),
    ("feed.jsonl", b'{"id": "k1", "body": "' + GOOD.encode() + b'"}\n{not json\n', "application/jsonl"),
    ("bundle.zip", _zip({"photo.png": b"\x89PNG\r\n", "../evil.txt": GOOD.encode()}), "application/zip"),
]


def _report(monkeypatch, tmp_path: Path, lang: str) -> list[str]:
    db = tmp_path / "claims.sqlite"
    store.connect(db).close()
    monkeypatch.setenv("CLAIMS_DB", str(db))
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params["lang"] = lang
    at.run()
    at.switch_page("views/add.py").run()
    at.file_uploader(key="upload_files").set_value(UPLOADS).run()
    at.button(key="upload_run").click().run()
    assert not at.exception, [e.message for e in at.exception]
    (report,) = [m.value for m in at.markdown if "bad\\.zip" in m.value]
    return report.replace("\\", "").splitlines()  # as read: without Markdown's escapes


def test_the_upload_report_gives_every_reason_in_persian(monkeypatch, tmp_path) -> None:
    lines = _report(monkeypatch, tmp_path, "fa")
    text = "\n".join(lines)
    for code in ("bad_zip", "empty_file", "not_json", "unsafe_member"):
        assert t(f"reason_{code}", "fa") in text, (code, text)
    assert "سطر ۲" in text  # where in the file, in Persian digits
    assert t("reason_unsupported_member", "fa", name="bundle.zip/photo.png") in text
    english = ("not a readable zip", "empty file", "not valid JSON", "unsafe member", "line 2", "not supported")
    assert not [e for e in english if e in text], text


def test_the_same_upload_in_english(monkeypatch, tmp_path) -> None:
    text = "\n".join(_report(monkeypatch, tmp_path, "en"))
    for phrase in ("not a readable zip archive", "empty file", "line 2: not valid JSON", "unsafe member name"):
        assert phrase in text, (phrase, text)


def test_every_reader_problem_has_its_code_and_the_cli_keeps_its_english(tmp_path) -> None:
    (tmp_path / "bad.zip").write_bytes(b"no zip")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "nul.txt").write_bytes(b"\x00\x01binary")
    report = ingest([str(tmp_path), str(tmp_path / "missing.txt")], tmp_path / "claims.sqlite", workers=1)
    codes = sorted(p.code for p in report.coded)
    assert codes == ["bad_zip", "binary_nul", "empty_file", "no_such_file"]
    assert any(line.endswith("empty.txt: empty file") for line in report.problems)
    assert any("not a readable zip archive" in line for line in report.problems)


@pytest.mark.parametrize("lang", ["fa", "en"])
def test_every_reason_code_is_labelled_in_both_languages(lang) -> None:
    labels = load_labels()
    codes = [k.removeprefix("reason_") for k in labels if k.startswith("reason_")]
    sources = "\n".join(p.read_text(encoding="utf-8") for p in (REPO / "dashboard").rglob("*.py"))
    import re

    used = set(re.findall(r'code="([a-z_]+)"', sources)) | set(re.findall(r'DecodeError\([^)]*"([a-z_]+)"\)', sources))
    assert used and used <= set(codes), used - set(codes)
    assert all(labels[f"reason_{c}"][lang] for c in codes)
    assert ReadProblem("a", None, "m", code="x") == ReadProblem("a", None, "m")  # codes do not change equality

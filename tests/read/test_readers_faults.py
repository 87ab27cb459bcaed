"""Readers on damaged and unusual input: bytes that are almost UTF-8, UTF-16 without a byte-order
mark, a zip inside a zip, a folder that cannot be read, HTML nested very deep.

Nothing is read as garbage without a word, and nothing is skipped without a line naming it.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from permissions import unprivileged

from dashboard.read.archive import MAX_NESTING
from dashboard.read.article import Article, ReadProblem
from dashboard.read.decode import decode
from dashboard.read.inputs import iter_articles

REPO = Path(__file__).resolve().parents[2]
HEADLINE = "تاریخ افتتاح ۲۰ کارگاه خیاطی در روستاهای استان"
BODY = "مسئول طرح گفت: با این کارگاه‌ها برای ۱۲۰ نفر شغل فراهم شد و ۸ میلیارد ریال وام پرداخت شد."
TEXT = f"{HEADLINE}\n\n{BODY}\n"
UNFINISHED = f"{HEADLINE}\n\n{BODY} این طرح ادامه دارد"  # ends in a Persian letter, not a newline


def _lose_continuation(data: bytes) -> bytes:
    """Drop the second byte of the first two-byte character after byte 40."""
    lead = next(i for i in range(40, len(data)) if data[i] >= 0xC0)
    return data[: lead + 1] + data[lead + 2 :]


def read(*paths: Path) -> tuple[list[Article], list[ReadProblem]]:
    items = list(iter_articles(paths))
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, ReadProblem)]


# --- bytes to text ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "damage",
    [
        lambda b: b[:-1],  # a file cut in the middle of its last character
        _lose_continuation,  # one byte of a character lost
        lambda b: b[:30] + b"\xff" + b[30:],  # one stray byte inside a character
    ],
    ids=["cut-at-end", "byte-lost", "stray-byte"],
)
def test_utf8_with_a_bad_byte_is_read_as_utf8_and_the_repair_reported(tmp_path, damage):
    data = UNFINISHED.encode("utf-8")
    damaged = damage(data)
    with pytest.raises(UnicodeDecodeError):
        damaged.decode("utf-8")
    (tmp_path / "a.txt").write_bytes(damaged)
    [article], problems = read(tmp_path / "a.txt")
    assert article.title is not None and article.title.startswith("تاریخ افتتاح")
    assert "۸ میلیارد ریال" in article.text
    [note] = problems
    assert note.kept and note.path == str(tmp_path / "a.txt")
    assert "not valid UTF-8" in note.message and "replaced" in note.message


def test_text_that_is_not_utf8_at_all_is_still_windows_1256():
    legacy = "كارگاه خياطي در روستا\n\nمسئول طرح گفت: براي 120 نفر شغل ايجاد شد و كار ادامه دارد."
    decoded = decode(legacy.encode("cp1256"))
    assert decoded.text == legacy and decoded.encoding == "cp1256" and decoded.note is None


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_recognised(tmp_path, codec):
    (tmp_path / "a.txt").write_bytes(TEXT.encode(codec))
    [article], problems = read(tmp_path / "a.txt")
    assert problems == []
    assert article.text == TEXT


def test_binary_with_nul_bytes_is_still_binary():
    with pytest.raises(ValueError, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)


# --- a zip inside a zip ---------------------------------------------------------------------------


def zip_bytes(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def test_a_zip_inside_a_zip_is_read(tmp_path):
    inner = zip_bytes({"a.txt": TEXT.encode()})
    (tmp_path / "outer.zip").write_bytes(zip_bytes({"inner.zip": inner, "b.txt": TEXT.replace("۲۰", "۳۰").encode()}))
    articles, problems = read(tmp_path / "outer.zip")
    assert problems == []
    assert sorted(a.document for a in articles) == ["outer.zip/b.txt", "outer.zip/inner.zip/a.txt"]
    assert {a.path for a in articles} >= {f"{tmp_path / 'outer.zip'}/inner.zip/a.txt"}


def test_zips_nested_too_deep_are_reported(tmp_path):
    data = zip_bytes({"a.txt": TEXT.encode()})
    for level in range(MAX_NESTING + 1):
        data = zip_bytes({f"level{level}.zip": data})
    (tmp_path / "deep.zip").write_bytes(data)
    articles, problems = read(tmp_path / "deep.zip")
    assert articles == []
    [problem] = problems
    assert "deep.zip" in problem.path and "nested" in problem.message


def test_a_bomb_inside_a_zip_is_refused(tmp_path):
    bomb = zip_bytes({"big.txt": b"\xd8\xa7" * (8 * 2**20)})
    (tmp_path / "outer.zip").write_bytes(zip_bytes({"inner.zip": bomb, "b.txt": TEXT.encode()}))
    articles, problems = read(tmp_path / "outer.zip")
    assert [a.document for a in articles] == ["outer.zip/b.txt"]
    [problem] = problems
    assert "inner.zip/big.txt" in problem.where and ("bomb" in problem.message or "limit" in problem.message)


# --- a folder that cannot be read ---------------------------------------------------------------


@pytest.fixture
def news_with_a_locked_folder(tmp_path):
    news = tmp_path / "news"
    (news / "open").mkdir(parents=True)
    (news / "locked").mkdir()
    (news / "open" / "a.txt").write_text(TEXT, encoding="utf-8")
    (news / "locked" / "b.txt").write_text(TEXT.replace("۲۰", "۳۰"), encoding="utf-8")
    (news / "locked").chmod(0)
    yield news
    (news / "locked").chmod(0o755)


@pytest.mark.parametrize("command", ["extract", "ingest"])
def test_a_folder_that_cannot_be_read_is_reported(tmp_path, news_with_a_locked_folder, command):
    out = ["--csv", str(tmp_path / "c.csv")] if command == "extract" else ["--db", str(tmp_path / "c.sqlite")]
    done = subprocess.run(
        [*unprivileged(), sys.executable, "-m", "dashboard", command, str(news_with_a_locked_folder), *out],
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    lines = [line for line in (done.stdout + done.stderr).splitlines() if "locked" in line]
    assert len(lines) == 1 and "cannot read the folder" in lines[0]


# --- HTML nested very deep ------------------------------------------------------------------------


def page(depth: int) -> str:
    return (
        f"<html><head><title>{HEADLINE}</title></head><body>"
        + "<div>" * depth
        + f"<h1>{HEADLINE}</h1><p>{BODY}</p>"
        + "</div>" * depth
        + "</body></html>"
    )


def test_html_nested_hundreds_of_levels_deep_is_read(tmp_path):
    (tmp_path / "deep.html").write_text(page(600), encoding="utf-8")
    [article], problems = read(tmp_path / "deep.html")
    assert problems == []
    assert BODY in article.text


def test_html_nested_beyond_what_the_parser_reads_names_the_reason(tmp_path):
    (tmp_path / "deeper.html").write_text(page(5000), encoding="utf-8")
    articles, [problem] = read(tmp_path / "deeper.html")
    assert articles == []
    assert "nested deeper than" in problem.message


def test_a_large_file_of_legacy_bytes_is_decoded_in_one_pass():
    legacy = "كارگاه خياطي در روستا مسئول طرح گفت: براي 120 نفر شغل ايجاد شد. " * 40_000  # about 2.6 MB
    started = time.monotonic()
    decoded = decode(legacy.encode("cp1256"))
    assert decoded.encoding == "cp1256"
    assert time.monotonic() - started < 20  # a byte-by-byte retry would take hours


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    words=st.lists(st.sampled_from(HEADLINE.split() + BODY.split()), min_size=20, max_size=60),
    cut=st.integers(min_value=0),
    stray=st.binary(min_size=1, max_size=1).filter(lambda b: b[0] >= 0x80),
)
def test_utf8_persian_with_one_damaged_spot_is_always_read_as_utf8(words, cut, stray):
    data = " ".join(words).encode("utf-8")
    at = cut % len(data)
    for damaged in (data[:at] + data[at + 1 :], data[:at] + stray + data[at:]):
        try:
            damaged.decode("utf-8")
            continue  # the damage happened to leave valid UTF-8
        except UnicodeDecodeError:
            pass
        decoded = decode(damaged)
        assert decoded.encoding == "utf-8" and decoded.note is not None
        assert sum(ch == "\ufffd" for ch in decoded.text) <= 4  # a stray lead byte can spoil its neighbours


def test_an_uploaded_zip_does_not_name_the_zip_inside_it_as_passed_over(tmp_path):
    from dashboard.present.uploads import unsupported_members

    (tmp_path / "outer.zip").write_bytes(zip_bytes({"inner.zip": zip_bytes({"a.txt": TEXT.encode()}), "x.png": b"P"}))
    assert unsupported_members(tmp_path / "outer.zip") == ["x.png"]

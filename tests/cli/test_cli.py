"""The command line as a whole, and the ``extract`` command, as a user runs them."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest

from dashboard.cli.main import COMMAND_MODULES, main
from dashboard.extract.schema import CLAIM_COLUMNS, SPEC_COLUMNS

REPO = Path(__file__).resolve().parents[2]

ARTICLE = """۱۴۰۳/۰۸/۲۰
راه‌اندازی ۳۱۲ صندوق قرض‌الحسنه در روستاهای زنجان

به گزارش ایرنا از زنجان، مسئول بسیج سازندگی استان امروز گفت: تاکنون ۳۱۲ صندوق قرض‌الحسنه روستایی با
۹٬۴۰۰ عضو در استان راه‌اندازی شده است و قرار است تا پایان سال ۴۰ صندوق دیگر تشکیل شود.
"""


def _run(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dashboard", *argv], cwd=REPO, capture_output=True, text=True, timeout=120
    )


def test_help_lists_every_command_with_its_help() -> None:
    result = _run("--help")
    assert result.returncode == 0
    for name in COMMAND_MODULES:
        assert name in result.stdout
    for name in COMMAND_MODULES:
        sub = _run(name, "--help")
        assert sub.returncode == 0 and sub.stdout.startswith("usage:"), name


def test_an_unknown_command_is_one_line_and_exit_two() -> None:
    result = _run("frobnicate")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("python -m dashboard: error:")


def test_extract_writes_the_spec_columns_first(tmp_path: Path, capsys) -> None:
    article = tmp_path / "zanjan.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out" / "claims.csv"
    assert main(["extract", str(article), "--csv", str(out)]) == 0
    with out.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert tuple(rows[0]) == CLAIM_COLUMNS
    assert tuple(CLAIM_COLUMNS[: len(SPEC_COLUMNS)]) == SPEC_COLUMNS
    by_value = {float(r["value"]): r for r in rows}
    assert set(by_value) == {312.0, 9400.0, 40.0}
    assert by_value[312.0]["province"] == "Zanjan" and by_value[312.0]["status"] == "reported"
    assert by_value[40.0]["status"] == "planned"
    assert {r["published"] for r in rows} == {"2024-11-10"}
    assert {r["source"] for r in rows} == {"ایرنا"}
    assert "3 claims from 1 documents" in capsys.readouterr().err


def test_extract_of_a_missing_path_is_one_clear_line(tmp_path: Path) -> None:
    result = _run("extract", str(tmp_path / "nowhere"), "--csv", str(tmp_path / "c.csv"))
    assert result.returncode == 2
    assert result.stderr.strip() == f"error: no such file or folder: {tmp_path / 'nowhere'}"


def test_extract_reports_a_bad_file_and_keeps_the_good_ones(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 4)
    result = _run("extract", str(tmp_path), "--csv", str(tmp_path / "c.csv"))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    skipped = [line for line in result.stderr.splitlines() if line.startswith("skipped:")]
    assert len(skipped) == 2
    assert any("empty.txt" in line for line in skipped) and any("binary.txt" in line for line in skipped)
    with (tmp_path / "c.csv").open(encoding="utf-8") as f:
        assert {row["document"] for row in csv.DictReader(f)} == {"good.txt"}


def test_extract_to_an_unwritable_place_is_one_clear_line(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    result = _run("extract", str(tmp_path / "good.txt"), "--csv", str(blocker / "c.csv"))
    assert result.returncode == 2
    assert result.stderr.startswith("error: cannot write") and "Traceback" not in result.stderr


@pytest.mark.parametrize("argv", [["extract", "x.txt"], ["extract", "--csv", "c.csv"]])
def test_extract_misuse_exits_two_without_traceback(argv: list[str]) -> None:
    result = _run(*argv)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "error:" in result.stderr

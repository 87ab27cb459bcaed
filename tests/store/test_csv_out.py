"""Every CSV the product writes goes through one writer: formula cells neutralised, written whole or not at all."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd
import pytest

from dashboard.cli.main import main
from dashboard.lang.errors import UserError
from dashboard.store.csv_out import FORMULA_STARTS, csv_bytes, write_csv

# Written for these tests: a headline that a spreadsheet would run, and figures the checks flag.
RISKY_TITLE = '=HYPERLINK("http://example.test","x") ساخت ۲۰ مدرسه در روستاها'
ARTICLE = (
    f"{RISKY_TITLE}\n\n"
    "به گزارش خبرنگار ما، مدیرکل نوسازی مدارس استان یزد گفت: امسال ۲۰ مدرسه در روستاهای استان ساخته شد.\n"
)
JOBS_SPLIT = (
    "بسیج سازندگی استان زنجان در سال گذشته ۴ هزار و ۶۰۰ شغل ایجاد کرد. از این تعداد ۲ هزار و ۱۰۰ شغل در "
    "روستاها، هزار و ۳۰۰ شغل در حاشیه شهرها و ۸۰۰ شغل در قالب مشاغل خانگی ایجاد شده است."
)


def cells(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"))))


def raw_formula_cells(rows: list[list[str]]) -> list[str]:
    return [cell for row in rows for cell in row if cell.startswith(FORMULA_STARTS)]


def test_extract_csv_neutralises_formula_cells(tmp_path, capsys):
    (tmp_path / "=1+1.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "claims.csv"
    assert main(["extract", str(tmp_path / "=1+1.txt"), "--csv", str(out)]) == 0
    rows = cells(out)
    assert len(rows) > 1
    assert raw_formula_cells(rows) == []
    header = rows[0]
    assert {row[header.index("document")] for row in rows[1:]} == {"'=1+1.txt"}
    assert {row[header.index("title")] for row in rows[1:]} == {"'" + RISKY_TITLE}


def test_check_csv_neutralises_formula_cells(tmp_path, capsys, monkeypatch):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "@zanjan.txt").write_text(JOBS_SPLIT, encoding="utf-8")
    monkeypatch.setenv("CLAIMS_DB", str(tmp_path / "claims.sqlite"))
    assert main(["ingest", "--workers", "1", "--quiet", str(articles)]) == 0
    out = tmp_path / "findings.csv"
    assert main(["check", "--csv", str(out)]) == 0
    rows = cells(out)
    assert len(rows) > 1, "the check found nothing to write"
    assert raw_formula_cells(rows) == []
    assert "'@zanjan.txt" in {cell for row in rows for cell in row}


def test_a_folder_in_the_way_is_one_clear_error(tmp_path):
    (tmp_path / "out.csv").mkdir()
    with pytest.raises(UserError, match="is a folder"):
        write_csv(pd.DataFrame({"a": [1]}), tmp_path / "out.csv")


def test_numbers_are_plain_and_text_is_neutralised():
    frame = pd.DataFrame([{"value": 1.2e19, "quote": "+۹۸ ۲۱", "kind": "@x"}])
    line = csv_bytes(frame, numeric={"value"}, bom=False).decode().splitlines()[1]
    assert line == "12000000000000000000,'+۹۸ ۲۱,'@x"

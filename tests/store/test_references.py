"""Official reference tables: parsed with clear errors, stored and versioned in a real SQLite
database, and set beside the claims (``unverified_against_reference``): for each guard a case
that must be found and a near case that must not, on sentences written for the test."""

from __future__ import annotations

from contextlib import closing
from pathlib import Path

import pandas as pd
import pytest

from dashboard.checks.consistency import find_issues
from dashboard.cli.main import main
from dashboard.extract.pipeline import extract_article
from dashboard.lang.errors import UserError
from dashboard.lang.i18n import province_label
from dashboard.lang.taxonomy import NATIONAL
from dashboard.read.article import Article
from dashboard.store import database as store
from dashboard.store.references import current_references, parse_reference_csv, save_reference, versions_frame

HEADER = "province,metric,period,value,unit,source,url\n"
YAZD = HEADER + "یزد,شغل,۱۴۰۲,12500,count,مرکز آمار ایران,https://amar.org.ir/jobs\n"


def references(text: str = YAZD) -> pd.DataFrame:
    conn = store.connect(":memory:")
    save_reference(conn, "amar", text.encode("utf-8"))
    return current_references(conn)


def run(sentence: str, published: str, table: str = YAZD) -> pd.DataFrame:
    article = Article(document="y.txt", text=sentence, path="y.txt", published=published)
    rows = extract_article(article)
    found = find_issues(pd.DataFrame(rows), {"y.txt": sentence}, references(table))
    return found[found["kind"] == "unverified_against_reference"].reset_index(drop=True)


def test_a_claim_far_from_the_official_figure_of_its_year_is_set_beside_it() -> None:
    found = run("مدیرکل تعاون استان یزد گفت: امسال ۲۰ هزار شغل در استان یزد ایجاد شد.", "2023-12-01")
    assert found["values"].tolist() == ["20000;12500"]
    row = found.iloc[0]
    assert "claim ÷ reference = 1.6" in row["message_en"] and "۱٫۶" in row["message_fa"]
    assert "https://amar.org.ir/jobs" in row["message_en"] and "مرکز آمار ایران" in row["message_fa"]
    assert "not an accusation" in row["message_en"] and "نه اتهام" in row["message_fa"]
    assert "«امسال»" in row["basis_en"] and "1402" in row["basis_en"]


def test_a_year_written_in_the_sentence_names_the_period() -> None:
    found = run("در سال ۱۴۰۲ در استان یزد ۹ هزار شغل ایجاد شد.", "2025-01-01")
    assert found["values"].tolist() == ["9000;12500"]


@pytest.mark.parametrize(
    ("sentence", "published"),
    [
        # Another year.
        ("امسال ۲۰ هزار شغل در استان یزد ایجاد شد.", "2024-12-01"),
        # Close enough to the official figure.
        ("امسال ۱۲ هزار و ۶۰۰ شغل در استان یزد ایجاد شد.", "2023-12-01"),
        # A running total is not one year's figure.
        ("تاکنون ۲۰ هزار شغل در استان یزد ایجاد شده است.", "2023-12-01"),
        # The text does not say which year.
        ("۲۰ هزار شغل در استان یزد ایجاد شد.", "2023-12-01"),
        # No place named: the figure only fell back to National.
        ("امسال ۲۰ هزار شغل ایجاد شد.", "2023-12-01"),
        # A plan is not a figure to check.
        ("امسال ۲۰ هزار شغل در استان یزد ایجاد خواهد شد.", "2023-12-01"),
    ],
)
def test_near_cases_are_not_set_beside_the_reference(sentence: str, published: str) -> None:
    assert run(sentence, published).empty


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("Atlantis,jobs,1402,5,count,,", "province 'Atlantis'"),
        ("Yazd,widgets,1402,5,count,,", "metric 'widgets'"),
        ("Yazd,jobs,2023,5,count,,", "period '2023'"),
        ("Yazd,jobs,1402,-5,count,,", "value '-5'"),
        ("Yazd,jobs,1402,5,toman,,", "unit 'toman'"),
        ("Yazd,jobs,1402,5,count,,amar.org.ir", "must start with http"),
    ],
)
def test_a_bad_row_is_named_with_its_problem(row: str, message: str) -> None:
    with pytest.raises(UserError, match=r"row 2: .*" + message):
        parse_reference_csv((HEADER + row + "\n").encode())


def test_a_table_without_its_columns_is_refused() -> None:
    with pytest.raises(UserError, match="missing column"):
        parse_reference_csv(b"province,value\nYazd,5\n")


def test_uploading_again_adds_a_version_and_keeps_the_old_one(db_target: str) -> None:
    with closing(store.connect(db_target)) as conn:
        assert save_reference(conn, "amar", YAZD.encode()) == (1, True)
        assert save_reference(conn, "amar", YAZD.encode()) == (1, False)
        newer = YAZD.replace("12500", "19800")
        assert save_reference(conn, "amar", newer.encode()) == (2, True)
        assert current_references(conn)["value"].tolist() == [19800.0]
        versions = versions_frame(conn)
        assert versions[["version", "current"]].values.tolist() == [[1, False], [2, True]]
        old = store.run(
            conn,
            "SELECT f.value FROM reference_figures f JOIN reference_versions v ON v.id = f.version_id "
            "WHERE v.version = 1",
        ).fetchall()
        assert old == [(12500.0,)]


def test_the_reference_and_check_commands(tmp_path: Path, capsys, monkeypatch, db_target: str) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "y.txt").write_text(
        "تاریخ انتشار: ۱۰ آذر ۱۴۰۲\n\nامسال ۲۰ هزار شغل در استان یزد ایجاد شد.\n", encoding="utf-8"
    )
    db = db_target
    assert main(["ingest", "--workers", "1", "--quiet", "--db", str(db), str(articles)]) == 0
    table = tmp_path / "amar.csv"
    table.write_text(YAZD, encoding="utf-8")
    assert main(["reference", str(table), "--db", str(db)]) == 0
    assert "amar.csv: version 1" in capsys.readouterr().err
    out = tmp_path / "f.csv"
    assert main(["check", "--csv", str(out), "--db", str(db)]) == 0
    assert "unverified_against_reference: 1" in capsys.readouterr().out
    assert main(["reference", str(tmp_path / "nope.csv"), "--db", str(db)]) == 2
    assert "no such file" in capsys.readouterr().err


def test_a_national_finding_names_the_country_as_the_filters_do() -> None:
    table = HEADER + "کل کشور,شغل,۱۴۰۲,12500,count,مرکز آمار ایران,https://amar.org.ir/jobs\n"
    found = run("وزیر کار گفت: امسال ۲۰ هزار شغل در سراسر کشور ایجاد شد.", "2023-12-01", table)
    assert found["values"].tolist() == ["20000;12500"]
    row = found.iloc[0]
    assert f"در {province_label(NATIONAL, 'fa')} " in row["message_fa"] and "سراسر کشور" in row["message_fa"]
    assert " in National " in row["message_en"]

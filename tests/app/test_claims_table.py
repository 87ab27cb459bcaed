"""The claims table's frame and display texts, the date box's parsing, and the upload report lines."""

from __future__ import annotations

import datetime as dt
import zipfile

import pandas as pd
import pytest
from claim_db import facets as facet_counts

from dashboard.app.claims_table import COLUMNS, styled, table_frame
from dashboard.extract.schema import CLAIM_COLUMNS
from dashboard.present.filters import FilterState, date_text, month_grid, typed_date
from dashboard.present.uploads import outcome, unsupported_members


def rows() -> pd.DataFrame:
    base = dict.fromkeys(CLAIM_COLUMNS, "")
    df = pd.DataFrame(
        [
            {
                **base,
                "document": "a b.txt",
                "value": 409999.99999999994,
                "unit": "count",
                "metric": "jobs",
                "province": "Yazd",
                "status": "reported",
                "published": "2024-11-20",
            },
            {
                **base,
                "document": "c.txt",
                "value": 6.5e13,
                "unit": "IRR",
                "metric": "money",
                "province": "National",
                "status": "planned",
                "published": "",
                "url": None,
                "speaker": None,
            },
        ],
        columns=list(CLAIM_COLUMNS),
    )
    df["value"] = df["value"].astype(float)
    return df


def test_persian_table_leads_with_the_figure_from_the_right() -> None:
    frame = table_frame(rows(), "fa")
    assert list(frame.columns) == [c for c in COLUMNS if c != "verdict"][::-1]  # the grid lays out left to right
    assert list(frame.columns)[-5:] == ["date", "status", "province", "metric", "figure"]
    assert list(table_frame(rows(), "en").columns)[:5] == ["figure", "metric", "province", "status", "date"]


def test_figures_read_well_and_sort_as_numbers() -> None:
    df = rows()
    frame = table_frame(df, "fa")
    assert frame["figure"].dtype == float  # sorting the column sorts by value
    html = styled(frame, df["unit"], "fa").to_html()
    assert "۶٫۵ هزار میلیارد تومان" in html and "۴۱۰٬۰۰۰" in html
    assert "409999" not in html and "None" not in html and "nan" not in html
    assert "۱۴۰۳/۰۸/۳۰" in html  # the date in Jalali, ISO underneath
    english = styled(table_frame(df, "en"), df["unit"], "en").to_html()
    assert "6.5 trillion toman" in english and "2024-11-20" in english


def test_empty_cells_are_empty_and_links_keep_the_language() -> None:
    frame = table_frame(rows(), "en")
    assert frame.isna().sum().sum() == 0
    assert frame["url"].tolist() == ["", ""]
    assert frame["article"].tolist() == ["./article?document=a%20b.txt&lang=en", "./article?document=c.txt&lang=en"]
    assert table_frame(rows(), "fa")["article"].tolist()[0] == "./article?document=a%20b.txt"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("۱۴۰۲/۰۹/۰۱", dt.date(2023, 11, 22)),
        ("1402-9-1", dt.date(2023, 11, 22)),
        ("١٤٠٢.٠٩.٠١", dt.date(2023, 11, 22)),
        ("2023-11-22", dt.date(2023, 11, 22)),
        ("۱۴۰۲/۱۳/۰۱", None),
        ("دیروز", None),
        ("", None),
    ],
)
def test_typed_dates_jalali_or_gregorian(typed: str, expected: dt.date | None) -> None:
    assert typed_date(typed) == expected


def test_date_box_text_round_trips() -> None:
    day = dt.date(2026, 12, 7)
    assert typed_date(date_text(day, "fa")) == day and typed_date(date_text(day, "en")) == day


def test_month_grid_starts_weeks_on_saturday() -> None:
    weeks = month_grid(1405, 9)  # آذر ۱۴۰۵: the 1st is 22 Nov 2026, a Sunday
    assert weeks[0][:2] == [None, 1]
    assert all(len(w) == 7 for w in weeks)
    assert [d for w in weeks for d in w if d] == list(range(1, 31))
    assert max(d for w in month_grid(1403, 12) for d in w if d) == 30  # 1403 is a leap year


def test_facets_count_under_the_other_filters_only() -> None:
    df = pd.DataFrame(
        {
            "province": ["Kermanshah"] * 6 + ["Kermanshah"] * 36 + ["Yazd"] * 2,
            "metric": ["jobs"] * 6 + ["funds"] * 36 + ["jobs"] * 2,
            "published": [""] * 44,
        }
    )
    facets = facet_counts(df, FilterState(metric=("jobs",)))
    assert facets["province"] == {"Kermanshah": 6, "Yazd": 2}
    assert facets["metric"] == {"funds": 36, "jobs": 8}
    # a value the other filters rule out is not counted (the option shows 0)
    assert facet_counts(df, FilterState(metric=("jobs",), province=("Yazd",)))["metric"] == {"jobs": 2}


def test_each_uploaded_file_gets_one_line() -> None:
    assert outcome("a.txt", 1, 0, 0, 5, []).kind == "stored"
    assert outcome("a.txt", 0, 0, 1, 0, []).kind == "unchanged"
    broken = outcome("b.html", 0, 0, 0, 0, ["b.html: not text"])
    assert broken.kind == "problem" and broken.problems == ["b.html: not text"]


def test_files_a_zip_passes_over_are_named(tmp_path) -> None:
    path = tmp_path / "bundle.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("news/a.txt", "خبر")
        zf.writestr("news/photo.png", b"\x89PNG")
        zf.writestr("__MACOSX/news/._a.txt", b"")
        zf.writestr("notes.docx", b"PK")
    assert unsupported_members(path) == ["news/photo.png", "notes.docx"]
    assert unsupported_members(tmp_path / "missing.zip") == []


def test_a_verdict_column_shows_beside_the_date_when_claims_carry_one() -> None:
    df = rows()
    df["verdict"] = ["misleading"] + [None] * (len(df) - 1)
    frame = table_frame(df, "en")
    assert list(frame.columns)[:6] == ["figure", "metric", "province", "status", "date", "verdict"]
    assert frame["verdict"].iloc[0] != frame["verdict"].iloc[-1] if len(df) > 1 else True

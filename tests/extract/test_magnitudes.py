"""Figures as news types them hold through to the stored claim, and absurd magnitudes never become claims.

«یک میلیون و هزار» is 1,001,000 and «۷‌۵» (a zero-width mark inside the digits) is 75, all the
way to the claims table. A count of 1.2e19 jobs or 4.5e35 rials is not a claim: it is left out
of the table (so out of every sum) and named in the report.
"""

from __future__ import annotations

import csv
import io

import pytest

from dashboard.cli.main import main
from dashboard.extract.bounds import implausible
from dashboard.extract.pipeline import extract_article
from dashboard.read.article import Article
from dashboard.store import database as store

# Test sentences written for this file.
PLAIN = "مدیرکل بسیج سازندگی استان یزد گفت: امسال {figure} ایجاد شد."
ABSURD_JOBS = "۱۲٬۰۰۰٬۰۰۰٬۰۰۰٬۰۰۰٬۰۰۰٬۰۰۰ فرصت شغلی"  # 1.2e19
ABSURD_RIALS = "۴۵۰٬۰۰۰٬۰۰۰٬۰۰۰٬۰۰۰٬۰۰۰٬۰۰۰٬۰۰۰٬۰۰۰٬۰۰۰٬۰۰۰٬۰۰۰ ریال تسهیلات"  # 4.5e35
GOOD_FUNDS = "۴۴۵ صندوق قرض‌الحسنه"


def claims_of(text: str) -> list[tuple[float, str, str]]:
    return [(c["value"], c["unit"], c["metric"]) for c in extract_article(Article("a.txt", text, "a.txt"))]


@pytest.mark.parametrize(
    ("figure", "value", "metric"),
    [
        ("یک میلیون و هزار فرصت شغلی", 1_001_000, "jobs"),
        ("دو میلیون و هزار و ۵۰۰ فرصت شغلی", 2_001_500, "jobs"),
        ("۷\u200c۵ صندوق قرض‌الحسنه", 75, "funds"),
        ("۱\u200d۲۰ صندوق قرض‌الحسنه", 120, "funds"),
    ],
)
def test_number_words_and_zero_width_marks_reach_the_claim_whole(figure, value, metric):
    assert (value, "count", metric) in claims_of(PLAIN.format(figure=figure))


@pytest.mark.parametrize(
    ("claim", "limited"),
    [
        ({"value": 1.2e19, "unit": "count"}, True),
        ({"value": 4.5e35, "unit": "IRR"}, True),
        ({"value": 6.5e13, "unit": "IRR"}, False),  # ۶ هزار و ۵۰۰ میلیارد تومان
        ({"value": 180_643, "unit": "count"}, False),
        ({"value": float("inf"), "unit": "W"}, True),
        ({"value": -5, "unit": "count"}, True),
    ],
)
def test_bounds_per_unit(claim, limited):
    assert (implausible(claim) is not None) == limited


def test_an_absurd_figure_is_not_stored_and_is_named_in_the_report(tmp_path, capsys):
    news = tmp_path / "news"
    news.mkdir()
    text = "\n".join(PLAIN.format(figure=f) for f in (ABSURD_JOBS, ABSURD_RIALS, GOOD_FUNDS))
    (news / "a.txt").write_text(text, encoding="utf-8")
    db = tmp_path / "claims.sqlite"
    code = main(["ingest", str(news), "--db", str(db), "--workers", "1"])
    out = capsys.readouterr().out
    assert code == 1
    assert "1 new" in out
    flagged = [line for line in out.splitlines() if "not stored as a claim" in line]
    assert len(flagged) == 2 and all(str(news / "a.txt") in line for line in flagged)
    values = store.claims_frame(store.connect(db))["value"].tolist()
    assert values == [445.0]


def test_extract_leaves_an_absurd_figure_out_of_the_csv_and_says_so(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(PLAIN.format(figure=ABSURD_JOBS) + "\n" + PLAIN.format(figure=GOOD_FUNDS))
    out = tmp_path / "c.csv"
    assert main(["extract", str(tmp_path / "a.txt"), "--csv", str(out)]) == 1
    err = capsys.readouterr().err
    assert "not stored as a claim" in err and "a.txt" in err
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [float(r["value"]) for r in rows] == [445.0]

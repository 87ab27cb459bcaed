"""Guards of ``sum_mismatch`` inside one article, each a near case that must not be reported beside
the case that must, on sentences written for the test and run through the real extractor."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.checks.consistency import find_issues
from dashboard.extract.pipeline import extract_article
from dashboard.read.article import Article

SENT = "بسیج سازندگی استان {total} نفر را اعزام کرد. از این تعداد ۵ هزار و ۲۰۰ نفر دختر و ۴ هزار و ۷۵۰ نفر پسر بودند."
FUNDS = "در استان ۵۰۰ صندوق قرض‌الحسنه راه‌اندازی شده که {a}۱۲۰ صندوق آن در روستاها و {b}۹۰ صندوق در شهرها {verb}."


def sums(text: str) -> list[str]:
    rows = extract_article(Article(document="s.txt", text=text, path="s.txt", published="2024-05-10"))
    found = find_issues(pd.DataFrame(rows), {"s.txt": text})
    return found[found["kind"] == "sum_mismatch"]["values"].tolist()


@pytest.mark.parametrize(
    ("found", "near"),
    [
        # A total given as a lower bound may be exceeded by its parts; a plain total may not.
        (SENT.format(total="۹ هزار"), SENT.format(total="بیش از ۹ هزار")),
        # Parts of different years are not a breakdown of one total.
        (
            FUNDS.format(a="", b="", verb="است"),
            FUNDS.format(a="سال گذشته ", b="امسال ", verb="بوده است"),
        ),
    ],
)
def test_a_guard_leaves_out_the_near_case_only(found: str, near: str) -> None:
    assert sums(found), "the case that must be found was not"
    assert sums(near) == []


def test_a_back_reference_naming_another_noun_does_not_take_the_figure_before() -> None:
    text = (
        "پلیس ۳۹ نفر را دستگیر کرد. همچنین ۱۷۰ مورد تذکر داده شد که از این تعداد تذکر، "
        "۵۸ نفر به مراجع قضائی معرفی شدند."
    )
    assert sums(text) == []
    plain = "پلیس ۳۹ نفر را دستگیر کرد. از این تعداد ۵۸ نفر به مراجع قضائی معرفی شدند."
    assert sums(plain) == ["58;39"]


def test_provinces_shares_of_money_are_not_summed_against_the_national_amount() -> None:
    jobs = (
        "رئیس سازمان بسیج سازندگی گفت: در یک سال گذشته ۲۰ هزار شغل در کشور ایجاد شد. "
        "استان‌های فارس با ۹ هزار شغل، کرمان با ۸ هزار شغل و یزد با ۶ هزار شغل بیشترین سهم را داشته‌اند."
    )
    assert sums(jobs) == ["9000;8000;6000;20000"]
    money = (
        "رئیس سازمان بسیج سازندگی گفت: در یک سال گذشته ۲۰ میلیارد تومان وام در کشور پرداخت شد. "
        "استان‌های فارس با ۹ میلیارد تومان، کرمان با ۸ میلیارد تومان و یزد با ۶ میلیارد تومان بیشترین سهم را داشته‌اند."
    )
    assert sums(money) == []


def test_other_figures_with_different_nouns_are_not_parts_of_one_total() -> None:
    same = "پلیس در مجموع ۵۰ دستگاه خودرو توقیف کرد که ۳۰ دستگاه خودرو در شهر و ۴۰ دستگاه خودرو در جاده‌ها بود."
    assert sums(same) == ["30;40;50"]
    other = "پلیس در مجموع ۵۰ دستگاه خودرو توقیف کرد که ۳۰ راننده در شهر و ۴۰ راننده در جاده‌ها بازداشت شدند."
    assert sums(other) == []

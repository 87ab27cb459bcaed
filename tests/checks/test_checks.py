"""The consistency checks: for each kind a case that must be found and a near case that must not,
on short Persian articles run through the real extractor; then the shared seeds and dev corpus,
and the ``check`` command end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from dashboard.checks.claim_text import sentences
from dashboard.checks.consistency import ISSUE_COLUMNS, KINDS, find_issues
from dashboard.extract.pipeline import extract_article
from dashboard.lang.check_config import load_check_config
from dashboard.lang.errors import UserError
from dashboard.read.article import Article
from dashboard.store.reviews import DECISION_COLUMNS
from dashboard.text.nlp import sentence_spans

SHARED = Path(__file__).parents[2].parent / "shared"


def run(*articles: tuple[str, str, str | None]) -> pd.DataFrame:
    """Extract (document, text, published) articles and check them together."""
    rows, texts = [], {}
    for document, text, published in articles:
        texts[document] = text
        rows.extend(extract_article(Article(document=document, text=text, path=document, published=published)))
    return find_issues(pd.DataFrame(rows), texts)


def kinds(issues: pd.DataFrame) -> list[str]:
    return sorted(issues["kind"])


def of_kind(issues: pd.DataFrame, kind: str) -> pd.DataFrame:
    return issues[issues["kind"] == kind].reset_index(drop=True)


# --- sum_mismatch -------------------------------------------------------------------------

JOBS_SPLIT = (
    "بسیج سازندگی استان زنجان در سال گذشته ۴ هزار و ۶۰۰ شغل ایجاد کرد. از این تعداد ۲ هزار و ۱۰۰ شغل در "
    "روستاها، هزار و {middle} شغل در حاشیه شهرها و ۸۰۰ شغل در قالب مشاغل خانگی ایجاد شده است."
)


def test_parts_that_do_not_make_their_total_are_found_with_the_sum_written_out():
    issues = run(("zanjan.txt", JOBS_SPLIT.format(middle="۳۰۰"), "2024-05-10"))
    found = of_kind(issues, "sum_mismatch")
    assert len(found) == 1
    assert found.loc[0, "values"] == "2100;1300;800;4600"
    assert "۲٬۱۰۰ + ۱٬۳۰۰ + ۸۰۰ = ۴٬۲۰۰ ≠ ۴٬۶۰۰" in found.loc[0, "message_fa"]
    assert "2,100 + 1,300 + 800 = 4,200 ≠ 4,600" in found.loc[0, "message_en"]
    assert found.loc[0, "message"] == found.loc[0, "message_fa"] + " | " + found.loc[0, "message_en"]
    assert "از این تعداد" in found.loc[0, "quotes"]


@pytest.mark.parametrize(
    "text",
    [
        "بسیج سازندگی استان زنجان ۴ هزار و ۶۰۰ شغل ایجاد کرد.از این تعداد ۲ هزار و ۱۰۰ شغل در روستاها ایجاد شد.",
        "آیا ۴۰ صندوق در استان یزد فعال است؟بله ۳۵ صندوق فعال است.",
    ],
)
def test_the_extractor_and_the_checks_end_a_sentence_at_a_mark_glued_to_the_next_word(text):
    """«کرد.از» and «است؟بله» end a sentence for both: each claim's quote is the sentence the checks read it in."""
    claims = extract_article(Article(document="a.txt", text=text, path="a.txt"))
    spans = sentence_spans(text)
    assert len(spans) == 2 and len(claims) == 2
    for claim in claims:
        a, b = spans[sentences(text).index_of(int(claim["start"]))]
        assert claim["quote"] == text[a:b]


def test_a_breakdown_after_a_glued_full_stop_is_still_checked():
    glued = JOBS_SPLIT.format(middle="۳۰۰").replace("ایجاد کرد. از", "ایجاد کرد.از")
    found = of_kind(run(("zanjan.txt", glued, "2024-05-10")), "sum_mismatch")
    assert found["values"].tolist() == ["2100;1300;800;4600"]


def test_parts_that_add_up_are_not_reported():
    assert run(("zanjan.txt", JOBS_SPLIT.format(middle="۷۰۰"), "2024-05-10")).empty


FUND_GROUPS = (
    "در استان ۲۰۰ صندوق قرض‌الحسنه فعال است. این ۲۰۰ صندوق در سه دسته سازماندهی شده‌اند؛ "
    "۹۰ صندوق ویژه بانوان، ۶۰ صندوق ویژه جوانان و {last} صندوق عمومی."
)


def test_categories_named_as_the_whole_must_add_up():
    found = of_kind(run(("funds.txt", FUND_GROUPS.format(last="۴۰"), "2024-05-10")), "sum_mismatch")
    assert found["values"].tolist() == ["90;60;40;200"]
    assert run(("funds.txt", FUND_GROUPS.format(last="۵۰"), "2024-05-10")).empty


def test_a_subset_may_be_smaller_but_never_larger_than_its_total():
    text = "هم‌اکنون ۸۰۰ صندوق قرض‌الحسنه در استان فعال است. از این تعداد {part} صندوق در روستاها قرار دارند."
    found = of_kind(run(("subset.txt", text.format(part="۹۵۰"), None)), "sum_mismatch")
    assert found["values"].tolist() == ["950;800"]
    assert "exceed" in found.loc[0, "message_en"]
    assert run(("subset.txt", text.format(part="۶۰۰"), None)).empty


def test_parts_of_an_unclear_total_are_not_checked():
    text = (
        "در سال گذشته ۳ هزار شغل و امسال ۲ هزار شغل در استان ایجاد شد. از این تعداد ۲ هزار و ۵۰۰ شغل در "
        "روستاها و هزار و ۵۰۰ شغل در شهرها ایجاد شده است."
    )
    assert of_kind(run(("two.txt", text, "2024-05-10")), "sum_mismatch").empty


def test_a_list_of_the_largest_shares_need_not_make_the_total():
    text = (
        "در سال گذشته ۹ هزار شغل در استان ایجاد شد. از این تعداد شهرستان‌های ملایر با ۲ هزار شغل، نهاوند با "
        "هزار و ۵۰۰ شغل و تویسرکان با هزار شغل بیشترین سهم را داشته‌اند."
    )
    assert of_kind(run(("top.txt", text, "2024-05-10")), "sum_mismatch").empty


def _claim(document: str, text: str, mention: str, value: float, **extra) -> dict:
    start = text.index(mention)
    row = {
        "document": document,
        "value": value,
        "unit": "count",
        "metric": "jobs",
        "program": "general",
        "province": "Hamadan",
        "status": "reported",
        "published": "2024-05-10",
        "mention": mention,
        "metric_fa": "",
        "quote": text,
        "start": start,
        "end": start + len(mention),
    }
    row.update(extra)
    return row


def test_shares_written_as_x_of_it_must_make_the_total_when_listed_in_full():
    text = (
        "مجموع تسهیلات پرداخت‌شده ۳۰۰ میلیارد تومان بود که ۱۸۰ میلیارد تومان آن از محل تبصره ۱۶ و "
        "{second} میلیارد تومان از منابع صندوق‌ها تأمین شد."
    )

    def claims(second: str, value: float) -> pd.DataFrame:
        t = text.format(second=second)
        money = {"unit": "IRR", "metric": "money"}
        return pd.DataFrame(
            [
                _claim("m.txt", t, "۳۰۰ میلیارد تومان", 3e12, **money),
                _claim("m.txt", t, "۱۸۰ میلیارد تومان", 1.8e12, **money),
                _claim("m.txt", t, f"{second} میلیارد تومان", value, **money),
            ]
        )

    found = find_issues(claims("۹۰", 9e11), {"m.txt": text.format(second="۹۰")})
    assert found["kind"].tolist() == ["sum_mismatch"]
    assert "۱۸۰ میلیارد تومان + ۹۰ میلیارد تومان = ۲۷۰ میلیارد تومان ≠ ۳۰۰ میلیارد تومان" in found.loc[0, "message_fa"]
    assert find_issues(claims("۱۲۰", 1.2e12), {"m.txt": text.format(second="۱۲۰")}).empty


def test_a_named_total_broken_down_after_ke_must_add_up():
    text = "در مجموع ۵ هزار و ۵۰۰ شغل ایجاد شد که ۳ هزار شغل از محل صندوق‌ها و {second} شغل از محل تبصره ۱۶ بود."
    found = of_kind(run(("named.txt", text.format(second="۲ هزار"), "2024-05-10")), "sum_mismatch")
    assert found["values"].tolist() == ["3000;2000;5500"]
    assert of_kind(run(("named.txt", text.format(second="۲ هزار و ۵۰۰"), "2024-05-10")), "sum_mismatch").empty


def test_a_hedged_total_tolerates_a_small_gap():
    text = "حدود ۱۰ هزار شغل ایجاد شد. از این تعداد ۶ هزار و ۲۰۰ شغل در روستاها و ۳ هزار و ۶۰۰ شغل در شهرها بود."

    def claims(qualifier: str) -> pd.DataFrame:
        return pd.DataFrame(
            [
                _claim("h.txt", text, "۱۰ هزار", 10000, qualifier=qualifier, metric_fa="شغل"),
                _claim("h.txt", text, "۶ هزار و ۲۰۰", 6200, metric_fa="شغل"),
                _claim("h.txt", text, "۳ هزار و ۶۰۰", 3600, metric_fa="شغل"),
            ]
        )

    assert find_issues(claims("حدود"), {"h.txt": text}).empty
    assert find_issues(claims(""), {"h.txt": text})["kind"].tolist() == ["sum_mismatch"]


def test_a_part_the_claims_lack_is_read_from_the_text():
    text = JOBS_SPLIT.format(middle="۳۰۰")
    rows = [
        _claim("z.txt", text, "۴ هزار و ۶۰۰", 4600, metric_fa="شغل"),
        _claim("z.txt", text, "۲ هزار و ۱۰۰", 2100, metric_fa="شغل"),
        _claim("z.txt", text, "هزار و ۳۰۰", 1300, metric_fa="شغل"),
    ]  # «۸۰۰ شغل» is missing from the claims
    found = find_issues(pd.DataFrame(rows), {"z.txt": text})
    assert found["values"].tolist() == ["2100;1300;800;4600"]


# --- product_mismatch ---------------------------------------------------------------------

PLANTS = "بسیج سازندگی استان سمنان ۱۸۰ نیروگاه خورشیدی ۵ کیلوواتی در روستاها نصب کرد که ظرفیت کل آنها {total} است."


def test_count_times_size_against_a_different_total_is_found():
    found = of_kind(run(("plants.txt", PLANTS.format(total="هزار کیلووات"), "2024-05-10")), "product_mismatch")
    assert found["values"].tolist() == ["180;5000;1000000"]
    assert "180 × 5 kW = 900 kW ≠ 1,000 kW" in found.loc[0, "message_en"]
    assert "۱۸۰ × ۵ کیلووات = ۹۰۰ کیلووات ≠ ۱٬۰۰۰ کیلووات" in found.loc[0, "message_fa"]


def test_count_times_size_that_matches_is_not_reported():
    assert run(("plants.txt", PLANTS.format(total="۹۰۰ کیلووات"), "2024-05-10")).empty


def test_a_size_given_for_each_item_in_the_next_sentence_is_used():
    text = (
        "امسال ۲۰۰ نیروگاه خورشیدی خانگی در روستاهای استان نصب شده است. هر یک از این نیروگاه‌ها ۵ کیلووات "
        "ظرفیت دارد و ظرفیت کل آنها {total} مگاوات است."
    )
    found = of_kind(run(("each.txt", text.format(total="۱٫۵"), "2024-05-10")), "product_mismatch")
    assert "200 × 5 kW = 1,000 kW ≠ 1,500 kW" in found.loc[0, "message_en"]
    assert of_kind(run(("each.txt", text.format(total="۱"), "2024-05-10")), "product_mismatch").empty


def test_a_range_of_sizes_is_not_a_size():
    text = "تاکنون ۲۰۰ نیروگاه خورشیدی نصب شده که ظرفیت هر نیروگاه بین ۵ تا ۱۰ کیلووات و ظرفیت کل آنها ۳ مگاوات است."
    assert of_kind(run(("range.txt", text, "2024-05-10")), "product_mismatch").empty


def test_a_total_stated_as_a_lower_bound_is_not_contradicted_by_a_slightly_larger_product():
    text = "تاکنون ۴ هزار و ۳۰۰ نیروگاه خورشیدی ۵ کیلوواتی نصب شده که مجموع ظرفیت آنها از ۲۱ مگاوات فراتر رفته است."
    assert of_kind(run(("bound.txt", text, "2024-05-10")), "product_mismatch").empty


def test_batches_of_different_sizes_are_not_checked_against_one_total():
    text = (
        "امسال ۳۰ نیروگاه خورشیدی ۱۰ کیلوواتی و ۲۰ نیروگاه خورشیدی ۵ کیلوواتی در روستاهای استان نصب شد که "
        "ظرفیت کل آنها ۴۰۰ کیلووات است."
    )
    assert of_kind(run(("mixed.txt", text, "2024-05-10")), "product_mismatch").empty


# --- unit_misuse --------------------------------------------------------------------------


def test_power_with_a_per_time_word_is_found():
    text = "مسئول بسیج سازندگی استان گفت: این نیروگاه‌ها سالانه ۲ مگاوات برق تولید می‌کنند و به شبکه می‌فروشند."
    found = of_kind(run(("yearly.txt", text, None)), "unit_misuse")
    assert found["values"].tolist() == ["2000000"]
    assert "«سالانه ۲ مگاوات»" in found.loc[0, "message_fa"]


def test_a_per_time_word_after_the_power_unit_is_found_too():
    text = "مسئول بسیج سازندگی گفت: این نیروگاه‌ها ۳ مگاوات در روز برق تولید می‌کنند."
    found = of_kind(run(("daily.txt", text, None)), "unit_misuse")
    assert "«۳ مگاوات در روز»" in found.loc[0, "message_fa"]


def test_a_year_before_a_capacity_is_a_date_not_a_rate():
    text = "در سال ۱۴۰۲ ظرفیت ۵ مگاوات نیروگاه خورشیدی در استان نصب شد و برق آن به شبکه فروخته می‌شود."
    assert of_kind(run(("year.txt", text, None)), "unit_misuse").empty


def test_power_next_to_energy_with_its_own_time_word_is_not_misuse():
    text = (
        "مسئول بسیج سازندگی استان گفت: این نیروگاه‌ها ۲ مگاوات ظرفیت دارند و سالانه ۳ میلیون کیلووات‌ساعت برق "
        "تولید می‌کنند."
    )
    assert of_kind(run(("fine.txt", text, None)), "unit_misuse").empty


def test_a_yearly_growth_of_capacity_is_not_misuse():
    text = "مسئول بسیج سازندگی استان گفت: سالانه ۲ مگاوات به ظرفیت نیروگاه‌های خورشیدی استان افزوده می‌شود."
    assert of_kind(run(("growth.txt", text, None)), "unit_misuse").empty


# --- province_exceeds_national ------------------------------------------------------------

NATIONAL_FUNDS = (
    "nat.txt",
    "رئیس سازمان بسیج سازندگی گفت: ۲ هزار صندوق قرض‌الحسنه در سراسر کشور راه‌اندازی شده است.",
    "2024-05-10",
)
FARS_FUNDS = ("fars.txt", "بسیج سازندگی هزار و ۲۰۰ صندوق قرض‌الحسنه در استان فارس راه‌اندازی کرده است.", "2024-06-01")


def kerman_funds(count: str, published: str, lead: str = "بسیج سازندگی") -> tuple[str, str, str]:
    return ("kerman.txt", f"{lead} {count} صندوق قرض‌الحسنه در استان کرمان راه‌اندازی کرده است.", published)


def test_provinces_adding_up_to_more_than_the_nation_are_found():
    found = of_kind(run(NATIONAL_FUNDS, FARS_FUNDS, kerman_funds("۹۰۰", "2024-07-01")), "province_exceeds_national")
    assert len(found) == 1
    assert set(found.loc[0, "documents"].split(";")) == {"nat.txt", "fars.txt", "kerman.txt"}
    assert "1,200 + 900 = 2,100 ≠ 2,000" in found.loc[0, "message_en"]
    assert "Basij Construction Organization" in found.loc[0, "basis_en"] and "بسیج سازندگی" in found.loc[0, "basis_fa"]


def test_provinces_of_another_organisation_or_counting_only_active_funds_are_not_compared():
    other = kerman_funds("۹۰۰", "2024-07-01", lead="کمیته امداد")
    assert of_kind(run(NATIONAL_FUNDS, FARS_FUNDS, other), "province_exceeds_national").empty
    active = ("kerman.txt", "بسیج سازندگی: ۹۰۰ صندوق قرض‌الحسنه در استان کرمان فعال است.", "2024-07-01")
    assert of_kind(run(NATIONAL_FUNDS, FARS_FUNDS, active), "province_exceeds_national").empty


def test_a_province_of_another_organisation_is_left_out_and_the_others_still_compared():
    yazd = ("yazd.txt", "کمیته امداد ۵۰۰ صندوق قرض‌الحسنه در استان یزد راه‌اندازی کرده است.", "2024-07-02")
    found = of_kind(
        run(NATIONAL_FUNDS, FARS_FUNDS, kerman_funds("۹۰۰", "2024-07-01"), yazd), "province_exceeds_national"
    )
    assert found["values"].tolist() == ["1200;900;2000"]
    assert "yazd.txt" not in found.loc[0, "documents"]


def test_provinces_below_the_nation_or_in_another_year_are_not_reported():
    assert run(NATIONAL_FUNDS, FARS_FUNDS, kerman_funds("۷۰۰", "2024-07-01")).empty
    assert run(NATIONAL_FUNDS, FARS_FUNDS, kerman_funds("۹۰۰", "2025-06-01")).empty


SHARES = (
    "رئیس سازمان بسیج سازندگی کشور گفت: در یک سال گذشته ۲۰ هزار شغل با حمایت این سازمان در کشور ایجاد شد. "
    "استان‌های فارس با ۹ هزار شغل، کرمان با ۸ هزار شغل و یزد با {yazd} هزار شغل بیشترین سهم را داشته‌اند."
)


def test_provinces_listed_as_shares_of_a_larger_national_total_in_one_article_are_found():
    issues = run(("shares.txt", SHARES.format(yazd="۶"), "2024-05-10"))
    assert kinds(issues) == ["sum_mismatch"]  # the article's own parts, not a comparison across articles
    assert issues["values"].tolist() == ["9000;8000;6000;20000"]
    assert "exceed the national total" in issues.loc[0, "message_en"]
    assert "۹٬۰۰۰ + ۸٬۰۰۰ + ۶٬۰۰۰ = ۲۳٬۰۰۰ ≠ ۲۰٬۰۰۰" in issues.loc[0, "message_fa"]


def test_the_largest_shares_within_the_national_total_are_not_reported():
    assert run(("shares.txt", SHARES.format(yazd="۲"), None)).empty


def test_shares_of_a_percentage_are_not_a_sum():
    text = "سهم استان از تسهیلات کشور ۲٫۵ درصد است که ۶۰ درصد آن به روستاها و ۳۰ درصد آن به شهرها رسیده است."
    rows = [
        _claim("p.txt", text, "۲٫۵ درصد", 2.5, unit="percent", metric="percent"),
        _claim("p.txt", text, "۶۰ درصد", 60, unit="percent", metric="percent"),
        _claim("p.txt", text, "۳۰ درصد", 30, unit="percent", metric="percent"),
    ]
    assert find_issues(pd.DataFrame(rows), {"p.txt": text}).empty


# --- shrinking_total ----------------------------------------------------------------------


def yazd(document: str, lead: str, count: str, published: str) -> tuple[str, str, str]:
    text = f"{lead} {count} صندوق قرض‌الحسنه با حمایت بسیج سازندگی در استان یزد راه‌اندازی شده است."
    return (document, text, published)


def test_a_running_total_that_falls_later_is_found():
    found = of_kind(
        run(yazd("y1.txt", "تاکنون", "۶۵۰", "2023-01-10"), yazd("y2.txt", "تاکنون", "۶۰۰", "2023-09-10")),
        "shrinking_total",
    )
    assert found["documents"].tolist() == ["y1.txt;y2.txt"]
    assert found.loc[0, "values"] == "650;600"
    assert "2023-01-10" in found.loc[0, "message_en"] and "600 < 650" in found.loc[0, "message_en"]
    assert "both running totals: «تاکنون»" in found.loc[0, "basis_en"]


def test_a_growing_total_or_a_one_period_figure_is_not_a_shrinking_total():
    grows = run(yazd("y1.txt", "تاکنون", "۶۵۰", "2023-01-10"), yazd("y2.txt", "تاکنون", "۷۰۰", "2023-09-10"))
    assert of_kind(grows, "shrinking_total").empty
    this_year = run(yazd("y1.txt", "تاکنون", "۶۵۰", "2023-01-10"), yazd("y2.txt", "امسال", "۶۰۰", "2023-09-10"))
    assert of_kind(this_year, "shrinking_total").empty


def test_funds_compare_under_their_program_even_when_a_report_leaves_it_general():
    def funds(document: str, count: str, value: float, published: str, program: str) -> dict:
        text = f"تاکنون {count} صندوق قرض‌الحسنه بسیج سازندگی در استان یزد راه‌اندازی شده است."
        extra = {"metric": "funds", "metric_fa": "صندوق", "province": "Yazd", "program": program}
        extra["province_basis"] = "sentence"
        return _claim(document, text, count, value, published=published, **extra)

    rows = [
        funds("y1.txt", "۶۵۰", 650, "2023-01-10", "general"),
        funds("y2.txt", "۶۰۰", 600, "2023-09-10", "qard_al_hasan_funds"),
    ]
    found = of_kind(find_issues(pd.DataFrame(rows)), "shrinking_total")
    assert found["program"].tolist() == ["qard_al_hasan_funds"]
    rows[1]["program"] = "note_16"  # a program of its own is another figure
    assert find_issues(pd.DataFrame(rows)).empty


# --- repeated_claim -----------------------------------------------------------------------


def ilam(document: str, sentence: str, published: str) -> tuple[str, str, str]:
    return (document, sentence, published)


FIRST_ILAM = ilam("i1.txt", "بسیج سازندگی استان ایلام هزار و ۴۵۰ شغل ایجاد کرد.", "2023-01-10")


def test_the_same_figure_announced_as_new_months_later_is_found():
    later = ilam("i2.txt", "با حمایت بسیج سازندگی هزار و ۴۵۰ شغل در استان ایلام ایجاد شد.", "2023-08-10")
    found = of_kind(run(FIRST_ILAM, later), "repeated_claim")
    assert found["documents"].tolist() == ["i1.txt;i2.txt"]
    assert "212 days later" in found.loc[0, "message_en"]


def test_a_repeat_within_the_news_cycle_or_as_a_running_total_is_not_reported():
    soon = ilam("i2.txt", "با حمایت بسیج سازندگی هزار و ۴۵۰ شغل در استان ایلام ایجاد شد.", "2023-01-30")
    assert of_kind(run(FIRST_ILAM, soon), "repeated_claim").empty
    total = ilam("i2.txt", "بسیج سازندگی تاکنون در مجموع هزار و ۴۵۰ شغل در استان ایلام ایجاد کرده است.", "2023-08-10")
    assert of_kind(run(FIRST_ILAM, total), "repeated_claim").empty


def test_a_very_round_figure_repeated_a_year_later_is_taken_for_chance():
    first = ("r1.txt", "امسال ۵۰۰ نیروگاه خورشیدی در روستاهای استان ایلام نصب شد.", "2023-01-10")
    later = ("r2.txt", "امسال ۵۰۰ نیروگاه خورشیدی در روستاهای استان ایلام نصب شد.", "2024-01-10")
    assert of_kind(run(first, later), "repeated_claim").empty


# --- the table and bad input --------------------------------------------------------------


def test_an_empty_table_gives_an_empty_findings_table_with_every_column():
    empty = find_issues(pd.DataFrame(columns=["document", "value", "unit", "metric", "program", "province"]))
    assert list(empty.columns) == list(ISSUE_COLUMNS) and empty.empty


def test_a_table_without_the_required_columns_is_a_clear_error():
    with pytest.raises(UserError, match=r"missing column.*metric"):
        find_issues(pd.DataFrame([{"document": "a.txt", "value": 1, "unit": "count"}]))


def test_a_broken_or_missing_settings_file_is_named(tmp_path):
    bad = tmp_path / "checks.yaml"
    bad.write_text("sum_mismatch: [unclosed\n", encoding="utf-8")
    with pytest.raises(UserError, match=r"checks\.yaml: not valid YAML"):
        load_check_config(bad, tmp_path / "period_cues.yaml")
    with pytest.raises(UserError, match=r"nowhere\.yaml: file not found"):
        load_check_config(tmp_path / "nowhere.yaml", tmp_path / "period_cues.yaml")


# --- the shared seeds and dev corpus (read at run time) -----------------------------------

needs_shared = pytest.mark.skipif(not (SHARED / "corpus" / "dev").is_dir(), reason="shared corpus not present")


@pytest.fixture(scope="module")
def shared_claims() -> tuple[pd.DataFrame, dict[str, str]]:
    from dashboard.read.inputs import iter_articles

    rows, texts = [], {}
    for article in iter_articles([SHARED / "corpus" / "dev", SHARED / "seeds"]):
        if isinstance(article, Article):
            texts[article.document] = article.text
            rows.extend(extract_article(article))
    return pd.DataFrame(rows), texts


@pytest.fixture(scope="module")
def shared_issues(shared_claims) -> pd.DataFrame:
    claims, texts = shared_claims
    return find_issues(claims, texts)


def pairs(issues: pd.DataFrame, kind: str) -> set[str]:
    return set(of_kind(issues, kind)["documents"])


@needs_shared
def test_the_seeds_parts_that_add_up_are_never_reported(shared_issues):
    seeds = {p.name for p in (SHARED / "seeds").iterdir()}
    in_seeds = shared_issues[shared_issues["documents"].str.split(";").map(lambda ds: bool(set(ds) & seeds))]
    assert of_kind(in_seeds, "sum_mismatch").empty
    assert of_kind(in_seeds, "product_mismatch").empty
    # The one thing wrong in the seeds: «روزانه ۱۵ مگاوات» (power per day).
    assert of_kind(in_seeds, "unit_misuse")["values"].tolist() == ["15000000"]


@needs_shared
def test_the_dev_articles_whose_parts_do_not_add_up_are_the_ones_reported(shared_issues):
    gold = {d["document"]: d for d in json.loads((SHARED / "corpus" / "dev_gold.json").read_text(encoding="utf-8"))}
    found = of_kind(shared_issues, "sum_mismatch")
    assert set(found["documents"]) == {"a09.txt", "a15.txt"}
    for _, row in found.iterrows():
        gold_values = {c["value"] for c in gold[row["documents"]]["claims"]}
        assert {float(v) for v in row["values"].split(";")} <= gold_values


@needs_shared
def test_the_dev_follow_up_stories_are_reported_only_where_the_figures_count_the_same_thing(shared_issues):
    # Home solar plants in Khuzestan: 1,200 installed (2020), later 980 «currently active» (2024): a subset.
    # The nation's funds: 34,200 (2023), then 32,600 (2024): a stock that can fall, not a running total.
    assert pairs(shared_issues, "shrinking_total") == set()
    # Gilan's 2,500 home businesses «in the past two years», announced again eight months later.
    assert "b07.txt;b_export.csv#b20" in pairs(shared_issues, "repeated_claim")


@needs_shared
def test_the_dev_figures_that_agree_are_not_reported(shared_issues):
    documents = {d for ds in shared_issues["documents"] for d in ds.split(";")}
    # 242 = 158 + 84 (a06), 276 + 250 = 526 (a13), 600 × 5 kW = 3 MW (a02), 180 × 5 kW = 900 kW (a19),
    # Kermanshah's funds growing from 612 to 1,045 (b01, b15).
    assert not documents & {"a06.txt", "a13.txt", "a02.txt", "a19.html", "b01.txt", "b_batch.jsonl#b15"}
    assert of_kind(shared_issues, "product_mismatch").empty


@needs_shared
def test_without_the_article_texts_the_quotes_give_the_same_findings(shared_claims, shared_issues):
    claims, _ = shared_claims
    without = find_issues(claims)

    def found(issues: pd.DataFrame) -> list[tuple[str, str]]:
        return sorted(zip(issues["kind"], issues["documents"], strict=True))

    assert found(without) == found(shared_issues)


# --- the command --------------------------------------------------------------------------


def test_the_check_command_writes_the_findings_and_counts_them(tmp_path, monkeypatch, capsys):
    from dashboard.cli.main import main

    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "zanjan.txt").write_text(JOBS_SPLIT.format(middle="۳۰۰"), encoding="utf-8")
    (articles / "plants.txt").write_text(PLANTS.format(total="هزار کیلووات"), encoding="utf-8")
    (articles / "fine.txt").write_text(JOBS_SPLIT.format(middle="۷۰۰"), encoding="utf-8")
    monkeypatch.setenv("CLAIMS_DB", str(tmp_path / "claims.sqlite"))
    assert main(["ingest", "--workers", "1", "--quiet", str(articles)]) == 0
    capsys.readouterr()
    out = tmp_path / "findings.csv"
    assert main(["check", "--csv", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "sum_mismatch: 1" in printed and "product_mismatch: 1" in printed and "repeated_claim: 0" in printed
    assert all(f"{kind}:" in printed for kind in KINDS)
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    table = pd.read_csv(out, encoding="utf-8-sig")
    assert list(table.columns) == [*ISSUE_COLUMNS, *DECISION_COLUMNS]
    assert sorted(table["documents"]) == ["plants.txt", "zanjan.txt"]


def test_the_check_command_names_a_missing_database(tmp_path, capsys):
    from dashboard.cli.main import main

    assert main(["check", "--csv", str(tmp_path / "f.csv"), "--db", str(tmp_path / "none.sqlite")]) == 2
    assert "none.sqlite: no such database file" in capsys.readouterr().err

"""The Streamlit app through AppTest on a real database (the seeds ingested plus a few articles of our
own), and the download and highlighting builders it uses."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pandas as pd
import pytest
from claim_db import frame_engine, kept
from streamlit.testing.v1 import AppTest

from dashboard.app.ui import md
from dashboard.extract.schema import SPEC_COLUMNS
from dashboard.lang.formatting import jalali_date
from dashboard.present import downloads
from dashboard.present.highlight import clean_spans, highlight_text
from dashboard.store import claim_queries as cq
from dashboard.store import database as store
from dashboard.store.claim_filter import FilterState
from dashboard.store.ingest import ingest
from dashboard.store.reviews import VERDICT_COLUMNS

REPO = Path(__file__).resolve().parents[2]
APP = str(REPO / "dashboard" / "app" / "main.py")
PAGES = ("overview", "claims", "article", "findings", "add", "about")
TIMEOUT = 60

SCRIPT_TEXT = "در استان یزد <script>alert('x')</script> تعداد ۴۰ صندوق <b>تازه</b> راه‌اندازی شد."


def _claim(doc: str, text: str, mention: str, **fields) -> dict:
    start = text.index(mention)
    return {"document": doc, "mention": mention, "quote": text, "start": start, "end": start + len(mention), **fields}


def our_articles() -> list[store.StoredArticle]:
    """Three short articles written for these tests: dated, with outlets, one holding markup."""
    t1 = "معاون استاندار قزوین گفت: امسال ۷۵ صندوق قرض‌الحسنه در روستاهای قزوین تشکیل شد."
    t2 = "به گفته مدیرکل، ۴ هزار فرصت شغلی در یزد تا پایان سال ایجاد خواهد شد و ۱۲ میلیارد تومان وام داده می‌شود."
    common = {"status": "reported", "source": "خبرنامه آزمون"}
    return [
        store.StoredArticle(
            document="own_qazvin.txt",
            path="own_qazvin.txt",
            text=t1,
            content_hash="own1",
            metadata={"title": "صندوق‌های تازه قزوین", "published": "2024-11-20", "source": "خبرنامه آزمون"},
            claims=[
                _claim(
                    "own_qazvin.txt",
                    t1,
                    "۷۵ صندوق",
                    value=75,
                    unit="count",
                    metric="funds",
                    program="qard_al_hasan_funds",
                    province="Qazvin",
                    published="2024-11-20",
                    **common,
                ),
            ],
        ),
        store.StoredArticle(
            document="own_yazd.txt",
            path="own_yazd.txt",
            text=t2,
            content_hash="own2",
            metadata={
                "title": "اشتغال یزد",
                "published": "2023-06-10",
                "source": "روزنامه نمونه",
                "url": "https://news.example/yazd?id=7",
            },
            claims=[
                _claim(
                    "own_yazd.txt",
                    t2,
                    "۴ هزار فرصت شغلی",
                    value=4000,
                    unit="count",
                    metric="jobs",
                    program="general",
                    province="Yazd",
                    status="planned",
                    published="2023-06-10",
                    source="روزنامه نمونه",
                    url="https://news.example/yazd?id=7",
                ),
                _claim(
                    "own_yazd.txt",
                    t2,
                    "۱۲ میلیارد تومان",
                    value=1.2e11,
                    unit="IRR",
                    metric="money",
                    program="general",
                    province="Yazd",
                    status="planned",
                    published="2023-06-10",
                    source="روزنامه نمونه",
                    url="https://news.example/yazd?id=7",
                ),
            ],
        ),
        store.StoredArticle(
            document="own_script.txt",
            path="own_script.txt",
            text=SCRIPT_TEXT,
            content_hash="own3",
            metadata={"title": "<i>عنوان</i>", "published": "2024-01-05", "source": "=خبر"},
            claims=[
                _claim(
                    "own_script.txt",
                    SCRIPT_TEXT,
                    "۴۰ صندوق",
                    value=40,
                    unit="count",
                    metric="funds",
                    program="qard_al_hasan_funds",
                    province="Yazd",
                    published="2024-01-05",
                    status="reported",
                    source="=خبر",
                ),
            ],
        ),
    ]


@pytest.fixture(scope="module")
def seeded_db(tmp_path_factory) -> Path:
    """The repository's seeds ingested for real, plus our own three articles."""
    db = tmp_path_factory.mktemp("db") / "claims.sqlite"
    report = ingest([REPO / "seeds"], db, workers=1)
    assert report.new >= 1 and report.claims_stored > 0, report.summary_lines()
    conn = store.connect(db)
    store.write_articles(conn, our_articles())
    conn.close()
    return db


@pytest.fixture
def app_on(monkeypatch, seeded_db):
    """An AppTest factory reading ``seeded_db``; query parameters are set before the first run."""

    def make(page: str | None = None, **params: str) -> AppTest:
        monkeypatch.setenv("CLAIMS_DB", str(seeded_db))
        at = AppTest.from_file(APP, default_timeout=TIMEOUT)
        for key, value in params.items():
            at.query_params[key] = value
        at.run()
        if page and page != "overview":
            at.switch_page(f"views/{page}.py").run()
        assert not at.exception, [e.message for e in at.exception]
        return at

    return make


def figures(at: AppTest) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def metric_values(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


# ---- every page runs ----


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_on_the_seeded_database(app_on, page: str) -> None:
    at = app_on(page)
    assert len(at.main.children) > 2, "the page drew nothing of its own"
    assert at.title[0].value == "ادعاهای آماری مسئولان"
    assert any("راستی‌آزمایی" in c.value for c in at.caption), "the caveat line is missing"


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_on_an_empty_database(monkeypatch, tmp_path, page: str) -> None:
    monkeypatch.setenv("CLAIMS_DB", str(tmp_path / "empty.sqlite"))
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    if page != "overview":
        at.switch_page(f"views/{page}.py").run()
    assert not at.exception, [e.message for e in at.exception]
    if page not in ("add",):
        assert any("هنوز خبری" in i.value for i in at.info)


# ---- filters ----


def test_overview_figures_follow_the_province_filter(app_on, seeded_db) -> None:
    at = app_on()
    everything = store.export_frame(store.connect(seeded_db))
    assert metric_values(at)["ادعا"] == f"{len(everything):,}".translate(str.maketrans("0123456789,", "۰۱۲۳۴۵۶۷۸۹٬"))
    before = figures(at)[0]["data"][0]["y"]
    assert len(before) > 1

    at.multiselect(key="f_province").set_value(["Yazd"]).run()
    assert not at.exception
    yazd = everything[everything["province"] == "Yazd"]
    assert metric_values(at)["ادعا"] == str(len(yazd)).translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
    assert figures(at)[0]["data"][0]["y"] == ["یزد"]
    assert at.query_params["province"] == "Yazd"


def test_measure_and_metric_change_the_chart(app_on) -> None:
    at = app_on(lang="en")
    at.selectbox(key="f_chart_metric").set_value("money").run()
    at.radio(key="f_how").set_value("sum").run()
    fig = figures(at)[0]
    assert fig["layout"]["title"]["text"] == "Sum of “Money” (toman) by province"
    reported, planned = fig["data"]
    assert (reported["name"], planned["name"]) == ("Reported", "Planned")
    # our Yazd article promises 12 billion toman: a plan, drawn apart and never added to results
    assert dict(zip(planned["y"], planned["x"], strict=True))["Yazd"] == pytest.approx(1.2e10)
    assert dict(zip(reported["y"], reported["x"], strict=True)).get("Yazd") is None


def test_map_view_from_the_url(app_on, seeded_db) -> None:
    at = app_on(view="map", metric="funds", lang="en")
    (fig,) = figures(at)
    kinds = {trace["type"] for trace in fig["data"]}
    assert kinds == {"choropleth"}
    stored = store.export_frame(store.connect(seeded_db))
    funds = stored[(stored["metric"] == "funds") & (stored["province"] != "National")]
    drawn = fig["data"][-1]["locations"]
    assert set(drawn) == set(funds["province"]) and "Yazd" in drawn
    assert any("OpenStreetMap" in c.value for c in at.caption)


def test_time_view_uses_jalali_periods(app_on, seeded_db) -> None:
    at = app_on(view="time", period="year", lang="en")
    (fig,) = figures(at)
    # our articles: 1402/03/20 (two claims), 1402/10/15 and 1403/08/30, plus whatever dates the seeds carry
    stored = store.export_frame(store.connect(seeded_db))
    years = pd.Series([jalali_date(p, "en")[:4] for p in stored["published"]]).replace("", pd.NA).dropna()
    expected = years.value_counts().sort_index()
    assert {"1402", "1403"} <= set(expected.index)
    # every year from the first to the last is on the axis, reported and planned stacked
    first, last = int(expected.index[0]), int(expected.index[-1])
    assert fig["data"][0]["x"] == [str(y) for y in range(first, last + 1)]
    drawn: dict[str, float] = {}
    for trace in fig["data"]:
        for x, y in zip(trace["x"], trace["y"], strict=True):
            drawn[x] = drawn.get(x, 0) + (y or 0)
    assert {x: n for x, n in drawn.items() if n} == expected.to_dict()
    assert [trace["name"] for trace in fig["data"]] == ["Reported", "Planned"]


def test_url_opens_the_claims_table_filtered(app_on) -> None:
    at = app_on("claims", province="Qazvin", status="reported", lang="en")
    assert at.multiselect(key="f_province").value == ["Qazvin"]
    table = at.dataframe[0].value
    assert len(table) > 0
    assert set(table["province"]) == {"Qazvin"}
    assert set(table["status"]) == {"Reported"}


def test_money_is_shown_in_toman_in_the_table(app_on) -> None:
    at = app_on("claims", metric="money", province="Yazd", lang="en")
    table = at.dataframe[0].value
    assert table["figure"].tolist() == [1.2e11]  # the number underneath: the column sorts by value
    assert table["article"].tolist() == ["./article?article=own_yazd.txt&lang=en"]


def test_free_text_search_ignores_zwnj_and_digit_script(app_on) -> None:
    at = app_on("claims", q="قرضالحسنه", lang="en")
    documents = " ".join(at.dataframe[0].value["article"])
    assert "own_qazvin.txt" in documents  # its text has «قرض‌الحسنه» with a ZWNJ
    assert "own_yazd.txt" not in documents


def test_invalid_url_values_are_dropped(app_on) -> None:
    at = app_on("claims", province="Atlantis", date_from="not-a-date", date_to="1800-01-01", view="nope")
    assert at.multiselect(key="f_province").value == []
    assert at.text_input(key="f_date_to_fa").value == ""
    assert not {"province", "date_from", "date_to", "view"} & set(at.query_params)


def test_date_range_from_the_url(app_on, seeded_db) -> None:
    at = app_on("claims", date_from="2024-01-01", date_to="2024-12-31", lang="en")
    table = at.dataframe[0].value
    stored = store.export_frame(store.connect(seeded_db))
    in_2024 = stored["published"].between("2024-01-01", "2024-12-31") & stored["published"].ne("")
    assert len(table) == int(in_2024.sum()) >= 2
    assert all("2024-01-01" <= d <= "2024-12-31" for d in table["date"])


def test_language_switch_is_kept_in_the_url(app_on) -> None:
    at = app_on()
    assert at.title[0].value == "ادعاهای آماری مسئولان"
    at.toggle(key="f_lang").set_value(True).run()
    assert at.title[0].value == "Officials' claimed figures"
    assert at.query_params["lang"] == "en"


def test_findings_history_of_a_chosen_figure(app_on) -> None:
    at = app_on("findings", h_province="Yazd", h_program="general", h_metric="jobs", lang="en")
    (fig,) = figures(at)
    assert fig["layout"]["title"]["text"] == "“Jobs” in Yazd — General"
    assert fig["data"][0]["x"] == ["2023-06-10"] and fig["data"][0]["y"] == [4000]
    (series,) = [d.value for d in at.dataframe if "Jalali date" in d.value.columns]
    assert series["Value (readable)"].tolist() == ["4,000"]
    assert series["Jalali date"].tolist() == ["1402/03/20"]


# ---- article page ----


def test_article_page_escapes_markup_and_highlights_figures(app_on) -> None:
    at = app_on("article", document="own_script.txt")
    assert at.selectbox(key="f_article").value == "own_script.txt"
    bodies = [h.proto.body for h in at.get("html") if 'class="article-text"' in h.proto.body]
    assert len(bodies) == 1
    body = bodies[0]
    assert "<script" not in body and "<b>" not in body
    assert "&lt;script&gt;" in body and "&lt;b&gt;" in body
    assert '<mark class="claim"' in body and ">۴۰ صندوق</mark>" in body


def test_article_page_with_unknown_document_warns(app_on) -> None:
    at = app_on("article", document="nope.txt")
    assert any(md("nope.txt") in w.value for w in at.warning)  # Markdown-escaped, shown as typed


# ---- builders the pages use ----


def test_highlight_escapes_everything_and_keeps_offsets() -> None:
    text = "<script>x</script> ۱۲ صندوق & «۳ شغل»"
    start = text.index("۱۲ صندوق")
    html_out = highlight_text(text, [(start, start + 8, '"><img src=x onerror=1>')])
    assert "<script" not in html_out and "<img" not in html_out
    assert "&lt;script&gt;x&lt;/script&gt;" in html_out and "&amp;" in html_out
    assert '<mark class="claim" title="&quot;&gt;&lt;img src=x onerror=1&gt;">۱۲ صندوق</mark>' in html_out


def test_bad_offsets_are_dropped() -> None:
    assert clean_spans([(3, 2, ""), (-1, 4, ""), (0, 99, ""), ("x", 2, ""), (1, 3, "a"), (2, 4, "b")], 10) == [
        (1, 3, "a")
    ]


def test_csv_download_has_bom_spec_columns_first_and_safe_cells(seeded_db) -> None:
    df = store.export_frame(store.connect(seeded_db))
    df = df.assign(_search="internal", jyear=1403)
    data = downloads.csv_bytes(df)
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8-sig").splitlines()
    header = lines[0].split(",")
    assert tuple(header[: len(SPEC_COLUMNS)]) == SPEC_COLUMNS
    assert header[-3:] == ["path", "ingested_at", "claim_id"]
    assert "_search" not in header and "jyear" not in header
    assert len(lines) == len(df) + 1
    row = next(line for line in lines if line.startswith("own_script.txt"))
    assert ",'=خبر," in row


def test_export_filename_says_what_was_filtered() -> None:
    today = dt.date(2024, 11, 22)
    name = downloads.export_filename(FilterState(province=("Qazvin",), metric=("jobs",)), today)
    assert name == "claims_province-Qazvin_metric-jobs_2024-11-22.csv"
    state = FilterState(province=("East Azerbaijan", "Qom"), date_from=dt.date(2024, 1, 1), text="a/b")
    assert downloads.export_filename(state, today) == (
        "claims_province-East-Azerbaijan+Qom_text-ab_date_from-2024-01-01_2024-11-22.csv"
    )
    assert downloads.export_filename(state, today, full=True) == "claims_all_2024-11-22.csv"
    assert downloads.export_filename(FilterState(), today, ext="txt") == "claims_all_2024-11-22.txt"


def test_readme_names_source_filters_rows_and_attribution() -> None:
    df = pd.DataFrame({"published": ["2024-11-20", "", "2023-06-10"], "document": ["a", "b", "c"]})
    df = cq.key_figures(frame_engine(df), FilterState())
    text = downloads.readme_text(df, FilterState(province=("Yazd",)), dt.date(2024, 11, 22), n_articles=9)
    assert "Rows (claims): 3" in text
    assert "Filters applied: province = Yazd" in text
    assert "Publication dates: 2023-06-10 .. 2024-11-20 (Jalali 1402/03/20 – 1403/08/30)" in text
    assert "not verified facts" in text and "OpenStreetMap contributors, ODbL" in text
    assert "Articles in the database: 9" in text
    assert "فیلترها: province = Yazd" in text and "راستی‌آزمایی‌شده" in text
    full = downloads.readme_text(df, FilterState(province=("Yazd",)), dt.date(2024, 11, 22), full=True)
    assert "Filters applied: none (all claims)" in full


def test_filters_are_pure_and_combine() -> None:
    df = pd.DataFrame(
        {
            "province": ["Yazd", "Yazd", "Qom"],
            "metric": ["jobs", "funds", "jobs"],
            "status": ["planned", "reported", "reported"],
            "published": ["2024-01-01", "", "2023-01-01"],
            "quote": ["۴ هزار شغل", "صندوق‌های قرض‌الحسنه", "٣ شغل"],
        }
    )
    assert kept(df, FilterState(province=("Yazd",), metric=("jobs",))) == [0]
    assert kept(df, FilterState(date_from=dt.date(2023, 6, 1))) == [0]
    assert kept(df, FilterState(text="قرض الحسنه")) == [1]
    assert kept(df, FilterState(text="3")) == [2]  # Arabic-Indic ٣ found by 3
    assert kept(df, FilterState()) == [0, 1, 2]
    assert cq.option_counts(frame_engine(df), "province", FilterState()) == {"Yazd": 2, "Qom": 1}


class FakeUpload:
    """Stands in for Streamlit's uploaded file."""

    def __init__(self, name: str, data: bytes) -> None:
        self.name, self.size, self._data = name, len(data), data

    def getvalue(self) -> bytes:
        return self._data


def test_uploads_are_saved_safely_then_ingested(tmp_path) -> None:
    from dashboard.present.uploads import save_uploads

    text = "به گزارش خبرنامه آزمون، مدیرکل گفت ۳۲۰ صندوق قرض‌الحسنه در استان قم فعال است.".encode()
    files = [
        FakeUpload("../../خبر.txt", text),
        FakeUpload("خبر.txt", text.replace("۳۲۰".encode(), "۳۳۰".encode())),
        FakeUpload("big.txt", b"x" * 2000),
        FakeUpload("run.exe", b"MZ"),
    ]
    folder = tmp_path / "up"
    folder.mkdir()
    saved = save_uploads(files, folder, max_bytes=1000)
    assert [p.name for p in saved.paths] == ["خبر.txt", "خبر-2.txt"]
    assert all(p.parent == folder for p in saved.paths)
    assert saved.refused == [("big.txt", "too_big"), ("run.exe", "bad_type")]
    report = ingest([str(p) for p in saved.paths], tmp_path / "claims.sqlite", workers=1)
    assert report.new == 2 and not report.problems
    df = store.export_frame(store.connect(tmp_path / "claims.sqlite"))
    assert sorted(df.loc[df["metric"] == "funds", "value"]) == [320, 330]


def test_a_broken_database_is_named_not_a_traceback(monkeypatch, tmp_path) -> None:
    bad = tmp_path / "claims.sqlite"
    bad.write_bytes(b"this is not a database, just text" * 100)
    monkeypatch.setenv("CLAIMS_DB", str(bad))
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    assert not at.exception
    assert any(md(str(bad)) in e.value for e in at.error)


def test_download_frame_carries_provenance(monkeypatch, seeded_db) -> None:
    from dashboard.app import queries

    monkeypatch.setenv("CLAIMS_DB", str(seeded_db))
    rows = queries.csv_download(FilterState(province=("Yazd",), text="صندوق")).decode("utf-8-sig").splitlines()
    header = rows[0].split(",")
    assert header[-9:] == ["path", "ingested_at", "claim_id", "claim_key", *VERDICT_COLUMNS]
    assert len(rows) == 2 and ",own_script.txt," in rows[1] and rows[1].split(",")[-5] == "not_rated"


def test_text_search_looks_in_every_searched_column() -> None:
    df = pd.DataFrame(
        {
            "province": ["Yazd", "Qom", "Yazd", "Yazd"],
            "quote": ["۴ هزار شغل", "۴ هزار شغل", "صندوق", "پایگاه"],
            "source": ["ایسنا", "ایسنا", "ایرنا", "ایسنا"],
            "title": ["الف", "الف", "ب", "تبصره ۱۶"],
        }
    )
    assert kept(df, FilterState(province=("Yazd",), text="شغل")) == [0]
    assert kept(df, FilterState(text="4")) == [0, 1]
    assert kept(df, FilterState(text="ایرنا")) == [2]  # outlet, searched per value
    assert kept(df, FilterState(text="تبصره 16")) == [3]  # title, digits folded


def test_options_show_their_counts_and_clear_resets_the_url(app_on, seeded_db) -> None:
    everything = store.export_frame(store.connect(seeded_db))
    at = app_on("claims", province="Yazd", q="صندوق")
    # faceted: a province counts its claims under the other filters (here the search)
    yazd = int((everything.iloc[kept(everything, FilterState(text="صندوق"))]["province"] == "Yazd").sum())
    digits = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
    assert f"یزد ({str(yazd).translate(digits)})" in at.multiselect(key="f_province").options
    assert at.query_params["province"] == "Yazd" and at.query_params["q"] == "صندوق"
    at.button(key="filters_clear").click().run()
    assert at.multiselect(key="f_province").value == []
    assert at.text_input(key="f_q").value == ""
    assert "province" not in at.query_params and "q" not in at.query_params
    assert len(at.dataframe[0].value) == len(everything)


def test_map_uses_the_local_topojson_and_persian_is_right_to_left(app_on) -> None:
    at = app_on(view="map")
    (chart,) = at.get("plotly_chart")
    config = json.loads(chart.proto.config)
    assert config["topojsonURL"] == "app/static/"
    assert (REPO / "dashboard" / "app" / "static" / "world_110m.json").is_file()
    styles = " ".join(h.proto.body for h in at.get("html"))
    assert "direction: rtl" in styles and '[data-testid="stPlotlyChart"]' in styles
    english = app_on(view="map", lang="en")
    assert "direction: rtl" not in " ".join(h.proto.body for h in english.get("html"))


@pytest.mark.parametrize("query", ["قرض الحسنه", "تبصره ۱۶", "12", "a-b (c)", "كيك"])
def test_search_patterns_stay_on_pyarrows_regex_engine(query: str) -> None:
    # the pattern runs in the database, and stays within what every regex engine reads alike (RE2 included)
    from dashboard.text.search import query_pattern

    strings = pd.Series(["صندوق"], dtype="str")
    assert not strings.array._needs_python_regex(query_pattern(query))


# ---- honest aggregates on the page ----


def test_no_sum_is_offered_for_percents(app_on) -> None:
    at = app_on(chart_metric="percent", how="sum", lang="en")
    assert "sum" not in at.radio(key="f_how").options
    assert at.radio(key="f_how").value == "count"
    assert any("cannot be added up" in c.value for c in at.caption)
    assert "how" not in at.query_params


def test_without_a_metric_only_claims_are_counted(app_on) -> None:
    at = app_on(how="sum", lang="en")
    assert not [r for r in at.radio if r.key == "f_how"]  # one measure: no choice to offer
    assert figures(at)[0]["layout"]["title"]["text"] == "Number of claims by province"


def test_latest_value_names_its_date_and_article(app_on) -> None:
    at = app_on(chart_metric="funds", how="latest", lang="en")
    (picks,) = [d.value for d in at.dataframe if "article" in d.value.columns]
    qazvin = picks[picks["group"] == "Qazvin"].iloc[0]
    assert qazvin["date"] == "2024-11-20"  # Gregorian first in English
    assert qazvin["article"] == "./article?document=own_qazvin.txt&lang=en"
    assert any("reported figure wins" in c.value for c in at.caption)


def test_the_sum_names_what_it_left_out(app_on, seeded_db) -> None:
    at = app_on(chart_metric="jobs", how="sum", lang="en")
    subtitle = figures(at)[0]["layout"]["title"].get("subtitle", {}).get("text", "")
    stored = store.export_frame(store.connect(seeded_db))
    if (stored[stored["metric"] == "jobs"]["period"] == "cumulative").any():
        assert "running totals" in subtitle
    assert "National (apart from the provinces)" in subtitle


# ---- filters: chips, facets, Jalali dates, search ----


def test_faceted_counts_follow_the_other_filters(app_on, seeded_db) -> None:
    at = app_on("claims", metric="jobs", lang="en")
    everything = store.export_frame(store.connect(seeded_db))
    jobs = everything[everything["metric"] == "jobs"]
    expected = f"Yazd ({int((jobs['province'] == 'Yazd').sum())})"
    assert expected in at.multiselect(key="f_province").options
    # the metric's own options still count every claim (its own filter is not applied to itself)
    assert f"Jobs ({len(jobs)})" in at.multiselect(key="f_metric").options


def test_a_chip_removes_its_filter(app_on) -> None:
    at = app_on("claims", province="Yazd", status="reported", lang="en")
    chips = {b.key: b.label for b in at.button if b.key and b.key.startswith("chip_")}
    assert "Province: Yazd" in chips.values() and "Status: Reported" in chips.values()
    (key,) = [k for k, label in chips.items() if label == "Province: Yazd"]
    at.button(key=key).click().run()
    assert at.multiselect(key="f_province").value == []
    assert "province" not in at.query_params and at.query_params["status"] == "reported"


def test_a_typed_jalali_date_filters_and_goes_to_the_url_as_iso(app_on) -> None:
    at = app_on("claims")
    at.text_input(key="f_date_from_fa").set_value("۱۴۰۳/۰۱/۰۱").run()
    assert at.query_params["date_from"] == "2024-03-20"
    dates = at.dataframe[0].value["date"].tolist()
    assert dates and all(d >= "2024-03-20" for d in dates)
    at.text_input(key="f_date_from_fa").set_value("۱۴۰۳/۱۳/۰۱").run()
    assert any("۱۴۰۲/۰۹/۰۱" in c.value for c in at.caption)  # says how to write it
    assert "date_from" not in at.query_params


def test_the_jalali_calendar_starts_on_saturday_and_picks_a_day(app_on) -> None:
    at = app_on("claims", date_to="2024-11-20")
    assert at.text_input(key="f_date_to_fa").value == "۱۴۰۳/۰۸/۳۰"
    headers = [c.value for c in at.caption if c.value in ("ش", "ی", "د", "س", "چ", "پ", "ج")]
    assert headers[:7] == ["ش", "ی", "د", "س", "چ", "پ", "ج"]
    picked = at.button(key="cal_day_30")
    assert picked.label == "۳۰" and picked.proto.type == "primary"  # the chosen day stands out
    at.segmented_control(key="cal_target").set_value("date_to").run()
    at.button(key="cal_day_15").click().run()
    assert at.text_input(key="f_date_to_fa").value == "۱۴۰۳/۰۸/۱۵"
    assert at.query_params["date_to"] == "2024-11-05"


def test_english_dates_are_gregorian(app_on) -> None:
    at = app_on(lang="en")
    span = metric_values(at)["Published"]
    assert span[:2] in ("19", "20") and "-" in span
    claims = app_on("claims", date_from="2024-01-01", lang="en")
    assert claims.date_input(key="f_date_from_en").value == dt.date(2024, 1, 1)


def test_english_search_finds_province_names(app_on) -> None:
    at = app_on("claims", q="Qazvin", lang="en")
    assert set(at.dataframe[0].value["province"]) == {"Qazvin"}


def test_search_treats_hamza_spellings_as_one() -> None:
    df = pd.DataFrame({"quote": ["رئیس سازمان گفت", "رییس سازمان گفت", "مسؤول استان", "دیگر"], "published": [""] * 4})
    assert kept(df, FilterState(text="رییس")) == [0, 1]
    assert kept(df, FilterState(text="رئیس")) == [0, 1]
    assert kept(df, FilterState(text="مسئول")) == [2]


# ---- language and uploads ----


def test_widget_texts_are_persian(app_on) -> None:
    at = app_on()
    styles = " ".join(h.proto.body for h in at.get("html"))
    assert "__select_all__" in styles and "انتخاب همه" in styles
    add = app_on("add")
    assert "انتخاب فایل" in " ".join(h.proto.body for h in add.get("html"))
    assert "__select_all__" not in " ".join(h.proto.body for h in app_on(lang="en").get("html"))


def test_new_figures_show_on_the_next_run_without_a_reload(app_on, tmp_path, monkeypatch) -> None:
    db = tmp_path / "fresh.sqlite"
    conn = store.connect(db)
    store.write_articles(conn, our_articles()[:1])
    monkeypatch.setenv("CLAIMS_DB", str(db))
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    assert metric_values(at)["ادعا"] == "۱"
    store.write_articles(conn, our_articles()[1:])  # what the upload page does, in the same session
    conn.close()
    at.switch_page("views/claims.py").run()
    assert len(at.dataframe[0].value) == 4
    at.switch_page("views/overview.py").run()
    assert metric_values(at)["ادعا"] == "۴"


@pytest.mark.parametrize("lang", ["fa", "en"])
def test_the_add_page_draws_in_both_languages(app_on, lang: str) -> None:
    """In English the uploader keeps Streamlit's own texts, and no empty style block is drawn (st.html refuses it)."""
    at = app_on("add", lang=lang)
    assert not at.exception, [e.message for e in at.exception]

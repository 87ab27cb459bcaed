"""The dashboard in a real browser (Debian Chromium through playwright), on the seeds.

One server and one browser serve the whole module (about 10 s to start, plotly.js loads late):

* the overview draws its charts (live: hovering a bar names its province, such as «سراسر کشور»),
  and the map draws one SVG shape per province of the GeoJSON, coloured only where claims are;
* no page sends a request off the machine (every request the browser makes is logged);
* a filter changes the page: province in the URL (the table), status through its widget (the key
  figures and charts), an English link with both (the same view, English labels), an article's
  file name typed in the search box (the table);
* the CSV download holds exactly the filtered rows, with a BOM and the spec's columns first.

Expected figures come from the store itself (``dashboard.store.database.export_frame``), never typed in.

Full-page screenshots land in ``tests/artifacts/`` (git-ignored). Skipped only when ``chromium``
is not on PATH; CI installs it.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import json
import math
import zipfile
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pandas as pd
import pytest
from browser_harness import (
    PLOTLY_CHART,
    AppServer,
    Browser,
    build_database,
    chromium_path,
    full_page_screenshot,
    open_browser,
    running_app,
    wait_for_charts,
    wait_for_idle_app,
)
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from dashboard.app import review_ui
from dashboard.app.claims_table import COLUMNS, column_config
from dashboard.extract.schema import SPEC_COLUMNS
from dashboard.lang.i18n import status_label, t, value_label
from dashboard.present.charts import NO_DATA_COLOR
from dashboard.present.filters import date_text
from dashboard.store import database as store

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(chromium_path() is None, reason="chromium is not on PATH (Debian: apt-get install chromium)"),
]

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
GEOJSON = REPO / "data" / "geo" / "iran_provinces.geojson"
TIMEOUT_MS = 60_000
BOM = b"\xef\xbb\xbf"
# The app's pages by URL path (dashboard/app/main.py; the overview is the default), and the overview's other views.
APP_PAGES = ("", "?view=time", "claims", "article", "findings", "add", "about")


# --- fixtures -----------------------------------------------------------------------------


# Articles of our own: a province's dated total with its three county parts (850 + 720 + 610 of the
# 4,380), and an older article, so that a date filter keeps some claims and drops others.
BREAKDOWN_DOCUMENT = "breakdown_total.txt"
OUR_ARTICLES = {
    BREAKDOWN_DOCUMENT: (
        "۱۵ مهر ۱۴۰۳ - ۱۰:۲۰\nکرمانشاه- ایرنا-\nمدیرکل تعاون، کار و رفاه اجتماعی استان کرمانشاه گفت: امسال"
        " ۴ هزار و ۳۸۰ شغل در استان کرمانشاه ایجاد شد.\nوی افزود: از این تعداد ۸۵۰ شغل در شهرستان سنقر، ۷۲۰ شغل"
        " در شهرستان کنگاور و ۶۱۰ شغل در شهرستان هرسین ایجاد شده است.\n"
    ),
    "older.txt": (
        "۱۰ اردیبهشت ۱۴۰۲ - ۰۹:۱۰\nیزد- ایرنا-\nمدیرکل بسیج سازندگی استان یزد گفت: ۱۲۰ صندوق قرض‌الحسنه در"
        " روستاهای استان یزد تشکیل شد.\n"
    ),
}


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh database built from the seeds and our own articles with ``python -m dashboard ingest``."""
    db = build_database(tmp_path_factory.mktemp("browser-db") / "claims.sqlite")
    extra = tmp_path_factory.mktemp("browser-extra")
    for name, text in OUR_ARTICLES.items():
        (extra / name).write_text(text, encoding="utf-8")
    return build_database(db, seeds=extra)


@pytest.fixture(scope="module")
def stored(database: Path) -> pd.DataFrame:
    """What the store holds: the truth the page and its download are checked against."""
    with closing(store.connect(database)) as conn:
        df = store.export_frame(conn)
    assert not df.empty, "the seeds gave no claims: nothing to check in the browser"
    return df


@pytest.fixture(scope="module")
def app(database: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppServer]:
    """The app on a free port of 127.0.0.1, serving the seeds' database."""
    with running_app(database, log=tmp_path_factory.mktemp("browser-app") / "streamlit.log") as server:
        yield server


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    """Headless Debian Chromium in its own profile, logging every request it makes."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw, open_browser(pw, tmp_path_factory.mktemp("chromium-profile")) as opened:
        opened.context.set_default_timeout(TIMEOUT_MS)
        yield opened


@pytest.fixture
def page(browser: Browser, app: AppServer, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A fresh tab; afterwards a full-page screenshot goes to tests/artifacts/ and, should the test
    fail, the end of the server's log shows in the report."""
    tab = browser.new_page()
    yield tab
    try:
        full_page_screenshot(tab, ARTIFACTS / f"{request.node.name}.png")
    except Exception as exc:  # a screenshot must not hide the test's own result
        print(f"screenshot failed: {exc}")
    print(f"--- streamlit log (end) ---\n{app.log_text()[-3000:]}")
    forget_reviewer(browser, tab)  # the profile is shared: a name kept by one test must not reach the next
    tab.close()


def forget_reviewer(browser: Browser, tab: Page) -> None:
    """Remove the reviewer's name the app keeps in this browser (its cookie and localStorage)."""
    browser.context.clear_cookies(name=review_ui.COOKIE)
    with contextlib.suppress(Exception):  # a tab that never loaded the app has no storage of its own
        if tab.url.startswith("http"):
            tab.evaluate("key => localStorage.removeItem(key)", review_ui.STORAGE_KEY)


# --- helpers ------------------------------------------------------------------------------


def province_keys() -> list[str]:
    """The provinces the map must draw: one feature each in the GeoJSON (``name:en``)."""
    features = json.loads(GEOJSON.read_text(encoding="utf-8"))["features"]
    return [f["properties"]["name:en"] for f in features]


def read_csv(raw: bytes) -> tuple[list[str], list[dict[str, str]]]:
    """Header and rows of a downloaded claims CSV whose BOM was already removed."""
    reader = csv.DictReader(io.StringIO(raw.decode("utf-8"), newline=""))
    return list(reader.fieldnames or []), list(reader)


def spec_rows(rows: list[dict]) -> list[tuple]:
    """Rows as sorted tuples of the spec's columns, ``value`` as a rounded float (None when empty), so a
    CSV's text cells and the store's typed ones compare equal when they say the same."""

    def cell(column: str, value: object) -> object:
        if column != "value":
            return "" if value is None else str(value)
        if value is None or value == "" or (isinstance(value, float) and math.isnan(value)):
            return None
        return round(float(str(value)), 6)

    out = [tuple(cell(c, row.get(c)) for c in SPEC_COLUMNS) for row in rows]
    return sorted(out, key=repr)


def assert_offline(browser: Browser) -> None:
    """Every request so far stayed on this machine (127.0.0.1, localhost, data:, blob:)."""
    outside = browser.requests.outside()
    assert not outside, f"{len(outside)} request(s) left the machine: {sorted(set(outside))[:10]}"


def wait_until(page: Page, check: str, arg: object, what: str, show: str) -> None:
    """Wait until the JS predicate ``check(arg)`` holds; on timeout fail with ``what``, what the page
    shows instead (the JS ``show(arg)``) and any error the app printed on the page."""
    try:
        page.wait_for_function(check, arg=arg, timeout=TIMEOUT_MS)
    except PlaywrightTimeout:
        shown = page.evaluate(show, arg)
        errors = page.locator('[data-testid="stException"], [data-testid="stAlertContentError"]').all_inner_texts()
        detail = f"; the page shows an error: {' | '.join(errors)[:1500]}" if errors else ""
        raise AssertionError(f"{what} within {TIMEOUT_MS // 1000} s; the page shows {shown!r}{detail}") from None


# Key figures as {label: value with ASCII digits and no separators}.
_METRICS_JS = r"""() => Object.fromEntries([...document.querySelectorAll('[data-testid="stMetric"]')].map(m => [
    m.querySelector('[data-testid="stMetricLabel"]')?.innerText.trim() ?? "",
    (m.querySelector('[data-testid="stMetricValue"]')?.innerText ?? "")
        .replace(/[\u06f0-\u06f9]/g, d => d.charCodeAt(0) - 0x06F0)
        .replace(/[\u0660-\u0669]/g, d => d.charCodeAt(0) - 0x0660)
        .replace(/[\u066c,\s]/g, "")]))"""


def wait_for_metric(page: Page, label: str, value: int) -> None:
    """Wait until the key figure labelled ``label`` (e.g. «ادعا») reads ``value`` (digits in any script)."""
    wait_until(
        page,
        f"([label, want]) => ({_METRICS_JS})()[label] === String(want)",
        [label, value],
        f"the key figure {label!r} did not read {value}",
        f"() => ({_METRICS_JS})()",
    )


def wait_for_table_rows(page: Page, rows: int) -> None:
    """Wait until the claims table holds ``rows`` data rows (its grid's aria-rowcount counts the header too)."""
    counts = """() => [...document.querySelectorAll('[data-testid="stDataFrame"] [aria-rowcount]')]
                    .map(g => Number(g.getAttribute('aria-rowcount')) - 1)"""
    wait_until(
        page,
        f"want => ({counts})().includes(want)",
        rows,
        f"the claims table did not hold {rows} rows",
        f"() => ({{'table rows': ({counts})()}})",
    )


def wait_for_bars(page: Page, key: str, bars: int) -> None:
    """Wait until the bar chart with Streamlit key ``key`` draws exactly ``bars`` bars."""
    selector = f".st-key-{key} {PLOTLY_CHART} .trace.bars .point"
    wait_until(
        page,
        "([sel, want]) => document.querySelectorAll(sel).length === want",
        [selector, bars],
        f"the chart {key!r} did not draw {bars} bars",
        "([sel]) => ({bars: document.querySelectorAll(sel).length})",
    )


def download(page: Page, key: str) -> tuple[str, bytes]:
    """Click the download button with Streamlit key ``key``; the file's suggested name and bytes."""
    with page.expect_download(timeout=TIMEOUT_MS) as info:
        page.locator(f".st-key-{key} button").click()
    return info.value.suggested_filename, Path(info.value.path()).read_bytes()


def provinces(df: pd.DataFrame) -> int:
    """How many province bars a chart of ``df`` draws: every province but the nation, which is shown apart."""
    return int(df.loc[df["province"] != "National", "province"].nunique())


def choose_option(page: Page, key: str, label: str) -> None:
    """Pick ``label`` in the selectbox with Streamlit key ``key`` by typing it, trying again if a rerun cut in."""
    box = page.locator(f".st-key-{key}")
    for _ in range(5):
        wait_for_idle_app(page)
        box.locator("input").click()
        box.locator("input").fill(label)
        option = page.get_by_role("option").filter(has_text=label).first
        try:
            option.click(timeout=3_000)
        except PlaywrightTimeout:
            continue  # the list closed before the click (a rerun): open it again
        wait_for_idle_app(page)
        if label in (box.text_content() or "") + box.locator("input").input_value():
            return
    raise AssertionError(f"could not choose {label!r} in {key!r}: {box.text_content()!r}")


def busiest_province(df: pd.DataFrame) -> str:
    """The province (not ``National``) with the most claims: a filter that keeps some rows and drops others."""
    provinces = df.loc[df["province"].ne("") & df["province"].ne("National"), "province"]
    assert not provinces.empty, "no claim has a province: the province filter cannot be checked"
    return str(provinces.value_counts().sort_index().sort_values(ascending=False, kind="stable").index[0])


# --- tests --------------------------------------------------------------------------------


def test_overview_draws_its_charts(page: Page, app: AppServer, browser: Browser, stored: pd.DataFrame) -> None:
    page.goto(app.url)
    wait_for_charts(page, 2)
    # the nation is written above the province bars, not ranked among them
    wait_for_bars(page, "chart_province", provinces(stored))
    wait_for_bars(page, "chart_program", stored["program"].nunique())
    wait_for_metric(page, t("kf_claims", "fa"), len(stored))
    # The charts are live plotly: hovering the top bar (the province with most claims) names it.
    counts = stored.loc[stored["province"] != "National", "province"].value_counts()
    top = min(counts.index, key=lambda k: (-counts[k], k))
    page.locator(".st-key-chart_province .trace.bars .point").first.hover(force=True)
    hover = page.locator(".st-key-chart_province .hoverlayer .hovertext")
    hover.wait_for(timeout=TIMEOUT_MS)
    assert value_label("province", top, "fa") in (hover.text_content() or "")
    assert_offline(browser)


def test_map_draws_every_province_and_colours_those_with_claims(
    page: Page, app: AppServer, browser: Browser, stored: pd.DataFrame
) -> None:
    page.goto(f"{app.url}?view=map")
    shapes = page.locator(f".st-key-chart_map {PLOTLY_CHART} path.choroplethlocation")
    keys = province_keys()
    shapes.nth(len(keys) - 1).wait_for(state="attached", timeout=TIMEOUT_MS)
    assert shapes.count() == len(keys), f"{shapes.count()} province shapes drawn for {len(keys)} provinces"
    grey = page.evaluate(
        "c => { const d = document.createElement('div'); d.style.color = c; document.body.append(d);"
        " const v = getComputedStyle(d).color; d.remove(); return v; }",
        NO_DATA_COLOR,
    )
    fills = shapes.evaluate_all("els => els.map(e => getComputedStyle(e).fill)")
    with_claims = set(stored["province"]) & set(keys)
    coloured = [f for f in fills if f not in (grey, "none", "")]
    assert len(coloured) == len(with_claims), f"{len(coloured)} coloured provinces, {len(with_claims)} have claims"
    assert_offline(browser)


def test_province_in_the_url_filters_the_table_and_its_download(
    page: Page, app: AppServer, browser: Browser, stored: pd.DataFrame
) -> None:
    province = busiest_province(stored)
    expected = stored[stored["province"] == province]
    assert 0 < len(expected) < len(stored)
    page.goto(f"{app.url}claims?province={province}")
    wait_for_table_rows(page, len(expected))
    name, raw = download(page, "dl_filtered")
    assert raw.startswith(BOM), "the CSV has no UTF-8 byte-order mark"
    header, rows = read_csv(raw[len(BOM) :])
    assert tuple(header[: len(SPEC_COLUMNS)]) == SPEC_COLUMNS
    assert province in name, f"the file name {name!r} does not name the filter"
    assert {r["province"] for r in rows} == {province}
    assert spec_rows(rows) == spec_rows(expected.to_dict("records")), "the CSV rows differ from the stored ones"
    assert_offline(browser)


def test_status_widget_filters_the_overview(page: Page, app: AppServer, browser: Browser, stored: pd.DataFrame) -> None:
    counts = stored["status"].value_counts()
    status = str(counts.index[-1])  # the rarer status: the figures must drop
    assert counts[status] < len(stored)
    page.goto(app.url)
    wait_for_charts(page, 2)
    claims_label = t("kf_claims", "fa")
    wait_for_metric(page, claims_label, len(stored))
    page.locator(".st-key-filters_box button").first.click()
    page.locator(".st-key-f_status input").click()
    page.get_by_role("option").filter(has_text=status_label(status, "fa")).first.click()
    page.keyboard.press("Escape")
    wait_for_metric(page, claims_label, int(counts[status]))
    page.wait_for_url(f"**status={status}**", timeout=TIMEOUT_MS)
    chosen = stored[stored["status"] == status]
    wait_for_bars(page, "chart_province", provinces(chosen))
    wait_for_bars(page, "chart_program", chosen["program"].nunique())
    assert_offline(browser)


def test_search_box_narrows_the_table_to_one_article(
    page: Page, app: AppServer, browser: Browser, stored: pd.DataFrame
) -> None:
    # An article's file name (its stem, e.g. «001_4d45…») is searchable and appears in no other row.
    counts = stored["document"].value_counts()
    document = str(min(counts.index, key=lambda d: (counts[d], d)))
    stem = Path(document).stem
    assert (stored["document"] != document).any() and not stored["quote"].str.contains(stem, regex=False).any()
    page.goto(f"{app.url}claims")
    wait_for_table_rows(page, len(stored))
    box = page.locator(".st-key-f_q input")
    box.fill(stem)
    box.press("Enter")
    wait_for_table_rows(page, int(counts[document]))
    page.wait_for_url(f"**q={stem}**", timeout=TIMEOUT_MS)
    assert_offline(browser)


def test_english_link_with_filters_opens_the_same_view(
    page: Page, app: AppServer, browser: Browser, stored: pd.DataFrame
) -> None:
    province = busiest_province(stored)
    statuses = sorted(set(stored["status"]))
    expected = stored[(stored["province"] == province) & stored["status"].isin(statuses[:1])]
    page.goto(f"{app.url}?lang=en&province={province}&status={statuses[0]}")
    wait_for_metric(page, t("kf_claims", "en"), len(expected))
    wait_for_bars(page, "chart_province", 1)
    wait_for_bars(page, "chart_program", expected["program"].nunique())
    assert_offline(browser)


def test_no_page_sends_a_request_off_the_machine(page: Page, app: AppServer, browser: Browser) -> None:
    for path in APP_PAGES:
        page.goto(f"{app.url}{path}")
        page.get_by_test_id("stHeading").first.wait_for(timeout=TIMEOUT_MS)
        wait_for_idle_app(page)
        page.wait_for_timeout(500)  # settling: late assets (fonts, plotly.js) start after the run
    assert any("/_stcore/" in u for u in browser.requests.urls), "no request was logged: the log itself is broken"
    assert_offline(browser)


# --- the first screen, in both languages and at phone width -------------------------------

DESKTOP = {"width": 1440, "height": 900}
PHONE = {"width": 390, "height": 844}

_TOP_JS = "sel => { const e = document.querySelector(sel); return e ? e.getBoundingClientRect().top : null; }"


def open_at(page: Page, url: str, size: dict[str, int], charts: int = 0) -> None:
    """Open ``url`` in a window of ``size`` and wait until the run is over (and ``charts`` charts drew)."""
    page.set_viewport_size(size)
    page.goto(url)
    if charts:
        wait_for_charts(page, charts)
    page.get_by_test_id("stHeading").first.wait_for(timeout=TIMEOUT_MS)
    wait_for_idle_app(page)
    page.wait_for_timeout(300)


@pytest.mark.parametrize("lang", ["fa", "en"])
def test_the_first_chart_and_the_table_are_on_the_first_screen(page: Page, app: AppServer, lang: str) -> None:
    suffix = "?lang=en" if lang == "en" else ""
    open_at(page, f"{app.url}{suffix}", DESKTOP, charts=2)
    chart_top = page.evaluate(_TOP_JS, f".st-key-chart_province {PLOTLY_CHART}")
    assert chart_top is not None and chart_top < 0.6 * DESKTOP["height"], f"the first chart starts at {chart_top}px"
    open_at(page, f"{app.url}claims{suffix}", DESKTOP)
    table_top = page.evaluate(_TOP_JS, '[data-testid="stDataFrame"]')
    assert table_top is not None and table_top < 0.5 * DESKTOP["height"], f"the table starts at {table_top}px"


def test_on_a_phone_the_first_chart_starts_on_the_first_screen(page: Page, app: AppServer) -> None:
    open_at(page, app.url, PHONE, charts=1)
    chart_top = page.evaluate(_TOP_JS, f".st-key-chart_province {PLOTLY_CHART}")
    assert chart_top is not None and chart_top < PHONE["height"], f"the first chart starts at {chart_top}px"


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_key_figures_stay_in_one_row(page: Page, app: AppServer, size: dict[str, int]) -> None:
    open_at(page, app.url, size, charts=1)
    boxes = page.locator(".st-key-key_figures [data-testid='stMetric']").evaluate_all(
        "els => els.map(e => { const r = e.getBoundingClientRect(); return [r.top, r.left, r.right]; })"
    )
    assert len(boxes) == 5
    tops = [top for top, _, _ in boxes]
    assert max(tops) - min(tops) < 4, f"the key figures wrap: tops {tops}"
    assert min(left for _, left, _ in boxes) >= 0 and max(right for _, _, right in boxes) <= size["width"]


@pytest.mark.parametrize(("lang", "first_on_the_right"), [("fa", True), ("en", False)])
def test_the_top_navigation_reads_in_the_languages_direction(
    page: Page, app: AppServer, lang: str, first_on_the_right: bool
) -> None:
    open_at(page, app.url + ("?lang=en" if lang == "en" else ""), DESKTOP)
    lefts = page.locator('[data-testid="stTopNavLink"]').evaluate_all(
        "els => els.map(e => e.getBoundingClientRect().left)"
    )
    assert len(lefts) == 6
    assert (lefts == sorted(lefts, reverse=True)) if first_on_the_right else (lefts == sorted(lefts))


def test_the_persian_table_fits_at_1440_with_the_figure_on_the_right(page: Page, app: AppServer) -> None:
    open_at(page, f"{app.url}claims", DESKTOP)
    page.locator('[data-testid="stDataFrame"] .dvn-scroller').first.wait_for(timeout=TIMEOUT_MS)
    widths = page.evaluate(
        """() => { const s = document.querySelector('[data-testid="stDataFrame"] .dvn-scroller');
                   return s ? [s.scrollWidth, s.clientWidth] : null; }"""
    )
    assert widths is not None
    scroll, client = widths
    assert scroll <= client + 2, f"the table is {scroll}px wide in a {client}px box: the figure column is cut off"


def test_the_jalali_date_box_accepts_a_jalali_date_and_filters(
    page: Page, app: AppServer, browser: Browser, stored: pd.DataFrame
) -> None:
    dates = sorted(set(stored["published"].fillna("")) - {""})
    middle = dates[len(dates) // 2]  # a date that keeps some claims and drops others
    expected = stored[stored["published"].fillna("").ge(middle)]
    assert 0 < len(expected) < len(stored)
    typed = date_text(dt.date.fromisoformat(middle), "fa")  # Jalali with Persian digits, «۱۴۰۲/۰۹/۰۱»
    open_at(page, f"{app.url}claims", DESKTOP)
    page.locator(".st-key-filters_box button").first.click()
    box = page.locator(".st-key-f_date_from_fa input")
    box.fill(typed)
    box.press("Enter")
    page.wait_for_url(f"**date_from={middle}**", timeout=TIMEOUT_MS)
    wait_for_table_rows(page, len(expected))
    assert_offline(browser)


def test_a_sum_over_a_total_and_its_breakdown_is_the_total_alone(
    page: Page, app: AppServer, stored: pd.DataFrame
) -> None:
    ours = stored[stored["document"] == BREAKDOWN_DOCUMENT]
    assert sorted(ours["value"]) == [610, 720, 850, 4380], "the extractor did not give the total and its parts"
    stem = Path(BREAKDOWN_DOCUMENT).stem
    open_at(page, f"{app.url}?lang=en&q={stem}&chart_metric=jobs&how=sum", DESKTOP, charts=2)
    wait_for_bars(page, "chart_province", 1)
    drawn = page.evaluate(
        """() => document.querySelector('.st-key-chart_province .js-plotly-plot').data
                    .filter(trace => trace.name === 'Reported').map(trace => trace.x)"""
    )
    assert drawn == [[4380]]
    subtitle = page.evaluate(
        "() => document.querySelector('.st-key-chart_province .js-plotly-plot').layout.title.subtitle.text"
    )
    assert "3 parts of a total also counted" in subtitle


# --- screenshots of every page, both languages, desktop and phone --------------------------


@pytest.mark.parametrize("lang", ["fa", "en"])
def test_screenshots_of_every_page(page: Page, app: AppServer, lang: str) -> None:
    shots = ARTIFACTS / "screens"
    for size_name, size in (("desktop", DESKTOP), ("phone", PHONE)):
        for path in APP_PAGES:
            sep = "&" if "?" in path else "?"
            url = f"{app.url}{path}" + (f"{sep}lang=en" if lang == "en" else "")
            open_at(page, url, size, charts=1 if path in ("", "?view=time") else 0)
            name = (path.strip("?").replace("=", "-") or "overview").replace("?", "_")
            page.screenshot(path=str(shots / f"{name}_{lang}_{size_name}.png"))
            assert (shots / f"{name}_{lang}_{size_name}.png").stat().st_size > 10_000


def test_one_click_on_an_article_link_opens_it_in_the_same_language(page: Page, app: AppServer) -> None:
    open_at(page, f"{app.url}claims?lang=en", DESKTOP)
    widths = column_config("en")
    before = sum(int(widths[c]["width"]) for c in COLUMNS[: COLUMNS.index("article")])
    grid = page.locator('[data-testid="stDataFrame"]').bounding_box()
    assert grid is not None
    x, y = grid["x"] + before + int(widths["article"]["width"]) / 2, grid["y"] + 35 + 18  # the first row
    page.mouse.move(x, y)
    with page.context.expect_page(timeout=TIMEOUT_MS) as opened:
        page.mouse.click(x, y)
    tab = opened.value
    try:
        assert "/article?article=" in tab.url and "lang=en" in tab.url
    finally:
        tab.close()


def test_an_upload_reports_one_line_per_file_in_persian(page: Page, app: AppServer, tmp_path: Path) -> None:
    # Our own article again (stored already: unchanged) and a zip holding only a picture: nothing changes
    # in the database, so the other tests' expectations hold whatever the order.
    again = tmp_path / BREAKDOWN_DOCUMENT
    again.write_text(OUR_ARTICLES[BREAKDOWN_DOCUMENT], encoding="utf-8")
    bundle = tmp_path / "bundle.zip"
    with zipfile.ZipFile(bundle, "w") as zf:
        zf.writestr("photo.png", b"\x89PNG\r\n")
    open_at(page, f"{app.url}add", DESKTOP)
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files([str(again), str(bundle)])
    page.get_by_text("bundle.zip").first.wait_for(timeout=TIMEOUT_MS)
    page.locator(".st-key-upload_run button").click()
    report = page.locator('[data-testid="stMarkdownContainer"] li')
    report.filter(has_text="bundle.zip").first.wait_for(timeout=TIMEOUT_MS)
    lines = report.all_inner_texts()
    assert any(BREAKDOWN_DOCUMENT in line and "بدون تغییر" in line for line in lines), lines
    assert any("bundle.zip" in line and "ذخیره نشد" in line for line in lines), lines
    assert any("photo.png" in line for line in lines), "the file the zip passed over is not named"


def test_the_reviewers_name_is_kept_for_a_new_tab_of_the_same_browser(
    page: Page, app: AppServer, browser: Browser
) -> None:
    name = "مریم <b>رضایی</b>"  # Persian, and markup that must stay text
    page.goto(f"{app.url}findings")
    box = page.locator(".st-key-f_reviewer input")
    box.fill(name)
    box.press("Enter")
    wait_for_idle_app(page)
    page.wait_for_function("key => localStorage.getItem(key) !== null", arg=review_ui.STORAGE_KEY, timeout=TIMEOUT_MS)
    assert page.evaluate("key => localStorage.getItem(key)", review_ui.STORAGE_KEY) == name
    assert [c["name"] for c in browser.context.cookies() if c["name"] == review_ui.COOKIE] == [review_ui.COOKIE]
    other = browser.new_page()  # a new tab, its URL without ?reviewer=
    try:
        other.goto(f"{app.url}findings?lang=en")
        other.locator(".st-key-f_reviewer input").wait_for(timeout=TIMEOUT_MS)
        other.wait_for_function(
            "v => document.querySelector('.st-key-f_reviewer input').value === v", arg=name, timeout=TIMEOUT_MS
        )
        assert "reviewer=" in other.url  # and in the URL, for a copied link
        assert other.locator("b", has_text="رضایی").count() == 0
    finally:
        other.close()
    # Emptied, the name is forgotten by the browser too.
    box.fill("")
    box.press("Enter")
    wait_for_idle_app(page)
    page.wait_for_function("key => localStorage.getItem(key) === null", arg=review_ui.STORAGE_KEY, timeout=TIMEOUT_MS)
    assert not [c for c in browser.context.cookies() if c["name"] == review_ui.COOKIE]


def test_a_reviewer_confirms_a_finding_rates_a_claim_and_downloads_the_claimreview(
    page: Page, app: AppServer, browser: Browser
) -> None:
    # In Persian: the seeds' one finding (power per day) is confirmed with a note.
    page.goto(f"{app.url}findings?reviewer=%D9%85%D8%B1%DB%8C%D9%85")
    page.locator(".st-key-finding_note_0 input").fill("یکای توان به‌جای انرژی")
    page.locator(".st-key-finding_note_0 input").press("Enter")
    wait_for_idle_app(page)
    confirm = page.locator(".st-key-finding_confirmed_0 button")
    for attempt in range(5):  # a rerun briefly shows the old button beside the new, even after it settled once
        expect(confirm).to_have_count(1, timeout=TIMEOUT_MS)
        try:
            confirm.click(timeout=TIMEOUT_MS)
            break
        except PlaywrightError:
            if attempt == 4:
                raise
            wait_for_idle_app(page)
    page.get_by_text(t("state_confirmed", "fa")).first.wait_for(timeout=TIMEOUT_MS)
    # In English: the first claim offered is rated misleading with its evidence.
    page.goto(f"{app.url}claims?lang=en&reviewer=Maryam")
    page.locator(".st-key-rate_box summary").wait_for(timeout=TIMEOUT_MS)
    wait_for_idle_app(page)
    page.locator(".st-key-rate_box summary").click()
    choose_option(page, "rate_verdict", t("verdict_misleading", "en"))
    page.locator(".st-key-rate_url input").fill("https://example.org/evidence")
    page.locator(".st-key-rate_url input").press("Enter")
    wait_for_idle_app(page)
    page.locator(".st-key-rate_save button").click()
    page.get_by_text(t("rate_saved", "en")).wait_for(timeout=TIMEOUT_MS)
    # The reviewing organisation, set once, then the ClaimReview file.
    page.goto(f"{app.url}findings?lang=en")
    page.locator(".st-key-review_org_name input").fill("Statistics Watch")
    page.locator(".st-key-review_org_url input").fill("https://example.org")
    page.get_by_role("button", name=t("review_org_save", "en")).click()
    for _ in range(5):  # the download button of a run that began before the save holds no reviews yet
        wait_for_idle_app(page)
        name, data = download(page, "dl_claimreview")
        reviews = json.loads(data.decode("utf-8"))
        if reviews:
            break
        page.wait_for_timeout(500)
    assert name == "claimreview.jsonld"
    assert [r["reviewRating"]["name"] for r in reviews] == ["Misleading"]
    assert reviews[0]["url"] == "https://example.org/evidence"
    assert reviews[0]["author"] == {"@type": "Organization", "name": "Statistics Watch", "url": "https://example.org"}
    assert_offline(browser)


def test_a_reference_table_uploaded_twice_is_stored_as_two_versions(
    page: Page, app: AppServer, browser: Browser, database: Path, tmp_path: Path
) -> None:
    rows = "province,metric,period,value,unit,source,url\nقزوین,شغل,۱۴۰۱,{n},count,مرکز آمار,https://amar.org.ir\n"
    page.goto(f"{app.url}findings?lang=en")
    page.locator(".st-key-references_box summary").wait_for(timeout=TIMEOUT_MS)
    wait_for_idle_app(page)
    page.locator(".st-key-references_box summary").click()
    for n, version in ((4000, 1), (41000, 2)):
        table = tmp_path / f"v{version}" / "amar_jobs.csv"
        table.parent.mkdir()
        table.write_text(rows.format(n=n), encoding="utf-8")
        size = page.locator(".st-key-reference_upload").get_by_text(f"{table.stat().st_size:.1f}B")
        for _ in range(5):  # the uploader takes a new file only once it has settled from the last one
            wait_for_idle_app(page)
            page.locator(".st-key-reference_upload input[type=file]").set_input_files(str(table))
            try:
                size.wait_for(timeout=5_000)
                break
            except PlaywrightTimeout:
                continue
        wait_for_idle_app(page)
        page.locator(".st-key-reference_save button").click()
        saved = t("references_saved", "en", name="amar_jobs.csv", version=str(version))
        page.get_by_text(saved).wait_for(timeout=TIMEOUT_MS)
    page.get_by_test_id("stDataFrame").last.wait_for(timeout=TIMEOUT_MS)
    with closing(store.connect(database)) as conn:
        from dashboard.store.references import current_references, versions_frame

        assert versions_frame(conn)[["version", "current"]].values.tolist() == [[1, False], [2, True]]
        assert current_references(conn)["value"].tolist() == [41000.0]
    assert_offline(browser)

"""Pieces every page shares: the language switch, right-to-left styling, the caveat line.

The language lives in the URL (``?lang=en``; Persian when absent) like the filters.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import streamlit as st

from dashboard.app import queries, urlstate
from dashboard.lang.formatting import to_persian_digits
from dashboard.lang.i18n import DEFAULT_LANG, norm_lang, t
from dashboard.present import downloads
from dashboard.store.claim_filter import FilterState

LANG_KEY = "ui_lang"

# Right to left for Persian; charts and tables keep left-to-right (plotly and the grid do not mirror).
RTL_CSS = """
<style>
[data-testid="stMain"], [data-testid="stSidebar"] { direction: rtl; }
[data-testid="stMarkdownContainer"], [data-testid="stWidgetLabel"], [data-testid="stHeading"],
[data-testid="stCaptionContainer"], [data-testid="stMetric"], [data-testid="stAlert"] {
  direction: rtl; text-align: right;
}
[data-testid="stPlotlyChart"], [data-testid="stDataFrame"], [data-testid="stDataFrameResizable"],
[data-testid="stTable"], [data-testid="stCode"] { direction: ltr; }
/* The top navigation reads right to left: the first page on the right. */
[data-testid="stToolbar"], [data-testid="stTopNav"] { direction: rtl; }
[data-testid="stPopoverBody"] { direction: rtl; }
</style>
"""
COMMON_CSS = """
<style>
/* The first screen: a slim header, so the filters, key figures and the first chart fit above the fold. */
[data-testid="stMainBlockContainer"] { padding-top: 3.75rem; padding-bottom: 2rem; }
[data-testid="stHeading"] h1 { font-size: 1.55rem; padding: .25rem 0 0 0; }
.st-key-key_figures [data-testid="stMetricValue"] { font-size: 1.45rem; }
.st-key-key_figures [data-testid="stMetric"] { padding: 0; }
.st-key-cal_box [data-testid="stHorizontalBlock"] { flex-wrap: nowrap; gap: .15rem; }
.st-key-cal_box [data-testid="stColumn"] { min-width: 0 !important; flex: 1 1 0 !important; }
.st-key-cal_box [data-testid="stColumn"] { align-items: center; text-align: center; }
.st-key-cal_box [data-testid="stColumn"] button { padding: .1rem .35rem; min-height: 1.9rem; }
.st-key-cal_box [data-testid="stElementContainer"] { margin-bottom: -.4rem; }
@media (max-width: 640px) {
  [data-testid="stMainBlockContainer"] { padding-left: .75rem; padding-right: .75rem; }
  [data-testid="stHeading"] h1 { font-size: 1.2rem; }
  .st-key-key_figures { gap: .6rem !important; }
  .st-key-key_figures [data-testid="stMetricValue"] { font-size: .95rem; }
  .st-key-key_figures [data-testid="stMetricLabel"] p { font-size: .72rem; }
}
mark.claim { background: #ffe08a; color: inherit; padding: 0 .15em; border-radius: .2em; }
.article-text { line-height: 2.1; font-size: 1.05rem; white-space: normal; }
.article-text[dir="rtl"] { text-align: justify; }
.caveat { color: #8a5a00; font-size: .9rem; }
</style>
"""


_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


CSV_ICON, README_ICON = ":material/download:", ":material/description:"


def download(
    container: Any,
    label: str,
    data: str | bytes | Callable[[], str | bytes],
    file_name: str,
    key: str,
    *,
    csv: bool = True,
) -> None:
    """A download button for a CSV (or, with ``csv=False``, a README as plain text); ``data`` may be a function,
    so a large file is built only when clicked. Clicking leaves the page as it is."""
    mime, icon = ("text/csv", CSV_ICON) if csv else ("text/plain", README_ICON)
    container.download_button(label, data=data, file_name=file_name, mime=mime, on_click="ignore", key=key, icon=icon)


def full_table_download(container: Any, state: Any, today: Any, language: str, key: str) -> None:
    """The button for every stored claim as CSV with its provenance and verdicts (the claims and the about
    pages), written from the database a chunk at a time, only when clicked."""
    download(
        container,
        t("download_full", language),
        lambda: queries.csv_download(FilterState()),
        downloads.export_filename(state, today, full=True),
        key,
    )


def md(text: object) -> str:
    r"""Stored text made inert for Streamlit's Markdown: ``**``, links, headings and HTML show as typed.

    >>> print(md("**۵** [x](y)"))
    \*\*۵\*\* \[x\]\(y\)
    """
    return _MARKDOWN_SPECIALS.sub(r"\\\1", "" if text is None else str(text))


def lang() -> str:
    """The interface language of this run: ``"fa"`` (default) or ``"en"``."""
    return norm_lang(st.session_state.get(LANG_KEY, DEFAULT_LANG))


def language_switch() -> str:
    """Draw the language toggle (on = English) and return the language; kept in the URL as ``lang``."""
    current = norm_lang(urlstate.current("lang", DEFAULT_LANG))
    key = urlstate.widget_key("lang")
    if key not in st.session_state:
        st.session_state[key] = current == "en"
    english = st.toggle("English", key=key, help="نمایش به انگلیسی / Show in English")
    chosen = "en" if english else "fa"
    urlstate.remember("lang", chosen)
    st.session_state[LANG_KEY] = chosen
    return chosen


def _css_text(text: str) -> str:
    """``text`` as a quoted CSS string."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def widget_texts_css(language: str) -> str:
    """Streamlit's own widget texts in Persian («Select all» in a multiselect's list); '' in English."""
    if norm_lang(language) != "fa":
        return ""
    return (
        "<style>"
        '[data-key="__select_all__"] [data-item-hl] { font-size: 0; }'
        f'[data-key="__select_all__"] [data-item-hl]::after {{ content: {_css_text(t("select_all", language))};'
        " font-size: .95rem; }"
        "</style>"
    )


def uploader_texts_css(language: str, mb: int) -> str:
    """The file uploader's button and limit line in Persian; '' in English."""
    if norm_lang(language) != "fa":
        return ""
    limit = t("upload_limit", language, mb=to_persian_digits(str(mb)))
    return (
        "<style>"
        '[data-testid="stFileUploaderDropzone"] button p { font-size: 0; }'
        '[data-testid="stFileUploaderDropzone"] button p::after {'
        f" content: {_css_text(t('upload_button', language))}; font-size: .95rem; }}"
        '[data-testid="stFileUploaderDropzoneInstructions"] span { font-size: 0; }'
        f'[data-testid="stFileUploaderDropzoneInstructions"] span::after {{ content: {_css_text(limit)};'
        " font-size: .85rem; }"
        "</style>"
    )


def styles(language: str) -> None:
    """Inject the page styles: right to left and Streamlit's own texts in Persian."""
    st.html(COMMON_CSS + (RTL_CSS if norm_lang(language) == "fa" else "") + widget_texts_css(language))


def caveat(language: str) -> None:
    """The line every page carries: these are claims as reported, not verified facts."""
    st.caption(f"⚠️ {t('disclaimer', language)}")

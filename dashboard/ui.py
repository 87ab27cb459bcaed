"""Pieces every page shares: the language switch, right-to-left styling, the caveat line.

The language lives in the URL (``?lang=en``; Persian when absent) like the filters.
"""

from __future__ import annotations

import re

import streamlit as st

from dashboard import urlstate
from dashboard.i18n import DEFAULT_LANG, norm_lang, t

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
</style>
"""
COMMON_CSS = """
<style>
mark.claim { background: #ffe08a; color: inherit; padding: 0 .15em; border-radius: .2em; }
.article-text { line-height: 2.1; font-size: 1.05rem; white-space: normal; }
.article-text[dir="rtl"] { text-align: justify; }
.caveat { color: #8a5a00; font-size: .9rem; }
</style>
"""


_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


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


def styles(language: str) -> None:
    """Inject the page styles: right to left for Persian."""
    st.html(COMMON_CSS + (RTL_CSS if norm_lang(language) == "fa" else ""))


def caveat(language: str) -> None:
    """The line every page carries: these are claims as reported, not verified facts."""
    st.caption(f"⚠️ {t('disclaimer', language)}")

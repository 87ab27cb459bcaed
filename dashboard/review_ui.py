"""Widgets the review pages share: the reviewer's name, kept while the browser tab is open and in the URL."""

from __future__ import annotations

import streamlit as st

from dashboard import urlstate
from dashboard.i18n import t


def reviewer_name(lang: str) -> str:
    """The reviewer's name, typed once where a decision is recorded and kept on every page while the tab
    is open (in the URL too). It sits beside the review controls, not in a sidebar that would narrow
    the page's tables."""
    key = urlstate.prepare("reviewer", "")
    name = st.text_input(t("reviewer_name", lang), key=key, max_chars=80)
    return str(urlstate.remember("reviewer", name) or "").strip()

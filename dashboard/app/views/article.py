"""Article: one article's text with every extracted figure highlighted, and the list of those figures.

The article is chosen by ``?article=KEY`` in the URL, its unique key (its path in the folder
ingested; the claims table links here). An older ``?document=NAME`` link still works when one
article has that base name; when several do, the page offers each of them.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.app import queries, ui, urlstate
from dashboard.app.ui import md
from dashboard.lang.formatting import format_value, jalali_date, localize
from dashboard.lang.i18n import t, value_label
from dashboard.present.highlight import claim_spans, find_mention_spans, highlight_text


def claims_list(claims, lang: str) -> None:
    """The article's figures as a small table: readable value, metric, program, province, status, mention."""
    rows = [
        {
            t("col_shown", lang): format_value(r.value, r.unit, lang),
            t("col_metric", lang): value_label("metric", r.metric, lang),
            t("col_program", lang): value_label("program", r.program, lang),
            t("col_province", lang): value_label("province", r.province, lang),
            t("col_status", lang): value_label("status", r.status, lang),
            t("col_mention", lang): r.mention,
        }
        for r in claims.itertuples(index=False)
    ]
    st.dataframe(rows, hide_index=True, key="article_claims")


def _ambiguous_pick() -> None:
    """Take the article picked among those sharing a base name."""
    urlstate.set_value("article", st.session_state["article_same_name"])


def choose_article(arts: pd.DataFrame, lang: str) -> str:
    """The key of the article to show: ``?article=KEY`` (unique), else ``?document=NAME`` when one
    article has that base name; when several do, the reader picks one of them. A selectbox of all."""
    keys = arts["key"].tolist()
    titles = dict(zip(arts["key"], arts["title"], strict=True))
    wanted_key = urlstate.current("article")
    wanted_doc = urlstate.current("document")
    named = arts.loc[arts["document"] == wanted_doc, "key"].tolist() if wanted_doc else []
    default = wanted_key if wanted_key in titles else (named[0] if named else keys[0])
    widget = urlstate.prepare("article", default, valid=lambda k: k if k in titles else default)

    def label(k: str) -> str:
        return f"{titles.get(k)} — {k}" if titles.get(k) else k

    if wanted_key and wanted_key not in titles:
        st.warning(t("article_missing", lang, doc=md(wanted_key)))
    elif wanted_doc and not named and wanted_key not in titles:
        st.warning(t("article_missing", lang, doc=md(wanted_doc)))
    elif len(named) > 1 and st.session_state[widget] in named:
        # An old ``?document=`` link to a name that several folders hold: say so and offer each.
        st.info(t("article_ambiguous", lang, doc=md(wanted_doc), n=localize(str(len(named)), lang)))
        st.radio(
            t("pick_article", lang),
            named,
            index=named.index(st.session_state[widget]),
            format_func=label,
            key="article_same_name",
            on_change=_ambiguous_pick,
        )
    key = str(st.selectbox(t("pick_article", lang), keys, key=widget, format_func=label))
    urlstate.remember("article", key)
    if key not in named:  # another article was chosen: the old name no longer applies
        st.session_state.pop("qp_document", None)
    return key


def main() -> None:
    lang = ui.lang()
    arts = queries.articles()
    if arts.empty:
        st.info(t("empty_db", lang))
        return
    key = choose_article(arts, lang)
    record = queries.article_by_key(key) or {}
    document = str(record.get("document") or key)
    article_id = record.get("article_id")
    claims = queries.article_claims(int(article_id)) if article_id is not None else queries.article_claims(-1)
    st.subheader(md(record.get("title") or document), anchor=False)
    date = jalali_date(record.get("published"), lang)
    gregorian = localize(record.get("published") or "", lang) if date else ""
    dates = (date, gregorian) if lang == "fa" else (gregorian, date)  # the reader's calendar first
    # Each part isolated (U+2068…U+2069) so a Persian outlet does not reorder an ISO date next to it.
    meta = t("list_sep", lang).join(
        f"\u2068{part}\u2069" for part in (record.get("source") or "", *dates, record.get("speaker") or "") if part
    )
    if meta:  # a mark of the reader's direction first: every part is isolated, so none sets it
        st.caption(("\u200e" if lang == "en" else "\u200f") + md(meta))
    url = record.get("url") or ""
    if url.startswith(("http://", "https://")):
        st.link_button(t("article_source", lang), url, icon=":material/open_in_new:")

    st.markdown(f"**{t('article_claims', lang)}**")
    if claims.empty:
        st.caption(t("no_data", lang))
    else:
        claims_list(claims, lang)

    st.markdown(f"**{t('article_text', lang)}**")
    text = record.get("text") or ""
    if not text:
        st.caption(t("article_no_text", lang))
        return
    spans = claim_spans(
        claims, lambda r: f"{value_label('metric', r.metric, lang)}: {format_value(r.value, r.unit, lang)}"
    )
    if not spans and not claims.empty:
        spans = find_mention_spans(text, claims["mention"].tolist())
    with st.container(border=True, key="article_body"):
        st.html(highlight_text(text, spans))


main()

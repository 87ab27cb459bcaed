"""Article: one article's text with every extracted figure highlighted, and the list of those figures.

The article is chosen by ``?document=NAME`` in the URL (the claims table links here).
"""

from __future__ import annotations

import streamlit as st

from dashboard import queries, ui, urlstate
from dashboard.formatting import format_value, jalali_date, localize
from dashboard.highlight import claim_spans, find_mention_spans, highlight_text
from dashboard.i18n import t, value_label
from dashboard.ui import md


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


def main() -> None:
    lang = ui.lang()
    arts = queries.articles()
    if arts.empty:
        st.info(t("empty_db", lang))
        return
    documents = arts["document"].tolist()
    titles = dict(zip(arts["document"], arts["title"], strict=True))
    wanted = urlstate.current("document")
    missing = bool(wanted) and wanted not in titles
    key = urlstate.prepare("document", documents[0], valid=lambda d: d if d in titles else documents[0])
    document = st.selectbox(
        t("pick_article", lang),
        documents,
        key=key,
        format_func=lambda d: f"{titles.get(d) or d} — {d}" if titles.get(d) else d,
    )
    urlstate.remember("document", document)
    if missing:
        st.warning(t("article_missing", lang, doc=md(wanted)))

    record = queries.article(document) or {}
    claims = queries.claims()
    claims = claims[claims["document"] == document]
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

"""Findings and history: inconsistencies found in the claims, and every appearance of one figure over time."""

from __future__ import annotations

from contextlib import closing
from dataclasses import replace
from functools import partial
from urllib.parse import quote

import pandas as pd
import streamlit as st

from dashboard.app import queries, review_ui, ui, urlstate
from dashboard.app.filtered_claims import filtered_claims
from dashboard.app.ui import md
from dashboard.checks.consistency import find_issues
from dashboard.checks.history import claim_history, series
from dashboard.lang.errors import UserError
from dashboard.lang.formatting import format_value, isolate_iso_dates, jalali_date, localize
from dashboard.lang.i18n import t, value_label
from dashboard.present import charts
from dashboard.store.claim_filter import NOT_RATED, FilterState
from dashboard.store.references import current_references
from dashboard.store.reviews import VERDICTS

PLOTLY_CONFIG = {"displaylogo": False}
RATED = FilterState(verdict=tuple(v for v in VERDICTS if v != NOT_RATED))  # the claims a ClaimReview file holds
MAX_FINDINGS = 200
# Checking and grouping claims costs time per row: above these sizes the page asks for narrower filters.
ISSUES_MAX_ROWS = 5_000
HISTORY_MAX_ROWS = 2_000


def _as_list(value: object, seps: str) -> list[str]:
    """A cell that holds a list, or text joined by one of ``seps`` (documents by ``;``, quotes by lines)."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return []
    if isinstance(value, list | tuple | set):
        return [str(v) for v in value]
    text = str(value)
    for sep in seps:
        if sep in text:
            return [p.strip() for p in text.split(sep) if p.strip()]
    return [text] if text.strip() else []


@st.cache_data(show_spinner=False, max_entries=16)
def _issues(path: str, version: int, state: FilterState) -> pd.DataFrame:
    with closing(queries.open_db(path)) as conn:
        references = current_references(conn)
    return find_issues(queries.filtered(state, path), references=references)


@st.cache_data(show_spinner=False, max_entries=16)
def _history(path: str, version: int, state: FilterState) -> pd.DataFrame:
    return claim_history(queries.filtered(state, path))


STATES = ("new", "confirmed", "dismissed")


def _decisions(path: str, issues: pd.DataFrame) -> pd.DataFrame:
    from dashboard.store import reviews

    with closing(queries.open_db(path)) as conn:
        return reviews.with_decisions(conn, issues)


def _decide(path: str, row: dict, decision: str, note_key: str, reviewer: str) -> None:
    from dashboard.store import reviews

    try:
        with closing(queries.write_db(path, ui.lang())) as conn:
            reviews.decide(conn, row, decision, note=str(st.session_state.get(note_key, "") or ""), reviewer=reviewer)
    except UserError as exc:
        st.session_state["decide_message"] = str(exc)
        return
    st.session_state[note_key] = ""  # the list changes: the box at this place may hold another finding next


def _state_filter(lang: str) -> list[str]:
    key = urlstate.prepare("f_state", ["new", "confirmed"], valid=lambda v: [x for x in (v or []) if x in STATES])
    chosen = st.multiselect(
        t("f_state", lang), list(STATES), key=key, format_func=lambda k: value_label("state", k, lang)
    )
    return list(urlstate.remember("f_state", chosen, default=["new", "confirmed"]))


def _review_box(path: str, data: dict, i: int, reviewer: str, lang: str, locked: bool = False) -> None:
    """The finding's review state and the buttons that change it (with a note); ``locked``: disabled."""
    state = str(data.get("state") or "new")
    if state != "new":
        st.caption(
            t(
                "decided",
                lang,
                state=value_label("state", state, lang),
                by=data.get("decided_by") or "—",
                at=data.get("decided_at") or "",
                note=data.get("decision_note") or "",
            )
        )
    note_key = f"finding_note_{i}"
    st.text_input(t("decision_note", lang), key=note_key)
    cols = st.columns(3)
    choices = [("confirmed", "decision_confirm"), ("dismissed", "decision_dismiss"), ("new", "decision_reopen")]
    for col, (decision, label) in zip(cols, choices, strict=True):
        if decision == state:
            continue
        col.button(
            t(label, lang),
            key=f"finding_{decision}_{i}",
            disabled=not reviewer or locked,  # a read-only database takes no decision
            on_click=_decide,
            args=(path, data, decision, note_key, reviewer),
        )


def show_findings(path: str, version: int, state: FilterState, n_rows: int, lang: str) -> None:
    """Each finding: its kind, the explanation with its arithmetic, why the figures compare, the quotes,
    links to the articles, and its review (confirm or dismiss with a note), filtered by review state."""
    if n_rows > ISSUES_MAX_ROWS:
        st.info(t("too_many_rows", lang, n=localize(f"{n_rows:,}", lang), limit=localize(f"{ISSUES_MAX_ROWS:,}", lang)))
        return
    issues = _issues(path, version, state)
    st.caption(t("findings_intro", lang))
    reviewer = review_ui.reviewer_name(lang)
    locked = queries.read_only(path)
    refused = st.session_state.pop("decide_message", None)
    if refused:
        st.error(refused)
    if not reviewer:
        st.caption(t("reviewer_needed", lang))
    states = _state_filter(lang)
    if issues is None or issues.empty:
        st.success(t("findings_none", lang))
        return
    issues = _decisions(path, issues)
    issues = issues[issues["state"].isin(states)].reset_index(drop=True)
    st.markdown(f"**{t('findings_count', lang, n=localize(str(len(issues)), lang))}**")
    if issues.empty:
        return
    message_col = "message_fa" if lang == "fa" and "message_fa" in issues else "message_en"
    if message_col not in issues:
        message_col = "message"
    basis_col = "basis_fa" if lang == "fa" else "basis_en"
    for i, data in enumerate(issues.head(MAX_FINDINGS).to_dict(orient="records")):
        where = " · ".join(
            value_label(col, str(data.get(col) or ""), lang)
            for col in ("province", "program", "metric")
            if data.get(col)
        )
        with st.container(border=True, key=f"finding_{i}"):
            kind = str(data.get("kind", ""))
            label = t(f"kind_{kind}", lang) if t(f"kind_{kind}", lang) != f"kind_{kind}" else kind
            badge = value_label("state", str(data.get("state") or "new"), lang)
            st.markdown(f"**{md(label)}** — {md(where)} · _{md(badge)}_")
            st.text(isolate_iso_dates(str(data.get(message_col) or data.get("message") or ""), lang))
            if data.get(basis_col):
                st.markdown(f"_{md(str(data[basis_col]))}_")
            for q in _as_list(data.get("quotes"), "\n"):
                st.caption(f"«{md(q)}»")
            docs = _as_list(data.get("documents"), ";")
            if docs:
                # U+2066…U+2069 keep a file name left to right inside Persian text.
                links = "  ".join(f"[\u2066{md(d)}\u2069](./article?document={quote(d, safe='')})" for d in docs[:10])
                st.markdown(f"{t('finding_documents', lang)}: {links}")
            _review_box(path, data, i, reviewer, lang, locked)
    if len(issues) > MAX_FINDINGS:
        st.caption(
            t("table_capped", lang, shown=localize(str(MAX_FINDINGS), lang), total=localize(str(len(issues)), lang))
        )


def show_references(path: str, lang: str) -> None:
    """Upload an official reference table (CSV); list the stored tables and their versions."""
    from dashboard.store.references import save_reference, versions_frame

    with st.expander(t("references", lang), expanded=False, key="references_box"):
        st.caption(t("references_intro", lang))
        upload = st.file_uploader(t("references_upload", lang), type=["csv"], key="reference_upload")
        if upload is not None and st.button(t("references_save", lang), key="reference_save"):
            try:
                with closing(queries.write_db(path, lang)) as conn:
                    number, stored = save_reference(conn, upload.name, upload.getvalue())
                st.success(
                    t(
                        "references_saved" if stored else "references_unchanged",
                        lang,
                        name=upload.name,
                        version=localize(str(number), lang),
                    )
                )
            except UserError as exc:
                st.error(str(exc))
        with closing(queries.open_db(path)) as conn:
            versions = versions_frame(conn)
        if not versions.empty:
            st.dataframe(
                pd.DataFrame(
                    {
                        t("references_name", lang): versions["name"],
                        t("references_version", lang): versions["version"],
                        t("references_rows", lang): versions["n_rows"],
                        t("references_uploaded", lang): versions["uploaded_at"],
                        t("references_current", lang): versions["current"],
                    }
                ),
                hide_index=True,
                key="reference_versions",
            )


def show_claimreview(path: str, lang: str) -> None:
    """The reviewing organisation (set once, stored) and the download of every rated claim as ClaimReview."""
    from dashboard.present.claimreview import claimreview_bytes
    from dashboard.store import reviews

    with closing(queries.open_db(path)) as conn:
        org = reviews.setting(conn, reviews.REVIEWER_ORG)
        org_url = reviews.setting(conn, reviews.REVIEWER_URL)
    with st.expander(t("review_org", lang), expanded=not org):
        with st.form("review_org_form", border=False):
            name = st.text_input(t("review_org", lang), value=org, key="review_org_name")
            url = st.text_input(t("review_org_url", lang), value=org_url, key="review_org_url")
            if st.form_submit_button(t("review_org_save", lang)):
                try:
                    with closing(queries.write_db(path, lang)) as conn:
                        reviews.set_setting(conn, reviews.REVIEWER_ORG, name)
                        reviews.set_setting(conn, reviews.REVIEWER_URL, url)
                    org, org_url = name.strip(), url.strip()
                except UserError as exc:
                    st.error(str(exc))
    if not org:
        st.caption(t("claimreview_needs_org", lang))
        return
    st.download_button(
        t("download_claimreview", lang),
        data=lambda: claimreview_bytes(queries.filtered(RATED, path), org, org_url),
        file_name="claimreview.jsonld",
        mime="application/ld+json",
        on_click="ignore",
        key="dl_claimreview",
        icon=":material/fact_check:",
    )


def _known_or(value: str, options: list[str], default: str) -> str:
    """``value`` when it is one of ``options`` (a remembered pick still offered), else ``default``."""
    return value if value in options else default


def show_history(n_rows: int, path: str, version: int, state: FilterState, lang: str) -> None:
    """Pick a province, program and metric; chart every appearance; list the most repeated claims.

    The picks come from counts the database makes, and only the chosen figure's claims are read; the table
    of repeated claims compares every kept claim, so it waits for filters that keep at most
    ``HISTORY_MAX_ROWS``."""
    st.subheader(t("history", lang), anchor=False)
    st.caption(t("history_intro", lang))
    hist = _history(path, version, state) if n_rows <= HISTORY_MAX_ROWS else None
    # Default to the figure with the most dated appearances (a history needs dates), then the most claims.
    combos = queries.figure_groups(state, path)
    if combos.empty:
        st.caption(t("no_data", lang))
        return
    top = combos.iloc[0]
    picks: dict[str, str] = {}
    cols = st.columns(3)
    for col, name in zip(cols, ("province", "program", "metric"), strict=True):
        options = sorted(combos[name].unique().tolist())
        default = str(top[name])
        key = urlstate.prepare(f"h_{name}", default, valid=partial(_known_or, options=options, default=default))
        with col:
            picks[name] = urlstate.remember(
                f"h_{name}",
                st.selectbox(t(f"f_{name}", lang), options, key=key, format_func=partial(value_label, name, lang=lang)),
                default=default,
            )
    one_figure = replace(state, province=(picks["province"],), program=(picks["program"],), metric=(picks["metric"],))
    chosen = queries.filtered(one_figure, path)
    rows = series(chosen, picks["province"], picks["program"], picks["metric"])
    st.plotly_chart(
        charts.history_chart(rows, picks["metric"], picks["province"], picks["program"], lang),
        config=PLOTLY_CONFIG,
        key="chart_history",
    )
    if not rows.empty:
        unit = rows["unit"].astype(str)
        st.dataframe(
            pd.DataFrame(
                {
                    t("col_jalali", lang): [jalali_date(v, lang) for v in rows["published"]],
                    t("col_shown", lang): [format_value(v, u, lang) for v, u in zip(rows["value"], unit, strict=True)],
                    t("col_source", lang): rows["source"].tolist(),
                    t("col_status", lang): [value_label("status", str(v), lang) for v in rows["status"]],
                    t("col_quote", lang): rows["quote"].tolist(),
                    t("col_article", lang): [f"./article?document={quote(str(d), safe='')}" for d in rows["document"]],
                }
            ),
            hide_index=True,
            key="history_series",
            column_config={
                t("col_article", lang): st.column_config.LinkColumn(
                    t("col_article", lang), display_text=t("open_link", lang)
                )
            },
        )
    if hist is None:
        limit = localize(f"{HISTORY_MAX_ROWS:,}", lang)
        st.caption(t("too_many_rows", lang, n=localize(f"{n_rows:,}", lang), limit=limit))
    elif not hist.empty:
        st.markdown(f"**{t('history_table', lang)}**")
        repeated = hist[hist["appearances"] > 1] if (hist["appearances"] > 1).any() else hist
        shown = repeated.sort_values("appearances", ascending=False, kind="stable").head(100)
        table = pd.DataFrame(
            {
                t("col_province", lang): [value_label("province", str(v), lang) for v in shown.get("province", [])],
                t("col_program", lang): [value_label("program", str(v), lang) for v in shown.get("program", [])],
                t("col_metric", lang): [value_label("metric", str(v), lang) for v in shown.get("metric", [])],
                t("col_shown", lang): [
                    format_value(v, str(u), lang) for v, u in zip(shown["value"], shown["unit"], strict=True)
                ],
                t("first_published", lang): [jalali_date(v, lang) for v in shown.get("first_published", [])],
                t("appearances", lang): shown.get("appearances", pd.Series(dtype=int)).tolist(),
            }
        )
        st.dataframe(table, hide_index=True, key="history_table")


def main() -> None:
    lang = ui.lang()
    path = queries.db_path()
    version = queries.version(path)
    found = filtered_claims(lang, path)
    if found is None:
        return
    state, n_rows = found.state, int(found.figures["claims"])
    show_findings(path, version, state, n_rows, lang)
    show_references(path, lang)
    show_claimreview(path, lang)
    show_history(n_rows, path, version, state, lang)


main()

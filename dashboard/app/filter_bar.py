"""The filter bar every filtered page opens with: one compact row, the active filters as removable chips.

The row holds a «فیلترها» button that opens the filters (provinces, programmes, metrics, status,
outlets, speakers, dates) and the free-text search; under it, each active filter is a chip whose
click removes it. Option counts follow the other active filters (faceted counts). Dates are Jalali
in Persian (typed «۱۴۰۲/۰۹/۰۱» or picked on a calendar whose weeks start on شنبه) and Gregorian
in English. Everything is kept in the URL (see :mod:`dashboard.app.urlstate`); the filtering itself
is pure (:mod:`dashboard.present.filters`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from functools import partial

import jdatetime
import streamlit as st

from dashboard.app import urlstate
from dashboard.lang.formatting import jalali_month_label, jalali_span, localize, ltr
from dashboard.lang.i18n import LANGS, column_label, t, t_list, value_label
from dashboard.present.filters import (
    DATE_MAX,
    DATE_MIN,
    LIST_FILTERS,
    FilterState,
    date_text,
    month_grid,
    option_text,
    typed_date,
)

DATES = ("date_from", "date_to")
ALL_NAMES = (*LIST_FILTERS, "q", *DATES)
Counts = dict[str, dict[str, int]]


def _date_key(name: str, lang: str) -> str:
    """The date box's widget key: one per language, since Persian types Jalali and English Gregorian."""
    return f"{urlstate.widget_key(name)}_{lang}"


def _known_options(options: list[str], remembered: Iterable[str] | None) -> list[str]:
    """The remembered choices that are still options (a choice may vanish with the data)."""
    return [x for x in (remembered or []) if x in options]


def _option_with_count(name: str, counts: dict[str, int], lang: str, key: str) -> str:
    """An option of filter ``name`` with its number of claims, for a multiselect's ``format_func``."""
    return option_text(name, key, counts.get(key, 0), lang)


def _in_range(value: object) -> dt.date | None:
    return value if isinstance(value, dt.date) and DATE_MIN <= value <= DATE_MAX else None


def pending_state(options: Counts, lang: str) -> FilterState:
    """The choice this run will show, read before the widgets are drawn (to count the options with it)."""
    state = st.session_state
    values: dict[str, object] = {}
    for name in LIST_FILTERS:
        chosen = state.get(urlstate.widget_key(name), urlstate.current(name, [])) or []
        values[name] = tuple(v for v in chosen if v in options.get(name, {}))
    values["text"] = str(state.get(urlstate.widget_key("q"), urlstate.current("q", "")) or "")
    for name in DATES:
        key = _date_key(name, lang)
        if key in state:
            raw = state[key]
            values[name] = _in_range(raw if isinstance(raw, dt.date) else typed_date(str(raw or "")))
        else:
            values[name] = _in_range(urlstate.current(name))
    return FilterState(**values)  # type: ignore[arg-type]


def _remove(name: str, value: str | None = None) -> None:
    """Chip callback: drop ``value`` from a list filter, or clear a text or date filter."""
    if name in LIST_FILTERS:
        kept = [v for v in (urlstate.current(name, []) or []) if v != value]
        urlstate.set_value(name, kept)
    elif name == "q":
        urlstate.set_value(name, "")
    else:
        urlstate.forget([name])
        for lang in LANGS:
            st.session_state.pop(_date_key(name, lang), None)


def _clear_all() -> None:
    urlstate.forget(ALL_NAMES)
    for name in DATES:
        for lang in LANGS:
            st.session_state.pop(_date_key(name, lang), None)


def chips(state: FilterState, lang: str) -> None:
    """One removable chip per active filter value («استان: قزوین ✕»), then «clear all» when several."""
    items: list[tuple[str, str | None, str]] = []
    for name in LIST_FILTERS:
        for value in getattr(state, name):
            items.append((name, value, f"{column_label(name, lang)}: {value_label(name, value, lang)}"))
    if state.text.strip():
        items.append(("q", None, f"{t('f_text', lang)}: «{state.text.strip()}»"))
    for name in DATES:
        day = getattr(state, name)
        if day:
            items.append((name, None, f"{t('f_' + name, lang)}: {date_text(day, lang)}"))
    if not items:
        return
    with st.container(horizontal=True, gap="small", key="filter_chips"):
        for i, (name, value, label) in enumerate(items):
            st.button(
                label,
                key=f"chip_{i}_{name}",
                icon=":material/close:",
                on_click=_remove,
                args=(name, value),
                help=t("chip_remove", lang),
            )
        if len(items) > 1:
            st.button(t("f_clear", lang), key="filters_clear", type="tertiary", on_click=_clear_all)


def _pick_day(name: str, lang: str, day: dt.date) -> None:
    st.session_state[_date_key(name, lang)] = date_text(day, lang)


def _shift_month(view_key: str, step: int) -> None:
    year, month = st.session_state[view_key]
    month += step
    year, month = (year + (month - 1) // 12, (month - 1) % 12 + 1)
    st.session_state[view_key] = (year, month)


def jalali_calendar(lang: str, chosen: dict[str, dt.date | None], fallback: dt.date | None) -> None:
    """A month of the Jalali calendar (weeks from شنبه, Persian digits); a click puts the day in the
    date box chosen above it («از تاریخ» or «تا تاریخ»)."""
    view_key = "cal_month"
    if view_key not in st.session_state:
        start = jdatetime.date.fromgregorian(
            date=chosen["date_from"] or chosen["date_to"] or fallback or dt.date.today()
        )
        st.session_state[view_key] = (start.year, start.month)
    year, month = st.session_state[view_key]
    with st.container(key="cal_box", border=True):
        head = st.columns([4, 1, 3, 1], vertical_alignment="center")
        with head[0]:
            target = st.segmented_control(
                t("calendar_help", lang),
                DATES,
                format_func=lambda n: t(f"f_{n}", lang),
                default="date_from",
                key="cal_target",
                label_visibility="collapsed",
            )
        head[1].button("›", key="cal_prev", on_click=_shift_month, args=(view_key, -1), help=t("cal_prev", lang))
        head[2].markdown(f"**{jalali_month_label(year, month, lang)}**")
        head[3].button("‹", key="cal_next", on_click=_shift_month, args=(view_key, 1), help=t("cal_next", lang))
        for col, day_name in zip(st.columns(7), t_list("weekdays_short", lang), strict=True):
            col.caption(day_name)
        name = target or "date_from"
        picked = {n: jdatetime.date.fromgregorian(date=d) for n, d in chosen.items() if d}
        for week in month_grid(year, month):
            for col, day in zip(st.columns(7), week, strict=True):
                if day is None:
                    continue
                is_picked = any((p.year, p.month, p.day) == (year, month, day) for p in picked.values())
                col.button(
                    localize(str(day), lang),
                    key=f"cal_day_{day}",
                    type="primary" if is_picked else "secondary",
                    on_click=_pick_day,
                    args=(name, lang, jdatetime.date(year, month, day).togregorian()),
                )


def date_box(name: str, lang: str) -> dt.date | None:
    """A date filter: Jalali typed or picked in Persian, Gregorian (Streamlit's calendar) in English."""
    key = _date_key(name, lang)
    for other in LANGS:
        if other != lang:
            st.session_state.pop(_date_key(other, lang=other), None)
    current = _in_range(urlstate.current(name))
    label = t(f"f_{name}", lang)
    if lang == "en":
        if key not in st.session_state:
            st.session_state[key] = current
        value = st.date_input(label, key=key, min_value=DATE_MIN, max_value=DATE_MAX, format="YYYY-MM-DD")
        day: dt.date | None = value if isinstance(value, dt.date) else None
    else:
        if key not in st.session_state:
            st.session_state[key] = date_text(current, lang)
        text = st.text_input(label, key=key, placeholder=t("date_placeholder", lang))
        day = _in_range(typed_date(text))
        if text.strip() and day is None:
            st.caption(t("date_unreadable", lang, text=text.strip()))
    return urlstate.remember(name, day)


def filter_bar(
    bounds: tuple[dt.date | None, dt.date | None],
    lang: str,
    counts: Callable[[FilterState], Counts],
    every: Counts,
) -> FilterState:
    """Draw the compact filter row and its chips, and return the choice.

    ``bounds`` are the first and last publication dates stored (None when none is dated);
    ``every`` is each option's number of claims over all claims (the options and their order);
    ``counts(state)`` gives the faceted counts shown next to the options.
    """
    pending = pending_state(every, lang)
    shown = counts(pending)
    values: dict[str, object] = {}
    dates: dict[str, dt.date | None] = {}
    n_active = len(pending.active())
    first, last = bounds
    with st.container(horizontal=True, gap="small", vertical_alignment="bottom", key="filter_row"):
        label = t("filters", lang) + (f" ({localize(str(n_active), lang)})" if n_active else "")
        with st.popover(label, icon=":material/filter_list:", key="filters_box"):
            cols = st.columns(2)
            for i, name in enumerate(LIST_FILTERS):
                options = list(every.get(name, {}))
                key = urlstate.prepare(name, [], valid=partial(_known_options, options))
                with cols[i % 2]:
                    chosen = st.multiselect(
                        column_label(name, lang),
                        options,
                        key=key,
                        format_func=partial(_option_with_count, name, shown.get(name, {}), lang),
                        placeholder=t("all", lang),
                    )
                values[name] = tuple(urlstate.remember(name, chosen))
            c_from, c_to = st.columns(2)
            with c_from:
                dates["date_from"] = date_box("date_from", lang)
            with c_to:
                dates["date_to"] = date_box("date_to", lang)
            values.update(dates)
            if lang == "fa":
                jalali_calendar(lang, dates, last)
            if first and last:
                gregorian = f"{ltr(localize(first.isoformat(), lang))} … {ltr(localize(last.isoformat(), lang))}"
                jalali = jalali_span(first, last, lang)
                span = f"{jalali} ({gregorian})" if lang == "fa" else f"{gregorian} ({jalali})"
                st.caption(t("date_data_span", lang, span=span))
            st.button(t("f_clear", lang), key="filters_clear_all", on_click=_clear_all)
        key = urlstate.prepare("q", "")
        values["text"] = urlstate.remember(
            "q",
            st.text_input(
                t("f_text", lang),
                key=key,
                placeholder=t("f_text_placeholder", lang),
                help=t("f_text_help", lang),
                label_visibility="collapsed",
                width="stretch",
            ),
        )
    state = FilterState(**values)  # type: ignore[arg-type]
    chips(state, lang)
    return state

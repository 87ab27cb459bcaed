"""Keep the view in the URL: filters, language and each page's choices, both ways.

A copied link reproduces the view: on a session's first run the query parameters seed the
widgets; after every run the current choices are written back. The URL carries canonical
keys (``?province=Qazvin&metric=jobs&lang=en``), never display labels, so a link survives a
language switch and new data (Streamlit's own ``bind="query-params"`` stores the displayed
label, which here includes a count that changes as articles arrive).

Each value lives twice in ``st.session_state``: ``qp_NAME`` (kept across pages) and the
widget's own key ``f_NAME`` (dropped by Streamlit when the widget is not drawn).

>>> parse("province", ["Qazvin,Yazd"])
['Qazvin', 'Yazd']
>>> serialize("date_from", __import__("datetime").date(2024, 11, 22))
'2024-11-22'
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

import streamlit as st

# name → kind. "list" values repeat the parameter (?province=Yazd&province=Qom) or use commas.
PARAMS: dict[str, str] = {
    "province": "list",
    "program": "list",
    "metric": "list",
    "status": "list",
    "source": "list",
    "speaker": "list",
    "verdict": "list",
    "q": "text",
    "date_from": "date",
    "date_to": "date",
    "lang": "text",
    # page choices
    "view": "text",
    "how": "text",
    "chart_metric": "text",
    "period": "text",
    "document": "text",
    "article": "text",
    "h_province": "text",
    "h_program": "text",
    "h_metric": "text",
    "f_state": "list",
    "reviewer": "text",
}
# Published on every page (the filters apply everywhere, including downloads).
STICKY = (
    "province",
    "program",
    "metric",
    "status",
    "source",
    "speaker",
    "verdict",
    "q",
    "date_from",
    "date_to",
    "lang",
)
_COMMA_LISTS = ("province", "program", "metric", "status", "verdict")
_SEEDED = "_qp_seeded"
_USED = "_qp_used"
_DEFAULTS = "_qp_defaults"
_PAGE = "_qp_page"


def widget_key(name: str) -> str:
    """The Streamlit key of the widget for ``name``: ``f_province``."""
    return f"f_{name}"


def _store_key(name: str) -> str:
    return f"qp_{name}"


def parse(name: str, raw: Sequence[str]) -> Any:
    """A URL value (all occurrences of the parameter) as the widget's value; None when unusable."""
    kind = PARAMS.get(name)
    values = [v for v in raw if v is not None]
    if kind == "list":
        out: list[str] = []
        for v in values:
            parts = v.split(",") if name in _COMMA_LISTS else [v]
            out.extend(p.strip() for p in parts if p.strip())
        return list(dict.fromkeys(out))
    if not values:
        return None
    if kind == "date":
        try:
            return dt.date.fromisoformat(values[-1].strip())
        except ValueError:
            return None
    return values[-1]


def serialize(name: str, value: Any) -> str | list[str] | None:
    """A widget value as URL text; None when it should not appear."""
    if value is None or value == "" or value == [] or value == ():
        return None
    if PARAMS.get(name) == "list":
        return [str(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def begin_run() -> None:
    """Call first thing in every run: seeds values from the URL once per session."""
    state = st.session_state
    state[_USED] = set()
    if state.get(_SEEDED):
        return
    state[_SEEDED] = True
    for name in PARAMS:
        if name in st.query_params:
            value = parse(name, st.query_params.get_all(name))
            if value not in (None, []):
                state[_store_key(name)] = value


def enter_page(page: str) -> None:
    """Call with the page about to run: after a page switch the widgets start from the remembered values.

    (A widget on a new page is a new widget to Streamlit, which would otherwise start it empty.)
    """
    state = st.session_state
    if state.get(_PAGE) != page:
        keys = tuple(widget_key(name) for name in PARAMS if name != "lang")
        # a widget may add a suffix to its key (the date boxes: one per language)
        for key in [k for k in state if isinstance(k, str) and _matches(k, keys)]:
            state.pop(key, None)
        state[_PAGE] = page


def _matches(key: str, keys: tuple[str, ...]) -> bool:
    """Whether ``key`` is one of ``keys`` or one of them with a ``_suffix``."""
    return any(key == k or key.startswith(k + "_") for k in keys)


def current(name: str, default: Any = None) -> Any:
    """The remembered value of ``name`` (from the URL or the last run), else ``default``."""
    return st.session_state.get(_store_key(name), default)


def prepare(name: str, default: Any, valid: Callable[[Any], Any] | None = None) -> str:
    """Get the widget for ``name`` ready: set its state from the remembered value; returns its key.

    ``valid`` cleans a remembered value (drops options that no longer exist); the result
    replaces it. Pass the key to the widget and no ``default``/``index``/``value``.
    """
    key = widget_key(name)
    if key not in st.session_state:
        value = current(name, default)
        if valid is not None:
            value = valid(value)
        st.session_state[key] = default if value is None else value
    return key


def remember(name: str, value: Any, default: Any = None) -> Any:
    """Record the widget's value after drawing it, so it is published and kept across pages.

    A value equal to ``default`` is kept but left out of the URL.
    """
    st.session_state[_store_key(name)] = value
    st.session_state.setdefault(_USED, set()).add(name)
    st.session_state.setdefault(_DEFAULTS, {})[name] = default
    return value


def set_value(name: str, value: Any) -> None:
    """Change ``name`` from a callback (a removed filter chip): the remembered value and its widget's."""
    st.session_state[_store_key(name)] = value
    st.session_state[widget_key(name)] = value


def forget(names: Sequence[str]) -> None:
    """Reset ``names`` to their defaults (used by «clear filters»)."""
    for name in names:
        st.session_state.pop(_store_key(name), None)
        st.session_state.pop(widget_key(name), None)


def wanted_params() -> dict[str, str | list[str]]:
    """What the URL should hold after this run."""
    used = st.session_state.get(_USED, set())
    defaults = st.session_state.get(_DEFAULTS, {})
    out: dict[str, str | list[str]] = {}
    for name in PARAMS:
        if name not in STICKY and name not in used:
            continue
        value = current(name)
        text = serialize(name, value)
        if text is not None and value != defaults.get(name) and not (name == "lang" and text == "fa"):
            out[name] = text
    return out


def publish() -> None:
    """Write the current choices into the URL (only when they changed)."""
    wanted = wanted_params()
    now = {name: st.query_params.get_all(name) for name in st.query_params}
    normalized = {k: v if isinstance(v, list) else [v] for k, v in wanted.items()}
    if now != normalized:
        st.query_params.from_dict(wanted)

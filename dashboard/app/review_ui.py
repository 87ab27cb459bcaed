"""Widgets the review pages share: the reviewer's name, typed once and kept per browser.

The name lives in the URL (``?reviewer=``) and, so that a new tab or a later visit knows it,
in the browser: in ``localStorage`` and in a cookie the server reads when a session starts
(``st.context.cookies``). The browser side is a few lines of script run by
``st.html(..., unsafe_allow_javascript=True)``; the name goes into it JSON-encoded, never as markup.
"""

from __future__ import annotations

import json
from urllib.parse import unquote

import streamlit as st

from dashboard.app import urlstate
from dashboard.lang.i18n import t

COOKIE = "claims_reviewer"  # read by the server when a session starts
STORAGE_KEY = "claims.reviewer"  # localStorage, the browser's own copy
MAX_CHARS = 80
_KEPT = "_reviewer_kept"  # the name the browser was last told to keep
_RESTORE_SENT = "_reviewer_restore_sent"


def remembered_name() -> str:
    """The name this browser keeps (its cookie), '' when none or outside a browser session."""
    try:
        raw = st.context.cookies.get(COOKIE)
    except (AttributeError, RuntimeError):  # no browser request behind this run
        raw = None
    if not isinstance(raw, str):  # none, or a test runner's stand-in
        return ""
    return unquote(raw).strip()[:MAX_CHARS]


def _js(value: str) -> str:
    """``value`` as a JavaScript string literal that is safe inside a ``<script>`` element.

    >>> _js('</script><b>"x"')
    '"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\"x\\\\""'
    """
    return json.dumps(value).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _set_cookie(value: str, max_age: str) -> str:
    """The JavaScript statement that sets the cookie to ``value`` (a JS expression) for ``max_age`` seconds."""
    attributes = "; path=/; SameSite=Strict; max-age="
    return f"document.cookie = {_js(COOKIE)} + '=' + encodeURIComponent({value}) + '{attributes}' + ({max_age});"


def keep_script(name: str) -> str:
    """The script that keeps ``name`` in this browser (localStorage and the cookie); '' forgets it."""
    store = _js(STORAGE_KEY)
    return (
        "<script>(function (n) {"
        f" try {{ if (n) localStorage.setItem({store}, n); else localStorage.removeItem({store}); }} catch (e) {{}}"
        f" {_set_cookie('n', 'n ? 31536000 : 0')}"
        f" }})({_js(name)});</script>"
    )


def restore_script() -> str:
    """The script that, when the cookie is gone but localStorage still holds a name, sets the cookie
    again and reloads once so that the server reads it (no loop: it reloads only when the cookie took)."""
    has = f"document.cookie.split('; ').some(function (c) {{ return c.indexOf({_js(COOKIE + '=')}) === 0; }})"
    return (
        "<script>(function () {"
        f" var n = null; try {{ n = localStorage.getItem({_js(STORAGE_KEY)}); }} catch (e) {{ return; }}"
        f" if (!n || {has}) return;"
        f" {_set_cookie('n', '31536000')}"
        f" if ({has}) window.location.reload();"
        " })();</script>"
    )


def reviewer_name(lang: str) -> str:
    """The reviewer's name, typed once where a decision is recorded (beside the review controls, not in a
    sidebar that would narrow the page's tables) and kept on every page, in the URL and in the browser,
    so that a new tab of the same browser starts with it."""
    kept = remembered_name()
    key = urlstate.prepare("reviewer", kept)
    name = str(st.text_input(t("reviewer_name", lang), key=key, max_chars=MAX_CHARS) or "").strip()
    if name != st.session_state.get(_KEPT, kept):
        st.html(keep_script(name), unsafe_allow_javascript=True)
        st.session_state[_KEPT] = name
    elif not name and not kept and not st.session_state.get(_RESTORE_SENT):
        st.html(restore_script(), unsafe_allow_javascript=True)
        st.session_state[_RESTORE_SENT] = True
    return str(urlstate.remember("reviewer", name) or "").strip()

"""The dashboard: ``streamlit run dashboard/app/main.py`` (or ``make run``).

Sets the page up (Persian font, right to left), keeps the language and filters in the URL,
and hands over to the page chosen in the top navigation (files under ``dashboard/app/views/``).
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
# streamlit runs this file as a script: the package is imported from the repository root.
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

import streamlit as st  # noqa: E402
from sqlalchemy import exc as sa_exc  # noqa: E402

from dashboard.app import queries, ui, urlstate  # noqa: E402
from dashboard.lang.i18n import t  # noqa: E402
from dashboard.store import database as store  # noqa: E402

PAGES_DIR = HERE / "views"  # not "pages/": that folder name turns on Streamlit's old multipage mode
# (file, label key, url path, icon)
PAGES = (
    ("overview.py", "page_overview", "overview", ":material/dashboard:"),
    ("claims.py", "page_claims", "claims", ":material/table:"),
    ("article.py", "page_article", "article", ":material/article:"),
    ("findings.py", "page_findings", "findings", ":material/troubleshoot:"),
    ("add.py", "page_add", "add", ":material/upload_file:"),
    ("about.py", "page_about", "about", ":material/info:"),
)

st.set_page_config(page_title="ادعاهای آماری / Claimed figures", page_icon="📊", layout="wide")
urlstate.begin_run()

head, switch = st.columns([6, 1], vertical_alignment="center")
with switch:
    lang = ui.language_switch()
ui.styles(lang)
with head:
    st.title(t("app_title", lang), anchor=False)
    ui.caveat(lang)

problem = queries.database_problem()
if problem:
    st.error(t("db_problem", lang, problem=ui.md(problem)))
    st.stop()

read_only = queries.read_only()
if read_only:  # a read-only deployment, or a read-only file or folder: every page reads; nothing is written
    st.info(t("db_read_only_setting" if queries.read_only_setting() else "db_read_only", lang))
pages = [
    st.Page(PAGES_DIR / name, title=t(label, lang), url_path=path, icon=icon, default=i == 0)
    for i, (name, label, path, icon) in enumerate(PAGES)
    if not (read_only and name == "add.py")
]
page = st.navigation(pages, position="top")
urlstate.enter_page(page.url_path)
try:
    page.run()
except sa_exc.DBAPIError as exc:  # damage (or a lost server) met while reading: named, not a traceback
    st.error(t("db_problem", lang, problem=ui.md(store.explain(queries.db_path(), exc))))
urlstate.publish()

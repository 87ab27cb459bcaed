"""Add articles: upload files, store their claims, show what happened to each."""

from __future__ import annotations

import tempfile
from pathlib import Path

import streamlit as st

from dashboard import queries, ui
from dashboard.formatting import jalali_date, localize
from dashboard.i18n import t
from dashboard.ui import md
from dashboard.uploads import ALLOWED_SUFFIXES, save_uploads


def max_upload_mb() -> int:
    """The upload limit in megabytes (``server.maxUploadSize`` in ``.streamlit/config.toml``)."""
    try:
        return int(st.get_option("server.maxUploadSize"))
    except (RuntimeError, TypeError, ValueError):
        return 200


def run_ingest(files, lang: str) -> None:
    """Save the uploads to a temporary folder, ingest them, report counts and problems per file."""
    from dashboard.ingest import ingest

    mb = max_upload_mb()
    problems: list[str] = []
    report = None
    with tempfile.TemporaryDirectory(prefix="claims-upload-") as tmp:
        saved = save_uploads(list(files), Path(tmp), mb * 2**20)
        for name, reason in saved.refused:
            key = "upload_too_big" if reason == "too_big" else "upload_bad_type"
            problems.append(t(key, lang, name=name, mb=mb))
        if saved.paths:
            try:
                with st.spinner("…"):
                    report = ingest([str(p) for p in saved.paths], queries.db_path(), workers=1, max_bytes=mb * 2**20)
            except Exception as exc:  # a broken file must not crash the page: say what failed
                st.error(t("ingest_failed", lang, error=md(str(exc).replace(tmp + "/", ""))))
            if report is not None:
                problems.extend(p.replace(tmp + "/", "") for p in report.problems)
        queries.clear()
    if report is not None:
        counts = {
            "new": report.new,
            "replaced": report.replaced,
            "unchanged": report.unchanged,
            "skipped": report.skipped,
            "claims": report.claims_stored,
            "seconds": round(report.seconds, 1),
        }
        st.success(localize(t("ingest_done", lang, **counts), lang))
    if problems:
        st.markdown(f"**{t('ingest_problems', lang)}**")
        st.code("\n".join(problems), language=None)


def main() -> None:
    lang = ui.lang()
    files = st.file_uploader(
        t("upload", lang),
        type=list(ALLOWED_SUFFIXES),
        accept_multiple_files=True,
        help=t("upload_help", lang, mb=localize(str(max_upload_mb()), lang)),
        key="upload_files",
    )
    if st.button(t("upload_run", lang), type="primary", disabled=not files, key="upload_run"):
        run_ingest(files or [], lang)
    last = queries.last_ingest()
    if last and last.get("finished_at"):
        stamp = str(last["finished_at"])
        when = f"\u2068{jalali_date(stamp[:10], lang)} {localize(stamp[11:16], lang)} UTC\u2069"
        st.caption(t("last_ingest", lang, when=when))


main()

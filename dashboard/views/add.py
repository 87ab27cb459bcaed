"""Add articles: upload files, store their claims, show what happened to each."""

from __future__ import annotations

import tempfile
from pathlib import Path

import streamlit as st

from dashboard import queries, ui
from dashboard.formatting import localize
from dashboard.i18n import t

ALLOWED = ("txt", "html", "htm", "jsonl", "csv", "zip")


def max_upload_mb() -> int:
    """The upload limit in megabytes (``server.maxUploadSize`` in ``.streamlit/config.toml``)."""
    try:
        return int(st.get_option("server.maxUploadSize"))
    except Exception:  # an unset or odd option: fall back to Streamlit's default
        return 200


def safe_name(name: str) -> str:
    """An uploaded file's base name, without any folder part: ``"../x/a.txt"`` gives ``"a.txt"``."""
    base = Path(name.replace("\\", "/")).name
    return base or "upload"


def run_ingest(files, lang: str) -> None:
    """Save the uploads to a temporary folder, ingest them, report counts and problems."""
    from dashboard.ingest import ingest

    limit = max_upload_mb() * 2**20
    problems: list[str] = []
    with tempfile.TemporaryDirectory(prefix="claims-upload-") as tmp:
        paths = []
        for up in files:
            name = safe_name(up.name)
            if up.size > limit:
                problems.append(t("upload_too_big", lang, name=name, mb=max_upload_mb()))
                continue
            if name.rsplit(".", 1)[-1].lower() not in ALLOWED:
                problems.append(t("upload_bad_type", lang, name=name))
                continue
            target = Path(tmp) / name
            target.write_bytes(up.getvalue())
            paths.append(str(target))
        report = None
        if paths:
            try:
                with st.spinner("…"):
                    report = ingest(paths, queries.db_path(), workers=1, max_bytes=limit)
            except Exception as exc:  # a broken file must not crash the page
                st.error(t("ingest_failed", lang, error=str(exc).replace(tmp + "/", "")))
        queries.clear()
    if report is not None:
        st.success(
            localize(
                t(
                    "ingest_done",
                    lang,
                    new=report.new,
                    replaced=report.replaced,
                    unchanged=report.unchanged,
                    skipped=report.skipped,
                    claims=report.claims_stored,
                    seconds=round(report.seconds, 1),
                ),
                lang,
            )
        )
        problems.extend(p.replace(tmp + "/", "") for p in report.problems)
    if problems:
        st.markdown(f"**{t('ingest_problems', lang)}**")
        st.code("\n".join(problems), language=None)


def main() -> None:
    lang = ui.lang()
    files = st.file_uploader(
        t("upload", lang),
        type=list(ALLOWED),
        accept_multiple_files=True,
        help=t("upload_help", lang, mb=localize(str(max_upload_mb()), lang)),
        key="upload_files",
    )
    if st.button(t("upload_run", lang), type="primary", disabled=not files, key="upload_run"):
        run_ingest(files or [], lang)
    last = queries.last_ingest()
    if last and last.get("finished_at"):
        st.caption(t("last_ingest", lang, when=last["finished_at"]))


main()

"""Add articles: upload files, store their claims, show what happened to each."""

from __future__ import annotations

import tempfile
from pathlib import Path

import streamlit as st

from dashboard import queries, ui
from dashboard.formatting import jalali_date, localize
from dashboard.i18n import t
from dashboard.ui import md
from dashboard.uploads import FileOutcome, outcome, save_uploads, unsupported_members


def max_upload_mb() -> int:
    """The upload limit in megabytes (``server.maxUploadSize`` in ``.streamlit/config.toml``)."""
    try:
        return int(st.get_option("server.maxUploadSize"))
    except (RuntimeError, TypeError, ValueError):
        return 200


def ingest_each(paths: list[Path], tmp: str, mb: int) -> list[FileOutcome]:
    """Ingest the saved files one at a time, so that each gets its own line."""
    from dashboard.ingest import ingest

    outcomes = []
    for path in paths:
        report = ingest([str(path)], queries.db_path(), workers=1, max_bytes=mb * 2**20)
        lines = [*report.problems, *report.notes, *report.duplicates]
        problems = [p.replace(tmp + "/", "") for p in lines]
        if path.suffix.lower() == ".zip":
            problems += [f"{path.name}/{m}" for m in unsupported_members(path)]
        outcomes.append(
            outcome(path.name, report.new, report.replaced, report.unchanged, report.claims_stored, problems)
        )
    return outcomes


def outcome_lines(outcomes: list[FileOutcome], lang: str) -> list[str]:
    """One Markdown line per file in the reader's language, its problems indented under it."""
    lines = []
    for o in outcomes:
        numbers = {"articles": localize(str(o.articles), lang), "claims": localize(str(o.claims), lang)}
        lines.append(f"- {t(f'upload_{o.kind}', lang, name=md(o.name), **numbers)}")
        label = "upload_skipped_inside" if o.kind != "problem" else "upload_reason"
        lines.extend(f"    - {t(label, lang, problem=md(p))}" for p in o.problems)
    return lines


def run_ingest(files, lang: str) -> None:
    """Save the uploads to a temporary folder, ingest them, and report one line per file."""
    mb = max_upload_mb()
    outcomes: list[FileOutcome] = []
    with tempfile.TemporaryDirectory(prefix="claims-upload-") as tmp:
        saved = save_uploads(list(files), Path(tmp), mb * 2**20)
        for name, reason in saved.refused:
            key = "upload_too_big" if reason == "too_big" else "upload_bad_type"
            outcomes.append(FileOutcome(name, "problem", problems=[t(key, lang, name=name, mb=mb)]))
        if saved.paths:
            try:
                with st.spinner("…"):
                    outcomes.extend(ingest_each(saved.paths, tmp, mb))
            except Exception as exc:  # a broken file must not crash the page: say what failed
                st.error(t("ingest_failed", lang, error=md(str(exc).replace(tmp + "/", ""))))
        queries.clear()
    if outcomes:
        stored = sum(o.claims for o in outcomes)
        box = st.success if all(o.kind != "problem" for o in outcomes) else st.warning
        box(t("upload_summary", lang, files=localize(str(len(outcomes)), lang), claims=localize(str(stored), lang)))
        st.markdown("\n".join(outcome_lines(outcomes, lang)))


def main() -> None:
    lang = ui.lang()
    css = ui.uploader_texts_css(lang, max_upload_mb())
    if css:  # English keeps Streamlit's own texts, and st.html refuses an empty body
        st.html(css)
    # No ``type=``: Streamlit would refuse other files with an English message; save_uploads names them.
    files = st.file_uploader(
        t("upload", lang),
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

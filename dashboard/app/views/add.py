"""Add articles: upload files, store their claims, show what happened to each."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Any

import streamlit as st

from dashboard.app import queries, ui
from dashboard.app.ui import md
from dashboard.lang.formatting import jalali_date, localize
from dashboard.lang.i18n import t
from dashboard.present.uploads import FileOutcome, outcome, save_uploads, unsupported_members
from dashboard.read.article import ReadProblem


def max_upload_mb() -> int:
    """The upload limit in megabytes (``server.maxUploadSize`` in ``.streamlit/config.toml``)."""
    try:
        return int(st.get_option("server.maxUploadSize"))
    except (RuntimeError, TypeError, ValueError):
        return 200


_WHERE = re.compile(r"^(line|row|member) (.+)$")


def _param(value: Any, lang: str) -> str:
    """A problem's parameter as the reader writes it: numbers grouped, in the reader's digits."""
    if isinstance(value, str) and value.isascii() and value.isdigit():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return localize(f"{value:,}", lang)
    return str(value)


def reason_text(problem: ReadProblem, lang: str, tmp: str = "") -> str:
    """One problem line in the reader's language: the file, where in it, and why, from the problem's
    code and parameters (``reason_CODE`` in ``data/labels.yaml``); a problem without a known code
    keeps its English message. ``tmp`` (the upload folder) is left out of the names."""

    def name(text: str) -> str:
        return text.replace(tmp + "/", "") if tmp else text

    label = f"reason_{problem.code}"
    if problem.code and t(label, lang) != label:
        params = {k: name(_param(v, lang)) for k, v in problem.params.items()}
        why = t(label, lang, **params)
    else:
        why = name(problem.message)
    parts = [name(problem.path)] if problem.path else []
    if problem.where:
        found = _WHERE.match(problem.where)
        if found:
            parts.append(t(f"where_{found[1]}", lang, n=name(_param(found[2], lang))))
        else:
            parts.append(t("where_header", lang) if problem.where == "header" else name(problem.where))
    # A file name stays left to right inside Persian text (U+2066…U+2069).
    return ": ".join([*(f"\u2066{p}\u2069" for p in parts[:1]), *parts[1:], why])


def ingest_each(paths: list[Path], tmp: str, mb: int, lang: str = "fa") -> list[FileOutcome]:
    """Ingest the saved files one at a time, so that each gets its own line (its problems in ``lang``)."""
    from dashboard.store.ingest import ingest

    outcomes = []
    for path in paths:
        report = ingest([str(path)], queries.db_path(), workers=1, max_bytes=mb * 2**20)
        problems = [reason_text(p, lang, tmp) for p in report.coded]
        if path.suffix.lower() == ".zip":
            problems += [
                t("reason_unsupported_member", lang, name=f"{path.name}/{m}") for m in unsupported_members(path)
            ]
        found = outcome(path.name, report.new, report.replaced, report.unchanged, report.claims_stored, problems)
        if found.kind == "problem" and not problems:
            found.problems = [t("reason_no_article", lang)]
        outcomes.append(found)
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
                    outcomes.extend(ingest_each(saved.paths, tmp, mb, lang))
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
    if queries.read_only():  # hidden from the navigation then; a stale link still stores nothing
        st.error(t("read_only_refused", lang))
        return
    css = ui.uploader_texts_css(lang, max_upload_mb())
    if css:  # Persian only; st.html refuses an empty body
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

"""Uploaded files → a temporary folder → the ingest, with every refusal named by file.

>>> safe_name("../../etc/خبر.txt")
'خبر.txt'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

ALLOWED_SUFFIXES = ("txt", "html", "htm", "jsonl", "csv", "zip")


class Upload(Protocol):
    """What Streamlit's uploaded file offers (and what tests can fake)."""

    name: str
    size: int

    def getvalue(self) -> bytes: ...


@dataclass
class SavedUploads:
    """Files written to the folder, and one line per file that was refused."""

    paths: list[Path] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)  # (file name, reason key: too_big / bad_type)


def safe_name(name: str) -> str:
    """An uploaded file's base name without any folder part (``..`` or ``/`` cannot escape the folder)."""
    base = Path(name.replace("\\", "/")).name
    return base if base not in ("", ".", "..") else "upload"


def save_uploads(files: list[Upload], folder: Path, max_bytes: int) -> SavedUploads:
    """Write each acceptable upload into ``folder``; refuse files over ``max_bytes`` or of another type.

    Two uploads with the same name get distinct file names (``a.txt``, ``a-2.txt``).
    """
    saved = SavedUploads()
    taken: set[str] = set()
    for up in files:
        name = safe_name(up.name)
        suffix = name.rsplit(".", 1)[-1].lower() if "." in name else ""
        if up.size > max_bytes:
            saved.refused.append((name, "too_big"))
            continue
        if suffix not in ALLOWED_SUFFIXES:
            saved.refused.append((name, "bad_type"))
            continue
        stem, n = name[: -len(suffix) - 1], 1
        while name in taken:
            n += 1
            name = f"{stem}-{n}.{suffix}"
        taken.add(name)
        target = folder / name
        target.write_bytes(up.getvalue())
        saved.paths.append(target)
    return saved


@dataclass
class FileOutcome:
    """What happened to one uploaded file: ``stored`` (some articles new or replaced), ``unchanged``,
    or ``problem`` (nothing stored); with its counts and the problems met inside it."""

    name: str
    kind: str
    articles: int = 0
    claims: int = 0
    problems: list[str] = field(default_factory=list)


def outcome(name: str, new: int, replaced: int, unchanged: int, claims: int, problems: list[str]) -> FileOutcome:
    """One file's line from its own ingest's counts.

    >>> outcome("a.txt", 1, 0, 0, 5, []).kind, outcome("b.txt", 0, 0, 1, 0, []).kind
    ('stored', 'unchanged')
    >>> outcome("c.txt", 0, 0, 0, 0, ["c.txt: not text"]).kind
    'problem'
    """
    if new or replaced:
        return FileOutcome(name, "stored", new + replaced, claims, problems)
    if unchanged and not problems:
        return FileOutcome(name, "unchanged", unchanged, 0, problems)
    if not problems:
        problems = ["no article found"]
    return FileOutcome(name, "problem", 0, 0, problems)


def unsupported_members(path: Path) -> list[str]:
    """The members of a zip the ingest passes over without a word (other file types), to name them.

    Folders and hidden files (``__MACOSX/``, ``.DS_Store``) are not listed; a file that is no zip gives [].
    """
    import zipfile

    try:
        with zipfile.ZipFile(path) as zf:
            names = [i.filename for i in zf.infolist() if not i.is_dir()]
    except (zipfile.BadZipFile, OSError):
        return []
    out = []
    for name in names:
        parts = name.replace("\\", "/").split("/")
        if any(p.startswith(".") or p == "__MACOSX" for p in parts):
            continue
        suffix = parts[-1].rsplit(".", 1)[-1].lower() if "." in parts[-1] else ""
        if suffix not in ALLOWED_SUFFIXES:  # a zip inside the zip is read (dashboard.read.archive)
            out.append(name)
    return out

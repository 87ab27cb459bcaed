"""One input to read: the bytes of a file or of a zip member, with its names."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Source:
    """The raw bytes of one input and how to name it.

    ``document`` is the name the claims table uses (``a01.txt``, ``news.zip/inner/a01.txt``);
    ``path`` names it for the user (``inbox/news.zip/inner/a01.txt``); ``key`` is where it sits in
    the folder ingested (``2023/news.zip/inner/a01.txt``), its identity in storage (empty: ``document``).
    """

    document: str
    path: str
    data: bytes
    key: str = ""

    @property
    def storage_key(self) -> str:
        """``key``, or ``document`` when no key was given."""
        return self.key or self.document

    @property
    def suffix(self) -> str:
        """The lower-case extension: ``"news/A01.TXT"`` gives ``".txt"``."""
        name = self.document.rsplit("/", 1)[-1]
        return "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""

"""The unit of input: one news article, as the readers hand it to the extractor."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Article:
    """One article.

    ``document`` follows the spec's naming: the file's base name (``a01.txt``), or
    ``NAME#ID`` for a record of a JSONL or CSV file (``batch.jsonl#b13``), or
    ``ARCHIVE.zip/INNER`` style names for members of a zip (``news.zip/a01.txt``).
    ``text`` is everything the extractor reads (headline first for HTML and records),
    and claim offsets point into it. Metadata a record gives (``published``, ``source``,
    ``url``, ``title``) wins over what the text says; ``None`` when the record gives none.
    """

    document: str
    text: str
    path: str
    title: str | None = None
    published: str | None = None  # as given by the record: ISO or Jalali text
    source: str | None = None
    url: str | None = None
    meta: dict[str, str] = field(default_factory=dict)
    key: str = ""  # its place in the folder ingested (``2023/a01.txt``); empty means ``document``

    @property
    def storage_key(self) -> str:
        """The article's identity in storage: ``key``, or ``document`` when it has none.

        >>> Article(document="a01.txt", text="", path="news/2023/a01.txt", key="2023/a01.txt").storage_key
        '2023/a01.txt'
        """
        return self.key or self.document


@dataclass(frozen=True)
class ReadProblem:
    """An input that could not be read: which file, where in it, what is wrong.

    ``kept`` True means the input was read all the same and this says what was not taken as
    given (bad bytes replaced, an absurd figure left out): the article is kept, and the
    problem is still reported.

    ``code`` names the problem for translation (``not_json``; ``data/labels.yaml`` holds
    ``reason_not_json`` in Persian and English) and ``params`` its values; ``message`` is the
    English line the command line prints.

    >>> str(ReadProblem("news/batch.jsonl", "line 7", "not valid JSON"))
    'news/batch.jsonl: line 7: not valid JSON'
    """

    path: str
    where: str | None
    message: str
    kept: bool = False
    code: str = field(default="", compare=False, repr=False)
    params: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def __str__(self) -> str:
        return f"{self.path}: {self.where}: {self.message}" if self.where else f"{self.path}: {self.message}"

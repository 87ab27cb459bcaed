"""A ``.txt`` file is one article; its title is the first line that is not a date line.

>>> article = read_text(Source("a.txt", "in/a.txt", b""), "۱۴۰۲/۰۹/۰۳\\n\\nتیتر خبر\\n\\nمتن")
>>> article.title
'تیتر خبر'
"""

from __future__ import annotations

from collections.abc import Iterator

from dashboard.quantities.jalali import date_line
from dashboard.read.article import Article, ReadProblem
from dashboard.read.source import Source

TITLE_SEARCH_LINES = 5  # a title is one of the first lines or there is none


def first_title_line(text: str) -> str | None:
    """The first non-empty line that is not a date line, among the first few lines.

    >>> first_title_line("تاریخ انتشار: ۴ آذر ۱۴۰۲\\nساخت ۲۰ مدرسه در یزد\\n")
    'ساخت ۲۰ مدرسه در یزد'
    """
    seen = 0
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        seen += 1
        if seen > TITLE_SEARCH_LINES:
            break
        if date_line(line) is None:
            return line
    return None


def read_text(source: Source, text: str) -> Article:
    """The whole file as one article."""
    return Article(document=source.document, text=text, path=source.path, title=first_title_line(text), key=source.key)


def iter_text(source: Source, text: str) -> Iterator[Article | ReadProblem]:
    """Reader entry point, shaped like the other formats' readers."""
    yield read_text(source, text)

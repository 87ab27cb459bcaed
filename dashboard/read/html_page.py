"""A saved news page: its headline, summary and body, without menus, scripts, related news or footers.

trafilatura finds the article body; when it finds nothing, or runs paragraphs together (as it
does on tiny or broken pages), a plain lxml pass that drops page furniture takes over.

The text is ``headline`` + blank line + paragraphs separated by blank lines. When the page
shows a publication date, that date line comes first so that the date finder sees it, and it
is kept in ``meta["date_text"]``. ``published`` is the ISO date from ``<time datetime>``,
``<meta>`` tags or JSON-LD when the page has one.

>>> page = ("<html><body><nav>خانه | اقتصادی</nav><article><time datetime='2023-11-28'>۷ آذر ۱۴۰۲</time>"
...         "<h1>افتتاح ۲۰ مدرسه</h1><p>ساخت بیست مدرسه در روستاهای استان به پایان رسید.</p></article></body></html>")
>>> article = read_html(Source("x.html", "in/x.html", b""), page)
>>> article.text.split("\\n\\n")
['۷ آذر ۱۴۰۲', 'افتتاح ۲۰ مدرسه', 'ساخت بیست مدرسه در روستاهای استان به پایان رسید.']
>>> article.published, article.title
('2023-11-28', 'افتتاح ۲۰ مدرسه')
"""

from __future__ import annotations

import itertools
import logging
import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

import lxml.etree
import lxml.html

from dashboard.lang.datafiles import read_yaml_mapping
from dashboard.lang.paths import DATA_DIR
from dashboard.lang.persian import ZWNJ
from dashboard.quantities.jalali import date_line, parse_date
from dashboard.read.article import Article, ReadProblem
from dashboard.read.source import Source

HINTS_FILE = DATA_DIR / "html_page.yaml"
BLOCK_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td", "th", "dd", "dt", "figcaption"}
CONTAINER_TAGS = set("div section article main body header footer ul ol table tr dl figure".split())
ARTICLE_FRAME_TAGS = {"header", "footer"}
MIN_MERGED_PART = 15  # a trafilatura line holding two block texts this long has run paragraphs together
MAX_PARSER_DEPTH = 2048  # libxml2's nesting limit even with huge_tree
MAX_DATE_TEXT = 120  # a date element's text is short; longer means it holds more than the date
# trafilatura drops invisible characters such as ZWNJ; a printable stand-in carries them through.
_STAND_INS = ("\u2bd1", "\u2e3a", "\u2b9c", "\u2ba8", "\u2b6c")
_ZWNJ_FORMS = re.compile(r"\u200c|&zwnj;|&#8204;|&#x200c;", re.IGNORECASE)

logging.getLogger("trafilatura").setLevel(logging.ERROR)
logging.getLogger("htmldate").setLevel(logging.ERROR)


@lru_cache(maxsize=1)
def _hints() -> dict[str, set[str]]:
    data = read_yaml_mapping(HINTS_FILE)
    return {key: {str(w).lower() for w in words} for key, words in data.items()}


def _squash(text: str) -> str:
    """Whitespace runs to one space, ends trimmed."""
    return " ".join(text.split())


def _tokens(element: Any) -> set[str]:
    """Tokens of an element's class and id, and each name's adjacent pairs joined.

    ``"news-lead itemDate"`` gives news, lead, newslead, item, date, itemdate.
    """
    tokens: set[str] = set()
    for name in f"{element.get('class') or ''} {element.get('id') or ''}".split():
        parts = [t for t in re.split(r"[^0-9a-z]+", re.sub(r"([a-z])([A-Z])", r"\1 \2", name).lower()) if t]
        tokens.update(parts)
        tokens.update(a + b for a, b in itertools.pairwise(parts))
    return tokens


def _is_furniture(element: Any) -> bool:
    """Page furniture: nav and aside, menus and related lists by class, and the page's own header
    and footer (a ``<header>`` or ``<footer>`` inside an ``<article>`` or ``<main>`` belongs to it)."""
    hints = _hints()
    if not isinstance(element.tag, str):
        return False
    if element.tag in ARTICLE_FRAME_TAGS and any(a.tag in ("article", "main") for a in element.iterancestors()):
        return bool(_tokens(element) & hints["boilerplate_tokens"])
    return element.tag in hints["outside_tags"] or bool(_tokens(element) & hints["boilerplate_tokens"])


def _outside_article(element: Any) -> bool:
    """Whether the element sits in page furniture."""
    return any(_is_furniture(node) for node in element.iterancestors())


_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)


class TooDeep(ValueError):
    """The page nests its elements deeper than the HTML parser reads."""


def _parse_tree(html: str) -> Any | None:
    """The page as an lxml tree (forgiving of broken markup); None when there is nothing to parse.

    Pages nested hundreds of levels deep are read whole (libxml2's ``huge_tree``); past the
    parser's own limit (:data:`MAX_PARSER_DEPTH`) the text would be lost, so :class:`TooDeep` is raised.
    """
    parser = lxml.html.HTMLParser(huge_tree=True)
    try:
        tree = lxml.html.document_fromstring(_XML_DECLARATION.sub("", html), parser=parser)
    except (lxml.etree.ParserError, ValueError):
        return None
    if any("Excessive depth" in error.message for error in parser.error_log):
        raise TooDeep(f"the page is nested deeper than {MAX_PARSER_DEPTH:,} levels, more than the HTML parser reads")
    return tree


def _trafilatura_lines(html: str) -> tuple[list[str], str | None]:
    """Body lines and title as trafilatura sees them, with ZWNJ kept; ``([], None)`` when it finds nothing."""
    import trafilatura  # imported here: it is slow to import and only pages need it

    stand_in = next((c for c in _STAND_INS if c not in html), None)
    prepared = _ZWNJ_FORMS.sub(stand_in, html) if stand_in else html
    try:
        doc = trafilatura.bare_extraction(
            prepared, with_metadata=True, include_comments=False, include_tables=True, include_images=False
        )
    except Exception:  # trafilatura raises assorted errors on garbage; the lxml pass takes over
        return [], None
    if doc is None:
        return [], None

    def restore(value: str | None) -> str | None:
        return value.replace(stand_in, ZWNJ) if value and stand_in else value

    text = restore(getattr(doc, "text", None)) or ""
    return [_squash(line) for line in text.split("\n") if line.strip()], restore(getattr(doc, "title", None))


def _fallback_lines(tree: Any) -> list[str]:
    """Text of the page's leaf blocks, outside page furniture; the body's plain text when it has no blocks."""
    hints = _hints()
    for element in list(tree.iter()):
        if not isinstance(element.tag, str):
            if element.getparent() is not None:
                element.drop_tree()  # comments and processing instructions
            continue
        if element.getparent() is None:
            continue
        if element.tag in hints["drop_tags"] or _is_furniture(element):
            element.drop_tree()
    for br in tree.iter("br"):
        br.tail = "\n" + (br.tail or "")  # a line break inside a block separates paragraphs
    blocks = BLOCK_TAGS | CONTAINER_TAGS
    lines: list[str] = []
    for element in tree.iter(*blocks):
        if not any(isinstance(d.tag, str) and d.tag in blocks for d in element.iterdescendants()):
            text = element.text_content()
        else:  # the text standing directly in a container, beside its blocks
            pieces = [element.text or ""]
            for child in element:
                inline = isinstance(child.tag, str) and child.tag not in blocks
                pieces += [child.text_content() if inline else "", child.tail or ""]
            text = " ".join(pieces)
        lines += [_squash(line) for line in text.split("\n") if line.strip()]
    return lines


def _merged(lines: list[str], blocks: list[str]) -> bool:
    """Whether some line holds two or more of the page's block texts (trafilatura's plain fallback does that)."""
    parts = [b for b in set(blocks) if len(b) >= MIN_MERGED_PART]
    return any(sum(1 for b in parts if b in line and b != line) >= 2 for line in lines)


def _furniture_texts(tree: Any) -> set[str]:
    """Texts of page furniture (menus, headers, footers, related lists), whole and line by line."""
    texts: set[str] = set()
    for element in tree.iter():
        if _is_furniture(element):
            texts.add(_squash(element.text_content()))
            texts.update(_squash(e.text_content()) for e in element.iter() if isinstance(e.tag, str))
    texts.discard("")
    return texts


def _headline(tree: Any | None, fallback: str | None) -> str | None:
    """The page's one ``<h1>`` inside the article, else trafilatura's title, else ``og:title`` or ``<title>``."""
    if tree is not None:
        heads = [_squash(h.text_content()) for h in tree.iter("h1") if not _outside_article(h)]
        heads = [h for h in heads if h]
        if len(heads) == 1:
            return heads[0]
    if fallback and fallback.strip():
        return _squash(fallback)
    if tree is not None:
        for meta in tree.iter("meta"):
            if (meta.get("property") or meta.get("name") or "").lower() == "og:title" and meta.get("content"):
                return _squash(meta.get("content"))
        title = tree.find(".//title")
        if title is not None and title.text_content().strip():
            return _squash(title.text_content())
    return None


def _iso_date(value: str | None) -> str | None:
    found = parse_date(value) if value else None
    return found[0] if found else None


def _published(tree: Any) -> str | None:
    """The ISO publication date the page states for machines: ``<time datetime>``, ``<meta>``, JSON-LD."""
    hints = _hints()
    for time in tree.iter("time"):
        if not _outside_article(time):
            iso = _iso_date(time.get("datetime"))
            if iso:
                return iso
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key in hints["date_meta"]:
            iso = _iso_date(meta.get("content"))
            if iso:
                return iso
    for element in tree.iter():
        if isinstance(element.tag, str) and element.get("itemprop", "").lower() == "datepublished":
            iso = _iso_date(element.get("datetime") or element.get("content") or element.text_content())
            if iso:
                return iso
    for script in tree.iter("script"):
        if "ld+json" in (script.get("type") or "") and script.text:
            # matched as a pattern so that broken JSON-LD does not hide the date
            match = re.search(r'"datePublished"\s*:\s*"([^"]+)"', script.text)
            iso = _iso_date(match.group(1)) if match else None
            if iso:
                return iso
    return None


def _date_text(tree: Any) -> str | None:
    """The publication date as the page shows it: a ``<time>`` element or a date-classed element."""
    hints = _hints()
    candidates = [t for t in tree.iter("time")]
    candidates += [e for e in tree.iter() if isinstance(e.tag, str) and _tokens(e) & hints["date_tokens"]]
    for element in candidates:
        if _outside_article(element):
            continue
        text = _squash(element.text_content())
        if text and len(text) <= MAX_DATE_TEXT and date_line(text):
            return text
    return None


def _leads(tree: Any) -> list[str]:
    """Summary paragraphs printed under the headline (class ``lead``, ``summary`` ...)."""
    hints = _hints()
    found = []
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag in ("meta", "head", "html", "body"):
            continue
        if _tokens(element) & hints["lead_tokens"] and not _outside_article(element):
            text = _squash(element.text_content())
            if text and text not in found:
                found.append(text)
    return found


def read_html(source: Source, html: str) -> Article | ReadProblem:
    """One page to an article, or a problem when it holds no text at all (or is nested too deep to read)."""
    try:
        tree = _parse_tree(html)
    except TooDeep as exc:
        return ReadProblem(
            source.path, None, f"{exc}; not read", code="html_too_deep", params={"depth": MAX_PARSER_DEPTH}
        )
    lines, trafilatura_title = _trafilatura_lines(html)
    if tree is not None:
        blocks = _fallback_lines(_parse_tree(html))
        if not lines or _merged(lines, blocks):
            lines = blocks
    date_lines = [line for line in lines if date_line(line)]
    lines = [line for line in lines if any(ch.isalpha() for ch in line) and line not in date_lines]
    if not lines:
        return ReadProblem(source.path, None, "no article text found in the page", code="no_article_text")
    headline = _headline(tree, trafilatura_title)
    date_text = (_date_text(tree) if tree is not None else None) or next(iter(date_lines), None)
    published = _published(tree) if tree is not None else None
    furniture = _furniture_texts(tree) if tree is not None else set()
    body = [line for line in lines if line not in (headline, date_text) and line not in furniture]
    if tree is not None:
        joined = "\n".join(body)
        leads = [lead for lead in _leads(tree) if lead not in joined and lead != headline]
        body = leads + body
    parts = [p for p in (date_text, headline, *body) if p]
    meta = {"date_text": date_text} if date_text else {}
    return Article(
        document=source.document,
        text="\n\n".join(parts),
        path=source.path,
        title=headline,
        published=published,
        meta=meta,
        key=source.key,
    )


def iter_html(source: Source, text: str) -> Iterator[Article | ReadProblem]:
    """Reader entry point, shaped like the other formats' readers."""
    yield read_html(source, text)

"""Bytes to text: UTF-8 (with or without BOM), UTF-16/32 with BOM, UTF-16 without, and Windows-1256 Persian.

The encoding is decided on evidence, in this order:

1. a byte-order mark names it;
2. NUL bytes on one side of every pair (the ASCII spaces and digits of UTF-16 text) mean UTF-16
   without a mark, when the text then reads as text; other NUL bytes mean a binary file;
3. valid UTF-8 is UTF-8;
4. UTF-8 with a few bad bytes (a file cut mid-character, a stray byte) is still UTF-8: those
   bytes become U+FFFD and :attr:`Decoded.note` says how many and where;
5. Windows-1256 (older Persian archives, with Arabic ي/ك) when the bytes are not UTF-8 at all and
   most non-ASCII letters then come out in the Arabic script;
6. a page's own charset declaration.

General detectors (charset-normalizer) were tried and rejected: they give no answer for UTF-8
with one bad byte, call short Windows-1256 text UTF-16, and accept Latin text as Baltic.

>>> decode_text("سلام".encode("utf-8"))
'سلام'
>>> decode_text("كد خبر بسيج".encode("cp1256"))
'كد خبر بسيج'
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

ARABIC_SCRIPT = range(0x0600, 0x0700)
MIN_ARABIC_SHARE = 0.6  # of the non-ASCII letters, for a Windows-1256 reading to be believed
MIN_SPACE_SHARE = 0.04  # prose has spaces between its words; byte noise read as letters has few
MAX_BAD_UTF8_SHARE = 0.02  # of the non-ASCII characters: more bad bytes than this and it is not UTF-8
MAX_BAD_BYTES_ANYWAY = 4  # ...though a short text may have this many (a stray byte inside a character makes 3)
MIN_GOOD_PER_BAD = 8  # valid non-ASCII characters per bad byte (Windows-1256 Persian has about one)
SAMPLE_CHARS = 200_000  # enough text to judge a script by
MIN_UTF16_NUL_SIDE = 0.95  # share of NUL bytes on one side of the pairs for UTF-16 without a mark
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_ALLOWED_CONTROLS = set("\t\n\r\f\v\x1a")
_NOT_TEXT = {"Cc", "Cn", "Co", "Cs"}  # controls, unassigned, private use, lone surrogates
_DECLARED = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)"""
    rb"""|<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9_\-]+)""",
    re.IGNORECASE,
)


class DecodeError(ValueError):
    """The bytes are not a text this product reads; the message says why, ``code`` names it."""

    def __init__(self, message: str, code: str = "not_text", **params: Any) -> None:
        super().__init__(message)
        self.code = code
        self.params = params


_CONTROL = re.compile("[" + "".join(re.escape(chr(c)) for c in range(32) if chr(c) not in _ALLOWED_CONTROLS) + "]")


def _looks_binary(text: str) -> bool:
    """Control characters other than line breaks and tabs mean a binary file."""
    if "\x00" in text:
        return True
    limit = max(2, len(text) // 200)
    controls = 0
    for _ in _CONTROL.finditer(text):
        controls += 1
        if controls > limit:
            return True
    return False


def _mostly_arabic_script(text: str) -> bool:
    """Most non-ASCII letters are Arabic-script ones (ASCII reads the same in every candidate);
    judged on the first :data:`SAMPLE_CHARS` characters."""
    text = text[:SAMPLE_CHARS]
    letters = [ch for ch in text if ch.isalpha() and not ch.isascii()]
    if not letters:
        return False
    arabic = sum(1 for ch in letters if ord(ch) in ARABIC_SCRIPT)
    spaces = sum(1 for ch in text if ch.isspace())
    spaced = len(text) < 40 or spaces / len(text) >= MIN_SPACE_SHARE
    return arabic / len(letters) >= MIN_ARABIC_SHARE and spaced


def _declared_encoding(data: bytes) -> str | None:
    """The encoding a page or XML file declares in its first bytes, when Python knows it.

    >>> _declared_encoding(b'<meta charset="windows-1256">')
    'cp1256'
    """
    match = _DECLARED.search(data[:2048])
    if not match:
        return None
    name = (match.group(1) or match.group(2)).decode("ascii").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` when the NUL bytes sit on one side of the pairs and the bytes
    then read as text; None otherwise.

    >>> _utf16_without_bom("خبر امروز".encode("utf-16-le"))
    'utf-16-le'
    """
    if len(data) % 2:
        return None
    even = data[0::2].count(0)
    odd = data[1::2].count(0)
    if max(even, odd) < MIN_UTF16_NUL_SIDE * (even + odd):
        return None
    encoding = "utf-16-le" if odd > even else "utf-16-be"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    sample = text[:SAMPLE_CHARS]
    unreadable = any(unicodedata.category(ch) in _NOT_TEXT and ch not in _ALLOWED_CONTROLS for ch in sample)
    return None if unreadable or _looks_binary(text) else encoding


_ESCAPED = re.compile("[\udc80-\udcff]")  # the bytes ``surrogateescape`` could not decode, one each
_ASCII = bytes(range(128))


def _mostly_utf8(data: bytes) -> tuple[str, int, int] | None:
    """``(text, bad bytes, first bad offset)`` when ``data`` is UTF-8 but for a few bad bytes (each
    replaced with U+FFFD in ``text``), else None. One pass, however many bad bytes.

    >>> _mostly_utf8("خبر امروز از یزد".encode()[:-1])[1:]
    (1, 27)
    >>> _mostly_utf8("گزارش خبري".encode("cp1256")) is None
    True
    """
    text = data.decode("utf-8", errors="surrogateescape")
    escaped = _ESCAPED.search(text)
    if escaped is None:
        return None
    repaired, bad = _ESCAPED.subn("\ufffd", text)
    ascii_bytes = len(data) - len(data.translate(None, _ASCII))  # ASCII bytes are never escaped
    good = len(text) - ascii_bytes - bad  # the non-ASCII characters decoded
    if good < MIN_GOOD_PER_BAD * bad or bad > max(MAX_BAD_BYTES_ANYWAY, MAX_BAD_UTF8_SHARE * (good + bad)):
        return None
    first = len(text[: escaped.start()].encode("utf-8", errors="surrogateescape"))
    return repaired, bad, first


@dataclass(frozen=True)
class Decoded:
    """Text read from bytes, the encoding it was read with, and what was repaired (None when nothing)."""

    text: str
    encoding: str
    note: str | None = None
    bad_bytes: int = 0  # bytes replaced (``note`` says so), the first at ``first_bad``
    first_bad: int = -1


def detect_encoding(data: bytes) -> str:
    """The encoding to read ``data`` with; raises DecodeError for binary or unknown bytes.

    ``utf-8`` is also the answer for UTF-8 with a few bad bytes (see :func:`decode`).

    >>> detect_encoding(codecs.BOM_UTF8 + "خبر".encode())
    'utf-8-sig'
    >>> detect_encoding("خبر".encode("utf-16"))
    'utf-16'
    >>> detect_encoding("گزارش خبري".encode("cp1256"))
    'cp1256'
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    if b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        if utf16:
            return utf16
        raise DecodeError("binary file (it holds NUL bytes)", "binary_nul")
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(data):
        return "utf-8"
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError:
        text = ""
    if text and not _looks_binary(text) and _mostly_arabic_script(text):
        return "cp1256"
    declared = _declared_encoding(data)  # a page that is neither, but says what it is
    if declared:
        try:
            data.decode(declared)
            return declared
        except UnicodeDecodeError:
            pass
    raise DecodeError("not readable as text (neither UTF-8, UTF-16, nor Windows-1256 Persian)", "not_text")


def decode(data: bytes) -> Decoded:
    """Decode ``data`` to text with Unix line ends and no BOM; raises DecodeError when it is not text.

    >>> decode(b"\\xef\\xbb\\xbf\\xd8\\xae\\xd8\\xa8\\xd8\\xb1\\r\\n").text
    'خبر\\n'
    >>> decode("خبر امروز از یزد".encode()[:-1]).note
    '1 byte not valid UTF-8, replaced with U+FFFD (first at byte 27)'
    """
    encoding = detect_encoding(data)
    note, bad, first = None, 0, -1
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        repaired = _mostly_utf8(data) if encoding == "utf-8" else None
        if repaired is None:
            raise DecodeError(
                f"not valid {encoding} text ({exc.reason} at byte {exc.start})",
                "bad_encoding",
                encoding=encoding,
                byte=exc.start,
            ) from None
        text, bad, first = repaired
        note = f"{bad} byte{'s' if bad > 1 else ''} not valid UTF-8, replaced with U+FFFD (first at byte {first})"
    text = text.lstrip("\ufeff")
    if _looks_binary(text):
        raise DecodeError("binary file (it holds control characters)", "binary_control")
    return Decoded(text.replace("\r\n", "\n").replace("\r", "\n"), encoding, note, bad, first)


def decode_text(data: bytes) -> str:
    """The text of :func:`decode` (what was repaired is not reported here)."""
    return decode(data).text

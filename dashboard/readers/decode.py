"""Bytes to text: UTF-8 (with or without BOM), UTF-16/32 with BOM, and Windows-1256 Persian.

Older Persian archives are often Windows-1256 (with Arabic ي/ك). Detectors guess wrongly on
short texts, so the rule is simple: what is not UTF-8 is read as Windows-1256 when most of its
non-ASCII letters then come out in the Arabic script; failing that, a page's own charset
declaration is tried.

>>> decode_text("سلام".encode("utf-8"))
'سلام'
>>> decode_text("كد خبر بسيج".encode("cp1256"))
'كد خبر بسيج'
"""

from __future__ import annotations

import codecs
import re

ARABIC_SCRIPT = range(0x0600, 0x0700)
MIN_ARABIC_SHARE = 0.6  # of the non-ASCII letters, for a Windows-1256 reading to be believed
MIN_SPACE_SHARE = 0.04  # prose has spaces between its words; byte noise read as letters has few
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_ALLOWED_CONTROLS = set("\t\n\r\f\v\x1a")
_DECLARED = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)"""
    rb"""|<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9_\-]+)""",
    re.IGNORECASE,
)


class DecodeError(ValueError):
    """The bytes are not a text this product reads; the message says why."""


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
    """Most non-ASCII letters are Arabic-script ones (ASCII reads the same in every candidate)."""
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


def detect_encoding(data: bytes) -> str:
    """The encoding to read ``data`` with; raises DecodeError for binary or unknown bytes.

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
        raise DecodeError("binary file (it holds NUL bytes)")
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
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
    raise DecodeError("not readable as text (neither UTF-8, UTF-16 with BOM, nor Windows-1256 Persian)")


def decode_text(data: bytes) -> str:
    """Decode ``data`` to text with Unix line ends and no BOM; raises DecodeError when it is not text.

    >>> decode_text(b"\\xef\\xbb\\xbf\\xd8\\xae\\xd8\\xa8\\xd8\\xb1\\r\\n")
    'خبر\\n'
    """
    encoding = detect_encoding(data)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise DecodeError(f"not valid {encoding} text ({exc.reason} at byte {exc.start})") from None
    text = text.lstrip("\ufeff")
    if _looks_binary(text):
        raise DecodeError("binary file (it holds control characters)")
    return text.replace("\r\n", "\n").replace("\r", "\n")

"""Members of a zip archive, read in memory and checked against path tricks and zip bombs.

Nothing is extracted to disk. A member whose name is absolute or climbs out with ``..``, that is
encrypted, too large, or compressed suspiciously well is reported and skipped; an archive with too
many members or too many bytes in all is refused from that point on.

>>> import io, zipfile
>>> buf = io.BytesIO()
>>> with zipfile.ZipFile(buf, "w") as zf:
...     zf.writestr("inner/a.txt", "متن خبر")
...     zf.writestr("../evil.txt", "x")
>>> [str(x) if isinstance(x, ReadProblem) else x.document
...  for x in iter_members(buf, "news.zip", "in/news.zip", {".txt"}, ZipLimits.for_max_bytes(1000))]
['in/news.zip: member ../evil.txt: unsafe member name (absolute or with ..), not read', 'news.zip/inner/a.txt']
"""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from dashboard.article import ReadProblem
from dashboard.readers.source import Source

MIB = 2**20


@dataclass(frozen=True)
class ZipLimits:
    """What one archive may hold: bytes per member, bytes in all, members, compression ratio."""

    member_bytes: int
    total_bytes: int
    members: int = 10_000
    ratio: float = 200.0  # news text compresses about 5-15 times; bombs a thousand times
    ratio_floor: int = MIB  # members smaller than this are never judged by their ratio

    @classmethod
    def for_max_bytes(cls, max_bytes: int) -> ZipLimits:
        """Limits derived from the per-file limit: members as large as a file, 20 files' worth in all."""
        return cls(member_bytes=max_bytes, total_bytes=20 * max_bytes)


def _unsafe(name: str) -> bool:
    """Absolute names, drive letters and ``..`` parts could write or read outside the archive's folder."""
    parts = name.replace("\\", "/").split("/")
    return name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":") or ".." in parts


def _hidden(name: str) -> bool:
    """Hidden files and folders, and the resource forks some archivers add, are not articles."""
    return any(part.startswith(".") or part == "__MACOSX" for part in name.split("/"))


def _suffix(name: str) -> str:
    base = name.rsplit("/", 1)[-1]
    return "." + base.rsplit(".", 1)[-1].lower() if "." in base else ""


def iter_members(
    archive: str | Path | IO[bytes], document: str, path: str, suffixes: set[str], limits: ZipLimits
) -> Iterator[Source | ReadProblem]:
    """The readable members of an archive, sorted by name, as sources; problems for the rest.

    ``document`` is the archive's base name and ``path`` how the user named it; members become
    ``document/inner/name`` and ``path/inner/name``.
    """
    try:
        zf = zipfile.ZipFile(archive)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        yield ReadProblem(path, None, f"not a readable zip archive ({exc})")
        return
    with zf:
        infos = [info for info in zf.infolist() if not info.is_dir()]
        if len(infos) > limits.members:
            yield ReadProblem(path, None, f"holds {len(infos)} members, more than the limit of {limits.members}")
            return
        total = 0
        for info in sorted(infos, key=lambda i: i.filename):
            name = info.filename
            where = f"member {name}"
            if _unsafe(name):
                yield ReadProblem(path, where, "unsafe member name (absolute or with ..), not read")
                continue
            if _hidden(name) or _suffix(name) not in suffixes:
                continue
            if info.flag_bits & 0x1:
                yield ReadProblem(path, where, "encrypted member, not read")
                continue
            if info.file_size > limits.member_bytes:
                sizes = f"{info.file_size:,} bytes, limit {limits.member_bytes:,}"
                yield ReadProblem(path, where, f"member is larger than the size limit ({sizes})")
                continue
            if info.file_size >= limits.ratio_floor and info.file_size > limits.ratio * max(info.compress_size, 1):
                yield ReadProblem(path, where, "compressed too well to be text (a zip bomb?), not read")
                continue
            if total + info.file_size > limits.total_bytes:
                yield ReadProblem(
                    path, where, f"archive holds more than {limits.total_bytes:,} bytes in all; the rest is not read"
                )
                return
            try:
                with zf.open(info) as fh:
                    data = fh.read(limits.member_bytes + 1)
            except (zipfile.BadZipFile, zlib.error, NotImplementedError, RuntimeError, EOFError, OSError) as exc:
                yield ReadProblem(path, where, f"cannot read member ({exc})")
                continue
            if len(data) > limits.member_bytes:
                yield ReadProblem(path, where, f"member is larger than the limit of {limits.member_bytes:,} bytes")
                continue
            total += len(data)
            yield Source(document=f"{document}/{name}", path=f"{path}/{name}", data=data)

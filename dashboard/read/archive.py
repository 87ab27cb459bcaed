"""Members of a zip archive, read in memory and checked against path tricks and zip bombs.

Nothing is extracted to disk. A member whose name is absolute or climbs out with ``..``, that is
encrypted, too large, or compressed suspiciously well is reported and skipped; an archive with too
many members or too many bytes in all is refused from that point on. A zip inside the zip is read
with the same limits, shared with the outer one, and no deeper than :data:`MAX_NESTING`.

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

import io
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from dashboard.read.article import ReadProblem
from dashboard.read.source import Source

MIB = 2**20
ARCHIVE_SUFFIX = ".zip"
MAX_NESTING = 3  # archives inside an archive inside an archive...: deeper ones are reported, not read


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


@dataclass
class _Budget:
    """What the archive and the archives inside it have used so far, against one set of limits."""

    limits: ZipLimits
    total: int = 0
    members: int = 0


def iter_members(
    archive: str | Path | IO[bytes],
    document: str,
    path: str,
    suffixes: set[str],
    limits: ZipLimits,
    key: str = "",
) -> Iterator[Source | ReadProblem]:
    """The readable members of an archive, sorted by name, as sources; problems for the rest.

    ``document`` is the archive's base name and ``path`` how the user named it; members become
    ``document/inner/name`` and ``path/inner/name`` (and ``key/inner/name`` when the archive has a
    storage ``key``). An archive inside it (``.zip``) is read the
    same way, up to :data:`MAX_NESTING` deep, and its members count against the same limits:
    ``news.zip/2023.zip/a01.txt``.
    """
    yield from _members(archive, document, path, suffixes, _Budget(limits), prefix="", depth=0, key=key)


def _refusal(
    info: zipfile.ZipInfo, nested: bool, depth: int, limits: ZipLimits
) -> tuple[str, str, dict[str, int]] | None:
    """Why a member is not read, from its header alone (message, code, params), or None when it may be."""
    if info.flag_bits & 0x1:
        return "encrypted member, not read", "encrypted_member", {}
    if nested and depth >= MAX_NESTING:
        return (
            f"a zip nested more than {MAX_NESTING} deep inside another, not read",
            "zip_too_deep",
            {"depth": MAX_NESTING},
        )
    if info.file_size > limits.member_bytes:
        sizes = f"{info.file_size:,} bytes, limit {limits.member_bytes:,}"
        message = f"member is larger than the size limit ({sizes})"
        return message, "member_too_big", {"size": info.file_size, "limit": limits.member_bytes}
    if info.file_size >= limits.ratio_floor and info.file_size > limits.ratio * max(info.compress_size, 1):
        return "compressed too well to be text (a zip bomb?), not read", "zip_bomb", {}
    return None


def _members(
    archive: str | Path | IO[bytes],
    document: str,
    path: str,
    suffixes: set[str],
    budget: _Budget,
    prefix: str,
    depth: int,
    key: str,
) -> Iterator[Source | ReadProblem]:
    """The members of one archive; ``prefix`` is its own name inside the outer ones (problems name it)."""
    limits = budget.limits
    try:
        zf = zipfile.ZipFile(archive)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        if prefix:
            yield ReadProblem(
                path, f"member {prefix.rstrip('/')}", f"not a readable zip archive ({exc})", code="bad_zip"
            )
        else:
            yield ReadProblem(path, None, f"not a readable zip archive ({exc})", code="bad_zip")
        return
    with zf:
        infos = [info for info in zf.infolist() if not info.is_dir()]
        budget.members += len(infos)
        if budget.members > limits.members:
            where = f"member {prefix.rstrip('/')}" if prefix else None
            yield ReadProblem(
                path,
                where,
                f"holds {budget.members} members, more than the limit of {limits.members}",
                code="too_many_members",
                params={"n": budget.members, "limit": limits.members},
            )
            return
        for info in sorted(infos, key=lambda i: i.filename):
            name = info.filename
            where = f"member {prefix}{name}"
            nested = _suffix(name) == ARCHIVE_SUFFIX
            if _unsafe(name):
                yield ReadProblem(
                    path, where, "unsafe member name (absolute or with ..), not read", code="unsafe_member"
                )
                continue
            if _hidden(name) or (_suffix(name) not in suffixes and not nested):
                continue
            refused = _refusal(info, nested, depth, limits)
            if refused is not None:
                message, code, params = refused
                yield ReadProblem(path, where, message, code=code, params=params)
                continue
            if budget.total + info.file_size > limits.total_bytes:
                yield ReadProblem(
                    path,
                    where,
                    f"archive holds more than {limits.total_bytes:,} bytes in all; the rest is not read",
                    code="archive_too_big",
                    params={"limit": limits.total_bytes},
                )
                return
            try:
                with zf.open(info) as fh:
                    data = fh.read(limits.member_bytes + 1)
            except (zipfile.BadZipFile, zlib.error, NotImplementedError, RuntimeError, EOFError, OSError) as exc:
                yield ReadProblem(path, where, f"cannot read member ({exc})", code="member_unreadable")
                continue
            if len(data) > limits.member_bytes:
                yield ReadProblem(
                    path,
                    where,
                    f"member is larger than the limit of {limits.member_bytes:,} bytes",
                    code="member_too_big",
                    params={"size": len(data), "limit": limits.member_bytes},
                )
                continue
            if nested:
                yield from _members(
                    io.BytesIO(data),
                    f"{document}/{name}",
                    path,
                    suffixes,
                    budget,
                    f"{prefix}{name}/",
                    depth + 1,
                    f"{key}/{name}" if key else "",
                )
                continue
            budget.total += len(data)
            member_key = f"{key}/{name}" if key else ""
            yield Source(document=f"{document}/{name}", path=f"{path}/{prefix}{name}", data=data, key=member_key)

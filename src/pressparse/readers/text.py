"""Finding the pages a command names and decoding their bytes into text (all of pressparse's input I/O)."""

from __future__ import annotations

import os
import re
import stat
import sys
import zlib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, NamedTuple, TypeGuard

STDIN = "-"
# The files a directory gives (matched on their names' ends): pages, gzipped or not, and web archives (see
# `archive`).
PAGE_SUFFIXES = (".txt", ".html", ".htm", ".txt.gz", ".html.gz", ".htm.gz")
ARCHIVE_SUFFIXES = (".warc", ".warc.gz", ".wet", ".wet.gz")
# How a WARC file starts, after gzip when it is compressed.
_WARC_MAGIC = b"WARC/"
_GZIP_MAGIC = b"\x1f\x8b"
# A page is HTML when it opens (after white space, a byte-order mark or comments) with a doctype or an HTML tag.
_HTML_START = re.compile(r"\A(?:\ufeff|\s|<!--.*?-->)*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL)
_HTML_SCAN = 1024
# Charsets a Content-Type header names that browsers read as windows-1252 (the WHATWG Encoding Standard).
_READ_AS_WINDOWS_1252 = ("iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii")
# Share of control characters above which bytes are not text, whatever the encoding.
_MAX_CONTROL_SHARE = 0.01
_WEB_LEGACY_DEFAULT = "cp1252"
_COHERENCE_TIE = 0.05
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
# The same control characters as bytes, and every other byte: deleting those leaves the control bytes to count
# (one C pass; in UTF-8 and single-byte encodings a control byte is a control character).
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20)])
_NOT_CONTROL_BYTES = bytes(b for b in range(256) if b not in _CONTROL_BYTES)
_HEAD = 65536
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


# A path naming a page through a protocol (s3://bucket/page.txt), read with fsspec (see `remote`).
_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")


def is_url(path: object) -> TypeGuard[str]:
    """Whether a path names a page or folder through a protocol (`s3://…`), not on the local file system."""
    return isinstance(path, str) and _URL.match(path) is not None


class InputError(Exception):
    """A page that cannot be read; the message is one line saying what is wrong."""


class RecordAt(NamedTuple):
    """A page inside a web archive: where its record starts, its WARC-Record-ID and its WARC-Target-URI."""

    offset: int
    record_id: str
    url: str | None


@dataclass(frozen=True)
class Input:
    source: str  # as the user gave it ("-" for standard input); "archive#<record id>" for an archive's page
    path: str | Path | None  # None for standard input
    rereadable: bool = False  # a regular file: can be read again (a pipe or stdin cannot)
    record: RecordAt | None = None  # the page's record when `path` is a web archive


def expand(paths: list[str], skipped: Counter[str] | None = None) -> tuple[list[Input], list[tuple[str, str]]]:
    """Turn command-line paths into pages: a file, every page file and web archive below a directory
    (PAGE_SUFFIXES and ARCHIVE_SUFFIXES, sorted), "-"; a web archive (by its name, or a WARC by how it starts)
    gives its pages in archive order, and one of them is named by its source (`crawl.warc.gz#<urn:uuid:…>`).

    Returns the inputs and the (path, message) pairs of paths that name no page or archives damaged part way;
    `skipped`, when given, counts per archive the records that are not pages.
    """
    inputs: list[Input] = []
    errors: list[tuple[str, str]] = []
    for given in paths:
        if given == STDIN:
            inputs.append(Input(STDIN, None))
            continue
        path = Path(given)
        if path.is_dir():
            pages = _pages_below(str(path))  # the folder as Path spells it: "./a/" gives "a/page.txt"
            if not pages:
                errors.append((given, "directory holds no pages (*.txt, *.html, *.htm [.gz], *.warc[.gz], *.wet[.gz])"))
            for page in pages:
                if page.lower().endswith(ARCHIVE_SUFFIXES):
                    inputs.extend(_archive_pages(page, errors, skipped))
                else:
                    inputs.append(Input(page, page, rereadable=True))
        elif path.is_file() and _is_archive(given):
            inputs.extend(_archive_pages(given, errors, skipped))
        elif path.exists():  # a file, or a named pipe or device that streams one page
            inputs.append(Input(given, path, rereadable=path.is_file()))
        elif _names_a_record(given):  # one page of an archive, by the source its record was given
            archive_path = given.rpartition("#")[0]
            found = [page for page in _archive_pages(archive_path, errors, None) if page.source == given]
            inputs.extend(found)
            if not found:
                errors.append((given, "no such page record in the archive"))
        else:
            errors.append((given, "no such file or directory"))
    return inputs, errors


def _is_archive(path: str) -> bool:
    """Whether a file is a web archive, by its name or, for a WARC named otherwise (not as a page), by its first
    bytes."""
    name = path.lower()
    return name.endswith(ARCHIVE_SUFFIXES) or (not name.endswith(PAGE_SUFFIXES) and _starts_like_warc(path))


def _starts_like_warc(path: str) -> bool:
    """Whether a file starts as a WARC file does, plain or gzipped (its first bytes only are read)."""
    try:
        with open(path, "rb") as file:
            return is_warc_start(file.read(512))
    except OSError:
        return False


def looks_like_html(text: str) -> bool:
    """Whether a decoded page is HTML, judged by how it starts (a scraped text page may quote a tag or two)."""
    return _HTML_START.match(text[:_HTML_SCAN]) is not None


def is_warc_start(head: bytes) -> bool:
    """Whether bytes start as a WARC file does, plain or gzipped."""
    if head.startswith(_GZIP_MAGIC):
        try:
            head = zlib.decompressobj(31).decompress(head, len(_WARC_MAGIC))
        except zlib.error:
            return False
    return head.startswith(_WARC_MAGIC)


def _names_a_record(given: str) -> bool:
    """Whether a path is an archive's page as its record's `source` names it (`crawl.warc.gz#<urn:uuid:…>`)."""
    archive_path, hash_sign, _ = given.rpartition("#")
    return bool(hash_sign) and Path(archive_path).is_file() and _is_archive(archive_path)


def _archive_pages(path: str, errors: list[tuple[str, str]], skipped: Counter[str] | None) -> list[Input]:
    """The pages of a web archive, found by one pass over its record headers; an archive unreadable from some
    record on (or at all) goes to `errors`, its records before that still give pages."""
    from . import archive  # fastwarc is imported for web archives only

    pages: list[Input] = []
    others = 0
    try:
        for entry in archive.scan(path):
            if isinstance(entry, RecordAt):
                pages.append(Input(archive.source_of(path, entry.record_id), path, rereadable=True, record=entry))
            elif isinstance(entry, archive.Damaged):
                errors.append((path, entry.message))
            else:
                others += 1
    except OSError as error:
        errors.append((path, f"cannot read file: {error.strerror or error}"))
        return pages
    if skipped is not None and others:
        skipped[path] += others
    if not pages and not errors:
        errors.append((path, f"archive holds no HTML or text pages ({others} other records)"))
    return pages


def _pages_below(directory: str) -> list[str]:
    """Every page file below `directory`, in path order (folder by folder, as Path objects sort), without
    entering linked folders; folders that cannot be listed are skipped.

    One scandir per folder and no stat or Path object per file: on a million-page archive this takes seconds,
    not tens of them (Path.rglob stats every entry it yields).
    """
    found: list[tuple[str, ...]] = []
    folders: list[tuple[str, ...]] = [()]
    while folders:
        folder = folders.pop()
        try:
            with os.scandir(os.path.join(directory, *folder)) as entries:
                for entry in entries:
                    if entry.is_dir(follow_symlinks=False):
                        folders.append((*folder, entry.name))
                    elif entry.name.lower().endswith(PAGE_SUFFIXES + ARCHIVE_SUFFIXES) and entry.is_file():
                        found.append((*folder, entry.name))
        except OSError:
            continue
    found.sort()
    return [os.path.join(directory, *parts) for parts in found]


def read_bytes(item: Input, max_bytes: int = 0) -> bytes:
    """The raw bytes of a page (standard input for "-"). A page over `max_bytes` (0: no limit) is refused before
    it is read whole: a regular file by its size, a stream once it has given one byte too many."""
    if item.path is None:
        return _read_at_most(sys.stdin.buffer, max_bytes)
    if is_url(item.path):
        from .remote import read_url  # only runs given URLs (on a Dask cluster) need fsspec

        return read_url(item.path, max_bytes)
    try:
        with open(item.path, "rb", buffering=0) as file:  # unbuffered: one read into one bytes object
            if max_bytes and stat.S_ISREG(os.fstat(file.fileno()).st_mode):
                refuse_over(os.fstat(file.fileno()).st_size, max_bytes)
                return file.readall()
            return _read_at_most(file, max_bytes)
    except OSError as error:
        raise InputError(f"cannot read file: {error.strerror or error}") from None


def _read_at_most(stream: BinaryIO, max_bytes: int) -> bytes:
    """Everything the stream holds, reading at most one byte more than `max_bytes` (0: no limit)."""
    if not max_bytes:
        return stream.read()
    parts: list[bytes] = []
    size = 0
    while size <= max_bytes and (part := stream.read(max_bytes + 1 - size)):  # a pipe gives what it holds
        parts.append(part)
        size += len(part)
    refuse_over(size, max_bytes)
    return b"".join(parts)


def is_gzipped(data: bytes) -> bool:
    return data.startswith(_GZIP_MAGIC)


def gunzip(data: bytes, max_bytes: int = 0) -> bytes:
    """What gzipped bytes hold (every member, as `gzip -d` gives them), refused once more than `max_bytes` come
    out (0: no limit): a few kilobytes may inflate to gigabytes."""
    parts: list[bytes] = []
    size = 0
    while data:
        inflater = zlib.decompressobj(31)
        try:
            part = inflater.decompress(data, max_bytes + 1 - size if max_bytes else 0)
        except zlib.error as error:
            raise InputError(f"damaged gzip data: {error}") from None
        parts.append(part)
        size += len(part)
        refuse_over(size, max_bytes)
        if not inflater.eof:
            raise InputError("gzip data cut short")
        data = inflater.unused_data.lstrip(b"\x00")  # the next member, after any zero padding
    return b"".join(parts)


def refuse_over(size: int, max_bytes: int) -> None:
    if max_bytes and size > max_bytes:
        raise InputError(f"page too large: more than {max_bytes:,} bytes (--max-page-bytes)")


def decode(data: bytes, charset: str | None = None) -> str:
    """Decode a page: BOMs honoured, UTF-8 tried first, then the `charset` its HTTP headers declare (if any),
    other encodings detected with charset-normalizer.

    Raises InputError for empty, blank, binary and undecodable input.
    """
    if not data:
        raise InputError("empty file")
    text, bytewise = _decode(data, charset)
    if not text or text.isspace():
        raise InputError("blank file (only white space)")
    if bytewise:
        head_bytes = data[:_HEAD]
        control, examined = len(head_bytes.translate(None, _NOT_CONTROL_BYTES)), len(head_bytes)
    else:
        head = text[:_HEAD]
        control, examined = len(_CONTROL.findall(head)), len(head)
    if control > _MAX_CONTROL_SHARE * examined:
        raise InputError("binary file, not text")
    return text


def _decode(data: bytes, charset: str | None = None) -> tuple[str, bool]:
    """The text, and whether its control characters can be counted on the bytes (any encoding but UTF-16/32)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding == "utf-8-sig"
            except UnicodeDecodeError:
                raise InputError(f"undecodable: starts with a {encoding} byte-order mark but is not {encoding}") from None
    try:
        return data.decode("utf-8"), True
    except UnicodeDecodeError:
        pass
    if charset:
        declared = "cp1252" if charset in _READ_AS_WINDOWS_1252 else charset
        try:
            return data.decode(declared), not declared.replace("_", "-").startswith(("utf-16", "utf-32"))
        except (LookupError, UnicodeDecodeError):  # an unknown name, or a header that is wrong: detect it
            pass
    from charset_normalizer import from_bytes  # only for pages that are not UTF-8

    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        if b"\x00" in data:
            raise InputError("binary file, not text")
        raise InputError("undecodable: not UTF-8 and no other text encoding fits")
    # Short pages fit several single-byte code pages equally well; windows-1252 is the Web's legacy default
    # (browsers decode "latin-1" pages with it), so it wins ties.
    tied = (m for m in matches if m.chaos <= best.chaos and m.coherence >= best.coherence - _COHERENCE_TIE)
    chosen = next((m for m in tied if m.encoding == _WEB_LEGACY_DEFAULT), best)
    return str(chosen), not chosen.encoding.startswith(("utf_16", "utf_32"))


def read_text(item: Input, max_bytes: int = 0) -> str:
    """Read and decode one page (refused over `max_bytes`, 0: no limit); raises InputError with a one-line
    reason."""
    return decode(read_bytes(item, max_bytes))

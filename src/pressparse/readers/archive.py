"""Web archives: WARC files (`.warc`, `.warc.gz`), whose HTTP responses holding HTML or text are pages, and WET
files (`.wet`, `.wet.gz`), whose conversion records are text pages; read with fastwarc.

How a run reads an archive: `scan` makes one pass over it reading the records' headers only (fastwarc skips
a payload without copying it out) and names each page by its offset and record ID (a `RecordAt`, about 200 bytes
in the run's list of inputs); a worker then reads that one record with `read_record`, seeking to its offset. In
a `.warc.gz` every record is normally a gzip member of its own, so the seek lands on the start of one and only
that record is inflated: no payload crosses between processes, the workers inflate in parallel, and memory
stays that of one record however large the archive (measured in the README). An archive written as one gzip
stream, or whose members do not start where its records do, cannot be entered in the middle: the record found
at the offset is then not the one named, and the worker reads on from the start of the archive instead,
keeping its place for the next record it is given (a worker is given the records of a chunk in order), so
such an archive costs about one more pass over it per worker instead of one per record.

`records(path)` reads an archive in one pass, pages and their bytes together, for a caller that wants them
without the batch (a benchmark, a runner of its own).
"""

from __future__ import annotations

import io
import os
import zlib
from typing import BinaryIO, Iterator, NamedTuple

from fastwarc import ArchiveIterator, WarcRecord, WarcRecordType

from .text import InputError, RecordAt

# What a page record's payload may be declared as (anything else, images, scripts, PDF, is skipped).
PAGE_MEDIA_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
_PAGE_RECORDS = WarcRecordType.response | WarcRecordType.conversion
# How a WARC file starts, after gzip when it is compressed.
_WARC_MAGIC = b"WARC/"
_GZIP_MAGIC = b"\x1f\x8b"
_WBITS_FOR = {"gzip": 31, "x-gzip": 31, "deflate": 15}


class Skipped(NamedTuple):
    """A record that is not a page (a request, metadata, a revisit, an image…): counted, not an error."""

    record_id: str
    why: str


class Damaged(NamedTuple):
    """Where an archive stops being readable: the records before it are still pages."""

    message: str


class Payload(NamedTuple):
    """A page record's content, transfer and content encodings undone."""

    data: bytes
    url: str | None  # the WARC-Target-URI
    charset: str | None  # from the Content-Type header, for a page that does not say it itself
    html: bool | None  # declared HTML; None when the record does not say


def starts_like_warc(path: str) -> bool:
    """Whether a file starts as a WARC file does, plain or gzipped (its first bytes only are read)."""
    try:
        with open(path, "rb") as file:
            head = file.read(512)
    except OSError:
        return False
    if head.startswith(_GZIP_MAGIC):
        try:
            head = zlib.decompressobj(31).decompress(head, len(_WARC_MAGIC))
        except zlib.error:
            return False
    return head.startswith(_WARC_MAGIC)


def source_of(path: str, record_id: str) -> str:
    """The `source` of an archive's page: `crawl.warc.gz#<urn:uuid:…>`."""
    return f"{path}#{record_id}"


def scan(path: str) -> Iterator[RecordAt | Skipped | Damaged]:
    """Every record of the archive, headers only: its pages as `RecordAt`, the other records as `Skipped`, and
    a `Damaged` last where the archive cannot be read on (OSError when it cannot be opened)."""
    previous = "its start"
    with open(path, "rb") as file:
        try:
            for record in ArchiveIterator(file, parse_http=True):
                record_id = record.record_id or f"offset {record.stream_pos}"
                why = _not_a_page(record)
                if why:
                    yield Skipped(record_id, why)
                else:
                    yield RecordAt(record.stream_pos, record_id, record.headers.get("WARC-Target-URI"))
                previous = f"record {record_id}"
        except OSError as error:
            yield Damaged(f"unreadable after {previous}: {error}")


def _not_a_page(record: WarcRecord) -> str | None:
    """Why a record is not a page, or None when it is one."""
    kind = record.record_type
    if kind == WarcRecordType.conversion:
        return None
    if kind != WarcRecordType.response:
        return f"{kind} record"
    if not record.is_http:
        return "not an HTTP response"
    status = record.http_headers.status_code
    if status is not None and not 200 <= status < 300:
        return f"HTTP status {status}"
    media_type = _media_type(record.http_content_type or record.headers.get("WARC-Identified-Payload-Type") or "")
    if media_type and media_type not in PAGE_MEDIA_TYPES:
        return f"not HTML or text ({media_type})"
    return None


def read_record(path: str, offset: int, record_id: str | None = None, max_bytes: int = 0) -> Payload:
    """The payload of the page record at `offset` (and with `record_id`, when given; see the module's docstring
    for archives where the offset does not lead to it). Raises InputError, one line, for a record that cannot
    be read (cut short, bad chunked or content encoding, over `max_bytes`, 0: no limit) and OSError for an
    archive that cannot be opened."""
    with open(path, "rb") as file:
        file.seek(offset)
        try:
            record = next(iter(ArchiveIterator(file)), None)
        except OSError:  # the offset is not the start of a record (inside one gzip stream)
            record = None
        if record is not None and record_id in (None, record.record_id):
            return _payload(record, max_bytes)
    return _IN_ORDER.read(path, record_id, max_bytes)


class _InOrder:
    """Reads the records of an archive that cannot be entered at an offset from its start, keeping its place:
    records asked for in order cost one pass over the archive between them."""

    def __init__(self) -> None:
        self.path: str | None = None
        self.file: BinaryIO | None = None
        self.records: Iterator[WarcRecord] = iter(())
        self.process = os.getpid()

    def read(self, path: str, record_id: str | None, max_bytes: int) -> Payload:
        # A forked worker shares the file's position with its parent: its place is its own only once reopened.
        if path == self.path and self.process == os.getpid():
            found = self._find(record_id)
            if found is not None:
                return _payload(found, max_bytes)
        self._open(path)  # not ahead of the place kept (or another archive): from the start
        found = self._find(record_id)
        if found is None:
            raise InputError("record not found in the archive (damaged before it)")
        return _payload(found, max_bytes)

    def _open(self, path: str) -> None:
        if self.file is not None:
            self.file.close()
        self.path, self.file, self.process = path, open(path, "rb"), os.getpid()
        self.records = iter(ArchiveIterator(self.file, record_types=_PAGE_RECORDS))

    def _find(self, record_id: str | None) -> WarcRecord | None:
        try:
            return next((record for record in self.records if record.record_id == record_id), None)
        except OSError:
            return None


_IN_ORDER = _InOrder()


def records(path: str, max_bytes: int = 0) -> Iterator[tuple[str, str | None, Payload | InputError]]:
    """Every page of an archive in one pass: (source, url, its payload or why it cannot be read). Other records
    are left out; where the archive cannot be read on, the last item is (path, None, InputError)."""
    with open(path, "rb") as file:
        try:
            for record in ArchiveIterator(file, record_types=_PAGE_RECORDS):
                if _not_a_page(record):
                    continue
                source = source_of(path, record.record_id or f"offset {record.stream_pos}")
                try:
                    yield source, record.headers.get("WARC-Target-URI"), _payload(record, max_bytes)
                except InputError as problem:
                    yield source, record.headers.get("WARC-Target-URI"), problem
        except OSError as error:
            yield path, None, InputError(f"unreadable from here on: {error}")


def _payload(record: WarcRecord, max_bytes: int) -> Payload:
    """A page record's payload (read with its HTTP headers parsed): for an HTTP response, its body with the
    transfer and content encodings undone, and what the headers say of it."""
    if max_bytes and record.content_length > max_bytes:
        raise InputError(f"page too large: more than {max_bytes:,} bytes (--max-page-bytes)")
    body = record.reader.read()
    if len(body) < record.content_length:
        raise InputError(f"record cut short: {len(body):,} of {record.content_length:,} bytes")
    url = record.headers.get("WARC-Target-URI")
    if not record.is_http:
        return Payload(body, url, "utf-8", False)  # a WET conversion: UTF-8 text
    headers = record.http_headers
    if "chunked" in (headers.get("Transfer-Encoding") or "").lower():
        body = _dechunked(body)
    body = _decoded(body, headers.get("Content-Encoding") or "")
    content_type = headers.get("Content-Type") or ""
    media_type = _media_type(content_type)
    return Payload(body, url, _charset(content_type), "html" in media_type if media_type else None)


def _dechunked(body: bytes) -> bytes:
    """The body of a chunked transfer (RFC 9112 7.1): InputError when the chunks do not add up."""
    parts: list[bytes] = []
    at = 0
    while True:
        end = body.find(b"\r\n", at)
        size_text = body[at:end].split(b";", 1)[0].strip() if end >= 0 else b""
        try:
            size = int(size_text, 16)
        except ValueError:
            raise InputError(f"bad chunked encoding: no chunk size at byte {at:,}") from None
        if size == 0:
            return b"".join(parts)
        start = end + 2
        if body[start + size : start + size + 2] != b"\r\n":
            raise InputError(f"bad chunked encoding: chunk of {size:,} bytes at byte {at:,} cut short or overlong")
        parts.append(body[start : start + size])
        at = start + size + 2


def _decoded(body: bytes, content_encoding: str) -> bytes:
    """The body with its content encoding undone (gzip, deflate, br); InputError when it cannot be."""
    encoding = content_encoding.strip().lower()
    if encoding in ("", "identity", "none"):
        return body
    if encoding == "br":
        from fastwarc.stream_io import BrotliReader  # rare: only for the pages that need it

        try:
            return BrotliReader(io.BytesIO(body)).read()
        except OSError as error:
            raise InputError(f"bad br content encoding: {error}") from None
    wbits = _WBITS_FOR.get(encoding)
    if wbits is None:
        raise InputError(f"unknown content encoding: {content_encoding}")
    inflater = zlib.decompressobj(wbits)
    try:
        data = inflater.decompress(body)
    except zlib.error as error:
        if encoding == "deflate":
            return _raw_deflate(body)  # many servers send raw deflate under that name
        raise InputError(f"bad {encoding} content encoding: {error}") from None
    if not inflater.eof:
        raise InputError(f"{encoding} content cut short")
    return data


def _raw_deflate(body: bytes) -> bytes:
    try:
        return zlib.decompress(body, -15)
    except zlib.error as error:
        raise InputError(f"bad deflate content encoding: {error}") from None


def _media_type(content_type: str) -> str:
    """`text/html` of `text/html; charset=utf-8`."""
    return content_type.split(";", 1)[0].strip().lower()


def _charset(content_type: str) -> str | None:
    """The charset parameter of a Content-Type header, if any."""
    for parameter in content_type.split(";")[1:]:
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset" and value.strip(" \"'"):
            return value.strip(" \"'").lower()
    return None

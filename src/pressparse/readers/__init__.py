"""Input readers: finding the pages a command names and turning their bytes into the text the pipeline reads
(plain text decoded; HTML rendered as lines, with what its markup says as hints)."""

from __future__ import annotations

from dataclasses import dataclass

from ..steps.page import Hints
from .text import (
    Input,
    InputError,
    RecordAt,
    decode,
    expand,
    gunzip,
    is_gzipped,
    is_warc_start,
    looks_like_html,
    read_bytes,
)

__all__ = ["Document", "Input", "InputError", "expand", "read_document", "to_document"]

HTML_SUFFIXES = (".html", ".htm")


@dataclass(frozen=True)
class Document:
    """One page as the pipeline takes it."""

    text: str  # plain text, or the lines rendered from the HTML
    url: str | None = None
    hints: Hints | None = None  # what the HTML says; None for plain text


def to_document(
    data: bytes, name: str = "", url: str | None = None, charset: str | None = None, declared_html: bool = False
) -> Document:
    """Decode a page's bytes (`charset`: what its HTTP headers declare, if any) and render it when it is HTML (as
    declared, by its name's suffix, or by how it starts)."""
    text = decode(data, charset)
    if not (declared_html or name.lower().endswith(HTML_SUFFIXES) or looks_like_html(text)):
        return Document(text, url)
    from . import html  # the HTML parser is loaded for HTML pages only: a run over text pages starts sooner

    rendered = html.render(text)
    return Document(rendered.text, url or rendered.url, rendered.hints)


def read_document(item: Input, max_bytes: int = 0) -> Document:
    """Read one page (gzipped or not; refused over `max_bytes`, 0: no limit) as a Document; raises InputError
    with a one-line reason."""
    if item.record is not None:
        return _archived_document(item, item.record, max_bytes)
    data = read_bytes(item, max_bytes)
    if item.path is None and is_warc_start(data[:512]):
        raise InputError("a web archive: give its path (archives are read from files, not standard input)")
    name = str(item.path or "")
    if is_gzipped(data):
        data = gunzip(data, max_bytes)
        name = name[:-3] if name.lower().endswith(".gz") else name  # "page.html.gz" is HTML
    return to_document(data, name)


def _archived_document(item: Input, record: RecordAt, max_bytes: int) -> Document:
    """A web archive's page: its record read from the archive, its URL the record's WARC-Target-URI."""
    from . import archive  # fastwarc is imported for web archives only

    try:
        payload = archive.read_record(str(item.path), record.offset, record.record_id, max_bytes)
    except OSError as error:
        raise InputError(f"cannot read archive: {error.strerror or error}") from None
    return to_document(payload.data, item.source, record.url, payload.charset, bool(payload.html))

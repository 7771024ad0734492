"""Output formats: JSON Lines, one JSON array, CSV, and a readable view for terminals. Records stream out.

Each writer splits its work in two: `render(record)` (a static method) turns a record into what `write` takes,
and runs where the record is made, in a worker process on large runs; `write` only puts it out, in order, in the
one process that owns the output. Output is UTF-8 bytes whatever the system's locale, encoded by `render`: the
parent process then copies bytes, with no text to decode and encode again.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any, BinaryIO, Protocol

FORMATS = ("jsonl", "json", "csv")
CSV_COLUMNS = (
    "source", "url", "language", "headline", "location", "country_code", "date", "projects", "funders",
    "contact_names", "contact_emails", "contact_phones", "body",
)
LIST_SEPARATOR = "; "
# Built once: json.dumps with options builds a new encoder on every call.
_ONE_LINE = json.JSONEncoder(ensure_ascii=False).encode
_INDENTED = json.JSONEncoder(ensure_ascii=False, indent=2).encode
# The start of a JSON Lines record: its first key is always the source (a JSON string literal).
_RECORD_SOURCE = re.compile(rb'\{"source": ("(?:[^"\\]|\\.)*")')


class Writer(Protocol):
    """What every format has: `render` runs where records are made, `write` and `close` where output goes."""

    def __init__(self, out: BinaryIO) -> None: ...

    @staticmethod
    def render(record: dict) -> Any: ...

    def write(self, rendered: Any) -> None: ...

    def close(self) -> None: ...


class JsonLinesWriter:
    def __init__(self, out: BinaryIO):
        self.out = out

    @staticmethod
    def render(record: dict) -> bytes:
        return (_ONE_LINE(record) + "\n").encode()

    def write(self, rendered: bytes) -> None:
        self.out.write(rendered)

    def close(self) -> None:
        pass


class JsonArrayWriter:
    """One JSON array, written element by element so that output starts before the last page is read."""

    def __init__(self, out: BinaryIO):
        self.out = out
        self.count = 0

    @staticmethod
    def render(record: dict) -> bytes:
        return _INDENTED(record).encode()

    def write(self, rendered: bytes) -> None:
        self.out.write(b"[\n" if self.count == 0 else b",\n")
        self.out.write(rendered)
        self.count += 1

    def close(self) -> None:
        self.out.write(b"[]\n" if self.count == 0 else b"\n]\n")


class NotRecords(Exception):
    """A file to resume from holds something other than pressparse's JSON Lines records."""


def recorded_sources(path: Path) -> set[str]:
    """The sources of the records in a JSON Lines file that a run wrote (none if it does not exist), for
    --resume. A last line without its line end (the run was killed while writing it) is cut off the file.
    Raises NotRecords naming the first line that is not a pressparse record."""
    sources: set[str] = set()
    try:
        file = open(path, "r+b")
    except FileNotFoundError:
        return sources
    with file:
        complete = 0  # bytes up to the end of the last whole line
        for number, line in enumerate(file, start=1):
            if not line.endswith(b"\n"):
                break
            match = _RECORD_SOURCE.match(line)
            if match is None or not line.endswith(b"}\n"):
                raise NotRecords(f"line {number} is not a pressparse record (JSON Lines)")
            sources.add(json.loads(match.group(1)))
            complete += len(line)
        file.truncate(complete)
    return sources


def csv_row(record: dict) -> dict:
    """Flatten a record into the CSV columns; lists joined with "; "."""
    location = record["location"] or {}
    contacts = record["contacts"]

    def joined(values) -> str:
        return LIST_SEPARATOR.join(v for v in values if v)

    return {
        "source": record["source"],
        "url": record["url"] or "",
        "language": record["language"] or "",
        "headline": record["headline"] or "",
        "location": location.get("name", ""),
        "country_code": location.get("country_code") or "",
        "date": record["date"] or "",
        "projects": joined(f"{p['name']} ({p['acronym']})" if p["acronym"] else p["name"] for p in record["projects"]),
        "funders": joined(f["name"] for f in record["funders"]),
        "contact_names": joined(c["name"] for c in contacts),
        "contact_emails": joined(e for c in contacts for e in c["emails"]),
        "contact_phones": joined(p for c in contacts for p in c["phones"]),
        "body": record["body"],
    }


def _csv_line(values) -> bytes:
    line = io.StringIO()
    csv.writer(line, lineterminator="\n").writerow(values)
    return line.getvalue().encode()


class CsvWriter:
    def __init__(self, out: BinaryIO):
        self.out = out
        out.write(_csv_line(CSV_COLUMNS))

    @staticmethod
    def render(record: dict) -> bytes:
        row = csv_row(record)
        return _csv_line(row[column] for column in CSV_COLUMNS)

    def write(self, rendered: bytes) -> None:
        self.out.write(rendered)

    def close(self) -> None:
        pass


class PrettyWriter:
    """A readable panel per record, for a person at a terminal (used when no --format is given)."""

    def __init__(self, out: BinaryIO):
        from rich.console import Console

        self.text = io.TextIOWrapper(out, encoding="utf-8", write_through=True)
        self.console = Console(file=self.text)

    @staticmethod
    def render(record: dict) -> dict:
        """The record itself: a panel is laid out for the terminal it is written to."""
        return record

    def write(self, record: dict) -> None:
        from rich.panel import Panel
        from rich.table import Table

        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold cyan", no_wrap=True)
        table.add_column()
        location = record["location"]
        rows = [
            ("headline", record["headline"] or "—"),
            ("language", record["language"] or "—"),
            ("location", f"{location['name']} ({location['country_code'] or '?'})" if location else "—"),
            ("date", record["date"] or "—"),
            ("projects", "\n".join(p["name"] + (f" ({p['acronym']})" if p["acronym"] else "") for p in record["projects"]) or "—"),
            ("funders", "\n".join(f["name"] for f in record["funders"]) or "—"),
            ("contacts", "\n".join(
                " · ".join(x for x in [c["name"] or "?", c["organization"] or "", *c["phones"], *c["emails"]] if x)
                for c in record["contacts"]) or "—"),
            ("body", _preview(record["body"])),
        ]
        for key, value in rows:
            table.add_row(key, value)
        for warning in record["warnings"]:
            table.add_row("[yellow]warning[/]", warning)
        self.console.print(Panel(table, title=record["source"], title_align="left", border_style="blue"))

    def close(self) -> None:
        self.text.flush()
        self.text.detach()  # the output stream is the caller's to close


def _preview(body: str, limit: int = 400) -> str:
    if not body:
        return "—"
    return body if len(body) <= limit else body[:limit].rsplit(" ", 1)[0] + " …"


WRITERS: dict[str, type[Writer]] = {
    "jsonl": JsonLinesWriter, "json": JsonArrayWriter, "csv": CsvWriter, "pretty": PrettyWriter,
}

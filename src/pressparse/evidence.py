"""Where each value of the record was found: line, character span in the cleaned text, and the cue that fired.

Reads what the steps left on the `Page`: `page.record` (the values), `page.evidence` (the `page.note` calls:
field, value as the extractor saw it, 0-based line index, cue) and `page.text` (line i of `page.lines` is line
i + 1 of `page.text`, before stripping). Adds nothing to the page; `evidence_of` returns the `evidence` object
of `--evidence`, and `explain` draws its highlights from it.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from .steps.page import Evidence, Line, Page

SINGLE_FIELDS = ("headline", "location", "date")
LIST_FIELDS = ("funders", "projects", "contacts")
# A value wrapped by the scraper is looked for in the noted line and this many lines after it
# (an extractor may note the cue's line while the value starts on the next one).
WRAP_LINES = 3
_LINE_BREAK = re.compile(r"\r\n?|\n")


def _record_values(page: Page) -> dict[str, list[str | None]]:
    """The record's values per field, in record order; a contact is its name, else its first e-mail."""
    record = page.record
    return {
        "headline": [record.headline],
        "location": [record.location.name if record.location else None],
        "date": [record.date],
        "funders": [f.name for f in record.funders],
        "projects": [p.name for p in record.projects],
        "contacts": [c.name or (c.emails[0] if c.emails else None) for c in record.contacts],
    }


def _same(value: str, note: Evidence, lines: list[Line]) -> bool:
    return note.value == value


def _same_ignoring_case(value: str, note: Evidence, lines: list[Line]) -> bool:
    return note.value.casefold() == value.casefold()


def _in_noted_line(value: str, note: Evidence, lines: list[Line]) -> bool:
    return value in lines[note.line].text


# From the surest pairing of a value with a note to the loosest.
_PAIRINGS = (_same, _same_ignoring_case, _in_noted_line)


def _match_notes(values: list[str | None], notes: list[Evidence], lines: list[Line]) -> list[Evidence | None]:
    """The note behind each value: the same text, else the same text ignoring case, else a note whose line
    holds the value. Values left over are paired in order with the notes left over only when both counts
    agree (a normalised date or name), so that a value is never tied to another value's note."""
    chosen: list[Evidence | None] = [None] * len(values)
    free = list(notes)
    for pairs in _PAIRINGS:
        for i, value in enumerate(values):
            if value is None or chosen[i] is not None:
                continue
            note = next((n for n in free if pairs(value, n, lines)), None)
            if note is not None:
                chosen[i] = note
                free.remove(note)
    open_values = [i for i, value in enumerate(values) if value is not None and chosen[i] is None]
    if open_values and len(open_values) == len(free):
        for i, note in zip(open_values, free):
            chosen[i] = note
    return chosen


def _find_words(text: str, words: list[str], lo: int, hi: int) -> tuple[int, int] | None:
    """First span of text[lo:hi] made of `words` separated by whitespace (line breaks included)."""
    first = words[0]
    pos = text.find(first, lo, hi)
    while pos != -1:
        end = pos + len(first)
        for word in words[1:]:
            gap = end
            while gap < hi and text[gap].isspace():
                gap += 1
            if gap == end or gap + len(word) > hi or not text.startswith(word, gap):
                break
            end = gap + len(word)
        else:
            return pos, end
        pos = text.find(first, pos + 1, hi)
    return None


class TextLines:
    """Character offsets of the lines of a page's text, to turn a (line, text) note into a span: the cleaned
    text (`page.text`, what `explain` shows) or, with `on_input`, the decoded input (`page.original`)."""

    def __init__(self, page: Page, on_input: bool = False):
        self.text = page.original if on_input else page.text
        # Lines end where cleaning ended them (clean.py): at "\r\n", "\r" or "\n".
        self.raw = _LINE_BREAK.split(self.text)
        # A note names a line of `page.lines`; in the input, that is the line the cleaned line came from.
        self.index_of = (lambda i: page.lines[i].number - 1) if on_input else (lambda i: i)
        # Offset of each line's first character (then of the text's end).
        self.starts = [0, *(end.end() for end in _LINE_BREAK.finditer(self.text)), len(self.text) + 1]

    def line_span(self, index: int) -> tuple[int, int]:
        """The span of the line's text without its surrounding whitespace (what `Line.text` holds)."""
        raw = self.raw[index]
        start = self.starts[index] + len(raw) - len(raw.lstrip())
        return start, start + len(raw.strip())

    def line_of(self, offset: int) -> int:
        return bisect_right(self.starts, offset) - 1

    def in_line(self, index: int, needle: str, cue: str) -> tuple[int, int] | None:
        """The needle's span in the line, the first occurrence after the cue when the cue is in the line."""
        if not needle:
            return None
        lo, hi = self.line_span(index)
        anchor = self._cue_end(lo, hi, cue)
        pos = self.text.find(needle, anchor, hi)
        if pos == -1 and anchor > lo:
            pos = self.text.find(needle, lo, hi)
        return None if pos == -1 else (pos, pos + len(needle))

    def _cue_end(self, lo: int, hi: int, cue: str) -> int:
        if not cue:
            return lo
        line = self.text[lo:hi]
        folded = line.lower()
        # lower() keeps offsets only when it keeps the length (it does for almost every script).
        pos = folded.find(cue.lower()) if len(folded) == len(line) else line.find(cue)
        return lo if pos == -1 else lo + pos + len(cue)

    def wrapped(self, index: int, needle: str) -> tuple[int, int] | None:
        """The needle's span when the scraper broke it over lines, from the noted line to a few lines on
        (blank lines included: a name reads on over a paragraph break that ends no sentence, see
        `names.paragraphs`)."""
        words = needle.split()
        if not words:
            return None
        lo = self.line_span(index)[0]
        last = min(index + WRAP_LINES, len(self.raw) - 1)
        return _find_words(self.text, words, lo, self.line_span(last)[1])

    def locate(self, note: Evidence, value: str) -> tuple[int, int]:
        """Span of the value in the noted line, else of the noted text, else either one wrapped over lines,
        else the whole line."""
        index = self.index_of(note.line)
        for needle in dict.fromkeys((value, note.value)):
            span = self.in_line(index, needle, note.cue)
            if span:
                return span
        for needle in dict.fromkeys((value, note.value)):
            span = self.wrapped(index, needle)
            if span:
                return span
        return self.line_span(index)


def _item(spans: TextLines, note: Evidence, value: str) -> dict:
    start, end = spans.locate(note, value)
    return {"value": value, "line": spans.line_of(start) + 1, "start": start, "end": end, "cue": note.cue or ""}


def evidence_of(page: Page, on_input: bool = False) -> dict:
    """The `evidence` object: for each field, where its value(s) were found; null (or no item in a list) for
    a value no step noted. Spans are offsets into the cleaned text, or with `on_input` (what --evidence gives)
    into the decoded input, lines numbered from 1 in the same text."""
    spans = TextLines(page, on_input)
    count = len(page.lines)
    notes: dict[str, list[Evidence]] = {}
    for note in page.evidence:
        if isinstance(note.line, int) and 0 <= note.line < count and isinstance(note.value, str):
            notes.setdefault(note.field, []).append(note)
    out: dict = {}
    for field, values in _record_values(page).items():
        chosen = _match_notes(values, notes.get(field, []), page.lines)
        items = [
            _item(spans, note, value) for value, note in zip(values, chosen) if note is not None and value is not None
        ]
        if field in SINGLE_FIELDS:
            out[field] = items[0] if items else None
        else:
            out[field] = items
    return out

"""Step: find the release on the page: its headline, where its body starts and ends, its date lines.

The body is the longest run of prose paragraphs not interrupted by furniture; the headline is the title-like
line just before that run's first prose paragraph. A page with several headline + date + prose units is a
listing; a page without enough prose holds no release. Both get headline null and a warning.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Final

from . import lexicon
from .dates import MAX_DATE_LINE, is_date_line
from .boilerplate import CLOSING_CHARS, COPYRIGHT_RULE, INLINE_LINK_RULE, METADATA_RULE, TEMPLATE_RULE, TRAILER_RULE
from .boilerplate import ends_sentence
from .page import BODY, BOILERPLATE, DATE, HEADLINE, Line, Page

# A title does not end like a sentence or a clause, even inside closing quotes or brackets.
_NO_TITLE_ENDS: Final = (".", ":", ";", ",")
_TITLE_OPENERS: Final = "«“\"'‘¿¡"


def _starts_lower(text: str) -> bool:
    """True for a line that continues a sentence: lower-case letter, digit or continuing punctuation first."""
    first = text[0]
    return first.islower() or first.isdigit() or first in "(,;"


def _starts_title(text: str) -> bool:
    first = text[0]
    return first.isupper() or first.isdigit() or first in _TITLE_OPENERS


# A release needs at least this much prose; less is a publications page, an error page or a stub.
MIN_RELEASE_CHARS: Final = 200
MIN_PARAGRAPH_CHARS: Final = 100
# In a listing, each item has its own headline, date line and prose of at least this size.
MIN_ITEM_CHARS: Final = 120
# Titles are short lines; prose has some words, or a few and a sentence's end.
MAX_TITLE_CHARS: Final = 300
MAX_TITLE_WORDS: Final = 40
MIN_PROSE_WORDS: Final = 12
# Narrower "wraps" are lists and menus, not a hard-wrapped page.
MIN_WRAP_WIDTH: Final = 30
# Furniture lines that may sit under a headline or inside a body without ending it.
MAX_BRIDGED_LINES: Final = 2
_INSIDE_BODY_RULES: Final = frozenset({METADATA_RULE, COPYRIGHT_RULE, TEMPLATE_RULE, INLINE_LINK_RULE})


class Paragraph:
    """A candidate paragraph; `finish()` computes its shape once its last line is in. (A plain class: see
    `page.Line`.)"""

    __slots__ = ("lines", "text", "is_date", "ends_sentence", "after_sentence", "is_title", "is_prose")

    def __init__(self, lines: list[int], text: str, is_date: bool, ends_sentence: bool, after_sentence: bool) -> None:
        self.lines = lines  # indexes into page.lines
        self.text = text
        self.is_date = is_date
        self.ends_sentence = ends_sentence  # its last line (so far) ends a sentence
        # It starts right after a line that ended a sentence (no blank line between).
        self.after_sentence = after_sentence
        self.is_title = False
        self.is_prose = False

    def finish(self) -> "Paragraph":
        text = self.text
        words = _word_count(text)
        self.is_title = (
            len(self.lines) == 1
            and 3 <= words <= MAX_TITLE_WORDS
            and len(text) <= MAX_TITLE_CHARS
            and not self.is_date
            and _starts_title(text)
            and not text.rstrip(CLOSING_CHARS).endswith(_NO_TITLE_ENDS)
        )
        # A stand-alone line without a sentence's end is a title, however long.
        self.is_prose = not self.is_title and (words >= MIN_PROSE_WORDS or (words >= 5 and self.ends_sentence))
        return self


def _word_count(text: str) -> int:
    """The number of words in `text` (spaces + 1), exact up to a title's length. A longer text is never a
    title: once its first MAX_TITLE_CHARS characters hold MIN_PROSE_WORDS words it is prose, and the count
    stops there (paragraphs run to thousands of characters)."""
    words = text.count(" ", 0, MAX_TITLE_CHARS) + 1
    if words >= MIN_PROSE_WORDS or len(text) <= MAX_TITLE_CHARS:
        return words
    return text.count(" ") + 1


def _wrap_width(lines: list[Line]) -> int:
    """Width of a hard-wrapped page (longest line continued by a line starting in lower case), 0 when the page
    is not hard-wrapped (fewer than three such breaks, or too narrow to be a wrap). Reads the lines' texts."""
    widths = []
    previous = ""
    for line in lines:
        text = line.text
        if previous and text[:1].islower() and not ends_sentence(previous):
            widths.append(len(previous))
        previous = text
    width = max(widths) if len(widths) >= 3 else 0
    return width if width >= MIN_WRAP_WIDTH else 0


def _ends_with_function_word(text: str, stopwords: frozenset[str]) -> bool:
    return text[text.rfind(" ") + 1 :].lower() in stopwords


@lru_cache(maxsize=None)
def _stopwords() -> frozenset[str]:
    return frozenset(lexicon.merged_list("stopwords"))


def _paragraphs(page: Page) -> list[Paragraph | str]:
    """Group candidate lines into paragraphs, joining hard-wrapped lines; a furniture line appears as the name
    of the rule that marked it."""
    stopwords = _stopwords()
    width = _wrap_width(page.lines)
    out: list[Paragraph | str] = []
    current: Paragraph | None = None
    previous = ""  # the last line of `current`
    for index, line in enumerate(page.lines):
        text = line.text
        if not text:
            current = None
            continue
        if line.role == BOILERPLATE:
            out.append(line.why)
            current = None
            continue
        date = _may_be_date(text) and _is_date_line(text)
        if current is not None and not date and _continues(current, previous, text, width, stopwords):
            current.lines.append(index)
            current.text += " " + text
            current.ends_sentence = ends_sentence(text)
            previous = text
            continue
        after_sentence = current is not None and current.ends_sentence
        current = Paragraph([index], text, date, ends_sentence(text), after_sentence)
        previous = text
        out.append(current)
        if date:
            current = None
    return [p.finish() if isinstance(p, Paragraph) else p for p in out]


def _may_be_date(text: str) -> bool:
    """False for a line that cannot be a date line: too long, or without a year (19xx or 20xx)."""
    return len(text) <= MAX_DATE_LINE and ("20" in text or "19" in text)


# Date lines and other short lines with a year recur on a site's pages; bounded, as most are one page's own.
_is_date_line: Final = lru_cache(maxsize=4096)(is_date_line)


def _continues(paragraph: Paragraph, previous: str, text: str, width: int, stopwords: frozenset[str]) -> bool:
    """True when `text` continues the paragraph whose last line is `previous` (a hard-wrapped line)."""
    ends = paragraph.ends_sentence
    if not ends and _starts_lower(text):
        return True
    # Otherwise a line break is a wrap only on a hard-wrapped page, after a line no longer than the wrap width.
    if not width or len(previous) > width + 2:
        return False
    # No paragraph (nor headline) ends on "le", "the", "de": the phrase goes on ("financé par le" / "Département").
    if not ends and _ends_with_function_word(previous, stopwords):
        return True
    # A line that had no room left for the next word was wrapped (a paragraph's last line has room to spare),
    # except a stand-alone first line: a headline.
    if len(previous) + 1 + len(text.split(" ", 1)[0]) <= width:
        return False
    return len(paragraph.lines) > 1 or paragraph.after_sentence


def _runs(paragraphs: list[Paragraph | str]) -> list[list[Paragraph]]:
    """Split paragraphs into runs at furniture. A short gap does not split: under a headline or date line
    (share buttons, labels) before the first prose, or between prose paragraphs when it is an image credit
    or a learned template line; share lines, related-news headings and the like end the release."""
    runs: list[list[Paragraph]] = [[]]
    gap: list[str] = []
    for paragraph in paragraphs:
        if isinstance(paragraph, str):
            gap.append(paragraph)
            continue
        if gap and runs[-1] and not _bridged(runs[-1], gap, paragraph):
            runs.append([])
        gap = []
        runs[-1].append(paragraph)
    return [run for run in runs if run]


def _bridged(run: list[Paragraph], gap: list[str], following: Paragraph) -> bool:
    if len(gap) > MAX_BRIDGED_LINES or not following.is_prose or TRAILER_RULE in gap:
        return False
    if not any(p.is_prose for p in run):
        return run[-1].is_title or run[-1].is_date
    return run[-1].is_prose and all(rule in _INSIDE_BODY_RULES for rule in gap)


def _prose_chars(run: list[Paragraph]) -> int:
    return sum(len(p.text) for p in run if p.is_prose)


def _reads_as_release(run: list[Paragraph]) -> bool:
    """Enough prose, in at least one real paragraph, making up most of the run: not a list of short items
    (publications, search results) that happen to hold a sentence or two."""
    prose = _prose_chars(run)
    longest = max((len(p.text) for p in run if p.is_prose), default=0)
    return prose >= MIN_RELEASE_CHARS and longest >= MIN_PARAGRAPH_CHARS and prose >= sum(len(p.text) for p in run) / 2


def _headline_of(run: list[Paragraph]) -> tuple[Paragraph | None, int]:
    """The title-like paragraph before the run's first prose paragraph, and that prose paragraph's position."""
    first_prose = next(i for i, p in enumerate(run) if p.is_prose)
    titles = [p for p in run[:first_prose] if p.is_title]
    return (titles[-1] if titles else None), first_prose


def _is_listing_item(run: list[Paragraph]) -> bool:
    if _prose_chars(run) < MIN_ITEM_CHARS:
        return False
    headline, first_prose = _headline_of(run)
    return headline is not None and any(p.is_date for p in run[:first_prose])


def find_release(page: Page) -> None:
    """Reads the lines and their furniture marks; sets `page.headline`, `page.body_start`, `page.body_end`,
    `page.paragraphs`, marks HEADLINE, DATE and BODY lines; warns on listings and pages without a release."""
    runs = [run for run in _runs(_paragraphs(page)) if any(p.is_prose for p in run)]
    for run in runs:
        for paragraph in run:
            if paragraph.is_date:
                page.lines[paragraph.lines[0]].role = DATE
    items = sum(_is_listing_item(run) for run in runs)
    if items >= 2:
        page.record.warnings.append(f"listing page: {items} releases found, none extracted")
        return
    best = max((run for run in runs if _reads_as_release(run)), key=_prose_chars, default=None)
    if best is None:
        page.record.warnings.append("no release found on the page")
        return
    headline, first_prose = _headline_of(best)
    if headline is not None:
        page.headline = headline.lines[0]
        page.lines[page.headline].role = HEADLINE
        page.note("headline", headline.text, page.headline)
    body = best[first_prose:]
    # Short title-like lines after the last prose paragraph are related-item titles, not release text.
    while body and not body[-1].is_prose and body[-1].is_title:
        body.pop()
    page.body_start = body[0].lines[0]
    page.body_end = body[-1].lines[-1] + 1
    for paragraph in body:
        if paragraph.is_date:
            continue
        page.paragraphs.append((paragraph.lines[0], paragraph.lines[-1]))
        for index in paragraph.lines:
            page.lines[index].role = BODY

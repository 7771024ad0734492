"""Step 1: undo the scraper's text damage and split the page into lines."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from typing import Final

from .page import Line, Page
from .patterncache import compile_re

# `"mailto:ab@org.int">ab@org.int` and `<a href="mailto:ab@org.int">`: keep only the visible address. The
# pattern starts at "mailto:" so that it is searched for as a literal; the quote before it goes too.
_MAILTO_REMNANT: Final = compile_re(r'mailto:[^"\s>]*"?\s*>')
# Block-level tags end a line in the rendered page, so they become line breaks.
_BLOCK_TAG: Final = compile_re(r"<\s*(?:br|/p|/div|/li|/h[1-6]|/tr)\s*/?\s*>", re.IGNORECASE)
_TAG: Final = compile_re(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]{0,300})?/?>")
# Where a block tag broke a line: split there, but keep counting the input's lines.
_TAG_BREAK: Final = "\x1e"
# Control and format characters are dropped, tabs and the Unicode spaces become plain spaces (then runs of spaces
# become one): both are found in one pass over the text (two passes cost a cue-dense page a fortieth of its time).
_CONTROL_CHARS: Final = r"\x00-\x08\x0b\x0c\x0e-\x1d\x1f\x7f\u200b-\u200d\u2060\ufeff\u00ad"
_ODD_SPACES: Final = "\t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_CONTROL_OR_ODD_SPACE: Final = compile_re(f"[{_CONTROL_CHARS}{_ODD_SPACES}]")
_SPACE_RUN: Final = compile_re(r"  +")
# White space other than one plain space: a run, or a rarer space alone (the whole run from it). Written to start
# with one white-space character, so that a search skips to the next one: `\s{2,}|[^\S ]`, the same matches, was
# tried at every character (a page's notices and paragraphs cost more than a tenth of this step's time).
_ODD_SPACING: Final = compile_re(r"\s(?:(?<! )\s*|\s+)")
# A decimal character reference of eight digits or more (leading zeros aside) is past U+10FFFF, so HTML makes it
# U+FFFD; Python's int() refuses a string of over 4,300 digits, so these become U+FFFD before html.unescape reads them.
_HUGE_DECIMAL_REF: Final = compile_re(r"&#0*[1-9][0-9]{7,};?")


def clean_text(text: str) -> str:
    """Return the text with line endings, HTML remnants, entities, odd spaces and Unicode forms normalised."""
    # Each pass runs only when a cheap test shows it has something to replace: most pages are clean.
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "mailto:" in text:
        text = _drop_mailto_remnants(text)
    if "<" in text:
        text = _BLOCK_TAG.sub(_TAG_BREAK, text)
        text = _TAG.sub(" ", text)
    if "&" in text:
        import html  # imported on first use: its entity table costs 2 ms of start-up, most pages have no "&"

        if "&#" in text:
            text = _HUGE_DECIMAL_REF.sub("\ufffd", text)
        text = html.unescape(text)
    if not _printable(text):
        text = _CONTROL_OR_ODD_SPACE.sub(_space_or_nothing, text)
    if "  " in text:
        text = _SPACE_RUN.sub(" ", text)
    return unicodedata.normalize("NFC", text)


def single_spaced(text: str) -> bool:
    """True when the text's only white space is single plain spaces, as `clean_text` leaves a line unless it holds
    a rarer space (a line or paragraph separator, U+0085): a pattern's reach is then counted in characters."""
    if "  " in text:
        return False
    # A plain space is the only printable white space: most texts are settled without a search.
    return text.isprintable() or _ODD_SPACING.search(text) is None


# The one character whose small form is longer than itself ("İ" -> "i̇"): lowering it would shift every offset after it.
_LONGER_IN_SMALL_LETTERS: Final = "\u0130"


def lower_keeping_offsets(text: str) -> str:
    """`text` in small letters, character for character, so that an offset in one is an offset in the other ("İ",
    the one letter whose small form is two characters, stays as it is)."""
    if _LONGER_IN_SMALL_LETTERS not in text:
        return text.lower()
    return _LONGER_IN_SMALL_LETTERS.join(part.lower() for part in text.split(_LONGER_IN_SMALL_LETTERS))


def occurrences(text: str, word: str) -> list[int]:
    """Where `word` starts in `text`, every place (overlapping ones too)."""
    places: list[int] = []
    at = -1
    while (at := text.find(word, at + 1)) >= 0:
        places.append(at)
    return places


def mark_offsets(phrases: list[str], marks: tuple[str, ...]) -> dict[str, tuple[int, ...]]:
    """For each mark, every offset at which it stands in one of the `phrases` (written as the text searched is:
    same case, one space between words): a phrase holding the mark found at `at` may start at `at - offset`."""
    offsets: dict[str, set[int]] = {mark: set() for mark in marks}
    for phrase in phrases:
        for mark, found in offsets.items():
            found.update(occurrences(phrase, mark))
    return {mark: tuple(sorted(found)) for mark, found in offsets.items()}


class SingleSpaced:
    """A text with each run of white space made one plain space (`text`), and the way back to the offsets of the
    text it was made from (`original`). A pattern whose words are parted by `\\s+` matches here where it does
    there, so a rule whose reach is counted in characters reads this text; the spans it finds are mapped back."""

    def __init__(self, text: str) -> None:
        self._after_runs: list[int] = [0]  # offsets here just past a space that stands for a longer run there
        self._run_ends: list[int] = [0]  # the offsets there past those runs
        self._removed: list[int] = [0]  # characters that runs lost before each of those offsets
        if single_spaced(text):
            self.text = text
            return
        pieces: list[str] = []
        end = removed = 0
        for run in _ODD_SPACING.finditer(text):
            pieces += [text[end : run.start()], " "]
            end = run.end()
            if len(run.group()) > 1:
                removed += len(run.group()) - 1
                self._after_runs.append(run.end() - removed)
                self._run_ends.append(run.end())
                self._removed.append(removed)
        pieces.append(text[end:])
        self.text = "".join(pieces)

    def original(self, offset: int) -> int:
        """The offset in the original text of `offset` here (a space standing for a run: where the run starts)."""
        return offset + self._removed[bisect_right(self._after_runs, offset) - 1]

    def here(self, offset: int) -> int:
        """The offset here of the character at `offset` in the original text (one outside its runs)."""
        return offset - self._removed[bisect_right(self._run_ends, offset) - 1]


def _drop_mailto_remnants(text: str) -> str:
    """The text without its mailto remnants (_MAILTO_REMNANT), each with the quote just before it."""
    kept, end = [], 0
    for remnant in _MAILTO_REMNANT.finditer(text):
        start = remnant.start()
        if text[start - 1 : start] == '"':
            start -= 1
        kept.append(text[end:start])
        end = remnant.end()
    kept.append(text[end:])
    return "".join(kept)


def _space_or_nothing(found: re.Match[str]) -> str:
    """A plain space for an odd space, nothing for a control or format character (see _CONTROL_OR_ODD_SPACE)."""
    return " " if found[0] in _ODD_SPACES else ""


def _printable(text: str) -> bool:
    """True when the text has no control, format or odd space character (none of _CONTROL_OR_ODD_SPACE):
    Python counts all of them as not printable."""
    return text.replace("\n", " ").isprintable()


def split_lines(page: Page) -> None:
    """Reads `page.text` (the decoded input), keeps it as `page.original`; sets `page.text` to the cleaned text
    and `page.lines`, each numbered with the input line it comes from."""
    page.original = page.text
    text = clean_text(page.original)
    if _TAG_BREAK in text:
        page.lines = [
            Line(number, piece.strip())
            for number, line in enumerate(text.split("\n"), start=1)
            for piece in line.split(_TAG_BREAK)
        ]
    else:
        page.lines = [Line(number, line.strip()) for number, line in enumerate(text.split("\n"), start=1)]
    page.text = text.replace(_TAG_BREAK, "\n")

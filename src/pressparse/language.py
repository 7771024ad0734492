"""Step: the page's language, from stop-word counts of the release text (stop words live in the lexicon)."""

from __future__ import annotations

from functools import lru_cache
from typing import Final

from . import lexicon
from .names import Spotter
from .page import BOILERPLATE, Page

# Enough text to decide; more only costs time.
_SAMPLE_CHARS: Final = 1000
# White space that `clean` leaves in a line besides the space: next line, line and paragraph separators.
_OTHER_SPACES: Final = ("\x85", "\u2028", "\u2029")


@lru_cache(maxsize=None)
def _owners() -> dict[str, tuple[str, ...]]:
    """Stop word -> languages whose lexicon lists it."""
    owners: dict[str, list[str]] = {}
    for code in lexicon.languages():
        for word in lexicon.section(code, "stopwords"):
            owners.setdefault(word, []).append(code)
    return {word: tuple(codes) for word, codes in owners.items()}


@lru_cache(maxsize=None)
def _stop_word_spotter() -> Spotter:
    """Every stop word between spaces (" de "), found in one pass."""
    return Spotter({"stop words": tuple(f" {word} " for word in _owners() if word and not _has_space(word))})


def _has_space(text: str) -> bool:
    return any(char.isspace() for char in text)


def guess_language(text: str) -> str | None:
    """ISO 639-1 code of the language with most stop words in `text` (a word shared by n languages counts 1/n).

    Words are the pieces between white space (a function word is rarely glued to punctuation, and the few that
    are do not change the winner), the stop words among them found in one pass of an automaton over the text
    with spaces around it. A cleaned line's only white space is the space, but for the line separators that
    cleaning leaves (_OTHER_SPACES)."""
    owners = _owners()
    sample = text[:_SAMPLE_CHARS].lower()
    for space in _OTHER_SPACES:
        if space in sample:
            sample = sample.replace(space, " ")
    padded = f" {sample} "
    counts: dict[str, int] = {}  # stop word -> occurrences, in order of first occurrence
    for start, end in _stop_word_spotter().spot(padded)["stop words"]:
        word = padded[start + 1 : end - 1]
        counts[word] = counts.get(word, 0) + 1
    scores: dict[str, float] = {}
    for word, count in counts.items():
        codes = owners[word]
        for code in codes:
            scores[code] = scores.get(code, 0.0) + count / len(codes)
    if not scores:
        return None
    best = max(scores, key=scores.__getitem__)
    return best if scores[best] >= 3 else None


def detect_language(page: Page) -> None:
    """Reads the headline and body lines (or every non-boilerplate line when there is no release); sets
    `record.language`."""
    lines = page.body_lines() or [ln for ln in page.lines if ln.role != BOILERPLATE]
    sample = [page.lines[page.headline].text] if page.headline is not None else []
    size = 0
    for line in lines:  # only as much text as the guess reads
        if size >= _SAMPLE_CHARS:
            break
        sample.append(line.text)
        size += len(line.text) + 1
    page.record.language = guess_language(" ".join(sample))

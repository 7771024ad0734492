"""Step: the page's language, from stop-word counts of the release text (stop words live in the lexicon)."""

from __future__ import annotations

from functools import lru_cache
from typing import Final

from . import lexicon
from .page import BOILERPLATE, Page

# Enough text to decide; more only costs time.
_SAMPLE_CHARS: Final = 1000


@lru_cache(maxsize=None)
def _owners() -> dict[str, tuple[str, ...]]:
    """Stop word -> languages whose lexicon lists it."""
    owners: dict[str, list[str]] = {}
    for code in lexicon.languages():
        for word in lexicon.section(code, "stopwords"):
            owners.setdefault(word, []).append(code)
    return {word: tuple(codes) for word, codes in owners.items()}


def guess_language(text: str) -> str | None:
    """ISO 639-1 code of the language with most stop words in `text` (a word shared by n languages counts 1/n).

    Words are split at spaces only, which is several times faster than a word pattern: a function word is
    rarely glued to punctuation, and the few that are do not change the winner."""
    owners = _owners()
    counts: dict[str, int] = {}  # stop word -> occurrences, in order of first occurrence
    for word in text[:_SAMPLE_CHARS].lower().split():
        if word in owners:
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
    """Reads the headline and body lines (or every non-boilerplate line when there is no release) and the
    language an HTML page declares; sets `record.language`."""
    lines = page.body_lines() or [ln for ln in page.lines if ln.role != BOILERPLATE]
    sample = [page.lines[page.headline].text] if page.headline is not None else []
    size = 0
    for line in lines:  # only as much text as the guess reads
        if size >= _SAMPLE_CHARS:
            break
        sample.append(line.text)
        size += len(line.text) + 1
    guess = guess_language(" ".join(sample))
    declared = page.hints.language if page.hints is not None else None
    # The language an HTML page declares stands where the text says nothing sure or says the same.
    page.record.language = declared if declared is not None and guess in (None, declared) else guess

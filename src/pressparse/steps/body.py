"""Step: the clean body text, paragraphs separated by one blank line."""

from __future__ import annotations

from typing import Final

from .boilerplate import CLOSING_CHARS, ends_sentence
from .page import BODY, BOILERPLATE, HEADLINE, TRAILER, Page

# A label or fragment closing the body ("Source and additional information:", "Topics") is a few words.
_MAX_LABEL_WORDS: Final = 8
# A photo caption is a long line that is not a sentence; a subheading is shorter.
_MIN_CAPTION_WORDS: Final = 12
# Endings of a line that goes on in the next paragraph (a clause cut by a line break, a list item).
_CLAUSE_ENDS: Final = (",", ";", "-", "–", "—")


def build_body(page: Page) -> None:
    """Reads `page.paragraphs` up to `page.body_end` and the headline line; sets `record.headline` and
    `record.body`; body lines past the end (cut by the contact block or closing fragments) become TRAILER."""
    if page.headline is not None and page.lines[page.headline].role == HEADLINE:
        page.record.headline = page.lines[page.headline].text
    end = page.body_end if page.body_end is not None else 0
    paragraphs = [p for p in page.paragraphs if p[0] < end]
    end = _before_trailing_fragments(page, paragraphs, end)
    if page.body_end is not None:
        page.body_end = end
    if page.hints is None:  # in HTML, captions are told by their markup (<figcaption>, marked as furniture)
        _mark_captions(page, paragraphs)
    kept = []
    for first, last in paragraphs:
        words = [ln.text for ln in page.lines[first : min(last + 1, end)] if ln.role == BODY]
        if words:
            kept.append(" ".join(words))
    page.paragraphs = paragraphs
    for line in page.lines[end:]:
        if line.role == BODY:
            line.role, line.why = TRAILER, "after the release"
    page.record.body = "\n\n".join(kept)


def _before_trailing_fragments(page: Page, paragraphs: list[tuple[int, int]], end: int) -> int:
    """`end` moved back over the last body paragraphs that are a lone label or fragment: a few words on a line
    of their own, ending in a colon or in nothing ("Source and additional information:", "Topics" /
    "Burglary"). What a label introduces (links, files) is not release text, and fragments after the last
    sentence are field names, tags and values. The first paragraph always stays. `paragraphs` (those starting
    before `end`) loses the paragraphs left out."""
    while len(paragraphs) > 1:
        first, last = paragraphs[-1]
        if min(last + 1, end) - first != 1 or not _is_fragment(page.lines[first].text):
            break
        end = first
        paragraphs.pop()
    return end


def _is_fragment(text: str) -> bool:
    """A few words on a line of their own, ending in a colon or without a sentence's end (not a list item that
    a comma or a semicolon continues)."""
    if text.count(" ") >= _MAX_LABEL_WORDS:
        return False
    return text.endswith(":") or not (_ends_sentence(text) or text.endswith(_CLAUSE_ENDS))


def _ends_sentence(text: str) -> bool:
    """`ends_sentence`, also after a quote set off by a space ('… their needs. "')."""
    return ends_sentence(text.rstrip(CLOSING_CHARS + " "))


def _mark_captions(page: Page, paragraphs: list[tuple[int, int]]) -> None:
    """Marks BOILERPLATE the photo captions between the body `paragraphs`: a line standing alone between blank
    lines, a dozen words or more without a sentence's end ("The minister greets the delegation at the new
    centre")."""
    lines = page.lines
    for first, last in paragraphs[1:-1]:
        line = lines[first]
        if first == last and line.role == BODY and _is_caption(line.text):
            if not (lines[first - 1].text or (first + 1 < len(lines) and lines[first + 1].text)):
                line.role, line.why = BOILERPLATE, "photo caption"


def _is_caption(text: str) -> bool:
    """Long enough for a caption, and neither a sentence, a clause going on, a label nor a heading in capitals."""
    # The line's end, read first, clears most paragraphs (sentences) before the scans of the whole line.
    return (
        not _ends_sentence(text)
        and not text.endswith(_CLAUSE_ENDS)
        and text.count(" ") >= _MIN_CAPTION_WORDS - 1
        and text[0].isupper()
        and ":" not in text
        and not text.isupper()
    )

"""Step: the clean body text, paragraphs separated by one blank line."""

from __future__ import annotations

from typing import Final

from .page import BODY, HEADLINE, TRAILER, Page

# A label closing the body ("Source and additional information:", "Attachments:") is a few words.
_MAX_LABEL_WORDS: Final = 8


def build_body(page: Page) -> None:
    """Reads `page.paragraphs` up to `page.body_end` and the headline line; sets `record.headline` and
    `record.body`; body lines past the end (cut by the contact block or a closing label) become TRAILER."""
    if page.headline is not None and page.lines[page.headline].role == HEADLINE:
        page.record.headline = page.lines[page.headline].text
    end = _before_closing_labels(page, page.body_end if page.body_end is not None else 0)
    if page.body_end is not None:
        page.body_end = end
    kept = []
    for first, last in page.paragraphs:
        if first >= end:
            break
        words = [ln.text for ln in page.lines[first : min(last + 1, end)] if ln.role == BODY]
        if words:
            kept.append(" ".join(words))
    page.paragraphs = [p for p in page.paragraphs if p[0] < end]
    for line in page.lines[end:]:
        if line.role == BODY:
            line.role, line.why = TRAILER, "after the release"
    page.record.body = "\n\n".join(kept)


def _before_closing_labels(page: Page, end: int) -> int:
    """`end` moved back over the last body paragraphs that are a lone label ending in a colon ("Source and
    additional information:", "Attachments:"): what such a label introduces (links, files) is not release text,
    and the page may hold nothing after it at all. The first paragraph always stays."""
    paragraphs = [p for p in page.paragraphs if p[0] < end]
    while len(paragraphs) > 1:
        first, last = paragraphs[-1]
        if min(last + 1, end) - first != 1 or not _is_label(page.lines[first].text):
            break
        end = first
        paragraphs.pop()
    return end


def _is_label(text: str) -> bool:
    """A few words ending in a colon, on a line of their own."""
    return text.endswith(":") and text.count(" ") < _MAX_LABEL_WORDS

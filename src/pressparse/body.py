"""Step: the clean body text, paragraphs separated by one blank line."""

from __future__ import annotations

from .page import BODY, HEADLINE, TRAILER, Page


def build_body(page: Page) -> None:
    """Reads `page.paragraphs` up to `page.body_end` and the headline line; sets `record.headline` and
    `record.body`; body lines past the end (cut by the contact block) become TRAILER."""
    if page.headline is not None and page.lines[page.headline].role == HEADLINE:
        page.record.headline = page.lines[page.headline].text
    end = page.body_end if page.body_end is not None else 0
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

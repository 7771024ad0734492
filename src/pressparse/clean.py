"""Step 1: undo the scraper's text damage and split the page into lines."""

from __future__ import annotations

import html
import re
import unicodedata

from .page import Line, Page

# `"mailto:ab@org.int">ab@org.int` and `<a href="mailto:ab@org.int">`: keep only the visible address.
_MAILTO_REMNANT = re.compile(r'"?mailto:[^"\s>]*"?\s*>')
# Block-level tags end a line in the rendered page, so they become line breaks.
_BLOCK_TAG = re.compile(r"<\s*(?:br|/p|/div|/li|/h[1-6]|/tr)\s*/?\s*>", re.IGNORECASE)
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]{0,300})?/?>")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1d\x1f\x7f\u200b-\u200d\u2060\ufeff\u00ad]")
# Where a block tag broke a line: split there, but keep counting the input's lines.
_TAG_BREAK = "\x1e"
# Tabs and the Unicode spaces become plain spaces; then runs of spaces become one.
_ODD_SPACE = re.compile(r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_SPACE_RUN = re.compile(r"  +")


def clean_text(text: str) -> str:
    """Return the text with line endings, HTML remnants, entities, odd spaces and Unicode forms normalised."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "<" in text or "mailto:" in text:
        text = _MAILTO_REMNANT.sub("", text)
        text = _BLOCK_TAG.sub(_TAG_BREAK, text)
        text = _TAG.sub(" ", text)
    if "&" in text:
        text = html.unescape(text)
    text = _CONTROL.sub("", text)
    text = _SPACE_RUN.sub(" ", _ODD_SPACE.sub(" ", text))
    return unicodedata.normalize("NFC", text)


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

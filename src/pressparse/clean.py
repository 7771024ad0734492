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
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200d\u2060\ufeff\u00ad]")
# Tabs and the Unicode spaces become plain spaces; then runs of spaces become one.
_ODD_SPACE = re.compile(r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_SPACE_RUN = re.compile(r"  +")


def clean_text(text: str) -> str:
    """Return the text with line endings, HTML remnants, entities, odd spaces and Unicode forms normalised."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "<" in text or "mailto:" in text:
        text = _MAILTO_REMNANT.sub("", text)
        text = _BLOCK_TAG.sub("\n", text)
        text = _TAG.sub(" ", text)
    if "&" in text:
        text = html.unescape(text)
    text = _CONTROL.sub("", text)
    text = _SPACE_RUN.sub(" ", _ODD_SPACE.sub(" ", text))
    return unicodedata.normalize("NFC", text)


def split_lines(page: Page) -> None:
    """Reads `page.text` (raw decoded text); sets `page.text` to the cleaned text and `page.lines`."""
    page.text = clean_text(page.text)
    page.lines = [Line(number, raw.strip()) for number, raw in enumerate(page.text.split("\n"), start=1)]

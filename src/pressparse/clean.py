"""Step 1: undo the scraper's text damage and split the page into lines."""

from __future__ import annotations

import html
import unicodedata

import regex

from .page import Line, Page

# `"mailto:ab@org.int">ab@org.int` and `<a href="mailto:ab@org.int">`: keep only the visible address.
_MAILTO_REMNANT = regex.compile(r'"?mailto:[^"\s>]*"?\s*>')
# Block-level tags end a line in the rendered page, so they become line breaks.
_BLOCK_TAG = regex.compile(r"<\s*(?:br|/p|/div|/li|/h[1-6]|/tr)\s*/?\s*>", regex.IGNORECASE)
_TAG = regex.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]{0,300})?/?>")
_CONTROL = regex.compile(r"[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b-\u200d\u2060\ufeff\u00ad]")
_SPACES = regex.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")


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
    text = _SPACES.sub(" ", text)
    return unicodedata.normalize("NFC", text)


def split_lines(page: Page) -> None:
    """Reads `page.text` (raw decoded text); sets `page.text` to the cleaned text and `page.lines`."""
    page.text = clean_text(page.text)
    page.lines = [Line(number, raw.strip()) for number, raw in enumerate(page.text.split("\n"), start=1)]

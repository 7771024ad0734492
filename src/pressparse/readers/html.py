"""HTML pages: their markup rendered as the lines the pipeline reads, and what the markup says beside the text
(title, publication date, language, menus) as `Hints`."""

from __future__ import annotations

import re
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser

from ..steps.page import Hints

# A page is HTML when it opens (after white space, a byte-order mark or comments) with a doctype or an HTML tag.
_HTML_START = re.compile(r"\A(?:\ufeff|\s|<!--.*?-->)*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL)
_SCAN = 1024
_DROPPED = ("script", "style", "noscript", "template")


@dataclass(frozen=True)
class Rendered:
    text: str  # one line per block of text
    url: str | None  # the canonical link, else og:url
    hints: Hints


def looks_like_html(text: str) -> bool:
    """Whether a decoded page is HTML, judged by how it starts (a scraped text page may quote a tag or two)."""
    return _HTML_START.match(text[:_SCAN]) is not None


def render(markup: str) -> Rendered:
    """The page's text as lines, its URL and its hints."""
    tree = LexborHTMLParser(markup)
    tree.strip_tags(list(_DROPPED))
    root = tree.body or tree.root
    text = root.text(separator="\n") if root is not None else ""
    title = tree.css_first("title")
    titles = ((title.text(strip=True), "<title>"),) if title is not None and title.text(strip=True) else ()
    return Rendered(text, None, Hints(titles=titles))

"""Step: the release date, from a date line near the headline or from the dateline."""

from __future__ import annotations

import regex

from .page import Page

# A line that is little more than a date ("Tue, 11/06/2018 - 14:05", "Published on 17 Jan 2019").
_NUMERIC_DATE = regex.compile(r"\b(?:\d{1,2}[/.]\d{1,2}[/.](?:19|20)\d\d|(?:19|20)\d\d-\d\d-\d\d)\b")
_YEAR = regex.compile(r"\b(?:19|20)\d\d\b")


def is_date_line(text: str) -> bool:
    """True when the line is a date line (a date, maybe with a label, a weekday and a time), not prose."""
    if len(text) > 60 or text.count(" ") > 7:
        return False
    return bool(_NUMERIC_DATE.search(text) or _YEAR.search(text))


def find_date(page: Page) -> None:
    """Reads the DATE lines near the headline and the dateline of the first body paragraph; sets `record.date`."""

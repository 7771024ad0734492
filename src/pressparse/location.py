"""Step: where the release is from: the dateline place, else the contact office, else the main country."""

from __future__ import annotations

from .page import Page


def find_location(page: Page) -> None:
    """Reads the first body paragraph, the contacts and the body; sets `record.location`."""

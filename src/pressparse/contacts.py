"""Step: the press contact block (cue line, then people) and the people in it."""

from __future__ import annotations

from .page import Page


def find_contacts(page: Page) -> None:
    """Reads the lines from the headline on; sets `record.contacts`, marks contact lines CONTACT and moves
    `page.body_end` before the contact block."""

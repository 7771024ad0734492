"""Step: the organisations the release says are paying for the work."""

from __future__ import annotations

from .page import Page


def find_funders(page: Page) -> None:
    """Reads the body paragraphs; sets `record.funders`."""

"""Step: named projects and programmes, with their acronyms."""

from __future__ import annotations

from .page import Page


def find_projects(page: Page) -> None:
    """Reads the body paragraphs; sets `record.projects`."""

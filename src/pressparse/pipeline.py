"""The whole extraction flow, one step per line. Each step reads and adds to the shared `Page`."""

from __future__ import annotations

from .model import Release
from .steps import body, boilerplate, clean, contacts, dates, funders, language, location, projects, release
from .steps.page import Hints, Page

STEPS = (
    clean.split_lines,  # text damage undone, lines numbered
    boilerplate.mark_boilerplate,  # menus, labels, share lines, metadata, footers, learned templates
    release.find_release,  # headline, body span, date lines; listings and pages without a release
    language.detect_language,  # ISO 639-1 code from the release text
    contacts.find_contacts,  # press contact block (cut from the body) and its people
    body.build_body,  # body paragraphs, hard-wrapped lines joined
    dates.find_date,  # release date from a date line or the dateline
    projects.find_projects,  # named projects and programmes
    funders.find_funders,  # who pays (a project of the page is never its funder)
    location.find_location,  # dateline place, else contact office, else main country
)


def analyse(
    text: str,
    source: str | None = None,
    template: frozenset[str] = frozenset(),
    url: str | None = None,
    hints: Hints | None = None,
) -> Page:
    """Run every step on `text` (with what its HTML says, `hints`, for an HTML page) and return the page with its
    record, line roles and evidence."""
    page = Page(text=text, lines=[], record=Release(source=source, url=url), template=template, hints=hints)
    for step in STEPS:
        step(page)
    return page


def extract(text: str, source: str | None = None, template: frozenset[str] = frozenset()) -> Release:
    """Extract the record of one page's text. Pure: no I/O, same input gives the same record."""
    return analyse(text, source, template).record

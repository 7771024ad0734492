"""The working state the pipeline steps share while they read one page."""

from __future__ import annotations

from typing import Any, Final

from ..model import Release

# Line roles, set by the steps; `explain` shows them. Final: compiled steps read them as constants, not from the
# module's dict on every line.
BOILERPLATE: Final = "boilerplate"
HEADLINE: Final = "headline"
DATE: Final = "date"
BODY: Final = "body"
CONTACT: Final = "contact"
TRAILER: Final = "trailer"


# The classes the steps build and read for every line are plain classes, not dataclasses: compiled (see setup.py),
# a plain class is built and read as a native object, while a dataclass keeps interpreted methods.


class Line:
    __slots__ = ("number", "text", "role", "why")

    def __init__(self, number: int, text: str, role: str = "", why: str = "") -> None:
        self.number = number  # 1-based number of the input line this line comes from (a <br> can split one)
        self.text = text  # cleaned text of the line, stripped
        self.role = role  # one of the roles above, "" while undecided
        self.why = why  # the rule, cue or template that set the role

    def __repr__(self) -> str:
        return f"Line({self.number!r}, {self.text!r}, {self.role!r}, {self.why!r})"


class Evidence:
    """Where a value was found: line index (0-based into Page.lines), the cue that fired."""

    __slots__ = ("field", "value", "line", "cue")

    def __init__(self, field: str, value: str, line: int, cue: str = "") -> None:
        self.field = field
        self.value = value
        self.line = line
        self.cue = cue


class Hints:
    """What a page's markup says beside its text (HTML input; a page read from plain text has none). Each value
    comes with the signal it was read from ("<h1>", "og:title", "JSON-LD datePublished" ...): the step that uses
    it notes that signal as its evidence, and `explain` shows it."""

    __slots__ = ("titles", "date", "language", "furniture", "content", "links", "emails", "phones")

    def __init__(
        self,
        titles: tuple[tuple[str, str], ...] = (),
        date: tuple[str, str] | None = None,
        language: str | None = None,
        furniture: dict[int, str] | None = None,
        content: tuple[int, int] | None = None,
        links: frozenset[int] = frozenset(),
        emails: tuple[str, ...] = (),
        phones: tuple[str, ...] = (),
    ) -> None:
        self.titles = titles  # (title, signal) headline candidates, the most trusted first
        self.date = date  # (YYYY-MM-DD, signal) of the publication
        self.language = language  # ISO 639-1 code the page declares (<html lang>)
        # numbers (1-based) of the text lines rendered from menus, headers, footers, with the signal ("<nav>")
        self.furniture = furniture if furniture is not None else {}
        self.content = content  # first and last line numbers of the article's text (the element holding it)
        self.links = links  # numbers of the lines mostly of a link's text (a story's title in a list of others)
        self.emails = emails  # mailto: link targets
        self.phones = phones  # tel: link targets


class Page:
    def __init__(
        self,
        text: str,
        lines: list[Line],
        record: Release,
        template: frozenset[str] = frozenset(),
        headline: int | None = None,
        body_start: int | None = None,
        body_end: int | None = None,
        paragraphs: list[tuple[int, int]] | None = None,
        hints: Hints | None = None,
    ) -> None:
        # The decoded input; the first step keeps it as `original` and puts the cleaned text here.
        self.text = text
        self.lines = lines
        self.record = record
        self.template = template  # lines learned as one site's template (batch runs)
        self.hints = hints  # what the page's HTML says, None for plain text
        self.headline = headline  # index into lines
        self.body_start = body_start  # first body line index
        self.body_end = body_end  # one past the last body line index
        # The body paragraphs as (first, last) line indexes.
        self.paragraphs: list[tuple[int, int]] = paragraphs if paragraphs is not None else []
        self.evidence: list[Evidence] = []
        self.original = ""  # the decoded input (evidence spans point into it)
        # The body as the name finders read it (names.paragraphs), built once.
        self.name_paragraphs: list | None = None
        self.name_spots: Any = None  # and where its cue phrases and project nouns are (names.spots)
        # The countries a local phone number may belong to that the whole page tells (contacts.Regions), worked
        # out once: every contact block read on the page asks again.
        self.phone_regions: dict[str, list[str]] = {}

    def note(self, field_name: str, value: str, line: int, cue: str = "") -> None:
        """Remember where a value came from (read by --evidence and `explain`)."""
        self.evidence.append(Evidence(field_name, value, line, cue))

    def body_lines(self) -> list[Line]:
        """The lines of the release body, in order (empty when no release was found)."""
        if self.body_start is None or self.body_end is None:
            return []
        return [ln for ln in self.lines[self.body_start : self.body_end] if ln.role == BODY]

"""The working state the pipeline steps share while they read one page."""

from __future__ import annotations

from dataclasses import dataclass, field

from .model import Release

# Line roles, set by the steps; `explain` shows them.
BOILERPLATE = "boilerplate"
HEADLINE = "headline"
DATE = "date"
BODY = "body"
CONTACT = "contact"
TRAILER = "trailer"


@dataclass(slots=True)
class Line:
    number: int  # 1-based number of the input line this line comes from (a <br> can split one into several)
    text: str  # cleaned text of the line, stripped
    role: str = ""  # one of the roles above, "" while undecided
    why: str = ""  # the rule, cue or template that set the role


@dataclass(slots=True)
class Evidence:
    """Where a value was found: line index (0-based into Page.lines), the cue that fired."""

    field: str
    value: str
    line: int
    cue: str = ""


@dataclass
class Page:
    text: str  # the decoded input; the first step keeps it as `original` and puts the cleaned text here
    lines: list[Line]
    record: Release
    template: frozenset[str] = frozenset()  # lines learned as one site's template (batch runs)
    headline: int | None = None  # index into lines
    body_start: int | None = None  # first body line index
    body_end: int | None = None  # one past the last body line index
    paragraphs: list[tuple[int, int]] = field(default_factory=list)  # body paragraphs as (first, last) line indexes
    evidence: list[Evidence] = field(default_factory=list)
    original: str = ""  # the decoded input (evidence spans point into it)
    name_paragraphs: list | None = None  # the body as the name finders read it (names.paragraphs), built once

    def note(self, field_name: str, value: str, line: int, cue: str = "") -> None:
        """Remember where a value came from (read by --evidence and `explain`)."""
        self.evidence.append(Evidence(field_name, value, line, cue))

    def body_lines(self) -> list[Line]:
        """The lines of the release body, in order (empty when no release was found)."""
        if self.body_start is None or self.body_end is None:
            return []
        return [ln for ln in self.lines[self.body_start : self.body_end] if ln.role == BODY]

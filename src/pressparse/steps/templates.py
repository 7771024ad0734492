"""Site templates learned across the pages of one run: lines that recur on many different releases are that
site's menus, labels and footers, even where the single-page rules missed them."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from .boilerplate import ends_sentence
from .contacts import find_cue
from .page import BODY, BOILERPLATE, CONTACT, DATE, HEADLINE, Line, Page
from .patterncache import compile_re

# Final: the compiled module reads them as constants, not from its dict on every line.
# A line is learned only after it was seen on this many pages holding different releases ("a handful").
MIN_PAGES: Final = 5
# Lines longer than this are prose, never template material.
MAX_LINE_CHARS: Final = 200
# A body line of this many words ending like a sentence is release text, never learned.
MIN_SENTENCE_WORDS: Final = 6
# Lines seen once and not again within this many pages are forgotten, so memory stays flat on long runs.
FORGET_AFTER_PAGES: Final = 1000
# A headline line of more words than this is the release's own title, never learned: a site's releases may
# share a title ("Weekly update ..."), and a tagline taken for the headline is a short label.
MAX_LABEL_WORDS: Final = 6
# Contact material (addresses, numbers, cue lines) is never learned: the same press officer's block recurs on
# every release of a site.
_CONTACT_MATERIAL: Final = compile_re(r"@|\d[\d\s().+-]{5,}\d")
# Lines this close (in non-blank lines) to contact material are never learned: a block names its officer and
# office within two lines of the address ("Name" / "Office" / "Email: ...").
CONTACT_REACH: Final = 2
FORMAT_VERSION: Final = 1
_NEVER_LEARNED: Final = frozenset({BOILERPLATE, CONTACT, DATE})
_RECORD_ROLES: Final = frozenset({HEADLINE, BODY})


def candidate_lines(page: Page) -> tuple[tuple[str, ...], frozenset[str]]:
    """Reads the analysed page; the distinct lines that may be learned as template, and those of them that the
    record was built from (headline and body lines: stripping one of those would change the record).

    Not candidates: lines the single-page rules already strip, contact and date lines, contact material (an
    address, a number, a cue line) and the lines near it (a press officer's name and office, even in a block
    the contacts step did not recognise), the lines of
    hard-wrapped paragraphs (a fragment such as "Lanka." recurs on many releases without being furniture) and
    body lines that a sentence runs through where the paragraph joiner did not join them (see `_runs_on`),
    body sentences (a site's releases may share a sentence; that does not make it furniture) and headlines
    longer than a label.
    """
    wrapped = {i for first, last in page.paragraphs if last > first for i in range(first, last + 1)}
    filled = [line for line in page.lines if line.text]
    indexes = [index for index, line in enumerate(page.lines) if line.text]
    material: dict[int, bool] = {}  # position in `filled` -> is contact material (tested only near candidates)
    seen: dict[str, None] = {}
    in_record: set[str] = set()
    for position, (index, line) in enumerate(zip(indexes, filled)):
        text = line.text
        if (
            len(text) <= MAX_LINE_CHARS
            and line.role not in _NEVER_LEARNED
            and not (line.role == BODY and (index in wrapped or _is_sentence(text) or _runs_on(filled, indexes, position)))
            and not (line.role == HEADLINE and text.count(" ") >= MAX_LABEL_WORDS)
            and not _near_contact_material(filled, position, material)
            and find_cue(text, index, mid_line=False) is None
        ):
            seen.setdefault(text, None)
            if line.role in _RECORD_ROLES:
                in_record.add(text)
    return tuple(seen), frozenset(in_record)


def _near_contact_material(filled: list[Line], position: int, material: dict[int, bool]) -> bool:
    """Whether a line within CONTACT_REACH of `filled[position]` is a contact line, an address or a number (what
    a contact block is made of; `material` keeps the answers for the page)."""
    for near in range(max(0, position - CONTACT_REACH), min(len(filled), position + CONTACT_REACH + 1)):
        if near not in material:
            line = filled[near]
            material[near] = line.role == CONTACT or _CONTACT_MATERIAL.search(line.text) is not None
        if material[near]:
            return True
    return False


def _runs_on(filled: list[Line], indexes: list[int], position: int) -> bool:
    """Whether a sentence runs through the body line `filled[position]` into the body line right above or below
    it (no blank line between); see `_one_sentence`. The paragraph joiner leaves such a pair apart when the upper
    line is longer than the page's wrap width, yet a learned "Lanka." would be cut out of every page's "Sri" /
    "Lanka." where it is joined."""
    here = indexes[position]
    above = position > 0 and indexes[position - 1] == here - 1 and _one_sentence(filled[position - 1], filled[position])
    return above or (
        position + 1 < len(filled) and indexes[position + 1] == here + 1 and _one_sentence(filled[position], filled[position + 1])
    )


def _one_sentence(upper: Line, lower: Line) -> bool:
    """Two body lines of one sentence: the upper ends no sentence, the lower goes on in small letters or ends it
    ("... du Pakistan et du Sri" / "Lanka.")."""
    return (
        upper.role == BODY == lower.role
        and not ends_sentence(upper.text)
        and (lower.text[0].islower() or ends_sentence(lower.text))
    )


def _is_sentence(text: str) -> bool:
    return text.count(" ") >= MIN_SENTENCE_WORDS - 1 and ends_sentence(text)


@dataclass(slots=True)
class _Seen:
    """How a candidate line was seen so far."""

    pages: int  # pages holding different releases it was seen on
    release_key: bytes  # the last release it was seen with
    first_page: int  # number of the page it was first seen on


class TemplateLearner:
    """Counts candidate lines over the pages of a run and learns those that recur on different releases."""

    def __init__(self, known: frozenset[str] = frozenset()):
        self.learned: set[str] = set(known)
        self._counts: dict[str, _Seen] = {}
        self._pages = 0

    def observe(self, lines: tuple[str, ...], release_key: bytes) -> None:
        """Count one page's candidate lines; `release_key` identifies its release (duplicates count once)."""
        self._pages += 1
        counts = self._counts
        for text in lines:
            if text in self.learned:
                continue
            seen = counts.get(text)
            if seen is None:
                counts[text] = _Seen(1, release_key, self._pages)
            elif seen.release_key != release_key:
                seen.pages += 1
                seen.release_key = release_key
                if seen.pages >= MIN_PAGES:
                    self.learned.add(text)
                    del counts[text]
        if self._pages % FORGET_AFTER_PAGES == 0:
            horizon = self._pages - FORGET_AFTER_PAGES
            self._counts = {text: seen for text, seen in counts.items() if seen.pages > 1 or seen.first_page > horizon}

    def template(self) -> frozenset[str]:
        return frozenset(self.learned)

    def state(self) -> dict:
        """What it has counted and learned, as JSON data (a checkpoint of a run keeps it; see `restore`)."""
        counts = [[text, seen.pages, seen.release_key.hex(), seen.first_page] for text, seen in self._counts.items()]
        return {"pages": self._pages, "learned": sorted(self.learned), "counts": counts}

    @classmethod
    def restore(cls, state: dict) -> TemplateLearner:
        """A learner that goes on from a `state()` (raises KeyError, TypeError or ValueError if it is not one)."""
        learner = cls(frozenset(str(text) for text in state["learned"]))
        learner._pages = int(state["pages"])
        learner._counts = {str(text): _Seen(int(pages), bytes.fromhex(key), int(first)) for text, pages, key, first in state["counts"]}
        return learner


def load(path: Path) -> frozenset[str]:
    """Read a template saved by --template-out. Raises ValueError with a one-line reason."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ValueError(f"cannot read template: {error.strerror or error}") from None
    except json.JSONDecodeError as error:
        raise ValueError(f"not a pressparse template (invalid JSON: {error.msg})") from None
    if not isinstance(data, dict) or not isinstance(data.get("lines"), list):
        raise ValueError("not a pressparse template (no \"lines\" list)")
    return frozenset(str(line) for line in data["lines"])


def save(path: Path, lines: frozenset[str]) -> None:
    """Write learned lines as JSON (sorted, so that the file is stable across runs)."""
    data = {"format": "pressparse-template", "version": FORMAT_VERSION, "min_pages": MIN_PAGES, "lines": sorted(lines)}
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")

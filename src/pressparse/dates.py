"""Step: the release date, from a date line near the headline, the dateline, or a metadata dump after the body.

Dates in the body are events ("le 7 juin dernier", "(2-4/09)", "depuis 1951"), never the release date: only
those three places are read, and a date needs a day, a month and a year. Candidates are found with cheap
patterns (month and weekday names come from Babel's CLDR data for every lexicon language; labels such as
"Published on" from the lexicon's "dates" section). The patterns capture day, month and year, so most dates are
built directly (see `_iso`); dateparser, cached, reads only month words whose meaning the page's language does
not settle. A page without a date line never calls dateparser.

Day and month order of a numeric date ("04/05/2019"), first rule that decides:
1. a number over 12 in the date itself ("04/20/2017" is month first);
2. the weekday printed on the same line ("Tue, 11/06/2018": 6 Nov 2018 is a Tuesday, 11 June is not);
3. the other numeric dates on the page, by majority of those with a number over 12;
4. day first, the usage of every lexicon language but US English, which only the rules above can reveal.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from functools import lru_cache

import regex

from . import datacache, lexicon, places
from .boilerplate import METADATA_RULE
from .page import BOILERPLATE, Page
from .patterncache import compile_re, compile_regex

# A year is looked for in every short line: stdlib re finds it faster than regex once the "no digit before"
# test comes after the century (re then scans for "19" and "20" first); \d is Nd in both.
_YEAR = compile_re(r"(?:19|20)(?<!\d..)\d\d(?!\d)")
_NUMERIC = compile_regex(r"(?<!\d)(\d{1,2})[/.\-](\d{1,2})[/.\-]((?:19|20)\d\d)(?!\d)")
_ISO = compile_regex(r"(?<!\d)((?:19|20)\d\d)[/.\-](\d{1,2})[/.\-](\d{1,2})(?!\d)")
_TIME = compile_regex(r"(?<!\d)\d{1,2} ?[:h.] ?\d\d(?::\d\d)?(?: ?[ap]\.?m\.?)?(?!\w)", regex.IGNORECASE)
_WORD = compile_regex(r"[^\W\d_]+")
# A date line is short, and holds at most one word that is not a date, weekday, time or label ("IOM").
MAX_DATE_LINE = 80
_MAX_OTHER_WORDS = 1
# Where to look: this many non-blank lines above the headline, and metadata lines this far after the body.
_LINES_BEFORE_HEADLINE = 3
_LINES_AFTER_BODY = 30
# In a metadata dump, the date follows its label closely ("Posted: Monday, March 4, 2019").
_LABEL_REACH = 60
_MAX_LABEL_GAP = 20


def _key(word: str) -> str:
    """Lookup key of a month, weekday or label word: no case, no final dot ("Jeu." and "jeu" are one)."""
    return word.casefold().rstrip(".")


@dataclass(frozen=True)
class _Calendar:
    named: regex.Pattern  # "5 mai 2016", "5 de mayo de 2016", "June 6, 2019", "12. März 2019"
    months: dict[str, tuple[str, ...]]  # month word key -> languages that use it
    month_numbers: dict[str, dict[str, int]]  # month word key -> {language: month number}
    weekdays: dict[str, int]  # weekday word key -> 0 for Monday .. 6 for Sunday
    labels: regex.Pattern  # "Posted", "Publié le" ... as a field label
    line_words: frozenset[str]  # weekday and label word keys: the words a date line may hold besides its date


def _babel_names() -> dict[str, tuple[dict[str, int], dict[str, int]]]:
    """Language -> its month names and weekday names (with their numbers), wide and abbreviated."""
    from babel import Locale  # imported on first use: `import pressparse` stays cheap

    names = {}
    for language in lexicon.languages():
        locale = Locale.parse(language)
        months: dict[str, int] = {}
        weekdays: dict[str, int] = {}
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in locale.months[context][width].items():
                    months[name] = number
                for number, name in locale.days[context][width].items():
                    weekdays[name] = number
        names[language] = (months, weekdays)
    return names


@lru_cache(maxsize=None)
def _calendar() -> _Calendar:
    months: dict[str, list[str]] = {}
    month_numbers: dict[str, dict[str, int]] = {}
    weekdays: dict[str, int] = {}
    for language, (month_names, weekday_names) in datacache.table("calendar-names", "babel", _babel_names).items():
        for name, number in month_names.items():
            for key in {_key(name), places.fold(_key(name))}:  # "février" and "fevrier"
                months.setdefault(key, [])
                if language not in months[key]:
                    months[key].append(language)
                month_numbers.setdefault(key, {})[language] = number
        for name, number in weekday_names.items():
            weekdays.setdefault(_key(name), number)
    month = lexicon.trie_regex(months)  # factored: the pattern compiles and runs faster than a flat alternation
    connector = lexicon.alternation(lexicon.merged("dates", "connectors"))
    ordinal = lexicon.alternation(lexicon.merged("dates", "ordinals"))
    day = rf"(?P<day>\d{{1,2}})(?:{ordinal})?\.?" if ordinal else r"(?P<day>\d{1,2})\.?"
    joint = rf"(?:\s+(?:{connector}))?\s+" if connector else r"\s+"
    year = r"(?P<year>(?:19|20)\d\d)(?!\d)"
    named = compile_regex(
        rf"(?<!\w)(?:{day}{joint}(?P<month>{month})\.?,?{joint}{year}"
        rf"|(?P<month>{month})\.?\s+(?P<day>\d{{1,2}})(?:{ordinal})?,?\s+{year})",
        regex.IGNORECASE,
    )
    labels = lexicon.merged("dates", "labels")
    return _Calendar(
        named=named,
        months={key: tuple(langs) for key, langs in months.items()},
        month_numbers=month_numbers,
        weekdays=weekdays,
        labels=compile_regex(rf"(?<!\w)(?:{lexicon.alternation(labels)})(?!\w)", regex.IGNORECASE),
        line_words=frozenset(weekdays) | {_key(word) for label in labels for word in _WORD.findall(label)},
    )


@dataclass(frozen=True)
class FoundDate:
    """A full date found in a text: where, as written, and its parts as far as the pattern knows them."""

    start: int
    end: int
    text: str
    shape: str  # "numeric" (day and month order unknown), "iso" or "named"
    numbers: tuple[int, int] = (0, 0)  # the two first numbers of a numeric date
    year: int = 0
    month_word: str = ""
    day: int = 0  # of a named date


@lru_cache(maxsize=1024)  # a date line is read by the release step, then by this one; a dateline's date twice
def date_in(text: str) -> FoundDate | None:
    """The first full date (day, month and year) in `text`, or None."""
    if not _YEAR.search(text):
        return None
    found = []
    match = _ISO.search(text)
    if match:
        found.append(FoundDate(match.start(), match.end(), match[0], "iso"))
    match = _NUMERIC.search(text)
    if match:
        numbers = (int(match[1]), int(match[2]))
        found.append(FoundDate(match.start(), match.end(), match[0], "numeric", numbers, int(match[3])))
    match = _calendar().named.search(text)
    if match:
        found.append(
            FoundDate(match.start(), match.end(), match[0], "named", year=int(match["year"]), month_word=match["month"],
                      day=int(match["day"]))
        )
    return min(found, key=lambda f: f.start) if found else None


def is_date_line(text: str) -> bool:
    """True when the line is a date line: a full date, maybe with a label, a weekday, a time and one other
    word ("Tue, 11/06/2018 - 14:05", "Published on 17 Jan 2019", "Posted: Thursday, June 6, 2019"), not prose."""
    if len(text) > MAX_DATE_LINE or not _YEAR.search(text):
        return False
    found = date_in(text)
    if found is None:
        return False
    known = _calendar().line_words
    rest = _TIME.sub(" ", text[: found.start] + " " + text[found.end :])
    return sum(_key(word) not in known for word in _WORD.findall(rest)) <= _MAX_OTHER_WORDS


def _printed_weekday(text: str) -> int | None:
    weekdays = _calendar().weekdays
    return next((weekdays[_key(w)] for w in _WORD.findall(text) if _key(w) in weekdays), None)


def _weekday(year: int, month: int, day: int) -> int | None:
    try:
        return datetime.date(year, month, day).weekday()
    except ValueError:
        return None


def _page_day_first(text: str) -> bool | None:
    """What the page's numeric dates with a number over 12 say: day first, month first, or None (no majority)."""
    votes = 0
    for match in _NUMERIC.finditer(text):
        first, second = int(match[1]), int(match[2])
        votes += (first > 12) - (second > 12)
    return None if votes == 0 else votes > 0


def _day_first(found: FoundDate, line: str, page: Page) -> bool:
    """Day and month order of a numeric date, by the rules in the module docstring."""
    first, second = found.numbers
    if first > 12 or second > 12:
        return first > 12
    weekday = _printed_weekday(line[: found.start] + " " + line[found.end :])
    if weekday is not None:
        fits = [
            day_first
            for day_first, (month, day) in ((True, (second, first)), (False, (first, second)))
            if _weekday(found.year, month, day) == weekday
        ]
        if len(fits) == 1:
            return fits[0]
    page_order = _page_day_first(page.text)
    return True if page_order is None else page_order


@lru_cache(maxsize=4096)
def _parse(text: str, languages: tuple[str, ...], order: str) -> str | None:
    """ISO date of `text` read by dateparser in `languages`, with `order` for numeric dates, else None."""
    import dateparser  # imported on first use: slow to import, and most pages have no date line

    # Only the absolute-date parser: the candidate is a full date, never "yesterday" or a timestamp, and
    # skipping the other parsers makes each call about 40% cheaper.
    settings = {"DATE_ORDER": order, "REQUIRE_PARTS": ["day", "month", "year"], "PARSERS": ["absolute-time"]}
    parsed = dateparser.parse(text, languages=list(languages), settings=settings)
    return parsed.date().isoformat() if parsed else None


def _iso(found: FoundDate, line: str, page: Page) -> str | None:
    """The ISO form of a found date; `line` is the text it was found in (for a printed weekday).

    The patterns already hold day, month and year, so a date is built directly when its month is certain:
    numbers once their order is decided, a month word that names one month in the page's language (or in
    every language that has it). dateparser, at about 1 ms a call, reads only the rest: a month word whose
    meaning depends on a language the page does not settle.
    """
    if found.shape == "iso":
        year, month, day = (int(part) for part in _ISO.fullmatch(found.text).groups())
        return _checked(year, month, day)
    if found.shape == "numeric":
        first, second = found.numbers
        day, month = (first, second) if _day_first(found, line, page) else (second, first)
        return _checked(found.year, month, day)
    language = page.record.language
    key = _key(found.month_word)
    numbers = _calendar().month_numbers.get(key, {})
    named = numbers.get(language or "") or (next(iter(numbers.values())) if len(set(numbers.values())) == 1 else None)
    if named:  # the month word means one month: CLDR's month names read it, no parser needed
        return _checked(found.year, named, found.day)
    owners = _calendar().months.get(key, ())
    languages = (language,) if language in owners else owners
    return _parse(found.text, languages, "DMY")


def _checked(year: int, month: int, day: int) -> str | None:
    """ISO text of a real calendar day, else None (31/02 is not a date)."""
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None


def _labelled_date(text: str) -> tuple[FoundDate, int] | None:
    """A date right after a date label in a metadata dump ("…English Posted: Monday, March 4, 2019 - 10:02Image:
    …"), with the offset of the text it was found in."""
    for label in _calendar().labels.finditer(text):
        window = text[label.end() : label.end() + _LABEL_REACH]
        found = date_in(window)
        if found and found.start <= _MAX_LABEL_GAP:
            return found, label.end()
    return None


def _near_headline(page: Page, body_start: int) -> range:
    """Indexes of the lines from a few non-blank lines above the headline (or the body) down to the body."""
    top = page.headline if page.headline is not None else body_start
    seen = 0
    while top > 0 and seen < _LINES_BEFORE_HEADLINE:
        top -= 1
        seen += bool(page.lines[top].text)
    return range(top, body_start)


def _candidates(page: Page, body_start: int, body_end: int):
    """(line index, date found, text it was found in, cue) in order of trust: date lines near the headline
    whatever their role, the dateline, then labelled dates in metadata dumps after the body."""
    for index in _near_headline(page, body_start):
        text = page.lines[index].text
        if text and is_date_line(text):
            yield index, date_in(text), text, "date line"
    opening = places.page_dateline(page)
    if opening and opening[1].date:
        found = date_in(opening[1].date)
        if found:
            yield opening[0], found, opening[1].date, "dateline"
    end = body_end
    for index in range(end, min(end + _LINES_AFTER_BODY, len(page.lines))):
        line = page.lines[index]
        if line.role == BOILERPLATE and line.why == METADATA_RULE:
            labelled = _labelled_date(line.text)
            if labelled:
                found, offset = labelled
                yield index, found, line.text[offset:], "metadata field"


def find_date(page: Page) -> None:
    """Reads the lines near the headline, the first body paragraph's dateline and the metadata lines after the
    body; sets `record.date` (ISO "YYYY-MM-DD", null when the page prints no release date)."""
    if page.body_start is None or page.body_end is None:
        return
    for index, found, text, cue in _candidates(page, page.body_start, page.body_end):
        iso = _iso(found, text, page)
        if iso:
            page.record.date = iso
            page.note("date", found.text, index, cue)
            return

"""Step: the release date, from the dateline, a date line near the headline, a byline, a metadata dump after the
body, or a date line closing the body.

Dates in the body are events ("le 7 juin dernier", "(2-4/09)", "depuis 1951"), never the release date: only
those places are read, and a date needs a day, a month and a year. The dateline comes first: it is the
release's own date, while a "Published" line may be the day a site moved its pages. A dateline's date sits
between place and dash ("GENEVA, 12 May 2015 (IOM) –", "Niamey, Niger (16 octobre 2024) –"), right after the
dash ("Geneva – 12 March 2021 –", "Berlin – Heute (25.03.2022) …") or leads the paragraph without a place
("22 novembre 2012 - …"). Candidates are found with cheap patterns (month and weekday names come from Babel's
CLDR data for every lexicon language; labels such as "Published on" and words for "today" from the lexicon's
"dates" section). The patterns capture day, month and year, so most dates are built directly (see `_iso`);
dateparser, cached, reads only month words whose meaning the page's language does not settle. A page without a
date line never calls dateparser.

Day and month order of a numeric date ("04/05/2019"), first rule that decides:
1. a number over 12 in the date itself ("04/20/2017" is month first);
2. the weekday printed on the same line ("Tue, 11/06/2018": 6 Nov 2018 is a Tuesday, 11 June is not);
3. the other numeric dates on the page, by majority of those with a number over 12;
4. month first on a US page (its dateline is in the US: "ATHENS, Ga. – ", or its contacts' phones are: "+1 …");
5. day first, the usage of every lexicon language but US English.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from functools import lru_cache
from typing import Final, Iterable, NamedTuple

import regex

from . import datacache, lexicon, places
from .boilerplate import HEAD_FURNITURE_RULES, METADATA_RULE
from .page import BODY, BOILERPLATE, CONTACT, DATE, TRAILER, Line, Page
from .patterncache import compile_re, compile_regex

# A year is looked for in every short line: stdlib re finds it faster than regex once the "no digit before"
# test comes after the century (re then scans for "19" and "20" first); \d is Nd in both.
_YEAR: Final = compile_re(r"(?:19|20)(?<!\d..)\d\d(?!\d)")
_NUMERIC: Final = compile_regex(r"(?<!\d)(\d{1,2})[/.\-](\d{1,2})[/.\-]((?:19|20)\d\d)(?!\d)")
_ISO: Final = compile_regex(r"(?<!\d)((?:19|20)\d\d)[/.\-](\d{1,2})[/.\-](\d{1,2})(?!\d)")
_TIME: Final = compile_regex(r"(?<!\d)\d{1,2} ?[:h.] ?\d\d(?::\d\d)?(?: ?[ap]\.?m\.?)?(?!\w)", regex.IGNORECASE)
_WORD: Final = compile_regex(r"[^\W\d_]+")
# Every date has a day or a month in one or two digits standing alone (no digit on either side): a text with a year
# but no such number ("- 2030 AGENDA", a site's menu entry) holds no date, and is settled without the patterns.
_SHORT_NUMBER: Final = compile_regex(r"(?<!\d)\d{1,2}(?!\d)")
# Between the fields of a date line: "Publicado em 22/08/2022 | Atualizado em 23/08/2022".
_FIELD_SEPARATOR: Final = compile_re(r"\s[|·•]\s")
# Arabic pages may write their digits in the Arabic-Indic forms ("٥ يونيو ٢٠٢٤"): a date is read with them made
# ASCII, one character for one, so that every offset holds.
_ARABIC_INDIC_DIGITS: Final = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")
_ARABIC_INDIC_DIGIT: Final = compile_re("[٠-٩]")
# A date line is short, and holds at most one word that is not a date, weekday, time or label ("IOM").
MAX_DATE_LINE: Final = 80
_MAX_OTHER_WORDS: Final = 1
# A byline's author: a few capitalised words ("Ana María de la Cruz" has a lower-case one: not a byline).
_MAX_NAME_WORDS: Final = 4
# Where to look: this many non-blank lines above the headline, and metadata lines this far after the body.
_LINES_BEFORE_HEADLINE: Final = 3
_LINES_AFTER_BODY: Final = 30
# A byline's date line stands among the first non-blank lines of the body.
_BYLINE_LINES: Final = 3
# A date leading a paragraph starts in its first characters ("Mercredi 7 février 2024 (…) –").
_LEADING_DATE_CHARS: Final = 60
_DASHES: Final = "-–—"
# In a metadata dump, the date follows its label closely ("Posted: Monday, March 4, 2019").
_LABEL_REACH: Final = 60
_MAX_LABEL_GAP: Final = 20
# A closing date line is the body's last line, or the first after it when nothing has claimed it as furniture.
_CLOSING_ROLES: Final = frozenset({BODY, DATE, TRAILER, ""})


def _key(word: str) -> str:
    """Lookup key of a month, weekday or label word: no case, no final dot ("Jeu." and "jeu" are one)."""
    return word.casefold().rstrip(".")


class _Calendar(NamedTuple):  # built once: a frozen dataclass's set-up cost every process more than its use
    named: regex.Pattern  # "5 mai 2016", "5 de mayo de 2016", "June 6, 2019", "12. März 2019"
    months: dict[str, tuple[str, ...]]  # month word key -> languages that use it
    month_numbers: dict[str, dict[str, int]]  # month word key -> {language: month number}
    weekdays: dict[str, int]  # weekday word key -> 0 for Monday .. 6 for Sunday
    labels: regex.Pattern  # "Posted", "Publié le" ... as a field label
    byline: regex.Pattern  # "By", "Par", "Por" ... opening a line, before a capitalised name
    line_words: frozenset[str]  # weekday, label, article and "p.m." word keys: what a date line holds besides its date
    lead_words: frozenset[str]  # weekday and "today" word keys: the words before a date leading a paragraph
    place_ends: frozenset[str]  # weekday and article word keys: the words between a date line's place and its date


def _babel_names() -> dict[str, tuple[dict[str, int], dict[str, int]]]:
    """Language -> its month names and weekday names (with their numbers), wide and abbreviated, as the
    language's CLDR locale writes them and as its regional locales do ("Jänner" in Austria, "Setiembre" in Peru,
    "كانون الثاني" in the Levant, "جانفي" in the Maghreb). A regional name that means another month elsewhere
    in the language is dropped."""
    from babel import Locale  # imported on first use: `import pressparse` stays cheap
    from babel.localedata import locale_identifiers

    identifiers = locale_identifiers()
    names = {}
    for language in lexicon.languages():
        months: dict[str, int] = {}
        weekdays: dict[str, int] = {}
        clashes: set[str] = set()
        for identifier in [language, *sorted(_regions_of(language, identifiers))]:
            locale = Locale.parse(identifier)
            for context in ("format", "stand-alone"):
                for width in ("wide", "abbreviated"):
                    for number, name in locale.months[context][width].items():
                        if identifier == language:
                            months[name] = number
                        elif months.setdefault(name, number) != number:
                            clashes.add(name)
                    for number, name in locale.days[context][width].items():
                        weekdays.setdefault(name, number)
        base = Locale.parse(language).months
        kept = {name for context in base.values() for width in context.values() for name in width.values()}
        names[language] = ({name: n for name, n in months.items() if name in kept or name not in clashes}, weekdays)
    return names


def _regions_of(language: str, identifiers: list[str]) -> list[str]:
    """The CLDR locales of `language` in one region each ("de_AT", "ar_LB"; not scripts or variants)."""
    return [name for name in identifiers if name.startswith(language + "_") and len(name) == len(language) + 3]


def _babel_day_periods() -> list[str]:
    """Every lexicon language's words for "a.m." and "p.m." ("vorm.", "م" in Arabic), as a time writes them."""
    from babel import Locale

    periods: set[str] = set()
    for language in lexicon.languages():
        names = Locale.parse(language).day_periods["format"]["abbreviated"]
        periods.update(names[period] for period in ("am", "pm") if period in names)
    return sorted(periods)


def _words_of(phrases: Iterable[str]) -> frozenset[str]:
    return frozenset(_key(word) for phrase in phrases for word in _WORD.findall(phrase))


@lru_cache(maxsize=None)
def _calendar() -> _Calendar:
    months: dict[str, list[str]] = {}
    month_numbers: dict[str, dict[str, int]] = {}
    weekdays: dict[str, int] = {}
    names = datacache.table("calendar-names-regional")
    for language, (month_names, weekday_names) in names.items():
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
    day = rf"(?P<day>\d{{1,2}})(?:{ordinal})?[.,]?" if ordinal else r"(?P<day>\d{1,2})[.,]?"  # "23rd, February"
    joint = rf"(?:\s+(?:{connector}))?\s+" if connector else r"\s+"
    year = r"(?P<year>(?:19|20)\d\d)(?!\d)"
    named = compile_regex(
        # "23 تشرين الثاني/نوفمبر 2022": Arabic pages write the month by both its names.
        rf"(?<!\w)(?:{day}{joint}(?P<month>{month})(?:/(?:{month}))?\.?,?{joint}{year}"
        rf"|(?P<month>{month})\.?\s+(?P<day>\d{{1,2}})(?:{ordinal})?,?\s+{year})",
        regex.IGNORECASE,
    )
    labels = lexicon.merged("dates", "labels")
    articles = lexicon.merged("dates", "articles")  # "le 7 juin", "den 12. März"
    day_periods = datacache.table("day-periods")
    return _Calendar(
        named=named,
        months={key: tuple(langs) for key, langs in months.items()},
        month_numbers=month_numbers,
        weekdays=weekdays,
        labels=compile_regex(rf"(?<!\w)(?:{lexicon.alternation(labels)})(?!\w)", regex.IGNORECASE),
        byline=compile_regex(rf"\W*(?i:{lexicon.alternation(lexicon.merged('dates', 'bylines'))})\s+(?!\p{{Ll}})"),
        line_words=frozenset(weekdays) | _words_of(labels) | _words_of(day_periods) | _words_of(articles),
        lead_words=frozenset(weekdays) | _words_of(lexicon.merged("dates", "today")),
        place_ends=frozenset(weekdays) | _words_of(articles),
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


def may_hold_a_year(text: str) -> bool:
    """False for a text without the first two digits of a year 19xx or 20xx (ASCII or Arabic-Indic)."""
    return "20" in text or "19" in text or "٢٠" in text or "١٩" in text


def _ascii_digits(text: str) -> str:
    # Translating a text costs far more than searching it: most texts beyond ASCII hold no Arabic-Indic digit.
    if text.isascii() or not _ARABIC_INDIC_DIGIT.search(text):
        return text
    return text.translate(_ARABIC_INDIC_DIGITS)


@lru_cache(maxsize=1024)  # a date line is read by the release step, then by this one; a dateline's date twice
def date_in(text: str) -> FoundDate | None:
    """The first full date (day, month and year) in `text`, or None."""
    text = _ascii_digits(text)
    if not _YEAR.search(text) or not _SHORT_NUMBER.search(text):
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


def opens_on_a_dateline(text: str) -> bool:
    """True for a line that opens on a dateline (a known place, a place in capitals, or a date) with text after
    it: a body's first line, not a title nor a contact line."""
    found = places.dateline(text)
    if found is None or not found.rest:
        return False
    known = found.place.isupper() or places.place_code(found.place) is not None
    return known or bool(found.date and date_in(found.date))


def is_date_line(text: str) -> bool:
    """True when the line is a date line: a full date, maybe with a label, a weekday, a time and one other
    word ("Tue, 11/06/2018 - 14:05", "Published on 17 Jan 2019", "Posted: Thursday, June 6, 2019") or an
    author's name after "By" ("By Jane Doe, 18 November 2020"), not prose."""
    if len(text) > MAX_DATE_LINE:
        return False
    text = _ascii_digits(text)
    if not _YEAR.search(text):
        return False
    found = date_in(text)
    if found is None:
        return False
    calendar = _calendar()
    rest = _TIME.sub(" ", text[: found.start] + " " + text[found.end :])
    other = [word for word in _WORD.findall(rest) if _key(word) not in calendar.line_words]
    if len(other) <= _MAX_OTHER_WORDS:
        return True
    # A byline: "By Jane Doe, 18 November 2020", "Por Ana María Ruiz | 7 de febrero de 2024".
    byline = calendar.byline.match(text)
    names = other[1:] if byline else []
    if bool(names) and len(names) <= _MAX_NAME_WORDS and not any(name[0].islower() for name in names):
        return True
    # Fields on one line ("Publicado em 22/08/2022 às 14h30 | Atualizado em 23/08/2022", "Posted on 08 Nov 2021 ·
    # 0 comments"): the date's own field decides.
    fields = _FIELD_SEPARATOR.split(text)
    if len(fields) == 1:
        return False
    end = 0
    for field in fields:
        end += len(field) + 3  # past the field and its separator (three characters)
        if found.start < end:
            return is_date_line(field)
    return False


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
    return not _us_page(page) if page_order is None else page_order


def _us_page(page: Page) -> bool:
    """True for a page from the US, where numeric dates are month first: its dateline place is in the US, or,
    without a dateline, its contacts' phones are (North American numbers)."""
    opening = places.page_dateline(page)
    if opening is not None:
        return places.place_code(opening[1].place) == "US"
    return any(phone.startswith("+1") for contact in page.record.contacts for phone in contact.phones)


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


def _near_headline(page: Page, body_start: int) -> tuple[range, range]:
    """Indexes of the lines a few non-blank lines above the headline (a contact block there not counted), and
    of the lines from there down to the body. Without a headline, the last line above the body stands for it (a title the release step missed)."""
    top = page.headline
    if top is None:
        top = body_start
        while top > 0 and not page.lines[top - 1].text:
            top -= 1
        top = max(top - 1, 0)
    above = top
    seen = 0
    while above > 0 and seen < _LINES_BEFORE_HEADLINE:
        above -= 1
        line = page.lines[above]
        seen += bool(line.text) and line.role != CONTACT  # a contact block may stand between date and title
    return range(above, top), range(top, body_start)


def _date_lines(page: Page, indexes: range):
    """(line index, date found, line text, cue) of each date line among `indexes`."""
    for index in indexes:
        text = page.lines[index].text
        if text and is_date_line(text):
            yield index, date_in(text), text, "date line"


def _opening_date_lines(page: Page, body_start: int):
    """The date lines above the body: those under the headline, then those above it, unless a title stands
    between two of them: then they are the dates of the neighbouring releases' teasers ("Title / date / Title /
    date / Headline"), while "Published … / Updated …" are the release's own, and a label or button between them
    is no title ("Published: 06/14/2023 / FOR IMMEDIATE RELEASE / Tuesday, March 3, 2020"). A bare date comes
    before a labelled one: a site that moved its pages stamps them "Published" or "Updated" again, and keeps the
    release's own date as it was printed."""
    above, below = _near_headline(page, body_start)
    found = list(_date_lines(page, above))
    if len(found) > 1 and any(_may_be_a_title(page.lines[index]) for index in range(found[0][0] + 1, found[-1][0])):
        found = []
    found = [*_date_lines(page, below), *found]
    if len(found) < 2:
        return found
    labels = _calendar().labels
    return sorted(found, key=lambda candidate: bool(labels.search(candidate[2])))


def date_line_place(text: str) -> str:
    """The place leading a date line ("Brussels, 19 August 2014", "Dakar, le 7 juin 2022", "Roma, lunedì 3 marzo
    2021"), "" when no place leads it."""
    found = date_in(text) if text and is_date_line(text) else None
    words = text[: found.start].split() if found else []
    while words and _key(words[-1]) in _calendar().place_ends:  # the date's article or weekday
        words.pop()
    place = " ".join(words).strip(" ,،")
    return place if place and places.is_place_name(place) else ""


def _may_be_a_title(line: Line) -> bool:
    """A line of text that is neither a date line nor a label, button or field of the page."""
    if line.role == BOILERPLATE and line.why in HEAD_FURNITURE_RULES:
        return False
    return bool(line.text) and not is_date_line(line.text)


def _byline_date_lines(page: Page, body_start: int):
    """Date lines standing alone among the first lines of the body: a byline under a standfirst ("By Agency" /
    "Wednesday 7 February 2024 - 19:45"). The release step gives them their own role."""
    seen = 0
    for index in range(body_start, len(page.lines)):
        line = page.lines[index]
        if seen >= _BYLINE_LINES:
            break
        seen += bool(line.text)
        if line.role == DATE:
            yield index, date_in(line.text), line.text, "date line"


def _leading_date(text: str) -> FoundDate | None:
    """A date leading `text` as a dateline does, before a dash ("22 novembre 2012 - …", "12 March 2021 – …"),
    or in brackets after "today" ("Heute (25.03.2022) sind …"); a weekday may come first. None otherwise: a
    sentence's date is an event's."""
    found = date_in(text[:_LEADING_DATE_CHARS])
    if found is None:
        return None
    before, after = text[: found.start].rstrip(), text[found.end :].lstrip()
    in_brackets = before.endswith("(") and after.startswith(")")
    if in_brackets:
        before, after = before[:-1], after[1:].lstrip()
    known = _calendar().lead_words
    if _WORD.sub("", before).strip(" ,") or any(_key(word) not in known for word in _WORD.findall(before)):
        return None  # something else than a weekday or "today" before the date
    return found if in_brackets or after[:1] in _DASHES else None


def _dateline_dates(page: Page):
    """The dates of the first body paragraph's dateline: between the place and the dash ("GENEVA, 12 May 2015
    (IOM) –"), right after the dash ("Geneva – 12 March 2021 –"), or leading one of its first two lines without
    a place ("22 novembre 2012 - …")."""
    opening = places.page_dateline(page)
    if opening:
        index, found = opening
        in_dateline = date_in(found.date) if found.date else None
        if in_dateline:
            yield index, in_dateline, found.date, "dateline"
        after = _leading_date(found.rest)
        if after:
            yield index, after, found.rest, "dateline"
        return
    first, last = page.paragraphs[0] if page.paragraphs else (0, -1)
    for index in range(first, min(last, first + 1) + 1):
        text = page.lines[index].text
        leading = _leading_date(text)
        if leading and not _other_leading_dates(page, leading):
            yield index, leading, text, "dateline"


def _other_leading_dates(page: Page, found: FoundDate) -> bool:
    """True when other lines of the body lead with another date: a list of dated teasers ("17.10.2018 - …",
    "24.09.2018 - …"), not one release (which may repeat its own date line)."""
    for line in page.body_lines():
        other = _leading_date(line.text) if _YEAR.search(line.text, 0, _LEADING_DATE_CHARS) else None
        if other and other.text != found.text:
            return True
    return False


def _closing_date_lines(page: Page, body_end: int):
    """A date line ending the body or right after it ("Tbilisi, 31 October 2018"): some releases are signed
    with their place and date."""
    after = body_end
    while after < len(page.lines) and not page.lines[after].text:
        after += 1
    for index in (body_end - 1, after):
        if 0 <= index < len(page.lines) and page.lines[index].role in _CLOSING_ROLES:
            yield from _date_lines(page, range(index, index + 1))


def _metadata_dates(page: Page, body_end: int):
    """Labelled dates in metadata dumps after the body ("…English Posted: Monday, March 4, 2019 - 10:02Image:")."""
    for index in range(body_end, min(body_end + _LINES_AFTER_BODY, len(page.lines))):
        line = page.lines[index]
        if line.role == BOILERPLATE and line.why == METADATA_RULE:
            labelled = _labelled_date(line.text)
            if labelled:
                found, offset = labelled
                yield index, found, line.text[offset:], "metadata field"


def _candidates(page: Page, body_start: int, body_end: int):
    """(line index, date found, text it was found in, cue) in order of trust: the dateline (the release's own
    date, which a date line may contradict when a site moved its pages and stamped them again), date lines near
    the headline whatever their role, a byline among the first lines of the body, labelled dates in metadata
    dumps after the body, then a date line closing the body."""
    yield from _dateline_dates(page)
    yield from _opening_date_lines(page, body_start)
    yield from _byline_date_lines(page, body_start)
    yield from _metadata_dates(page, body_end)
    yield from _closing_date_lines(page, body_end)


def find_date(page: Page) -> None:
    """Reads the first body paragraph's dateline, the lines near the headline, the first lines of the body, the
    metadata lines after the body and the line closing it; sets `record.date` (ISO "YYYY-MM-DD", null when the
    page prints no release date). An HTML page's publication date (JSON-LD, a meta, <time>) comes first."""
    if page.hints is not None and page.hints.date is not None:
        day, signal = page.hints.date
        page.record.date = day
        page.note("date", day, -1, f"from {signal}")
        return
    if page.body_start is None or page.body_end is None:
        return
    for index, found, text, cue in _candidates(page, page.body_start, page.body_end):
        iso = _iso(found, text, page)
        if iso:
            page.record.date = iso
            page.note("date", found.text, index, cue)
            return


# The data tables this module reads (see `datacache`), declared below the functions that build them.
datacache.declare("calendar-names-regional", "babel", _babel_names)
datacache.declare("day-periods", "babel", _babel_day_periods)

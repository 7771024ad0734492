"""Step: where the release is from: the dateline place, else the contact office, else the main country, else
an office the body names.

Reads the first body paragraph (its dateline: "Libye - ", "GENEVA, 12 May 2015 (IOM) – "), a dateline on a
line of its own above the body ("Brussels, 19 August 2014"), `record.contacts` (an office such as "OIM Libye")
and the headline and body paragraphs (the country named most often); sets `record.location` with the place as
written and its ISO 3166-1 alpha-2 code (see `places`).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Final

from ..model import Location
from . import contacts, dates, lexicon, places
from .page import Page
from .patterncache import compile_regex

# The main country is counted in this much of the body.
_MAIN_COUNTRY_CHARS = 20_000
# Without a headline, a date line with a place is looked for this many lines above the body.
_DATE_LINE_REACH: Final = 3
# A place in capitals nobody lists has at least this many letters ("TX" or "AP" are no dateline).
_MIN_CAPITALS_PLACE: Final = 3
# An organisation's office named in running text: its acronym, then the place ("l'OIM Roma", "UNICEF Yemen").
# (`\b` before a capital is "no word character before it", and twice as fast as the look-behind on a page in capitals.)
_OFFICE: Final = compile_regex(r"\b\p{Lu}{2,8}\s+(\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+)?)")


def _from_dateline(page: Page) -> Location | None:
    """The dateline place (the city alone after a US one: "WESTPORT, Conn."), when it is a known country or city,
    or when the dateline's date or agency shows it is one (then the code is null), or when it is written in
    capitals and the contacts' phones name one country (a small US town: "RIVERBEND – "); a place ended by a
    full stop ("Köln. …") only when it is known."""
    opening = places.page_dateline(page)
    if opening is None:
        return None
    index, found = opening
    if found.place.lower() in _labels_and_flags():
        return None  # a release label or a story's flag where the place stands ("MEDIA ADVISORY, July 11 /Wire/ --")
    code = places.place_code(found.place)
    known = code is not None or places.is_known_place(found.place)  # "Chișinău/Berlin": two countries, no code
    shown = found.source is not None or bool(found.date and dates.date_in(found.date))
    if not known and not found.period and not shown:
        code = _contacts_country(page) if _in_capitals(found.place) else None
        shown = code is not None
    if not known and (found.period or not shown):
        return None
    name = places.city_of(found.place)
    page.note("location", name, index, "dateline")
    return Location(name, code)


def _in_capitals(place: str) -> bool:
    """True for a place written in capitals, as US datelines write theirs ("RIVERBEND – ")."""
    return place.isupper() and sum(char.isalpha() for char in place) >= _MIN_CAPITALS_PLACE


@lru_cache(maxsize=None)
def _labels_and_flags() -> frozenset[str]:
    """Release labels and story flags in every language ("media advisory", "update", "mise à jour"), in lower
    case."""
    return frozenset(word.lower() for key in ("labels", "flags") for word in lexicon.merged("headline", key))


def _contacts_country(page: Page) -> str | None:
    """The one country of the contacts' phone numbers: a town too small for the gazetteer, written in capitals
    as a dateline, is in the country its press officers are called in."""
    regions = {contacts.number_region(phone) for contact in page.record.contacts for phone in contact.phones}
    return regions.pop() if len(regions) == 1 else None


def _from_date_line(page: Page, body_start: int) -> Location | None:
    """The place leading a date line between the headline and the body, or opening the body ("Brussels, 19
    August 2014"): a dateline on a line of its own. Only a known place counts."""
    top = page.headline if page.headline is not None else max(body_start - _DATE_LINE_REACH, 0)
    for index in range(top, body_start + 1):
        place = dates.date_line_place(page.lines[index].text)
        code = places.place_code(place) if place else None
        if code:
            page.note("location", place, index, "date line")
            return Location(place, code)
    return None


def _offices(page: Page) -> list[tuple[str, str, str]]:
    """(country as written, code, organization) of each contact's office named after a country ("OIM Libye",
    "IOM Niger Office"). Cities are not looked up: a headquarters or regional office does not say what the
    release is about."""
    offices = []
    for contact in page.record.contacts:
        organization = contact.organization
        countries = places.countries_in(organization) if organization else []
        if organization and countries:
            offices.append((*countries[0], organization))
    return offices


def _line_of(page: Page, text: str) -> int:
    """Index of the last line holding `text` (contact blocks come last), else of the last line."""
    for index in range(len(page.lines) - 1, -1, -1):
        if text in page.lines[index].text:
            return index
    return len(page.lines) - 1


def _main_country(page: Page) -> tuple[str, str, int] | None:
    """(name, code, line index) of the country named most often in the headline and body paragraphs, a big city
    counting for its country ("Buenos Aires"), in their first characters (a release is about what it says first,
    and a huge page must not cost more)."""
    starts = [page.headline] if page.headline is not None else []
    texts = [page.lines[page.headline].text] if page.headline is not None else []
    budget = _MAIN_COUNTRY_CHARS
    for first, last in page.paragraphs:
        if budget <= 0:
            break
        starts.append(first)
        texts.append(" ".join(line.text for line in page.lines[first : last + 1])[:budget])
        budget -= len(texts[-1])
    found = places.main_country(texts, big_places=True)
    return (found[0], found[1], starts[found[2]]) if found else None


def _from_offices(page: Page) -> Location | None:
    """The country of the contacts' office; when offices disagree, the one the body names most."""
    offices = _offices(page)
    if not offices:
        return None
    chosen = offices[0]
    if len({code for _, code, _ in offices}) > 1:
        main = _main_country(page)
        chosen = next((office for office in offices if main and office[1] == main[1]), chosen)
    name, code, organization = chosen
    page.note("location", name, _line_of(page, organization), "contact office")
    return Location(name, code)


def _from_office_named(page: Page) -> Location | None:
    """The country of an organisation's office the body names ("les activités de l'OIM Roma"), when nothing else
    on the page names another country: an office says where the work is, as a contact office does, but a
    release about two countries may name only one office."""
    for first, last in page.paragraphs:
        for index in range(first, last + 1):
            for office in _OFFICE.finditer(page.lines[index].text):
                named = places.countries_in(office.group(1), big_places=True)
                if not named:
                    continue
                name, code = named[0]
                on_page = places.countries_in(page.text[:_MAIN_COUNTRY_CHARS], inside_names=False, big_places=True)
                if any(other != code for _, other in on_page):
                    return None
                page.note("location", name, index, "office named")
                return Location(name, code)
    return None


def _from_body(page: Page) -> Location | None:
    """The country the headline and body name most often."""
    main = _main_country(page)
    if main is None:
        return None
    page.note("location", main[0], main[2], "most named country")
    return Location(main[0], main[1])


def find_location(page: Page) -> None:
    """Reads the first body paragraph, the date lines above the body, the contacts and the body; sets
    `record.location` (null when nothing on the page supports one, and on a listing or a page without a release,
    whatever country or office it names)."""
    if page.body_start is None:
        return
    page.record.location = (
        _from_dateline(page)
        or _from_date_line(page, page.body_start)
        or _from_offices(page)
        or _from_body(page)
        or _from_office_named(page)
    )

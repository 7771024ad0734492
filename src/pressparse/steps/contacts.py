"""Step: the press contact block (cue line, then people) and the people in it.

A block starts at a cue ("For more information, please contact:", "Contacts presse", ...) at the start of a
line or of a sentence, and runs over the short lines after it: names, offices, labelled phones and e-mails,
separators ("ou", "or", blank lines). The cue line's own rest is read too, so the one-sentence form ("... please
contact Ana Ruiz at the Geneva office, Tel: ..., Email: ...") gives the same people. Every cue word, label and
separator is lexicon data (section "contacts"); nothing here knows a site.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Callable, Final, Iterable, Iterator, NamedTuple

import regex

from ..model import Contact
from . import dates, lexicon, places
from .names import Budget
from .boilerplate import BULLET_CHARS, TRAILER_RULE
from .clean import occurrences
from .page import BODY, BOILERPLATE, CONTACT, DATE, Page
from .patterncache import compile_re, compile_regex, import_library

# A line longer than this is prose: it ends the block.
MAX_CONTACT_LINE: Final = 300
# The inline form is read over this many characters after the cue (a 6 MB one-line page stays cheap).
INLINE_WINDOW: Final = 1000
# The block ends after this many lines, or this many lines in a row that hold nothing of a contact.
MAX_BLOCK_LINES: Final = 40
MAX_OTHER_LINES: Final = 2
# A contact heading above the headline is looked for this many lines up (blank lines counted: a block, then
# "FOR IMMEDIATE RELEASE" and a date line may stand between).
ABOVE_HEADLINE: Final = 12
# A surname shorter than this is not looked for in a mailto: address (too many addresses would hold it).
MIN_SURNAME_IN_ADDRESS: Final = 3
# Most cues whose block is read in one pass over the page (see `names.Budget`): a release's contact block is among
# its first few cues; a page of thousands of cue lines is a list or junk. On 1,044 pages (the development set and
# the reference corpora) a page reads at most 4.
MAX_BLOCKS_READ = 20
# A contact widget names a person and their post in at most this many words ("Team Communications").
MAX_POST_WORDS: Final = 4
# A person's name is 2 to 5 words.
MIN_NAME_WORDS, MAX_NAME_WORDS = 2, 5
# Office lines are short: "OIM Libye", "UNHCR Kenya Country Office".
MAX_OFFICE_WORDS: Final = 8
# In running text the name may follow a few lower-case words ("... contactar a Jorge Gallardo").
MAX_LEAD_WORDS: Final = 3
# A block line with this many lower-case words and no address or number is a sentence, not a contact line.
PROSE_LOWER_WORDS: Final = 6

_BULLET: Final = compile_regex(rf"^[{regex.escape(BULLET_CHARS)}]+\s*")
# The cue prefilter lower-cases only this many first characters of a line; a cue's first word fits in them.
CUE_HEAD: Final = 40
_SENTENCE_END_MARKS: Final = ".!?…"
_SENTENCE_START: Final = compile_regex(rf"[{_SENTENCE_END_MARKS}]['\"”’»)\]]*\s+([^\W\d_]+)")
_EMAIL: Final = compile_regex(r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}")
_LOCAL_PART: Final = compile_regex(r"(?<![\w.+-])[\w.+-]{1,64}$")
_NOT_SPACE: Final = compile_re(r"\S+")
_DIGIT: Final = compile_re(r"\d")  # `re`, as `regex`, takes any decimal digit; it costs less a call
_ELISION: Final = compile_regex(r"^\p{Ll}{1,2}['’]")
_ACRONYM: Final = compile_regex(r"^\p{Lu}[\p{Lu}\d&-]{1,9}$")
_NAME_WORD: Final = compile_regex(r"^(?:\p{Ll}{1,2}['’])?\p{Lu}[\p{L}\p{M}'’.-]*$")
_EDGE_PUNCTUATION: Final = "-–—:;,.()[]{}\"'“”«»|/ "
# A postal code before a town ("20459 Hamburg", "75007 Paris") or after a US state ("CA 90071").
_POSTAL_CODE: Final = compile_regex(r"(?:^|,\s*)\d{4,5}\s+\p{Lu}\p{Ll}|\b\p{Lu}{2}\s+\d{5}(?:-\d{4})?\b")


def _phrases(key: str) -> str:
    """The alternation of one lexicon list, an apostrophe matching both ' and ’ (pages use either)."""
    return lexicon.grouped_alternation(lexicon.merged("contacts", key)).replace("'", "['’]")


def _compile(template: str, *keys: str, compiler: Callable = compile_re) -> re.Pattern:
    """The pattern `template` filled with the alternations of lexicon lists `keys`, case-insensitive. Stdlib
    `re` unless the template needs `regex` (\\p classes): it compiles these long alternations three times
    faster when they are not in the pattern cache yet."""
    return compiler(template.format(*map(_phrases, keys)), re.IGNORECASE)


@lru_cache(maxsize=None)
def _patterns() -> dict[str, re.Pattern | regex.Pattern]:
    """Every lexicon-built pattern, compiled once per process on first use."""
    # A number: "+ 218 927 405 371", "(+254) 20 4221 000", "0041 22 ...", "20 72 33 44"; bounded runs, and a
    # "/" ends it ("+221 33 869 62 00 / +221 77 ..." is two numbers). An extension word and digits may follow.
    phone = (r"(?<![\w+])(?P<number>(?:\(\s*\+\s*\d{{1,4}}\s*\)|\+\s?\d|\(?\d)[\d\s().-]{{4,24}}\d)"
             r"(?:\s*,?\s*(?:{})\.?\s*:?\s*(?P<ext>\d{{1,6}})\b)?")
    return {
        # Matched at a line or sentence start only. A heading cue ("Contact", "Presse") is a cue only before a
        # colon or alone on its line (where it is a menu entry as often as a heading: `bare_heading_holds`). A
        # lead word and a contact verb in one clause make a cue whatever comes between ("For interviews or
        # photos, please contact").
        "cue": _compile(
            r"(?:{})(?!\w)|(?:{})\s*(?::|$)|(?:{})\s[^.!?:\n]{{0,60}}?(?<!\w)(?:{})(?!\w)",
            "cues", "heading_cues", "cue_leads", "verbs",
        ),
        "lead_in": _compile(r"(?<!\w)(?:{}|{})(?!\w)", "cues", "verbs"),
        "label": _compile(r"^(?P<label>(?:{0}|{1})(?:\s*[/&]\s*(?:{0}|{1}))*)\s*[.:]?(?:\s+|$)", "labels",
                          "fax_labels"),
        "fax": _compile(r"^(?:{})\s*[.:]?$", "fax_labels"),
        "separator_line": _compile(r"^(?:{})\s*[.:,]?$", "separators"),
        # Segments of a line: commas (Arabic ones too), colons, brackets, dashes between spaces, a sentence's
        # period ("Press Office. Tel: ..."; not an initial's or a short title's: "Ana M. Ruiz"), a separator word
        # before a capital or a letter of a script without capitals (at the line's start too: "or Tom Berg"). The
        # period's branch starts at the period and looks back for the three word characters: a branch that starts
        # with a look-behind is tried at every character (a piece of line cost a sixth more).
        "split": _compile(
            r"[,;:|()\[\]،؛]|\s[–—-]\s|\.(?<=\w\w\w\.)\s+(?=\p{{Lu}})"
            r"|(?:^|\s)(?P<separator>{})\s(?-i:(?=\p{{Lu}}|\p{{Lo}}))",
            "separators", compiler=compile_regex,
        ),
        # "[at]", "( dot )" and the white space after them; `_bracketed_words_replaced` takes the space before.
        "at_bracket": _compile(r"[\[({{]\s*(?:{})\s*[\])}}]\s*", "at_words"),
        "dot_bracket": _compile(r"[\[({{]\s*(?:{})\s*[\])}}]\s*", "dot_words"),
        # "ab at org.int", "ab arobase org point int": the word between spaces, then a dotted domain after it.
        "at_word": _compile(r"\s(?:{})\s+", "at_words"),
        "domain": _compile(r"[\w-]{{1,63}}(?:(?:\.|\s+(?:{})\s+)[\w-]{{1,63}}){{1,4}}(?![\w-])", "dot_words"),
        "dot_word": _compile(r"\s+(?:{})\s+", "dot_words"),
        "phone": _compile(phone, "extensions"),
    }


@lru_cache(maxsize=None)
def _words(key: str) -> frozenset[str]:
    return frozenset(word.casefold() for word in lexicon.merged("contacts", key))


# --- e-mails and phones ---------------------------------------------------------------------------------------


def deobfuscate(text: str) -> str:
    """`text` with written-out addresses made plain: "ab [at] org [dot] int", "ab(at)org.int", "ab at org.int"."""
    pattern = _patterns()
    if "(" in text or "[" in text or "{" in text:
        text = _bracketed_words_replaced(pattern["at_bracket"], "@", text)
        text = _bracketed_words_replaced(pattern["dot_bracket"], ".", text)
    if len(text.split(maxsplit=2)) < 3:
        return text  # a written-out "at" stands between a local part and a domain: most contact lines are shorter
    # The word "at" is found first (a cheap scan); the local part before it and the domain after it are then
    # read from that point only, so a long line costs one pass.
    out, position = [], 0
    for match in pattern["at_word"].finditer(text):
        local = _LOCAL_PART.search(text, max(position, match.start() - 64), match.start())
        domain = pattern["domain"].match(text, match.end())
        if local is None or domain is None:
            continue
        joined = pattern["dot_word"].sub(".", domain[0])
        if ends_in_a_top_level_domain(joined):
            out += [text[position : local.start()], f"{local[0]}@{joined}"]
            position = domain.end()
    return "".join(out) + text[position:] if out else text


def _bracketed_words_replaced(pattern: re.Pattern, replacement: str, text: str) -> str:
    """`text` with each match of `pattern` (a bracketed word: "[at]", "(dot)") and the white space before it
    made `replacement`. The pattern starts at the bracket, so that a search skips to the brackets rather than
    trying a match at every character (a long line cost four times as much); the space before is taken here."""
    pieces: list[str] = []
    end = 0  # past the last match
    for match in pattern.finditer(text):
        start = match.start()
        while start > end and text[start - 1].isspace():
            start -= 1
        pieces += [text[end:start], replacement]
        end = match.end()
    return "".join(pieces) + text[end:] if pieces else text


def ends_in_a_top_level_domain(address: str) -> bool:
    """True when the part after the last dot is two letters or more ("org", "int", "рф"), as a domain's last
    label is (string tests: a pattern run per address cost a page of a thousand addresses more than finding them)."""
    _, dot, label = address.rpartition(".")
    return bool(dot) and len(label) >= 2 and label.isalpha()


def find_emails(text: str) -> list[tuple[int, int, str]]:
    """(start, end, address lower-cased) of every e-mail address in `text` (already deobfuscated)."""
    found: list[tuple[int, int, str]] = []
    if "@" not in text:
        return found  # most lines: spare the pattern, which starts at every character
    for match in _EMAIL.finditer(text):
        address = match[0].rstrip(".-")
        if ends_in_a_top_level_domain(address) and not address.startswith("."):
            found.append((match.start(), match.start() + len(address), address.lower()))
    return found


def _phonenumbers() -> Any:
    """The phonenumbers module, imported on first use (most pages have no phone), its patterns from the cache."""
    return import_library("phonenumbers")


@lru_cache(maxsize=4096)  # a site's press officers come back on page after page; parsing is the slow part
def normalise_phone(number: str, extension: str | None, region: str | None) -> str | None:
    """E.164 form of a phone number ("+218927405371", "+12028621826;ext=218"); a local number needs the
    `region` (ISO country code); None when phonenumbers says the number is not valid."""
    phonenumbers = _phonenumbers()

    if number.startswith("00"):
        number = "+" + number[2:]
    if region is None and not number.lstrip("( ").startswith("+"):
        return None
    try:
        parsed = phonenumbers.parse(number, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(parsed):
        return None
    e164 = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
    extension = extension or parsed.extension
    return f"{e164};ext={extension}" if extension else e164


# --- names and offices ----------------------------------------------------------------------------------------


def _tokens(segment: str) -> list[str]:
    words = segment.split()
    while words and words[0].casefold() in _words("honorifics"):
        words = words[1:]
    return words


def is_person_name(segment: str) -> bool:
    """True for 2-5 capitalised words without digits or job words ("Michele Bombassei", "Ana de la Cruz")."""
    words = _tokens(segment.strip(_EDGE_PUNCTUATION))
    if not MIN_NAME_WORDS <= len(words) <= MAX_NAME_WORDS or _DIGIT.search(segment) or "@" in segment:
        return False
    if not (_NAME_WORD.match(words[0]) and _NAME_WORD.match(words[-1])):
        return False
    particles, excluded = _words("name_particles"), _not_in_names()
    # The first and last words are name words (above); one between may be a particle ("Ana de la Cruz").
    return all(_NAME_WORD.match(w) or w.casefold() in particles for w in words[1:-1]) and all(
        w.casefold() not in excluded or w.casefold() in particles for w in words
    )


@lru_cache(maxsize=None)
def _not_in_names() -> frozenset[str]:
    """Job words, function words, labels and the head words of organisations' names: "Press Office", "In Geneva",
    "Ana Ruiz Tel", "Boat Commission" (of "Fish and Boat Commission") are no names (particles stay allowed, and
    one-letter labels such as "M" stay initials)."""
    labels = {word for word in _words("labels") | _words("fax_labels") if len(word) > 1}
    organisation_heads = {word.casefold() for word in lexicon.merged("funding", "org_heads")}
    return _words("role_words") | labels | _function_words() | organisation_heads


def running_name(segment: str) -> tuple[str | None, str | None]:
    """(name, office) in running text after a cue: the name after at most a few lower-case words, the office as
    an acronym and the capitalised words after it ("a Jorge Gallardo en la OIM Panamá" -> "Jorge Gallardo",
    "OIM Panamá"; "Ana Ruiz at the Geneva office" -> "Ana Ruiz", None)."""
    words = segment.strip(_EDGE_PUNCTUATION).split()
    skip = _lead_words(words)
    # A rank or a job title before the name ("PIO Officer Dwayne Tillman", "Public Information Officer Ana Ruiz").
    while skip < len(words) and words[skip].casefold() in _title_words():
        skip += 1
    particles = _words("name_particles")
    size = skip
    while size < len(words) and (_NAME_WORD.match(words[size]) or (size > skip and words[size].casefold() in particles)):
        size += 1
    while size > skip and not _NAME_WORD.match(words[size - 1]):
        size -= 1
    name = " ".join(words[skip:size])
    if size - skip > MAX_NAME_WORDS or not is_person_name(name):
        return None, None
    return name, _office_after(words[size:])


def _lead_words(words: list[str]) -> int:
    """How many of the first words of a cue's rest are in small letters (at most MAX_LEAD_WORDS): "to the", "a"."""
    count = 0
    while count < min(MAX_LEAD_WORDS, len(words)) and words[count][0].islower():
        count += 1
    return count


def running_desk(segment: str) -> str | None:
    """The press desk named in running text after a cue, past a few lower-case words and before a preposition
    ("the Media Relations Division at …" -> "Media Relations Division"); None when the words are no desk."""
    words = segment.strip(_EDGE_PUNCTUATION).split()
    desk = words[_lead_words(words) :]
    while desk and desk[-1].casefold() in _function_words():
        desk.pop()
    return " ".join(desk) if desk and is_desk(" ".join(desk)) else None


@lru_cache(maxsize=None)
def _title_words() -> frozenset[str]:
    """Ranks and job-title words that may stand before a name ("Sgt.", "Officer", "PIO", "Public Information")."""
    return _words("honorifics") | _words("role_words")


def _office_after(words: list[str]) -> str | None:
    """The first acronym among `words` (elided "l’OIM" too) with the capitalised words after it."""
    for i, word in enumerate(words):
        acronym = _ELISION.sub("", word.strip(_EDGE_PUNCTUATION))
        if _ACRONYM.match(acronym):
            tail = list(itertools.takewhile(lambda w: _NAME_WORD.match(w.strip(_EDGE_PUNCTUATION)), words[i + 1 :]))
            return " ".join([acronym, *tail[:MAX_OFFICE_WORDS]]).strip(_EDGE_PUNCTUATION) if tail else None
    return None


def is_desk(segment: str) -> bool:
    """True for a press desk named as such ("Media Relations Division", "Service de presse", "Public Affairs
    Office"): a few words, the first capitalised, one of them a desk word. A job title
    ("Public Information Officer", "Public Affairs Specialist": a post word last) names a person's post, not a
    desk."""
    words = segment.split()
    if not MIN_NAME_WORDS <= len(words) <= MAX_OFFICE_WORDS or _DIGIT.search(segment) or "@" in segment:
        return False
    if _ends_on_a_post(segment):
        return False
    if not (_NAME_WORD.match(words[0]) or _uncased(words[0])):
        return False
    # Words after the first may be small when they are function or job words ("Service de presse").
    small = _function_and_role_words()
    if not all(_NAME_WORD.match(word) or _uncased(word) or word.casefold() in small for word in words):
        return False
    return any(word.casefold() in _words("desk_words") for word in words)


def _uncased(text: str) -> bool:
    """True for text in a script without capital letters (Arabic): no letter of it has a case."""
    return text.lower() == text.upper()


def is_uncased_name(segment: str) -> bool:
    """True for 2-5 words in a script without capital letters and none of them a job, desk or function word
    or a label ("سارة الخطيب"): a name there is known by where it stands, which `settle_uncased` decides."""
    words = _tokens(segment)
    if not MIN_NAME_WORDS <= len(words) <= MAX_NAME_WORDS or _DIGIT.search(segment) or not _uncased(segment):
        return False
    excluded = _not_in_uncased_names()
    return all(word.isalpha() and word.casefold() not in excluded for word in words)


@lru_cache(maxsize=None)
def _function_words() -> frozenset[str]:
    return frozenset(word.casefold() for word in lexicon.merged_list("stopwords"))


@lru_cache(maxsize=None)
def _function_and_role_words() -> frozenset[str]:
    return _function_words() | _words("role_words")


@lru_cache(maxsize=None)
def _not_in_uncased_names() -> frozenset[str]:
    return _not_in_names() | _words("desk_words")


def office_kind(segment: str) -> str | None:
    """"office" for an office line ("OIM Libye", "Kenya Country Office"), "acronym" for a line that starts with
    an acronym and names no country ("IOM Geneva", or a NAME in capitals: the page decides), else None."""
    words = segment.split()
    if not words or len(words) > MAX_OFFICE_WORDS or _DIGIT.search(segment) or "@" in segment:
        return None
    acronym = len(words) > 1 and bool(_ACRONYM.match(words[0].strip(_EDGE_PUNCTUATION)))
    countries = places.countries_in(segment)
    if acronym and countries:
        return "office"
    if countries:
        # A country in a line of job words, or closing the line ("Mission Libya"); "Chad Johnson" is a name.
        roles = _words("role_words")
        last = words[-1].strip(_EDGE_PUNCTUATION)
        if last == countries[-1][0].split()[-1] or any(w.casefold().strip(_EDGE_PUNCTUATION) in roles for w in words):
            return "office"
    return "acronym" if acronym else None


# --- reading lines into items ---------------------------------------------------------------------------------


class Token(NamedTuple):
    """What one piece of a line is, apart from the page: kind "label", "name", "office", "desk" (an office
    that may stand for a person), "acronym" (an office or a NAME in capitals), "email", "phone" or "separator";
    `shaped` when an acronym line is name-shaped."""

    kind: str
    value: str = ""
    extension: str | None = None
    fax: bool = False
    shaped: bool = False


@lru_cache(maxsize=4096)  # label lines, offices and a site's press officers come back on page after page
def parse_line(text: str, running_text: bool = False) -> tuple[Token, ...]:
    """The tokens of one block line in reading order (of the cue line's rest, in running text, when
    `running_text`: a name may then start a longer phrase); none for a sentence without address or number."""
    pieces = _split_values(deobfuscate(_BULLET.sub("", text)))
    # A sentence is no contact line, even with a number in it ("Anyone with information is asked to call ...").
    if not running_text and _is_prose(" ".join(piece for piece in pieces if isinstance(piece, str))):
        return ()
    tokens: list[Token] = []
    for piece in pieces:
        if isinstance(piece, Token):
            tokens.append(piece)
            continue
        if not piece.strip(_EDGE_PUNCTUATION):
            # Only spaces and punctuation around an address or a number (most lines: "", " ", " / "): no segment
            # holds a word and no separator word is there, so the split pattern need not be run on it.
            continue
        position = 0
        for match in [*_patterns()["split"].finditer(piece), None]:
            end = match.start() if match else len(piece)
            tokens += _segment(piece[position:end], running_text)
            if match is not None and match["separator"]:
                tokens.append(Token("separator"))
            position = match.end() if match else end
    return tuple(tokens)


def _segment(segment: str, running_text: bool) -> list[Token]:
    """A piece of line between separators: a label, a name, an office, or nothing."""
    segment = segment.strip(_EDGE_PUNCTUATION)
    if not segment:
        return []
    label = _patterns()["label"].match(segment)
    if label and not is_desk(segment):  # "Office of Public Affairs" is a desk, not the label "Office"
        marker = Token("label", label["label"], fax=bool(_patterns()["fax"].match(label["label"])))
        return [marker, *_segment(segment[label.end() :], running_text)]
    kind = office_kind(segment)
    if kind == "office" and not running_text:
        return [Token("office", segment)]  # "OIM Libye": whether it is name-shaped does not matter
    shaped = is_person_name(segment)
    if kind == "acronym" and running_text and segment.split()[0].casefold() in _title_words():
        kind = None  # a job title in capitals before the name ("contact PIO Dwayne Tillman at …")
    if running_text and not shaped and kind != "acronym":
        name, office = running_name(segment)
        if name:
            return [Token("name", name), *(_segment(office, False) if office else [])]
        desk = running_desk(segment)
        if desk:
            return [Token("desk", desk)]
    if kind == "office":
        return [Token("office", segment)]
    if kind == "acronym" and is_desk(segment):  # "USAO Public Affairs"
        return [Token("desk", segment)]
    if kind == "acronym":
        return [Token("acronym", " ".join(_tokens(segment)) if shaped else segment, shaped=shaped)]
    if shaped:
        return [Token("name", " ".join(_tokens(segment)))]
    if is_desk(segment):
        return [Token("desk", segment)]
    if running_text and _uncased(segment):
        # In a sentence the name runs up to the first function word ("سارة الخطيب على الرقم ...").
        segment = " ".join(itertools.takewhile(lambda word: word.casefold() not in _function_words(), segment.split()))
    return [Token("uncased", " ".join(_tokens(segment)))] if is_uncased_name(segment) else []


def _split_values(text: str) -> list[str | Token]:
    """The line as text pieces and the e-mails and phones between them, in order (e-mails first, so that
    digits in an address are not read as a number)."""
    pieces: list[str | Token] = []
    position = 0
    for start, end, address in find_emails(text):
        pieces += [text[position:start], Token("email", address)]
        position = end
    pieces.append(text[position:])
    if not _DIGIT.search(text):
        return pieces
    out: list[str | Token] = []
    for piece in pieces:
        if isinstance(piece, Token):
            out.append(piece)
            continue
        position = 0
        for match in _patterns()["phone"].finditer(piece):
            if _is_a_date(match["number"]):
                continue  # "28.02.2024 – <a related release>": a date has a number's shape
            out += [piece[position : match.start()], Token("phone", match["number"], match["ext"])]
            position = match.end()
        out.append(piece[position:])
    return out


def _is_a_date(number: str) -> bool:
    """True for a "number" that is a whole date ("28.02.2024", "2024-02-28")."""
    found = dates.date_in(number)
    return found is not None and found.start == 0 and found.end == len(number)


class Item:
    """One thing read in a block, on its line: a token's kind and value, or "blank" for a blank line. (A plain
    class: see `page.Line`.)"""

    __slots__ = ("kind", "value", "line", "cue", "extension", "fax", "raw")

    def __init__(
        self, kind: str, value: str = "", line: int = -1, cue: str = "", extension: str | None = None,
        fax: bool = False, raw: str = "",
    ) -> None:
        self.kind = kind
        self.value = value
        self.line = line
        self.cue = cue
        self.extension = extension
        self.fax = fax
        self.raw = raw  # a phone's text as written, once `value` holds its E.164 form


@dataclass
class Person:
    name: str | None = None
    organization: str | None = None
    phones: list[Item] = field(default_factory=list)
    emails: list[Item] = field(default_factory=list)
    after_separator: bool = False
    name_item: Item | None = None
    office_item: Item | None = None

    def empty(self) -> bool:
        return self.name is None and self.organization is None and not self.phones and not self.emails

    def details(self) -> bool:
        return bool(self.phones or self.emails)


class Reader:
    """Turns block lines into items: settles acronym lines against the page and gives each phone and e-mail
    the label before it, which may end the previous line ("E-mail :" then the address)."""

    def __init__(self, page: Page, cue_line: int):
        self.page = page
        self.cue_line = cue_line
        self.label = ""
        self.fax = False
        self._body: str | None = None

    @property
    def body(self) -> str:
        """The headline and body text above the cue, to tell an organisation acronym ("IOM", written there)
        from a name in capitals."""
        if self._body is None:
            page = self.page
            above = [ln.text for ln in page.lines[page.body_start : self.cue_line] if ln.role == BODY]
            if page.headline is not None:
                above.append(page.lines[page.headline].text)
            self._body = " ".join(above)
        return self._body

    def items(self, text: str, index: int, running_text: bool = False) -> list[Item]:
        """Items of one line (or of the cue line's rest when `running_text`), in reading order. A fax label
        marks the numbers after it until the next label."""
        out = []
        for token in parse_line(text, running_text):
            kind = token.kind
            if kind == "label":
                self.label, self.fax = token.value, token.fax
                continue
            if kind == "acronym":
                kind = "office" if self._in_body(token.value.split()[0]) else "acronym" if token.shaped else ""
            if kind:
                fax = self.fax and kind == "phone"
                cue = self.label if kind in ("phone", "email") else ""
                out.append(Item(kind, token.value, index, cue, token.extension, fax))
        if out and out[-1].kind != "separator":
            self.label, self.fax = "", False  # a label binds the values after it on its line or the next one
        return out

    def _in_body(self, word: str) -> bool:
        return bool(regex.search(rf"(?<!\w){regex.escape(word)}(?!\w)", self.body)) if word in self.body else False


def _is_prose(text: str) -> bool:
    """True for a sentence rather than a name, office or title line: many words in lower case."""
    lower = sum(1 for word in text.split() if word[0].islower() and word.casefold() not in _words("name_particles"))
    return lower >= PROSE_LOWER_WORDS


# --- people ---------------------------------------------------------------------------------------------------


def settle_uncased(items: list[Item]) -> list[Item]:
    """Names in a script without capitals, by the block's layout: the first name-like line of a person (after
    the cue, a separator, a blank line or someone's phone or e-mail) is a name when a phone or an e-mail follows
    before the next person starts; other such lines (a job title, an office in words) are dropped."""
    settled: list[Item] = []
    candidate: int | None = None  # index in `settled` of the name-like line that may start the next person
    opened = True  # a person may start here
    for item in items:
        kind = item.kind
        if kind == "uncased":
            if opened:
                candidate, opened = len(settled), False
            settled.append(item)
            continue
        if kind in ("phone", "email") and candidate is not None:
            found = settled[candidate]
            settled[candidate] = Item("name", found.value, found.line)
            candidate = None
        if kind in ("phone", "email", "separator", "blank", "name"):
            candidate, opened = None, kind != "name"
        settled.append(item)
    return [item for item in settled if item.kind != "uncased"]


def people_of(items: list[Item]) -> list[Person]:
    """Group items into people: a name after someone's phone or e-mail, or after "or", starts a new person; a
    phone or e-mail belongs to the person it follows; a name-like line under a name is a job title; an acronym
    line is a name in capitals when it comes first, an office otherwise ("IOM Dakar" above "Florence Kerr")."""
    people: list[Person] = []
    person = Person()
    separator = blank = False
    for item in items:
        kind = item.kind
        if kind in ("separator", "blank"):
            separator = separator or kind == "separator"
            blank = blank or kind == "blank"
            continue
        if kind == "acronym":
            kind = "name" if person.name is None and not person.details() else "office"
        elif kind == "desk":
            kind = "office"
        elif kind == "name" and _named_by_acronym(person):
            person.organization, person.name, person.name_item = person.name, None, None
        starts = (
            (kind == "name" and (person.details() or (person.name is not None and separator)))
            or (kind == "office" and person.details() and (separator or blank or person.organization is not None))
            or (kind in ("phone", "email") and separator and person.details())
        )
        if starts and not person.empty():
            people.append(person)
            person = Person(after_separator=separator)
        elif person.empty():
            person.after_separator = separator
        _add(person, item, kind)
        separator = blank = False
    people.append(person)
    for person in people:
        _name_by_desk(person)
    return [p for i, p in enumerate(people) if p.details() or (p.name and (i == 0 or p.after_separator))]


def _name_by_desk(person: Person) -> None:
    """A press desk with a phone or an address and no person ("Media Relations Division, 202 ...") is the
    contact's name: it is whom the reader calls."""
    office = person.office_item
    if person.name is None and office is not None and office.kind == "desk" and person.details():
        person.name, person.name_item = office.value, office


def _named_by_acronym(person: Person) -> bool:
    item = person.name_item
    return item is not None and item.kind == "acronym" and person.organization is None and not person.details()


def _add(person: Person, item: Item, kind: str) -> None:
    if kind == "name" and person.name is None:
        person.name, person.name_item = item.value, item
    elif kind == "office" and person.organization is None:
        person.organization, person.office_item = item.value, item
    elif kind == "email" and all(e.value != item.value for e in person.emails):
        person.emails.append(item)
    elif kind == "phone" and not item.fax:
        person.phones.append(item)


# --- the block ------------------------------------------------------------------------------------------------


@dataclass
class Cue:
    line: int
    start: int  # where the cue starts in the line
    rest: int  # where the text after the cue's lead-in ("For more information, please contact") starts
    text: str  # the cue as written


def _starts(text: str, mid_line: bool):
    """Positions where the line (after a bullet) or, when `mid_line`, a sentence inside it starts with a word
    that may begin a cue. Plain string tests: the cue pattern itself is slow to scan a whole page with."""
    firsts = _cue_first_words()
    stripped = text.lstrip(BULLET_CHARS + " ")
    # A prefix test on the line's head ("pour" lets "pourtant" through: the cue pattern decides).
    if stripped[:CUE_HEAD].lower().startswith(_cue_first_word_tuple()):
        yield len(text) - len(stripped)
    if mid_line:
        for match in _sentence_starts(text):
            if match[1].lower() in firsts:
                yield match.start(1)


def _sentence_starts(text: str) -> list[Any]:
    """The matches of `_SENTENCE_START` in `text`, as its `finditer` gives them. The pattern is tried only where a
    plain search finds a sentence's end mark: searching a line tried it at every character (a cue-dense page spent
    a fortieth of its time there). No match holds a second mark, so none of them hides the next one."""
    marks = sorted(at for mark in _SENTENCE_END_MARKS for at in occurrences(text, mark))
    return [match for match in (_SENTENCE_START.match(text, at) for at in marks) if match is not None]


# What ends a cue's first word.
_FIRST_WORD_END: Final = compile_regex(r"[\s'’,]")


@lru_cache(maxsize=None)
def _cue_first_words() -> frozenset[str]:
    """First words of the cues, heading cues and cue leads, lower-cased. (A compiled pattern: `regex.split` looks
    its pattern up again at each call, which cost the first page more than the split.)"""
    cues = lexicon.merged("contacts", "cues") + lexicon.merged("contacts", "heading_cues") + lexicon.merged(
        "contacts", "cue_leads"
    )
    return frozenset(_FIRST_WORD_END.split(cue.lower(), 1)[0] for cue in cues)


@lru_cache(maxsize=None)
def _cue_first_word_tuple() -> tuple[str, ...]:
    return tuple(_cue_first_words())


@lru_cache(maxsize=None)
def _cue_head() -> re.Pattern:
    """Bullets, then a cue's first word in any case: the quick test of a line's head (the class of first
    letters turns most lines away before the words are tried, each letter once: `trie_regex`). re's
    case-insensitive match is a little wider than `str.lower` ("ſ" matches "s"), so it only lets through lines
    for `_starts` to read, and turns away none that `_starts` would take."""
    firsts = _cue_first_words()
    letters = "".join(sorted({word[0] for word in firsts}))
    return compile_re(
        rf"[{re.escape(BULLET_CHARS)} ]*(?=[{re.escape(letters)}])(?:{lexicon.trie_regex(firsts)})", re.IGNORECASE
    )


def find_cue(text: str, index: int, mid_line: bool = True) -> Cue | None:
    """The contact cue of a line when it starts the line or (when `mid_line`) a sentence in it, with the end
    of its lead-in ("For more information, please contact")."""
    if not mid_line and not _cue_head().match(text):
        return None
    # Lines that pass the head test recur across a site's pages (its cue line, "Press releases" in a menu); a long
    # line is prose, read afresh, so that the cache never holds a page's worth of text.
    found = (_cached_cue_span if len(text) <= MAX_CONTACT_LINE else _cue_span)(text, mid_line)
    return Cue(index, *found) if found else None


def _cue_span(text: str, mid_line: bool) -> tuple[int, int, str] | None:
    """(start, end of the lead-in, cue as written) of the line's cue, for `find_cue`."""
    pattern = _patterns()
    for start in _starts(text, mid_line):
        match = pattern["cue"].match(text, start)
        if match is None:
            continue
        rest = match.end()
        # Extend over "..., please contact" while only lower-case words come between.
        for follow in pattern["lead_in"].finditer(text, match.end(), min(len(text), match.end() + INLINE_WINDOW)):
            gap = text[rest : follow.start()]
            if any(c.isupper() or c.isdigit() or c == "@" for c in gap):
                break
            rest = follow.end()
        return match.start(), rest, match[0]
    return None


_cached_cue_span = lru_cache(maxsize=2048)(_cue_span)


# How far before the colon that ends a line its contact verb may start, in characters (see `closing_verb_cue`).
_CLAUSE_REACH: Final = 300


def closing_verb_cue(text: str, index: int) -> Cue | None:
    """The contact verb of a sentence that ends its line with a colon, the contact on the next lines ("...,
    vous pouvez me joindre au :" / a number): the cue starts at the verb, in the line's last clause."""
    if not text.endswith(":"):
        return None
    # The clause starts after the last punctuation, and at most _CLAUSE_REACH characters before the colon: a
    # contact verb stands near it, and the pattern would otherwise read all of a long line ending in a colon.
    low = max(0, len(text) - _CLAUSE_REACH)
    clause = max(text.rfind(mark, low, len(text) - 1) + 1 for mark in ".,;!?")
    clause = max(clause, low)
    verbs = list(_patterns()["lead_in"].finditer(text, clause))
    return Cue(index, verbs[-1].start(), verbs[-1].end(), verbs[-1][0]) if verbs else None


@dataclass
class Block:
    cue: Cue
    people: list[Person]
    last: int  # index of the block's last line holding something of a contact


@lru_cache(maxsize=4096)  # a page of many contact cues reads the lines after each of them again
def _introduces_someone_else(text: str) -> bool:
    """True for a line without a contact that holds a contact phrase: "Pour les autres journalistes, contactez
    ..." introduces someone else."""
    return _patterns()["lead_in"].search(text) is not None


def _opens_the_body(text: str, found: list[Item]) -> bool:
    """True for a line without a number or an address that opens on a dateline ("CARSON CITY, Nev. (AP) —
    Governor ..."): the body's first line ("Ana Ruiz (Bogotá) – ana@example.org" is a contact line)."""
    return not any(item.kind in ("phone", "email") for item in found) and dates.opens_on_a_dateline(text)


def read_block(page: Page, cue: Cue, end: int | None = None) -> Block:
    """The people of the block that starts at `cue`, and where the block ends (at line `end` at the latest)."""
    reader = Reader(page, cue.line)
    rest = page.lines[cue.line].text[cue.rest : cue.rest + INLINE_WINDOW]
    items = reader.items(rest, cue.line, running_text=True)
    last, others = cue.line, 0
    first_line: int | None = None
    for index in range(cue.line + 1, min(len(page.lines) if end is None else end, cue.line + 1 + MAX_BLOCK_LINES)):
        line = page.lines[index]
        text = line.text
        if not text:
            items.append(Item("blank", line=index))
            continue
        if _patterns()["separator_line"].match(text):
            items.append(Item("separator", line=index))
            continue
        if len(text) > MAX_CONTACT_LINE or line.why == TRAILER_RULE:
            break  # ("Related Stories" ends the release, and the block with it)
        found = reader.items(text, index)
        if _opens_the_body(text, found):
            break
        if not [item for item in found if item.kind != "separator"]:
            others += 1
            if others > MAX_OTHER_LINES or line.role == BOILERPLATE:
                break  # first: the block ends above this line, so a separator found on it would be dropped
            if _introduces_someone_else(text):
                items.append(Item("separator", line=index))
            continue
        others, last = 0, index
        first_line = index if first_line is None else first_line
        items.extend(found)
    people = people_of(settle_uncased([item for item in items if item.line <= last]))
    _settle_phones(page, people)
    people = [p for p in people if p.details() or p.name]
    if not any(p.details() for p in people):
        # A name alone is a contact only right under a cue line that holds nothing else ("... contacter :").
        heading = not rest.strip(_EDGE_PUNCTUATION)
        named = people and people[0].name_item is not None and people[0].name_item.line == first_line
        if not (heading and named and _next_text_line(page, cue.line) == first_line):
            people = []
    return Block(cue, people, last)


def _next_text_line(page: Page, index: int) -> int | None:
    return next((i for i in range(index + 1, len(page.lines)) if page.lines[i].text), None)


# --- phones' country and the record ---------------------------------------------------------------------------


class Regions:
    """Countries a local number may belong to, most likely first: the person's office, any office of the block,
    the country of the block's international numbers, the page (dateline place, else the country the body names
    most), the country of an international number elsewhere on the page, then the main countries of the page's
    language. Looked up only when a number lacks its "+" prefix, and only as far as needed: the first country in
    which the number is valid wins ("(617) 728-2408" on an English page with no country named is a US number;
    "04 67 99 62 34" on a French page about Niger is French)."""

    def __init__(self, page: Page, people: list[Person]):
        self.page = page
        self.people = people
        self._worked_out: dict[str, list[str]] = {}  # the block's lists, once a number needed them

    def of(self, person: Person) -> Iterator[str]:
        for other in [person, *self.people]:
            code = _office_country(other.organization) if other.organization else None
            if code:
                yield code
        yield from self._once("block prefixes", self._countries_of_block_numbers, self._worked_out)
        # The page's lists are kept on the page: a page of many contact cues reads many blocks.
        yield from self._once("page country", self._country_of_page, self.page.phone_regions)
        yield from self._once("page prefixes", self._countries_of_page_numbers, self.page.phone_regions)
        language = self.page.record.language
        yield from lexicon.section(language, "contacts").get("phone_regions", []) if language else []

    def _once(self, name: str, work_out: Callable[[], list[str]], kept: dict[str, list[str]]) -> list[str]:
        """What `work_out` gives, worked out for the first number that needs it and kept in `kept` for the others.
        (Not a cached property: compiled, those are worked out at every use.)"""
        if name not in kept:
            kept[name] = work_out()
        return kept[name]

    def _countries_of_block_numbers(self) -> list[str]:
        return _prefix_regions([item.value for person in self.people for item in person.phones])

    def _country_of_page(self) -> list[str]:
        code = _page_country(self.page)
        return [code] if code else []

    def _countries_of_page_numbers(self) -> list[str]:
        return _prefix_regions(_page_numbers(self.page))


def _prefix_regions(numbers: list[str]) -> list[str]:
    """Countries of the numbers written with their country code ("+44 ..."), in order."""
    return [code for code in map(number_region, numbers) if code]


@lru_cache(maxsize=4096)
def number_region(number: str) -> str | None:
    """The country of a number written with its country code; None for a local or invalid one."""
    phonenumbers = _phonenumbers()

    e164 = normalise_phone(number, None, None)
    return phonenumbers.region_code_for_number(phonenumbers.parse(e164)) if e164 else None


def _page_numbers(page: Page) -> list[str]:
    """Numbers written with a "+" anywhere on the page (a site's footer gives its country that way)."""
    phone = _patterns()["phone"]
    return [match["number"] for line in page.lines if "+" in line.text for match in phone.finditer(line.text)]


def _office_country(office: str) -> str | None:
    found = places.countries_in(office)
    if found:
        return found[-1][1]
    words = office.split()
    return places.place_code(" ".join(words[1:])) if len(words) > 1 else None


def _page_country(page: Page) -> str | None:
    """The country of the dateline's place, else of a date line's ("Dakar, le 7 juin 2022" above the headline),
    else the one the body names most."""
    dateline = places.page_dateline(page)
    if dateline:
        code = places.place_code(dateline[1].place)
        if code:
            return code
    for line in page.lines:
        place = dates.date_line_place(line.text) if line.role == DATE else ""
        code = places.place_code(place) if place else None
        if code:
            return code
    main = places.main_country([ln.text for ln in page.body_lines()])
    return main[1] if main else None


def _settle_phones(page: Page, people: list[Person]) -> None:
    """Normalise every person's numbers to E.164, local ones in the first likely country where they are valid;
    drop what is not a valid number (a figure read as a number is no phone) and repeats."""
    regions = Regions(page, people)
    for person in people:
        kept: dict[str, Item] = {}
        for item in person.phones:
            local = not item.value.lstrip("( ").startswith(("+", "00"))
            candidates: Iterable[str | None] = regions.of(person) if local else [None]
            number = next(filter(None, (normalise_phone(item.value, item.extension, c) for c in candidates)), None)
            if number and number not in kept:
                kept[number] = item
        person.phones = [Item("phone", number, item.line, item.cue, raw=item.value) for number, item in kept.items()]


def _contact(page: Page, person: Person, cue: str) -> Contact:
    """The record's contact for one person; every value noted with its line and the cue or label before it."""
    if person.name is not None and person.name_item is not None:
        page.note("contacts", person.name, person.name_item.line, cue)
    for item in person.phones + person.emails:
        page.note("contacts", item.raw or item.value, item.line, item.cue or cue)
    return Contact(person.name, person.organization, [i.value for i in person.phones], [i.value for i in person.emails])


def _mark(page: Page, block: Block, cut: bool = True) -> None:
    """Mark the block's lines CONTACT and, when `cut`, end the body before the cue. A cue inside a body line
    after other sentences ("... on Monday. For more information contact ...") cuts that line's text at the cue
    instead. Without `cut` (a heading block above most of the body) only the block's own lines leave the body."""
    cue = block.cue
    line = page.lines[cue.line]
    in_body = (
        cut and page.body_start is not None and page.body_end is not None and page.body_start < cue.line < page.body_end
    )
    if cue.start > 0 and line.role == BODY and _BULLET.sub("", line.text[: cue.start]).strip():
        line.text = line.text[: cue.start].rstrip()
        if in_body or cue.line == page.body_start:
            page.body_end = cue.line + 1
    else:
        line.role, line.why = CONTACT, cue.text
        if in_body:
            page.body_end = cue.line
    for other in page.lines[cue.line + 1 : block.last + 1]:
        if other.text:
            other.role, other.why = CONTACT, "contact block"


def _closes_release(page: Page, block: Block) -> bool:
    """False for a block with more body text after it than before it: a "For more information, call ..."
    sentence early in a release is not its contact block, and cutting there would lose most of the body. A block
    between the headline and the body (the newswire shape: "Contact: ..." under the title) cuts nothing."""
    if page.body_end is None or block.last + 1 >= page.body_end or block.last < (page.body_start or 0):
        return True
    lines = page.lines
    before = sum(len(ln.text) for ln in lines[page.body_start : block.cue.line] if ln.role == BODY)
    after = sum(len(ln.text) for ln in lines[block.last + 1 : page.body_end] if ln.role == BODY)
    return after <= before


def _is_heading(page: Page, cue: Cue) -> bool:
    """True for a cue that starts its line and is a heading ("Contact:", "Media contacts", "Press contact: Ana
    Ruiz, ..."): a block under such a line is the contact block wherever it stands, even above the body (the
    newswire shape), unlike an information sentence early in a release."""
    text = page.lines[cue.line].text
    if _BULLET.sub("", text[: cue.start]).strip():
        return False
    return cue.text.endswith(":") or text[cue.rest :].lstrip().startswith(":") or not text[cue.rest :].strip()


def find_contacts(page: Page) -> None:
    """Reads the lines from the headline on, else the few lines above it; sets `record.contacts`, marks contact
    lines CONTACT and moves `page.body_end` before the contact block. A page without a release (a listing) may
    still print the site's press contact ("For media enquiries please contact ..."): its cue lines are read."""
    if page.body_start is None:
        _take_block(page, range(len(page.lines)), None)
    else:
        _take_release_contacts(page)
    if page.hints is not None and page.hints.emails:
        _add_mailto_targets(page.record.contacts, page.hints.emails)
    if page.hints is not None and page.hints.phones:
        _add_tel_target(page.record.contacts, page.hints.phones)


def _add_tel_target(contacts: list[Contact], phones: tuple[str, ...]) -> None:
    """Gives the one contact without a phone the number of an HTML page's one tel: link that no contact has
    (a link reading "Call" hides the number from the text). With more of either, which is whose is unknown."""
    numbers = {number for number in (normalise_phone(phone, None, None) for phone in phones) if number}
    numbers -= {number for contact in contacts for number in contact.phones}
    without = [contact for contact in contacts if not contact.phones]
    if len(numbers) == 1 and len(without) == 1:
        without[0].phones.append(numbers.pop())


def _add_mailto_targets(contacts: list[Contact], emails: tuple[str, ...]) -> None:
    """Gives a contact without an e-mail the mailto: target of an HTML page's link that names them (a link
    reading "E-mail" or "Contact" hides the address from the text): the address's local part holds their
    surname ("mkhalil@..." for Maysa Khalil)."""
    for contact in contacts:
        if contact.emails or not contact.name:
            continue
        surname = "".join(filter(str.isalnum, contact.name.split()[-1])).lower()
        if len(surname) < MIN_SURNAME_IN_ADDRESS:
            continue
        for address in emails:
            if surname in address.split("@")[0]:
                contact.emails.append(address)
                break


def _take_release_contacts(page: Page) -> None:
    """The contact block of a page with a release: below the headline, else above it (see find_contacts)."""
    assert page.body_start is not None
    start = page.headline + 1 if page.headline is not None else page.body_start
    # A cue inside a line (after other sentences) counts only from the last body paragraph on: one in the
    # middle of the body would cut the paragraphs after it.
    tail = page.paragraphs[-1][0] if page.paragraphs else page.body_start
    if not _take_block(page, range(start, len(page.lines)), tail):
        top = start - 1
        if not _take_block_above(page, top) and not _take_widget(page, top):
            _take_press_mailbox(page, max(0, top - ABOVE_HEADLINE))


def _take_block_above(page: Page, top: int) -> bool:
    """Takes a block under a heading a few lines above line `top`, the title ("FOR IMMEDIATE RELEASE" /
    "Contact: ..." / the title), or on the title line itself when a contact line was taken for the title. The
    block stops at the title, unless that line is a contact line: one with a number or an address, or a name
    right under a bare heading; the block then runs on to the body."""
    above = range(max(0, top - ABOVE_HEADLINE), top + 1)
    kinds = {token.kind for token in parse_line(page.lines[top].text)} if top >= 0 else set()
    values = bool(kinds & {"phone", "email"})
    return _take_block(page, above, None, end=page.body_start if values else top) or (
        "name" in kinds and _take_block(page, above, None, end=page.body_start)
    )


def _take_widget(page: Page, top: int) -> bool:
    """Without a contact block, a line from the headline to the body that names a person and their press post
    and nothing else ("Jana Albers Team Kommunikation", "Jana Albers, Pressesprecherin") is the page's contact
    widget: the contact is that person."""
    start = page.headline if page.headline is not None else top
    for index in range(start, (page.body_start or 0)):
        text = page.lines[index].text
        name = widget_name(text)
        if name:
            person = Person(name=name, name_item=Item("name", name, index))
            post = text[text.index(name) + len(name) :].strip(_EDGE_PUNCTUATION)  # the evidence's cue
            page.record.contacts = [_contact(page, person, post)]
            return True
    return False


def widget_name(text: str) -> str | None:
    """The name of "<2-3 name words> <1-4 job or desk words>", else None."""
    # Split no further than the longest widget needs: the lines between a headline and its body may be long.
    words = text.split(maxsplit=3 + MAX_POST_WORDS)
    if len(words) > 3 + MAX_POST_WORDS or _DIGIT.search(text):
        return None
    posts = _press_posts()
    for size in (2, 3):
        post = [word.strip(_EDGE_PUNCTUATION).casefold() for word in words[size:] if word.strip(_EDGE_PUNCTUATION)]
        name = _words_as_written(text, size).strip(_EDGE_PUNCTUATION)
        if 1 <= len(post) <= MAX_POST_WORDS and all(word in posts for word in post) and is_person_name(name):
            return name
    return None


def _words_as_written(text: str, count: int) -> str:
    """`text` up to the end of its `count`-th word, as written (whatever spaces stand between the words: the
    name taken from a line must be found in it)."""
    ends = [word.end() for word in itertools.islice(_NOT_SPACE.finditer(text), count)]
    return text[: ends[-1]] if ends else ""


@lru_cache(maxsize=None)
def _press_posts() -> frozenset[str]:
    return _words("role_words") | _words("desk_words")


# Marks a press mailbox may hold between its words ("press.office", "media-relations"), dropped to compare it.
_MAILBOX_MARKS: Final = str.maketrans("", "", "._-")


def _take_press_mailbox(page: Page, start: int) -> None:
    """Without a contact block, the first press office address on the page from line `start` on ("presse@...",
    "media@..." by a date line or in a footer) is the contact, without a name."""
    mailboxes = _words("press_mailboxes")
    for index in range(start, len(page.lines)):
        text = page.lines[index].text
        if "@" not in text:
            continue
        for _, _, address in find_emails(deobfuscate(text)):
            mailbox = address.partition("@")[0]
            if mailbox.translate(_MAILBOX_MARKS) in mailboxes:
                page.record.contacts = [_contact(page, Person(emails=[Item("email", address, index)]), mailbox)]
                return


def heading_holds(page: Page, block: Block) -> bool:
    """False when a heading word ("Contact", "Kontakt:", "Presse": a menu entry or a site's own contact box as
    often) introduces a postal address (the footer's "Kontakt:" / "Hafenhilfe Hamburg" / "Elbstraße 7" / ...)
    or, alone on its line, no named person or desk; written without a colon, it must head a contact box (see
    `_shows_a_person`). True for every other cue ("Pressekontakt", "Media contacts", "For more information"),
    which may give an address with the person."""
    cue = block.cue
    written = cue.text.strip()
    if written.rstrip(": ").casefold() not in _words("heading_cues"):
        return True
    if not written.endswith(":") and not _shows_a_person(page, block):
        return False
    first = block.people[0].name_item
    if first is None:
        return written.endswith(":") and not any(
            is_postal_address(line.text) for line in page.lines[cue.line + 1 : block.last + 1]
        )
    # The name heads an address when the address follows it at once ("Hafenhilfe Hamburg" / "Elbstraße 7");
    # a person's office line comes between ("Dana Whitcomb" / "Sheriff's Office" / "550 N. Flower Street").
    after = _next_text_line(page, first.line)
    return after is None or not is_postal_address(page.lines[after].text)


def is_postal_address(text: str) -> bool:
    """True for a street or town line of a postal address: "Elbstraße 7", "550 N. Flower Street", "20459
    Hamburg", "Los Angeles, CA 90071"."""
    if not _DIGIT.search(text):
        return False
    if _POSTAL_CODE.search(text):
        return True
    words = [word.casefold().strip(",;") for word in text.split()]
    suffixes = _street_suffixes()
    return any(word in _words("street_words") or word.endswith(suffixes) for word in words)


@lru_cache(maxsize=None)
def _street_suffixes() -> tuple[str, ...]:
    return tuple(_words("street_suffixes"))


def _shows_a_person(page: Page, block: Block) -> bool:
    """True when a block under a bare heading is a contact box, not a menu or an address under the same word:
    a press desk with a phone or an e-mail ("USAO Public Affairs"), or a named person with one and an e-mail or
    a job title ("Public Affairs Specialist") in the block."""
    reachable = [person.name for person in block.people if person.name and person.details()]
    if not reachable:
        return False
    if any(is_desk(name) for name in reachable):
        return True
    lines = page.lines[block.cue.line + 1 : block.last + 1]
    return any(person.emails for person in block.people) or any(_ends_on_a_post(line.text) for line in lines)


def _ends_on_a_post(text: str) -> bool:
    words = text.split()
    return bool(words) and words[-1].casefold().strip(_EDGE_PUNCTUATION) in _words("post_heads")


def _take_block(page: Page, indexes: range, tail: int | None, end: int | None = None) -> bool:
    """Takes the first contact block whose cue is on one of the lines `indexes`: a cue inside a line counts from
    line `tail` on, and with `end` (above the headline) only a heading cue counts, its block ending there. At
    most MAX_BLOCKS_READ blocks are read."""
    blocks = Budget(MAX_BLOCKS_READ)
    for index in indexes:
        text = page.lines[index].text
        cue = find_cue(text, index, mid_line=tail is not None and index >= tail) if text else None
        if cue is None and end is None and text.endswith(":"):
            cue = closing_verb_cue(text, index)
        if cue is None or (end is not None and not _is_heading(page, cue)):
            continue
        if not blocks.take():
            return False
        block = read_block(page, cue, end)
        if not block.people or not heading_holds(page, block):
            continue
        closes = end is None and _closes_release(page, block)
        if closes or _is_heading(page, cue):
            page.record.contacts = [_contact(page, person, cue.text) for person in block.people]
            _mark(page, block, cut=closes)
            return True
    return False

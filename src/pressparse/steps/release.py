"""Step: find the release on the page: its headline, where its body starts and ends, its date lines.

The body is the longest run of prose paragraphs not interrupted by furniture; the headline is the title-like
line just before that run's lead (its first real paragraph), unless that line is a label, a button, a byline,
a contact line, a photo credit or caption, or a deck under the title; a menu entry naming the page above it is
its title. Teasers (title, maybe a date, one paragraph, then the next title) are other releases: several of
them make a listing. A page with several headline + date + prose units is a listing; a page without enough
prose holds no release. Both get headline null and a warning.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

import regex

from . import lexicon, places
from .dates import MAX_DATE_LINE, is_date_line, may_hold_a_year, opens_on_a_dateline
from .boilerplate import (
    BULLET_CHARS,
    CLOSING_CHARS,
    COPYRIGHT_RULE,
    HEAD_FURNITURE_RULES,
    INLINE_LINK_RULE,
    METADATA_RULE,
    TEMPLATE_RULE,
    TRAILER_RULE,
    ends_sentence,
)
from .page import BODY, BOILERPLATE, DATE, HEADLINE, Line, Page
from .patterncache import compile_re, compile_regex

# A title does not end like a sentence or a clause (Arabic comma and semicolon included), nor like a dateline
# waiting for its text ("CITY, Country, 16 May 2020 /Agency/ --"), even inside closing quotes or brackets.
_NO_TITLE_ENDS: Final = (".", ":", ";", ",", "،", "؛", "-", "–", "—")
_TITLE_OPENERS: Final = "«“\"'‘¿¡"


def _starts_lower(text: str) -> bool:
    """True for a line that continues a sentence: lower-case letter, digit or continuing punctuation first."""
    first = text[0]
    return first.islower() or first.isdigit() or first in "(,;"


def _starts_title(text: str) -> bool:
    """A capital, a digit or an opening quote first; in scripts without case (Arabic) any letter."""
    first = text[0]
    return (first.isalpha() and not first.islower()) or first.isdigit() or first in _TITLE_OPENERS


# The characters `_in_capitals` looks at first.
_CAPITALS_HEAD: Final = 16


def _in_capitals(text: str) -> bool:
    """True for text with letters of which none is lower case ("CONFERENZA FINALE 2013")."""
    # Case mapping goes character by character: a small letter in the first words (most lines) settles it
    # without a pass over the whole line.
    head = text[:_CAPITALS_HEAD]
    return head.upper() == head and text.upper() == text and text.lower() != text


# A release needs at least this much prose; less is a publications page, an error page or a stub.
MIN_RELEASE_CHARS: Final = 200
MIN_PARAGRAPH_CHARS: Final = 100
# In a listing, each item has its own headline, date line and prose of at least this size.
MIN_ITEM_CHARS: Final = 120
# Titles are short lines; prose has some words, or a few and a sentence's end.
MAX_TITLE_CHARS: Final = 300
MAX_TITLE_WORDS: Final = 40
MIN_PROSE_WORDS: Final = 12
# In scripts without spaces between words: prose from this many characters, with a space at most every so many.
MIN_UNSPACED_PROSE_CHARS: Final = 40
UNSPACED_CHARS_PER_SPACE: Final = 20
# An HTML article's first part above its element (in a wrapper of its own) holds this many prose paragraphs or
# more (fewer are a standfirst, a teaser or a photo's caption), with at most MAX_PART_GAP_PARAGRAPHS other
# paragraphs in a row between them (measured on the article-extraction benchmark).
MIN_PART_PARAGRAPHS: Final = 4
MAX_PART_GAP_PARAGRAPHS: Final = 1
# The body of an HTML article starts at a prose paragraph that at most this many other paragraphs part from the
# next prose paragraph (measured on the article-extraction benchmark: 1 0.960, 2 0.961, 3 0.960, 5 0.960).
MAX_PROSE_GAP_PARAGRAPHS: Final = 2
# A block of an HTML article's element printed twice in a row (its first words the same, the copy may be cut
# short) is a photo's caption.
REPEATED_WORDS: Final = 10
REPEATED_RULE: Final = "block printed twice (a caption)"
# Narrower "wraps" are lists and menus, not a hard-wrapped page.
MIN_WRAP_WIDTH: Final = 30
# Teasers of other releases in a row (see `_teasers`); fewer when each has its date.
MIN_TEASERS: Final = 3
MIN_DATED_TEASERS: Final = 2
# Undated teasers have headline-sized titles: this many words for the median one.
MIN_TEASER_TITLE_WORDS: Final = 5
TEASER_RULE: Final = "teaser"
# Furniture lines that may sit inside a body without ending it, and under a headline before the lead (reading
# time, share row, photo credit, tags: a few more).
MAX_BRIDGED_LINES: Final = 2
MAX_LINES_UNDER_TITLE: Final = 4
_INSIDE_BODY_RULES: Final = frozenset({METADATA_RULE, COPYRIGHT_RULE, TEMPLATE_RULE, INLINE_LINK_RULE})


class Paragraph:
    """A candidate paragraph; `finish()` computes its shape once its last line is in. (A plain class: see
    `page.Line`.)"""

    __slots__ = (
        "lines", "text", "is_date", "ends_sentence", "after_sentence", "after_rule", "is_title", "is_prose", "is_cut",
    )

    def __init__(
        self, lines: list[int], text: str, is_date: bool, ends_sentence: bool, after_sentence: bool, after_rule: str
    ) -> None:
        self.lines = lines  # indexes into page.lines
        self.text = text
        self.is_date = is_date
        self.ends_sentence = ends_sentence  # its last line (so far) ends a sentence
        # It starts right after a line that ended a sentence (no blank line between).
        self.after_sentence = after_sentence
        # The furniture rule of the line just above it (blank lines aside), "" when that line is text.
        self.after_rule = after_rule
        self.is_title = False
        self.is_prose = False
        self.is_cut = False  # the page's last paragraph, stopping mid-sentence

    def finish(self) -> "Paragraph":
        text = self.text
        words = _word_count(text)
        self.is_title = (
            len(self.lines) == 1
            and 3 <= words <= MAX_TITLE_WORDS
            and len(text) <= MAX_TITLE_CHARS
            and not self.is_date
            and _starts_title(text)
            and not text.rstrip(CLOSING_CHARS).endswith(_NO_TITLE_ENDS)
        )
        # A stand-alone line without a sentence's end is a title, however long.
        self.is_prose = not self.is_title and (words >= MIN_PROSE_WORDS or (words >= 5 and self.ends_sentence))
        return self


def _word_count(text: str) -> int:
    """The number of words in `text` (spaces + 1), exact up to a title's length. A longer text is never a
    title: once its first MAX_TITLE_CHARS characters hold MIN_PROSE_WORDS words it is prose, and the count
    stops there (paragraphs run to thousands of characters)."""
    words = text.count(" ", 0, MAX_TITLE_CHARS) + 1
    if words >= MIN_PROSE_WORDS or len(text) <= MAX_TITLE_CHARS:
        return words
    return text.count(" ") + 1


def _wrap_width(lines: list[Line]) -> int:
    """Width of a hard-wrapped page (longest line continued by a line starting in lower case), 0 when the page
    is not hard-wrapped (fewer than three such breaks, or too narrow to be a wrap). Reads the lines' texts."""
    widths = []
    previous = ""
    for line in lines:
        text = line.text
        if previous and text[:1].islower() and not ends_sentence(previous):
            widths.append(len(previous))
        previous = text
    width = max(widths) if len(widths) >= 3 else 0
    return width if width >= MIN_WRAP_WIDTH else 0


def _ends_with_function_word(text: str, stopwords: frozenset[str]) -> bool:
    return text[text.rfind(" ") + 1 :].lower() in stopwords


@lru_cache(maxsize=None)
def _stopwords() -> frozenset[str]:
    return frozenset(lexicon.merged_list("stopwords"))


def _paragraphs(page: Page) -> list[Paragraph | str]:
    """Group candidate lines into paragraphs, joining hard-wrapped lines; a furniture line appears as the name
    of the rule that marked it."""
    stopwords = _stopwords()
    width = _wrap_width(page.lines)
    out: list[Paragraph | str] = []
    current: Paragraph | None = None
    previous = ""  # the last line of `current`
    rule_above = ""  # the rule of the furniture line above, while no text line came since
    for index, line in enumerate(page.lines):
        text = line.text
        if not text:
            current = None
            continue
        if line.role == BOILERPLATE:
            out.append(line.why)
            current = None
            rule_above = line.why
            continue
        date = _may_be_date(text) and _is_date_line(text)
        if current is not None and not date and _continues(current, previous, text, width, stopwords):
            current.lines.append(index)
            current.text += " " + text
            current.ends_sentence = ends_sentence(text)
            previous = text
            continue
        after_sentence = current is not None and current.ends_sentence
        current = Paragraph([index], text, date, ends_sentence(text), after_sentence, rule_above)
        previous = text
        rule_above = ""
        out.append(current)
        if date:
            current = None
    paragraphs = [p.finish() if isinstance(p, Paragraph) else p for p in out]
    _read_last_as_cut(paragraphs)
    return paragraphs


def _read_last_as_cut(paragraphs: list[Paragraph | str]) -> None:
    """A page whose last line, with the words of prose but no sentence end, is the first one that could be
    prose was cut short in its first paragraph (scraped excerpts stop mid-sentence): that line is prose, not
    a title. Not a row of links in capitalised words ("Privacy Policy Terms of Use Contact Us ..."), which
    the case of its words shows in scripts that have case. (Under a release, such a line is trailing matter.)"""
    last = paragraphs[-1] if paragraphs else None
    if not isinstance(last, Paragraph) or not last.is_title or _word_count(last.text) < MIN_PROSE_WORDS:
        return
    if any(isinstance(p, Paragraph) and p.is_prose for p in paragraphs):
        return
    text = last.text
    if text.lower() == text.upper() or not _title_cased(text, _stopwords()):
        last.is_title, last.is_prose, last.is_cut = False, True, True


# A paragraph opening on its date and a dash ("17.10.2018 - ", "22 novembre 2012 – "): day first, then the year.
_DATED_OPENING: Final = compile_re(r"\d{1,2}[./ ][^\n]{0,20}?(?:19|20)\d\d\s*[-–—]\s")


def _may_be_date(text: str) -> bool:
    """False for a line that cannot be a date line: too long, or without a year (19xx or 20xx)."""
    return len(text) <= MAX_DATE_LINE and may_hold_a_year(text)


# Date lines and other short lines with a year recur on a site's pages; bounded, as most are one page's own.
_is_date_line: Final = lru_cache(maxsize=4096)(is_date_line)


def _continues(paragraph: Paragraph, previous: str, text: str, width: int, stopwords: frozenset[str]) -> bool:
    """True when `text` continues the paragraph whose last line is `previous` (a hard-wrapped line)."""
    ends = paragraph.ends_sentence
    if not ends and _starts_lower(text):
        # A title in capitals ends where the text in lower case starts ("TITLE" / "22 May 2012 - The ..."), and
        # any title where a paragraph opens on its date ("17.10.2018 - The agency calls for ...").
        return not _in_capitals(previous) and not _DATED_OPENING.match(text)
    # Otherwise a line break is a wrap only on a hard-wrapped page, after a line no longer than the wrap width, or
    # on a page wrapped nowhere else, after the body's first line cut on a function word.
    if not width:
        return not ends and len(paragraph.lines) == 1 and _cut_after_a_dateline(previous, stopwords)
    if len(previous) > width + 2:
        return False
    # No paragraph (nor headline) ends on "le", "the", "de": the phrase goes on ("financé par le" / "Département").
    if not ends and _ends_with_function_word(previous, stopwords):
        return True
    # A line that had no room left for the next word was wrapped (a paragraph's last line has room to spare),
    # except a stand-alone first line: a headline, unless it opens on a dateline.
    if len(previous) + 1 + len(text.split(" ", 1)[0]) <= width:
        return False
    return len(paragraph.lines) > 1 or paragraph.after_sentence or opens_on_a_dateline(previous)


def _cut_after_a_dateline(text: str, stopwords: frozenset[str]) -> bool:
    """True for a line that opens on a dateline and stops on a function word: the body's first line cut by a wrap,
    on a page wrapped nowhere else ("Brasília – O Governo do Japão doou … para apoiar a" / "Operação Acolhida em
    Roraima. …"), not a title."""
    return _ends_with_function_word(text, stopwords) and opens_on_a_dateline(text)


def _teasers(paragraphs: list[Paragraph | str]) -> int:
    """Replace the teasers of other releases by TEASER_RULE marks, in place; return how many of them hold a
    release's worth of text (MIN_ITEM_CHARS: a publication's one-line description does not).

    A teaser is a head (title or date lines) over one paragraph of prose, followed by the next head: a run of
    at least MIN_TEASERS of them (MIN_DATED_TEASERS when each head holds a date) is a list of releases (a
    listing, a sidebar of latest news), not one release's text. Lines that are neither (a "read more" link,
    furniture) do not interrupt the run."""
    shown = [
        (i, p) for i, p in enumerate(paragraphs) if isinstance(p, Paragraph) and (p.is_title or p.is_date or p.is_prose)
    ]
    items: list[list[tuple[int, Paragraph]]] = []  # the current run of teasers
    head: list[tuple[int, Paragraph]] = []
    releases = 0
    for k, (i, paragraph) in enumerate(shown):
        if not paragraph.is_prose:
            head.append((i, paragraph))
            continue
        alone = k + 1 == len(shown) or not shown[k + 1][1].is_prose
        if head and alone:
            items.append(head + [(i, paragraph)])
        elif items:
            releases += _mark_teasers(paragraphs, items)
            items = []
        head = []
    return releases + _mark_teasers(paragraphs, items)


def _mark_teasers(paragraphs: list[Paragraph | str], items: list[list[tuple[int, Paragraph]]]) -> int:
    """Mark `items` as teasers when there are enough of them; return how many of them end on MIN_ITEM_CHARS
    of prose. Without dates, their titles must read as headlines: a release's sections under short headings
    ("Background", "What comes next") are no teasers."""
    dated = all(any(p.is_date for _, p in item) for item in items)
    if len(items) < (MIN_DATED_TEASERS if dated else MIN_TEASERS):
        return 0
    if not dated:
        titles = sorted(_word_count(p.text) for item in items for _, p in item if p.is_title)
        if titles[len(titles) // 2] < MIN_TEASER_TITLE_WORDS:
            return 0
    for item in items:
        for i, _ in item:
            paragraphs[i] = TEASER_RULE
    return sum(len(item[-1][1].text) >= MIN_ITEM_CHARS for item in items)


def _runs(paragraphs: list[Paragraph | str]) -> list[list[Paragraph]]:
    """Split paragraphs into runs at furniture. A short gap does not split: under a headline or date line
    (share buttons, labels) before the first prose, or between prose paragraphs when it is an image credit
    or a learned template line; share lines, related-news headings, teasers and the like end the release.
    What follows the first related-news heading ("Related content") under a release is left out: related
    items are not a listing's."""
    runs: list[list[Paragraph]] = [[]]
    gap: list[str] = []
    for paragraph in paragraphs:
        if isinstance(paragraph, str):
            if paragraph == TRAILER_RULE and any(_reads_as_release(run) for run in runs if run):
                break
            gap.append(paragraph)
            continue
        if gap and runs[-1] and not _bridged(runs[-1], gap, paragraph):
            runs.append([])
        gap = []
        runs[-1].append(paragraph)
    return [run for run in runs if run]


def _bridged(run: list[Paragraph], gap: list[str], following: Paragraph) -> bool:
    if TRAILER_RULE in gap or TEASER_RULE in gap:
        return False
    if not any(p.is_prose for p in run):
        # Under a title or a date line: labels, a few lines of furniture ("Lecture 1 min.", a photo credit), a
        # caption, until the prose starts.
        return len(gap) <= MAX_LINES_UNDER_TITLE and any(p.is_title or p.is_date for p in run)
    # A photo caption with its credit may stand between the body's paragraphs, after a labelled link too.
    goes_on = following.is_prose or _credits_a_photo(following.text)
    return (
        len(gap) <= MAX_BRIDGED_LINES
        and goes_on
        and run[-1].is_prose
        and all(rule in _INSIDE_BODY_RULES for rule in gap)
    )


def _prose_chars(run: list[Paragraph]) -> int:
    return sum(len(p.text) for p in run if p.is_prose)


def _reads_as_release(run: list[Paragraph]) -> bool:
    """Enough prose, in at least one real paragraph, making up most of the run from its first prose paragraph
    to its last (titles above are the head, titles below the next items): not a list of short items
    (publications, search results) that happen to hold a sentence or two. A page cut short in its first
    paragraph has less to show."""
    prose_at = [i for i, p in enumerate(run) if p.is_prose]
    if not prose_at:
        return False
    prose = _prose_chars(run)
    longest = max(len(run[i].text) for i in prose_at)
    return (
        (prose >= MIN_RELEASE_CHARS or run[-1].is_cut)
        and longest >= MIN_PARAGRAPH_CHARS
        and 2 * prose >= sum(len(p.text) for p in run[prose_at[0] : prose_at[-1] + 1])
    )


class _Cues:
    """The lexicon's headline cues, prepared once: release labels ("Press release", "Media advisory:"), the
    verbs that open buttons and links ("Read", "Lire", "Suchen"), the word of bylines ("By") and the words of
    "3 hours ago" stamps."""

    def __init__(self) -> None:
        def words(key: str) -> tuple[str, ...]:
            return lexicon.merged("headline", key)

        self.labels = frozenset(words("labels"))
        # A label heading the title on its line: "MEDIA ADVISORY: Officials to ...", "Communiqué – ...".
        self.label_prefix = compile_re(rf"^(?:{lexicon.alternation(words('labels'))})\s*[:|–—-]+\s*", re.IGNORECASE)
        self.actions = frozenset(words("actions"))
        self.bylines = frozenset(words("bylines"))
        # A photo credit inside a caption: "… Credit: Oliver Lane", "… NadeschdinBild: Agency" (glued to the
        # caption's last word), "Photo: Ana Ruiz".
        credits = words("credits")
        every_case = lexicon.alternation([*credits, *(w.capitalize() for w in credits), *(w.upper() for w in credits)])
        glued = lexicon.alternation([w.capitalize() for w in credits])
        self.credit = compile_regex(rf"(?:(?<!\w)(?:{every_case})|(?<=\p{{Ll}})(?:{glued}))\s*:\s*\S")
        # "Photo by Ana Ruiz", "Illustration by …": the phrase in any case, then a name.
        self.credit_phrase = compile_regex(rf"(?<!\w)(?i:{lexicon.alternation(words('credit_phrases'))})\s+\p{{Lu}}")
        # "il y a 3 heures", "hace 2 días" (the word before the number); "17 hours 23 min ago" (after it, ending the
        # line). The second is matched from the line's end (`REVERSE`): searched from the start, it tried every
        # digit of a long number with every split of the word after it (a line of 300 digits took 0.15 s).
        before = lexicon.alternation(words("ago_before"))
        after = lexicon.alternation(words("ago_after"))
        self.ago_before = compile_re(rf"(?<!\w)(?:{before})\s+\d", re.IGNORECASE)
        self.ago_after = compile_regex(rf"\d+\s*\w+\.?\s+(?:{after})$", regex.IGNORECASE | regex.REVERSE)


@lru_cache(maxsize=None)
def _cues() -> _Cues:
    return _Cues()


# Digits in groups, as phone numbers are written ("202-261-4686", "+47 918 13 308", "(212) 290-1585").
_DIGIT_GROUPS: Final = compile_re(r"\+?\(?\d[\d ()-]{5,}\d")
_DIGITS: Final = compile_re(r"\d+")
# A number grouped by thousands ("12 000 000 people"), not a phone number.
_GROUPED_NUMBER: Final = compile_re(r"\d{1,3}(?: \d{3})+")
MIN_PHONE_GROUPS: Final = 3
MIN_PHONE_DIGITS: Final = 7
# A reference number closing a short label ("Press release 12/2019", "Media note 4/2021"), matched from the end
# (`REVERSE`: from the start, each digit of a long number began a match that read the rest of it).
_REFERENCE: Final = compile_regex(r"\d+\s*/\s*\d{2,4}$", regex.REVERSE)
_CREDIT: Final = compile_re(r"©|\(c\)", re.IGNORECASE)
# A caption's sentence closed by its agency in brackets: "Documents were released on Monday. (AP)".
_CREDITED_SENTENCE: Final = compile_re(r"\.\s*\([^()]{1,30}\)$")
# A wire dateline ending on its agency between slashes ("MADRID, 16 May 2020 /Agency/").
_WIRE_AGENCY: Final = compile_re(r"/[^/\s][^/]{0,40}/\s*$")
# A field holding a date ("Date of publication: 23rd, February 2024 GMT").
_DATE_FIELD: Final = compile_re(r"^[^:\d]{1,30}:\s*\d[^:]*(?:19|20)\d\d")
# Buttons, labels, names and time stamps are short; a line this long is a title whatever its first word.
MAX_LABEL_WORDS: Final = 5
MAX_BUTTON_ROW_WORDS: Final = 12
MAX_STAMP_WORDS: Final = 8
MAX_ISSUER_WORDS: Final = 8
# After a byline's names and a comma, an agency or a post: "dpa", "staff writer", "Associated Press".
MAX_BYLINE_POST_WORDS: Final = 3
# A title over a deck: the title has this many words at least, the deck (a sentence without its period) more.
MIN_DECKED_TITLE_WORDS: Final = 5
MIN_DECK_WORDS: Final = 8
# A row of buttons between a release's head (title, standfirst) and its body spans this many lines at most.
MAX_HEAD_GAP_LINES: Final = 12
# A headline is this many paragraphs above its date line at most (title, deck, byline, date).
HEAD_PARAGRAPHS: Final = 3


# Words compared by their first letters (see `_stems`), in this many paragraphs under a menu entry.
STEM_CHARS: Final = 5
MIN_STEMMED_CHARS: Final = 4
MENU_ENTRY_PARAGRAPHS: Final = 5


def _label_key(text: str) -> str:
    return text.lower().strip(" :.!|–—-")


def _not_a_title(text: str) -> bool:
    """True for a title-like line that is something else: a release label ("FOR IMMEDIATE RELEASE"), a
    numbered label ("Press release 12/2019"), a button or link ("LIRE LA SUITE", "Close sites icon close"), a
    byline, a contact line (a phone number, an e-mail address), a photo credit or a caption holding one ("… (c)
    Name / Agency", "… Credit: Name"), a time stamp ("Source - 17 hours 23 min ago", "Published: 23rd, February
    2024") or a wire dateline."""
    cues = _cues()
    words = text.split()
    if _label_key(text) in cues.labels:
        return True
    first = words[0].lower().strip("«“\"'‘")
    # A button (its file's format and size aside: "Download the release (PDF, 240 KB)"), or a row of them
    # ("Share on Facebook Share on Twitter Share by Email", "Imprimer la page Envoyer par e-mail").
    if first in cues.actions and (
        len(text.partition("(")[0].split()) <= MAX_LABEL_WORDS or text.lower().count(first) > 1
    ):
        return True
    if len(words) <= MAX_BUTTON_ROW_WORDS and sum(word.lower() in cues.actions for word in words) >= 2:
        return True
    if first.rstrip(":") in cues.bylines and len(words) <= MAX_STAMP_WORDS and _is_byline(text):
        return True
    if "@" in text or _credits_a_photo(text) or ("/" in text and _WIRE_AGENCY.search(text)):
        return True
    # The other labels hold a figure, which most titles have not: one search spares the patterns below.
    return _DIGITS.search(text) is not None and _is_numbered_label(text, len(words))


def _is_numbered_label(text: str, words: int) -> bool:
    """True for a line of `words` words with a reference number ("Press release 12/2019"), a time stamp ("3 hours
    ago", "Published: 23rd, February 2024") or a phone number."""
    if words <= MAX_LABEL_WORDS and _REFERENCE.search(text):
        return True
    cues = _cues()
    if words <= MAX_STAMP_WORDS and (cues.ago_before.search(text) or cues.ago_after.search(text)
                                     or _DATE_FIELD.search(text)):
        return True
    return _has_phone(text)

def _is_byline(text: str) -> bool:
    """True for a byline after its word (and maybe a colon): names in capitals joined by function words before any
    comma ("By Jo Marsh", "Por: Agencia Sur", "Von Anna Schmidt und Jo Marsh, dpa", "By Jo Marsh, staff writer"),
    unlike a title ("Von der Leyen visits Kyiv", "By the numbers: …")."""
    rest = text.partition(" ")[2]
    head, _, post = rest.partition(",")
    names = head.split()
    stopwords = _stopwords()
    return (
        bool(names)
        and names[0][:1].isupper()
        and ":" not in rest
        and len(post.split()) <= MAX_BYLINE_POST_WORDS
        and all(word[:1].isupper() or word[:1].isdigit() or word in stopwords for word in names)
    )


def _credits_a_photo(text: str) -> bool:
    """True for a line holding a photo credit: "©", "(c)", a credit label ("Credit: Name", "Bild: Agency"), a
    credit phrase ("Photo by Name") or a sentence closed by its agency in brackets ("… on Monday. (AP)"): a
    caption, not a title."""
    cues = _cues()
    # A pattern that needs a character ("(", ":") runs only on a line holding it: most lines hold no credit.
    return bool(
        (("©" in text or "(" in text) and _CREDIT.search(text))
        or (":" in text and cues.credit.search(text))
        or cues.credit_phrase.search(text)
        or (text.endswith(")") and _CREDITED_SENTENCE.search(text))
    )


def _has_phone(text: str) -> bool:
    """True when `text` holds a phone number: digits in three groups or more, seven digits at least, not a
    number grouped by thousands."""
    for match in _DIGIT_GROUPS.finditer(text):
        groups = _DIGITS.findall(match[0])
        if len(groups) >= MIN_PHONE_GROUPS and sum(map(len, groups)) >= MIN_PHONE_DIGITS:
            if not _GROUPED_NUMBER.fullmatch(match[0].strip()):
                return True
    return False


def _title_cased(text: str, stopwords: frozenset[str]) -> bool:
    """True when every word of `text` starts with a capital or is a function word ("Hope Now
    Receives a Grant", "Jana Albers Team Kommunikation"): a name, a label or an English-style title."""
    return all(not word[:1].islower() or word.lower() in stopwords for word in text.split())


def _is_weak_title(paragraph: Paragraph, stopwords: frozenset[str]) -> bool:
    """A title-like line taken only when nothing better stands above the body: a caption (under a photo
    credit), a short name ("Jana Albers Team Kommunikation": capitals only, no function word) or an issuer
    ("U.S. Attorney's Office, Northern District": an organisation's name under the release label)."""
    if paragraph.after_rule == COPYRIGHT_RULE:
        return True
    text = paragraph.text
    words = text.split()
    if _in_capitals(text) or len(words) > MAX_ISSUER_WORDS or not _title_cased(text, stopwords):
        return False
    if len(words) < MAX_LABEL_WORDS and not any(word.lower() in stopwords for word in words):
        return True
    return _names_organisation(text, stopwords)


def _names_organisation(text: str, stopwords: frozenset[str]) -> bool:
    """True for an organisation's name: capitalised words, one of them heading organisations ("Office",
    "Ministry"), no figure (a title reporting on one has some: "... Receives $1 Million Foundation Grant")."""
    # The head word, the rarest of the three, is looked for first.
    heads = _organisation_heads()
    return (
        any(word.strip(",.") in heads for word in text.split())
        and not any(map(str.isdigit, text))
        and _title_cased(text, stopwords)
    )


@lru_cache(maxsize=None)
def _organisation_heads() -> frozenset[str]:
    """The words that head an organisation's name ("Office", "Ministry", "Département"), from the funders' lexicon."""
    return frozenset(lexicon.merged("funding", "org_heads"))


def _lead(run: list[Paragraph]) -> int:
    """Position of the run's lead: its first prose paragraph that is a real paragraph or is followed by more
    prose. A short sentence standing alone between titles is page matter (an address, a blurb), not the lead."""
    prose = [i for i, p in enumerate(run) if p.is_prose]
    for k, i in enumerate(prose):
        if len(run[i].text) >= MIN_PARAGRAPH_CHARS or (k + 1 < len(prose) and _next_shown(run, i) == prose[k + 1]):
            return i
    return prose[0]


def _next_shown(run: list[Paragraph], i: int) -> int:
    """Position of the first title, date or prose paragraph after position `i` (len(run) when none)."""
    return next((j for j in range(i + 1, len(run)) if run[j].is_title or run[j].is_prose or run[j].is_date), len(run))


def _headline_of(run: list[Paragraph]) -> tuple[Paragraph | None, int]:
    """The headline of the run and the position of its first body paragraph.

    The headline is the last title-like line above the lead (a standfirst or an address may stand between)
    that is not a label, button, byline, contact line or credit; a caption, a short name or an issuer only
    when nothing else is there. A long title right above it makes it a deck (subtitle), and that title the
    headline."""
    stopwords = _stopwords()
    lead = _lead(run)
    titles = [i for i in range(lead) if run[i].is_title and not _not_a_title(run[i].text)]
    strong = [i for i in titles if not _is_weak_title(run[i], stopwords)]
    chosen = strong[-1] if strong else (titles[-1] if titles else None)
    if chosen is None:
        return None, lead
    chosen = _title_over_date(run, strong, chosen)
    if chosen - 1 in strong and _is_deck(run[chosen - 1], run[chosen], stopwords):
        chosen -= 1
    first_prose = next(i for i in range(chosen + 1, len(run)) if run[i].is_prose)
    return run[chosen], first_prose


def _title_over_date(run: list[Paragraph], strong: list[int], chosen: int) -> int:
    """The title heading the one date line above `chosen` (title, maybe a deck and a byline, then the date):
    a line in sentence case between that date line and the lead is a caption, not the headline. Several date
    lines above are teasers' (title, date, title, date), and the last title is the release's."""
    dates = [i for i in range(chosen) if run[i].is_date]
    if len(dates) != 1 or _title_cased(run[chosen].text, _stopwords()):
        return chosen  # a headline in Title Case or capitals under its date line is not a caption
    date = dates[0]
    above = [i for i in strong if i < date]
    if not above or date - above[-1] > HEAD_PARAGRAPHS:
        return chosen
    # A head is one block: the page's furniture between its title and its date line (a menu, a breadcrumb, a
    # label) makes the title above a site's name or a menu entry, and the date line the release's own. (A line
    # the site repeats on every page, learned as its template, can be a head's own: "By".)
    furniture = (run[i].after_rule for i in range(above[-1] + 1, date + 1))
    return chosen if any(rule not in ("", TEMPLATE_RULE) for rule in furniture) else above[-1]


def _is_deck(title: Paragraph, below: Paragraph, stopwords: frozenset[str]) -> bool:
    """True when `below` is the deck of `title`: right under a headline-sized title (a blank line between at
    most) that is no organisation's name, a longer line written as a sentence (a section label over a title is
    short), or, under a title in capitals or Title Case, a line in Title Case (US sites case their decks like
    their titles: "Case Was Investigated Under Project Safe Neighborhoods" under "New Haven Man Sentenced ...")."""
    title_words = len(title.text.split())
    deck_words = len(below.text.split())
    return (
        below.lines[0] - title.lines[-1] <= 2
        and not below.after_rule  # a label between: the line above is a site's or a section's, not a title
        and below.text not in title.text  # a breadcrumb glued to the title above it: "HomeNews<title>"
        and title_words >= MIN_DECKED_TITLE_WORDS
        and (
            (deck_words >= MIN_DECK_WORDS and not _title_cased(below.text, stopwords))
            or _cased_like_a_deck(title.text, below.text, stopwords)
        )
        and not _names_organisation(title.text, stopwords)
    )


def _cased_like_a_deck(title: str, deck: str, stopwords: frozenset[str]) -> bool:
    """True when `deck`, a line under `title`, can be its deck in Title Case: both are cased so (the title may be
    in capitals), the title as long as a sentence (a section label over a title is short: "Press Releases and
    Media Advisories") and the deck long enough not to be a label or a name."""
    return (
        len(title.split()) >= MIN_DECK_WORDS
        and len(deck.split()) >= MIN_DECKED_TITLE_WORDS
        and _title_cased(title, stopwords)
        and _title_cased(deck, stopwords)
    )


def _is_listing_item(run: list[Paragraph], head: tuple[Paragraph | None, int]) -> bool:
    """True for a run with a headline, a date line above its body and some prose (`head` is `_headline_of(run)`)."""
    headline, first_prose = head
    return headline is not None and _prose_chars(run) >= MIN_ITEM_CHARS and any(p.is_date for p in run[:first_prose])


def _release_run(runs: list[list[Paragraph]], heads: list[tuple[Paragraph | None, int]]) -> int | None:
    """Position of the run holding the release: the one with the most prose, or a run under a headline with at
    least half as much (a bio or a related story after the release can be longer than a short release)."""
    releases = [k for k, run in enumerate(runs) if _reads_as_release(run)]
    most = max((_prose_chars(runs[k]) for k in releases), default=0)

    def rank(k: int) -> tuple[bool, int]:
        prose = _prose_chars(runs[k])
        return 2 * prose >= most and heads[k][0] is not None, prose

    return max(releases, key=rank, default=None)


def _headline_above(
    page: Page, runs: list[list[Paragraph]], heads: list[tuple[Paragraph | None, int]], best: int
) -> Paragraph | None:
    """The headline of a release run that has none, from the shorter run right above it: title, standfirst,
    then a row of buttons ("Share", "Save", "Print") or fields that split the head from the body; not across
    the site's menu (doubled headings, bullets)."""
    if best == 0 or heads[best - 1][0] is None:
        return None
    above = runs[best - 1]
    start, end = above[-1].lines[-1] + 1, runs[best][0].lines[0]
    buttons = all(line.role != BOILERPLATE or line.why in HEAD_FURNITURE_RULES for line in page.lines[start:end])
    close = end - start <= MAX_HEAD_GAP_LINES and buttons
    return heads[best - 1][0] if close and _prose_chars(above) < _prose_chars(runs[best]) else None


def _set_headline(page: Page, index: int, cue: str = "") -> None:
    """Make line `index` the headline, without a release label heading it ("MEDIA ADVISORY: ...") or the
    bullet of a menu entry: the line keeps the title alone."""
    line = page.lines[index]
    text = line.text.lstrip(BULLET_CHARS + " ")
    label = _cues().label_prefix.match(text)
    if label and _word_count(text[label.end() :]) >= 3:
        text = text[label.end() :]
    line.text = text
    line.role = HEADLINE
    page.headline = index
    page.note("headline", text, index, cue)


def _menu_entry_naming(page: Page, headline: int, body: list[Paragraph]) -> int | None:
    """The menu bullet right above the headline when it is the menu's entry for this very page: a title whose
    words all come back in the headline and the first paragraphs ("- CONFERENZA FINALE 2013" over "THE FINAL
    CONFERENCE OF 2013 ..."). The short form the site gives the page is its title."""
    above = headline - 1
    text = page.lines[above].text if above >= 0 else ""
    if not text or text[0] not in BULLET_CHARS:
        return None
    entry = text.lstrip(BULLET_CHARS + " ")
    if not entry or not _starts_title(entry) or _word_count(entry) < 3 or entry.endswith(_NO_TITLE_ENDS):
        return None
    stems = _stems(entry)
    below = _stems(" ".join(page.lines[i].text for p in body[:MENU_ENTRY_PARAGRAPHS] for i in p.lines))
    return above if stems and stems <= below | _stems(page.lines[headline].text) else None


def _stems(text: str) -> set[str]:
    """The first letters and digits of the words of `text` long enough to carry meaning, in lower case
    ("avviato" and "avviata" alike, "DELL'OIM" and "dell’OIM" too)."""
    words = ("".join(filter(str.isalnum, word)).lower() for word in text.split())
    return {word[:STEM_CHARS] for word in words if len(word) >= MIN_STEMMED_CHARS}


def find_release(page: Page) -> None:
    """Reads the lines and their furniture marks; sets `page.headline`, `page.body_start`, `page.body_end`,
    `page.paragraphs`, marks HEADLINE, DATE and BODY lines; warns on listings and pages without a release.
    On an HTML page the markup's title and article element are taken first (`_release_in_markup`)."""
    paragraphs = _paragraphs(page)
    if page.hints is not None and _release_in_markup(page, paragraphs):
        return
    teasers = _teasers(paragraphs)
    runs = [run for run in _runs(paragraphs) if any(p.is_prose for p in run)]
    for run in runs:
        for paragraph in run:
            if paragraph.is_date:
                page.lines[paragraph.lines[0]].role = DATE
    heads = [_headline_of(run) for run in runs]
    items = sum(_is_listing_item(run, head) for run, head in zip(runs, heads))
    best = _release_run(runs, heads)
    if items >= 2 or (best is None and teasers):
        page.record.warnings.append(f"listing page: {items + teasers} releases found, none extracted")
        return
    if best is None:
        page.record.warnings.append("no release found on the page")
        return
    headline, first_prose = heads[best]
    body = runs[best][first_prose:]
    headline = headline or _headline_above(page, runs, heads, best)
    if headline is not None:
        index = headline.lines[0]
        _set_headline(page, _menu_entry_naming(page, index, body) or index)
    # Short title-like lines after the last prose paragraph are related-item titles, not release text.
    while body and not body[-1].is_prose and body[-1].is_title:
        body.pop()
    page.body_start = body[0].lines[0]
    page.body_end = body[-1].lines[-1] + 1
    for paragraph in body:
        if paragraph.is_date:
            continue
        page.paragraphs.append((paragraph.lines[0], paragraph.lines[-1]))
        for index in paragraph.lines:
            page.lines[index].role = BODY


def _release_in_markup(page: Page, paragraphs: list[Paragraph | str]) -> bool:
    """An HTML page's release from what its markup says: the headline is the line that a title hint names (else
    the hint itself), the body the prose from the first prose paragraph under the headline that the next one
    follows closely (inside the element holding the article's text, or in a first part of the article between
    the headline and that element: see `_first_part_above`) to the element's last one and the list it may
    introduce (`_list_after_prose`). False (nothing set) when the markup names no such element or the element
    holds no prose: the text rules then read the page."""
    hints = page.hints
    if hints is None or hints.content is None:
        return False
    first, last = hints.content
    headline = _hinted_headline(page)
    if headline is not None and page.lines[headline].number < first:
        first = _first_part_above(page, paragraphs, headline, first)
    inside = [
        p for p in paragraphs
        if isinstance(p, Paragraph) and first <= page.lines[p.lines[0]].number <= last
        and (headline is None or p.lines[0] > headline)
    ]
    inside = _without_repeated_blocks(page, inside)
    prose = [i for i, p in enumerate(inside) if _is_block_prose(p)]
    if not prose:
        return False
    while len(prose) > 1 and prose[1] - prose[0] - 1 > MAX_PROSE_GAP_PARAGRAPHS:
        prose.pop(0)  # a lone paragraph above the byline or a video (a standfirst, a caption) is not the article's
    body = inside[prose[0] : prose[-1] + 1] + _list_after_prose(page, paragraphs, inside[prose[-1]], last)
    for paragraph in inside[: prose[0]]:
        if paragraph.is_date:
            page.lines[paragraph.lines[0]].role = DATE
    page.body_start = body[0].lines[0]
    page.body_end = body[-1].lines[-1] + 1
    for paragraph in body:
        page.paragraphs.append((paragraph.lines[0], paragraph.lines[-1]))
        for index in paragraph.lines:
            page.lines[index].role = BODY
    return True


def _list_after_prose(
    page: Page, paragraphs: list[Paragraph | str], last_prose: Paragraph, last: int
) -> list[Paragraph]:
    """The paragraphs of the article's element (ending at line number `last`) after its `last_prose` paragraph
    that go on from it: a list of dates, places or items that the prose introduces (in HTML each entry is a
    block of its own, no prose), up to the first furniture line or the first line mostly of a link's text (the
    titles of other stories: "Most popular", "Related")."""
    lines, links = page.lines, page.hints.links if page.hints is not None else frozenset()
    following: list[Paragraph] = []
    for paragraph in paragraphs[paragraphs.index(last_prose) + 1 :]:
        if not isinstance(paragraph, Paragraph) or lines[paragraph.lines[0]].number > last:
            break
        if any(lines[index].number in links for index in paragraph.lines):
            break
        if lines[paragraph.lines[0]].role != BOILERPLATE:  # not a block printed twice (_without_repeated_blocks)
            following.append(paragraph)
    return following


def _without_repeated_blocks(page: Page, paragraphs: list[Paragraph]) -> list[Paragraph]:
    """The `paragraphs` of an article's element but the blocks printed twice in a row (the same first words),
    wherever they stand: a photo's caption under the photo and in its lightbox or slideshow copy. An article's
    own paragraphs do not follow themselves (a question or a recipe line asked or listed again further on does
    not count). The repeated ones are marked BOILERPLATE."""
    openings = [_opening(p.text) for p in paragraphs]
    repeated = {opening for opening, following in zip(openings, openings[1:]) if opening and opening == following}
    if not repeated:
        return paragraphs
    kept = []
    for paragraph, opening in zip(paragraphs, openings):
        if opening not in repeated:
            kept.append(paragraph)
            continue
        for index in paragraph.lines:
            page.lines[index].role, page.lines[index].why = BOILERPLATE, REPEATED_RULE
    return kept


def _opening(text: str) -> str:
    """The first REPEATED_WORDS words of `text`, "" when it has fewer (a copy may be cut short: "... more")."""
    words = text.split(maxsplit=REPEATED_WORDS)
    return " ".join(words[:REPEATED_WORDS]) if len(words) > REPEATED_WORDS else ""


def _first_part_above(page: Page, paragraphs: list[Paragraph | str], headline: int, first: int) -> int:
    """The line number where the body starts, for an article's element starting at line number `first` below
    the `headline` (an index): `first`, or the first line of the article's first part when one stands between
    them: MIN_PART_PARAGRAPHS prose paragraphs or more, reaching the element (furniture lines aside). Prose
    above more than MAX_PART_GAP_PARAGRAPHS other paragraphs in a row (a video's or a list's titles) is not the
    article's."""
    lines = page.lines
    between = [
        p for p in paragraphs
        if isinstance(p, Paragraph) and p.lines[0] > headline and lines[p.lines[0]].number < first
    ]
    others = prose = 0
    start = first
    for paragraph in reversed(between):
        if _is_block_prose(paragraph):
            start, others, prose = lines[paragraph.lines[0]].number, 0, prose + 1
        else:
            others += 1
            if others > MAX_PART_GAP_PARAGRAPHS:
                break
    return start if prose >= MIN_PART_PARAGRAPHS else first


def _is_block_prose(paragraph: Paragraph) -> bool:
    """Prose in a page's markup, where every block stands alone: besides prose as the text rules read it, a block
    of a prose paragraph's words that ends a sentence with "!" or "?" (which the text rules leave to a title:
    a title is one line there, but a block is one line however long), and prose without spaces."""
    if paragraph.is_prose or _unspaced_prose(paragraph.text):
        return True
    return paragraph.ends_sentence and _word_count(paragraph.text) >= MIN_PROSE_WORDS


def _unspaced_prose(text: str) -> bool:
    """Prose in a script written without spaces between words (Japanese, Chinese), which word counts miss: a
    long line with few spaces."""
    return len(text) >= MIN_UNSPACED_PROSE_CHARS and text.count(" ") * UNSPACED_CHARS_PER_SPACE < len(text)


def _hinted_headline(page: Page) -> int | None:
    """Sets the headline from the markup's title hints, the most trusted first: the line that one of them names
    (furniture or not: a page header may hold it), else the first hint as it is. Returns the line's index,
    None when the headline is no line of the page (or the page has no title hint)."""
    hints = page.hints
    if hints is None or not hints.titles:
        return None
    sizes = {len(" ".join(title.split())) for title, _ in hints.titles}  # lines come with spaces normalised
    keys: dict[str, int] = {}  # the first line holding each title; only lines of a title's length are compared
    for index, line in enumerate(page.lines):
        if len(line.text) in sizes:
            keys.setdefault(_title_key(line.text), index)
    for title, signal in hints.titles:
        found = keys.get(_title_key(title))
        if found is not None:
            _set_headline(page, found, f"from {signal}")
            return found
    title, signal = hints.titles[0]
    page.record.headline = title
    page.note("headline", title, -1, f"from {signal}")
    return None


def _title_key(text: str) -> str:
    """A title as compared with the lines: case and spaces aside."""
    return " ".join(text.split()).casefold()

"""Step: mark the lines that are site furniture rather than release text, from their shape alone.

No list of any one site's strings: a line is furniture because of how it looks (a section title printed twice,
a heading glued to its blurb, a short bullet, a breadcrumb, a timestamp, a "Field: value" dump, a list of dated
teasers, a postal address, "###") or because it is a generic web-page phrase in some language (the lexicon's
"boilerplate" section: share, print, cookies, social networks, "Read also:" links, "About <organisation>"
headings, comment forms, ...). Some of them start the trailing matter; links inside a body do not end it.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Final

from . import lexicon, places
from .clean import SingleSpaced, lower_keeping_offsets, mark_offsets, occurrences
from .page import BOILERPLATE, Line, Page
from .patterncache import compile_re

# Characters that open a list or menu item ("- ", "• ", "» "); contacts strips them too.
BULLET_CHARS: Final = "-–—•·*▪◦‣►>»"
_BREADCRUMB_MARKS: Final = ("/", ">", "»", "›", "|")
_BREADCRUMB_SEPARATOR: Final = compile_re(rf"\s[{re.escape(''.join(_BREADCRUMB_MARKS))}]\s")
_TIMESTAMP: Final = compile_re(r"^\d{1,2}:\d{2}(?::\d{2})?$")
# "3 min read", "Lecture 1 min.", "Lesezeit 4 min": a few words around a count of minutes.
_READING_TIME: Final = compile_re(r"^(?:[^\W\d_]+\s){0,3}\d{1,2}\s?min\.?(?:\s[^\W\d_]+){0,2}$", re.IGNORECASE)
# The town line of a site's postal address: "Springfield, IL 62701, USA." (a state and a ZIP code after a comma) or
# "75011 Paris, France" (a postcode opening the line). Two patterns: the first one's search skips from comma to comma.
_STATE_AND_ZIP: Final = compile_re(r",\s[A-Z]{2}\s\d{5}(?:-\d{4})?(?:,[\w\s.]*)?\.?$")
_POSTCODE_AND_TOWN: Final = compile_re(r"^\d{5}\s[A-ZÀ-Ý][^\W\d_]+(?:,\s*[A-ZÀ-Ý][^\W\d_]+)?\.?$")
_COPYRIGHT: Final = compile_re(r"^©|©\s*(?:19|20)\d\d")
_MAX_CREDIT_LINE: Final = 300  # a photo's caption with its "©" credit is a sentence or two
# A line that ends a sentence (maybe inside quotes or brackets): see `ends_sentence`.
_SENTENCE_END_CHARS: Final = (".", "!", "?", "…", "。", "！", "？")  # the full-width ends of CJK scripts too
_SENTENCE_ENDS: Final = "".join(_SENTENCE_END_CHARS)
CLOSING_CHARS: Final = "'\"”’»)]"
# Generic furniture words must fill the whole line (maybe with a colon or a count); prefixes start it.
_FURNITURE_PREFIX: Final = r"^(?:{})(?!\w)"
# "Posted: …", and dumps of glued fields ("…10:02Image: Region-Country: KenyaThemes: …").
_FIELD_START: Final = r"^(?:{})\s*:"
_FIELD_ANYWHERE: Final = r"(?<![^\W\d_])(?:{})\s*:"
# Glued fields are looked for in this many first characters of a line.
_FIELD_DUMP_HEAD: Final = 400
# Rule names that other steps act on.
METADATA_RULE: Final = "metadata fields"
COPYRIGHT_RULE: Final = "copyright"
TEMPLATE_RULE: Final = "template"
TRAILER_RULE: Final = "start of trailing matter"
# Links that interrupt a body without ending it ("Read also: <title>", "Download the press release").
INLINE_LINK_RULE: Final = "link inside the body"
# A CMS's "this e-mail address is protected from spambots" text, standing where the address was.
NOTICE_RULE: Final = "protected e-mail notice"
# Buttons and links of the page ("Share", "Print", "Close sites icon close", "Follow us on Facebook …").
WEB_PHRASE_RULE: Final = "web-page phrase"
CONTROL_RULE: Final = "control labels"
SOCIAL_RULE: Final = "social-media links"
# What stands between a release's head and its body: buttons, the site's own lines, fields ("Reading time: 4 min").
HEAD_FURNITURE_RULES: Final = frozenset({WEB_PHRASE_RULE, CONTROL_RULE, SOCIAL_RULE, TEMPLATE_RULE, METADATA_RULE})
# A bullet is menu material when it is a few words without a sentence's end.
_MAX_MENU_BULLET_WORDS: Final = 12
SHORT_BULLET_RULE: Final = "short bullet item"
# Whole-line furniture phrases are short; longer lines are only tested against the prefixes and fields.
_MAX_PHRASE_LINE: Final = 60
# A labelled link holds one title ("Read also: <title>"), a few dozen words at most.
_MAX_LINK_LINE: Final = 250
_MAX_LINK_TITLE_WORDS: Final = 25
# An "About <organisation>" heading names the organisation and nothing else.
_MAX_ABOUT_WORDS: Final = 8
# A row of social-network links names two networks or more, with a few words such as "Follow us on".
_MAX_SOCIAL_ROW: Final = 150
_MAX_SOCIAL_ROW_WORDS: Final = 4
# A numeric date, a dash and text: a teaser's date glued to its summary ("17.10.2018 - Council backs …").
_DATED_TEASER: Final = compile_re(r"^(?:\d{1,2}[./]\d{1,2}[./](?:19|20)?\d\d|(?:19|20)\d\d-\d\d-\d\d)\s+[-–—|]\s+\S")
# "###" (or "# # #", "-30-") under the last paragraph closes a US press release: what follows is not body.
_END_MARK: Final = compile_re(r"^[\W_]*#\s*#\s*#[\W_]*$|^-\s*30\s*-$")


class _Lexicon:
    """The lexicon's furniture phrases, prepared once: whole-line phrases as a set, and the first words of
    prefixes and field names, so that most lines are cleared by a set look-up before any pattern runs."""

    def __init__(self):
        def phrases(key: str) -> tuple[str, ...]:
            return lexicon.merged("boilerplate", key)

        def pattern(key: str, template: str) -> re.Pattern:
            return compile_re(template.format(lexicon.alternation(phrases(key))), re.IGNORECASE)

        def first_words(key: str) -> frozenset[str]:
            return frozenset(_first_word(p) for p in phrases(key))

        self.lines = frozenset(map(_phrase_key, phrases("lines")))
        self.trailer = frozenset(map(_phrase_key, phrases("trailer")))
        self.inline_links = frozenset(map(_phrase_key, phrases("inline_links")))
        # Words a scraper copies from buttons and icons ("Close sites icon close"), never release text.
        self.controls = frozenset(phrases("controls"))
        self.link_label = pattern("inline_links", _FIELD_START)
        self.link_label_starts = first_words("inline_links")
        # "About" cues are followed by a name: "About UNICEF", "À propos de l'OIM".
        self.about = pattern("about", r"^(?:{})(?:\s+|(?<=['’]))")
        self.about_starts = first_words("about")
        self.stopwords = frozenset(lexicon.merged_list("stopwords"))
        self.network_names = tuple(name.lower() for name in phrases("networks"))
        self.networks = compile_re(lexicon.trie_regex(self.network_names), re.IGNORECASE)
        self.longest_network_name = max(map(len, self.network_names))
        # The same names for a line in small letters (`_in_small_letters`): a case-blind search costs far more.
        self.small_networks = compile_re(lexicon.trie_regex(self.network_names))
        # Each sentence of a notice is listed alone: a page may hold one without the other.
        notices = phrases("protected_email")
        self.notice_marks = _notice_marks(notices)
        # A notice is matched where one may start (`notice_starts` says where, from a mark's place), as a trie:
        # most places start no notice, and fail on their first letters. (No notice begins another, so the trie's
        # match is the alternation's.)
        self.notice_at = compile_re(
            r"(?:{})[.!]?".format(lexicon.trie_regex(notices).replace(r"\ ", r"\s+")), re.IGNORECASE
        )
        # For each mark in small letters, how far before it a notice holding it starts, in a line of single spaces.
        self.notice_starts = mark_offsets([n.lower() for n in notices], tuple(m.lower() for m in self.notice_marks))
        self.notice_reach = max(map(len, notices)) + 1  # a notice and its full stop, in a line of single spaces
        self.prefix = pattern("prefixes", _FURNITURE_PREFIX)
        self.prefix_starts = first_words("prefixes")
        self.field_start = pattern("metadata_fields", _FIELD_START)
        self.field_starts = first_words("metadata_fields")
        # Searched at every position of a line, so built as a trie (each character tried once, not every field
        # name in turn: four times faster). The matches are the same: field names hold no colon, so at most one
        # of them can reach a colon from a given start, whichever order they are tried in.
        fields = lexicon.trie_regex(phrases("metadata_fields")).replace(r"\ ", r"\s+")
        self.field_anywhere = compile_re(_FIELD_ANYWHERE.format(fields), re.IGNORECASE)


_COUNT: Final = compile_re(r"\s*\(\d+\)$")
# A release's number after its label ("Comunicado de prensa N.º 07-2020", "Press release No. 23/2021").
_NUMBER_AFTER_LABEL: Final = compile_re(r"\s+(?:n\.?\s?[º°o]\.?|n\.|no\.|nr\.|núm\.|#)\s*\d[\d/.\-]*$")
_PHRASE_END: Final = " :.!|»>›"
# An arrow before a phrase makes it a link ("» Read more"); a bullet ("• print") is left to the bullet rule.
_LINK_ARROWS: Final = "»>›→ "
_LEADING_COUNT: Final = "0123456789 "


def ends_sentence(line: str) -> bool:
    """True when the stripped line ends a sentence ("...", "... 2019.", "... »."), read from its tail: shared by
    the steps that read line shapes."""
    # Most lines end on a plain character: that one decides, without stripping a copy (twice as fast).
    last = line[-1:]
    if last and last not in CLOSING_CHARS:
        return last in _SENTENCE_ENDS
    return line.rstrip(CLOSING_CHARS).endswith(_SENTENCE_END_CHARS)


def _phrase_key(text: str) -> str:
    """A whole-line phrase as looked up: lower case, single spaces, no leading arrow ("» Read more") or count
    ("3 Comments"), no trailing colon, count ("(3)"), arrow or release number ("N.º 07-2020")."""
    key = text.lower().rstrip(_PHRASE_END)
    if key[:1] in _LINK_ARROWS:
        key = key.lstrip(_LINK_ARROWS)
    elif key[:1].isdigit():
        key = key.lstrip(_LEADING_COUNT)
    if key.endswith(")"):
        key = _COUNT.sub("", key).rstrip(_PHRASE_END)
    elif key[-1:].isdigit():
        key = _NUMBER_AFTER_LABEL.sub("", key)
    return key if "  " not in key else " ".join(key.split())


def _notice_marks(notices: tuple[str, ...]) -> tuple[str, ...]:
    """A few words, tested as substrings, that find every notice (so the few lines worth searching for one).
    Each is a search of the whole page text, so the fewer the better, and a long word is rarer in other text
    than a short one ("email"): the word covering most letters of the notices left ("JavaScript") comes
    first, then the one covering most of the rest, and so on."""
    marks: list[str] = []
    left = list(notices)
    while left:
        shared = Counter(word for notice in left for word in set(notice.split()))
        mark = max(sorted(shared), key=lambda word: shared[word] * len(word))
        marks.append(mark)
        left = [notice for notice in left if mark not in notice]
    return tuple(marks)


def _first_word(text: str) -> str:
    end = text.find(" ")
    return (text if end < 0 else text[:end]).lower().rstrip(":")


@lru_cache(maxsize=None)
def _lexicon() -> _Lexicon:
    return _Lexicon()


def _is_menu_item(text: str) -> bool:
    """A bullet that reads like a menu entry: capitalised, not ending like a sentence or a list item (";", ",")
    ("- Regional offices", not "- water trucking to 120 villages;")."""
    item = text.lstrip(BULLET_CHARS + " ")
    return not (item[:1].islower() or ends_sentence(text) or text.endswith((";", ",")))


def _is_breadcrumb(text: str, words: _Lexicon) -> bool:
    """Two separators or more ("Home / Press Room / News"), or one next to a menu entry without a figure
    ("Accueil > Salle de presse", "Médias / Communiqués de presse", not the date line "Press Release | 3 June
    2014"), no sentence end, and no dateline opening the line (a wire dateline: "CIUDAD DE MÉXICO, 16 de agosto de
    2020 / Agencia / -- La ..."). The separator marks are looked for alone first (a substring test each, several
    times faster than a pattern search): most lines have none."""
    if not any(mark in text for mark in _BREADCRUMB_MARKS):
        return False
    separators = [separator.start() for separator in _BREADCRUMB_SEPARATOR.finditer(text)]
    if not separators or ends_sentence(text) or places.dateline(text) is not None:
        return False
    if len(separators) >= 2:
        return True
    ends = (_phrase_key(text[: separators[0]]), _phrase_key(text[separators[0] + 3 :]))
    return any(end in words.lines for end in ends) and not any(char.isdigit() for char in text)


def furniture_rule(text: str, previous: str, following: str, previous_rule: str | None = None) -> str:
    """The name of the rule that makes `text` site furniture, or "" when the line may be release text.

    `previous` and `following` are the neighbouring non-blank lines (for repeated and glued headings);
    `previous_rule` is the rule the line above got when known: "" (it may be release text) spares the look-up
    of a link label above, which most lines would pay for.
    """
    if len(text) <= 80 and (text == previous or text == following):
        return "heading printed twice"
    if previous and len(previous) >= 3 and len(text) > len(previous) and text.startswith(previous):
        if text[len(previous)].isalpha():
            return "heading glued to its blurb"
    if following and len(text) >= 3 and len(following) > len(text) and following.startswith(text):
        if following[len(text)].isalpha():
            return "heading glued to its blurb"
    rule = _shape_rule(text) if len(text) > _MAX_CACHED_LINE else _cached_shape_rule(text)
    if not rule and previous and previous_rule != "" and _follows_link_label(text, previous):
        return INLINE_LINK_RULE
    return rule


def _follows_link_label(text: str, previous: str) -> bool:
    """True for the title under a link label standing alone ("You may also like:" / "<title>"): a few words
    without a sentence's end (a sentence there is the body going on, the link's title lost by the scraper)."""
    if len(previous) > _MAX_PHRASE_LINE or _cached_shape_rule(previous) not in (INLINE_LINK_RULE, TRAILER_RULE):
        return False
    if text.count(" ") >= _MAX_LINK_TITLE_WORDS or ends_sentence(text):
        return False
    return _phrase_key(previous) in _lexicon().inline_links


def _shape_rule(text: str) -> str:
    """The furniture rule that `text` fires by its own shape or words, or ""."""
    words = _lexicon()
    first = text[0]
    if not first.isalnum():
        if first in "#-" and _is_end_mark(text):
            return TRAILER_RULE
        if _is_lone_punctuation(text):
            return "lone punctuation"
        # The line holds a letter or a digit after its first character: a bullet's mark and its text.
        if first in BULLET_CHARS:
            # "► Read also: <title>" is a link in the body, whatever mark leads it.
            if _is_link_label(text.lstrip(BULLET_CHARS + " "), words):
                return INLINE_LINK_RULE
            if text.count(" ") < _MAX_MENU_BULLET_WORDS and _is_menu_item(text):
                return SHORT_BULLET_RULE
        if first == "©":
            return COPYRIGHT_RULE
    if len(text) <= _MAX_PHRASE_LINE:
        if first.isdigit() and _TIMESTAMP.match(text):
            return "timestamp"
        if _is_postal_address(text):
            return "postal address"
        key = _phrase_key(text)
        # "Read also:" with its colon introduces one link (its title on the next line) and the body goes on;
        # "Read also" standing as a heading opens a list of them after the release.
        if key in words.inline_links and text.endswith(":"):
            return INLINE_LINK_RULE
        if key in words.trailer:
            return TRAILER_RULE
        if key in words.lines:
            return WEB_PHRASE_RULE
        if key in words.inline_links:
            return INLINE_LINK_RULE
        if "min" in text and _READING_TIME.match(text):
            return "reading time"
        if not words.controls.isdisjoint(key.split()) and _is_control_row(key, text, words):
            return CONTROL_RULE
    if len(text) <= 120 and _is_breadcrumb(text, words):
        return "breadcrumb"
    # A short line with a "©" is a copyright or a photo's caption and credit ("Families at the well. © Agency").
    if "©" in text and (len(text) <= _MAX_CREDIT_LINE or _COPYRIGHT.search(text)):
        return COPYRIGHT_RULE
    start = _first_word(text)
    # "READ MORE: <title>" is a link inside the body, though "Read more" alone is a web-page phrase.
    if ":" in text and _is_link_label(text, words):
        return INLINE_LINK_RULE
    if start in words.prefix_starts and words.prefix.match(text):
        return WEB_PHRASE_RULE
    if start in words.about_starts and _is_about_heading(text, words):
        return TRAILER_RULE
    if ":" in text:
        if start in words.field_starts and words.field_start.match(text):
            return METADATA_RULE
        # A dump shows its fields in its head. Each field found ends at a colon: a head with fewer than two colons
        # holds fewer than two, and is not searched (the search tries every character of the head).
        head = text[:_FIELD_DUMP_HEAD]
        if head.count(":") >= 2 and len(words.field_anywhere.findall(head)) >= 2:
            return METADATA_RULE
    # A row of links starts with a network's name or a "Follow us" / "Share on" prefix (glued to a name, so it
    # did not match above): a cheap anchored test before the search through the line.
    if len(text) <= _MAX_SOCIAL_ROW and (start in words.prefix_starts or _starts_with_network(text, words)):
        if not ends_sentence(text) and _is_social_row(text, words):
            return SOCIAL_RULE
    return ""


def _is_postal_address(text: str) -> bool:
    """The town line of a postal address, of either shape (each needs its comma or its opening digit)."""
    if "," in text and _STATE_AND_ZIP.search(text):
        return True
    return text[:1].isdecimal() and _POSTCODE_AND_TOWN.match(text) is not None


def _is_end_mark(text: str) -> bool:
    """"###" or "-30-" (`_END_MARK`). The pattern needs a "#" or a "30": most lines opening on a dash are bullets,
    cleared by these two substring tests."""
    return ("#" in text or "30" in text) and _END_MARK.match(text) is not None


def _is_lone_punctuation(text: str) -> bool:
    """No letter or digit in the line (the pattern `^[\\W_]+$`, read from the start: a bullet fails on its first
    word, without a pattern call)."""
    return not any(char.isalnum() for char in text)


def _is_link_label(text: str, words: _Lexicon) -> bool:
    """A link label and its title on one line ("Read also: <title>", "Le puede interesar: <title>")."""
    if len(text) > _MAX_LINK_LINE or _first_word(text) not in words.link_label_starts:
        return False
    return words.link_label.match(text) is not None


def _is_control_row(key: str, text: str, words: _Lexicon) -> bool:
    """Labels of buttons and icons ("Close sites icon close", "Facebook icon Twitter icon"): telegraphic, without
    a function word, where a headline naming an icon has some ("An icon of the city reopens")."""
    return not ends_sentence(text) and words.stopwords.isdisjoint(key.split())


def _is_about_heading(text: str, words: _Lexicon) -> bool:
    """An "About <organisation>" heading ("About the Refugee Council", "À propos de l'Organisation
    internationale…"), alone or before a colon and its paragraph: the boilerplate paragraph closes a release. A
    name starts with a capital (maybe after an article), so a headline such as "About 200 families return
    home" or "Sobre a crise no norte" is not one."""
    found = words.about.match(text)
    heading = text.split(":", 1)[0]
    if found is None or ends_sentence(heading):
        return False
    name = [w for w in heading[found.end() :].split() if w.lower() not in words.stopwords]
    if not 0 < len(name) <= _MAX_ABOUT_WORDS:
        return False
    first = name[0]
    # A capital anywhere in the first word ("l'OIM"), or a script without capitals (Arabic).
    return first.lower() != first or (first[0].isalpha() and first.upper() == first)


# The characters that the case-blind pattern of the (ASCII) network names takes for a letter of theirs but lower()
# does not turn into it: "İ" and "ı" match "i", "ſ" matches "s" (lower() turns "K", the Kelvin sign, into "k").
_CASE_BLIND_ONLY: Final = ("İ", "ı", "ſ")


def _in_small_letters(text: str) -> str | None:
    """The line in small letters, one character for one, where the network names match as the case-blind pattern
    finds them in the line: a case-sensitive search skips to the names' first letters, where a case-blind one tries
    every name at every character (ten times slower on a line beyond ASCII). None for a line holding one of
    `_CASE_BLIND_ONLY`: such a line is searched case-blind."""
    if not text.isascii() and any(char in text for char in _CASE_BLIND_ONLY):
        return None
    return text.lower()


def _starts_with_network(text: str, words: _Lexicon) -> bool:
    """True when the line starts with a network's name, in any case: a plain prefix test of the line in small
    letters, several times faster than the case-blind pattern (kept for the lines that need it). Only the line's
    head, as long as the longest name, is read."""
    head = text[: words.longest_network_name]
    small = _in_small_letters(head)
    if small is None:
        return words.networks.match(head) is not None
    return small.startswith(words.network_names)


def _is_social_row(text: str, words: _Lexicon) -> bool:
    """A row of social-network links, spaced or glued ("Facebook Twitter RSS", "Follow us on FacebookTwitter",
    "Share on FacebookShare on Twitter"): two network names or more, and a few words besides, two a name at
    most ("Follow us on", "Share on")."""
    # Searched in small letters (as in `_starts_with_network`): the same names found, the same words left.
    small = _in_small_letters(text)
    networks, line = (words.networks, text) if small is None else (words.small_networks, small)
    found = len(networks.findall(line))
    if found < 2:
        return False
    return len(networks.sub(" ", line).split()) <= max(_MAX_SOCIAL_ROW_WORDS, 2 * found)


# Menus, labels and footers recur on every page of a site: their rule is worked out once. Long lines are
# release text, seldom repeated and quickly cleared: they stay out, so the bounded cache holds only short lines.
_MAX_CACHED_LINE: Final = 120
_MAX_CACHED_RULES: Final = 8192
# A plain dict, emptied when full: a look-up in it costs far less than an lru_cache call, on every line.
_shape_rules: Final[dict[str, str]] = {}


def _cached_shape_rule(text: str) -> str:
    """`_shape_rule(text)`, remembered for the next pages (up to _MAX_CACHED_RULES lines, then all forgotten)."""
    rule = _shape_rules.get(text)
    if rule is None:
        if len(_shape_rules) >= _MAX_CACHED_RULES:
            _shape_rules.clear()
        rule = _shape_rules[text] = _shape_rule(text)
    return rule


def mark_boilerplate(page: Page) -> None:
    """Reads every line; marks furniture lines BOILERPLATE with the rule that fired (or "template" for lines
    learned from other pages of the same site)."""
    lines = [ln for ln in page.lines if ln.text]
    template = page.template
    # Pages with an e-mail protection notice are few: one look at the whole page spares a test of every line.
    marks = tuple(mark for mark in _lexicon().notice_marks if mark in page.text)
    # What an HTML page's markup says is furniture (its menus, page header and footer ...), by line number.
    marked = page.hints.furniture if page.hints is not None else None
    previous, previous_rule = "", ""
    for index, line in enumerate(lines):
        if marked and line.number in marked:
            line.role, line.why = BOILERPLATE, marked[line.number]
            previous, previous_rule = line.text, line.why
            continue
        if marks and any(mark in line.text for mark in marks) and _cut_notice(line):
            previous, previous_rule = line.text, NOTICE_RULE
            continue
        text = line.text
        if template and text in template:
            rule = TEMPLATE_RULE
        elif text[0].isdigit() and _is_dated_teaser(lines, index):
            rule = "dated teaser"
        else:
            following = lines[index + 1].text if index + 1 < len(lines) else ""
            rule = furniture_rule(text, previous, following, previous_rule)
            if rule == SHORT_BULLET_RULE and page.hints is not None:
                rule = ""  # in HTML the markup tells menus; a dash line in a block is text (a quote's attribution)
        if rule:
            line.role, line.why = BOILERPLATE, rule
        previous, previous_rule = text, rule


def _is_dated_teaser(lines: list[Line], index: int) -> bool:
    """True for a teaser in a list of other stories: each a title, then its date glued to its summary
    ("17.10.2018 - Council backs the new shelter plan"). A lone such line may be a release's own dateline, so
    only a line with another one two lines away (the next item's) counts. Asked only of lines starting with a
    digit: most lines never pay for the pattern."""
    return _is_dated_item(lines, index) and (_is_dated_item(lines, index - 2) or _is_dated_item(lines, index + 2))


def _is_dated_item(lines: list[Line], index: int) -> bool:
    """`lines[index]` opens with a date glued to a summary, under a title: the line between two items is the next
    title, not the lower-case rest of a wrapped entry of a chronology."""
    if not 0 < index < len(lines):
        return False
    text = lines[index].text
    return text[0].isdigit() and _DATED_TEASER.match(text) is not None and not lines[index - 1].text[0].islower()


def _cut_notice(line: Line) -> bool:
    """Cuts a "this e-mail address is protected from spambots" notice out of the line, where the address it
    hides stood ("Press office: <notice>" keeps "Press office"). True when the notice was the whole line: the
    line is then marked furniture."""
    text = _without_notices(line.text).rstrip(" :")
    if text:
        line.text = text
        return False
    line.role, line.why = BOILERPLATE, NOTICE_RULE
    return True


def _without_notices(text: str) -> str:
    """The text without its notices (and the space before each), as a search of the whole text leaves it. A
    notice is matched only where one may start, a fixed distance before one of its marks, in any case: a long
    line of marks costs one short match per place, not a search of the line. The places are counted in the text
    with its runs of white space made single spaces (`SingleSpaced`)."""
    spaced = SingleSpaced(text)
    folded = lower_keeping_offsets(spaced.text)
    kept: list[str] = []
    end = 0  # where the text after the last notice cut starts
    for start, stop in _notice_spans(spaced.text, folded):
        kept.append(text[end : spaced.original(start)])
        end = spaced.original(stop)
    kept.append(text[end:])
    return "".join(kept)


def _notice_spans(text: str, folded: str) -> list[tuple[int, int]]:
    """(start, end) of each notice of the single-spaced `text` with the space before it, in text order; `folded`:
    the text in small letters, one for one."""
    notices = _lexicon()
    starts = sorted(
        {
            at - back
            for mark, backs in notices.notice_starts.items()
            for at in occurrences(folded, mark)
            for back in backs
            if at >= back
        }
    )
    spans: list[tuple[int, int]] = []
    end = 0  # past the last notice
    for start in starts:
        if start < end:
            continue
        notice = notices.notice_at.match(text, start, start + notices.notice_reach)
        if notice:
            # A notice takes the space before it, unless the previous one's end took it (as a search would).
            spans.append((start - 1 if start > end and text[start - 1 : start] == " " else start, notice.end()))
            end = notice.end()
    return spans

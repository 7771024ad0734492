"""Body text as the funders and projects steps read it: paragraphs joined as `body.py` joins them, words with
their offsets, the line each offset came from (for evidence), and the cue patterns built from the lexicon."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from itertools import accumulate
from typing import Final

from ahocorasick_rs import AhoCorasick, Implementation

from . import lexicon
from .clean import lower_keeping_offsets
from .lexicon import trie_regex
from .page import BODY, Page
from .patterncache import compile_re, compile_regex
from .places import fold

# One word at a time: dotted abbreviations ("U.S."), an elided article or preposition ("l'", "d'", "qu'", and the
# Italian "dell'", "dall'", "nell'", "all'", "sull'") on its own, a word keeping inner hyphens, apostrophes and dots
# ("co-funded", "State's"), else one other character. (`re`, not `regex`: twice as fast on this simple pattern.)
# Most words are letters and digits only, followed by none of the characters the other branches read on: the
# first branch takes them at once (a sixth of the pattern's cost on cue-dense pages; the same tokens otherwise).
# Every branch starts with a character that is no space: the lookahead turns a space down at once, not after
# each branch is tried on it (a third of what remained).
TOKEN: Final = compile_re(
    r"(?=\S)(?:\w+(?![\w&'’.-])"
    r"|(?:[^\W\d_]\.){2,}|(?:[Qq][Uu]|[dljnsmtcDLJNSMTC]|(?i:(?:[dn]?[ae]|su)ll))['’](?=[^\W\d_])"
    r"|\w[\w&]*(?:[-'’.](?=\w)[\w&]*)*|\S)"
)
# An acronym in parentheses, "(START)", "(JPBHR)": two capitals at least, digits and "&" or "-" allowed, a small
# letter alone between capitals ("(CfW)", "(IcSP)"); a short gloss may follow it inside ("(MPRR-SSA, en anglais)",
# "(JPBHR, by its English name)").
ACRONYM_IN_PARENS = compile_regex(
    r"\s*\(\s*(\p{Lu}(?:\p{Ll}?[\p{Lu}\p{N}&-])*?\p{Ll}?\p{Lu}[\p{Lu}\p{N}]*)\s*(?:[,;][^()]{1,30})?\)"
)
# The most characters an "(ACR)" takes after the name, its gloss included. A match is bounded by it: the `regex`
# module looks for the "(" in the whole rest of the text before it tries the pattern, so a call without an end
# cost the length of the paragraph (a paragraph of repeated cues was read again for each name).
_ACRONYM_REACH: Final = 120
# What closes a paragraph: sentence punctuation, closing quotes and brackets.
_CLOSING: Final = tuple(".!?:;»”\"')")
# How far back, in characters, the long form of an acronym may start.
_DEFINITION_REACH: Final = 200
# Where a sentence ends, to keep a look-back inside the current sentence: one of `_SENTENCE_MARKS`, then spaces.
_SENTENCE_BREAK: Final = compile_regex(r"[.!?;]\s+(?=\P{Ll})")
_SENTENCE_MARKS: Final = ".!?;"


class Budget:
    """How many more costly readings of one kind (the introduction of a quoted title, the words around a head
    word, the names after a funding cue) a page may take. A release needs a few; a page of thousands of such
    cues is a list or junk, and reading each of them would only cost time (issue 18: "« Projet Projet …")."""

    def __init__(self, readings: int):
        self.left = readings

    def take(self) -> bool:
        """True, and one reading less, while some are left."""
        if self.left <= 0:
            return False
        self.left -= 1
        return True


class Paragraph:
    """One body paragraph as the name finders read it. (A plain class: see `page.Line`.)"""

    __slots__ = ("text", "starts", "lines", "folded")

    def __init__(self, text: str, starts: list[int], lines: list[int]) -> None:
        self.text = text  # the paragraph's body lines joined with one space
        self.starts = starts  # offset in `text` where each of those lines begins
        self.lines = lines  # index into `page.lines` of each of those lines
        # `text` in small letters with plain apostrophes, same length: cue patterns search it.
        self.folded = fold_text(text)

    def line_at(self, offset: int) -> int:
        """Index into `page.lines` of the line holding `text[offset]`."""
        return self.lines[bisect_right(self.starts, offset) - 1]


def paragraphs(page: Page) -> list[Paragraph]:
    """The body paragraphs (BODY lines of `page.paragraphs` before `page.body_end`), lines joined by a space.
    A paragraph that stops without closing punctuation goes on into the next one: a hard wrap taken for a
    paragraph break must not cut a name in two ("the HARBOR" / "Initiative, which ..."). Built once a page:
    projects and funders both read it."""
    if page.name_paragraphs is None:
        page.name_paragraphs = _paragraphs(page)
    return page.name_paragraphs


def _paragraphs(page: Page) -> list[Paragraph]:
    end = page.body_end if page.body_end is not None else 0
    found: list[Paragraph] = []
    texts: list[str] = []
    starts: list[int] = []
    indexes: list[int] = []
    offset = 0
    for first, last in page.paragraphs:
        if texts and texts[-1].endswith(_CLOSING):
            found.append(Paragraph(" ".join(texts), starts, indexes))
            texts, starts, indexes, offset = [], [], [], 0
        for index in range(first, min(last + 1, end)):
            line = page.lines[index]
            if line.role == BODY:
                texts.append(line.text)
                starts.append(offset)
                indexes.append(index)
                offset += len(line.text) + 1
    if texts:
        found.append(Paragraph(" ".join(texts), starts, indexes))
    return found


def headline_paragraph(page: Page) -> list[Paragraph]:
    """The headline as one more text to read names in ("Contribution financière du Japon à ...", "Lancement du
    Programme de ... (PARM)"), when it is written as a sentence: in a Title Case or capitals headline every word
    would look like a name. Empty for a page without a headline."""
    headline = page.record.headline
    if not headline or page.headline is None or not _reads_as_sentence(headline):
        return []
    return [Paragraph(headline, [0], [page.headline])]


@lru_cache(maxsize=1 << 10)
def _reads_as_sentence(headline: str) -> bool:
    """True when a third at least of the headline's longer words after the first are in small letters (cached:
    the funders and projects steps both ask)."""
    long_words = [word for word in headline.split()[1:] if len(word) > 3 and word.isalpha()]
    small = sum(1 for word in long_words if word[0].islower())
    return small > 0 and small * 3 >= len(long_words)


def fold_text(text: str) -> str:
    """`text` in small letters with plain apostrophes, keeping every offset (a letter whose small form is
    longer, such as "İ", stays as it is)."""
    return lower_keeping_offsets(text).replace("’", "'")


@lru_cache(maxsize=1 << 16)
def key(word: str) -> str:
    """Lookup form of a word or name: case, accents and apostrophe shapes ignored (cached: words recur)."""
    return fold(word)


def is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def is_caseless(word: str) -> bool:
    """True for a word of a script without capitals (Arabic): its first character is a letter of neither case."""
    first = word[:1]
    return first.isalpha() and not first.isupper() and not first.islower()


def is_acronym(word: str) -> bool:
    """"START", "JPBHR", "UE": two capitals or more and no small letter."""
    return not any(c.islower() for c in word) and sum(c.isupper() for c in word) >= 2  # most words fail the first


def sentence_start(text: str, offset: int, reach: int) -> int:
    """Offset where the sentence holding `text[offset]` starts, looking back at most `reach` characters: the end
    of the last `_SENTENCE_BREAK` before the offset. The break is tried at each sentence mark, the nearest first
    (a search through the reach tried the pattern at every character: the `regex` module has no quick scan for
    a set of first characters)."""
    low = max(0, offset - reach)
    last = [text.rfind(mark, low, offset) for mark in _SENTENCE_MARKS]  # the nearest mark of each kind
    while (at := max(last)) >= 0:
        sentence_break = _SENTENCE_BREAK.match(text, at, offset)
        if sentence_break:
            return sentence_break.end()
        kind = last.index(at)
        last[kind] = text.rfind(_SENTENCE_MARKS[kind], low, at)
    return low


@lru_cache(maxsize=None)
def words(section: str, name: str) -> frozenset[str]:
    """Lookup forms of a word list of every language's `section`."""
    return frozenset(key(w) for w in lexicon.merged(section, name))


@lru_cache(maxsize=None)
def stop_words() -> frozenset[str]:
    """Function words of every language (the "stopwords" sections): they never start or end a name."""
    return frozenset(key(w) for w in lexicon.merged_list("stopwords"))


@lru_cache(maxsize=None)
def phrases(section: str, name: str) -> tuple[tuple[str, ...], ...]:
    """Multi-word phrases of `section.name` in every language, as tuples of word keys, longest first."""
    split = {tuple(key(t.group()) for t in TOKEN.finditer(p)) for p in lexicon.merged(section, name)}
    return tuple(sorted(split, key=len, reverse=True))


class Tokens:
    """The words of `text[start:end]`, read only as far as they are asked for (a name is a few words long;
    the window after a cue is much longer). An index past the end gives None."""

    def __init__(self, text: str, start: int, end: int):
        self._source = TOKEN.finditer(text, start, end)
        self._read: list[re.Match] = []

    def __getitem__(self, i: int) -> re.Match | None:
        while len(self._read) <= i:
            token = next(self._source, None)
            if token is None:
                return None
            self._read.append(token)
        return self._read[i]

    def at(self, i: int) -> re.Match:
        """Token `i`, already read (a word of a name the caller has just read)."""
        return self._read[i]

    def word(self, i: int) -> str:
        """The text of token `i`, "" past the end."""
        token = self[i]
        return token.group() if token is not None else ""


def phrase_at(tokens: Tokens, i: int, options: tuple[tuple[str, ...], ...]) -> int:
    """Number of tokens from `tokens[i]` that spell one of `options` (0 when none does)."""
    first = key(tokens.word(i))
    for option in options:
        if option[0] == first and all(key(tokens.word(i + k)) == part for k, part in enumerate(option)):
            return len(option)
    return 0


@lru_cache(maxsize=None)
def contractions() -> dict[str, set[str]]:
    """Preposition -> its contracted forms, every language ("de" -> "du", "des", "d'", "del")."""
    forms: dict[str, set[str]] = {}
    for language in lexicon.languages():
        for word, contracted in lexicon.section(language, "funding").get("contractions", {}).items():
            forms.setdefault(word, set()).update(contracted)
    return forms


def _spellings(phrase: str) -> set[str]:
    """A cue phrase in small letters, its final preposition in each contracted form ("grâce au soutien
    financier de" -> "... de", "... du", "... des", "... d'")."""
    phrase = fold_text(phrase)
    head, _, last = phrase.rpartition(" ")
    if not head:
        return {phrase}
    return {phrase} | {f"{head} {form}" for form in contractions().get(last, ())}


class JoinedTexts:
    """Several texts (a page's paragraphs) joined into one, for one search over all of them: a search per text
    costs more than the finding. A newline parts them as a text's ends do (no phrase or word holds one);
    `locate` maps an offset found back to its text."""

    def __init__(self, texts: list[str], lead: str = "") -> None:
        self.text = lead + "\n".join(texts)
        # Offset in `text` where each text starts.
        self.offsets = list(accumulate((len(text) + 1 for text in texts[:-1]), initial=len(lead)))

    def locate(self, offset: int) -> tuple[int, int]:
        """(index of the text holding `text[offset]`, offset in that text)."""
        index = bisect_right(self.offsets, offset) - 1
        return index, offset - self.offsets[index]


class Spotter:
    """Where the strings of several lists occur in a text, anywhere (inside words too), all found in one pass by
    an Aho-Corasick automaton: several times faster than a pattern, which tries its alternation at every
    word start, or than a `str.find` per string."""

    def __init__(self, lists: dict[str, tuple[str, ...]]) -> None:
        owners: dict[str, list[str]] = {}  # string -> names of the lists holding it
        for name, strings in lists.items():
            for string in strings:
                owners.setdefault(string, []).append(name)
        self._names = list(lists)
        self._owners = list(owners.values())
        self._automaton = AhoCorasick(list(owners), implementation=Implementation.DFA)

    def spot(self, text: str) -> dict[str, list[tuple[int, int]]]:
        """List name -> (start, end) of every occurrence of its strings in `text`, overlapping ones included, in
        the order of their ends."""
        found: dict[str, list[tuple[int, int]]] = {name: [] for name in self._names}
        for index, start, end in self._automaton.find_matches_as_indexes(text, overlapping=True):
            for name in self._owners[index]:
                found[name].append((start, end))
        return found


class CueFinder:
    """The phrase lists `names` of `section` in every language, found in `Paragraph.folded` as whole words (a
    phrase ending in an elision, "d'", binds to the next word), each with the name of its list. The optional
    `suffixes` list is found right after a word ("-funded")."""

    def __init__(self, section: str, names: tuple[str, ...], suffixes: str = ""):
        self.lists: dict[str, str] = {}  # spelling -> name of the first list holding it
        for name in names:
            for phrase in lexicon.merged(section, name):
                for spelling in _spellings(phrase):
                    self.lists.setdefault(spelling, name)
        suffix_spellings = [fold_text(s) for s in lexicon.merged(section, suffixes)] if suffixes else []
        self._suffix_name = suffixes
        self._any_suffix = compile_re(trie_regex(suffix_spellings))  # a plain search spares most paragraphs the next
        self._suffix_starts = compile_re(rf"(?<=\w)(?=({trie_regex(suffix_spellings)})(?!\w))")

    def find(self, joined: JoinedTexts, places: list[tuple[int, int]]) -> list[list[tuple[int, int, str]]]:
        """(start, end, list name) of each phrase in each of the joined texts (folded), in text order; a phrase
        overlapping an earlier one is not one (the earliest start wins, the longest spelling at one start).
        `places`: where the spellings occur in `joined.text` (a `Spotter`'s finds; whole words are asked of
        them here), whose first character must be no word character."""
        found = self._phrases(joined.text, places)
        if self._any_suffix.search(joined.text):
            found += [(m.start(1), m.end(1), self._suffix_name) for m in self._suffix_starts.finditer(joined.text)]
            found.sort()
        per_text: list[list[tuple[int, int, str]]] = [[] for _ in joined.offsets]
        end = 0
        for cue in found:
            if cue[0] >= end:
                index, start = joined.locate(cue[0])
                per_text[index].append((start, start + cue[1] - cue[0], cue[2]))
                end = cue[1]
        return per_text

    def _phrases(self, text: str, places: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
        """(start, end, list name) of the longest spelling starting at each word start of `text` where one ends
        a word (or ends in an elision), in text order."""
        longest: dict[int, int] = {}  # start -> end
        for start, end in places:
            if is_word_character(text[start - 1]) or (
                end < len(text) and is_word_character(text[end]) and text[end - 1] != "'"
            ):
                continue
            longest[start] = max(end, longest.get(start, 0))
        return [(start, end, self.lists[text[start:end]]) for start, end in sorted(longest.items())]


def is_word_character(char: str) -> bool:
    """True for what `\\w` matches: a letter, a digit or "_"."""
    return char.isalnum() or char == "_"


# The funding cue lists: a donor's name follows or closes them.
FUNDING_CUE_LISTS: Final = ("intro", "support", "channel", "subject_verbs", "closing")


@lru_cache(maxsize=None)
def funding_cues() -> CueFinder:
    """The funding cues (`FUNDING_CUE_LISTS`, and the "-funded" suffixes), built once per process."""
    return CueFinder("funding", FUNDING_CUE_LISTS, "suffixes")


def _begun_by_no_other(forms: set[str]) -> tuple[str, ...]:
    """The `forms` that no other one begins, sorted: where any of the forms starts, one of these does."""
    return tuple(sorted(form for form in forms if not any(other != form and form.startswith(other) for other in forms)))


@lru_cache(maxsize=None)
def project_noun_stems() -> tuple[str, ...]:
    """The project nouns and head words in small letters, those no other one begins ("program" begins
    "programmes")."""
    return _begun_by_no_other({fold_text(w) for part in ("nouns", "heads") for w in lexicon.merged("projects", part)})


@lru_cache(maxsize=None)
def head_first_words() -> tuple[str, ...]:
    """The first words of the head words ("task" of "Task Force") in small letters, those no other one begins: a
    head starts where one does."""
    return _begun_by_no_other({fold_text(head.split()[0]) for head in lexicon.merged("projects", "heads")})


@lru_cache(maxsize=None)
def run_verb_marks() -> tuple[str, ...]:
    """The longest word of each carried-out phrase ("mis en œuvre par"), folded: a paragraph holding none of
    them holds no phrase."""
    phrases = lexicon.merged("projects", "run_verbs")
    return tuple(sorted({max(fold_text(phrase).split(), key=len) for phrase in phrases}))


@lru_cache(maxsize=None)
def compound_heads() -> tuple[str, ...]:
    """The compound heads ("programm" of "Rückkehrprogramm") in small letters."""
    return tuple(fold_text(head) for head in lexicon.merged("projects", "compound_heads"))


@lru_cache(maxsize=None)
def misuse_words() -> tuple[str, ...]:
    """Words of money taken, not given ("embezzled", "détourné"), folded: a cue after one may name a victim."""
    return tuple(fold_text(word) for word in lexicon.merged("funding", "misuse_words"))


@lru_cache(maxsize=None)
def _name_spotter() -> Spotter:
    """What the name finders look for first, in one automaton."""
    return Spotter(
        {
            "funding": tuple(funding_cues().lists),
            "nouns": project_noun_stems(),
            "heads": head_first_words(),
            "run_verbs": run_verb_marks(),
            "compound_heads": compound_heads(),
            "misuse": misuse_words(),
        }
    )


class Spots:
    """The texts the name finders read, the body paragraphs then the headline written as a sentence
    (`headline_paragraph`), joined, and where the lists of `_name_spotter` occur there: found in one pass a
    page for the funders and the projects steps."""

    def __init__(self, body: list[Paragraph], headline: list[Paragraph]) -> None:
        self.texts = body + headline
        self._body_count = len(body)
        # The space in front stands for the character before the first text.
        self.joined = JoinedTexts([text.folded for text in self.texts], lead=" ")
        self.found = _name_spotter().spot(self.joined.text)

    def headline_first(self) -> list[int]:
        """Indexes of `texts` in reading order, the headline first."""
        return list(range(self._body_count, len(self.texts))) + list(range(self._body_count))


def spots(page: Page) -> Spots:
    """The page's `Spots`, built once."""
    if page.name_spots is None:
        page.name_spots = Spots(paragraphs(page), headline_paragraph(page))
    return page.name_spots


def acronym_after(text: str, offset: int) -> tuple[str | None, int]:
    """The "(ACR)" starting at `text[offset]` after spaces, and the offset past it; (None, offset) if none."""
    match = ACRONYM_IN_PARENS.match(text, offset, offset + _ACRONYM_REACH)
    return (match.group(1), match.end()) if match else (None, offset)


def long_form_start(text: str, acronym: str, start: int, end: int) -> int | None:
    """Where the long form of `acronym` starts in `text[start:end]` (the words just before its "(ACR)"), by the
    Schwartz and Hearst (2003) algorithm: each letter or digit of the acronym, last to first, is found in the
    text, right to left, and the first one must begin a word. None when the letters do not all fit."""
    letters = [c.lower() for c in acronym if c.isalnum()]
    at = end - 1
    for index in range(len(letters) - 1, -1, -1):
        letter = letters[index]
        while at >= start and (
            text[at].lower() != letter or (index == 0 and at > start and text[at - 1].isalnum())
        ):
            at -= 1
        if at < start:
            return None
        at -= 1
    # The long form starts with the word holding the first letter.
    word_start = at + 1
    while word_start > start and not text[word_start - 1].isspace():
        word_start -= 1
    return word_start


def definition_window(text: str, acronym: str, paren: int) -> int:
    """Where the Schwartz and Hearst search for the long form of `acronym`, defined at `text[paren]`, starts:
    at most min(|A| + 5, 2|A|) words back, and never before the sentence."""
    count = min(len(acronym) + 5, 2 * len(acronym))
    start = sentence_start(text, paren, _DEFINITION_REACH)
    at = paren
    for _ in range(count):
        space = text.rfind(" ", start, at)
        if space < 0:
            return start
        at = space
        while at > start and text[at - 1] == " ":
            at -= 1
    return at + 1 if at > start else start

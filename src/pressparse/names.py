"""Body text as the funders and projects steps read it: paragraphs joined as `body.py` joins them, words with
their offsets, the line each offset came from (for evidence), and the cue patterns built from the lexicon."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from itertools import accumulate

from . import lexicon
from .lexicon import trie_regex
from .page import BODY, Page
from .patterncache import compile_re, compile_regex
from .places import fold

# One word at a time: dotted abbreviations ("U.S."), an elided article or preposition ("l'", "d'", "qu'", and the
# Italian "dell'", "dall'", "nell'", "all'", "sull'") on its own, a word keeping inner hyphens, apostrophes and dots
# ("co-funded", "State's"), else one other character. (`re`, not `regex`: twice as fast on this simple pattern.)
TOKEN = compile_re(
    r"(?:[^\W\d_]\.){2,}|(?:[Qq][Uu]|[dljnsmtcDLJNSMTC]|(?i:(?:[dn]?[ae]|su)ll))['’](?=[^\W\d_])"
    r"|\w[\w&]*(?:[-'’.](?=\w)[\w&]*)*|\S"
)
# An acronym in parentheses, "(START)", "(JPBHR)": two capitals at least, digits and "&" or "-" allowed; a short
# gloss may follow it inside ("(MPRR-SSA, en anglais)", "(JPBHR, by its English name)").
ACRONYM_IN_PARENS = compile_regex(r"\s*\(\s*(\p{Lu}[\p{Lu}\p{N}&-]*\p{Lu}[\p{Lu}\p{N}]*)\s*(?:[,;][^()]{1,30})?\)")
# The most characters an "(ACR)" takes after the name, its gloss included. A match is bounded by it: the `regex`
# module looks for the "(" in the whole rest of the text before it tries the pattern, so a call without an end
# cost the length of the paragraph (a paragraph of repeated cues was read again for each name).
_ACRONYM_REACH = 120
# What closes a paragraph: sentence punctuation, closing quotes and brackets.
_CLOSING = tuple(".!?:;»”\"')")
# How far back, in characters, the long form of an acronym may start.
_DEFINITION_REACH = 200
# Where a sentence ends, to keep a look-back inside the current sentence.
_SENTENCE_BREAK = compile_regex(r"[.!?;]\s+(?=\P{Ll})")


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
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return lowered.replace("’", "'")


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
    """Offset where the sentence holding `text[offset]` starts, looking back at most `reach` characters."""
    low = max(0, offset - reach)
    start = low
    for match in _SENTENCE_BREAK.finditer(text, low, offset):
        start = match.end()
    return start


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
        # Every phrase start at once: a zero-width look-ahead after the character before the phrase, overlaps
        # settled in `find`. The class test comes first so that the engine skips the letters of words at C
        # speed (a look-behind first would run at every character); whether that character is no word character
        # is asked last, of the few places where a phrase follows.
        self._starts = compile_re(rf"[^a-z0-9_](?=({trie_regex(self.lists)})(?:(?<=')|(?!\w)))(?<=\W)")
        suffix_spellings = [fold_text(s) for s in lexicon.merged(section, suffixes)] if suffixes else []
        self._suffix_name = suffixes
        self._any_suffix = compile_re(trie_regex(suffix_spellings))  # a plain search spares most paragraphs the next
        self._suffix_starts = compile_re(rf"(?<=\w)(?=({trie_regex(suffix_spellings)})(?!\w))")

    def find(self, texts: list[str]) -> list[list[tuple[int, int, str]]]:
        """(start, end, list name) of each phrase in each of `texts` (folded), in text order; a phrase
        overlapping an earlier one is not one (the earliest start wins, the longest spelling at one start)."""
        # One search over all the texts costs much less than one per text. A newline parts them as a text's
        # ends do (no phrase holds one); the space in front stands for the character before the first text.
        joined = " " + "\n".join(texts)
        found = [(m.start(1), m.end(1), self.lists[m.group(1)]) for m in self._starts.finditer(joined)]
        if self._any_suffix.search(joined):
            found += [(m.start(1), m.end(1), self._suffix_name) for m in self._suffix_starts.finditer(joined)]
            found.sort()
        offsets = list(accumulate((len(text) + 1 for text in texts[:-1]), initial=1))
        per_text: list[list[tuple[int, int, str]]] = [[] for _ in texts]
        end = 0
        for cue in found:
            if cue[0] >= end:
                index = bisect_right(offsets, cue[0]) - 1
                per_text[index].append((cue[0] - offsets[index], cue[1] - offsets[index], cue[2]))
                end = cue[1]
        return per_text


@lru_cache(maxsize=None)
def cue_finder(section: str, names: tuple[str, ...], suffixes: str = "") -> CueFinder:
    """The `CueFinder` of these lists, built once per process."""
    return CueFinder(section, names, suffixes)


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

"""Step: named projects and programmes, with their acronyms.

These shapes name a project (cue words in the lexicon "projects" sections):
- a quoted title introduced as a project: 'projet ... intitulé « X » (ACR)', 'the project "X"', '"X" project',
  '« X », un projet', or right after a frame phrase ('im Rahmen der „X“');
- a capitalised name around a capitalised head word: "Joint Programme for Border Health (JPBHR)", "the HARBOR
  Initiative", "Operation Rusty Anchor", "Programme régional de protection (RDPP)" (small words allowed when an
  acronym closes them), "X Project – Phase II"; a German compound head with its owner ("Solidaritätsplattform der
  Europäischen Union");
- an acronym defined next to a project noun: "le projet d'appui aux frontières (PAF)", "the Safe Roads (SR) and
  Clean Wells (CW) projects", "two projects: Safe Roads (SR) and ..." (the long form found by the Schwartz and
  Hearst algorithm), "the project SR – Safe Roads,";
- a title in small letters closed by a place: "le projet de gestion des frontières au Bénin";
- capitalised words right after a project noun in small letters: "il progetto InsiemeCampania", "the project Safe
  Roads Home" (not an acronym alone, which may be an organisation's: "un projet UNICEF"), or two or more right
  before it: "the Safe Roads Home project".
A generic description ("un programme plus large de l'OIM de lutte contre la traite") and organisations ("World
Food Programme", "the International Labour Organization (ILO)") have none of these. An acronym met again alone is
the same project, never a new one.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

import regex

from ..model import Project
from . import lexicon
from .names import (
    ACRONYM_IN_PARENS,
    TOKEN,
    Budget,
    Paragraph,
    Spots,
    Spotter,
    Tokens,
    acronym_after,
    compound_heads,
    definition_window,
    fold_text,
    is_caseless,
    is_capitalised,
    is_word_character,
    key,
    long_form_start,
    project_noun_stems,
    run_verb_marks,
    sentence_start,
    spots,
    stop_words,
    words,
)
from .clean import SingleSpaced, mark_offsets, single_spaced
from .page import Page
from .patterncache import compile_re, compile_regex
from .places import place_code

# Quoted titles: « … », “ … ” (or “ … " as editors mix them), „ … “, ‚ … ‘ and straight quotes, on one paragraph,
# 3 to 250 characters, spaces inside the marks included (the reader strips them). Each title runs to the first
# closing mark: a greedy run of the other characters finds it, or fails, in one pass (a lazy one tried the end at
# every character, and an opening mark without its closing one cost the page 250 tries). (`re`, not `regex`:
# several times faster.)
_QUOTED: Final = compile_re(
    r"«([^«»]{3,250})»|“([^“”\"]{3,250})[”\"]|„([^„“]{3,250})“|‚([^‚‘]{3,250})‘|\"([^\"]{3,250})\""
)
# The marks a `_QUOTED` match starts with.
_OPENING_QUOTES: Final = "«“„‚\""
# How far before a name the project noun it follows may start ("projects: the "), in characters.
_REACH_NOUN_BEFORE: Final = 30
# How far after an "(ACR)" the project noun that follows it may start, in a text of single spaces: a space, a short
# parenthesis ("(SRH)", 17 characters at most) and a space, a comma, a space, a short article and a space.
_REACH_NOUN_AFTER: Final = 26
# How far before a quote a frame phrase may start ("dans le cadre de la «"), in characters.
_FRAME_REACH: Final = 40
# How far before a quote or a head word we look for its introduction, in characters.
_REACH: Final = 220
# Most words a project noun may be from the "(ACR)" it is bound to ("projet d'appui à la gestion ... (PAGF)").
_MAX_DEFINED_WORDS: Final = 14
# Most capitalised words before a head word ("Joint Regional Border Health Programme").
_MAX_WORDS_BEFORE: Final = 6
# Most words of a name after its head word, small ones included ("Programme for the Protection of Migrants in the
# Central Mediterranean" has nine): a run of capitalised words is read no further.
_MAX_WORDS_AFTER: Final = 16
# Most quoted titles, head words, project nouns (for a title in small letters after them) and acronym definitions
# bound to a noun read on one page (see `Budget`): a release quotes a few titles and names a few projects; past
# this many, it is a list or junk. On 1,044 pages (the development set and the reference corpora) a page reads at
# most 8 quoted titles, 9 head words, 15 project nouns and 3 definitions. Each reading is paid in full on a small
# page of such words (issue 18: a few hundred thousand instructions for a head word and the 16 words after it; a
# 20 KB page of one block repeated on a line read 236 definitions of one acronym), so no more are allowed than
# needed.
_MAX_READINGS = 20
# Most characters of an acronym said to be carried out ("FAIRWORK will be implemented"): the look-back from a
# carried-out phrase reads no further (a run of capitals longer than this is no acronym).
_MAX_ACRONYM: Final = 40


@dataclass(slots=True)
class _Found:
    name: str
    acronym: str | None
    start: int  # offset of the name's first character in the paragraph text
    end: int  # offset past the name (and past its acronym)
    cue: str


@lru_cache(maxsize=None)
def _patterns() -> dict[str, regex.Pattern]:
    """Cue patterns, compiled once per process from the lexicon."""
    nouns = lexicon.alternation(lexicon.merged("projects", "nouns"))
    cues = lexicon.alternation(lexicon.merged("projects", "title_cues"))
    heads = lexicon.alternation(lexicon.merged("projects", "heads"))
    agencies = lexicon.alternation(lexicon.merged("projects", "agency_words"))
    conjunctions = lexicon.alternation(lexicon.merged("funding", "conjunctions"))
    articles = lexicon.alternation(lexicon.merged("funding", "articles"))
    connectors = lexicon.alternation(lexicon.merged("funding", "connectors"))
    phases = lexicon.alternation(lexicon.merged("projects", "phase_words"))
    frames = lexicon.alternation(lexicon.merged("projects", "frames"))
    compounds = lexicon.alternation(lexicon.merged("projects", "compound_heads"))
    run_verbs = lexicon.alternation(lexicon.merged("projects", "run_verbs"))
    flags = 0  # VERSION0: simple case folding, compiled several times faster than V1's full folding
    # The backward patterns that end in "$" ("title_cue", "noun_before", "frame", "article_before",
    # "noun_just_before") are read with `match`: in REVERSE mode it starts at the end of the text, the one place
    # "$" holds (a search went on to try every earlier place: a look-back of 220 characters cost 220 tries).
    return {
        # '... projet en cours ... intitulé «': a title cue right before the quote, a project noun earlier.
        # Matched backwards: the cue closes the text, so the match starts where it stands (cues ending together
        # differ in length only, and the longest is tried first as a forward search's leftmost match is).
        "title_cue": compile_regex(rf"(?i:(?<!\w)(?:{cues}))\s*[:,]?\s*$", flags | regex.REVERSE),
        "noun": compile_regex(rf"(?i:(?<!\w)(?:{nouns})(?!\w))", flags),
        # The same searched backwards, for the last noun of a text (nouns are whole words: the last one found).
        "last_noun": compile_regex(rf"(?i:(?<!\w)(?:{nouns})(?!\w))", flags | regex.REVERSE),
        # 'the pilot project "' / 'le projet «': the noun at most two words before the quote (backwards: it
        # ends the text, and only whether it is there counts).
        "noun_before": compile_regex(rf"(?i:(?<!\w)(?:{nouns}))(?:\s+[\w'’-]+){{0,2}}\s*:?\s*$", flags | regex.REVERSE),
        # '” project' / '" (SRH) programme' / '», un projet': the noun right after the quote, or after a comma
        # and a short article.
        "noun_after": compile_regex(
            rf"\s*(?:\([^()]{{1,15}}\)\s*)?(?:,\s*(?:\w{{1,4}}\s+)?)?(?i:(?:{nouns}))(?!\w)", flags
        ),
        # A head word written with its capital ("Programme", "Initiative"): the core of a named initiative.
        "head": compile_regex(rf"(?<!\w)(?:{heads})(?!\w)", flags),
        # 'the project SAFE – Safe Access For Everyone,': after a project noun, an acronym, a dash and the name it
        # stands for (dotted or hyphenated acronyms too: "AB.CD", "E-ABC"), up to the next punctuation.
        "acronym_dash": compile_regex(
            r"\s+(\p{Lu}[\p{Lu}\p{N}.&-]*\p{Lu})\s+[-–—]\s+(\p{Lu}[^,.;:()]{3,200}?)\s*(?=[,.;:(]|$)", flags
        ),
        # 'as part of the “', 'im Rahmen der „': a frame phrase and an article right before a quote (backwards).
        "frame": compile_regex(rf"(?<!\w)((?i:{frames}))(?:\s+[\w'’]+|(?<=['’]))?\s*$", flags | regex.REVERSE),
        # 'Solidaritätsplattform': a capitalised compound ending in a head word in small letters.
        "compound": compile_regex(rf"(?<!\w)\p{{Lu}}[\p{{L}}-]*?({compounds})(?!\w)", flags),
        # '– Phase II', ': Phase 2' after a name: part of it.
        "phase": compile_regex(rf"\s*[-–—:,]?\s*(?:{phases})\s+(?:[IVX]+|\d+)(?!\w)", flags),
        # 'le projet de gestion coordonnée des frontières au Bénin': after a project noun, a preposition, words in
        # small letters and the capitalised place that closes the title.
        "described": compile_regex(
            rf"\s+(?:{connectors})(?:\s+|(?<=['’]))(?:\p{{Ll}}[\p{{L}}'’-]*(?:\s+|(?<=['’]))){{1,10}}?"
            rf"(\p{{Lu}}\p{{Ll}}[\p{{L}}-]*(?:\s+\p{{Lu}}\p{{Ll}}[\p{{L}}-]*)*)",
            flags,
        ),
        # 'le ' right before a project noun (backwards): a definite article makes the title that follows a name.
        "article_before": compile_regex(rf"(?<!\w)(?i:{articles})\s*$", flags | regex.REVERSE),
        # 'projects: the ' right before a name (backwards).
        "noun_just_before": compile_regex(
            rf"(?<!\w)((?i:{nouns}))[\s,:;–—-]*(?:\w{{1,4}}\s+)?$", flags | regex.REVERSE
        ),
        # What links two definitions of a list: a comma or a conjunction, then the next name's words.
        "list_link": compile_regex(
            rf"\s*(?:,\s*)?(?:(?:{conjunctions})\s+|,\s*)[^\s().;:]+(?:\s+[^\s().;:]+){{0,8}}", flags
        ),
        # Words that make a name an agency, not a project ("World Food Programme").
        "agency": compile_regex(rf"(?<!\w)(?:{agencies})(?!\w)", flags),
        # 'FAIRWORK will be implemented by': an acronym said to be carried out, whatever noun it goes without.
        "carried_out": compile_regex(
            rf"(?<!\w)(\p{{Lu}}[\p{{Lu}}\p{{N}}.&-]*\p{{Lu}})\s+((?i:{run_verbs}))(?!\w)", flags
        ),
        # The same in two halves, read where a phrase may start: the phrase, and the acronym before it (backwards).
        "run_verb": compile_regex(rf"(?i:{run_verbs})(?!\w)", flags),
        "acronym_before": compile_regex(r"(?<!\w)(\p{Lu}[\p{Lu}\p{N}.&-]*\p{Lu})\s+", flags | regex.REVERSE),
    }


@lru_cache(maxsize=None)
def _nouns() -> tuple[str, ...]:
    """The project nouns of every language in small letters, for substring tests on `Paragraph.folded`."""
    return tuple(fold_text(n) for n in lexicon.merged("projects", "nouns"))


@lru_cache(maxsize=None)
def _heads() -> tuple[str, ...]:
    """The head words as written in the lexicon ("Programme"), for `str.startswith`."""
    return lexicon.merged("projects", "heads")


def _has_odd_letters(folded: str) -> bool:
    """True when the folded text holds "İ" or "ſ", which `regex`'s case-insensitive patterns take for "i" and "s"
    but `str.lower` leaves as they are."""
    return not folded.isascii() and ("İ" in folded or "ſ" in folded)


class _Marks:
    """What the readers test first, from the page's `Spots`: where a project noun or head word starts a word in
    each text (every reader looks for whole words: "operation" in "cooperation" is none, so a paragraph without
    one is read only for a compound or a frame, and a look-back only where one starts), which texts hold a
    carried-out phrase's mark, and which a compound head ending a word."""

    def __init__(self, spotted: Spots) -> None:
        joined, found = spotted.joined, spotted.found
        text = joined.text
        # Where a carried-out phrase's mark starts and ends, by text.
        self.carried_out: dict[int, list[tuple[int, int]]] = {}
        for start, end in sorted(found["run_verbs"]):
            index, offset = joined.locate(start)
            self.carried_out.setdefault(index, []).append((offset, offset + end - start))
        # A head ends a word where no word character follows it (whether one comes before is the compound
        # pattern's to say).
        self.compound_heads = {
            joined.locate(start)[0]
            for start, end in found["compound_heads"]
            if end == len(text) or not is_word_character(text[end])
        }
        nouns = found["nouns"]
        if _has_odd_letters(text):  # rare: the nouns are found again as the readers' patterns see them
            text = text.replace("İ", "i").replace("ſ", "s")  # same length: offsets kept
            nouns = _noun_spotter().spot(text)["nouns"]
        self.noun_starts: list[list[int]] = [[] for _ in spotted.texts]  # sorted; no stem begins another
        for start, _ in nouns:
            if not is_word_character(text[start - 1]):  # the joined text starts with a space
                index, offset = joined.locate(start)
                self.noun_starts[index].append(offset)
        for starts in self.noun_starts:
            starts.sort()
        # Where a head word may start in the joined text, inside a word too (the head pattern decides), sorted.
        self._joined = joined
        self._head_spots = sorted(start for start, _ in found["heads"])

    def head_places(self, index: int) -> list[int]:
        """Where a head word may start in text `index`, sorted: the head pattern is matched there only (searched,
        it was tried at every character up to the next head)."""
        offsets = self._joined.offsets
        start = offsets[index]
        end = offsets[index + 1] if index + 1 < len(offsets) else len(self._joined.text)
        spots = self._head_spots
        return [spot - start for spot in spots[bisect_left(spots, start) : bisect_left(spots, end)]]


@lru_cache(maxsize=None)
def _noun_spotter() -> Spotter:
    """The project noun stems alone, for a text `_Marks` spots again."""
    return Spotter({"nouns": project_noun_stems()})


def _starts_between(starts: list[int], low: int, high: int) -> bool:
    """True when one of the sorted `starts` is in [low, high)."""
    return bisect_left(starts, low) < bisect_left(starts, high)


def _may_name_a_project(folded: str, starts: list[int], compound: bool) -> bool:
    """False when the folded paragraph cannot hold a project name: every shape holds a project noun or head word
    at a word start (`starts`), a compound ending in a head word (`compound`), or a frame phrase before a
    quote."""
    return bool(starts) or compound or _may_frame_a_quote(folded)


class ProjectAcronyms:
    """Says which acronyms a body names as a project ("le projet START", "programa START"). The body's text is
    joined once, when first asked, and each acronym read once: a page may name the same acronym as a funder
    hundreds of times."""

    def __init__(self, body: list[Paragraph]) -> None:
        self._body = body
        self._text: str | None = None
        self._answers: dict[str, bool] = {}

    def called_a_project(self, acronym: str) -> bool:
        """True when the body names the acronym as a project."""
        answer = self._answers.get(acronym)
        if answer is None:
            if self._text is None:
                # A newline parts the paragraphs as their ends do (no phrase holds one, and it is no letter or
                # digit to go on the acronym).
                self._text = "\n".join([paragraph.folded for paragraph in self._body])
            answer = self._answers[acronym] = _called_a_project(self._text, fold_text(acronym))
        return answer


def _called_a_project(text: str, acronym: str) -> bool:
    """True when the folded `text` writes a project noun right before the folded `acronym`."""
    # The acronym is rare where the nouns are not: its places are found first, and only a noun written right
    # before one of them is searched for.
    nouns = _nouns()
    written: set[str] = set()  # the nouns written right before one of the acronym's places
    at = text.find(f" {acronym}")
    while at >= 0:
        if text.endswith(nouns, 0, at):  # one test for all the nouns: a page may write the acronym hundreds of times
            written.update(noun for noun in nouns if text.endswith(noun, 0, at))
        at = text.find(f" {acronym}", at + 1)
    return any(_phrase_ends_a_word(text, f"{noun} {acronym}") for noun in written)


def _phrase_ends_a_word(text: str, phrase: str) -> bool:
    """True when `phrase` is in `text` not followed by a letter or digit (its first places in turn, none
    overlapping the one before)."""
    at = text.find(phrase)
    while at >= 0:
        after = at + len(phrase)
        if after == len(text) or not text[after].isalnum():
            return True
        at = text.find(phrase, after)
    return False


def _quoted(paragraph: Paragraph, starts: list[int], budget: Budget) -> list[_Found]:
    """Quoted titles introduced as a project, with the acronym in parentheses right after the quote. `starts`:
    where the paragraph's project nouns may start (`_Marks.noun_starts`); `budget`: the quotes the page may still
    read."""
    text = paragraph.text
    found: list[_Found] = []
    first = min((at for at in map(text.find, _OPENING_QUOTES) if at >= 0), default=-1)
    if first < 0:
        return found
    for match in _QUOTED.finditer(text, first):
        title = next(g for g in match.groups() if g is not None).strip().rstrip(".;:")
        if not (title[:1].isupper() or title[:1].isdigit() or is_caseless(title)) or title.endswith(","):
            continue  # a quoted remark ("will help families," said ...), not a title
        if not budget.take():
            break
        cue = _introduction(paragraph, match, starts)
        if not cue:
            continue
        acronym, end = acronym_after(text, match.end())
        found.append(_Found(title, acronym, match.start(), end, cue))
    return found


def _noun_look_back(paragraph: Paragraph, starts: list[int], offset: int) -> int | None:
    """Where the look-back from `offset` starts (the start of its sentence, at most `_REACH` back) when a
    project noun may start in it (`starts`: see `_Marks.noun_starts`); None when none does. The whole reach is tested
    first: cheaper than finding the sentence start."""
    low = max(0, offset - _REACH)
    if not _starts_between(starts, low, offset):
        return None
    start = sentence_start(paragraph.text, offset, _REACH)
    return start if start == low or _starts_between(starts, start, offset) else None


def _introduction(paragraph: Paragraph, quote: re.Match, starts: list[int]) -> str:
    """The cue introducing the `quote` of the paragraph as a project: the title cue of '... projet intitulé «',
    the noun of 'the project "' or of '" project', the frame of 'as part of the "' ('im Rahmen der „'); "" when
    there is none."""
    patterns = _patterns()
    text = paragraph.text
    start = _noun_look_back(paragraph, starts, quote.start())
    if start is not None:  # both cues before the quote need a noun there
        before = text[start : quote.start()]
        title_cue = patterns["title_cue"].match(before)
        if title_cue and patterns["noun"].search(before):
            return title_cue.group().strip(" :,")
        if patterns["noun_before"].match(before):
            return patterns["last_noun"].search(before).group()
    noun_after = patterns["noun_after"].match(text, quote.end())
    if noun_after:
        return noun_after.group().strip(" ,")
    low = max(0, quote.start() - _FRAME_REACH)
    if not _frame_stems().search(paragraph.folded, low, quote.start()):
        return ""  # most quotes: no frame phrase before them, spare the backward search
    frame = patterns["frame"].match(text, low, quote.start())
    return frame.group(1) if frame else ""


def _may_frame_a_quote(folded: str) -> bool:
    """True when a frame phrase ("im Rahmen der „") stands in the reach before an opening quote mark, the only
    place `_introduction` looks for one. (The marks are found by plain searches, and only the few characters
    before each one are searched for a frame: the frames start with common letters, so a search of the whole
    paragraph costs more, and a paragraph without a project noun is most of a page.)"""
    for mark in _OPENING_QUOTES:
        at = folded.find(mark)
        while at >= 0:
            if _frame_stems().search(folded, max(0, at - _FRAME_REACH), at):
                return True
            at = folded.find(mark, at + 1)
    return False


@lru_cache(maxsize=None)
def _frame_stems() -> re.Pattern:
    """The frame phrases in small letters as one factored pattern, for a plain search of the folded text."""
    return compile_re(lexicon.trie_regex(fold_text(frame) for frame in lexicon.merged("projects", "frames")))


def _name_start_before(text: str, head: int) -> int:
    """Where the capitalised words of a name before its head word (at `head`) start, within the head's sentence
    ("Joint Programme", "the HARBOR Initiative"); `head` when there are none. Most heads follow a small word ("du
    Programme", "the Initiative"): a last word without a capital is told without reading the sentence's words."""
    words = text[max(0, head - _REACH) : head].rsplit(None, 1)
    if not words or not any(c.isupper() for c in words[-1]):
        return head
    tokens = _last_tokens(text, sentence_start(text, head, _REACH), head, _MAX_WORDS_BEFORE)
    count = 0
    for token in reversed(tokens):
        word = token.group()
        if not is_capitalised(word) or word.endswith(("'s", "’s")) or key(word) in _small_words():
            break  # "the organisation's Displacement ...", "The HARBOR ...": not part of the name
        count += 1
    return tokens[-count].start() if count else head


@lru_cache(maxsize=None)
def _organisation_heads() -> frozenset[str]:
    """The words that end an organisation's name ("Office", "Bank", "Ministry"), from the funders' lexicon."""
    return words("funding", "org_heads") | words("funding", "donor_heads")


@lru_cache(maxsize=None)
def _small_words() -> frozenset[str]:
    """Words that start no name: function words, articles and the funding section's stop words."""
    return stop_words() | words("funding", "articles") | words("funding", "stops")


@lru_cache(maxsize=None)
def _inner_words() -> frozenset[str]:
    """Small words allowed inside a name when a capitalised word follows ("Programme for Border Health")."""
    return (
        words("funding", "connectors")
        | words("funding", "head_connectors")
        | words("funding", "articles")
        | words("funding", "conjunctions")
    )


def _words_to_acronym(tokens: Tokens) -> int:
    """How many of `tokens` (the words after a head word) are plain words closed by "(ACR)" within the limit
    (lower-case names: "Programme régional de développement (RDPP)"; a comma that goes on as the name began, in a
    list: "Programme de protection, de retour et de réintégration (PPRR)"); 0 when none."""
    for i in range(_MAX_DEFINED_WORDS):
        token = tokens[i]
        if token is None:
            break
        if token.group() == "(":
            if i and ACRONYM_IN_PARENS.match(token.string, token.start()):
                return i
            break
        if token.group() == "," and i and key(tokens.word(i + 1)) == key(tokens.word(0)):
            continue
        if not token.group()[:1].isalnum():
            break
    return 0


def _capitalised_words(tokens: Tokens) -> int:
    """How many of `tokens` (the words after a head word) continue the name: small inner words followed by a
    capitalised word ("for Border Health"). The name stops before its owner ("Programa Siria del Gobierno") and
    before a second name ("Initiative and the Lakes Program"), and after _MAX_WORDS_AFTER words."""
    taken = 0
    inner, owners = _inner_words(), words("projects", "owner_heads")
    conjunctions, articles = words("funding", "conjunctions"), words("funding", "articles")
    while taken < _MAX_WORDS_AFTER:
        j = taken
        word = tokens.word(j)  # each word is read and looked up once: a run of capitalised words can be long
        while key(word) in inner:
            if key(word) in conjunctions and key(tokens.word(j + 1)) in articles:
                return taken
            j += 1
            word = tokens.word(j)
        if not is_capitalised(word) or key(word) in owners:
            return taken
        taken = j + 1
    return taken


def _last_tokens(text: str, start: int, end: int, count: int) -> list[re.Match]:
    """The last `count` tokens of `text[start:end]` (all of them when fewer). Tokenising is the costly part and
    no token holds a space, so it starts `count` + 1 spaces back (each piece between spaces holds a token, but
    the one ending at `end` may be empty), not at `start`; from `start` only when that gives too few."""
    at = end
    for _ in range(count + 1):
        at = text.rfind(" ", start, at)
        if at < 0:
            return list(TOKEN.finditer(text, start, end))[-count:]
    tokens = list(TOKEN.finditer(text, at + 1, end))
    if len(tokens) < count:
        tokens = list(TOKEN.finditer(text, start, end))
    return tokens[-count:]


def _named(paragraph: Paragraph, starts: list[int], head_places: list[int], budget: Budget) -> list[_Found]:
    """Capitalised names built around a capitalised head word, with the "(ACR)" that follows them. `starts`:
    where the paragraph's project nouns and head words may start (`_Marks.noun_starts`); the head pattern is
    read from the first one that is a head as written, at the `head_places` (`_Marks.head_places`) that hold a
    capital. `budget`: the head words the page may still read."""
    text = paragraph.text
    found: list[_Found] = []
    first_head = next((at for at in starts if text.startswith(_heads(), at)), None)
    if first_head is None:
        return found
    head = _patterns()["head"]
    read_to = first_head
    for at in head_places:
        # A head word inside the name just read is one of its words, not the head of another name: the reading
        # goes on after the name (else a run of head words would be read again from each of them).
        match = head.match(text, at) if at >= read_to and text[at].isupper() else None
        if match is None:
            continue
        if not budget.take():
            break
        name, read_to = _named_at(text, match)
        if name:
            found.append(name)
    return found


def _named_at(text: str, match: re.Match) -> tuple[_Found | None, int]:
    """The name built around the head word `match` (None when the words around it make none), and where the
    words it took end."""
    patterns = _patterns()
    limit = _window_end(text, match.end(), match.end() + _REACH)
    after = Tokens(text, match.end(), limit)
    if key(after.word(0)) in words("projects", "roles"):
        return None, match.end()  # "Programme Manager Ana Ruiz": a job title
    # Reading words up to an "(ACR)" is the costly part: only done when a "(" follows.
    to_acronym = _words_to_acronym(after) if text.find("(", match.end(), limit) >= 0 else 0
    capitalised = _capitalised_words(after)
    if to_acronym and _spells_a_later_name(text, after, to_acronym, capitalised):
        to_acronym = 0
    count_after = to_acronym or capitalised
    first = _name_start_before(text, match.start())
    last = after.at(count_after - 1).end() if count_after else match.end()
    name = text[first:last]
    if not _is_proper_name(name, match.group()) or patterns["agency"].search(name):
        return None, last
    phase = patterns["phase"].match(text, last)
    if phase:
        last, name = phase.end(), text[first : phase.end()]
    acronym, end = acronym_after(text, last)
    if acronym:
        first = _spelt_out_from(text, acronym, first, last)
        name = text[first:last]
    return _Found(name, acronym, first, end, match.group()), last


def _spelt_out_from(text: str, acronym: str, first: int, last: int) -> int:
    """Where the name `text[first:last]` starts once its "(ACR)" is read: earlier when the acronym's letters spell
    out capitalised words before it, across small words ("Coastal Livelihoods and Adaptation Support Programme
    (CLASP)": the words read before the head stopped at "and")."""
    start = long_form_start(text, acronym, definition_window(text, acronym, last), last)
    if start is None or start >= first or not text[start].isupper():
        return first
    inner = _inner_words()
    if all(is_capitalised(word) or key(word) in inner for word in text[start:first].split()):
        return start
    return first


def _spells_a_later_name(text: str, after: Tokens, to_acronym: int, capitalised: int) -> bool:
    """True when the "(ACR)" closing the `to_acronym` words after a head word spells out a capitalised name of its
    own that starts past the head's `capitalised` words: "Operation Copper Lantern was led by the Violent Crimes
    Task Force (VCTF)" names two."""
    paren = after.at(to_acronym).start()
    acronym = ACRONYM_IN_PARENS.match(text, paren).group(1)
    start = long_form_start(text, acronym, definition_window(text, acronym, paren), paren)
    name_end = after.at(capitalised - 1).end() if capitalised else after.at(0).start()
    return start is not None and start > name_end and text[start].isupper()


def _window_end(text: str, start: int, end: int) -> int:
    """`end` (at most the text's end), moved back to the space before the word it falls in, if that word starts
    after `start`: a word cut in two by the window ("Pr" of "Projet") is no word of a name."""
    if end >= len(text) or text[end].isspace() or text[end - 1].isspace():
        return min(end, len(text))
    space = text.rfind(" ", start, end)
    return space if space > start else end


def _compounds(paragraph: Paragraph) -> list[_Found]:
    """A compound ending in a head word, with the owner or name that follows it: "Solidaritätsplattform der
    Europäischen Union", "Rückkehrprogramm StarthilfePlus" (German glues the head to what it names). A compound
    before a plain noun ("das Aufnahmeprogramm Menschen aus ...") or alone is a common noun."""
    text = paragraph.text
    found: list[_Found] = []
    # A compound is one word holding a head: only those words are searched.
    for word_start, word_end in _words_holding(paragraph.folded, compound_heads()):
        for match in _patterns()["compound"].finditer(text, word_start, word_end):
            after = Tokens(text, match.end(), min(len(text), match.end() + _REACH))
            first = after.word(0)
            if key(first) not in _inner_words() and not any(c.isupper() for c in first[1:]):
                continue
            count = _capitalised_words(after)
            if count:
                end = after.at(count - 1).end()
                found.append(_Found(text[match.start() : end], None, match.start(), end, match.group(1)))
    return found


def _words_holding(folded: str, parts: tuple[str, ...]) -> list[tuple[int, int]]:
    """(start, end) of each word, between plain spaces, of the folded text that holds one of `parts` (folded), in
    text order. A pattern whose every match holds one of the parts and no space finds there all it finds in the
    whole text: searched through a whole paragraph, the compound pattern tried its run of letters from every
    capital."""
    starts: set[int] = set()
    for part in parts:
        at = folded.find(part)
        while at >= 0:
            starts.add(folded.rfind(" ", 0, at) + 1)
            at = folded.find(part, at + 1)
    words: list[tuple[int, int]] = []
    for start in sorted(starts):
        end = folded.find(" ", start)
        words.append((start, end if end >= 0 else len(folded)))
    return words


@lru_cache(maxsize=None)
def _not_own_words() -> frozenset[str]:
    """Words that give a name nothing of its own: small words and inner words."""
    return _small_words() | _inner_words()


def _is_proper_name(name: str, head: str) -> bool:
    """A name needs a word of its own besides the head's words and small words ("Programme 2030", "Task Force"
    are not one)."""
    small = _not_own_words()
    head_words = head.split()
    own = [t.group() for t in TOKEN.finditer(name) if t.group() not in head_words and key(t.group()) not in small]
    return any(w[:1].isalpha() and (is_capitalised(w) or len(own) > 1) for w in own)


def _carried_out(body: list[Paragraph], marked: dict[int, list[tuple[int, int]]]) -> dict[str, str]:
    """Acronyms the text says are carried out, with the phrase that says it: "FAIRWORK will be implemented by a
    consortium", "START sera mis en œuvre par": what is implemented is a project, whatever noun it goes
    without, and its definition ("Fair Recruitment for Young Workers (FAIRWORK)") names it. `marked`: where a
    phrase's mark is in each paragraph holding one (`_Marks.carried_out`); most hold none, and need no
    pattern."""
    found: dict[str, str] = {}
    for index, marks in marked.items():
        for acronym, phrase in _carried_out_at(body[index], marks):
            found.setdefault(acronym, phrase)
    return found


def _carried_out_at(paragraph: Paragraph, marks: list[tuple[int, int]]) -> list[tuple[str, str]]:
    """(acronym, phrase) of each match of the carried-out pattern in the paragraph, as a search of the whole text
    finds them, read only where a phrase may start: a fixed distance before one of its `marks` (start, end),
    the phrase first, then the acronym before it (a page of marks in capitals costs a few short matches per mark,
    not a search of the paragraph). The distances are counted in the text with its runs of white space made
    single spaces (`SingleSpaced`)."""
    patterns, backs = _patterns(), _run_verb_mark_places()
    spaced = SingleSpaced(paragraph.text)
    text = spaced.text
    places = [(spaced.here(start), paragraph.folded[start:end]) for start, end in marks]
    found: list[tuple[str, str]] = []
    end = 0  # past the last match: matches do not overlap
    for start in sorted({start - back for start, mark in places for back in backs[mark]}):
        if start < end + 2 or text[start - 1] != " ":
            continue  # an acronym and a space come first
        phrase = patterns["run_verb"].match(text, start)
        if phrase is None:
            continue
        acronym = patterns["acronym_before"].match(text, max(end, start - 1 - _MAX_ACRONYM), start)
        if acronym is not None:
            found.append((acronym.group(1), paragraph.text[spaced.original(start) : spaced.original(phrase.end())]))
            end = phrase.end()
    return found


@lru_cache(maxsize=None)
def _run_verb_mark_places() -> dict[str, tuple[int, ...]]:
    """For each mark of the carried-out phrases (`run_verb_marks`), how far into a phrase it may start, its words
    one space apart."""
    return mark_offsets([fold_text(phrase) for phrase in lexicon.merged("projects", "run_verbs")], run_verb_marks())


def _defined(paragraph: Paragraph, starts: list[int], carried_out: dict[str, str], budget: Budget) -> list[_Found]:
    """A project bound to an acronym defined in parentheses: a project noun before it ("le projet d'appui aux
    frontières (PAF)") or after it ("the Sahel Alliance for Fair Employment (SAFE) project"), or after a list of
    such definitions ("the Safe Roads (SR) and Clean Wells (CW) projects"), or right before such a list ("two
    projects: Safe Roads (SR) and Clean Wells (CW)"), or an acronym the page says is carried out (see
    `_carried_out`). Bound by a noun next to it or to its list, or carried out, the name is the acronym's long
    form (Schwartz and Hearst). `starts`: where the paragraph's project nouns may start; `budget`: the definitions
    bound to a noun the page may still read."""
    text = paragraph.text
    found: list[_Found] = []
    if budget.left <= 0:  # no definition left to read: the pattern is spared too
        return found
    definitions = _definitions(text)
    if not definitions:
        return found
    nouns_after = _nouns_after(text, definitions, starts)
    listed_after = ""  # the noun right before the list the previous definition belongs to
    for index, match in enumerate(definitions):
        acronym = match.group(1)
        if listed_after and not _patterns()["list_link"].fullmatch(text, definitions[index - 1].end(), match.start()):
            listed_after = ""
        look_back = _noun_look_back(paragraph, starts, match.start())
        carried = carried_out.get(acronym, "")
        if not nouns_after[index] and not listed_after and not carried and look_back is None:
            continue  # no project noun to bind the acronym to (most definitions: spare the long form's search)
        if not budget.take():
            break
        low = max(definition_window(text, acronym, match.start()), definitions[index - 1].end() if index else 0)
        first = long_form_start(text, acronym, low, match.start())
        if first is not None and not nouns_after[index] and text[first].isupper():
            listed_after = _noun_just_before(text, first, starts) or listed_after
        bound = nouns_after[index] or listed_after or carried
        if first is not None and bound:
            name, cue = text[first : match.start()], bound
        else:
            if look_back is None:
                continue
            span, cue = _noun_span(_last_tokens(text, look_back, match.start(), _MAX_DEFINED_WORDS), acronym)
            if not span or not _initials_fit(acronym, [t.group() for t in span]):
                continue
            first, name = span[0].start(), text[span[0].start() : span[-1].end()]
        if not _patterns()["agency"].search(name):
            found.append(_Found(name, acronym, first, match.end(), cue))
    return found


def _definitions(text: str) -> list[regex.Match]:
    """Every "(ACR)" of the text, as `ACRONYM_IN_PARENS.finditer` finds them, but matched only at each "(" (from
    the spaces before it, where a match starts): the pattern opens with spaces, so a search tries it at every
    character of the text."""
    found: list[regex.Match] = []
    end = 0  # past the last match
    paren = text.find("(")
    while paren >= 0:
        start = paren
        while start > end and _is_pattern_space(text[start - 1]):
            start -= 1
        match = ACRONYM_IN_PARENS.match(text, start)
        if match:
            found.append(match)
            end = match.end()
        paren = text.find("(", max(end, paren + 1))
    return found


def _is_pattern_space(character: str) -> bool:
    """True for a character a pattern's `\\s` takes: white space but the four information separators."""
    return character.isspace() and character not in "\x1c\x1d\x1e\x1f"


def _noun_just_before(text: str, at: int, starts: list[int]) -> str:
    """The project noun that `text[at]` follows, with at most punctuation and a short article between them
    ("projects: the Safe Roads ..."); "" when there is none. `starts`: where the text's project nouns may start
    (the pattern runs only when one does in its reach)."""
    low = max(0, at - _REACH_NOUN_BEFORE)
    if not _starts_between(starts, low, at):
        return ""
    noun = _patterns()["noun_just_before"].match(text, low, at)
    return noun.group(1) if noun else ""


def _nouns_after(text: str, definitions: list, starts: list[int]) -> list[str]:
    """For each "(ACR)" definition, the project noun that follows it, right after it or after the definitions
    listed with it ("(SR) and Clean Wells (CW) projects"); "" when none does. `starts`: where the text's project
    nouns may start (the pattern runs only where one does in its reach, when the reach's spaces are single)."""
    nouns = [""] * len(definitions)
    for index in range(len(definitions) - 1, -1, -1):
        match = definitions[index]
        end = match.end()
        near = _starts_between(starts, end, end + _REACH_NOUN_AFTER + 1) or not _single_spaced_after(text, end)
        noun = _patterns()["noun_after"].match(text, end) if near else None
        if noun:
            nouns[index] = noun.group().strip(" ,")
        elif index + 1 < len(definitions) and nouns[index + 1] and _patterns()["list_link"].fullmatch(
            text, match.end(), definitions[index + 1].start()
        ):
            nouns[index] = nouns[index + 1]
    return nouns


def _single_spaced_after(text: str, end: int) -> bool:
    """True when the `_REACH_NOUN_AFTER` characters after an "(ACR)" ending at `end` (and the one after them) hold
    no white space but single plain spaces: a noun that follows the "(ACR)" then starts in that reach. (The reach
    alone is tested: a whole paragraph of odd spaces cost more than the pattern it spares.)"""
    return single_spaced(text[end : end + _REACH_NOUN_AFTER + 1])


def _noun_span(tokens: list, acronym: str) -> tuple[list, str]:
    """The words from the last project noun of `tokens` (plain words only), without the noun when the
    acronym leaves it out ("projet de ... (RDPP)"); and the noun."""
    nouns = [i for i, t in enumerate(tokens) if _is_noun(t.group())]
    if not nouns or not all(t.group()[:1].isalnum() or t.group()[-1:] in "'’" for t in tokens[nouns[-1] :]):
        return [], ""
    span = tokens[nouns[-1] :]
    noun = span[0].group()
    if key(acronym[0]) != key(noun[0]):
        span = span[1:]
        while span and key(span[0].group()) in _inner_words():
            span = span[1:]
    return span, noun


@lru_cache(maxsize=1 << 14)
def _is_noun(word: str) -> bool:
    """True when the word is a project noun in any case ("Projet", "PROGRAMME"); cached: words recur."""
    return bool(_patterns()["noun"].fullmatch(word))


def _initials_fit(acronym: str, span: list[str]) -> bool:
    """True when most letters of the acronym are, in order, initials of the span's words."""
    initials = [key(w[0]) for w in span if w[:1].isalpha()]
    letters = [key(c) for c in acronym if c.isalpha()]
    hits, i = 0, 0
    for letter in letters:
        while i < len(initials) and initials[i] != letter:
            i += 1
        if i < len(initials):
            hits += 1
            i += 1
    return hits * 2 > len(letters) and bool(initials) and initials[0] in letters[:2]


def _described(paragraph: Paragraph, nouns: list[tuple[int, int]], budget: Budget) -> list[_Found]:
    """A title in small letters after "the project of", closed by the place it is about: "le projet de gestion
    coordonnée des frontières au Bénin". A generic description names no place ("le programme de l'agence de lutte
    contre la traite") or ends on an organisation. `nouns`: the places of the paragraph's project nouns;
    `budget`: the nouns the page may still read."""
    found: list[_Found] = []
    text = paragraph.text
    for start, end in nouns:
        if not budget.take():
            break
        if paragraph.folded.startswith(_generic_titles(), start):
            continue  # "le projet de loi de finances en France": a bill, not a project
        article = _patterns()["article_before"].match(text, max(0, start - 5), start)
        title = _patterns()["described"].match(text, end) if article else None
        if title and place_code(title.group(1)):
            found.append(_Found(text[start : title.end()], None, start, title.end(), text[start:end]))
        elif text[start].islower():
            found += _name_before_noun(paragraph, start, end)
            if text.startswith(" ", end) and end + 1 not in paragraph.starts:
                found += _name_after_noun(text, start, end)  # (a noun ending a line heads no name on the next)
    return found


def _name_before_noun(paragraph: Paragraph, start: int, end: int) -> list[_Found]:
    """The name in capitalised words right before a project noun in small letters (`text[start:end]`), on its
    line: "the Safe Roads Home project". Two words at least (one alone may be an organisation or a place: "a
    UNICEF project", "the Kenya programme"), no agency ("the World Bank project") and no adjective ("the
    EU-funded Safe Roads project" gives "Safe Roads")."""
    text = paragraph.text
    first = _name_start_before(text, start)
    if first == start or paragraph.line_at(first) != paragraph.line_at(start):
        return []
    name_words = text[first:start].split()
    while name_words and "-" in name_words[0] and not name_words[0].split("-")[-1][:1].isupper():
        first += len(name_words.pop(0)) + 1  # "EU-funded", "UN-backed": an adjective before the name
    name = " ".join(name_words)
    if len(name_words) < 2 or _patterns()["agency"].search(name) or place_code(name):
        return []
    if key(name_words[-1]) in _organisation_heads():
        return []  # "the Congressional Budget Office projects that ...": an organisation (and a verb)
    return [_Found(name, None, first, end, text[start:end])]


def _name_after_noun(text: str, start: int, end: int) -> list[_Found]:
    """The name in capitalised words right after a project noun in small letters (`text[start:end]`): "il progetto
    InsiemeCampania", "l'iniziativa Scuole Aperte Estate". Not an acronym alone, which may be an organisation's
    ("un projet UNICEF"), a job title ("the programme Director") or a place ("le projet Bénin")."""
    after = Tokens(text, end, _window_end(text, end, end + _REACH))
    first = after.word(0)
    if not is_capitalised(first) or first.isupper() or key(first) in words("projects", "roles"):
        return []
    name_start, name_end = after.at(0).start(), after.at(_capitalised_words(after) - 1).end()
    name = text[name_start:name_end]
    if place_code(name):
        return []
    acronym, past = acronym_after(text, name_end)
    return [_Found(name, acronym, name_start, past, text[start:end])]


@lru_cache(maxsize=None)
def _generic_titles() -> tuple[str, ...]:
    """Phrases a project noun starts that name no project ("projet de loi", "proyecto de ley"), in small letters."""
    return tuple(fold_text(title) for title in lexicon.merged("projects", "generic_titles"))


def _acronym_first(paragraph: Paragraph, nouns: list[tuple[int, int]]) -> list[_Found]:
    """A project noun, its acronym and, after a dash, the name the acronym stands for: "le projet START –
    Stabiliser les communautés à risque, ...". `nouns`: the places of the paragraph's project nouns."""
    text = paragraph.text
    if " - " not in text and " – " not in text and " — " not in text:
        return []
    found: list[_Found] = []
    for start, end in nouns:
        match = _patterns()["acronym_dash"].match(text, end)
        if match:
            found.append(_Found(match.group(2), match.group(1), match.start(2), match.end(2), text[start:end]))
    return found


def _noun_places(paragraph: Paragraph, starts: list[int]) -> list[tuple[int, int]]:
    """(start, end) of each project noun of the paragraph, whole words in its folded text: only tried where one
    may start (`starts`)."""
    matches = [_noun_finder().match(paragraph.folded, start) for start in starts]
    return [(match.start(), match.end()) for match in matches if match]


@lru_cache(maxsize=None)
def _noun_finder() -> re.Pattern:
    """The project nouns in small letters as one factored pattern, not followed by a letter (`re` on the folded
    text: much faster than the case-insensitive alternation)."""
    return compile_re(rf"(?:{lexicon.trie_regex(_nouns())})(?!\w)")


def _keep_apart(candidates: list[_Found]) -> list[_Found]:
    """The candidates that overlap no earlier one (a quoted title wins over a name found inside it), in text
    order. Kept spans are disjoint, so sorted starts and a bisection find the neighbours (a long page has many)."""
    starts: list[int] = []
    kept: list[_Found] = []
    for found in candidates:
        at = bisect_left(starts, found.start)
        if (at and kept[at - 1].end > found.start) or (at < len(kept) and kept[at].start < found.end):
            continue
        starts.insert(at, found.start)
        kept.insert(at, found)
    return kept


def find_projects(page: Page) -> None:
    """Reads the body paragraphs, then a headline written as a sentence (a project it alone names); sets
    `record.projects` (order of first appearance, one entry per project: the body's form, which gives the acronym
    more often, wins)."""
    projects: list[Project] = []
    seen: set[str] = set()
    spotted = spots(page)
    body = spotted.texts
    marks = _Marks(spotted)
    carried_out = _carried_out(body, marks.carried_out)
    quotes, heads, nouns_described = Budget(_MAX_READINGS), Budget(_MAX_READINGS), Budget(_MAX_READINGS)
    definitions = Budget(_MAX_READINGS)
    for index, paragraph in enumerate(body):
        starts = marks.noun_starts[index]
        compound = index in marks.compound_heads
        if not _may_name_a_project(paragraph.folded, starts, compound) and not carried_out:
            continue  # nothing to find (most paragraphs)
        nouns = _noun_places(paragraph, starts)
        defined = _defined(paragraph, starts, carried_out, definitions)
        candidates = _quoted(paragraph, starts, quotes) + _acronym_first(paragraph, nouns)
        candidates += _named(paragraph, starts, marks.head_places(index), heads) + defined
        candidates += _described(paragraph, nouns, nouns_described)
        candidates += _compounds(paragraph) if compound else []
        for found in _keep_apart(candidates):
            keys = {key(found.name)} | ({key(found.acronym)} if found.acronym else set())
            if keys & seen:
                continue
            seen |= keys
            projects.append(Project(found.name, found.acronym))
            page.note("projects", found.name, paragraph.line_at(found.start), found.cue)
    page.record.projects = projects

"""Step: the organisations the release says are paying for the work.

Cues are read in the body paragraphs and in the headline when it is written as a sentence ("Contribution
financière du Japon à ..."). Cue families (lexicon "funding" sections, every language matched):
- "intro": the donor follows ("financé par l'Union européenne", "with funding from Japan"): any proper name;
- "support": the donor may follow ("con el apoyo de", "supported by"): only a donor-like name (a government,
  a fund, a country, a known donor);
- "channel": a fund carries the money ("through the X Fund", "dans le cadre du Fonds ..."): only a fund;
- "subject_verbs": the donor is the subject of a money verb ("Germany has pledged EUR 4 million"): only a
  donor-like name, and not when the money comes from someone named later in the sentence;
- "closing": a participle closes the clause, the donor just before it after an agent preposition ("von der
  Europäischen Kommission finanziert");
- "suffixes": "EU-funded".
A name stops at punctuation, a verb or a small word that is not part of names, unless an "(ACR)" a few words on
spells it out (Schwartz and Hearst: "the Global Fund to End Modern Slavery (GFEMS)"); several donors joined by
"and"/"et"/"y" are several funders. Money taken ("embezzled funds from") is no funding. Never a funder: a
project of the page ("financée par START" where START is a project), the issuing organisation. Forms of one
donor ("UE", "Union européenne", "EU") are merged by the alias table `lexicon/shared/aliases.json` and by
"Name (ACR)" on the page; the first form written wins.
"""

from __future__ import annotations

import re
import string
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, islice
from typing import Final

import regex
from ahocorasick_rs import AhoCorasick, Implementation

from ..model import Funder
from . import lexicon
from .names import (
    ACRONYM_IN_PARENS,
    TOKEN,
    Budget,
    Paragraph,
    Tokens,
    acronym_after,
    contractions,
    definition_window,
    fold_text,
    funding_cues,
    is_acronym,
    is_caseless,
    is_capitalised,
    key,
    long_form_start,
    misuse_words,
    paragraphs,
    phrase_at,
    phrases,
    sentence_start,
    spots,
    stop_words,
    words,
)
from .page import Page
from .patterncache import compile_re, compile_regex
from .places import countries_in, country_code, fold
from .projects import ProjectAcronyms

# Most words of a donor's name in a script without capitals, where no capital shows where it ends ("حكومة اليابان").
_CASELESS_WORDS: Final = 4
# Most adjectives between a describing noun and the name it describes ("la fundación suiza Fondo Alba").
_DESCRIPTOR_ADJECTIVES: Final = 2
# Characters read after a cue for the donor names, and before a money verb for its subject.
_READ_AFTER: Final = 200
_READ_BEFORE: Final = 150
# Characters after a money verb where the amount must appear ("has pledged EUR 4 million").
_MONEY_REACH: Final = 60
# Most cues a page reads a donor for (see `Budget`): the names after a cue, word by word, or the amount after a
# money verb and the subject before it. A release names a few donors; past this many, the page is a list or junk.
# (Cues followed by no capital cost little, and are all read.)
_MAX_NAME_READINGS = 50
# A donor named before "-funded": the one word glued to the suffix ("EU-funded", "Japan-funded").
_SUFFIX_SUBJECT: Final = compile_regex(r"(?<![\w-])\p{Lu}[\p{L}\p{N}.&]*$")
# The issuing organisation in a dateline: "GENEVA, 12 May 2015 (IOM) –", its "(" at most this far in.
_DATELINE_REACH: Final = 80
_DATELINE_ISSUER: Final = compile_regex(rf"[^()]{{0,{_DATELINE_REACH}}}?\((\p{{Lu}}{{2,}})\)\s*[-–—]")


@dataclass(slots=True)
class _Mention:
    name: str
    acronym: str | None  # "(ACR)" written right after the name
    offset: int  # where the name starts in the paragraph text
    cue: str


# The families whose donor follows the cue or closes its clause: a money verb's subject before one of them in the
# same sentence is the recipient ("X announced it received a grant from Y").
_NAMING_FAMILIES: Final = ("intro", "support", "closing")


@lru_cache(maxsize=None)
def _money() -> regex.Pattern:
    """An amount: a currency or a scale word, not inside a longer word ("$4", "EUR 4", "4 millions")."""
    money = lexicon.alternation(lexicon.merged("funding", "money"))
    return compile_regex(rf"(?<!\p{{L}})(?:{money})(?!\p{{L}})", regex.IGNORECASE)


# What may come between a cue and the first capital of a name: spaces and the small letters, apostrophes and
# "&" of the words skipped before a name ("the ", "l'", "de la "). A name needs a capital first letter, so when
# anything else comes first the cue names nobody.
_BEFORE_A_NAME = compile_regex(r"(?:[\s'’&]|(?![\p{Lu}\p{Lt}])[^\W\d_])*+")
# The ASCII characters of `_BEFORE_A_NAME`: `str.lstrip` skips a run of them much faster than the pattern does (a
# cue is mostly followed by small-letter words); the pattern takes over at the first other character.
_ASCII_BEFORE_A_NAME: Final = " \t\n\v\f\r'&" + string.ascii_lowercase


@lru_cache(maxsize=None)
def _alias_table() -> dict[str, list[list[str]]]:
    return lexicon.shared("aliases.json")


@lru_cache(maxsize=None)
def _aliases() -> dict[str, str]:
    """Lookup form of every alias, donor or agency -> the first form of its group (the group's identity)."""
    table = _alias_table()
    return {key(form): key(group[0]) for group in table["donors"] + table["agencies"] for form in group}


@lru_cache(maxsize=None)
def _forms_read_short() -> tuple[str, ...]:
    """Alias forms the reader may cut, in small letters: with a comma inside ("Bureau of Population, Refugees, and
    Migration", whose parts look like a list of donors) or several words, of which a page may write the later ones
    in small letters ("UK aid")."""
    table = _alias_table()
    return tuple(fold_text(form) for group in table["donors"] + table["agencies"] for form in group if " " in form)


@lru_cache(maxsize=None)
def _names_read_short() -> tuple[re.Pattern, int]:
    """`_forms_read_short` as one factored pattern, and the longest one's length."""
    forms = _forms_read_short()
    return compile_re(lexicon.trie_regex(forms)), max(map(len, forms), default=0)


@lru_cache(maxsize=None)
def _forms_read_short_finder() -> AhoCorasick:
    """`_forms_read_short` in one automaton, which finds every place they are written in a text (see `_known_end`)."""
    return AhoCorasick(sorted(set(_forms_read_short())), implementation=Implementation.DFA)


def _known_end(folded: str, start: int, end: int) -> int:
    """End of the name read at `folded[start:end]`, carried further when a known name the reader cuts runs on."""
    forms, longest = _names_read_short()
    if not _one_runs_past(folded[start : end + longest], end - start):
        return end  # the pattern's matches are forms written there: none of them would carry the name on
    for form in forms.finditer(folded, start, end + longest):
        if form.start() <= end < form.end():
            end = form.end()
    return end


def _one_runs_past(window: str, end: int) -> bool:
    """Whether a form of `_forms_read_short` written in `window` runs on past its offset `end`: the automaton finds
    them in a tenth of the time the pattern takes to be tried at every character (most names read: none)."""
    found = _forms_read_short_finder().find_matches_as_indexes(window, overlapping=True)
    return any(form_start <= end < form_end for _, form_start, form_end in found)


@lru_cache(maxsize=None)
def _known_donors() -> frozenset[str]:
    """Lookup forms of the alias table's donors."""
    return frozenset(key(form) for group in _alias_table()["donors"] for form in group)


def _cue_prepositions() -> frozenset[str]:
    """The last words of the cues that a name follows ("by", "from", "par", "por"), with their contracted forms
    ("da" -> "dal": "cofinanziata dal Fondo ... e dal Ministero ...")."""
    cues = lexicon.merged("funding", "intro") + lexicon.merged("funding", "support")
    last_words = {cue.rpartition(" ")[2] for cue in cues}
    forms = contractions()
    return frozenset(key(form) for word in last_words if word.islower() for form in {word, *forms.get(word, ())})


@lru_cache(maxsize=None)
def _vocabulary() -> dict[str, frozenset]:
    """The word lists the name reader uses, as lookup forms."""
    return {
        "articles": words("funding", "articles"),
        # Heads written in small letters that start a donor's name ("the government of Japan", "le gouvernement
        # japonais", "the canton of Geneva", "le ministère des Finances").
        "lowercase_heads": words("funding", "lowercase_heads"),
        # Auxiliaries and adverbs between a donor and its money verb ("the United States is now providing").
        "fillers": words("funding", "fillers"),
        # Common nouns that may describe a donor before its name ("the bank", "la fondation").
        "descriptors": words("funding", "descriptors"),
        "prepositions": words("funding", "stops"),
        # Skipped before a name: articles, "de la", and the cue's own preposition repeated after a conjunction
        # ("funded by X and by Y").
        "openers": words("funding", "articles") | words("funding", "connectors") | _cue_prepositions(),
        "connectors": words("funding", "connectors"),
        # The connectors that are no article: "of", "des", "delle" ("e delle Politiche Sociali" goes on a name).
        "of_words": words("funding", "connectors") - words("funding", "articles"),
        "head_connectors": words("funding", "head_connectors"),
        "org_heads": words("funding", "org_heads"),
        "donor_heads": words("funding", "donor_heads"),
        "fund_heads": words("funding", "fund_heads"),
        # The first words of a donor's or another organisation's name ("Government", "Ministry").
        "heads": words("funding", "donor_heads") | words("funding", "org_heads"),
        # A name of these words alone is a bare head ("Government", "Fund"), never a donor.
        "bare": words("funding", "org_heads")
        | words("funding", "donor_heads")
        | words("funding", "connectors")
        | words("funding", "lowercase_heads"),
        "stops": words("funding", "stops") | stop_words() | words("funding", "conjunctions"),
        # The words `_Reader._inner` may find inside a name: any of the three lists it reads.
        "inner": words("funding", "connectors") | words("funding", "articles") | words("funding", "head_connectors"),
    }


class _Reader:
    """Reads donor names in one paragraph's text. `lowercase` allows the small-letter words of names in
    languages that write them so ("Union européenne", "Agence française de développement"); `budget`: the
    readings of names the page may still take."""

    def __init__(self, text: str, folded: str, lowercase: bool, budget: Budget):
        self.text = text
        self.folded = folded
        self.lowercase = lowercase
        self.budget = budget
        self.vocabulary = _vocabulary()
        # The last run of text skipped before a name (`_name_start`): small-letter words and spaces only.
        self.skipped = (0, 0)

    def names_after(self, offset: int) -> list[tuple[str, str | None, int]]:
        """The donors named from `offset`: (name, acronym, start offset). "A, B and C" gives three; a comma
        list not closed by a conjunction keeps its first name only ("funded by Japan, IOM said")."""
        start = self._name_start(offset)
        if (
            not self.text[start : start + 1].isupper()
            and not _lowercase_head().match(self.folded, offset)
            and not is_caseless(self.text[offset : offset + 3].lstrip())
        ):
            return []  # most cues ("through", "via") are not followed by a name: skip the word-by-word reading
        if not self.budget.take():
            return []
        tokens = Tokens(self.text, offset, min(len(self.text), offset + _READ_AFTER))
        conjunctions = phrases("funding", "conjunctions")
        kept: list[tuple[str, str | None, int]] = []
        pending: list[tuple[str, str | None, int]] = []
        i = 0
        while (taken := self._take(tokens, i)) is not None:
            entry, i = taken
            (pending if kept else kept).append(entry)
            comma = tokens.word(i) == ","
            i += comma
            joined = phrase_at(tokens, i, conjunctions)
            if joined:  # the conjunction closes the list: the names before it were donors too
                last = self._take(tokens, i + joined)
                names = kept + pending
                if last is None:
                    return names
                word_after = tokens.word(i + joined)
                if pending and self._one_field(kept[0][0], pending, last[0][0], word_after):
                    one_from = 0  # "Bundesministerium für Klimaschutz, Umwelt, Energie und Technologie": one name
                elif self._one_name(names[-1][0], last[0][0], word_after):
                    one_from = len(names) - 1
                else:
                    return names + [last[0]]
                first_start, end = names[one_from][2], last[0][2] + len(last[0][0])
                return names[:one_from] + [(self.text[first_start:end], last[0][1], first_start)]
            if not comma:
                glued = self._glued_name(tokens, i)
                if glued is not None:  # "الاتحاد الأوروبي وحكومة ألمانيا": the conjunction closing the list
                    return kept + pending + self.names_after(glued)
                break
        return kept

    def _one_name(self, before: str, after: str, first_word: str) -> bool:
        """True when `after`, the name read after a conjunction (from the word `first_word`), goes on the name
        `before` it: a single common word ("... para el Desarrollo y la Cooperación"), or the second half of the
        field an organisation's name holds ("Department of Housing and Urban Development", "Centers for Disease
        Control and Prevention", "Ministero del Lavoro e delle Politiche Sociali")."""
        return _ends_a_name(after) or (self._names_a_field(before) and self._goes_on_a_field(after, first_word))

    def _one_field(self, first: str, pending: list, last: str, last_word: str) -> bool:
        """True when the comma list after the name `first` and the name `last` after its conjunction are all the
        parts of the field that name holds ("Bundesministerium für Klimaschutz, Umwelt, Energie und Technologie")."""
        return (
            self._names_a_field(first)
            and all(self._goes_on_a_field(name, name) for name, _, _ in pending)
            and self._goes_on_a_field(last, last_word)
        )

    def _names_a_field(self, name: str) -> bool:
        """True for an organisation's name holding its field: a head then "of", "for" ("Department of ...")."""
        words = [key(word) for word in name.split()]
        return any(
            word in self.vocabulary["heads"] and following in self.vocabulary["inner"]
            for word, following in zip(words, words[1:])
        )

    def _goes_on_a_field(self, words: str, first_word: str) -> bool:
        """True for the words read after a field's first part (from the word `first_word`): no article (but "of
        the"), head, country or known donor of their own."""
        return (
            (words.startswith(first_word) or key(first_word) in self.vocabulary["of_words"])
            and not words.isupper()
            and self.vocabulary["heads"].isdisjoint(map(key, words.split()))
            and country_code(words) is None
            and key(words) not in _known_donors()
        )

    def _glued_name(self, tokens: Tokens, i: int) -> int | None:
        """Offset of the donor's name that `tokens[i]` starts after a conjunction glued to it ("وحكومة": "and the
        government"), or None."""
        word = tokens.word(i)
        if word[:1] in _glued_conjunctions() and key(word[1:]) in self.vocabulary["heads"]:
            return tokens.at(i).start() + 1
        return None

    def _name_start(self, offset: int) -> int:
        """Where `_BEFORE_A_NAME` stops after `offset` (within the reading window): the place of a name's
        capital. The run skipped for the cue before, when `offset` is in it, is not read again: cues close
        together ("financé par … financé par") would each read the same window."""
        end = min(len(self.text), offset + _READ_AFTER)
        run_start, run_end = self.skipped
        inside = run_start <= offset < run_end
        start = min(run_end, end) if inside else offset
        start = end - len(self.text[start:end].lstrip(_ASCII_BEFORE_A_NAME))
        # A small letter outside ASCII ("gefördert") is one the pattern would take too: stepped over, and the fast
        # skip goes on (the pattern reads a character in microseconds, and a cue may be written a thousand times).
        while start < end and self.text[start].islower() and not self.text[start].isascii():
            start = end - len(self.text[start + 1 : end].lstrip(_ASCII_BEFORE_A_NAME))
        if start < end and not self.text[start].isascii():  # outside ASCII, a curly apostrophe: the pattern decides
            start = _BEFORE_A_NAME.match(self.text, start, end).end()
        self.skipped = (run_start if inside else offset, start)
        return start

    def _take(self, tokens: Tokens, i: int) -> tuple[tuple[str, str | None, int], int] | None:
        """The name starting at token `i` with its "(ACR)", and the index of the token after them."""
        span = self._name(tokens, i)
        if span is None:
            return None
        first, last = span
        start = tokens.at(first).start()
        if self.text.startswith("$", tokens.at(last - 1).end()):
            return None  # a currency ("US$ 2 milhões"), not a name
        end = self._defined_end(start, _known_end(self.folded, start, tokens.at(last - 1).end()))
        while (token := tokens[last]) is not None and token.start() < end:
            last += 1
        acronym, after = acronym_after(self.text, end)
        while (token := tokens[last]) is not None and token.start() < after:
            last += 1
        return (self.text[start:end], acronym, start), last

    def _defined_end(self, start: int, end: int) -> int:
        """End of the name read at `text[start:end]`, carried on to an "(ACR)" a few words further whose long form
        starts where the name does: "the Global Fund to End Modern Slavery (GFEMS)" is not cut at "to"."""
        if self.text.find("(", end, end + _DEFINITION_GAP) < 0:
            return end  # most names: no parenthesis follows
        gap = _WORDS_TO_PARENTHESIS.match(self.text, end)
        definition = ACRONYM_IN_PARENS.match(self.text, gap.end()) if gap else None
        if gap is None or definition is None or not _channel_words().isdisjoint(map(key, gap.group().split())):
            return end  # "Japan through the Fund for Peace (JFP)": the fund is another name
        acronym = definition.group(1)
        window = definition_window(self.text, acronym, gap.end())
        return gap.end() if long_form_start(self.text, acronym, window, gap.end()) == start else end

    def _name(self, tokens: Tokens, i: int) -> tuple[int, int] | None:
        """Token range [first, last) of the proper name starting at `tokens[i]` (articles skipped), or None."""
        word = tokens.word(i)
        while key(word) in self.vocabulary["openers"]:
            i += 1  # "the", "l'", and after a conjunction "de la", "del": "... des Pays-Bas et de la Norvège"
            word = tokens.word(i)
        if is_caseless(word):
            return self._caseless_name(tokens, i)
        if not is_capitalised(word):
            described = self._past_descriptor(tokens, i, word)
            if described == i and key(word) not in self.vocabulary["lowercase_heads"]:
                return None
            i = described
        first = last = i
        while True:
            j = last + 1
            # Each word is fetched once: the tests below read it again (a token is never empty: "" is the end).
            while (word := tokens.word(j)) and self._inner(word, tokens, first, last):
                j += 1
            if is_capitalised(word) or (self.lowercase and self._small_letter_word(tokens, j)):
                last = j
            else:
                return first, last + 1

    def _past_descriptor(self, tokens: Tokens, i: int, word: str) -> int:
        """Index of the name after `word`, the small-letter word `tokens[i]`, when it is a common noun describing
        the name, and its adjectives ("la fundación suiza Fondo Alba", "the charity Hope Now"): they are no
        part of the name. `i` when there is none."""
        if key(word) not in self.vocabulary["descriptors"]:
            return i
        for j in range(i + 1, i + 1 + _DESCRIPTOR_ADJECTIVES + 1):
            word = tokens.word(j)
            if is_capitalised(word):
                return j
            if not word.isalpha() or key(word) in self.vocabulary["stops"]:
                break
        return i

    def _caseless_name(self, tokens: Tokens, i: int) -> tuple[int, int] | None:
        """Token range of a name in a script without capitals: its words up to punctuation, a function word, a
        word glued to a conjunction ("وبالتعاون", "and with") or the most words a donor's name takes ("بتمويل من
        الاتحاد الأوروبي لدعم ..." gives the union)."""
        last = i
        while last - i < _CASELESS_WORDS:
            word = tokens.word(last)
            if not is_caseless(word) or key(word) in self.vocabulary["stops"]:
                break
            if last > i and (word.startswith(_conjunction_prefixes()) or self._glued_name(tokens, last) is not None):
                break
            last += 1
        return (i, last) if last > i else None

    def _inner(self, text: str, tokens: Tokens, first: int, last: int) -> bool:
        """True for `text`, a word after the name `tokens[first:last + 1]`, when it is a small word inside the name:
        "of", "de", "d'", "&"; "for"/"pour"/"para" only in the name of an organisation ("Agency for ...", "Fonds
        pour ...", "Agencia ... para el Desarrollo")."""
        word = key(text)
        if word not in self.vocabulary["inner"]:
            return False  # most words of a name (one look instead of one per list below)
        if word in self.vocabulary["connectors"]:
            return True
        if word in self.vocabulary["articles"]:
            # an article of one language may be another's preposition: "a" (Portuguese "the") is "à" folded
            return word not in self.vocabulary["prepositions"]
        heads = self.vocabulary["org_heads"]
        return word in self.vocabulary["head_connectors"] and any(
            key(tokens.word(k)) in heads for k in range(first, last + 1)
        )

    def _small_letter_word(self, tokens: Tokens, j: int) -> bool:
        """True for a small-letter word of a name ("européenne"): not a small function word, verb cue or
        participle ("le Japon lancé à Mao"), and the name ends after it (punctuation, a function word, the end of
        the text)."""
        word = tokens.word(j)
        stops = self.vocabulary["stops"]
        if not word.isalpha() or key(word) in stops or word.lower().endswith(_participle_endings()):
            return False
        following = tokens.word(j + 1)
        return not following[:1].isalnum() or key(following) in stops or key(following) in self.vocabulary["connectors"]

    def name_before(self, offset: int) -> tuple[str, int] | None:
        """The proper name just before `offset` (the subject of a money verb), and its start offset."""
        start = sentence_start(self.text, offset, _READ_BEFORE)
        tokens = list(TOKEN.finditer(self.text, start, offset))
        vocabulary = self.vocabulary
        while tokens and key(tokens[-1].group()) in vocabulary["fillers"]:
            tokens.pop()  # "is now providing": the name ends before the auxiliary and the adverb
        first = len(tokens)
        if self.lowercase and first >= 2 and tokens[-1].group().isalpha() and not is_capitalised(tokens[-1].group()):
            if key(tokens[-1].group()) not in vocabulary["stops"] and is_capitalised(tokens[-2].group()):
                first -= 1  # "Le Gouvernement japonais a versé"
        while first > 0:
            word = tokens[first - 1].group()
            if key(word) in vocabulary["lowercase_heads"]:
                first -= 1
                break  # "the canton of Geneva": the head starts the name, the words before it are not part of it
            if is_capitalised(word) or (key(word) in vocabulary["connectors"] and first < len(tokens)):
                first -= 1
            else:
                break
        while first < len(tokens) and not self._starts_a_name_before(tokens[first].group()):
            first += 1  # "The", "In", connectors: not the name's start
        if first >= len(tokens):
            return None
        return self.text[tokens[first].start() : tokens[-1].end()], tokens[first].start()


    def _starts_a_name_before(self, word: str) -> bool:
        """True when `word` may start the subject of a money verb: a capitalised word that is no function word or
        article, or a head written in small letters ("the canton of Geneva")."""
        folded, vocabulary = key(word), self.vocabulary
        if folded in vocabulary["lowercase_heads"]:
            return True
        return is_capitalised(word) and folded not in vocabulary["stops"] and folded not in vocabulary["articles"]


# The words between a name and an "(ACR)" defined a few words later ("... Global Fund to End Modern Slavery ("),
# at most this many characters.
_WORDS_TO_PARENTHESIS: Final = compile_regex(r"(?:[^\S\n]+[\p{L}\p{N}'’&-]+){1,8}(?=\s*\()")
_DEFINITION_GAP: Final = 120


@lru_cache(maxsize=None)
def _participle_endings() -> tuple[str, ...]:
    """Endings of participles in languages that write a name's later words in small letters ("lancé", "firmado")."""
    return lexicon.merged("funding", "participle_endings")


@lru_cache(maxsize=None)
def _conjunction_prefixes() -> tuple[str, ...]:
    """Conjunctions written glued to the next word, with the letters that show it ("وال", "and the")."""
    return lexicon.merged("funding", "conjunction_prefixes")


@lru_cache(maxsize=None)
def _glued_conjunctions() -> tuple[str, ...]:
    """Conjunctions of one letter written glued to the next word (Arabic "و", "and")."""
    return lexicon.merged("funding", "glued_conjunctions")


@lru_cache(maxsize=None)
def _channel_words() -> frozenset[str]:
    """The one-word channel cues ("through", "via"), as lookup forms."""
    return frozenset(key(cue) for cue in lexicon.merged("funding", "channel") if " " not in cue)


@lru_cache(maxsize=None)
def _lowercase_head() -> re.Pattern:
    """Articles then a head written in small letters, in folded text: a name may start there though no capital
    follows the cue ("financé par le gouvernement japonais")."""
    articles = lexicon.trie_regex(lexicon.merged("funding", "articles"))
    heads = lexicon.trie_regex(lexicon.merged("funding", "lowercase_heads"))
    return compile_re(rf"\s*(?:(?:{articles})(?:\s+|(?<=')))*(?:{heads})(?!\w)")


def _ends_a_name(name: str) -> bool:
    """A single common word after "and" ("Cooperation", "Cooperación", "Développement") ends the name before
    it; a donor after "and" is a country, an acronym, a known donor or several words."""
    return (
        " " not in name
        and not name.isupper()
        and country_code(name) is None
        and key(name) not in _known_donors()
    )


def _plain_letters(text: str) -> bytes:
    """`text` case-folded, its accents and every other non-ASCII character dropped: the plain letters of a word's
    lookup form (`key`) show inside the plain letters of any text holding the word."""
    return _decomposed(text).encode("ascii", "ignore")


@lru_cache(maxsize=None)
def _fund_heads_plain() -> tuple[bytes, ...]:
    """Plain letters of the fund head words' lookup forms, for the heads that have some."""
    return tuple(plain for plain in map(_plain_letters, _vocabulary()["fund_heads"]) if plain)


@lru_cache(maxsize=None)
def _fund_heads_without_plain_letters() -> tuple[str, ...]:
    """Lookup forms of the fund head words written in a script without plain letters ("صندوق"): an empty plain
    form would be in every text."""
    return tuple(head for head in _vocabulary()["fund_heads"] if not _plain_letters(head))


# The size of the pieces `_FundWindows` decomposes a paragraph in (see there).
_PLAIN_STEP: Final = 64


def _decomposed(text: str) -> str:
    """`text` case-folded and decomposed (NFD): `_plain_letters` before the non-ASCII characters are dropped."""
    return unicodedata.normalize("NFD", text.casefold())


class _FundWindows:
    """Whether a fund head word ("Fund", "Fonds") follows an offset of one paragraph where names are read (twice
    the reading window: a known name with commas may run past it); without one, no name read after a channel cue
    there suits it (`_fits`). Case folding and decomposition work character by character (what reordering they do
    moves accents only, which plain letters drop), so the heads are found once in the paragraph's plain letters,
    and a window holds one when one lies between the plain lengths of the text before its ends: looking at each
    window again took a paragraph of channel cues time in the cues times the window. The paragraph is decomposed
    in pieces of `_PLAIN_STEP` characters, whose plain lengths are kept (`_PlainLength`): walking the text again
    to each window's start and end took twice the time of finding the heads. Windows are asked from `first_offset`
    to `last_offset`: the text before the first one's piece is not decomposed (plain lengths count from there; a
    paragraph's channel cues are few, and on cue-dense pages the first one is halfway in)."""

    def __init__(self, text: str, first_offset: int, last_offset: int):
        self.text = text
        # No window asked reaches outside these: the heads are sought between them only.
        self.origin = first_offset - first_offset % _PLAIN_STEP
        self.reach = min(len(text), last_offset + 2 * _READ_AFTER)
        self.heads_found = False  # the heads are found on the first question: most paragraphs have no channel cue
        self.head_starts: list[int] = []  # where each head found in the plain letters starts, in order
        self.first_end: list[int] = []  # the first end of a head starting there or later
        self.other_scripts = False  # whether the first letter of a head without plain letters is in the paragraph
        # The plain lengths before each window's start and end (their pieces' lengths are set with the heads).
        self.window_starts = _PlainLength(text, self.origin, [0])
        self.window_ends = _PlainLength(text, self.origin, [0])

    def may_name_a_fund(self, offset: int) -> bool:
        if not self.heads_found:
            self._find_heads()
        if not self.head_starts and not self.other_scripts:
            return False  # no head in the whole paragraph (most paragraphs with a channel cue)
        end = min(len(self.text), offset + 2 * _READ_AFTER)
        low, high = self.window_starts.at(offset), self.window_ends.at(end)
        first = bisect_left(self.head_starts, low)
        if first < len(self.head_starts) and self.first_end[first] <= high:
            return True
        if not self.other_scripts:
            return False
        window = self.text[offset:end]
        if window.isascii():
            return False
        # A head without plain letters is sought in the window's lookup form, which takes a slow loop over its
        # letters: only when the head's first letter is in the window decomposed (the lookup form only drops marks).
        decomposed = _decomposed(window)
        return any(head[0] in decomposed and head in fold(window) for head in _fund_heads_without_plain_letters())

    def _find_heads(self) -> None:
        # Pieces decomposed alone give the letters of the text decomposed whole (in another order within a run of
        # accents only), and the same plain letters.
        starts = range(self.origin, self.reach, _PLAIN_STEP)
        pieces = [_decomposed(self.text[at : min(at + _PLAIN_STEP, self.reach)]) for at in starts]
        plain_pieces = [piece.encode("ascii", "ignore") for piece in pieces]
        piece_starts = list(accumulate(map(len, plain_pieces), initial=0))
        self.window_starts = _PlainLength(self.text, self.origin, piece_starts)
        self.window_ends = _PlainLength(self.text, self.origin, piece_starts)
        decomposed, plain = "".join(pieces), b"".join(plain_pieces)
        found = sorted((at, at + len(head)) for head in _fund_heads_plain() for at in _places_of(head, plain))
        self.head_starts = [start for start, _ in found]
        self.first_end = list(accumulate(reversed([end for _, end in found]), min))[::-1]
        self.other_scripts = any(head[0] in decomposed for head in _fund_heads_without_plain_letters())
        self.heads_found = True


def _places_of(needle: bytes, text: bytes) -> list[int]:
    """Where `needle` starts in `text`, overlapping places included."""
    places = []
    at = text.find(needle)
    while at >= 0:
        places.append(at)
        at = text.find(needle, at + 1)
    return places


class _PlainLength:
    """The length of a text's part from `origin` (a multiple of `_PLAIN_STEP`) up to an offset, in plain letters
    (`_plain_letters`), from the plain length before each piece of `_PLAIN_STEP` characters from there
    (`piece_starts`, as far as offsets are asked): only the part of the offset's piece before it is transformed,
    from the offset asked before when it is in that part (offsets asked in increasing order transform each piece
    once at most)."""

    def __init__(self, text: str, origin: int, piece_starts: list[int]):
        self.text = text
        self.origin = origin
        self.piece_starts = piece_starts
        self.offset = origin
        self.length = 0

    def at(self, offset: int) -> int:
        piece_start = offset - offset % _PLAIN_STEP
        if not piece_start <= self.offset <= offset:
            self.offset, self.length = piece_start, self.piece_starts[(piece_start - self.origin) // _PLAIN_STEP]
        part = self.text[self.offset : offset]
        self.length += len(part) if part.isascii() else len(_plain_letters(part))  # ASCII is its own plain form
        self.offset = offset
        return self.length


def _mentions(
    paragraph: Paragraph, cues: list[tuple[int, int, str]], lowercase: bool, budget: Budget, misuse: bool
) -> list[tuple[_Mention, str]]:
    """Every donor candidate of the paragraph with its cue family, in text order, from its `cues` (start, end,
    family); `budget`: the readings of names the page may still take; `misuse`: whether the paragraph holds a
    word of money taken (`misuse_words`, spotted: most paragraphs hold none, and need no pattern)."""
    if not cues:
        return []  # most paragraphs: no reader to build, nothing to sort
    text = paragraph.text
    reader = _Reader(text, paragraph.folded, lowercase, budget)
    misuse_spans = _misuse_spans(paragraph) if misuse else []
    naming_starts = [at for at, _, kind in cues if kind in _NAMING_FAMILIES]
    sentence_ends = _SentenceEnds(text)
    channel_ends = [end for _, end, family in cues if family == "channel"]
    funds = _FundWindows(text, min(channel_ends, default=0), max(channel_ends, default=0))
    found: list[tuple[_Mention, str]] = []
    for cue_start, cue_end, family in cues:
        if _misused(paragraph, cue_start, misuse_spans):
            continue
        phrase = text[cue_start:cue_end]
        if family == "suffixes":
            subject = _SUFFIX_SUBJECT.search(text, max(0, cue_start - _READ_BEFORE), cue_start)
            if subject:
                found.append((_Mention(subject.group(), None, subject.start(), phrase), family))
        elif family == "subject_verbs":
            subject = _subject_paying(reader, cue_start, cue_end, naming_starts, sentence_ends)
            if subject is not None:
                found.append((_Mention(subject[0], None, subject[1], phrase), family))
        elif family == "closing":
            for name, acronym, start in _agents_before(reader, cue_start):
                found.append((_Mention(name, acronym, start, phrase), family))
        elif family != "channel" or funds.may_name_a_fund(cue_end):
            for name, acronym, start in reader.names_after(cue_end):
                found.append((_Mention(name, acronym, start, phrase), family))
    found.sort(key=lambda item: item[0].offset)
    return found


class _SentenceEnds:
    """Where the sentence of an offset ends (its next ". "), asked for offsets in text order: the paragraph is
    searched once, not again to its end from each money verb (a paragraph of them took time in its square)."""

    def __init__(self, text: str):
        self.text = text
        self.searched_from = 0
        self.found = text.find(". ")

    def after(self, offset: int) -> int:
        """The first ". " at `offset` or after it, -1 when none."""
        if offset < self.searched_from or 0 <= self.found < offset:
            self.searched_from, self.found = offset, self.text.find(". ", offset)
        return self.found


def _subject_paying(
    reader: _Reader, cue_start: int, cue_end: int, naming_starts: list[int], sentence_ends: _SentenceEnds
) -> tuple[str, int] | None:
    """The subject of the money verb at `cue_start` ("Japan has pledged EUR 4 million") and its start, when an
    amount follows the verb in its sentence and no naming cue (`naming_starts`: where the paragraph's start)
    comes later in the sentence to name the donor itself; else None."""
    end = sentence_ends.after(cue_end)
    sentence_end = len(reader.text) if end < 0 else end
    later = bisect_right(naming_starts, cue_end)
    if later < len(naming_starts) and naming_starts[later] < sentence_end:
        return None
    if not reader.budget.take():
        return None
    if _money().search(reader.text, cue_end, min(sentence_end, cue_end + _MONEY_REACH)) is None:
        return None
    return reader.name_before(cue_start)


@lru_cache(maxsize=None)
def _last_agent_preposition() -> regex.Pattern:
    """The last agent preposition of a folded text ("von", "vom", "durch"), searched backwards."""
    prepositions = lexicon.alternation(lexicon.merged("funding", "agent_prepositions"))
    return compile_regex(rf"(?<!\w)(?:{prepositions})(?!\w)", regex.REVERSE)


def _agents_before(reader: _Reader, cue_start: int) -> list[tuple[str, str | None, int]]:
    """The donors named between the sentence's last agent preposition and a closing participle at `cue_start`
    ("von der EU und dem Land Berlin gefördert", "von der Europäischen Union (EU) finanziert"); none when other
    words come between the names, with the last one's "(ACR)", and the verb."""
    start = sentence_start(reader.text, cue_start, _READ_BEFORE)
    preposition = _last_agent_preposition().search(reader.folded, start, cue_start)
    if preposition is None:
        return []
    names = reader.names_after(preposition.end())
    if not names:
        return []
    last_name, _, last_start = names[-1]
    _, end = acronym_after(reader.text, last_start + len(last_name))
    return [] if reader.text[end:cue_start].strip() else names


@lru_cache(maxsize=None)
def _misuse() -> re.Pattern:
    """Words of money taken, not given ("embezzled", "détourné"), as whole words in folded text: one factored
    pattern."""
    return compile_re(rf"(?<!\w)(?:{lexicon.trie_regex(misuse_words())})(?!\w)")


def _misuse_spans(paragraph: Paragraph) -> list[tuple[int, int]]:
    """The spans of the paragraph's words of money taken, found once for all its cues (a search before each cue
    would read the same text again where cues follow each other closely)."""
    return [word.span() for word in _misuse().finditer(paragraph.folded)]


def _misused(paragraph: Paragraph, cue_start: int, misuse_spans: list[tuple[int, int]]) -> bool:
    """True when the sentence speaks of money taken before the cue: "he embezzled funds from the X Trust" or "he
    fraudulently obtained a grant from Y" names a victim, not a donor. A capitalised word is part of a name
    ("the Auto Theft Unit is funded by ..."), not money taken. `misuse_spans`: see `_misuse_spans`. (The
    reading window is looked at first: most cues have no such word before them, and need no sentence start.)"""
    low = max(0, cue_start - _READ_BEFORE)
    starts = []
    for start, end in islice(misuse_spans, bisect_left(misuse_spans, (low, 0)), None):
        if start >= cue_start:
            break
        if end <= cue_start:
            starts.append(start)
    if not starts:
        return False
    sentence = sentence_start(paragraph.text, cue_start, _READ_BEFORE)
    return any(start >= sentence and not paragraph.text[start].isupper() for start in starts)


def _fits(name: str, family: str) -> bool:
    """Whether the name suits its cue family: a donor-like name (a government, a fund, a country, a known donor)
    after a support cue or before a money verb, a fund after a channel cue; never a bare head word ("Government",
    "Fund")."""
    vocabulary = _vocabulary()
    words_read = (key(t.group()) for t in TOKEN.finditer(name) if t.group()[:1].isalnum())
    if family not in ("channel", "support", "subject_verbs"):
        # Any name but a bare head: its words are read up to the first that is no head (most names: the first).
        return not all(w in vocabulary["bare"] for w in words_read)
    name_words = list(words_read)
    if all(w in vocabulary["bare"] for w in name_words):
        return False
    if family == "channel":
        return any(w in vocabulary["fund_heads"] for w in name_words)
    if family in ("support", "subject_verbs"):  # "Judge Smith awarded $2 million": a person paying is no donor
        return (
            any(w in vocabulary["donor_heads"] or w in vocabulary["lowercase_heads"] for w in name_words)
            or key(name) in _known_donors()
            or country_code(name) is not None
        )
    return True


def _issuer_keys(page: Page, body: list[Paragraph]) -> set[str]:
    """Lookup forms of the issuing organisation: contact offices ("OIM Libye" -> "OIM"), e-mail domains
    ("iom.int" -> "IOM"), a dateline "(IOM)", an acronym opening the headline ("L'OIM aide ...")."""
    names: list[str] = []
    for contact in page.record.contacts:
        if contact.organization:
            names.append(contact.organization)
            names.append(contact.organization.split()[0])
        names += [email.partition("@")[2].split(".")[0] for email in contact.emails]
    if body and body[0].text.find("(", 0, _DATELINE_REACH + 1) >= 0:  # a plain search spares most pages the pattern
        dateline = _DATELINE_ISSUER.match(body[0].text)
        names += [dateline.group(1)] if dateline else []
    if page.record.headline:
        words_ = [t.group() for t in islice(TOKEN.finditer(page.record.headline), 2)]
        names += [w for w in words_ if is_acronym(w)][:1]
    return {_identity(n) for n in names if n}


def _identity(name: str) -> str:
    """One lookup form per donor: its alias group when the table knows it, else the name itself."""
    folded = key(name)
    return _aliases().get(folded, folded)


def _project_keys(page: Page) -> set[str]:
    """Lookup forms of the page's project names and acronyms."""
    found = set()
    for project in page.record.projects:
        found.add(key(project.name))
        if project.acronym:
            found.add(key(project.acronym))
    return found


def find_funders(page: Page) -> None:
    """Reads the body paragraphs, `record.projects`, `record.contacts`, `record.headline` and
    `record.language`; sets `record.funders` (order of first appearance, one entry per donor)."""
    body = paragraphs(page)
    lowercase = bool(lexicon.section(page.record.language or "", "funding").get("lowercase_words", False))
    excluded = _issuer_keys(page, body) | _project_keys(page)
    on_page: dict[str, str] = {}  # acronym defined on the page ("Name (ACR)") -> the donor identity of Name
    seen: set[str] = set()
    funders: list[tuple[str, int, str]] = []  # name, line, cue
    spotted = spots(page)
    cues = funding_cues().find(spotted.joined, spotted.found["funding"])
    budget = Budget(_MAX_NAME_READINGS)
    misuse = {spotted.joined.locate(start)[0] for start, _ in spotted.found["misuse"]}
    project_acronyms = ProjectAcronyms(body)
    for index in spotted.headline_first():
        paragraph = spotted.texts[index]
        for mention, family in _mentions(paragraph, cues[index], lowercase, budget, index in misuse):
            identity = on_page.get(key(mention.name)) or _identity(mention.name)
            if identity in seen and not mention.acronym:
                continue  # a donor named again: nothing more to learn from it (its name's tests are spared)
            if identity in excluded or key(mention.name) in excluded or not _fits(mention.name, family):
                continue
            if is_acronym(mention.name) and project_acronyms.called_a_project(mention.name):
                continue  # "financée par START" where the page speaks of "le projet START"
            if mention.acronym:
                on_page[key(mention.acronym)] = identity
            if identity not in seen:
                seen.add(identity)
                funders.append((mention.name, paragraph.line_at(mention.offset), mention.cue))
    funders = _without_bare_countries(funders)
    for name, line, cue in funders:
        page.note("funders", name, line, cue)
    page.record.funders = [Funder(name) for name, _, _ in funders]


def _without_bare_countries(funders: list[tuple[str, int, str]]) -> list[tuple[str, int, str]]:
    """The funders but a country named alone where another funder is that country's government or ministry
    ("Japon" in the headline, "gouvernement du Japon" in the body): one donor, the fuller name kept."""
    if len(funders) < 2:
        return funders
    codes = [country_code(name) for name, _, _ in funders]
    if all(code is None for code in codes):
        return funders  # no country named alone (most pages): the countries inside the names need not be read
    governed = {code for (name, _, _), own in zip(funders, codes) if own is None for _, code in countries_in(name)}
    return [funder for funder, own in zip(funders, codes) if own not in governed]

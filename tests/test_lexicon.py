"""Lexicon helpers that turn phrase lists into patterns."""

from __future__ import annotations

import re
from collections import Counter

from pressparse.steps import lexicon
from pressparse.steps.lexicon import alternation, languages, trie_regex


def test_a_trie_regex_matches_exactly_its_phrases():
    phrases = ["financé par", "financée par", "financés", "fonds", "fonds de", "a.b", ""]
    pattern = re.compile(f"(?:{trie_regex(phrases)})")
    for phrase in phrases:
        assert pattern.fullmatch(phrase)
    for other in ["financé", "fond", "fonds d", "axb", "financés par"]:
        assert not pattern.fullmatch(other)


def test_a_trie_regex_factors_common_prefixes_in_character_order():
    assert trie_regex(["ab", "a", "abc", "b", "ba"]) == "(?:a(?:b(?:c)?)?|b(?:a)?)"
    assert trie_regex(["fonds", "fonds de", "dons"]) == r"(?:dons|fonds(?:\ de)?)"
    assert trie_regex(["b", "a"]) == trie_regex(["a", "b", "a"])
    assert trie_regex([]) == "(?!)"


def test_an_alternation_puts_longer_phrases_first_and_is_the_same_in_every_process():
    assert alternation(["dons", "fonds de", "aide", "fonds"]) == r"fonds\s+de|fonds|aide|dons"
    pattern = re.compile(alternation(["contact", "contact presse"]))
    assert pattern.match("contact  presse")[0] == "contact  presse"



def _string_lists(node, path=""):
    """(path, list) of every list of strings in a lexicon file's data."""
    if isinstance(node, list) and all(isinstance(item, str) for item in node):
        yield path, node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _string_lists(value, f"{path}.{key}")


def test_no_lexicon_list_repeats_an_entry():
    repeated = [
        (language, path, entry)
        for language in languages()
        for path, entries in _string_lists(lexicon._all()[language])
        for entry, count in Counter(entries).items()
        if count > 1
    ]
    assert repeated == []

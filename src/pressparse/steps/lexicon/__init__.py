"""Language cues as data: one JSON file per language in this folder (fr.json, en.json, ...).

Each file has one section per pipeline step ("stopwords", "boilerplate", "headline", "contacts", "funding",
"projects", "dates"). Adding a language means adding a file; no code changes. Everything is loaded once per process.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from functools import lru_cache
from pathlib import Path
from typing import Any

import regex


# The data files sit beside this module (read as files: importlib.resources and the zipfile module it loads
# cost 3 ms of every start-up, for archives pressparse is never installed in).
_FOLDER = Path(__file__).parent


@lru_cache(maxsize=None)
def _all() -> dict[str, dict]:
    data = {}
    for entry in sorted(_FOLDER.glob("*.json")):
        data[entry.stem] = json.loads(entry.read_text(encoding="utf-8"))
    return data


def shared(name: str) -> Any:
    """A data file of the `shared` folder (data that belongs to no language, such as donor aliases)."""
    return json.loads((_FOLDER / "shared" / name).read_text(encoding="utf-8"))


def languages() -> tuple[str, ...]:
    """The ISO 639-1 codes that have a lexicon file."""
    return tuple(_all())


def section(language: str, name: str) -> Any:
    """One language's section (a dict or a list, as its file has it), empty when the language or section is
    missing."""
    return _all().get(language, {}).get(name, {})


@lru_cache(maxsize=None)
def merged(name: str, key: str) -> tuple[str, ...]:
    """`section[key]` of every language, concatenated, duplicates dropped (cues are matched in any language)."""
    seen: dict[str, None] = {}
    for data in _all().values():
        for item in data.get(name, {}).get(key, ()):
            seen.setdefault(item, None)
    return tuple(seen)


def alternation(phrases) -> str:
    """A regex alternation of literal phrases, longest first, spaces matching any run of spaces. The order is
    the same in every process (phrases of one length alphabetically), so a pattern's text is too."""
    return _built_text(phrases, _alternation)


def _alternation(unique: tuple[str, ...]) -> str:
    ordered = sorted(unique, key=lambda phrase: (-len(phrase), phrase))
    return "|".join(regex.escape(p).replace(r"\ ", r"\s+") for p in ordered)


def grouped_alternation(phrases) -> str:
    """`alternation` of `phrases` (longest first), grouped by first letter in any case, for a
    case-insensitive pattern: "c(?:ontact|all)|p(?:ress|our)". Ungrouped, re tries every phrase in turn at each
    word start of a search (a cue-dense page spent a fifth of its time in these tries); grouped, one letter per
    group, then its own group's phrases. The match is the same: a group keeps its phrases' order, and no letter
    of a text matches the first letters of two groups (test_contacts checks it of the lexicon's lists: re also
    folds "ı" onto "i", "ſ" onto "s")."""
    groups: dict[str, list[str]] = {}
    for phrase in phrases:
        groups.setdefault(phrase[:1].lower(), []).append(phrase)
    return "|".join(
        alternation([group[0][:1]]) + f"(?:{alternation([p[1:] for p in group])})"
        for _, group in sorted(groups.items())
    )


def trie_regex(phrases) -> str:
    """Literal phrases as one regex factored on common prefixes: a pattern tries each character once instead of
    every phrase in turn (the cue lists are long, the search runs on every paragraph). Branches follow the
    characters' order, so the same phrases always give the same pattern."""
    return _built_text(phrases, _trie_regex)


def _trie_regex(unique: tuple[str, ...]) -> str:
    """`trie_regex` of distinct phrases in sorted order."""

    def build(lo: int, hi: int, depth: int) -> str:
        # unique[lo:hi] share their first `depth` characters; each run of them sharing the next one is a branch.
        ends_here = len(unique[lo]) == depth
        start = lo + 1 if ends_here else lo
        branches = []
        while start < hi:
            head = unique[start][: depth + 1]
            end = bisect_left(unique, True, start + 1, hi, key=lambda phrase: not phrase.startswith(head))
            if end - start == 1:  # one phrase from here on: the rest of it as it is
                branches.append(re.escape(unique[start][depth:]))
            else:
                branches.append(re.escape(head[-1]) + build(start, end, depth + 1))
            start = end
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends_here else body

    return (build(0, len(unique), 0) if unique else "") or "(?!)"


def _built_text(phrases, build) -> str:
    """`build` of the sorted distinct phrases, kept on disk with the compiled patterns: building the texts of
    the pipeline's patterns took a tenth of a one-page run."""
    from ..patterncache import built_text  # here: the pattern cache reads the data cache, which reads the lexicon

    return built_text(phrases, build)


@lru_cache(maxsize=None)
def merged_list(name: str) -> tuple[str, ...]:
    """A list-valued section (such as "stopwords") of every language, concatenated, duplicates dropped."""
    seen: dict[str, None] = {}
    for data in _all().values():
        for item in data.get(name, ()):
            seen.setdefault(item, None)
    return tuple(seen)

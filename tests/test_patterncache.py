"""Compiled patterns kept on disk: a pattern rebuilt from the cache matches exactly as a freshly compiled one, a
later process reads instead of compiling, and a damaged or unwritable cache only costs the compile."""

from __future__ import annotations

import re
import sys
import threading
import time

import pytest
import regex

from pressparse.steps import patterncache

RE_PATTERNS = [
    (r"(?<!\w)(?:pour\s+plus\s+d'informations|contact(?:s)?\s+presse)(?!\w)", re.IGNORECASE),
    (r"^(?P<label>t[ée]l|fax|e-?mail)\s*[.:]?\s*(?P<value>.+)$", 0),
    (r"(?i)\b(?:ÉTÉ|été)\b|(\d{1,2})[/.](\d{1,2})", 0),
    (r"[^a-z0-9_](?=(dons?|financ(?:é|e)s?))(?<=\W)", 0),
]
REGEX_PATTERNS = [
    (r"^(?:\p{Ll}{1,2}['’])?\p{Lu}[\p{L}\p{M}'’.-]*$", 0),
    (r"(?i:(?<!\w)(?:programme|projet))\s*[:,]?\s*$", regex.REVERSE),
    (r"(?<!\d)(?P<day>\d{1,2}) (?P<month>mai|juin) (?P<year>\d{4})", regex.IGNORECASE),
]
TEXTS = [
    "Pour plus d'informations, veuillez contacter : Ana Ruiz",
    "Tél. : +218 92 740 5371",
    "L'été 2016, le 5 mai 2016, le 12/06/2018",
    "le Programme : ",
    "Ana de la Cruz, dons financés par l'UE",
    "CONTACTS PRESSE",
]


@pytest.fixture
def fresh_process(tmp_path, monkeypatch):
    """The module as a new process finds it, with its cache in `tmp_path`."""
    monkeypatch.setenv("PRESSPARSE_CACHE_DIR", str(tmp_path))

    def restart():
        monkeypatch.setattr(patterncache, "_saved", None)
        monkeypatch.setattr(patterncache, "_new", {})

    restart()
    return restart


def _behaviour(pattern, text):
    return [(m.span(), m.groups(), m.groupdict()) for m in pattern.finditer(text)]


def test_cached_patterns_match_as_freshly_compiled_ones(fresh_process):
    for compile_cached, compile_plain, patterns in (
        (patterncache.compile_re, re.compile, RE_PATTERNS),
        (patterncache.compile_regex, regex.compile, REGEX_PATTERNS),
    ):
        compiled_now = [compile_cached(source, flags) for source, flags in patterns]
        patterncache.save()
        fresh_process()
        from_cache = [compile_cached(source, flags) for source, flags in patterns]
        assert patterncache._new == {}  # all read back, none compiled again
        for (source, flags), now, cached in zip(patterns, compiled_now, from_cache):
            plain = compile_plain(source, flags)
            assert (cached.pattern, cached.flags, cached.groups, cached.groupindex) == (
                plain.pattern, plain.flags, plain.groups, plain.groupindex)
            for text in TEXTS:
                assert _behaviour(cached, text) == _behaviour(now, text) == _behaviour(plain, text)


def test_the_same_text_with_other_flags_is_another_pattern(fresh_process):
    sensitive = patterncache.compile_re("contact")
    insensitive = patterncache.compile_re("contact", re.IGNORECASE)
    assert sensitive.search("CONTACT") is None
    assert insensitive.search("CONTACT") is not None


def test_a_damaged_cache_means_compiling_again(fresh_process, tmp_path):
    patterncache.compile_re(r"\d+")
    patterncache.save()
    (saved,) = tmp_path.glob("patterns-*.marshal")
    saved.write_bytes(b"\x00damaged")
    fresh_process()
    assert patterncache.compile_re(r"\d+").findall("a 12 b 3") == ["12", "3"]
    assert list(patterncache._new) == [("re", r"\d+", 0)]


def test_a_cache_that_cannot_be_written_is_ignored(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("PRESSPARSE_CACHE_DIR", str(blocker / "cache"))
    monkeypatch.setattr(patterncache, "_saved", None)
    monkeypatch.setattr(patterncache, "_new", {})
    assert patterncache.compile_regex(r"\p{Lu}+").findall("OIM Libye") == ["OIM", "L"]
    patterncache.save()
    assert patterncache.compile_regex(r"\p{Lu}+").findall("UNHCR") == ["UNHCR"]


BUILT: list[str] = []  # what the builders below were called for


def _trie(unique):
    from pressparse.steps.lexicon import _trie_regex

    BUILT.append("trie")
    return _trie_regex(unique)


def _alternation(unique):
    from pressparse.steps.lexicon import _alternation

    BUILT.append("alternation")
    return _alternation(unique)


def test_a_pattern_text_is_built_once_then_read_back_by_later_processes(fresh_process):
    phrases = ["fonds de", "dons", "aide", "fonds", "dons"]
    trie, alternation = _trie, _alternation
    BUILT.clear()
    assert patterncache.built_text(phrases, trie) == r"(?:aide|dons|fonds(?:\ de)?)"
    assert patterncache.built_text(iter(phrases), alternation) == r"fonds\s+de|fonds|aide|dons"
    patterncache.save()
    fresh_process()
    # A set of the same phrases (in whatever order this process's hashing gives) is the same entry.
    assert patterncache.built_text(set(phrases), trie) == r"(?:aide|dons|fonds(?:\ de)?)"
    assert patterncache.built_text(reversed(phrases), alternation) == r"fonds\s+de|fonds|aide|dons"
    assert BUILT == ["trie", "alternation"]
    assert patterncache._new == {}


def test_a_pattern_text_is_built_again_once_the_code_that_builds_it_changed(fresh_process, tmp_path):
    source = tmp_path / "builder.py"

    def builder(body: str):
        source.write_text(f"def build(unique):\n    return {body}\n")
        namespace: dict = {}
        exec(compile(source.read_text(), str(source), "exec"), namespace)
        return namespace["build"]

    old = builder("'|'.join(unique)")
    assert patterncache.built_text(["b", "a"], old) == "a|b"
    patterncache.save()
    fresh_process()
    assert patterncache.built_text(["b", "a"], builder("'/'.join(unique)")) == "a/b"


def test_a_builder_without_python_source_builds_every_time(fresh_process):
    assert patterncache.built_text(["b", "a", "b"], "|".join) == "a|b"  # a built-in method: nothing to key it by
    assert patterncache._new == {}


def test_a_library_imported_through_the_cache_compiles_its_patterns_once(fresh_process, tmp_path, monkeypatch):
    (tmp_path / "library_probe.py").write_text(
        "import re\n"
        "DIGITS = re.compile(r'\\d+', re.UNICODE)\n"
        "BYTES = re.compile(rb'\\x00+')\n"
        "def later():\n"
        "    return re.compile('later')\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    plain = re.compile
    library = patterncache.import_library("library_probe")
    assert re.compile is plain  # only the import went through the cache
    assert library.DIGITS.findall("a 12 b ٣٤") == ["12", "٣٤"]
    assert library.BYTES.search(b"a\x00\x00b").span() == (1, 3)
    assert list(patterncache._new) == [("re", r"\d+", re.UNICODE)]
    assert patterncache.import_library("library_probe") is library
    patterncache.save()
    fresh_process()
    monkeypatch.delitem(sys.modules, "library_probe")
    monkeypatch.setattr(patterncache, "_imported", set())
    again = patterncache.import_library("library_probe")
    assert again is not library and again.DIGITS.findall("7 x 89") == ["7", "89"]
    assert patterncache._new == {}  # read back, not compiled
    again.later()
    assert patterncache._new == {}  # a compile after the import is the library's own


def test_threads_importing_a_library_at_once_each_get_it_whole(fresh_process, tmp_path, monkeypatch):
    (tmp_path / "slow_probe.py").write_text(
        "import re, time\n"
        "FIRST = re.compile('first')\n"
        "time.sleep(0.2)\n"
        "LAST = re.compile('last')\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(patterncache, "_imported", set())
    plain = re.compile
    got = []

    def take():
        got.append(hasattr(patterncache.import_library("slow_probe"), "LAST"))

    threads = [threading.Thread(target=take) for _ in range(2)]
    threads[0].start()
    time.sleep(0.05)  # the first thread is inside the import
    threads[1].start()
    for thread in threads:
        thread.join()
    assert got == [True, True]
    assert re.compile is plain
    monkeypatch.delitem(sys.modules, "slow_probe")

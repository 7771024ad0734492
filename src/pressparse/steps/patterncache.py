"""Compiled regular expressions kept on disk between runs.

The pipeline's patterns are long alternations built from the lexicon; compiling them took about 0.1 s of every
process, more than half of a short run. `compile_re` and `compile_regex` give the same pattern objects as
`re.compile` and `regex.compile`, built from the compiled form that an earlier process of the same pressparse,
Python and `regex` saved (`save` writes what this process had to compile). Entries are keyed by the pattern's
text and flags, so a changed lexicon only adds entries. The file lives in the data cache (see `datacache`) and
is ignored when it cannot be read or written.

The pattern texts themselves are kept too (`built_text`): building them from the lexicon's phrase lists (a trie,
an escaped alternation) took another tenth of a one-page run. Those entries are keyed by the phrases, the
function that builds the text and its source file.

Rebuilding a `regex` pattern uses its pickle data; rebuilding an `re` pattern uses the stdlib's compiler steps
(`re._parser`, `re._compiler`, `_sre`). Where those are missing (another Python), patterns are compiled as
usual.
"""

from __future__ import annotations

import atexit
import importlib
import re
import sys
import threading
from types import ModuleType
from typing import Any, Callable, Iterable

import regex
from regex import _regex

from .. import __version__
from . import datacache
from .datacache import blake2b

try:
    import _sre
    from re import _compiler, _parser  # type: ignore[attr-defined]  # private: typeshed leaves them out
except ImportError:  # Python 3.10 names them sre_compile and sre_parse; compile as usual there
    _sre = None

# Above this many entries (patterns of many lexicon versions), the file starts over with the patterns this
# process compiled; the next runs add back the others they use.
MAX_ENTRIES = 2000

_STAMP = f"pressparse {__version__}|{sys.version}|sre {getattr(_sre, 'MAGIC', None)}|regex {regex.__version__}"
# Keys: ("re" or "regex", pattern, flags) for compiled patterns, ("text", builder, phrases) for
# pattern texts (see `_builder`).
_saved: dict[tuple, Any] | None = None
_new: dict[tuple, Any] = {}
_builders: dict[Callable, str | None] = {}
_imported: set[str] = set()  # libraries imported through `import_library`
_importing = threading.Lock()


def compile_re(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, from the cache when it holds the pattern."""
    global _sre
    if _sre is not None:
        key = ("re", pattern, int(flags))
        parts = _lookup(key)
        if parts is None:
            parts = _new[key] = _re_parts(pattern, int(flags))
        try:
            return _sre.compile(pattern, *parts)
        except TypeError:  # a Python whose compiler hands other arguments: compile as usual from now on
            _new.pop(key, None)
            _sre = None
    return re.compile(pattern, flags)


def compile_regex(pattern: str, flags: int = 0) -> Any:
    """`regex.compile(pattern, flags)`, from the cache when it holds the pattern."""
    key = ("regex", pattern, int(flags))
    data = _lookup(key)
    if data is None:
        data = _new[key] = regex.compile(pattern, flags)._pickled_data
    return _regex.compile(*data)


def built_text(phrases: Iterable[str], build: Callable[[tuple[str, ...]], str]) -> str:
    """`build(unique)`, `unique` being the distinct `phrases` sorted (the same tuple in every process, whatever
    order a set gives them), from the cache when an earlier process built it with the same code."""
    unique = tuple(sorted(set(phrases)))
    builder = _builder(build)
    if builder is None:
        return build(unique)
    key = ("text", builder, unique)
    text = _lookup(key)
    if text is None:
        text = _new[key] = build(unique)
    return text


def _builder(build: Callable) -> str | None:
    """What names `build` in the cache: its qualified name and a digest of the source file that defines it
    (None when that file cannot be read). A text depends on the code that builds it as much as on the phrases:
    an edit to that code (without a new version number, as during development) must not bring back texts the
    old code built."""
    if build not in _builders:
        try:
            with open(build.__code__.co_filename, "rb") as source:
                digest = blake2b(source.read(), digest_size=8).hexdigest()
            _builders[build] = f"{build.__module__}.{build.__qualname__} {digest}"
        except (AttributeError, OSError):
            _builders[build] = None
    return _builders[build]


def import_library(name: str) -> ModuleType:
    """`import name` for a library that compiles many `re` patterns as its modules load (phonenumbers: about
    thirty, two thirds of its import), with `re.compile` answered from this cache meanwhile. Patching the
    library is not ours to do; pointing `re.compile` here for the length of its import, in this one place, is
    the least intrusive way to spare every process those compiles. Later calls go to `re.compile` as usual."""
    if name not in _imported:
        # One import at a time, each putting back the `re.compile` it found; a thread asking meanwhile waits for
        # the whole module rather than taking it half initialised from sys.modules.
        with _importing:
            if name not in _imported:
                _import_compiling_from_cache(name)
                _imported.add(name)
    return sys.modules[name]


def _import_compiling_from_cache(name: str) -> None:
    plain = re.compile

    def compile_cached(pattern, flags=0):
        return compile_re(pattern, flags) if isinstance(pattern, str) else plain(pattern, flags)

    re.compile = compile_cached  # type: ignore[assignment]
    try:
        importlib.import_module(name)
    finally:
        re.compile = plain


def save() -> None:
    """Add the patterns compiled and the texts built by this process to the file (nothing to do when there are
    none)."""
    global _saved
    if not _new:
        return
    saved = _saved or {}
    entries = {**saved, **_new} if len(saved) + len(_new) <= MAX_ENTRIES else dict(_new)
    datacache.write("patterns", _STAMP, entries)
    _saved = entries
    _new.clear()


def _lookup(key: tuple) -> Any:
    global _saved
    if _saved is None:
        _saved = datacache.read("patterns", _STAMP) or {}
        atexit.register(save)  # a batch run saves after each chunk; a library user's process at its end
    found = _saved.get(key)
    return found if found is not None else _new.get(key)


def _re_parts(pattern: str, flags: int) -> tuple:
    """What `re._compiler.compile` hands to `_sre.compile` after the pattern itself (the slow part is here)."""
    parsed = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]  # opcodes are int subclasses: plain ints marshal
    groupindex = parsed.state.groupdict
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return flags | parsed.state.flags, code, parsed.state.groups - 1, dict(groupindex), tuple(indexgroup)

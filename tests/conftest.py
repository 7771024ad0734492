from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SEED_000 = SAMPLES / "000_7dd94e58b0fe5d00.txt"
SEED_003 = SAMPLES / "003_3024b0e76eff2ed7.txt"


@pytest.fixture(scope="session", autouse=True)
def private_data_cache(tmp_path_factory):
    """The tests (and the commands they run) build their own data cache instead of reading the user's."""
    os.environ["PRESSPARSE_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))


def run_cli(*args: str, stdin: bytes | None = None, cwd: Path = ROOT, timeout: float = 120) -> subprocess.CompletedProcess:
    """Run the real `pressparse` command in a subprocess (as a user would), capturing bytes."""
    env = dict(os.environ, PYTHONIOENCODING="utf-8", COLUMNS="100")
    return subprocess.run(
        [sys.executable, "-m", "pressparse", *args],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        env=env,
        timeout=timeout,
    )


@pytest.fixture
def seed_000_text() -> str:
    return SEED_000.read_text(encoding="utf-8")


@pytest.fixture
def seed_003_text() -> str:
    return SEED_003.read_text(encoding="utf-8")


# Tests that count the work of a step replace a module's pattern or class with a counting one, which only the
# plain-Python modules look up at run time (a compiled module calls what it was compiled with).
plain_python_only = pytest.mark.skipif(
    __import__("pressparse").build() == "compiled", reason="counts calls into the plain-Python modules"
)


class CountingPattern:
    """A compiled pattern that adds up the characters each search or match is given to read (from `pos` to
    `endpos`), and the matches its scans yield: the work a step asks of it, whatever the machine's speed."""

    def __init__(self, pattern):
        self.pattern = pattern
        self.read = 0
        self.calls = 0
        self.found = 0

    def _count(self, text: str, pos: int, endpos: int | None) -> int:
        end = len(text) if endpos is None else min(endpos, len(text))
        self.read += max(0, end - pos)
        self.calls += 1
        return end

    def search(self, text, pos=0, endpos=None):
        return self.pattern.search(text, pos, self._count(text, pos, endpos))

    def match(self, text, pos=0, endpos=None):
        return self.pattern.match(text, pos, self._count(text, pos, endpos))

    def fullmatch(self, text, pos=0, endpos=None):
        return self.pattern.fullmatch(text, pos, self._count(text, pos, endpos))

    def finditer(self, text, pos=0, endpos=None):
        return self._counted(self.pattern.finditer(text, pos, self._count(text, pos, endpos)))

    def _counted(self, matches):
        for match in matches:
            self.found += 1
            yield match

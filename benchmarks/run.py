"""Benchmark pressparse as a user runs it: whole processes, start-up included.

Builds a corpus of unique, seed-like pages from `samples/*.txt` (or the files --samples names; deterministic
for a given --seed), then times
`pressparse extract --format jsonl --quiet --jobs N DIR > out.jsonl` for each --jobs value, the same pages
through trafilatura, and a bare regex scan (read every page, find e-mail addresses), each in a fresh process.
Prints a Markdown table: pages/s, peak memory, the ratios the project targets, and the machine.

    python benchmarks/run.py                         # 2,000 pages, --jobs 1 and 2, trafilatura, regex scan
    python benchmarks/run.py --memory                # 20,000 pages: peak memory only
    python benchmarks/run.py --profile               # also cProfile one single-process run
    python benchmarks/run.py --samples '00[03]_*'    # a corpus made from the two seed pages only

Standard library only, besides trafilatura (optional; `pip install -e '.[bench]'`). Linux or macOS (os.wait4).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing
import os
import platform
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
CORPUS = ROOT / "benchmarks" / "corpus"
# Bump when the page generator changes, so that a kept corpus is not reused by mistake.
GENERATOR_VERSION = 1

# Targets of issue 6.
TARGET_PAGES_PER_S = 1000
TARGET_VS_TRAFILATURA = 5.0
TARGET_JOBS_SPEEDUP = 1.7
TARGET_VS_REGEX = 0.4
TARGET_MEMORY_MB = 200

# ---------------------------------------------------------------------------------------------------------
# Corpus: every page is one sample made different (names, numbers, words, paragraph order, menu, wrapping).
# ---------------------------------------------------------------------------------------------------------

PAGE_BYTES = 4096  # mean page size aimed at
PROSE_CHARS = 120  # a body paragraph shorter than this (contact line, caption) is left in place
# Fictional people for contact blocks; several languages so that pages stay plausible.
FIRST_NAMES = (
    "Amara Bruno Carmen Dario Elif Fatou Greta Hugo Ines Jonas Karim Lucia Marek Nadia Omar Paola Quentin "
    "Rania Sven Tomas Ulla Vera Wanjiru Yusuf Zofia Anouk Baptiste Chiara Dmitri Esther"
).split()
LAST_NAMES = (
    "Abadi Berger Castillo Diallo Eriksen Ferreira Gashi Haddad Ivanova Jansen Kamau Lindqvist Moreau Novak "
    "Okafor Petit Quiroga Rossi Santos Tanaka Urquhart Villeneuve Weber Yilmaz Zanetti Brunner Mensah Ortiz"
).split()

_NUMBER = re.compile(r"\+ ?\d+|\d+")
_EMAIL_LOCAL = re.compile(r"[\w.%+-]+(?=@[\w-]+\.)")
_WORD = re.compile(r"\b[^\W\d_]{4,}\b")
_LOWER_WORD = re.compile(r"\b[a-zà-ÿ]{4,}\b")
_CHUNK = re.compile(r".{1,60}\S*")
# A sentence ends at . ! or ? before a space and a capital (a quote or bracket may come first).
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[«“\"(]?[A-ZÀ-ÖØ-Þ])")


@dataclass
class Seed:
    """One sample split into the parts the generator varies differently."""

    name: str
    newline: str
    menu: list[str]  # lines before the headline
    headline: str
    lead: list[str]  # lines between the headline and the first body paragraph (date lines, labels)
    sentences: list[str]  # the body's sentences in order; the first holds the dateline
    extras: list[str]  # short lines between body paragraphs (captions, subheadings)
    trailer: list[str]  # after the last body paragraph: contacts, share lines, footer
    words: list[str] = field(default_factory=list)  # lower-case words of the body, to swap in


def load_seeds(samples: list[Path]) -> list[Seed]:
    """Split every sample with pressparse's own analysis (headline, body paragraphs)."""
    from pressparse.readers.text import Input, InputError, read_text
    from pressparse.pipeline import analyse

    seeds = []
    for path in samples:
        try:
            text = read_text(Input(str(path), path))
        except InputError:
            continue
        seeds.append(_split(path.name, text, analyse(text, path.name)))
    return seeds


def _split(name: str, text: str, page) -> Seed:
    """The sample's decoded `text` cut into Seed parts along the analysed `page` (pressparse.steps.page.Page); a
    sample without a release (or whose cleaning changed the line count) keeps all its lines as trailer."""
    newline = "\r\n" if "\r\n" in text else "\n"
    raw = text.replace("\r\n", "\n").split("\n")
    # Paragraph indexes are into the cleaned lines; they map onto raw lines only when cleaning kept the count.
    same_lines = len(raw) == len(page.lines)
    prose = [(a, b) for a, b in page.paragraphs if sum(len(page.lines[i].text) for i in range(a, b + 1)) >= PROSE_CHARS]
    if page.headline is None or not prose or not same_lines:
        return Seed(name, newline, [], "", [], [], [], raw)
    first, last = prose[0][0], prose[-1][1]
    prose_lines = {i for a, b in prose for i in range(a, b + 1)}
    body = " ".join(raw[i].strip() for i in sorted(prose_lines))
    return Seed(
        name=name,
        newline=newline,
        menu=raw[: page.headline],
        headline=raw[page.headline],
        lead=raw[page.headline + 1 : first],
        sentences=_SENTENCE_BREAK.split(body),
        extras=[raw[i] for i in range(first, last + 1) if i not in prose_lines],
        trailer=raw[last + 1 :],
        words=sorted(set(_LOWER_WORD.findall(body))),
    )


class PageMaker:
    """Makes one page from a seed sample; every choice comes from `rng`, so the same rng gives the same page."""

    def __init__(self, seed: Seed, rng: random.Random):
        self.seed = seed
        self.rng = rng
        self.names: dict[str, str] = {}
        self.emails: dict[str, str] = {}

    def page(self) -> str:
        s = self.seed
        if not s.sentences:  # no release found in the sample (listing, error page): vary numbers and names only
            return self._vary(s.trailer)
        menu = self._menu(s.menu)  # a site's menu stays the same site's menu: its numbers and names are kept
        headline = self._swap_word(self._swap_word(s.headline, _WORD), _WORD)  # nor may headlines recur
        release = self._vary([headline] + s.lead + self._body() + s.trailer)
        return s.newline.join(menu + [release])

    def _vary(self, lines: list[str]) -> str:
        """The lines joined, with new contact names, e-mail addresses and numbers."""
        self._learn_names()
        text = self.seed.newline.join(lines)
        for old, new in self.names.items():
            text = text.replace(old, new)
        text = _EMAIL_LOCAL.sub(self._email, text)
        return _NUMBER.sub(self._number, text)

    def _menu(self, menu: list[str]) -> list[str]:
        """The site menu, slightly different: a line dropped, one repeated, two swapped (as sites change)."""
        rng, menu = self.rng, list(menu)
        if len(menu) > 4:
            if rng.random() < 0.3:
                del menu[rng.randrange(len(menu))]
            if rng.random() < 0.3:
                at = rng.randrange(len(menu))
                menu.insert(at, menu[at])
            if rng.random() < 0.3:
                at = rng.randrange(len(menu) - 1)
                menu[at], menu[at + 1] = menu[at + 1], menu[at]
        return menu

    def _body(self) -> list[str]:
        """The sentences after the first (the dateline) shuffled, dropped or repeated towards PAGE_BYTES, grouped
        into paragraphs of one to four, then wrapped (one line a paragraph, or hard-wrapped) with words swapped.
        Body lines must not recur across pages, or pressparse would learn them as template lines."""
        s, rng = self.seed, self.rng
        first, rest = s.sentences[0], [self._cross(sentence) for sentence in s.sentences[1:]]
        rng.shuffle(rest)
        fixed = sum(len(line) + 1 for line in s.menu + [s.headline] + s.lead + s.extras + s.trailer)
        target = max(1000, int(rng.gauss(PAGE_BYTES, PAGE_BYTES / 10)) - fixed)
        size = sum(len(sentence) + 1 for sentence in [first] + rest)
        while rest and size > target + 200:
            size -= len(rest.pop(rng.randrange(len(rest)))) + 1
        while s.sentences[1:] and size < target - 200:
            sentence = rng.choice(s.sentences[1:])
            rest.insert(rng.randrange(len(rest) + 1), sentence)
            size += len(sentence) + 1
        width = rng.choice((0, 0, rng.randint(55, 90)))  # 0: one line a paragraph
        sentences = [first] + rest
        paragraphs = []
        while sentences:
            count = rng.randint(1, 4)
            paragraphs.append(self._wrap(" ".join(sentences[:count]), width))
            del sentences[:count]
        for extra in s.extras:
            paragraphs.insert(rng.randint(1, len(paragraphs)), [extra])
        return [line for paragraph in paragraphs for line in paragraph]

    def _cross(self, sentence: str) -> str:
        """Seven times in ten, the sentence's start joined to the end of another sentence of the page, cut at words."""
        other = self.rng.choice(self.seed.sentences[1:])
        if self.rng.random() < 0.3 or other == sentence:
            return sentence
        head, tail = sentence.split(" "), other.split(" ")
        cut_head = self.rng.randint(len(head) * 3 // 10, len(head) * 7 // 10)
        cut_tail = self.rng.randint(len(tail) * 3 // 10, len(tail) * 7 // 10)
        return " ".join(head[: max(cut_head, 1)] + tail[cut_tail:])

    def _swap_word(self, line: str, words: re.Pattern = _LOWER_WORD) -> str:
        """One word of the line (lower-case by default) replaced by a word of the same page (same language)."""
        spots = list(words.finditer(line))
        if not spots or not self.seed.words:
            return line
        spot = self.rng.choice(spots)
        return line[: spot.start()] + self.rng.choice(self.seed.words) + line[spot.end() :]

    def _wrap(self, text: str, width: int) -> list[str]:
        """Hard-wrapped at a width jittered line by line (0: one line), one word swapped in every ~60 characters."""
        if not width:
            return ["".join(self._swap_word(chunk) for chunk in _CHUNK.findall(text))]
        lines, current, limit = [], "", width + self.rng.randint(-6, 6)
        for word in text.split(" "):
            if current and len(current) + 1 + len(word) > limit:
                lines.append(current)
                current, limit = word, width + self.rng.randint(-6, 6)
            else:
                current = f"{current} {word}" if current else word
        return [self._swap_word(line) for line in lines + [current] if line]

    def _learn_names(self) -> None:
        """Contact names (a short line of two or three capitalised words after the body) get a new name."""
        for line in self.seed.trailer:
            words = line.split()
            if 2 <= len(words) <= 3 and all(w[0].isupper() and w[1:].islower() and w.isalpha() for w in words):
                self.names.setdefault(line.strip(), self._person())

    def _person(self) -> str:
        """A fictional name; some have two surnames, so that names rarely recur within a corpus."""
        rng = self.rng
        last = rng.choice(LAST_NAMES) + (f"-{rng.choice(LAST_NAMES)}" if rng.random() < 0.5 else "")
        return f"{rng.choice(FIRST_NAMES)} {last}"

    def _email(self, match: re.Match) -> str:
        old = match.group()
        if old not in self.emails:
            first, last = self.rng.choice(FIRST_NAMES), self.rng.choice(LAST_NAMES)
            self.emails[old] = self.rng.choice((f"{first[0]}{last}", f"{first}.{last}")).lower()
        return self.emails[old]

    def _number(self, match: re.Match) -> str:
        """A number of the same shape: years stay years, day and month numbers stay valid, country codes stay."""
        digits = match.group()
        if digits.startswith("+"):
            return digits
        value, rng = int(digits), self.rng
        if len(digits) == 4 and 1900 <= value <= 2099:
            return str(rng.randint(2000, 2024))
        if len(digits) <= 2 and value <= 12:
            return str(rng.randint(1, 12)).zfill(len(digits))
        if len(digits) <= 2 and value <= 31:
            return str(rng.randint(1, 28)).zfill(len(digits))
        return str(rng.randint(1, 9)) + "".join(str(rng.randint(0, 9)) for _ in digits[1:])


def make_corpus(directory: Path, pages: int, seed: int, samples: list[Path]) -> dict | None:
    """The corpus from these samples (see build_corpus); None when none of them is readable."""
    seeds = load_seeds(samples)
    return build_corpus(directory, pages, seed, seeds, samples) if seeds else None


def build_corpus(directory: Path, pages: int, seed: int, seeds: list[Seed], samples: list[Path]) -> dict:
    """Write `pages` unique pages to `directory` (reused when a kept corpus has the same parameters)."""
    digest = hashlib.sha256()
    for path in samples:
        digest.update(path.name.encode() + path.read_bytes())
    manifest = {"generator": GENERATOR_VERSION, "pages": pages, "seed": seed, "samples": digest.hexdigest()}
    manifest_path = directory / "manifest.json"
    if manifest_path.exists() and json.loads(manifest_path.read_text())["build"] == manifest:
        return json.loads(manifest_path.read_text())
    shutil.rmtree(directory, ignore_errors=True)
    directory.mkdir(parents=True)
    seen: set[bytes] = set()
    sizes = []
    for index in range(pages):
        for attempt in range(100):
            text = PageMaker(seeds[index % len(seeds)], random.Random(f"{seed}-{index}-{attempt}")).page()
            data = text.encode("utf-8")
            key = hashlib.blake2b(data, digest_size=16).digest()
            if key not in seen:
                break
        else:
            raise SystemExit(f"could not make page {index} different from the others")
        seen.add(key)
        sizes.append(len(data))
        (directory / f"{index:06d}.txt").write_bytes(data)
    info = {"build": manifest, "bytes": sum(sizes), "min": min(sizes), "max": max(sizes), "seeds": len(seeds)}
    manifest_path.write_text(json.dumps(info, indent=1) + "\n")
    return info


# ---------------------------------------------------------------------------------------------------------
# Measuring whole processes.
# ---------------------------------------------------------------------------------------------------------

REGEX_SCAN = r"""
import pathlib, re, sys
email = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
for path in sorted(pathlib.Path(sys.argv[1]).rglob("*.txt")):
    print(path.name, len(email.findall(path.read_text(encoding="utf-8", errors="replace"))))
"""

TRAFILATURA = r"""
import html, json, pathlib, sys
import trafilatura
as_html = sys.argv[2] == "html"
extracted = 0
for path in sorted(pathlib.Path(sys.argv[1]).rglob("*.txt")):
    text = path.read_text(encoding="utf-8", errors="replace")
    if as_html:
        text = "<html><body>" + "".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines()) + "</body></html>"
    result = trafilatura.extract(text)
    extracted += result is not None
    print(json.dumps(result, ensure_ascii=False))
print(extracted, file=sys.stderr)
"""


@dataclass
class Run:
    label: str
    pages: int
    seconds: list[float]
    rss_mb: float  # peak RSS of the largest process (the child or one of its own children)
    note: str = ""
    total_mb: float | None = None  # sampled peak of the whole process tree (proportional set size)

    @property
    def time(self) -> float:
        """The median: a figure another run on the same machine reproduces (the best is in the table too)."""
        return statistics.median(self.seconds)

    @property
    def rate(self) -> float:
        return self.pages / self.time


def measure(command: list[str], out: Path, err: Path, sample_tree: bool = False) -> tuple[float, float, float | None]:
    """Run `command` to the end; return wall seconds, peak RSS in MB (largest process, from wait4) and, when
    asked, the sampled peak PSS of the whole process tree in MB."""
    with out.open("wb") as stdout, err.open("wb") as stderr:
        started = time.perf_counter()
        child = subprocess.Popen(command, stdout=stdout, stderr=stderr)
        sampler = TreeSampler(child.pid) if sample_tree else None
        rss = _wait(child, err)
        seconds = time.perf_counter() - started
    total = sampler.stop() if sampler else None
    return seconds, rss, total


def measure_side_by_side(commands: list[list[str]], out: Path, err: Path) -> tuple[float, float, None]:
    """Start the commands together and wait for all of them: wall seconds from the first start to the last end,
    and the largest peak RSS. Two single-process runs side by side show what the machine gives two processes
    (a shared host's two cores may give less than twice one)."""
    with out.open("wb") as stdout, err.open("wb") as stderr:
        started = time.perf_counter()
        children = [subprocess.Popen(command, stdout=stdout, stderr=stderr) for command in commands]
        rss = max(_wait(child, err) for child in children)
        seconds = time.perf_counter() - started
    return seconds, rss, None


def _wait(child: subprocess.Popen, err: Path) -> float:
    """Wait for the child; its peak RSS in MB. A failed command ends the benchmark."""
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"{' '.join(map(str, child.args))} failed ({child.returncode}):\n{err.read_text(errors='replace')[-2000:]}")
    # ru_maxrss is in kilobytes on Linux, bytes on macOS.
    return usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)


class TreeSampler:
    """Sums the proportional set size of a process and its descendants every 50 ms (Linux /proc only); PSS
    counts pages shared by forked workers once, so the sum is the memory the run really holds."""

    def __init__(self, pid: int):
        self.pid, self.peak, self._stop = pid, 0, threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)
        self._thread.start()

    def _loop(self) -> None:
        while not self._stop.wait(0.05):
            self.peak = max(self.peak, sum(self._pss(pid) for pid in self._tree(self.pid)))

    def _tree(self, pid: int) -> list[int]:
        try:
            children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        except OSError:
            return [pid]
        return [pid] + [p for child in children for p in self._tree(int(child))]

    @staticmethod
    def _pss(pid: int) -> int:
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    return int(line.split()[1])
        except OSError:
            pass
        return 0

    def stop(self) -> float | None:
        self._stop.set()
        self._thread.join()
        return self.peak / 1024 if self.peak else None


def pressparse_command(jobs: int, corpus: Path) -> list[str]:
    """The console script installed next to this Python, with --jobs/--quiet when the CLI has them."""
    script = Path(sys.executable).with_name("pressparse")
    command = [str(script) if script.exists() else shutil.which("pressparse") or "pressparse", "extract"]
    helptext = subprocess.run([*command, "--help"], capture_output=True, text=True, env=dict(os.environ, COLUMNS="200")).stdout
    command += ["--format", "jsonl"]
    if "--quiet" in helptext:
        command.append("--quiet")
    if "--jobs" in helptext:
        command += ["--jobs", str(jobs)]
    return command + [str(corpus)]


def run_rounds(entries: list[tuple[str, list, object]], pages: int, repeat: int, work: Path) -> dict[str, Run]:
    """Run every (label, command, check) once per round, in turn, for `repeat` rounds (a command given as a
    list of commands runs them side by side). A shared host speeds up and slows down over a minute; taking the
    commands in turn lets each spell fall on all of them alike, so the ratios of one round compare like with
    like."""
    seconds: dict[str, list[float]] = {label: [] for label, _, _ in entries}
    peaks = dict.fromkeys(seconds, 0.0)
    notes = dict.fromkeys(seconds, "")
    for _ in range(repeat):
        for label, command, check in entries:
            side_by_side = isinstance(command[0], list)
            took, rss, _ = (measure_side_by_side if side_by_side else measure)(command, work / "out.jsonl", work / "err.txt")
            seconds[label].append(took)
            peaks[label] = max(peaks[label], rss)
            notes[label] = check(work)
    return {label: Run(label, pages, seconds[label], peaks[label], notes[label]) for label in seconds}


def _own_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)


def paired_speedup(faster: Run, slower: Run) -> float:
    """How many times faster `faster` ran than `slower`: the median of the ratios of the same rounds."""
    return statistics.median(s / f for f, s in zip(faster.seconds, slower.seconds))


def records_written(expected: int):
    def check(work: Path) -> str:
        with (work / "out.jsonl").open("rb") as out:
            count = sum(1 for _ in out)
        return "" if count == expected else f"{count} records for {expected} pages"

    return check


def trafilatura_extracted(pages: int):
    def check(work: Path) -> str:
        extracted = int((work / "err.txt").read_text().split()[-1])
        return f"text extracted from {extracted} of {pages} pages"

    return check


def trafilatura_version() -> str | None:
    """trafilatura's version when it is installed and imports (it fails without lxml_html_clean), else None.
    Asked of a child process: imported here, it would grow this process, and a child's peak RSS counts its
    parent's memory at the fork."""
    check = "import trafilatura; from importlib.metadata import version; print(version('trafilatura'))"
    result = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True)
    return result.stdout.strip() or None if result.returncode == 0 else None


# ---------------------------------------------------------------------------------------------------------
# Reporting.
# ---------------------------------------------------------------------------------------------------------


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    cores = os.cpu_count()
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else cores
    from pressparse import __version__, build

    return (
        f"{cpu}, {cores} cores ({usable} usable), {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}, pressparse {__version__} ({build()}), {date.today().isoformat()}"
    )


def table(runs: list[Run], with_total: bool = False) -> str:
    head = "| run | pages | time (s) | pages/s | best pages/s | peak RSS (MB) |" + (" tree PSS (MB) |" if with_total else "")
    rows = [head + " note |", "|---|---:|---:|---:|---:|---:|" + ("---:|" if with_total else "") + "---|"]
    for r in runs:
        total = f" {r.total_mb:,.0f} |" if r.total_mb is not None else " – |"
        rows.append(
            f"| {r.label} | {r.pages:,} | {r.time:.2f} | {r.rate:,.0f} | {r.pages / min(r.seconds):,.0f} | {r.rss_mb:,.0f} |"
            + (total if with_total else "")
            + f" {r.note} |"
        )
    return "\n".join(rows)


def checks(runs: dict[str, Run]) -> str:
    rows = ["| check | measured | target | met |", "|---|---:|---:|---|"]

    def row(name, value, target, fmt):
        rows.append(f"| {name} | {fmt.format(value)} | {fmt.format(target)} | {'yes' if value >= target else 'NO'} |")

    one = runs.get("pressparse --jobs 1")
    if one:
        row("pressparse --jobs 1, pages/s", one.rate, TARGET_PAGES_PER_S, "{:,.0f}")
        for key, name in (("trafilatura (html)", "html"), ("trafilatura (text)", "text")):
            if key in runs:
                row(f"pressparse --jobs 1 / trafilatura ({name}), speed", paired_speedup(one, runs[key]), TARGET_VS_TRAFILATURA, "{:.2f}x")
        if "regex scan" in runs:
            row("pressparse --jobs 1 / regex scan, speed", 1 / paired_speedup(runs["regex scan"], one), TARGET_VS_REGEX, "{:.2f}")
        if "pressparse --jobs 2" in runs:
            row("--jobs 2 / --jobs 1, speed", paired_speedup(runs["pressparse --jobs 2"], one), TARGET_JOBS_SPEEDUP, "{:.2f}x")
        if SIDE_BY_SIDE in runs:
            rows.append(f"| (the machine) {SIDE_BY_SIDE} / --jobs 1, speed | {paired_speedup(runs[SIDE_BY_SIDE], one):.2f}x | – | – |")
    return "\n".join(rows)


def profile(corpus: Path, pages: int, work: Path, top: int = 15) -> str:
    """cProfile one single-process run of the CLI; the top functions by cumulative and by own time."""
    import io
    import pstats

    stats_file, template = work / "profile.out", work / "template.json"
    command = [sys.executable, "-m", "cProfile", "-o", str(stats_file), "-m", "pressparse"]
    command += pressparse_command(1, corpus)[1:-1] + ["--template-out", str(template), str(corpus)]
    seconds, _, _ = measure(command, work / "out.jsonl", work / "err.txt")
    learned = len(json.loads(template.read_text())["lines"])
    sections = []
    for order, restriction, scope in (("cumulative", "pressparse", "pressparse's own functions"), ("tottime", "", "all")):
        text = io.StringIO()
        stats = pstats.Stats(str(stats_file), stream=text).sort_stats(order)
        stats.print_stats(restriction, top)
        table_text = text.getvalue()
        table_text = table_text[table_text.index("   ncalls") :].rstrip().replace(str(ROOT) + os.sep, "")
        sections.append(f"\n### Top {top} by {order} ({scope})\n\n```\n{table_text}\n```")
    return (
        f"## Profile: pressparse --jobs 1 under cProfile, {pages:,} pages, {seconds:.2f} s "
        f"({pages / seconds:,.0f} pages/s under the profiler); {learned} template lines learned\n" + "\n".join(sections)
    )


# ---------------------------------------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=2000, help="pages in the speed corpus (default 2000)")
    parser.add_argument("--jobs", default="1,2", help="comma-separated --jobs values to time (default 1,2)")
    parser.add_argument("--repeat", type=int, default=3, help="rounds (each command once, in turn); medians are reported (default 3)")
    parser.add_argument("--skip-trafilatura", action="store_true", help="do not run the trafilatura comparison")
    parser.add_argument(
        "--trafilatura-input",
        default="text,html",
        help="what trafilatura.extract gets: text (the page as is), html (each line as a <p>), or both (default)",
    )
    parser.add_argument("--memory", action="store_true", help="memory mode: only peak memory over --memory-pages pages")
    parser.add_argument("--memory-pages", type=int, default=20000, help="pages in the memory corpus (default 20000)")
    parser.add_argument("--profile", action="store_true", help="also cProfile a single-process run (top 15 functions)")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed (default 1): same seed, same pages")
    parser.add_argument(
        "--samples", default="*.txt", help="which pages of samples/ (their .txt files) the corpus is made from, as a glob (default *.txt)"
    )
    parser.add_argument("--keep", action="store_true", help="keep the corpus in benchmarks/corpus/ (reused next time)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    jobs = [int(j) for j in args.jobs.split(",") if j.strip()]
    pages = args.memory_pages if args.memory else args.pages
    samples = sorted(path for path in SAMPLES.glob(args.samples) if path.suffix == ".txt")
    selection = "" if args.samples == "*.txt" else "-" + hashlib.sha256(args.samples.encode()).hexdigest()[:8]
    corpus = CORPUS / f"pages-{pages}-seed-{args.seed}{selection}"
    started = time.perf_counter()
    # The corpus is made in a child process: making it runs pressparse (and loads its data) here otherwise, and
    # every timed command's peak RSS would start from that size (a child's peak counts its parent's at the fork).
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as maker:
        info = maker.submit(make_corpus, corpus, pages, args.seed, samples).result()
    if info is None:
        raise SystemExit(f"no readable samples matching {args.samples} in {SAMPLES}")
    print(
        f"Corpus: {pages:,} pages from {info['seeds']} samples (seed {args.seed}), {info['bytes'] / pages:,.0f} bytes "
        f"a page on average ({info['min']:,}–{info['max']:,}), {info['bytes'] / 1e6:.1f} MB; "
        f"ready in {time.perf_counter() - started:.1f} s\n",
        file=sys.stderr,
    )
    try:
        with tempfile.TemporaryDirectory(prefix="pressparse-bench-") as scratch:
            work = Path(scratch)
            if args.memory:
                report = memory_report(corpus, pages, jobs, work)
            else:
                report = speed_report(corpus, pages, jobs, args, work)
            print(f"Machine: {machine()}\n")
            print(f"Corpus: {pages:,} generated pages from samples/{args.samples} ({info['seeds']} files), "
                  f"{info['bytes'] / pages:,.0f} bytes a page on average, seed {args.seed}\n")
            print(report)
            if args.profile:
                print("\n" + profile(corpus, pages, work))
    finally:
        if not args.keep:
            shutil.rmtree(corpus, ignore_errors=True)
            if CORPUS.exists() and not any(CORPUS.iterdir()):
                CORPUS.rmdir()


SIDE_BY_SIDE = "2 x pressparse --jobs 1 side by side"


def speed_report(corpus: Path, pages: int, jobs: list[int], args: argparse.Namespace, work: Path) -> str:
    entries: list[tuple[str, list, object]] = [
        (f"pressparse --jobs {n}", pressparse_command(n, corpus), records_written(pages)) for n in jobs
    ]
    if 2 in jobs:
        halves = split_corpus(corpus, work)
        entries.append((SIDE_BY_SIDE, [pressparse_command(1, half) for half in halves], lambda _: "half the pages each"))
    notes = []
    version = None if args.skip_trafilatura else trafilatura_version()
    if version:
        for mode in [m.strip() for m in args.trafilatura_input.split(",") if m.strip()]:
            command = [sys.executable, "-c", TRAFILATURA, str(corpus), mode]
            entries.append((f"trafilatura ({mode})", command, trafilatura_extracted(pages)))
        notes.append(f"trafilatura {version}: `extract()` on each page, in one process.")
    else:
        reason = "--skip-trafilatura" if args.skip_trafilatura else "trafilatura is not installed (pip install -e '.[bench]')"
        notes.append(f"trafilatura comparison skipped: {reason}.")
    if 2 in jobs:
        notes.append(
            f"{SIDE_BY_SIDE}: two independent processes, half the pages each, started together; its speed-up over "
            "--jobs 1 is what this machine gives two processes that share nothing (each pays its own start-up)."
        )
    entries.append(("regex scan", [sys.executable, "-c", REGEX_SCAN, str(corpus)], lambda _: "read + e-mail regex"))
    runs = run_rounds(entries, pages, args.repeat, work)
    notes.append(
        f"Each figure: one whole process (start-up included), median of {args.repeat} round(s); in each round every "
        "command runs once, in turn. Ratios: the median of the rounds' ratios."
    )
    notes.append(
        f"Peak RSS (wait4) starts from this script's own size at the fork, {_own_rss_mb():.0f} MB: a figure that low "
        "only says \"at most that\"."
    )
    return table(list(runs.values())) + "\n\n" + checks(runs) + "\n\n" + "\n".join(notes)


def split_corpus(corpus: Path, work: Path) -> list[Path]:
    """The corpus as two folders of half the pages each (hard links where the file system allows)."""
    pages = sorted(corpus.glob("*.txt"))
    halves = [work / "first-half", work / "second-half"]
    for half, share in zip(halves, (pages[: len(pages) // 2], pages[len(pages) // 2 :])):
        half.mkdir()
        for page in share:
            try:
                os.link(page, half / page.name)
            except OSError:
                shutil.copyfile(page, half / page.name)
    return halves


def memory_report(corpus: Path, pages: int, jobs: list[int], work: Path) -> str:
    runs = []
    for n in jobs:
        seconds, rss, total = measure(pressparse_command(n, corpus), work / "out.jsonl", work / "err.txt", sample_tree=True)
        run = Run(f"pressparse --jobs {n}", pages, [seconds], rss, records_written(pages)(work), total)
        run.note = run.note or ("met" if max(rss, total or 0) < TARGET_MEMORY_MB else "NOT met") + f" (< {TARGET_MEMORY_MB} MB)"
        runs.append(run)
    return (
        table(runs, with_total=True)
        + "\n\npeak RSS: the largest single process (wait4). tree PSS: the whole process tree, sampled every 50 ms "
        "(shared pages counted once)."
    )


if __name__ == "__main__":
    main()

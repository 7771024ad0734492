"""Running extraction over many pages: worker processes, template learning, de-duplication, progress.

Pages go out in chunks to worker processes (or are run in this process for small inputs); records are written
in input order as chunks come back, so output streams. Lines that recur on different releases are learned as
the site's template while the run goes; a page extracted before a line it holds was learned is extracted again.
"""

from __future__ import annotations

import gc
import json
import os
from collections import deque
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator, NamedTuple

from . import patterncache, templates
from .datacache import blake2b
from .formats import WRITERS
from .inputs import Input, InputError, read_text
from .pipeline import analyse
from .workers import Workers, WorkerStopped

# Inputs up to this size run in one process: starting workers costs more than it saves.
SMALL_INPUT = 200
CHUNK_PAGES = 32
MIN_PIECE_PAGES = 8
# Chunks between learning a template line and using it in a worker: keeps workers busy without making the
# output depend on how many there are.
TEMPLATE_LAG = 3
# A progress bar is worth showing from this many pages on.
LONG_RUN = 200


@dataclass
class Options:
    fmt: str = "jsonl"
    output: Path | None = None
    jobs: int | None = None  # None: automatic; 0: every core
    quiet: bool = False
    evidence: bool = False
    template: frozenset[str] = frozenset()
    learn: bool = True
    dedupe: bool = False


class Outcome(NamedTuple):
    """One page's result: its record as the output writer's `render` made it (the record itself when records are
    de-duplicated) and its release key, or the reason it could not be read; its candidate template lines, and
    among them those the record was built from (learning one of those changes the record). A named tuple: it
    crosses from worker to parent in a fifth of a dataclass's time."""

    source: str
    output: Any = None
    release_key: bytes = b""
    error: str | None = None
    lines: tuple[str, ...] = ()
    record_lines: frozenset[str] = frozenset()


@dataclass
class Summary:
    pages: int = 0
    records: int = 0
    failures: int = 0
    duplicates: int = 0
    seconds: float = 0.0
    template: frozenset[str] = field(default_factory=frozenset)

    def line(self) -> str:
        rate = self.pages / self.seconds if self.seconds else 0.0
        dup = f", {self.duplicates} duplicates merged" if self.duplicates else ""
        return (
            f"pressparse: {_count(self.pages, 'page')}, {_count(self.records, 'record')}, {self.failures} failed{dup} "
            f"in {self.seconds:.2f} s ({rate:,.0f} pages/s)"
        )


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def process(item: Input, template: frozenset[str], evidence: bool, render: Callable[[dict], object]) -> Outcome:
    """Read and extract one page, and render its record (runs in a worker process)."""
    try:
        text = read_text(item)
    except InputError as problem:
        return Outcome(item.source, error=str(problem))
    try:
        page = analyse(text, item.source, template)
        record = page.record
        if evidence:
            from .evidence import evidence_of

            record.evidence = evidence_of(page, on_input=True)
        lines, record_lines = templates.candidate_lines(page)
        fields = record.to_dict()
        output = render(fields)
    except Exception as bug:  # a page must never take the run down: report it like any unreadable page
        return Outcome(item.source, error=f"internal error, please report it: {type(bug).__name__}: {bug}")
    return Outcome(item.source, output, _release_key(fields), lines=lines, record_lines=record_lines)


Task = tuple[list[Input], frozenset[str], bool, Callable[[dict], object]]


def _process_chunk(task: Task) -> list[Outcome]:
    items, template, evidence, render = task
    outcomes = [process(item, template, evidence, render) for item in items]
    patterncache.save()  # a worker process never reaches exit handlers: patterns it compiled are kept here
    return outcomes


def _as_is(record: dict) -> dict:
    return record


def _release_key(record: dict) -> bytes:
    """What identifies a release: its headline and body (a digest, the same in every process)."""
    release = f"{record['headline']}\0{record['body']}".encode("utf-8", "surrogatepass")
    return blake2b(release, digest_size=16).digest()


def _worker_count(jobs: int | None, pages: int) -> int:
    cores = os.cpu_count() or 1
    if jobs is None:
        return 1 if pages <= SMALL_INPUT else cores
    return cores if jobs == 0 else jobs


def _outcomes(inputs: list[Input], options: Options, learner: templates.TemplateLearner | None) -> Iterator[list[Outcome]]:
    """Chunks of outcomes in input order.

    Chunk i is extracted with the template as it stood once chunk i - 1 - TEMPLATE_LAG was learned from, however
    many workers run, so that the output never depends on --jobs; a page holding a line learned since then
    in its headline or body is extracted again with the newest template before it is written.
    """
    workers = _worker_count(options.jobs, len(inputs))
    chunks = [inputs[i : i + CHUNK_PAGES] for i in range(0, len(inputs), CHUNK_PAGES)]
    # learned[k]: the template once chunk k was learned from (only the last few are needed).
    learned: deque[frozenset[str]] = deque(maxlen=TEMPLATE_LAG + 1)
    settled = 0

    def current() -> frozenset[str]:
        return learner.template() if learner else options.template

    # De-duplication needs the records themselves; otherwise workers render them for the writer.
    render = _as_is if options.dedupe else WRITERS[options.fmt].render

    def task(i: int) -> Task:
        source = i - 1 - TEMPLATE_LAG
        template = learned[source - settled] if source >= 0 else options.template
        return chunks[i], template, options.evidence, render

    def settle(outcomes: list[Outcome], work: Task) -> Task | None:
        """Learn from a chunk; the task that extracts its stale pages again, if it has any."""
        nonlocal settled
        again = _learn(outcomes, work, learner)
        learned.append(current())
        settled += 1
        return again

    if workers <= 1:
        for i in range(len(chunks)):
            work = task(i)
            outcomes = _process_chunk(work)
            again = settle(outcomes, work)
            yield _renewed(outcomes, work, again, _process_chunk(again)) if again else outcomes
        return
    import multiprocessing

    forked = sys.platform.startswith("linux")
    context = multiprocessing.get_context("fork" if forked else None)
    if forked and chunks[0][0].rereadable:
        # Forked workers start with what this process has built. Extracting the first page here first builds the
        # tables and patterns a page of this batch needs (the phone library among them: about 45 ms) once, at
        # one core's speed, instead of in every worker at once; the workers share its memory too.
        process(chunks[0][0], options.template, False, _as_is)
        gc.freeze()  # what it built lives to the end: the workers' collector stops walking (and copying) it
    # At most TEMPLATE_LAG + 1 chunks are in flight; each goes out in pieces (a page keeps its chunk's template).
    # With many workers, enough pieces that every worker has one. With few, a piece per worker: a worker on a
    # faster core then takes more pieces instead of waiting for the slower one to finish the oldest chunk, and
    # all finish within a few pages of each other. A piece costs a round trip: none is under MIN_PIECE_PAGES.
    pieces = max(-(-workers // (TEMPLATE_LAG + 1)), min(workers, CHUNK_PAGES // MIN_PIECE_PAGES))
    with Workers(workers, _process_chunk, context) as pool:
        pending: deque = deque()
        submitted = 0

        def submit_ready() -> None:
            """Send out every chunk whose template exists: at most TEMPLATE_LAG + 1 chunks are in flight."""
            nonlocal submitted
            while submitted < len(chunks) and submitted - 1 - TEMPLATE_LAG < settled:
                work = task(submitted)
                pending.append(([(pool.submit(piece), piece) for piece in _split(work, pieces)], work))
                submitted += 1

        submit_ready()
        while pending:
            numbered, work = pending.popleft()
            outcomes = [outcome for number, piece in numbered for outcome in _collect(pool, number, piece)]
            again = settle(outcomes, work)
            # Stale pages go out ahead of the next chunks, which need not wait for them.
            redo = (pool.submit(again), again) if again else None
            submit_ready()
            yield _renewed(outcomes, work, redo[1], _collect(pool, *redo)) if redo else outcomes


def _collect(pool: Workers, number: int, work: Task) -> list[Outcome]:
    """A task's outcomes, waiting for them; if its worker died running it, each of its pages failed."""
    try:
        return pool.result(number)
    except WorkerStopped as stopped:
        pages = work[0]
        error = f"worker process stopped ({stopped}) while extracting this page and {len(pages) - 1} others"
        return [Outcome(item.source, error=error) for item in pages]


def _split(work: Task, pieces: int) -> list[Task]:
    """The task cut into `pieces` tasks of consecutive pages (fewer when it has fewer pages)."""
    items, template, evidence, render = work
    size = -(-len(items) // pieces)
    return [(items[start : start + size], template, evidence, render) for start in range(0, len(items), size)]


def _learn(outcomes: list[Outcome], work: Task, learner: templates.TemplateLearner | None) -> Task | None:
    """Learn from a chunk's pages; returns the task that extracts again, with the template learned so far, those
    whose headline or body holds a line learned after they were extracted (None if there are none)."""
    if learner is None:
        return None
    chunk, used, evidence, render = work
    for outcome in outcomes:
        if outcome.error is None:
            learner.observe(outcome.lines, outcome.release_key)
    template = learner.template()
    learned_since = template - used
    if not learned_since:
        return None
    stale = [
        item
        for outcome, item in zip(outcomes, chunk)
        if item.rereadable and not learned_since.isdisjoint(outcome.record_lines)
    ]
    return (stale, template, evidence, render) if stale else None


def _renewed(outcomes: list[Outcome], work: Task, again: Task, renewed: list[Outcome]) -> list[Outcome]:
    """The outcomes of the chunk `work`, with those of the pages extracted `again` in their place."""
    fresh = dict(zip(again[0], renewed))
    return [fresh.get(item, outcome) for item, outcome in zip(work[0], outcomes)]


def run(inputs: list[Input], options: Options, on_error: Callable[[str, str], None]) -> Summary:
    """Extract every input and write the records in `options.fmt`; report unreadable inputs through
    `on_error`. Returns what happened (counts, time, the template as learned)."""
    started = time.perf_counter()
    summary = Summary()
    learner = templates.TemplateLearner(options.template) if options.learn else None
    out = open(options.output, "wb") if options.output else sys.stdout.buffer
    writer = WRITERS[options.fmt](out)
    progress = _progress(len(inputs), options)
    spool = _DedupeSpool() if options.dedupe else None
    try:
        for chunk in _outcomes(inputs, options, learner):
            for outcome in chunk:
                if outcome.error is not None:
                    on_error(outcome.source, outcome.error)
                    summary.failures += 1
                elif spool is not None:
                    spool.add(outcome.output, outcome.release_key)
                else:
                    writer.write(outcome.output)
                    summary.records += 1
            out.flush()  # once a chunk: records stream out without a system call per record
            summary.pages += len(chunk)
            if progress:
                progress.advance(len(chunk))
        if spool is not None:
            for record in spool.records():
                writer.write(writer.render(record))
                summary.records += 1
            summary.duplicates = spool.merged
        writer.close()
    finally:
        if progress:
            progress.stop()
        if options.output:
            out.close()
    summary.seconds = time.perf_counter() - started
    summary.template = learner.template() if learner else options.template
    return summary


class _DedupeSpool:
    """Holds records on disk until the run ends, so that each kept record can list its duplicates' sources."""

    def __init__(self):
        import tempfile  # only runs with --dedupe need it

        self.file = tempfile.TemporaryFile("w+", encoding="utf-8")
        self.kept: dict[bytes, int] = {}  # release key -> position of the kept record
        self.duplicates: dict[int, list[str]] = {}  # position -> other sources
        self.count = 0
        self.merged = 0

    def add(self, record: dict, key: bytes) -> None:
        if record["body"]:
            position = self.kept.get(key)
            if position is not None:
                self.duplicates.setdefault(position, []).append(record["source"])
                self.merged += 1
                return
            self.kept[key] = self.count
        self.file.write(json.dumps(record, ensure_ascii=False) + "\n")
        self.count += 1

    def records(self) -> Iterator[dict]:
        self.file.seek(0)
        for position, line in enumerate(self.file):
            record = json.loads(line)
            record["duplicates"] = self.duplicates.get(position, [])
            yield record
        self.file.close()


class _Progress:
    def __init__(self, total: int):
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self._bar = Progress(
            TextColumn("extracting"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]} pages/s"),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        self._task = self._bar.add_task("pages", total=total, rate="–")
        self._started = time.perf_counter()
        self._done = 0
        self._bar.start()

    def advance(self, pages: int) -> None:
        self._done += pages
        rate = self._done / max(time.perf_counter() - self._started, 1e-9)
        self._bar.update(self._task, completed=self._done, rate=f"{rate:,.0f}")

    def stop(self) -> None:
        self._bar.stop()


def _progress(total: int, options: Options) -> _Progress | None:
    if options.quiet or total < LONG_RUN or not sys.stderr.isatty():
        return None
    return _Progress(total)

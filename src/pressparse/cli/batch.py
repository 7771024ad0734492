"""Running extraction over many pages: worker processes, template learning, de-duplication, progress.

Pages go out in chunks to worker processes (or are run in this process for small inputs); records are written
in input order as chunks come back, so output streams. Lines that recur on different releases are learned as
the site's template while the run goes; a page extracted before a line it holds was learned is extracted again.
A page is given --page-timeout seconds; SIGINT or SIGTERM stops the run with what it made written whole; a run
writing JSON Lines to a file keeps a checkpoint beside it, which --resume goes on from (see `checkpoint`).
"""

from __future__ import annotations

import gc
import json
import os
import signal
import stat
import threading
from collections import deque
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, Callable, Iterator, NamedTuple, Protocol

from ..pipeline import analyse
from ..readers import Input, InputError, read_document
from ..steps import datacache, patterncache, templates
from ..steps.datacache import blake2b
from . import checkpoint
from .formats import WRITERS, recorded_sources
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
# A worker gets this much time beyond its pages' --page-timeout before it is taken for stuck and killed: the
# timeout inside the worker fails a slow page; this catches one stuck where no signal reaches it.
STUCK_WORKER_GRACE = 10.0
# Checkpoints of a run take at most this share of its time (see _Checkpoints).
CHECKPOINT_SHARE = 0.02
# Seconds the first page may take when it is extracted before the workers start, only to build what they share:
# a slow first page is then timed in a worker, not waited for twice. The first run after an installation builds
# the data tables on the way (several seconds on a busy machine): cut short, each worker would load its own.
WARM_UP_SECONDS = 15.0


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
    page_timeout: float = 0.0  # seconds a page may take, 0: no limit
    max_page_bytes: int = 0  # larger pages are refused, 0: no limit
    resume: bool = False  # extract only the inputs whose records are not in `output` yet, and append theirs
    engine: Engine | None = None  # runs the tasks instead of local worker processes (a Dask cluster)
    sink: Any = None  # a context manager giving the stream to write to instead of `output` (a Dask run's parts)


class Engine(Protocol):
    """Where the tasks of a run go instead of local worker processes (see pressparse.dask): `workers` tasks run
    at once, `pool()` is a context manager giving an object with `Workers`' submit and result, and `discard`
    (give up tasks by number)."""

    workers: int
    ahead: int  # chunks sent out before their template is known (see `_outcomes`)

    def pool(self) -> Any: ...


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


class PageRules(NamedTuple):
    """How every page of a run is read, extracted and rendered (the same in every worker)."""

    evidence: bool
    render: Callable[[dict], object]
    timeout: float  # seconds, 0: no limit
    max_bytes: int  # 0: no limit


@dataclass
class Summary:
    pages: int = 0
    records: int = 0
    failures: int = 0
    duplicates: int = 0
    seconds: float = 0.0
    template: frozenset[str] = field(default_factory=frozenset)
    already_done: int = 0  # inputs skipped by --resume: their records were in the output
    not_pages: int = 0  # web-archive records that are not pages (requests, metadata, images…)
    interrupted: int = 0  # the signal that stopped the run early, 0 if it ran to the end

    def line(self) -> str:
        rate = self.pages / self.seconds if self.seconds else 0.0
        dup = f", {self.duplicates} duplicates merged" if self.duplicates else ""
        done = f", {self.already_done} already done" if self.already_done else ""
        others = f", {_count(self.not_pages, 'archive record')} not pages" if self.not_pages else ""
        stopped = f"interrupted by {signal.Signals(self.interrupted).name}: " if self.interrupted else ""
        return (
            f"pressparse: {stopped}{_count(self.pages, 'page')}, {_count(self.records, 'record')}, "
            f"{self.failures} failed{dup}{done}{others} in {self.seconds:.2f} s ({rate:,.0f} pages/s)"
        )


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


class PageTimeout(BaseException):
    """A page ran past --page-timeout. Not an Exception: an `except Exception` on the way must not swallow it."""


class Interrupted(BaseException):
    """SIGINT or SIGTERM came while pages were being extracted: they are given up."""


def process(item: Input, template: frozenset[str], rules: PageRules) -> Outcome:
    """Read and extract one page within the time allowed, and render its record (runs in a worker process).

    A timer signal interrupts Python code, the regular expression engines and blocking reads (a named pipe
    nobody writes); where the system has none (Windows), or off the main thread (which alone receives signals:
    a program calling `run` from a thread of its own), pages are not timed in the process that runs them."""
    timed = rules.timeout > 0 and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not timed:
        return _extract(item, template, rules)
    try:
        _Alarm.set(rules.timeout)
        try:
            return _extract(item, template, rules)
        finally:
            _Alarm.cancel()
    except PageTimeout:
        return Outcome(item.source, error=f"timed out after {rules.timeout:g} s (--page-timeout)")


def _extract(item: Input, template: frozenset[str], rules: PageRules) -> Outcome:
    try:
        document = read_document(item, rules.max_bytes)
    except InputError as problem:
        return Outcome(item.source, error=str(problem))
    try:
        page = analyse(document.text, item.source, template, document.url, document.hints)
        record = page.record
        if rules.evidence:
            from ..evidence import evidence_of

            record.evidence = evidence_of(page, on_input=True)
        lines, record_lines = templates.candidate_lines(page)
        fields = record.to_dict()
        output = rules.render(fields)
    except Exception as bug:  # a page must never take the run down: report it like any unreadable page
        return Outcome(item.source, error=f"internal error, please report it: {type(bug).__name__}: {bug}")
    return Outcome(item.source, output, _release_key(fields), lines=lines, record_lines=record_lines)


class _Alarm:
    """The timer that ends a page run too long (SIGALRM raises PageTimeout while it is set, and only then)."""

    handled = False  # whether this process's SIGALRM handler is `_overtime` (a forked worker inherits it)
    armed = False

    @classmethod
    def set(cls, seconds: float) -> None:
        if not cls.handled:
            signal.signal(signal.SIGALRM, _overtime)
            cls.handled = True
        cls.armed = True
        signal.setitimer(signal.ITIMER_REAL, seconds)

    @classmethod
    def cancel(cls) -> None:
        cls.armed = False  # first: a signal already on its way is then ignored
        signal.setitimer(signal.ITIMER_REAL, 0)


def _overtime(signum: int, frame: object) -> None:
    if _Alarm.armed:
        raise PageTimeout


Task = tuple[list[Input], frozenset[str], PageRules]


def process_chunk(task: Task) -> list[Outcome]:
    """The outcomes of a task's pages, in order (what a local worker process or a Dask worker runs)."""
    items, template, rules = task
    outcomes = [process(item, template, rules) for item in items]
    patterncache.save()  # a worker process never reaches exit handlers: patterns it compiled are kept here
    return outcomes


def _allowance(task: Task) -> float | None:
    """How long a worker may run the task before it is taken for stuck (None: as long as it takes)."""
    items, _, rules = task
    return len(items) * rules.timeout + STUCK_WORKER_GRACE if rules.timeout > 0 else None


def as_is(record: dict) -> dict:
    """The record dict left unrendered (kept for --dedupe, the warm-up and Dask bags)."""
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


@dataclass
class Learning:
    """What a run has learned from the chunks it settled: the template learner (None with --no-learn) and the
    template after each of the last TEMPLATE_LAG + 1 chunks, oldest first (a resumed run starts from those of
    the run it goes on with)."""

    learner: templates.TemplateLearner | None
    recent: deque[frozenset[str]] = field(default_factory=lambda: deque(maxlen=TEMPLATE_LAG + 1))


def _outcomes(inputs: list[Input], options: Options, learning: Learning, stop: _StopSignals) -> Iterator[list[Outcome]]:
    """Chunks of outcomes in input order; `stop` gives up the pages being extracted when the run is stopped.
    When a chunk is handed out, `learning` holds what was learned from it and the chunks before.

    Chunk i is extracted with the template as it stood once chunk i - 1 - TEMPLATE_LAG was learned from, however
    many workers run, so that the output never depends on --jobs; a page holding a line learned since then
    in its headline or body is extracted again with the newest template before it is written. A cluster
    (`options.engine`) is also sent chunks ahead, with the newest template; one whose template grew meanwhile
    is sent again with its own when its turn comes, so that the output stays the same.
    """
    engine = options.engine
    workers = engine.workers if engine else _worker_count(options.jobs, len(inputs))
    chunks = [inputs[i : i + CHUNK_PAGES] for i in range(0, len(inputs), CHUNK_PAGES)]
    if not chunks:
        return
    learner = learning.learner
    # learned[-n]: the template once the n-th last chunk settled was learned from (only the last few are needed).
    learned = learning.recent
    settled = 0

    def current() -> frozenset[str]:
        return learner.template() if learner else options.template

    # De-duplication needs the records themselves; otherwise workers render them for the writer.
    render = as_is if options.dedupe else WRITERS[options.fmt].render
    rules = PageRules(options.evidence, render, options.page_timeout, options.max_page_bytes)

    def task(i: int) -> Task:
        source = i - 1 - TEMPLATE_LAG
        if source >= settled:  # sent out ahead of its template (a cluster): the newest, checked when it settles
            return chunks[i], current(), rules
        # Chunks before the first (of a resumed run) were settled by the run it goes on with.
        template = learned[source - settled] if settled - source <= len(learned) else options.template
        return chunks[i], template, rules

    def settle(outcomes: list[Outcome], work: Task) -> Task | None:
        """Learn from a chunk; the task that extracts its stale pages again, if it has any."""
        nonlocal settled
        again = _learn(outcomes, work, learner)
        learned.append(current())
        settled += 1
        return again

    if workers <= 1 and engine is None:
        for i in range(len(chunks)):
            work = task(i)
            with stop.interruptible():
                outcomes = process_chunk(work)
                again = settle(outcomes, work)
                if again:
                    outcomes = _renewed(outcomes, work, again, process_chunk(again))
            yield outcomes
        return
    # At most TEMPLATE_LAG + 1 chunks are in flight (and `ahead` more on a cluster); each goes out in pieces (a
    # page keeps its chunk's template). With many workers, enough pieces that every worker has one. With few, a piece per worker: a worker on a
    # faster core then takes more pieces instead of waiting for the slower one to finish the oldest chunk, and
    # all finish within a few pages of each other. A piece costs a round trip: none is under MIN_PIECE_PAGES.
    pieces = max(-(-workers // (TEMPLATE_LAG + 1)), min(workers, CHUNK_PAGES // MIN_PIECE_PAGES))
    with engine.pool() if engine else _local_workers(workers, chunks[0][0], options.template, rules, stop) as pool:
        pending: deque = deque()
        submitted = 0
        # Chunks a cluster gets before their template exists, with the newest one: a site's template stops
        # growing early in a run, and then these need not wait for the chunks before them to settle.
        ahead = engine.ahead if engine else 0

        def send(work: Task) -> list[tuple[int, Task]]:
            return [(pool.submit(piece, _allowance(piece)), piece) for piece in _split(work, pieces)]

        def submit_ready() -> None:
            """Send out every chunk whose template exists, and `ahead` more: TEMPLATE_LAG + 1 + `ahead` in flight."""
            nonlocal submitted
            while submitted < len(chunks) and submitted - 1 - TEMPLATE_LAG < settled + ahead:
                work = task(submitted)
                pending.append((send(work), work))
                submitted += 1

        submit_ready()
        while pending:
            numbered, work = pending.popleft()
            with stop.interruptible():
                due = task(settled)
                if due[1] != work[1]:  # sent out ahead, and the template grew since: sent again with its own
                    pool.discard([number for number, _ in numbered])
                    numbered, work = send(due), due
                outcomes = [outcome for number, piece in numbered for outcome in _collect(pool, number, piece)]
                again = settle(outcomes, work)
                # Stale pages go out ahead of the next chunks, which need not wait for them.
                redo = (pool.submit(again, _allowance(again)), again) if again else None
                submit_ready()
                if redo:
                    outcomes = _renewed(outcomes, work, redo[1], _collect(pool, *redo))
            yield outcomes


def _local_workers(count: int, first: Input, template: frozenset[str], rules: PageRules, stop: _StopSignals) -> Workers:
    """`count` worker processes for a run whose first page is `first`."""
    import multiprocessing

    forked = sys.platform.startswith("linux")
    context = multiprocessing.get_context("fork" if forked else None)
    if forked and first.rereadable:
        # Forked workers start with what this process has built. Extracting the first page here first builds the
        # tables and patterns a page of this batch needs (the phone library among them: about 45 ms) once, at
        # one core's speed, instead of in every worker at once; the workers share its memory too.
        warm_up_limit = min(rules.timeout or WARM_UP_SECONDS, WARM_UP_SECONDS)
        warm_up = rules._replace(evidence=False, render=as_is, timeout=warm_up_limit)
        with stop.interruptible():
            process(first, template, warm_up)
        gc.freeze()  # what it built lives to the end: the workers' collector stops walking (and copying) it
    return Workers(count, process_chunk, context)


def _collect(pool: Workers, number: int, work: Task) -> list[Outcome]:
    """A task's outcomes, waiting for them. If its worker died running it (or was killed, stuck), its pages go
    out again one by one, so that only the page that ends a worker fails (pages that cannot be read twice, a
    pipe, fail with it)."""
    try:
        return pool.result(number)
    except WorkerStopped as stopped:
        items, template, rules = work
        if len(items) == 1:
            return [Outcome(items[0].source, error=f"worker process stopped ({stopped}) while extracting this page")]
        again = [item for item in items if item.rereadable]
        singles = [([item], template, rules) for item in again]
        numbers = [pool.submit(single, _allowance(single)) for single in singles]
        retried = {item: _collect(pool, number, single)[0] for item, number, single in zip(again, numbers, singles)}
        error = f"worker process stopped ({stopped}) while extracting this page and {len(items) - 1} others"
        return [retried.get(item, Outcome(item.source, error=error)) for item in items]


def _split(work: Task, pieces: int) -> list[Task]:
    """The task cut into `pieces` tasks of consecutive pages (fewer when it has fewer pages)."""
    items, template, rules = work
    size = -(-len(items) // pieces)
    return [(items[start : start + size], template, rules) for start in range(0, len(items), size)]


def _learn(outcomes: list[Outcome], work: Task, learner: templates.TemplateLearner | None) -> Task | None:
    """Learn from a chunk's pages; returns the task that extracts again, with the template learned so far, those
    whose headline or body holds a line learned after they were extracted (None if there are none)."""
    if learner is None:
        return None
    chunk, used, rules = work
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
    return (stale, template, rules) if stale else None


def _renewed(outcomes: list[Outcome], work: Task, again: Task, renewed: list[Outcome]) -> list[Outcome]:
    """The outcomes of the chunk `work`, with those of the pages extracted `again` in their place."""
    fresh = dict(zip(again[0], renewed))
    return [fresh.get(item, outcome) for item, outcome in zip(work[0], outcomes)]


def run(inputs: list[Input], options: Options, on_error: Callable[[str, str], None]) -> Summary:
    """Extract every input and write the records in `options.fmt`; report unreadable inputs through
    `on_error`. Returns what happened (counts, time, the template as learned). SIGINT or SIGTERM stops the run:
    the records already made are written, and the summary says which signal came."""
    started = time.perf_counter()
    summary = Summary()
    todo, learning, checkpoints = _starting_point(inputs, options)
    summary.already_done = len(inputs) - len(todo)
    learner = learning.learner
    if options.engine is None:  # (a cluster's workers build their own, where they run)
        datacache.build_missing()  # the first run after an installation: before any page holds memory
    with _StopSignals() as stop, _output(options) as out:
        writer = WRITERS[options.fmt](out)
        spool = _DedupeSpool() if options.dedupe else None
        progress = _progress(len(todo), options)
        try:
            for chunk in _outcomes(todo, options, learning, stop):
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
                if checkpoints:
                    checkpoints.written(out.tell(), learning)
                summary.pages += len(chunk)
                if progress:
                    progress.advance(len(chunk))
                if stop.signal:
                    break
        except Interrupted:
            pass
        finally:
            if progress:
                progress.stop()
        if spool is not None:
            for record in spool.records():
                writer.write(writer.render(record))
                summary.records += 1
            summary.duplicates = spool.merged
        writer.close()
        summary.interrupted = stop.signal
    if checkpoints and not summary.interrupted:
        checkpoint.remove(checkpoints.path)  # the run is complete: nothing to resume
    summary.seconds = time.perf_counter() - started
    summary.template = learner.template() if learner else options.template
    return summary


def _starting_point(inputs: list[Input], options: Options) -> tuple[list[Input], Learning, _Checkpoints | None]:
    """The inputs to extract, what the run knows to start with, and its checkpoints (JSON Lines to a file only).

    With --resume, a checkpoint of the same run cuts the output where it was saved; the run goes on with the
    inputs after the chunks it had written, from what it had learned, then tries again the pages that had failed.
    Without one, it extracts the inputs whose records are not in the output and learns the template anew.
    """
    learning = Learning(templates.TemplateLearner(options.template) if options.learn else None)
    if options.output is None or options.fmt != "jsonl" or options.dedupe or not _regular_or_new(options.output):
        return inputs, learning, None  # (--dedupe writes at the end; /dev/stdout or a pipe cannot be cut)
    checkpoints = _Checkpoints(options.output, _run_key(inputs, options))
    if not options.resume:
        checkpoint.remove(checkpoints.path)
        return inputs, learning, checkpoints
    saved = checkpoint.load(checkpoints.path, checkpoints.run)
    if saved is not None and _cut(options.output, saved.offset):
        learning = Learning(saved.learner, deque(saved.recent, maxlen=TEMPLATE_LAG + 1))
        checkpoints.chunks = saved.chunks
    done = recorded_sources(options.output)
    if checkpoints.chunks == 0 and done:  # the chunks of this run would not be those of the run that wrote them
        checkpoint.remove(checkpoints.path)
        return [item for item in inputs if item.source not in done], learning, None
    first = checkpoints.chunks * CHUNK_PAGES
    failed_before = [item for item in inputs[:first] if item.source not in done]
    checkpoints.last_chunk = checkpoints.chunks + (len(inputs) - first) // CHUNK_PAGES  # after it: pages tried again
    return inputs[first:] + failed_before, learning, checkpoints


def _regular_or_new(path: Path) -> bool:
    return path.is_file() or not path.exists()


def _cut(path: Path, size: int) -> bool:
    """Cut the file to `size` bytes; False (and the file left as it is) if it is shorter or cannot be cut."""
    try:
        with open(path, "r+b") as file:
            if os.fstat(file.fileno()).st_size < size:
                return False
            file.truncate(size)
            return True
    except OSError:
        return False


def _run_key(inputs: list[Input], options: Options) -> str:
    """What a run's records depend on: its inputs, their order, and the options that change records."""
    described = [options.evidence, options.learn, sorted(options.template), CHUNK_PAGES, TEMPLATE_LAG]
    text = json.dumps([described, [item.source for item in inputs]], ensure_ascii=False)
    return blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


class _Checkpoints:
    """Saves the run's checkpoint after a chunk is written, as often as it costs at most CHECKPOINT_SHARE of the
    run's time (a checkpoint holds the template learner's counts: some milliseconds on a long run)."""

    def __init__(self, output: Path, run: str):
        self.path = checkpoint.path_for(output)
        self.run = run
        self.chunks = 0  # chunks of the inputs whose records are in the output
        self.last_chunk: int | None = None  # the last chunk a checkpoint may follow (None: every chunk)
        self._due = 0.0  # time.perf_counter() from which the next checkpoint is saved

    def written(self, offset: int, learning: Learning) -> None:
        """A chunk was written and the output now ends at `offset`."""
        self.chunks += 1
        if time.perf_counter() < self._due or (self.last_chunk is not None and self.chunks > self.last_chunk):
            return
        started = time.perf_counter()
        try:
            saved = checkpoint.Checkpoint(self.run, self.chunks, offset, learning.learner, list(learning.recent))
            checkpoint.save(self.path, saved)
        except OSError:  # (a folder that takes no new file): the run goes on without checkpoints
            self.last_chunk = 0
            return
        ended = time.perf_counter()
        self._due = ended + (ended - started) / CHECKPOINT_SHARE


@contextmanager
def _output(options: Options) -> Iterator[BinaryIO]:
    """Where the records go. JSON Lines stream into the output file (appended to with --resume). A JSON array or
    a CSV table is written to a temporary file beside it, renamed to its name once complete (an interrupted run
    completes it too): a run that fails on the way leaves the output file as it was, never half an array. An
    output that is not a file (/dev/stdout, a named pipe) is written to as it is."""
    if options.sink is not None:
        with options.sink as out:
            yield out
        return
    path = options.output
    if path is None:
        yield sys.stdout.buffer
        return
    if options.fmt == "jsonl" or not _regular_or_new(path):
        with open(path, "ab" if options.resume else "wb") as file:
            yield file
        return
    import tempfile

    real = Path(os.path.realpath(path))  # a link stays a link: the file it points to is replaced

    handle, temporary = tempfile.mkstemp(dir=real.parent, prefix=f".{real.name}.", suffix=".partial")
    # The mode the file had, or the one a new file gets (mkstemp's is private).
    os.chmod(temporary, stat.S_IMODE(real.stat().st_mode) if real.exists() else 0o666 & ~_umask())
    try:
        with os.fdopen(handle, "wb") as file:
            yield file
        os.replace(temporary, real)
    except BaseException:
        os.unlink(temporary)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


class _StopSignals:
    """While a run lasts, SIGINT and SIGTERM stop it instead of ending the process: it takes no more pages,
    gives up those being extracted (in `interruptible` sections, where nothing is written) and writes what it
    has made."""

    def __init__(self) -> None:
        self.signal = 0  # the signal that came, 0 while none has
        self._interruptible = False
        self._previous: dict[int, Any] = {}

    def __enter__(self) -> _StopSignals:
        if threading.current_thread() is threading.main_thread():  # where Python runs signal handlers
            for number in (signal.SIGINT, signal.SIGTERM):
                self._previous[number] = signal.signal(number, self._stop)
        return self

    def __exit__(self, *exc_info) -> None:
        for number, handler in self._previous.items():
            if handler is not None:  # None: a handler set outside Python, which cannot be put back
                signal.signal(number, handler)

    def _stop(self, number: int, frame: object) -> None:
        self.signal = number
        if self._interruptible:
            raise Interrupted

    @contextmanager
    def interruptible(self) -> Iterator[None]:
        """Pages extracted under it are given up when a stop signal comes (or has come)."""
        if self.signal:
            raise Interrupted
        self._interruptible = True
        try:
            yield
        finally:
            self._interruptible = False


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

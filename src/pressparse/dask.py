"""Extraction on a Dask cluster (`pip install 'pressparse[dask]'`): the batch run of `pressparse extract` with its
tasks on the cluster's workers, and a Dask bag of records for programs of one's own.

A run on a cluster is the local batch run (`cli.batch`) with the cluster in place of the local worker processes:
the same chunks, each extracted with the template learned from the chunks settled before it, settled (learned
from, and its pages extracted again when a line they were built from was learned since) in input order here.
Its records are therefore those of `--jobs 1` by construction. Workers read the pages themselves (local paths
on a shared file system, or any URL fsspec reads); the client only lists them.

    import pressparse.dask

    bag = pressparse.dask.extract_bag(["s3://bucket/pages/"])    # one record dict per page
    frame = bag.map(pressparse.dask.csv_row).to_dataframe()        # the CSV columns
"""

from __future__ import annotations

import os
from collections import Counter
from contextlib import contextmanager
from typing import Any, BinaryIO, Iterator

from .cli.batch import PageRules, as_is, process_chunk, process
from .cli.formats import csv_row
from .cli.workers import WorkerStopped
from .readers import Input, expand
from .readers.remote import expand_urls, is_url

__all__ = ["PARTITION_PAGES", "Cluster", "PartFiles", "SchedulerUnreachable", "connect", "csv_row", "extract_bag", "list_inputs"]

# Records in a part file of `-o DIR/`, and pages in a partition of `extract_bag`.
PARTITION_PAGES = 1024
LOCAL = "local"
# Seconds to reach a scheduler before giving up.
CONNECT_SECONDS = 10


class SchedulerUnreachable(Exception):
    """No scheduler answered at the address given; the message says so in one line."""


def list_inputs(paths: list[str], skipped: Counter[str] | None = None) -> tuple[list[Input], list[tuple[str, str]]]:
    """The pages the paths name, in their order (local paths as `expand` finds them, web archives' pages among
    them, URLs through fsspec), and the (path, message) pairs of those that name none; `skipped` counts the
    archive records that are not pages. Listing happens here, once; workers read the pages."""
    inputs: list[Input] = []
    errors: list[tuple[str, str]] = []
    for given in paths:
        if given == "-":
            errors.append((given, "standard input cannot be read on a cluster"))
            continue
        found, problems = expand_urls([given]) if is_url(given) else expand([given], skipped)
        inputs.extend(found)
        errors.extend(problems)
    return inputs, errors


@contextmanager
def connect(address: str, workers: int | None = None) -> Iterator[Any]:
    """A client of the scheduler at `address` (tcp://host:8786), or of a cluster of `workers` local processes
    (every core when None or 0) for "local"; closed (the local cluster stopped) on leaving. Raises
    SchedulerUnreachable when no scheduler answers."""
    from distributed import Client, LocalCluster

    if address != LOCAL:
        try:
            client = Client(address, timeout=CONNECT_SECONDS)
        except (OSError, TimeoutError) as error:
            raise SchedulerUnreachable(f"cannot reach the Dask scheduler: {error}") from None
        with client:
            yield client
        return
    import dask.config

    count = workers or os.cpu_count() or 1
    # The dashboard (and the scheduler's HTTP server) on a free port: a fixed one may be taken, and taking
    # another prints a warning. Without the workers' statistical profiler, which keeps an hour of call trees
    # (a worker grew by 30 MB over 10,000 pages with it, and stays flat without).
    with dask.config.set({"distributed.worker.profile.enabled": False}):
        with LocalCluster(n_workers=count, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster:
            with Client(cluster) as client:
                yield client


class Cluster:
    """A Dask client as the engine of a batch run (`cli.batch.Engine`): a task per piece of a chunk."""

    def __init__(self, client: Any):
        self.client = client
        self.workers = max(1, sum(client.nthreads().values()))
        # Chunks sent out before their template is known: two a worker keep every worker busy once the
        # template stops growing (a chunk whose template grew meanwhile is sent again).
        self.ahead = 2 * self.workers

    @contextmanager
    def pool(self) -> Iterator[_FuturePool]:
        pool = _FuturePool(self.client)
        try:
            yield pool
        finally:
            pool.cancel()


class _FuturePool:
    """`Workers`' submit and result over a Dask client. A worker that dies costs nothing: the scheduler runs its
    tasks again elsewhere. A task whose pages kill every worker that runs it ends in WorkerStopped, and the batch
    run then tries its pages one by one, as with local workers."""

    def __init__(self, client: Any):
        self._client = client
        self._futures: dict[int, Any] = {}
        self._submitted = 0

    def submit(self, task: Any, allowance: float | None = None) -> int:
        """Queue a task; returns its number. (A worker runs tasks in a thread, where no timer signal reaches
        them: `allowance` and --page-timeout do not apply.)"""
        number = self._submitted
        self._submitted += 1
        self._futures[number] = self._client.submit(process_chunk, task, pure=False)
        return number

    def result(self, number: int) -> Any:
        """The task's outcomes, waiting for them; its worker forgets them once they are here."""
        future = self._futures.pop(number)
        try:
            return future.result()
        except Exception as failed:  # KilledWorker: its pages ended every worker that tried them
            raise WorkerStopped(f"{type(failed).__name__}: {failed}") from None
        finally:
            future.release()

    def discard(self, numbers: list[int]) -> None:
        """Give up these tasks: their results are not wanted."""
        futures = [self._futures.pop(number) for number in numbers]
        self._client.cancel(futures)

    def cancel(self) -> None:
        """Give up the tasks not asked for (a run stopped early)."""
        if self._futures:
            self._client.cancel(list(self._futures.values()))
            self._futures.clear()


class PartFiles:
    """The output of a run on a cluster written to `-o DIR/`: JSON Lines parts of PARTITION_PAGES records each,
    `DIR/part-00000.jsonl`, … (gzip with `DIR/*.jsonl.gz`), on any file system fsspec writes. Parts an earlier
    run left there are removed first. A context manager giving the stream the run writes its records to (one
    `write` a record)."""

    def __init__(self, target: str):
        import fsspec

        folder, _, name = target.rpartition("/") if "*" in target else (target.rstrip("/"), "", "*.jsonl")
        self.compression = "gzip" if name.endswith(".gz") else None
        self.suffix = name.rpartition("*")[2]
        self.filesystem, self.folder = fsspec.core.url_to_fs(folder or ".")
        self.parts = 0
        self._file: BinaryIO | None = None
        self._records = 0

    def __enter__(self) -> PartFiles:
        self.filesystem.makedirs(self.folder, exist_ok=True)
        for old in self.filesystem.glob(f"{self.folder}/part-*{self.suffix}"):
            self.filesystem.rm(old)
        return self

    def __exit__(self, *exc_info) -> None:
        self._close_part()

    def write(self, record: bytes) -> None:
        if self._file is None:
            path = f"{self.folder}/part-{self.parts:05d}{self.suffix}"
            self._file = self.filesystem.open(path, "wb", compression=self.compression)
            self.parts += 1
        self._file.write(record)
        self._records += 1
        if self._records == PARTITION_PAGES:
            self._close_part()

    def flush(self) -> None:
        pass  # a part is written whole when it closes: fsspec's remote files upload in blocks

    def _close_part(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
            self._records = 0


def extract_bag(paths: list[str] | str, template: frozenset[str] | set[str] | None = None) -> Any:
    """A `dask.bag.Bag` of the record dicts of the pages the paths name (files, folders or fsspec URLs), in
    their order, PARTITION_PAGES pages a partition; each page is extracted alone with `template` (the lines of
    a `--template-out` file; none learned here). A page that cannot be read gives no record; a path that names
    no page raises ValueError."""
    import dask.bag

    inputs, errors = list_inputs([paths] if isinstance(paths, str) else list(paths))
    if errors:
        raise ValueError("; ".join(f"{path}: {message}" for path, message in errors))
    bag = dask.bag.from_sequence(inputs, partition_size=PARTITION_PAGES)
    return bag.map_partitions(_partition_records, frozenset(template or ()))


def _partition_records(items: list[Input], template: frozenset[str]) -> list[dict]:
    rules = PageRules(evidence=False, render=as_is, timeout=0.0, max_bytes=0)
    outcomes = (process(item, template, rules) for item in items)
    return [outcome.output for outcome in outcomes if outcome.error is None]

"""Benchmark runs on a local Dask cluster against local worker processes, on the same corpus.

Times `pressparse extract --dask local --jobs N` (a cluster of N worker processes, started by the command) for 1
and 2 workers, and `pressparse extract --jobs N` for the same N, each a whole process in interleaved rounds (see
run.py, whose corpus maker and tables this uses). Checks that every run wrote the records of `--jobs 1`, byte
for byte. Each row's note gives the pages/s of the run itself, from its summary line (the cluster's start and
stop left out), in the last round; with --memory, the peak memory of the whole process tree.

    python benchmarks/dask.py                    # 2,000 pages, 3 rounds
    python benchmarks/dask.py --pages 20000 --repeat 1 --memory

Needs the Dask extra (`pip install -e '.[dask]'`).
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import CORPUS, SAMPLES, Run, machine, make_corpus, measure, pressparse_command, run_rounds, table  # noqa: E402

_SUMMARY_RATE = re.compile(r"in [\d.]+ s \(([\d,]+) pages/s\)")


def commands(corpus: Path, workers: list[int]) -> list[tuple[str, list[str]]]:
    """(label, command) of every run: local worker processes, then the local cluster, for each worker count.
    Without --quiet: the summary line says how fast the run itself went."""
    runs = []
    for dask in (False, True):
        for count in workers:
            command = [part for part in pressparse_command(count, corpus) if part != "--quiet"]
            label = f"pressparse --jobs {count}"
            if dask:
                command[2:2] = ["--dask", "local"]
                label = f"pressparse --dask local --jobs {count}"
            runs.append((label, command))
    return runs


def same_records_as(expected: Path):
    """A check for run_rounds: the output equals `expected`; the note gives the run's own pages/s."""

    def check(work: Path) -> str:
        same = (work / "out.jsonl").read_bytes() == expected.read_bytes()
        found = _SUMMARY_RATE.search((work / "err.txt").read_text(errors="replace"))
        rate = f"run alone {found.group(1)} pages/s" if found else "no summary line"
        return rate + ("" if same else "; RECORDS DIFFER from --jobs 1")

    return check


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--workers", default="1,2", help="worker counts, comma-separated")
    parser.add_argument("--memory", action="store_true", help="one round, with the peak memory of the process tree")
    args = parser.parse_args(argv)
    workers = [int(count) for count in args.workers.split(",")]
    corpus = CORPUS / f"dask-pages-{args.pages}-seed-{args.seed}"
    info = make_corpus(corpus, args.pages, args.seed, sorted(SAMPLES.glob("*.txt")))
    try:
        with tempfile.TemporaryDirectory(prefix="pressparse-dask-bench-") as scratch:
            work = Path(scratch)
            expected = work / "expected.jsonl"
            measure(pressparse_command(1, corpus), expected, work / "err.txt")
            entries = [(label, command, same_records_as(expected)) for label, command in commands(corpus, workers)]
            runs = list(memory_runs(entries, args.pages, work) if args.memory else run_rounds(entries, args.pages, args.repeat, work).values())
            print(f"Machine: {machine()}\n")
            print(f"Corpus: {args.pages:,} generated pages from samples/*.txt, {info['bytes'] / args.pages:,.0f} bytes a page on average, seed {args.seed}\n")
            print(table(runs, with_total=args.memory))
    finally:
        shutil.rmtree(corpus, ignore_errors=True)


def memory_runs(entries: list, pages: int, work: Path) -> list[Run]:
    """Each command once, with the peak memory of its whole process tree (the cluster's workers included)."""
    runs = []
    for label, command, check in entries:
        seconds, rss, total = measure(command, work / "out.jsonl", work / "err.txt", sample_tree=True)
        runs.append(Run(label, pages, [seconds], rss, check(work), total))
    return runs


if __name__ == "__main__":
    main()

"""WARC throughput: pages/s through `pressparse extract crawl.warc.gz` against the bare archive reader's records/s.

Builds `crawl.warc.gz` from the real pages of ../shared/corpora (the article-extraction benchmark's 181 pages
and fundus's 258), as a crawler writes it: for every page a request, the HTML response and a metadata record,
each its own gzip member. Then times, in interleaved rounds (each command once per round, whole processes):

- the bare archive reader: fastwarc reading every record and the responses' payloads (and warcio doing the
  same, when it is installed), and pressparse's own `readers.archive.records` (the pages, HTTP encodings undone);
- `pressparse extract --quiet --jobs N crawl.warc.gz` for each --jobs value;
- trafilatura's `extract` on every HTML response of the same archive (read with fastwarc), in one process.

    python benchmarks/warc.py                    # the real pages, --jobs 1 and 2, trafilatura, 3 rounds
    python benchmarks/warc.py --memory 1024      # peak memory over a 1,024 MB (uncompressed) archive

Needs ../shared/corpora beside the repository, fastwarc (a dependency) and trafilatura (`pip install -e '.[bench]'`).
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import multiprocessing
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from fastwarc import GzipWriter, WarcRecord, WarcRecordType

from run import ROOT, TARGET_MEMORY_MB, Run, machine, measure, pressparse_command, run_rounds, table

CORPORA = ROOT.parent / "shared" / "corpora"
ARTICLES = CORPORA / "article-extraction-benchmark"
FUNDUS = CORPORA / "fundus-news"

# The bare readers and trafilatura, each as a script run in a fresh process (argv[1]: the archive).
FASTWARC_READ = """
import sys
from fastwarc import ArchiveIterator
records = pages = 0
for record in ArchiveIterator(sys.argv[1]):
    records += 1
    data = record.reader.read()
    pages += record.record_type == 4
print(records, pages)
"""
# The same with warcio, the other Python WARC library (timed when it is installed; not a dependency).
WARCIO_READ = """
import sys
from warcio.archiveiterator import ArchiveIterator
records = pages = 0
with open(sys.argv[1], "rb") as stream:
    for record in ArchiveIterator(stream):
        records += 1
        data = record.content_stream().read()
        pages += record.rec_type == "response"
print(records, pages)
"""
PRESSPARSE_READ = """
import sys
from pressparse.readers import archive
print(sum(1 for _ in archive.records(sys.argv[1])))
"""
TRAFILATURA_EXTRACT = """
import sys, trafilatura
from pressparse.readers import archive
from pressparse.readers.text import decode
texts = 0
for source, url, payload in archive.records(sys.argv[1]):
    texts += bool(trafilatura.extract(decode(payload.data, payload.charset), url=url))
print(texts)
"""


def real_pages() -> list[tuple[str, bytes]]:
    """(url, HTML bytes) of every page of the two corpora."""
    truth = json.loads((ARTICLES / "ground-truth.json").read_text(encoding="utf-8"))
    pages = [(truth[path.name.split(".")[0]]["url"], gzip.decompress(path.read_bytes())) for path in sorted((ARTICLES / "html").glob("*.html.gz"))]
    for line in (FUNDUS / "index.jsonl").read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        pages.append((entry["url"], gzip.decompress((FUNDUS / "pages" / entry["file"]).read_bytes())))
    return pages


def crawl_records(url: str, html: bytes) -> list[WarcRecord]:
    """What a crawler writes for one page: its request, its response and a metadata record."""
    request = _record(WarcRecordType.request, url, b"GET / HTTP/1.1\r\nHost: example\r\n\r\n", "application/http; msgtype=request")
    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n\r\n" % len(html)
    response = _record(WarcRecordType.response, url, head + html, "application/http; msgtype=response")
    metadata = _record(WarcRecordType.metadata, url, b"fetchTimeMs: 120\r\n", "application/warc-fields")
    return [request, response, metadata]


def _record(kind: WarcRecordType, url: str, content: bytes, content_type: str) -> WarcRecord:
    record = WarcRecord()
    record.init_headers(kind)
    record.headers["WARC-Target-URI"] = url
    record.headers["Content-Type"] = content_type
    record.set_bytes_content(content)
    return record


def build_archive(path: Path, megabytes: float = 0) -> int:
    """Write the real pages (over and over, until `megabytes` of HTML when given) as a .warc.gz, a gzip member
    per record; returns the number of pages written."""
    pages = real_pages()
    written = size = 0
    with open(path, "wb") as file:
        while True:
            for url, html in pages:
                for record in crawl_records(url, html):
                    writer = GzipWriter(file)
                    record.write(writer)
                    writer.finish()
                written += 1
                size += len(html)
                if megabytes and size >= megabytes * 1e6:
                    return written
            if not megabytes:
                return written


def printed_count(expected: int, index: int = 0):
    """A check that the command printed `expected` as its (index-th) count."""

    def check(work: Path) -> str:
        got = int((work / "out.jsonl").read_text().split()[index])
        return "" if got == expected else f"counted {got:,}, expected {expected:,}"

    return check


def lines_written(expected: int):
    def check(work: Path) -> str:
        with open(work / "out.jsonl", "rb") as out:
            got = sum(1 for _ in out)
        return "" if got == expected else f"{got:,} records, expected {expected:,}"

    return check


def speed_report(archive: Path, pages: int, jobs: list[int], repeat: int, trafilatura: bool, work: Path) -> str:
    python = sys.executable
    entries: list[tuple[str, list, object]] = [
        ("fastwarc: every record read", [python, "-c", FASTWARC_READ, str(archive)], printed_count(pages, 1)),
        ("pressparse's archive reader (records)", [python, "-c", PRESSPARSE_READ, str(archive)], printed_count(pages)),
    ]
    if importlib.util.find_spec("warcio"):
        entries.insert(1, ("warcio: every record read", [python, "-c", WARCIO_READ, str(archive)], printed_count(pages, 1)))
    entries += [(f"pressparse extract --jobs {n}", pressparse_command(n, archive), lines_written(pages)) for n in jobs]
    if trafilatura:
        entries.append(("trafilatura extract (html)", [python, "-c", TRAFILATURA_EXTRACT, str(archive)], lambda work: ""))
    runs = run_rounds(entries, pages, repeat, work)
    one = runs[f"pressparse extract --jobs {jobs[0]}"]
    reader = runs["pressparse's archive reader (records)"]
    lines = [table(list(runs.values())), ""]
    lines.append(f"pressparse extract --jobs {jobs[0]}: {one.rate / reader.rate:.3f} of the bare reader's records/s")
    if trafilatura:
        lines.append(f"pressparse extract --jobs {jobs[0]} / trafilatura: {runs['trafilatura extract (html)'].time / one.time:.2f}x")
    return "\n".join(lines)


def memory_report(archive: Path, pages: int, jobs: list[int], work: Path) -> str:
    runs = []
    for n in jobs:
        seconds, rss, total = measure(pressparse_command(n, archive), work / "out.jsonl", work / "err.txt", sample_tree=True)
        note = lines_written(pages)(work) or ("met" if max(rss, total or 0) < TARGET_MEMORY_MB else "NOT met") + f" (< {TARGET_MEMORY_MB} MB)"
        runs.append(Run(f"pressparse extract --jobs {n}", pages, [seconds], rss, note, total))
    return (
        table(runs, with_total=True)
        + "\n\npeak RSS: the largest single process (wait4). tree PSS: the whole process tree, sampled every 50 ms "
        "(shared pages counted once)."
    )


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jobs", default="1,2", help="comma-separated --jobs values to time (default 1,2)")
    parser.add_argument("--repeat", type=int, default=3, help="rounds; medians are reported (default 3)")
    parser.add_argument("--skip-trafilatura", action="store_true", help="do not run the trafilatura comparison")
    parser.add_argument("--memory", type=float, metavar="MB", help="memory mode: an archive of this many MB of HTML")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    if not ARTICLES.is_dir() or not FUNDUS.is_dir():
        raise SystemExit(f"the corpora are not in {CORPORA}")
    jobs = [int(j) for j in args.jobs.split(",") if j.strip()]
    with tempfile.TemporaryDirectory(prefix="pressparse-warc-") as scratch:
        work = Path(scratch)
        archive = work / "crawl.warc.gz"
        # Built in a child process: the pages held here would otherwise count in every timed command's peak RSS
        # (a child's peak starts from its parent's size at the fork).
        with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as builder:
            pages = builder.submit(build_archive, archive, args.memory or 0).result()
        print(f"Machine: {machine()}\n")
        print(f"Archive: {pages:,} pages ({pages * 3:,} records: request, response, metadata), "
              f"{archive.stat().st_size / 1e6:,.1f} MB gzipped, a gzip member per record\n")
        if args.memory:
            print(memory_report(archive, pages, jobs, work))
        else:
            print(speed_report(archive, pages, jobs, args.repeat, not args.skip_trafilatura, work))


if __name__ == "__main__":
    main()

"""Benchmark pressparse on HTML pages, side by side with trafilatura in the same run and the same process.

Two public corpora (read from `../shared/corpora/`, never copied into the project):

- article bodies: `article-extraction-benchmark/` (181 whole news pages with their menus and comments). Body F1
  with its authors' metric: every text is split into `\\w+` tokens, each run of 4 consecutive tokens is a
  shingle; per page, the shingle counts found in both (TP), only in the output (FP) and only in the truth (FN)
  are normalised to sum to 1; precision and recall are averaged over the pages where they are defined, and F1
  is computed from those two averages. Speed: whole pages (the HTML text in, the body out), one process, the
  fastest of interleaved rounds (see best_of_rounds).
- headlines and dates: `fundus-news/` (news pages in many languages with their publishers' titles and dates).
  Headline exact after whitespace normalisation; date right when its day (`YYYY-MM-DD`) is the one given.
  trafilatura's side is its `extract_metadata` (title and date).

    python benchmarks/html_input.py                     # both corpora, pressparse and trafilatura
    python benchmarks/html_input.py --rounds 1          # one timed pass each (the pages/s are best of 3 by default)
    python benchmarks/html_input.py --show-misses 20    # also list pressparse's worst pages and wrong titles/dates

Prints Markdown tables ready to paste. Needs trafilatura for the comparison (`pip install -e '.[bench]'`);
without it only pressparse's figures are given.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pressparse

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "corpora"
ARTICLES = CORPORA / "article-extraction-benchmark"
FUNDUS = CORPORA / "fundus-news"

# Targets of the HTML input issue.
TARGET_VS_TRAFILATURA_SPEED = 5.0

SHINGLE = 4
_TOKEN = re.compile(r"\w+")


# ---------------------------------------------------------------------------------------------------------
# The article-extraction benchmark's metric.
# ---------------------------------------------------------------------------------------------------------


def shingles(text: str) -> Counter:
    """Every run of SHINGLE consecutive `\\w+` tokens of `text`, with its count."""
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1))


def page_counts(truth: str, output: str) -> tuple[float, float, float]:
    """TP, FP and FN shingle counts of one page, normalised to sum to 1 (all zero when neither has any)."""
    expected, found = shingles(truth), shingles(output)
    tp = sum((expected & found).values())
    fp = sum((found - expected).values())
    fn = sum((expected - found).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


@dataclass
class BodyScore:
    precisions: list[float] = field(default_factory=list)
    recalls: list[float] = field(default_factory=list)

    def add(self, truth: str, output: str) -> float:
        """Score one page; returns its own F1 (for listing the worst pages)."""
        tp, fp, fn = page_counts(truth, output)
        precision = recall = None
        if tp + fp:
            precision = tp / (tp + fp)
            self.precisions.append(precision)
        if tp + fn:
            recall = tp / (tp + fn)
            self.recalls.append(recall)
        return f1(precision or 0.0, recall or 0.0)

    def figures(self) -> tuple[float, float, float]:
        precision = sum(self.precisions) / len(self.precisions) if self.precisions else 0.0
        recall = sum(self.recalls) / len(self.recalls) if self.recalls else 0.0
        return precision, recall, f1(precision, recall)


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


# ---------------------------------------------------------------------------------------------------------
# The extractors compared: each takes the page's HTML text and gives what is scored.
# ---------------------------------------------------------------------------------------------------------


def pressparse_body(html: str) -> str:
    return pressparse.extract_html(html).body


def pressparse_title_date(html: str) -> tuple[str | None, str | None]:
    record = pressparse.extract_html(html)
    return record.headline, record.date


def trafilatura_extractors() -> dict[str, Callable]:
    """trafilatura's extractors by task ("body", "title and date"); none when it is not installed."""
    try:
        import trafilatura
        from trafilatura.metadata import extract_metadata
    except ImportError:
        return {}

    def body(html: str) -> str:
        return trafilatura.extract(html) or ""

    def title_date(html: str) -> tuple[str | None, str | None]:
        metadata = extract_metadata(html)
        return (metadata.title, metadata.date) if metadata is not None else (None, None)

    return {"body": body, "title and date": title_date}


def side_by_side(task: str, ours: Callable) -> dict[str, Callable]:
    """The extractors compared on `task`: pressparse's, and trafilatura's when it is installed."""
    extractors = {"pressparse": ours}
    theirs = trafilatura_extractors().get(task)
    if theirs is not None:
        extractors["trafilatura"] = theirs
    return extractors


def timed(function: Callable, pages: list[str]) -> tuple[list, float]:
    """Run `function` on every page; the results and the seconds they took together."""
    start = time.perf_counter()
    results = [function(page) for page in pages]
    return results, time.perf_counter() - start


def best_of_rounds(extractors: dict[str, Callable], pages: list[str], rounds: int) -> dict[str, tuple[list, float]]:
    """Each extractor's results and its fastest time over `rounds` passes on all the pages. The passes are
    interleaved (each extractor once per round), so that the shared host's slow and fast spells fall on all of
    them alike; the first round also pays each one's start-up (loaded models, pressparse's data cache when it is
    built on the first run after an install)."""
    best: dict[str, tuple[list, float]] = {}
    for _ in range(rounds):
        for name, extractor in extractors.items():
            results, seconds = timed(extractor, pages)
            if name not in best or seconds < best[name][1]:
                best[name] = (results, seconds)
    return best


# ---------------------------------------------------------------------------------------------------------
# The two corpora.
# ---------------------------------------------------------------------------------------------------------


def read_gzipped(path: Path) -> str:
    return gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")


def article_pages() -> tuple[list[str], list[str], list[str]]:
    """The ids, HTML texts and true bodies of the article-extraction benchmark."""
    truth = json.loads((ARTICLES / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(truth)
    pages = [read_gzipped(ARTICLES / "html" / f"{page_id}.html.gz") for page_id in ids]
    return ids, pages, [truth[page_id]["articleBody"] for page_id in ids]


def fundus_pages() -> tuple[list[dict], list[str]]:
    """The index entries and HTML texts of the fundus news pages."""
    entries = [json.loads(line) for line in (FUNDUS / "index.jsonl").read_text(encoding="utf-8").splitlines()]
    return entries, [read_gzipped(FUNDUS / "pages" / entry["file"]) for entry in entries]


def same_title(found: str | None, expected: str) -> bool:
    return found is not None and " ".join(found.split()) == " ".join(expected.split())


def same_day(found: str | None, expected: str) -> bool:
    return found is not None and found[:10] == expected[:10]


# ---------------------------------------------------------------------------------------------------------
# Running and reporting.
# ---------------------------------------------------------------------------------------------------------


def bodies(show_misses: int, rounds: int) -> None:
    ids, pages, truths = article_pages()
    extractors = side_by_side("body", pressparse_body)
    print(f"\n### Article bodies: {len(pages)} pages of the article-extraction benchmark\n")
    print("| extractor | precision | recall | F1 | pages/s |")
    print("|---|---:|---:|---:|---:|")
    speeds = {}
    worst: list[tuple[float, str]] = []
    for name, (outputs, seconds) in best_of_rounds(extractors, pages, rounds).items():
        score = BodyScore()
        page_f1 = [score.add(truth, output) for truth, output in zip(truths, outputs)]
        precision, recall, total = score.figures()
        speeds[name] = len(pages) / seconds
        print(f"| {name} | {precision:.3f} | {recall:.3f} | {total:.3f} | {speeds[name]:.0f} |")
        if name == "pressparse":
            worst = sorted(zip(page_f1, ids))[:show_misses]
    if "trafilatura" in speeds:
        print(f"\npressparse is {speeds['pressparse'] / speeds['trafilatura']:.1f}x trafilatura's speed "
              f"(target {TARGET_VS_TRAFILATURA_SPEED:g}x).")
    for score, page_id in worst:
        print(f"- body F1 {score:.2f}: {page_id}", file=sys.stderr)


def titles_and_dates(show_misses: int, rounds: int) -> None:
    entries, pages = fundus_pages()
    extractors = side_by_side("title and date", pressparse_title_date)
    print(f"\n### Headlines and dates: {len(pages)} pages of fundus-news\n")
    print("| extractor | headline exact | date (day) | pages/s |")
    print("|---|---:|---:|---:|")
    for name, (found, seconds) in best_of_rounds(extractors, pages, rounds).items():
        titles = [same_title(title, entry["title"]) for (title, _), entry in zip(found, entries)]
        days = [same_day(day, entry["publishing_date"]) for (_, day), entry in zip(found, entries)]
        print(f"| {name} | {sum(titles) / len(pages):.3f} | {sum(days) / len(pages):.3f} | "
              f"{len(pages) / seconds:.0f} |")
        if name != "pressparse":
            continue
        misses = [
            (entry["file"], title, entry["title"], day, entry["publishing_date"][:10])
            for (title, day), entry, right_title, right_day in zip(found, entries, titles, days)
            if not (right_title and right_day)
        ]
        for file, title, expected_title, day, expected_day in misses[:show_misses]:
            print(f"- {file}: title {title!r} (expected {expected_title!r}), date {day} (expected {expected_day})",
                  file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show-misses", type=int, default=0, metavar="N",
                        help="list pressparse's N worst bodies and N wrong titles or dates on standard error")
    parser.add_argument("--rounds", type=int, default=3, metavar="N",
                        help="time each extractor N times, interleaved, and keep its fastest (default 3)")
    parser.add_argument("--only", choices=("bodies", "titles"), help="run one of the two corpora")
    arguments = parser.parse_args()
    if not CORPORA.is_dir():
        sys.exit(f"html_input.py: {CORPORA} not found (the shared corpora sit beside the project)")
    print(f"pressparse {pressparse.__version__} ({pressparse.build()}), Python {sys.version.split()[0]}")
    if arguments.only != "titles":
        bodies(arguments.show_misses, arguments.rounds)
    if arguments.only != "bodies":
        titles_and_dates(arguments.show_misses, arguments.rounds)


if __name__ == "__main__":
    main()

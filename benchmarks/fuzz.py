"""Fuzz `pressparse.extract` with mutated pages: no crash, the same record twice, no page slower than the target.

Each page is one of `samples/*.txt` (and of the development set's pages, when ../shared/devset is present) put
through one to four random mutations: lines dropped, repeated, shuffled, cased or joined; random characters
(control, combining, bidirectional, zero-width, emoji, CJK) sprinkled in; cues of the pipeline's steps
(funding, contact, project, date and place words, quotes, brackets, e-mail and phone shapes, entities, tags)
inserted; pages spliced or cut at a random byte; a block repeated many times. Every page is extracted twice
in this process (the data tables and patterns loaded first) and the first run timed in CPU time. Prints a
Markdown summary: crashes, pages whose two records differ, and the time per MB (median, 99th percentile,
worst), with the pages over the target (0.5 s per MB, issue 18) timed again (best of 5) to tell a slow page
from a slow moment of the host.

    python benchmarks/fuzz.py                     # 10,000 pages, seed 1
    python benchmarks/fuzz.py --pages 2000 --seed 7 --show 5

Standard library only. A benchmark, not a test: figures vary with the host; the same seed gives the same pages.
"""

from __future__ import annotations

import argparse
import gc
import random
import statistics
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
DEVSET = ROOT.parent / "shared" / "devset" / "texts"

TARGET_SECONDS_PER_MB = 0.5
RETIMES = 5
# Below this size a page's time is the fixed cost of one call (tens of microseconds), not a cost per byte: its
# seconds per MB would say nothing of growth with the input. Such pages are checked for crashes and stability,
# and their slowest time is shown.
MIN_TIMED_BYTES = 1024

# Strings the pipeline's steps look for, in the seven languages: inserted to make its rules fire.
CUES = (
    "financé par l'Union européenne", "funded by the European Union and the", "gefördert von der", "financiado por",
    "finanziato da", "financiado pelo", "بتمويل من", "Contact :", "Press contact", "Tel: +41 22 555 01 01",
    "(617) 728-2408", "Pressekontakt", "Contacto de prensa", "« Projet ", "the Alpha Beta Gamma (ABG) project",
    "Programme", "Operation Grease Monkey", "GENÈVE, 3 mars 2020 –", "NEW YORK, March 18, 2020 —",
    "FOR IMMEDIATE RELEASE", "###", "@", "name@example.org", "[email protected]", "&#233;", "&amp;", "&#99999999;",
    "<a href=x>", "</div>", "•", "(", ")", "[", "]", "«", "»", '"', "http://example.org/page", "Lire la suite",
    "Share on Facebook", "About us", "© 2020", "\t", "    ",
)
# Characters of the kinds that break naive text code.
ODD_CHARACTERS = (
    "\x00", "\x07", "\x1b", "\x7f", "\x85", "\u00a0", "\u0301", "\u200b", "\u200d", "\u200e", "\u202e", "\u2028",
    "\ufeff", "\ufffd", "\U0001f600", "中", "ا", "ß", "İ", "ﬁ", "\ud7ff", "Ǆ",
)


def load_pages() -> list[str]:
    """The pages mutations start from: the samples, and the development set's pages when present."""
    from pressparse.readers.text import decode  # the samples hold pages in other encodings than UTF-8

    paths = sorted(SAMPLES.glob("*.txt")) + (sorted(DEVSET.glob("*.txt")) if DEVSET.is_dir() else [])
    return [decode(path.read_bytes()) for path in paths]


def mutate(page: str, pages: list[str], rng: random.Random) -> tuple[str, list[str]]:
    """`page` put through one to four random mutations; returns the new page and the mutations' names."""
    names = []
    for _ in range(rng.randint(1, 4)):
        name = rng.choice(sorted(MUTATIONS))
        page = MUTATIONS[name](page, pages, rng)
        names.append(name)
    return page, names


def _lines(page: str) -> list[str]:
    return page.split("\n")


def drop_lines(page: str, pages: list[str], rng: random.Random) -> str:
    return "\n".join(line for line in _lines(page) if rng.random() > 0.2)


def repeat_lines(page: str, pages: list[str], rng: random.Random) -> str:
    return "\n".join(line for line in _lines(page) for _ in range(rng.choice((1, 1, 1, 2, 5))))


def shuffle_lines(page: str, pages: list[str], rng: random.Random) -> str:
    lines = _lines(page)
    rng.shuffle(lines)
    return "\n".join(lines)


def change_case(page: str, pages: list[str], rng: random.Random) -> str:
    return "\n".join(rng.choice((str.upper, str.lower, str.title, str)) (line) for line in _lines(page))


def join_lines(page: str, pages: list[str], rng: random.Random) -> str:
    return page.replace("\n", rng.choice((" ", "", "\r", "\r\n", "\n\n\n")))


def sprinkle_characters(page: str, pages: list[str], rng: random.Random) -> str:
    characters = list(page)
    for _ in range(max(1, len(characters) // 50)):
        characters.insert(rng.randrange(len(characters) + 1), rng.choice(ODD_CHARACTERS))
    return "".join(characters)


def insert_cues(page: str, pages: list[str], rng: random.Random) -> str:
    words = page.split(" ")
    for _ in range(rng.randint(1, 40)):
        words.insert(rng.randrange(len(words) + 1), rng.choice(CUES))
    return " ".join(words)


def splice_pages(page: str, pages: list[str], rng: random.Random) -> str:
    other = rng.choice(pages)
    return page[: rng.randrange(len(page) + 1)] + other[rng.randrange(len(other) + 1) :]


def cut_short(page: str, pages: list[str], rng: random.Random) -> str:
    return page.encode("utf-8")[: rng.randrange(1, len(page.encode("utf-8")) + 2)].decode("utf-8", "replace")


def repeat_a_block(page: str, pages: list[str], rng: random.Random) -> str:
    start = rng.randrange(len(page) + 1)
    block = page[start : start + rng.randint(1, 200)] or rng.choice(CUES)
    return page[:start] + block * rng.randint(2, 300) + page[start:]


MUTATIONS = {
    function.__name__: function
    for function in (drop_lines, repeat_lines, shuffle_lines, change_case, join_lines, sprinkle_characters,
                     insert_cues, splice_pages, cut_short, repeat_a_block)
}


def cpu_seconds(call) -> float:
    started = time.process_time()
    call()
    return time.process_time() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=10_000, help="mutated pages (default 10000)")
    parser.add_argument("--seed", type=int, default=1, help="the same seed gives the same pages (default 1)")
    parser.add_argument("--show", type=int, default=10, help="slowest pages to list (default 10)")
    args = parser.parse_args()

    import pressparse

    originals = load_pages()
    for page in originals:  # data tables and patterns loaded before anything is timed
        pressparse.extract(page)
    rng = random.Random(args.seed)
    crashes: list[tuple[int, list[str], str]] = []
    unstable: list[tuple[int, list[str]]] = []
    timed: list[tuple[float, int, list[str], str]] = []  # (s/MB, page number, mutations, page)
    slowest_small = 0.0  # seconds, of the pages under MIN_TIMED_BYTES
    gc.collect()
    for number in range(args.pages):
        page, names = mutate(rng.choice(originals), originals, rng)
        records = []
        try:
            seconds = cpu_seconds(lambda: records.append(pressparse.extract(page).to_dict()))
            records.append(pressparse.extract(page).to_dict())
        except Exception:  # what the benchmark is looking for
            crashes.append((number, names, traceback.format_exc(limit=-1).strip().splitlines()[-1]))
            continue
        if records[0] != records[1]:
            unstable.append((number, names))
        size = len(page.encode("utf-8"))
        if size >= MIN_TIMED_BYTES:
            timed.append((seconds / (size / 1e6), number, names, page))
        else:
            slowest_small = max(slowest_small, seconds)

    rates = sorted(rate for rate, *_ in timed)
    over = [entry for entry in timed if entry[0] > TARGET_SECONDS_PER_MB]
    still_over = []
    for _, number, names, page in over:
        best = min(cpu_seconds(lambda: pressparse.extract(page)) for _ in range(RETIMES))
        rate = best / (len(page.encode("utf-8")) / 1e6)
        if rate > TARGET_SECONDS_PER_MB:
            still_over.append((rate, number, names, page))
    small = args.pages - len(timed) - len(crashes)
    print(f"{args.pages:,} mutated pages extracted twice (seed {args.seed}), {len(crashes)} crashes, "
          f"{len(unstable)} pages whose two records differ. Time per MB of the {len(timed):,} pages of "
          f"{MIN_TIMED_BYTES:,} bytes or more; the {small:,} smaller ones took at most {slowest_small * 1e3:.1f} ms.\n")
    print("| s/MB: median | 99th percentile | worst | pages over 0.5 | still over when timed again (best of 5) |")
    print("|---:|---:|---:|---:|---:|")
    print(f"| {statistics.median(rates):.2f} | {rates[int(0.99 * (len(rates) - 1))]:.2f} | {rates[-1]:.2f} "
          f"| {len(over)} | {len(still_over)} |")
    for number, names, error in crashes[: args.show]:
        print(f"\ncrash, page {number} ({', '.join(names)}): {error}")
    for number, names in unstable[: args.show]:
        print(f"\nrecords differ, page {number} ({', '.join(names)})")
    slowest = sorted(still_over or timed, key=lambda entry: entry[0], reverse=True)[: args.show]
    print(f"\nSlowest pages{' still over the target' if still_over else ''}:\n")
    for rate, number, names, page in slowest:
        print(f"- page {number}: {rate:.2f} s/MB, {len(page.encode('utf-8')):,} bytes ({', '.join(names)})")
    return 1 if crashes or unstable or still_over else 0


if __name__ == "__main__":
    sys.exit(main())

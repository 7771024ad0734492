"""Time `pressparse.extract` on pathological pages: is the time linear in the input for every shape?

Builds families of pages that repeat one shape (funding, contact and project cues, quotes, brackets, entities,
bullets, digits, e-mail-like and phone-like runs, one very long line, many short lines, and the shapes of
issue 18) at three sizes, each 4x the one before, and times one `extract` call on each in this process, after
every sample and every family has been extracted once (data tables and patterns loaded), in CPU time. Prints a Markdown
table: seconds per MB at each size, the growth of the time from one size to the next, and whether the
family meets the targets (at most 0.5 s per MB at every size, at most 5x the time for 4x the input).

    python benchmarks/adversarial.py                    # 16 KB, 64 KB and 256 KB pages, every family
    python benchmarks/adversarial.py --sizes 64,256,1024 --family funding_fr,quoted_projet

Standard library only. A benchmark, not a test: figures vary with the host.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"

TARGET_SECONDS_PER_MB = 0.5
TARGET_GROWTH = 5.0  # for 4x the input
SIZE_STEP = 4

# Each family: a name, what its page opens with and the unit it then repeats until the size is reached. A unit
# with "\n" makes many lines; one without makes one long line.
FAMILIES: dict[str, tuple[str, str]] = {
    "funding_fr": ("", "financé par "),  # issue 18: repeated funding cues
    "funding_en": ("", "funded by the European Union and "),
    "funding_de": ("", "gefördert von der "),
    "money_verbs": ("", "Japan has pledged "),
    "channel_cues": ("", "Alpha über "),
    "contact_en": ("", "For more information, please contact "),
    "contact_fr": ("", "Pour plus d'informations, contactez "),
    "contact_labels": ("", "Tel: "),
    "contact_blocks": ("", "Contact: Ana Ruiz\nTel: +41 22 555 01 01\nana.ruiz@iom.int\n"),
    "contact_lines": ("", "contact\n"),
    "project_words": ("", "Projet "),
    "programme_words": ("", "Programme "),
    "caps_words": ("", "PROJECT ALPHA "),
    "capitalised_words": ("", "Alpha Beta "),
    "quoted_projet": ("« ", "Projet "),  # issue 18: « Projet Projet … »
    "quoted_projets": ("", "« Projet "),  # a quote opened before every word
    "quoted_english": ("", '"Project '),
    "guillemets": ("", "«"),
    "double_quotes": ("", '"'),
    "parentheses": ("", "(ABC) "),
    "brackets": ("", "[Alpha] (Beta) "),
    "entities": ("", "&amp;&#233;&#x41;&nbsp;"),
    "numeric_reference": ("&#", "9"),  # one reference of thousands of digits
    "tags": ("", "<a href=x "),
    "bullets": ("", "• item\n"),
    "digits": ("", "1234567890 "),
    "digit_run": ("", "1234567890"),
    "email_like": ("", "ab@cd.org "),
    "email_run": ("", "a.b@c.d"),
    "phone_like": ("", "+41 22 555 01 01 "),
    "phone_run": ("", "+1 (202) 555-0101, "),
    "dates": ("", "3 mai 2018 "),
    # A long number in short title-like lines over sentences: each line is tested as a label ("Press release 12/2019").
    "numbered_titles": ("", "Update 1" + "0" * 150 + " Java\n\nMore than 50 children were reached this week.\n\n"),
    "datelines": ("", "Paris – "),
    "long_line": ("", "The project was funded by the donor in the city of Paris. "),
    "short_lines": ("", "Hi.\n"),
    "prose_lines": ("", "Paris – The European Union funded the project Alpha Beta Gamma (ABG) today.\n"),
}


def page(family: str, size: int) -> str:
    """The family's page of about `size` bytes (UTF-8)."""
    opening, unit = FAMILIES[family]
    return opening + unit * max(1, (size - len(opening.encode())) // len(unit.encode()))


def warm_up(families: list[str]) -> None:
    """Extract every sample and a small page of each family, so that the timed calls find every table and
    pattern loaded, and set the garbage collector as `pressparse extract` does (cli.py): what start-up built is
    frozen, and the collector runs less often. This is what a long batch run sees; otherwise a full collection
    walking the loaded tables (several milliseconds) falls on whichever page happens to trigger it."""
    import pressparse

    for path in sorted(SAMPLES.glob("*.txt")):
        pressparse.extract(path.read_bytes().decode("utf-8", "replace"))
    for family in families:
        pressparse.extract(page(family, 2048))
    gc.set_threshold(10_000, 20, 20)
    gc.freeze()


def seconds_per_mb(family: str, size: int, repeat: int) -> float:
    """The best of `repeat` timings of `extract` on the family's page, in seconds per MB of input. The time is
    this process's CPU time: on a shared machine, the time other processes hold the cores does not count."""
    import pressparse

    text = page(family, size)
    megabytes = len(text.encode()) / 1e6
    timings = []
    for _ in range(repeat):
        start = time.process_time()
        pressparse.extract(text)
        timings.append(time.process_time() - start)
    return min(timings) / megabytes


def table(results: dict[str, list[float]], sizes: list[int]) -> str:
    """The Markdown table: s/MB per size, growth per step, targets met."""
    labels = [f"{size // 1024:,} KB" for size in sizes]
    steps = [f"{a} → {b}" for a, b in zip(labels, labels[1:])]
    head = "| family | " + " | ".join(f"s/MB at {label}" for label in labels) + " | " + " | ".join(f"growth {s}" for s in steps) + " | met |"
    rows = [head, "|---|" + "---:|" * (len(labels) + len(steps)) + "---|"]
    for family, rates in results.items():
        growths = [SIZE_STEP * later / earlier for earlier, later in zip(rates, rates[1:])]
        met = max(rates) <= TARGET_SECONDS_PER_MB and all(g <= TARGET_GROWTH for g in growths)
        cells = [f"{rate:.2f}" for rate in rates] + [f"{growth:.1f}x" for growth in growths]
        rows.append(f"| {family} | " + " | ".join(cells) + f" | {'yes' if met else 'NO'} |")
    return "\n".join(rows)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="16,64,256", help="page sizes in KB, each 4x the one before (default 16,64,256)")
    parser.add_argument("--family", default="", help="comma-separated families to run (default all)")
    parser.add_argument("--repeat", type=int, default=3, help="timings per page; the best is kept (default 3)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    sizes = [int(kb) * 1024 for kb in args.sizes.split(",")]
    if any(later != SIZE_STEP * earlier for earlier, later in zip(sizes, sizes[1:])):
        sys.exit(f"adversarial.py: --sizes must grow {SIZE_STEP}x at each step")
    families = args.family.split(",") if args.family else list(FAMILIES)
    unknown = [family for family in families if family not in FAMILIES]
    if unknown:
        sys.exit(f"adversarial.py: unknown family {', '.join(unknown)} (known: {', '.join(FAMILIES)})")
    import pressparse

    warm_up(families)
    results = {}
    for family in families:
        results[family] = [seconds_per_mb(family, size, args.repeat) for size in sizes]
        print(f"{family}: " + ", ".join(f"{rate:.2f}" for rate in results[family]) + " s/MB", file=sys.stderr, flush=True)
    worst = max(max(rates) for rates in results.values())
    print(f"pressparse {pressparse.__version__} ({pressparse.build()}), Python {sys.version.split()[0]}, "
          f"{len(families)} families, worst {worst:.2f} s/MB, median {statistics.median(r[-1] for r in results.values()):.2f} s/MB at the largest size\n")
    print(table(results, sizes))


if __name__ == "__main__":
    main()

"""The `pressparse` command: a thin shell over the library (reading files, writing formats, batch runs)."""

from __future__ import annotations

import re
import sys
from collections import Counter
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, List, Optional

import typer

from .. import __version__, build

if TYPE_CHECKING:
    from .batch import Options

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
    help="Turn scraped press-release pages into clean records: headline, location, date, projects, funders, "
    "press contacts and body, as JSON Lines, JSON or CSV.",
)

EXTRACT_EXAMPLES = """
[bold]Examples[/]

  pressparse extract samples/                        [dim]# every *.txt below samples/, JSON Lines[/]

  pressparse extract page.txt --format json          [dim]# one JSON array[/]

  pressparse extract pages/ -f csv -o pages.csv      [dim]# one CSV row per page[/]

  cat page.txt | pressparse extract -                [dim]# standard input[/]

  pressparse extract pages/ | jq -r 'select(.location.country_code == "LY") | .headline'

  pressparse extract archive/ --jobs 0 --dedupe --template-out site.json   [dim]# big batch, all cores[/]

  pressparse extract archive/ -o archive.jsonl --resume   [dim]# go on with a run that was stopped[/]

  pressparse extract s3://bucket/pages/ --dask tcp://scheduler:8786 -o s3://bucket/records/   [dim]# on a Dask cluster[/]
"""

EXPLAIN_EXAMPLES = """
[bold]Examples[/]

  pressparse explain page.txt                        [dim]# labelled lines in the terminal[/]

  pressparse explain page.txt --format html -o page.html
"""


class Format(str, Enum):
    jsonl = "jsonl"
    json = "json"
    csv = "csv"


class ExplainFormat(str, Enum):
    text = "text"
    html = "html"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"pressparse {__version__} ({build()})")
        raise typer.Exit()


@app.callback()
def main_options(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version and exit."),
) -> None:
    """Turn scraped press-release pages into clean records."""


def report(source: str, message: str) -> None:
    """One line on stderr naming the input and what is wrong with it."""
    typer.echo(f"pressparse: {source}: {message}", err=True)


_SIZE = re.compile(r"(\d+)\s*([KMG]?)(?:i?B)?", re.IGNORECASE)
_UNITS = {"": 1, "K": 1 << 10, "M": 1 << 20, "G": 1 << 30}


def _size(text: str) -> int:
    """A size in bytes as written on the command line: 20MB, 512K, 1G or a number of bytes (K, M and G are
    powers of 1024)."""
    match = _SIZE.fullmatch(text.strip())
    if match is None:
        raise typer.BadParameter(f"{text!r} is not a size: write it as 20MB, 512K or a number of bytes")
    return int(match.group(1)) * _UNITS[match.group(2).upper()]


def _check_resume(options: Options) -> None:
    """--resume appends JSON Lines to the output file: refuse what cannot be appended to (usage error)."""
    if options.output is None or (options.output.exists() and not options.output.is_file()):
        problem = "needs --output FILE, a file (the records already made are read from there)"
    elif options.fmt != "jsonl":
        problem = f"works with --format jsonl only (a {options.fmt} file cannot be added to)"
    elif options.dedupe:
        problem = "cannot be combined with --dedupe (records already written cannot list later copies)"
    else:
        return
    report("--resume", problem)
    raise typer.Exit(2)


def _load_template(path: Optional[Path]) -> frozenset[str]:
    if path is None:
        return frozenset()
    from ..steps.templates import load

    try:
        return load(path)
    except ValueError as problem:
        report(str(path), str(problem))
        raise typer.Exit(2)


@app.command(epilog=EXTRACT_EXAMPLES)
def extract(
    paths: List[str] = typer.Argument(..., metavar="PATHS...", help="Page files (text, HTML), web archives (WARC, WET), directories (every such file below, sorted) or - for standard input."),
    output_format: Optional[Format] = typer.Option(
        None, "--format", "-f", help="jsonl (default), json (one array) or csv. At a terminal the default is a readable view."
    ),
    output: Optional[str] = typer.Option(
        None, "--output", "-o", help="Write to this file instead of standard output (with --dask: a folder of parts, DIR/ or 'DIR/*.jsonl.gz')."
    ),
    jobs: Optional[int] = typer.Option(
        None, "--jobs", "-j", min=0, help="Worker processes; 0 = every core. Default: 1 for small inputs, every core for large ones."
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar and no summary line on stderr."),
    evidence: bool = typer.Option(False, "--evidence", help="Add an `evidence` object: line, span and cue of every value."),
    dedupe: bool = typer.Option(
        False, "--dedupe", help="One record per release: copies (same headline and body) are listed in its `duplicates`."
    ),
    template: Optional[Path] = typer.Option(None, "--template", help="Strip the site-template lines saved by --template-out."),
    template_out: Optional[Path] = typer.Option(None, "--template-out", help="Save the site-template lines learned in this run."),
    learn: bool = typer.Option(True, "--learn/--no-learn", help="Learn site templates from lines that recur across pages."),
    page_timeout: float = typer.Option(
        30.0, "--page-timeout", min=0, metavar="SECONDS", help="Fail a page that takes longer than this (0 = no limit)."
    ),
    max_page_bytes: int = typer.Option(
        "20MB", "--max-page-bytes", metavar="SIZE", parser=_size, help="Refuse larger pages (20MB, 512K, bytes; 0 = no limit)."
    ),
    resume: bool = typer.Option(
        False, "--resume", help="Go on with a stopped run: skip the pages whose records are in --output FILE, append the others."
    ),
    dask: Optional[str] = typer.Option(
        None, "--dask", metavar="ADDRESS", help="Run on the Dask scheduler at ADDRESS (tcp://host:8786), or 'local': --jobs local workers."
    ),
) -> None:
    """Extract one record per page and write them as JSON Lines, a JSON array or CSV."""
    import gc

    from .batch import Options, run
    from .formats import NotRecords

    gc.freeze()  # what start-up built (modules, lexicon, patterns) lives to the end: the collector stops walking it

    options = Options(
        fmt=output_format.value if output_format else ("pretty" if output is None and sys.stdout.isatty() else "jsonl"),
        output=Path(output) if output is not None and dask is None else None,
        jobs=jobs,
        quiet=quiet,
        evidence=evidence,
        template=_load_template(template),
        learn=learn,
        dedupe=dedupe,
        page_timeout=page_timeout,
        max_page_bytes=max_page_bytes,
        resume=resume,
    )
    if dask is not None:
        _check_dask(options, output)
    if resume:
        _check_resume(options)
    not_pages: Counter[str] = Counter()
    inputs, bad_paths = _list_inputs(paths, dask is not None, not_pages)
    for source, message in bad_paths:
        report(source, message)
    try:
        summary = run_on(dask, output, inputs, options) if dask is not None else run(inputs, options, on_error=report)
    except OSError as problem:
        report(str(output or "-"), f"cannot write output: {problem.strerror or problem}")
        raise typer.Exit(1)
    except NotRecords as problem:
        report(str(output), f"cannot resume: {problem}")
        raise typer.Exit(2)
    summary.failures += len(bad_paths)
    summary.not_pages = sum(not_pages.values())
    if template_out is not None:
        from ..steps.templates import save

        save(template_out, summary.template)
    if not quiet:
        typer.echo(summary.line(), err=True)
    if summary.interrupted:
        raise typer.Exit(128 + summary.interrupted)  # as a shell reports a command a signal ended: 130, 143
    if summary.failures:
        raise typer.Exit(1)


def _check_dask(options: Options, output: Optional[str]) -> None:
    """What a run on a cluster cannot do (usage errors): resume, or write other than JSON Lines parts."""
    if options.resume:
        problem = "--resume cannot be combined with --dask"
    elif output is not None and options.fmt != "jsonl":
        problem = f"--output with --dask writes JSON Lines parts: --format {options.fmt} goes to standard output only"
    else:
        return
    report("--dask", problem)
    raise typer.Exit(2)


def _list_inputs(paths: List[str], on_cluster: bool, not_pages: Counter[str]) -> tuple[list, list[tuple[str, str]]]:
    """The pages the paths name (URLs too on a cluster), and the paths that name none with why; `not_pages`
    counts the records of web archives that are not pages."""
    if on_cluster:
        from ..dask import list_inputs

        return list_inputs(paths, not_pages)
    from ..readers import expand

    return expand(paths, not_pages)


def run_on(address: str, output: Optional[str], inputs: list, options: Options):
    """Run the batch on the Dask cluster at `address` ("local": --jobs local workers), writing JSON Lines parts to
    the folder `output` (standard output when None)."""
    import logging
    import os

    from .. import dask as on_dask
    from .batch import run

    try:
        import distributed  # noqa: F401  (what the extra installs)
    except ImportError:
        report("--dask", "needs Dask: pip install 'pressparse[dask]'")
        raise typer.Exit(2)
    # Workers coming and going, and tasks given up when the run is stopped, are the cluster's business: its log
    # here, and that of the local cluster's worker processes (which read it from their environment), says errors only.
    logging.getLogger("distributed").setLevel(logging.ERROR)
    os.environ.setdefault("DASK_LOGGING__DISTRIBUTED", "error")
    options.sink = on_dask.PartFiles(output) if output is not None else None
    try:
        with on_dask.connect(address, options.jobs) as client:
            options.engine = on_dask.Cluster(client)
            return run(inputs, options, on_error=report)
    except on_dask.SchedulerUnreachable as problem:
        report(address, str(problem))
        raise typer.Exit(1)


@app.command(epilog=EXPLAIN_EXAMPLES)
def explain(
    path: str = typer.Argument(..., metavar="FILE", help="One page file, an archive's page (crawl.warc.gz#<record id>), or - for standard input."),
    output_format: ExplainFormat = typer.Option(ExplainFormat.text, "--format", "-f", help="text (terminal) or html."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write to this file instead of standard output."),
    template: Optional[Path] = typer.Option(None, "--template", help="Strip the site-template lines saved by --template-out."),
) -> None:
    """Show how every line of a page was classified and where each value was found."""
    from ..pipeline import analyse
    from ..readers import InputError, expand, read_document

    inputs, bad_paths = expand([path])
    for source, message in bad_paths:
        report(source, message)
        raise typer.Exit(1)
    item = inputs[0]
    try:
        document = read_document(item)
    except InputError as problem:
        report(item.source, str(problem))
        raise typer.Exit(1)
    page = analyse(document.text, item.source, _load_template(template), document.url, document.hints)
    from . import explain as view

    if output_format is ExplainFormat.html:
        html = view.render_html(page)
        if output:
            output.write_text(html, encoding="utf-8")
        else:
            sys.stdout.write(html)
        return
    from rich.console import Console

    if output:
        with output.open("w", encoding="utf-8") as out:
            view.render_terminal(page, Console(file=out, width=100))
    else:
        view.render_terminal(page, Console())


def main() -> None:
    import gc
    import signal

    # A page leaves thousands of short-lived objects and few cycles: the collector's frequent passes over them
    # cost about 2% of a batch run, so it runs less often.
    gc.set_threshold(10_000, 20, 20)

    if hasattr(signal, "SIGPIPE"):  # `pressparse extract … | head` ends quietly, as grep does
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    try:
        app()
    except SystemExit as done:
        code = done.code
    except OSError as problem:  # standard output full or closed while writing (`--version > /dev/full`)
        code = f"pressparse: cannot write output: {problem.strerror or problem}"
    else:
        code = 0
    _exit(code)


def _exit(code: int | str | None) -> None:
    """End the process without tearing the interpreter down: freeing its few hundred modules and their data
    takes 20 ms, a seventh of a one-page run, and gives nothing back. The output is flushed first; every file
    the run wrote is closed by then."""
    import os

    if isinstance(code, str):
        print(code, file=sys.stderr)
        code = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # what is left cannot be written (or its stream was closed): the run failed
            code = code or 1
    os._exit(code or 0)

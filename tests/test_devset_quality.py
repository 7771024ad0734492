"""Quality gate: the development set of real pages (../shared/devset, beside the repository) scored with its own
scorer must not fall more than TOLERANCE below the floors recorded in tests/devset_floors.json, overall and per
language. Skipped when the development set is absent (it is third-party text and never copied here).

Floors only go up. After an improvement, raise them to today's figures with

    PRESSPARSE_RAISE_FLOORS=1 pytest tests/test_devset_quality.py

which writes max(floor, figure) for every field, so a run can never lower one.
"""

from __future__ import annotations

import importlib.util
import json
import os
from pathlib import Path

import pytest

from conftest import ROOT, run_cli

DEVSET = ROOT.parent / "shared" / "devset"
FLOORS = Path(__file__).with_name("devset_floors.json")
TOLERANCE = 0.02

needs_devset = pytest.mark.skipif(not (DEVSET / "score.py").exists(), reason="../shared/devset is not present")


def _scorer():
    """The development set's own scorer (read from the shared folder, not copied)."""
    spec = importlib.util.spec_from_file_location("devset_score", DEVSET / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def figures() -> dict[str, dict[str, float]]:
    """Today's figures, overall and per language, as a user gets them: one batch run of the real command."""
    texts = DEVSET / "texts"
    run = run_cli("extract", "-q", str(texts))
    assert run.returncode == 0, run.stderr.decode()
    records = {}
    for line in run.stdout.decode().splitlines():
        record = json.loads(line)
        records.setdefault(Path(record["source"]).name, record)
    gold = [json.loads(line) for line in (DEVSET / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line]
    score = _scorer()
    result = {"overall": score.figures(gold, records, texts)[0]}
    for language in sorted({page["language"] for page in gold}):
        pages = [page for page in gold if page["language"] == language]
        result[language] = score.figures(pages, records, texts)[0]
    return result


def _shortfalls(figures: dict[str, dict[str, float]], floors: dict[str, dict[str, float]]) -> list[str]:
    return [
        f"{group} {field}: {figures[group][field]:.3f} < floor {floor:.3f}"
        for group, fields in floors.items()
        for field, floor in fields.items()
        if figures[group][field] < floor - TOLERANCE
    ]


@needs_devset
def test_no_field_falls_below_its_floor(figures):
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    if os.environ.get("PRESSPARSE_RAISE_FLOORS"):
        raised = {
            group: {field: round(max(floors.get(group, {}).get(field, 0.0), value), 3) for field, value in fields.items()}
            for group, fields in figures.items()
        }
        FLOORS.write_text(json.dumps(raised, indent=1) + "\n", encoding="utf-8")
        floors = raised
    assert _shortfalls(figures, floors) == []


@needs_devset
def test_every_language_and_field_has_a_floor(figures):
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    assert {group: sorted(fields) for group, fields in floors.items()} == {
        group: sorted(fields) for group, fields in figures.items()
    }


def test_the_gate_fails_a_field_that_drops():
    floors = {"overall": {"headline": 0.9, "date": 0.8}}
    figures = {"overall": {"headline": 0.89, "date": 0.7}}
    assert _shortfalls(figures, floors) == ["overall date: 0.700 < floor 0.800"]

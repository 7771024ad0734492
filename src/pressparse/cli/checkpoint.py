"""Checkpoints of a run writing JSON Lines to a file, so that `--resume` goes on exactly where it stopped.

Beside `out.jsonl`, `out.jsonl.checkpoint` says how many chunks of the inputs were written, where they end in
the output, and what the run had learned by then (the template learner, and the template after each of the
last chunks). A resumed run cuts the output there and extracts the next chunks as the stopped run would have
(the same template at the same page): its records are those of one uninterrupted run. A checkpoint is written
to a temporary file and renamed, so that a run killed at any moment leaves the old one or the new one whole.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from ..steps.templates import TemplateLearner

FORMAT = "pressparse-checkpoint"
VERSION = 1


@dataclass
class Checkpoint:
    run: str  # what the records depend on (inputs, options): a checkpoint of another run is not used
    chunks: int  # chunks of the inputs whose records are in the output
    offset: int  # bytes of output those records take
    learner: TemplateLearner | None  # None: the run does not learn templates
    recent: list[frozenset[str]]  # the template after each of the last chunks, oldest first


def path_for(output: Path) -> Path:
    return output.with_name(output.name + ".checkpoint")


def save(path: Path, checkpoint: Checkpoint) -> None:
    data = {
        "format": FORMAT,
        "version": VERSION,
        "run": checkpoint.run,
        "chunks": checkpoint.chunks,
        "offset": checkpoint.offset,
        "learner": checkpoint.learner.state() if checkpoint.learner else None,
        "recent": [sorted(template) for template in checkpoint.recent],
    }
    temporary = path.with_name(path.name + ".new")
    temporary.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    os.replace(temporary, path)


def load(path: Path, run: str) -> Checkpoint | None:
    """The checkpoint saved at `path` by the run `run`; None if there is none, or it is another run's or damaged."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != FORMAT or data.get("version") != VERSION or data.get("run") != run:
            return None
        learner = TemplateLearner.restore(data["learner"]) if data["learner"] is not None else None
        recent = [frozenset(str(line) for line in template) for template in data["recent"]]
        return Checkpoint(run, int(data["chunks"]), int(data["offset"]), learner, recent)
    except (OSError, UnicodeDecodeError, AttributeError, KeyError, TypeError, ValueError):
        return None


def remove(path: Path) -> None:
    try:
        os.unlink(path)
    except OSError:  # none there, or the folder cannot be changed: nothing to remove, or no way to
        pass

"""pressparse: turn scraped press-release pages into clean records.

    >>> import pressparse
    >>> record = pressparse.extract(text, source="page.txt")
    >>> record.headline, record.to_dict()["funders"]
"""

from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["extract", "Release", "__version__"]


def extract(text: str, source: str | None = None):
    """Return the `Release` record of one page's text (pure: no I/O, deterministic)."""
    from .pipeline import extract as run

    return run(text, source)


def __getattr__(name: str):
    # The data model is imported on first use so that `pressparse --version` stays instant.
    if name == "Release":
        from .model import Release

        return Release
    raise AttributeError(name)

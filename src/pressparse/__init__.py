"""pressparse: turn scraped press-release pages into clean records.

    >>> import pressparse
    >>> record = pressparse.extract(text, source="page.txt")
    >>> record.headline, record.to_dict()["funders"]
"""

from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["extract", "extract_html", "Release", "__version__", "build"]


def extract(text: str, source: str | None = None):
    """Return the `Release` record of one page's text (pure: no I/O, deterministic)."""
    from .pipeline import extract as run

    return run(text, source)


def extract_html(markup: str, source: str | None = None, url: str | None = None):
    """Return the `Release` record of one HTML page (pure: no I/O, deterministic). `url`, when given, is the
    page's address (else its canonical link, if it names one)."""
    from .pipeline import analyse
    from .readers import html

    rendered = html.render(markup)
    return analyse(rendered.text, source, url=url or rendered.url, hints=rendered.hints).record


def build() -> str:
    """"compiled" when the pipeline modules were compiled at install (see setup.py), else "plain Python"."""
    from importlib.util import find_spec

    spec = find_spec(f"{__name__}.pipeline")  # found, not imported: `--version` stays instant
    return "plain Python" if spec is None or str(spec.origin).endswith(".py") else "compiled"


def __getattr__(name: str):
    # The data model is imported on first use so that `pressparse --version` stays instant.
    if name == "Release":
        from .model import Release

        return Release
    raise AttributeError(name)

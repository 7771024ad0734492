"""Pages named by URL (s3://bucket/prefix/, gs://…, hdfs://…, memory://…): listed and read through fsspec, which
only runs that read such pages need (`pip install 'pressparse[dask]'`)."""

from __future__ import annotations

from typing import Any

from .text import PAGE_SUFFIXES, Input, InputError, is_url, refuse_over

__all__ = ["expand_urls", "is_url", "read_url"]


def expand_urls(urls: list[str]) -> tuple[list[Input], list[tuple[str, str]]]:
    """Turn URLs into pages, as `expand` does paths: a page, or every page below a prefix (sorted).

    Returns the inputs and the (url, message) pairs of URLs that name no page."""
    inputs: list[Input] = []
    errors: list[tuple[str, str]] = []
    for url in urls:
        try:
            found, problem = _pages_at(url)
        except (OSError, ValueError, ImportError) as error:  # an unknown protocol, its library missing, no access
            found, problem = [], f"cannot list: {error}"
        if problem:
            errors.append((url, problem))
        inputs.extend(Input(page, page, rereadable=True) for page in found)
    return inputs, errors


def _pages_at(url: str) -> tuple[list[str], str | None]:
    """The pages a URL names, as URLs spelled from it ("memory://in/" gives "memory://in/a.txt"), or why none."""
    import fsspec

    filesystem, root = fsspec.core.url_to_fs(url)
    if filesystem.isdir(root):
        below = sorted(path for path in filesystem.find(root) if path.lower().endswith(PAGE_SUFFIXES))
        if not below:
            return [], "directory holds no pages (*.txt, *.html, *.htm [.gz])"
        prefix = url.rstrip("/") + "/"
        return [prefix + path[len(root) :].lstrip("/") for path in below], None
    if filesystem.isfile(root):
        return [url], None
    return [], "no such file or directory"


def read_url(url: str, max_bytes: int = 0) -> bytes:
    """The bytes of the page at `url`, refused over `max_bytes` (0: no limit) by its listed size; raises InputError
    with a one-line reason."""
    import fsspec

    try:
        filesystem, path = fsspec.core.url_to_fs(url)
        if max_bytes:
            refuse_over(_size(filesystem, path), max_bytes)
        return filesystem.cat_file(path)
    except (OSError, ValueError) as error:
        raise InputError(f"cannot read file: {getattr(error, 'strerror', None) or error}") from None


def _size(filesystem: Any, path: str) -> int:
    return int(filesystem.size(path) or 0)

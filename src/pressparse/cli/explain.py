"""`pressparse explain`: the page as the pipeline saw it, in the terminal (Rich) or as one HTML page.

Reads a `Page` after the whole pipeline ran: the role and reason of every line (`Line.role`, `Line.why`), the
evidence of every value (through `evidence.evidence_of`) and the record. Adds nothing to the page. Each line is
shown with its number, its label and its text, with the extracted values highlighted where they were found;
the record follows as pretty JSON.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..evidence import LIST_FIELDS, SINGLE_FIELDS, TextLines, evidence_of
from ..steps.page import BODY, Page

if TYPE_CHECKING:  # Rich is imported only when a view is drawn.
    from rich.console import Console

FIELDS = SINGLE_FIELDS + LIST_FIELDS
# How values look in the terminal (Rich styles) and in HTML (background colours); one entry per field.
RICH_STYLES = {
    "headline": "bold black on bright_white",
    "location": "black on green",
    "date": "black on cyan",
    "funders": "black on magenta",
    "projects": "black on yellow",
    "contacts": "black on bright_blue",
}
HTML_COLOURS = {
    "headline": "#e4e4e4",
    "location": "#b8e6b8",
    "date": "#b5e3ef",
    "funders": "#f1c2ef",
    "projects": "#fbe79a",
    "contacts": "#c3d3fb",
}
LABEL_STYLES = {
    "boilerplate": "dim",
    "headline": "bold",
    "date": "cyan",
    "dateline": "green",
    "body": "",
    "contact": "blue",
    "trailer": "dim italic",
    "other": "yellow",
    "blank": "dim",
}
# The body's first line, when the location was found on it, is labelled as the dateline.
DATELINE = "dateline"


@dataclass(frozen=True)
class Mark:
    """One highlighted value inside one line: columns in `Line.text`, the field and the cue that fired."""

    start: int
    end: int
    field: str
    cue: str


def _items(evidence: dict):
    """(field, item) for every evidence item, in field order."""
    for field in FIELDS:
        value = evidence.get(field)
        for item in value if isinstance(value, list) else [value]:
            if item:
                yield field, item


def _dateline_index(page: Page, evidence: dict) -> int | None:
    """The body's first line when the location was found on it, else None."""
    location = evidence.get("location")
    start = page.body_start
    if location is None or start is None or location["line"] - 1 != start:
        return None
    return start if page.lines[start].role == BODY else None


def line_labels(page: Page, evidence: dict) -> list[tuple[str, str]]:
    """(label, why) for every line: its role (or "dateline", "blank", "other") and the rule that set it."""
    dateline = _dateline_index(page, evidence)
    labels = []
    for index, line in enumerate(page.lines):
        if index == dateline:
            label = DATELINE
        elif line.role:
            label = line.role
        else:
            label = "other" if line.text else "blank"
        labels.append((label, line.why))
    return labels


def line_marks(page: Page, evidence: dict) -> dict[int, list[Mark]]:
    """The highlighted values of each line (by line index), cut at line ends when a value spans lines,
    longest first."""
    lines = TextLines(page)
    count = min(len(lines.raw), len(page.lines))
    marks: dict[int, list[Mark]] = {}
    for field, item in _items(evidence):
        index = item["line"] - 1
        while 0 <= index < count and lines.starts[index] < item["end"]:
            line_start = lines.line_span(index)[0]
            start = max(item["start"] - line_start, 0)
            end = min(item["end"] - line_start, len(page.lines[index].text))
            if start < end:
                marks.setdefault(index, []).append(Mark(start, end, field, item["cue"]))
            index += 1
    # Longest first: a value inside another (a funder inside a project's name) is drawn last, on top.
    for found in marks.values():
        found.sort(key=lambda m: m.start - m.end)
    return marks


def _segments(text: str, marks: list[Mark]) -> list[tuple[str, list[Mark]]]:
    """The line cut at every mark boundary: (piece, marks covering it in the order of `marks`), so that
    overlapping values nest cleanly."""
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    return [(text[a:b], [m for m in marks if m.start <= a and b <= m.end]) for a, b in zip(cuts, cuts[1:]) if a < b]


def _mark_title(mark: Mark) -> str:
    return f"{mark.field} (cue: {mark.cue})" if mark.cue else mark.field


def markup_sources(page: Page) -> list[str]:
    """Which of an HTML page's signals set a value ("headline from og:title", "date from JSON-LD
    datePublished"): the steps note such a value with the cue "from <signal>"."""
    return list(dict.fromkeys(f"{note.field} {note.cue}" for note in page.evidence if note.cue.startswith("from ")))


def render_terminal(page: Page, console: Console) -> None:
    """Print every line (number, label, text with highlighted values), a legend, then the record as JSON."""
    from rich.json import JSON
    from rich.rule import Rule
    from rich.table import Table
    from rich.text import Text

    evidence = evidence_of(page)
    labels = line_labels(page, evidence)
    marks = line_marks(page, evidence)
    legend = Text("values: ", style="bold")
    legend.append_text(Text("  ").join(Text(f" {field} ", style=RICH_STYLES[field]) for field in FIELDS))
    console.print(Rule(Text(page.record.source or "-", style="bold")))
    console.print(legend)
    if markup_sources(page):
        console.print(Text("markup: ", style="bold") + Text(" · ".join(markup_sources(page))))
    table = Table(box=None, padding=(0, 1), show_edge=False, header_style="bold")
    table.add_column("line", justify="right", no_wrap=True)
    table.add_column("label", max_width=36, overflow="fold")
    table.add_column("text", overflow="fold")
    for index, (line, (label, why)) in enumerate(zip(page.lines, labels)):
        style = LABEL_STYLES.get(label, "")
        cell = Text(label, style=style)
        if why:
            cell.append(f" · {why}", style="dim")
        text = Text(line.text, style="dim" if label == "boilerplate" else "")
        for mark in marks.get(index, ()):
            text.stylize(RICH_STYLES[mark.field], mark.start, mark.end)
        table.add_row(str(line.number), cell, text)
    console.print(table)
    console.print(Rule(Text("record", style="bold")))
    console.print(JSON.from_data(page.record.to_dict(), ensure_ascii=False))


_CSS = "\n".join(
    [
        "body { font-family: system-ui, sans-serif; margin: 1.5em; color: #1d1d1d; background: #fff; }",
        "h1 { font-size: 1.2em; font-family: ui-monospace, monospace; }",
        "h2 { font-size: 1.1em; margin-top: 2em; }",
        "table { border-collapse: collapse; width: 100%; }",
        "th { text-align: left; border-bottom: 2px solid #999; padding: 0.2em 0.5em; }",
        "td { vertical-align: top; padding: 0.1em 0.5em; border-bottom: 1px solid #eee; }",
        "td.n { text-align: right; color: #777; font-family: ui-monospace, monospace; }",
        "td.label { white-space: nowrap; font-size: 0.85em; }",
        "td.text { white-space: pre-wrap; overflow-wrap: anywhere; }",
        ".why { color: #777; display: block; }",
        "tr.boilerplate td.text, tr.blank td.text, tr.trailer td.text { color: #888; }",
        "tr.headline td.text { font-weight: bold; }",
        "tr.dateline td.label { color: #1a7f1a; font-weight: bold; }",
        "tr.contact td.label { color: #1f4fbf; }",
        "tr.date td.label { color: #0f7d92; }",
        "tr.other td.label { color: #9a6b00; }",
        "mark { border-radius: 3px; padding: 0 1px; color: #000; }",
        *(f"mark.{field} {{ background: {colour}; }}" for field, colour in HTML_COLOURS.items()),
        "pre { background: #f6f6f6; padding: 1em; white-space: pre-wrap; overflow-wrap: anywhere; }",
    ]
)


def _html_text(text: str, marks: list[Mark]) -> str:
    """The line's text escaped, each value inside a <mark> named after its field; where values overlap, the
    marks nest, the shortest value innermost."""
    out = []
    for piece, covering in _segments(text, marks):
        opened = "".join(f'<mark class="{m.field}" title="{html.escape(_mark_title(m))}">' for m in covering)
        out.append(opened + html.escape(piece) + "</mark>" * len(covering))
    return "".join(out)


def _html_row(number: int, label: str, why: str, text: str) -> str:
    why_html = f' <span class="why">{html.escape(why)}</span>' if why else ""
    return (
        f'<tr class="{html.escape(label)}"><td class="n">{number}</td>'
        f'<td class="label">{html.escape(label)}{why_html}</td><td class="text">{text}</td></tr>'
    )


def render_html(page: Page) -> str:
    """The same view as `render_terminal`, as one standalone HTML page (inline CSS, no script, no assets)."""
    evidence = evidence_of(page)
    labels = line_labels(page, evidence)
    marks = line_marks(page, evidence)
    source = html.escape(page.record.source or "-")
    language = f' lang="{html.escape(page.record.language)}"' if page.record.language else ""
    legend = " ".join(f'<mark class="{field}">{field}</mark>' for field in FIELDS)
    sources = markup_sources(page)
    from_markup = f"<p>From the markup: {html.escape(' · '.join(sources))}</p>\n" if sources else ""
    rows = "\n".join(
        _html_row(line.number, label, why, _html_text(line.text, marks.get(index, [])))
        for index, (line, (label, why)) in enumerate(zip(page.lines, labels))
    )
    record = html.escape(json.dumps(page.record.to_dict(), ensure_ascii=False, indent=2))
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>pressparse explain: {source}</title>
<style>
{_CSS}
</style>
</head>
<body>
<h1>{source}</h1>
<p>Values: {legend}</p>
{from_markup}<table>
<thead><tr><th>line</th><th>label</th><th>text</th></tr></thead>
<tbody{language}>
{rows}
</tbody>
</table>
<h2>Record</h2>
<pre{language}>{record}</pre>
</body>
</html>
"""

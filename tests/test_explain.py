"""`pressparse explain`: labelled lines and highlighted values, in the terminal and as one HTML page."""

from __future__ import annotations

import html
import io
import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from rich.console import Console

from conftest import SEED_003, run_cli
from pressparse.steps.clean import split_lines
from pressparse.cli.explain import render_html, render_terminal
from pressparse.model import Funder, Location, Project, Release
from pressparse.steps.page import BODY, BOILERPLATE, CONTACT, DATE, HEADLINE, TRAILER, Page
from pressparse.pipeline import analyse

SNAPSHOTS = Path(__file__).parent / "snapshots"
SEED_SOURCE = "samples/003_3024b0e76eff2ed7.txt"

BUILT_TEXT = """Accueil
Le port de Brume rouvre son quai nord
Publié le 2 avril 2022
Brume – Le quai nord, fermé depuis l'hiver, rouvre grâce au programme Quais Vivants de la Banque Aurore, qui finance les travaux.
Prix < 5 € & taxes > 2 « net ».
Contact presse : Ada Quenneville
Voir aussi

Texte libre sans rôle"""


def built_page(source: str = "built <page>.txt") -> Page:
    """A page with every role set by hand and values noted, so the view is tested apart from the extractors."""
    page = Page(text=BUILT_TEXT, lines=[], record=Release(source=source, language="fr"))
    split_lines(page)
    roles = [(BOILERPLATE, "web-page phrase"), (HEADLINE, ""), (DATE, ""), (BODY, ""), (BODY, ""),
             (CONTACT, "contact cue"), (TRAILER, "after the release")]
    for line, (role, why) in zip(page.lines, roles):
        line.role, line.why = role, why
    page.headline, page.body_start, page.body_end = 1, 3, 5
    record = page.record
    record.headline = page.lines[1].text
    record.location = Location("Brume", None)
    record.funders = [Funder("Banque Aurore")]
    # The project name holds the funder's name: overlapping highlights must nest.
    record.projects = [Project("programme Quais Vivants de la Banque Aurore")]
    page.note("headline", record.headline, 1)
    page.note("location", "Brume", 3, "dateline")
    page.note("funders", "Banque Aurore", 3, "qui finance")
    page.note("projects", "programme Quais Vivants de la Banque Aurore", 3, "grâce au")
    return page


def terminal_text(page: Page, **options) -> str:
    out = io.StringIO()
    render_terminal(page, Console(file=out, width=100, **options))
    return out.getvalue()


LABEL_COLUMN = re.compile(r"^\s*(\d+)  (\S+)", re.MULTILINE)


def row_labels(output: str) -> dict[int, str]:
    """Line number -> first word of its label, read back from the terminal table."""
    return {int(number): label for number, label in LABEL_COLUMN.findall(output)}


def test_terminal_labels_every_line_of_a_built_page():
    labels = row_labels(terminal_text(built_page()))
    assert labels == {
        1: "boilerplate", 2: "headline", 3: "date", 4: "dateline", 5: "body", 6: "contact", 7: "trailer",
        8: "blank", 9: "other",
    }


def test_a_first_body_line_taken_by_another_step_keeps_its_role():
    page = built_page()
    page.lines[3].role = CONTACT
    assert row_labels(terminal_text(page))[4] == "contact"


def test_terminal_shows_the_rule_and_fits_100_columns():
    output = terminal_text(built_page())
    assert "boilerplate · web-page phrase" in output
    assert "trailer · after the release" in output
    assert max(len(line) for line in output.splitlines()) <= 100


def test_terminal_highlights_values_where_they_were_found():
    output = terminal_text(built_page(), force_terminal=True, color_system="standard")
    # The dateline place in the location style (black on green: 30;42), not the same word in the headline;
    # the funder (black on magenta: 30;45) inside the project's span.
    assert len(re.findall(r"\x1b\[30;42mBrume\x1b\[0m", output)) == 1
    assert re.search(r"\x1b\[30;42mBrume\x1b\[0m –", output)
    assert re.search(r"\x1b\[30;45mBanque Aurore\x1b\[0m", output)


def test_terminal_ends_with_the_record():
    output = terminal_text(built_page())
    assert output.index('"funders"') > output.index("Texte libre sans rôle")
    assert '"name": "Banque Aurore"' in output


def test_terminal_view_of_a_seed_page_holds_every_label():
    page = analyse(SEED_003.read_text(encoding="utf-8"), SEED_SOURCE)
    labels = set(row_labels(terminal_text(page)).values())
    assert {"boilerplate", "headline", "dateline", "body", "contact"} <= labels


class Cells(HTMLParser):
    """Collects the rows of the lines table: (class, label cell text, text cell text, marks in the text cell)."""

    def __init__(self):
        super().__init__()
        self.rows: list[dict] = []
        self.cell: str | None = None
        self.open_marks = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "tr" and "class" in attrs:
            self.rows.append({"class": attrs["class"], "n": "", "label": "", "text": "", "marks": []})
        elif tag == "td" and self.rows:
            self.cell = attrs.get("class")
        elif tag == "mark" and self.cell == "text":
            self.open_marks += 1
            self.rows[-1]["marks"].append(attrs["class"])

    def handle_endtag(self, tag):
        if tag == "td":
            self.cell = None
        elif tag == "mark" and self.cell == "text":
            self.open_marks -= 1

    def handle_data(self, data):
        if self.cell and self.rows:
            self.rows[-1][self.cell] += data


def parsed_rows(page_html: str) -> list[dict]:
    parser = Cells()
    parser.feed(page_html)
    assert parser.open_marks == 0
    return parser.rows


def test_html_rows_hold_the_lines_their_labels_and_nested_marks():
    page = built_page()
    rows = parsed_rows(render_html(page))
    assert [row["text"] for row in rows] == [line.text for line in page.lines]
    assert [row["class"] for row in rows] == [
        "boilerplate", "headline", "date", "dateline", "body", "contact", "trailer", "blank", "other"
    ]
    assert rows[0]["label"] == "boilerplate web-page phrase"
    assert rows[3]["marks"] == ["location", "projects", "projects", "funders"]
    assert rows[1]["marks"] == ["headline"]


def test_html_is_escaped_and_standalone():
    page_html = render_html(built_page())
    assert "Prix &lt; 5 € &amp; taxes &gt; 2 « net »." in page_html
    assert "<title>pressparse explain: built &lt;page&gt;.txt</title>" in page_html
    assert "built <page>" not in page_html
    for external in ("<script", "<link", "src=", "url(", "@import", "http://", "https://"):
        assert external not in page_html
    assert page_html.startswith("<!DOCTYPE html>") and page_html.rstrip().endswith("</html>")
    assert html.escape('"name": "Banque Aurore"') in page_html


def test_html_snapshot_of_a_seed_page():
    """Set PRESSPARSE_UPDATE_SNAPSHOTS=1 to rewrite the snapshot after an intended change."""
    page_html = render_html(analyse(SEED_003.read_text(encoding="utf-8"), SEED_SOURCE))
    snapshot = SNAPSHOTS / "explain_003.html"
    if os.environ.get("PRESSPARSE_UPDATE_SNAPSHOTS") == "1":
        SNAPSHOTS.mkdir(exist_ok=True)
        snapshot.write_text(page_html, encoding="utf-8")
    if not snapshot.exists():
        pytest.fail(f"no snapshot {snapshot}: run with PRESSPARSE_UPDATE_SNAPSHOTS=1")
    assert page_html == snapshot.read_text(encoding="utf-8")


def test_explain_command_writes_the_html_page(tmp_path):
    out = tmp_path / "page.html"
    result = run_cli("explain", str(SEED_003), "--format", "html", "-o", str(out))
    assert result.returncode == 0, result.stderr
    page = analyse(SEED_003.read_text(encoding="utf-8"), str(SEED_003))
    assert out.read_text(encoding="utf-8") == render_html(page)

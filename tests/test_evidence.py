"""`evidence_of`: every value's line, span in the cleaned text and cue; spans point at the value's text."""

from __future__ import annotations

import json

import pytest

from conftest import SAMPLES, SEED_003, run_cli
from pressparse.steps.clean import split_lines
from pressparse.evidence import evidence_of
from pressparse.readers.text import Input, read_text
from pressparse.model import Contact, Funder, Location, Project, Release
from pressparse.steps.page import Page
from pressparse.pipeline import analyse

SAMPLE_FILES = sorted(SAMPLES.glob("*.txt"))


def make_page(text: str) -> Page:
    """A page whose lines are split and cleaned like the pipeline's; values and notes are set by each test."""
    page = Page(text=text, lines=[], record=Release(source="test"))
    split_lines(page)
    return page


def spanned(page: Page, item: dict) -> str:
    return page.text[item["start"] : item["end"]]


def test_span_points_at_the_value_in_an_indented_line():
    page = make_page("Un titre de test\n\n\t  Port-Lumière – La coopérative a ouvert un atelier.\n")
    page.record.location = Location("Port-Lumière", None)
    page.note("location", "Port-Lumière", 2, "dateline")
    item = evidence_of(page)["location"]
    assert spanned(page, item) == "Port-Lumière"
    assert item["line"] == 3
    assert item["cue"] == "dateline"
    assert item["start"] == page.text.index("Port-Lumière")


def test_value_after_the_cue_is_preferred_when_the_line_names_it_twice():
    line = "La Fondation Verdier a publié le guide, financé par la Fondation Verdier et la ville."
    page = make_page(f"Titre\n{line}")
    page.record.funders = [Funder("Fondation Verdier")]
    page.note("funders", "Fondation Verdier", 1, "financé par")
    item = evidence_of(page)["funders"][0]
    assert spanned(page, item) == "Fondation Verdier"
    assert item["start"] == page.text.index("financé par la ") + len("financé par la ")
    assert item["cue"] == "financé par"


def test_normalised_date_spans_the_source_text_the_extractor_noted():
    page = make_page("Titre\nPublié le 3 mars 2021 - 10:15\nCorps du texte.")
    page.record.date = "2021-03-03"
    page.note("date", "3 mars 2021", 1, "Publié le")
    item = evidence_of(page)["date"]
    assert item["value"] == "2021-03-03"
    assert spanned(page, item) == "3 mars 2021"
    assert item["line"] == 2


def test_value_absent_from_its_line_spans_the_whole_stripped_line():
    page = make_page("Titre\n  Tel: +41 (0)22 555 01 01  \n")
    page.record.contacts = [Contact(name=None, phones=["+41225550101"], emails=["nobody@example.org"])]
    page.note("contacts", "nobody@example.org", 1, "Tel")
    item = evidence_of(page)["contacts"][0]
    assert spanned(page, item) == "Tel: +41 (0)22 555 01 01"
    assert item["value"] == "nobody@example.org"


def test_value_wrapped_over_lines_is_spanned_from_the_cue_line():
    page = make_page("Titre\nLe chantier est financé par le\nConseil régional de\nVal-Serein, qui a voté le budget.")
    page.record.funders = [Funder("Conseil régional de Val-Serein")]
    page.note("funders", "Conseil régional de Val-Serein", 1, "financé par")
    item = evidence_of(page)["funders"][0]
    assert " ".join(spanned(page, item).split()) == "Conseil régional de Val-Serein"
    assert item["line"] == 3  # where the value starts, not the cue's line


def test_missing_evidence_gives_null_and_skips_and_lists_follow_record_order():
    page = make_page("Titre de page\nAvec le soutien de Banque Aurore et de Caisse Lilas, le port rouvre.")
    record = page.record
    record.headline = "Titre de page"
    record.location = Location("Nulle-Part", None)
    record.funders = [Funder("Caisse Lilas"), Funder("Fonds Inconnu"), Funder("Banque Aurore")]
    page.note("funders", "Banque Aurore", 1, "Avec le soutien de")
    page.note("funders", "Caisse Lilas", 1, "Avec le soutien de")
    evidence = evidence_of(page)
    assert evidence["headline"] is None and evidence["location"] is None and evidence["date"] is None
    assert [item["value"] for item in evidence["funders"]] == ["Caisse Lilas", "Banque Aurore"]
    assert evidence["projects"] == [] and evidence["contacts"] == []


def test_contacts_use_the_name_else_the_first_email_and_ignore_other_notes_of_the_person():
    text = "Titre\nContact presse :\nAda Quenneville\nTél. 01 23 45 67 89\nEmail : presse@exemple.org"
    page = make_page(text)
    page.record.contacts = [
        Contact(name=None, emails=["presse@exemple.org"]),
        Contact(name="Ada Quenneville", phones=["+33123456789"]),
    ]
    page.note("contacts", "Ada Quenneville", 2, "Contact presse")
    page.note("contacts", "01 23 45 67 89", 3, "Tél.")
    page.note("contacts", "presse@exemple.org", 4, "Email")
    items = evidence_of(page)["contacts"]
    assert [(item["value"], item["line"]) for item in items] == [("presse@exemple.org", 5), ("Ada Quenneville", 3)]
    assert all(spanned(page, item) == item["value"] for item in items)


def test_a_renamed_value_takes_the_one_note_left_but_never_another_values_note():
    page = make_page("Titre\nLes travaux sont payés par l'UE et par la commune de Brume.")
    page.record.funders = [Funder("Union européenne")]
    page.note("funders", "l'UE", 1, "payés par")
    item = evidence_of(page)["funders"][0]
    assert spanned(page, item) == "l'UE"

    page.record.funders = [Funder("Union européenne"), Funder("Commune de Brume")]
    assert evidence_of(page)["funders"] == []  # two values, one note: no guess


def test_notes_outside_the_page_are_ignored_and_an_empty_page_does_not_fail():
    page = make_page("Titre\nUne ligne.")
    page.record.headline = "Titre"
    page.note("headline", "Titre", 7)
    page.note("headline", "Titre", -1)
    assert evidence_of(page)["headline"] is None
    empty = make_page("")
    assert evidence_of(empty) == {
        "headline": None, "location": None, "date": None, "funders": [], "projects": [], "contacts": []
    }


def test_a_value_missing_from_a_long_single_line_points_at_its_start():
    # A 6 MB line is searched once for the value (a per-word search would not finish).
    page = make_page("mot " * 1_500_000)
    page.record.projects = [Project("Projet Absent")]
    page.note("projects", "Projet Absent", 0, "projet")
    item = evidence_of(page)["projects"][0]
    assert (item["start"], item["line"]) == (0, 1)


def record_values(page: Page) -> list[tuple[str, str]]:
    """(field, value) of the fields whose values the issue asks to locate verbatim."""
    record = page.record
    values = [("headline", record.headline), ("location", record.location.name if record.location else None)]
    values += [("funders", f.name) for f in record.funders]
    values += [("projects", p.name) for p in record.projects]
    values += [("contacts", c.name) for c in record.contacts]
    return [(field, value) for field, value in values if value]


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=[p.name for p in SAMPLE_FILES])
def test_every_sample_value_found_verbatim_has_a_span_holding_it(path):
    page = analyse(read_text(Input(str(path), path)), str(path))
    evidence = evidence_of(page)
    for field, value in record_values(page):
        if value not in page.text:
            continue
        found = evidence[field] if isinstance(evidence[field], list) else [evidence[field]]
        spans = [spanned(page, item) for item in found if item and item["value"] == value]
        assert spans, f"{field} {value!r} has no evidence"
        assert spans[0] == value, f"{field} {value!r} spans {spans[0]!r}"


def test_extract_evidence_option_adds_the_object():
    result = run_cli("extract", "--evidence", str(SEED_003))
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout.decode("utf-8"))
    headline = record["evidence"]["headline"]
    text = SEED_003.read_text(encoding="utf-8")
    assert text[headline["start"] : headline["end"]] == record["headline"]
    assert headline["line"] == 30
    plain = json.loads(run_cli("extract", str(SEED_003)).stdout.decode("utf-8"))
    assert "evidence" not in plain


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=[p.name for p in SAMPLE_FILES])
def test_evidence_spans_point_into_the_decoded_input(path):
    """What --evidence gives: line numbers and offsets of the decoded input, whatever cleaning changed."""
    original = read_text(Input(str(path), path))
    page = analyse(original, str(path))
    evidence = evidence_of(page, on_input=True)
    input_lines = original.split("\n")
    checked = 0
    for field, value in record_values(page):
        items = [evidence[field]] if field in ("headline", "location") else evidence[field]
        item = next((i for i in items if i and i["value"] == value), None)
        assert item is not None, (field, value)
        if value in input_lines[item["line"] - 1]:
            assert original[item["start"] : item["end"]] == value, (field, value)
            checked += 1
    assert checked >= 1 or not record_values(page)


def test_input_lines_ended_by_carriage_returns_alone_are_counted_as_lines(seed_003_text):
    # Cleaning ends a line at a lone "\r" too (old Mac files): the input's line numbers and spans follow it.
    original = seed_003_text.replace("\r\n", "\n").replace("\n", "\r")
    page = analyse(original, "page.txt")
    headline = evidence_of(page, on_input=True)["headline"]
    assert original[headline["start"] : headline["end"]] == page.record.headline
    assert headline["line"] == 30


def test_a_name_read_on_over_a_blank_line_is_spanned_over_it():
    # A paragraph that ends no sentence goes on into the next one for names ("the HARBOR" / "" / "Initiative").
    original = (SAMPLES / "en_kano_hard_wrapped.txt").read_text(encoding="utf-8").replace("HARBOR\n", "HARBOR\n\n", 1)
    page = analyse(original, "page.txt")
    assert page.record.projects[0].name == "HARBOR Initiative"
    item = evidence_of(page, on_input=True)["projects"][0]
    assert original[item["start"] : item["end"]] == "HARBOR\n\nInitiative"

"""Properties that hold for any input: `extract` never raises and returns a whole, typed record, the same one
for the same text, and every evidence span points at its value.

Inputs: arbitrary Unicode text (control characters included), text made of the pieces scrapes break on
(entities, cues, quotes, digits, addresses, very long lines), the samples with lines and characters inserted,
deleted and duplicated, and the pathological shapes of issue 18. Hypothesis runs derandomized, so that every
run tries the same examples, without a deadline (a shared host's slow spell is not a failure).
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import SAMPLES
from pressparse.evidence import evidence_of
from pressparse.readers.text import Input, read_text
from pressparse.pipeline import analyse

PROPERTY_SETTINGS = settings(
    max_examples=40, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
SAMPLE_TEXTS = [read_text(Input(str(path), path)) for path in sorted(SAMPLES.glob("*.txt"))]
RECORD_KEYS = ["source", "url", "language", "headline", "location", "date", "projects", "funders", "contacts", "body", "warnings"]
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
LINE_BREAK = re.compile(r"\r\n?|\n")  # where cleaning ends a line, and where evidence counts lines
EVIDENCE_FIELDS = {"headline", "location", "date", "funders", "projects", "contacts"}

# Every character but surrogates (which no decoded page holds): control and format characters included.
any_character = st.characters(exclude_categories=("Cs",))
# Pieces that the pipeline's patterns look for, so that random text reaches the extractors, not only cleaning.
pieces = st.sampled_from(
    [
        "financé par ", "funded by the ", "financiado por ", "gefördert von ", "Union européenne", "European Union",
        "« ", " »", '"', "“", "”", "Projet ", "Project ", "Programme ", "(", ")", "(EU)", "[", "]",
        "&amp;", "&#8217;", "&#x41;", "&#" + "9" * 40 + ";", "&nbsp;", "<br>", "<p>", "</a>", "mailto:",
        "•", "- ", "* ", "0", "12", "2019", "3 mai 2018", "March 4, 2019", "04/20/2017",
        "ana.ruiz@iom.int", "@", ".org", "+41 22 555 01 01", "+1 (202) 555-0101", "Tel: ", "Contact: ",
        "Pour plus d'informations, contactez ", "For more information, please contact ", "Media contact",
        "Tripoli – ", "GENÈVE, Suisse – ", "Dakar, Sénégal, le 3 mai 2018 – ", "Ana Ruiz", "OIM Libye", "IOM",
        "\n", "\n\n", "\r\n", "\t", " ", ".", ", ", ": ", "–", "\u00a0", "\u200b", "\x00", "\x1e", "\ufeff",
    ]
)
piece_text = st.lists(st.one_of(pieces, st.text(any_character, max_size=12)), max_size=120).map("".join)
# Long digit runs, and runs past the 4,300 digits int() accepts.
huge_numbers = st.one_of(st.text("0123456789", min_size=20, max_size=600), st.integers(4301, 6000).map("9".__mul__))


@st.composite
def number_soup(draw) -> str:
    """Very long numbers, bare and inside numeric character references, phone and date shapes."""
    number = draw(huge_numbers)
    form = draw(st.sampled_from(["&#{};", "&#{}", "&#x{};", "+{}", "Tel: {}", "{}/04/2017", "{}", "({})"]))
    return draw(piece_text) + form.format(number) + draw(piece_text)


@st.composite
def long_line(draw) -> str:
    """One line of thousands of characters, made of one short piece repeated."""
    unit = draw(st.one_of(pieces, st.text(any_character, min_size=1, max_size=8)))
    return draw(piece_text) + unit * draw(st.integers(500, 4000)) + draw(piece_text)


@st.composite
def mutated_sample(draw) -> str:
    """A sample with lines and characters inserted, deleted or duplicated at random places."""
    lines = draw(st.sampled_from(SAMPLE_TEXTS)).split("\n")
    for _ in range(draw(st.integers(1, 12))):
        kind = draw(st.sampled_from(["delete line", "duplicate line", "insert line", "delete char", "duplicate char", "insert char"]))
        at = draw(st.integers(0, max(0, len(lines) - 1)))
        if kind == "delete line" and len(lines) > 1:
            del lines[at]
        elif kind == "duplicate line":
            lines.insert(at, lines[at])
        elif kind == "insert line":
            lines.insert(at, draw(piece_text))
        elif lines[at]:
            char = draw(st.integers(0, len(lines[at]) - 1))
            line = lines[at]
            if kind == "delete char":
                lines[at] = line[:char] + line[char + 1 :]
            elif kind == "duplicate char":
                lines[at] = line[: char + 1] + line[char:]
            else:
                lines[at] = line[:char] + draw(st.one_of(pieces, any_character)) + line[char:]
    return "\n".join(lines)


@st.composite
def issue_shape(draw) -> str:
    """The shapes of issue 18: a quoted title of repeated project words, repeated funding cues."""
    unit = draw(st.sampled_from(["Projet ", "financé par ", "funded by ", "Programme ", "(ABC) ", '"Project ']))
    opening = draw(st.sampled_from(["« ", '"', "“", ""]))
    return draw(piece_text) + opening + unit * draw(st.integers(1, 400)) + draw(piece_text)


def check_record(record: dict) -> None:
    """Every key, in order, with the documented type."""
    assert list(record) == RECORD_KEYS
    assert record["source"] == "page.txt"
    for key in ("url", "language", "headline"):
        assert record[key] is None or isinstance(record[key], str)
    location = record["location"]
    if location is not None:
        assert list(location) == ["name", "country_code"] and isinstance(location["name"], str)
        assert location["country_code"] is None or re.fullmatch("[A-Z]{2}", location["country_code"])
    assert record["date"] is None or ISO_DATE.fullmatch(record["date"])
    for project in record["projects"]:
        assert list(project) == ["name", "acronym"] and isinstance(project["name"], str)
        assert project["acronym"] is None or isinstance(project["acronym"], str)
    for funder in record["funders"]:
        assert list(funder) == ["name"] and isinstance(funder["name"], str)
    for contact in record["contacts"]:
        assert list(contact) == ["name", "organization", "phones", "emails"]
        assert all(value is None or isinstance(value, str) for value in (contact["name"], contact["organization"]))
        assert all(isinstance(phone, str) and phone.startswith("+") for phone in contact["phones"])
        assert all(isinstance(email, str) and "@" in email for email in contact["emails"])
    assert isinstance(record["body"], str)
    assert all(isinstance(warning, str) for warning in record["warnings"])


def collapsed(text: str) -> str:
    return " ".join(text.split())


def check_evidence(record: dict, evidence: dict, text: str) -> None:
    """Each item lies in the input, on the line it names, for a value of the record; when the input writes the
    value (wrapped or not), the span is that value."""
    assert set(evidence) == EVIDENCE_FIELDS
    values = {
        "headline": [record["headline"]],
        "location": [record["location"] and record["location"]["name"]],
        "date": [record["date"]],
        "funders": [funder["name"] for funder in record["funders"]],
        "projects": [project["name"] for project in record["projects"]],
        "contacts": [c["name"] or (c["emails"][0] if c["emails"] else None) for c in record["contacts"]],
    }
    for field, found in evidence.items():
        items = found if isinstance(found, list) else [found] if found else []
        for item in items:
            assert item["value"] in values[field]
            assert 0 <= item["start"] <= item["end"] <= len(text)
            assert item["line"] == len(LINE_BREAK.findall(text, 0, item["start"])) + 1
            assert isinstance(item["cue"], str)
            if collapsed(item["value"]) in collapsed(text):
                assert collapsed(text[item["start"] : item["end"]]) == collapsed(item["value"])


def check_page(text: str) -> None:
    """The properties of this module on one input."""
    page = analyse(text, "page.txt")
    record = page.record.to_dict()
    check_record(record)
    assert analyse(text, "page.txt").record.to_dict() == record
    check_evidence(record, evidence_of(page, on_input=True), page.original)


@PROPERTY_SETTINGS
@given(st.text(any_character, max_size=3000))
def test_arbitrary_text(text):
    check_page(text)


@PROPERTY_SETTINGS
@given(piece_text)
def test_text_made_of_the_pieces_pages_break_on(text):
    check_page(text)


@PROPERTY_SETTINGS
@given(number_soup())
def test_huge_numbers_and_numeric_references(text):
    check_page(text)


@PROPERTY_SETTINGS
@given(long_line())
def test_very_long_lines(text):
    check_page(text)


@PROPERTY_SETTINGS
@given(mutated_sample())
def test_mutated_samples(text):
    check_page(text)


@PROPERTY_SETTINGS
@given(issue_shape())
def test_shapes_of_the_issue(text):
    check_page(text)


def test_a_numeric_reference_of_thousands_of_digits_gives_a_record(seed_003_text):
    # The crash of issue 18: int() refused the reference's digits.
    text = seed_003_text.replace("Libye - ", "Libye - &#" + "9" * 5000 + "; ", 1)
    record = analyse(text, "page.txt").record.to_dict()
    check_record(record)
    assert record["body"].startswith("Libye - \ufffd Dans le cadre")

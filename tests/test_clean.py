from hypothesis import given
from hypothesis import strategies as st

from pressparse.steps.clean import SingleSpaced, clean_text, lower_keeping_offsets, single_spaced, split_lines
from pressparse.model import Release
from pressparse.steps.page import Page


def lines_of(text: str) -> list[tuple[int, str]]:
    page = Page(text=text, lines=[], record=Release())
    split_lines(page)
    return [(line.number, line.text) for line in page.lines]


def test_line_endings_bom_and_odd_spaces():
    assert clean_text("\ufeffA\u00a0b\r\nc\u202f d\re") == "A b\nc d\ne"


def test_entities_and_tag_remnants():
    assert clean_text("Ruiz &amp; Co&nbsp;said &#8217;yes&#8217;") == "Ruiz & Co said ’yes’"
    assert clean_text('E-mail : "mailto:ab@org.int">ab@org.int') == "E-mail : ab@org.int"
    assert lines_of("<p>Un <b>texte</b></p>\nSuite") == [(1, "Un texte"), (1, ""), (2, "Suite")]


def test_numeric_references_past_unicode_become_the_replacement_character_however_long():
    # Python's int() refuses over 4,300 digits; HTML turns any number past U+10FFFF into U+FFFD.
    assert clean_text("a &#" + "9" * 5000 + "; b") == "a \ufffd b"
    assert clean_text("a &#" + "9" * 5000 + " b &#12345678;c") == "a \ufffd b \ufffdc"
    assert clean_text("&#x" + "f" * 5000 + ";") == "\ufffd"
    assert clean_text("&#00000000065; &#1114109;") == "A \U0010fffd"  # below the limit: kept


def test_line_breaking_tags_split_lines_that_keep_their_input_line_number():
    assert lines_of("Contact:\nAna Ruiz<br>IOM Geneva<br/>Tel") == [
        (1, "Contact:"), (2, "Ana Ruiz"), (2, "IOM Geneva"), (2, "Tel"),
    ]


def test_unicode_is_nfc():
    assert clean_text("e\u0301te\u0301") == "été"


def test_a_lone_less_than_sign_is_text():
    assert clean_text("growth < 5% and 3 > 2") == "growth < 5% and 3 > 2"


def test_single_spaced_texts_hold_no_white_space_but_single_plain_spaces():
    assert single_spaced("Press office: Ana Ruiz") and single_spaced("a\u200fb c")  # a bidi mark is no space
    assert not single_spaced("Press  office") and not single_spaced("Press\u2028office")
    assert not single_spaced("Press \x85office") and not single_spaced(clean_text("a\u2029b c"))


def test_a_text_single_spaced_maps_its_offsets_back_to_the_original():
    spaced = SingleSpaced("Press  office:\u2028Ana \x85 Ruiz")
    assert spaced.text == "Press office: Ana Ruiz"
    assert [spaced.original(offset) for offset in (0, 5, 6, 13, 14, 17, 18, 22)] == [0, 5, 7, 14, 15, 18, 21, 25]
    assert [spaced.here(offset) for offset in (0, 7, 15, 21)] == [0, 6, 14, 18]  # "P", "o", "A", "R"
    assert SingleSpaced("Press office").text == "Press office"


def test_small_letters_keep_every_offset_even_where_a_letter_grows_when_lowered():
    assert lower_keeping_offsets("Press CONTACT") == "press contact"
    # "İ" lowered is two characters ("i" and a combining dot): it stays, and "STANBUL" after it keeps its offsets.
    assert lower_keeping_offsets("İSTANBUL, İzmir") == "İstanbul, İzmir"
    assert len(lower_keeping_offsets("İİ ΣΑΣ")) == len("İİ ΣΑΣ")


def test_control_characters_go_and_odd_spaces_become_plain_spaces_in_one_pass():
    import re
    import sys

    from pressparse.steps import clean

    every_character = "".join(map(chr, range(sys.maxunicode + 1)))
    control = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1d\x1f\x7f\u200b-\u200d\u2060\ufeff\u00ad]")
    odd_space = re.compile(r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
    one_pass = clean._CONTROL_OR_ODD_SPACE.sub(clean._space_or_nothing, every_character)
    assert one_pass == odd_space.sub(" ", control.sub("", every_character))


@given(st.text(alphabet=" \t\n\r\x0b\x0c\x1c\x85\u00a0\u2028\u3000ab", max_size=30))
def test_odd_spacing_starting_at_a_space_finds_what_runs_or_rarer_spaces_are(text):
    # The pattern starts with one white-space character so that a search skips to the next one; it finds the same
    # spans as the plain definition: a run of white space, or a rarer space alone.
    import re

    from pressparse.steps import clean

    definition = re.compile(r"\s{2,}|[^\S ]")
    assert [m.span() for m in clean._ODD_SPACING.finditer(text)] == [m.span() for m in definition.finditer(text)]
    assert single_spaced(text) == (definition.search(text) is None)

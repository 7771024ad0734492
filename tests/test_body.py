"""The body text: paragraphs kept, trailing matter cut off, on small pages written for these tests."""

from pressparse.pipeline import analyse

RELEASE = """Water points reopen in flooded districts of the delta
The agency reopened twelve water points this week in districts cut off by the floods, after engineers
repaired pumps and pipes that had been under water for a month.

More than 9,000 people now have clean water within walking distance, local officials said on Tuesday.
"""


def test_a_label_closing_the_body_is_trailing_matter():
    page = analyse(RELEASE + "\nSources and further reading:\n")
    assert page.record.body.endswith("local officials said on Tuesday.")
    label = next(line for line in page.lines if line.text == "Sources and further reading:")
    assert label.role == "trailer"


def test_field_names_and_values_after_the_last_sentence_are_trailing_matter():
    page = analyse(RELEASE + "\nTopics\n\nFlood response\n\nOffice\n")
    assert page.record.body.endswith("local officials said on Tuesday.")


def test_a_list_item_closing_the_body_stays():
    page = analyse(RELEASE + "\n- new pumps for the two largest villages;\n")
    assert page.record.body.endswith("- new pumps for the two largest villages;")


def test_a_colon_inside_the_body_does_not_end_it():
    page = analyse(RELEASE.replace("More than 9,000", "The district chief said:\n\nMore than 9,000"))
    assert "The district chief said:" in page.record.body
    assert page.record.body.endswith("local officials said on Tuesday.")


CAPTIONED = """Clinics reopen in the hills after the storm
The health office reopened four clinics in the hill villages on Monday, two weeks after the storm cut the
only road to them.

{caption}

Nurses from the district hospital will staff the clinics until the road is repaired, officials said.
"""


def test_a_photo_caption_between_paragraphs_is_left_out():
    caption = "The district nurse checks a child's weight at the reopened clinic in the upper valley on Monday"
    page = analyse(CAPTIONED.format(caption=caption))
    assert caption not in page.record.body
    assert page.record.body.endswith("until the road is repaired, officials said.")


def test_a_clause_going_on_in_the_next_paragraph_is_not_a_caption():
    clause = "Speaking at the reopening of the clinic in the upper valley, the head of the district health office"
    page = analyse(CAPTIONED.format(caption=clause + ","))
    assert clause in page.record.body

"""Furniture rules: each fires on its shape, in any site's words, and leaves release text alone."""

import pytest

from pressparse.boilerplate import furniture_rule


@pytest.mark.parametrize(
    "text, previous, following, rule",
    [
        ("Nuestro trabajo", "", "Nuestro trabajo", "heading printed twice"),
        ("About usThe Agency supports displaced families in forty countries.", "About us", "", "heading glued to its blurb"),
        ("About us", "", "About usThe Agency supports displaced families.", "heading glued to its blurb"),
        ("- Programmes régionaux", "", "", "short bullet item"),
        ("• Deutsch", "", "", "short bullet item"),
        ("-", "", "", "lone punctuation"),
        ("Home / Press Room / News", "", "", "breadcrumb"),
        ("01:11", "", "", "timestamp"),
        ("© 2019 Agencia de Cooperación", "", "", "copyright"),
        ("Share this", "", "", "web-page phrase"),
        ("Imprimer", "", "", "web-page phrase"),
        ("Noticias relacionadas", "", "", "start of trailing matter"),
        ("This website uses cookies to improve your experience.", "", "", "web-page phrase"),
        ("Press Release Type: Regional", "", "", "metadata fields"),
        ("Language English Posted: Monday, March 4, 2019 - 10:02Image: Region-Country: KenyaThemes: Health", "", "", "metadata fields"),
    ],
)
def test_furniture_shapes(text, previous, following, rule):
    assert furniture_rule(text, previous, following) == rule


@pytest.mark.parametrize(
    "text",
    [
        "Formation de juges et de procureurs à la lutte contre la traite des personnes",
        "- More than 2,000 families received shelter kits and clean water during the first week of the response.",
        "Kano – Les autorités ont ouvert un nouveau centre.",
        "Email: aruiz@example.org",
        "Tel: +41 22 717 9486",
        "The share of displaced women rose to 60 per cent, the report says.",
    ],
)
def test_release_text_is_not_furniture(text):
    assert furniture_rule(text, "", "") == ""


@pytest.mark.parametrize("text", ["- water trucking to 120 villages;", "• Cash transfers for 30,000 households,"])
def test_list_items_of_a_sentence_are_not_menu_bullets(text):
    assert furniture_rule(text, "", "") == ""

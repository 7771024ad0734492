"""Furniture rules: each fires on its shape, in any site's words, and leaves release text alone."""

import re

import pytest

from conftest import CountingPattern, plain_python_only
from pressparse.steps import boilerplate
from pressparse.steps.boilerplate import INLINE_LINK_RULE, furniture_rule, mark_boilerplate
from pressparse.steps.clean import split_lines
from pressparse.model import Release
from pressparse.steps.page import Line, Page


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
        ("Accueil > Salle de presse", "", "", "breadcrumb"),  # one separator after a menu entry
        ("01:11", "", "", "timestamp"),
        ("© 2019 Agencia de Cooperación", "", "", "copyright"),
        ("Share this", "", "", "web-page phrase"),
        ("Imprimer", "", "", "web-page phrase"),
        ("Noticias relacionadas", "", "", "start of trailing matter"),
        ("This website uses cookies to improve your experience.", "", "", "web-page phrase"),
        ("Press Release Type: Regional", "", "", "metadata fields"),
        ("Language English Posted: Monday, March 4, 2019 - 10:02Image: Region-Country: KenyaThemes: Health", "", "", "metadata fields"),
        ("###", "", "", "start of trailing matter"),
        ("# # #", "", "", "start of trailing matter"),
        ("-30-", "", "", "start of trailing matter"),
        ("Families queue at the new water point in the camp. © Relief Agency/J. Doe", "", "", "copyright"),
        ("ENDS", "", "", "start of trailing matter"),
        ("► Lea también: Nuevas lluvias en la costa norte", "", "", "link inside the body"),
        ("Related Press Releases", "", "", "start of trailing matter"),
        ("Leave a Reply", "", "", "start of trailing matter"),
        ("Kommentare (4)", "", "", "start of trailing matter"),
        ("3 Comments", "", "", "start of trailing matter"),
        ("Reply", "", "", "web-page phrase"),
        ("About the Northern Relief Council", "", "", "start of trailing matter"),
        ("À propos de l’Organisation internationale pour la paix", "", "", "start of trailing matter"),
        ("Über die Stiftung Nordhilfe", "", "", "start of trailing matter"),
        ("About Northern Relief: Northern Relief has helped families in the hills since 1990.", "", "", "start of trailing matter"),
        ("Notes to editors", "", "", "start of trailing matter"),
        ("Your email address will not be published. Required fields are marked *", "", "", "web-page phrase"),
        ("Accessibility", "", "", "web-page phrase"),
        ("About us", "", "", "web-page phrase"),
        ("Sobre nosotros", "", "", "web-page phrase"),
        ("Fale conosco", "", "", "web-page phrase"),
        ("Alle anzeigen", "", "", "web-page phrase"),
        ("Area stampa", "", "", "web-page phrase"),
        ("English version", "", "", "link inside the body"),
        ("» lesen", "", "", "web-page phrase"),
        ("Skip to main content", "", "", "web-page phrase"),
        ("Go to the accessibility menu", "", "", "web-page phrase"),
        ("Follow UsFacebookTwitterInstagram", "", "", "social-media links"),
        ("Facebook Twitter Newsletter LinkedIn RSS", "", "", "social-media links"),
        ("Share on FacebookShare on TwitterShare by Email", "", "", "social-media links"),
        ("Condividi su: Facebook Twitter LinkedIn WhatsApp", "", "", "web-page phrase"),
        ("COMUNICADO DE PRENSA N.º 07-2020", "", "", "web-page phrase"),  # a label with the release's number
        ("Pressemitteilung Nr. 45/2021", "", "", "web-page phrase"),
        ("Centro de imprensa / Comunicados de imprensa", "", "", "breadcrumb"),  # one mark, a menu entry after it
        ("Teilen auf: Facebook X LinkedIn", "", "", "web-page phrase"),
        ("Partilhar no Facebook", "", "", "web-page phrase"),
        ("Leave a Reply Cancel reply", "", "", "start of trailing matter"),
        ("Reading time: 4 min", "", "", "metadata fields"),
        ("Topic(s): Firearms Offenses", "", "", "metadata fields"),
        ("Component(s): County Prosecutor's Office", "", "", "metadata fields"),
        ("Lecture 2 min.", "", "", "reading time"),
        ("5 min read", "", "", "reading time"),
        ("Autres articles", "", "", "start of trailing matter"),
        ("Lo más leído", "", "", "start of trailing matter"),
        ("Most read", "", "", "start of trailing matter"),
        ("Newsletter Follow the Agency on Google News", "", "", "social-media links"),
        ("Read also: Flood waters recede in the south as families return", "", "", "link inside the body"),
        ("Le puede interesar: Lluvias dejan miles de damnificados en la costa.", "", "", "link inside the body"),
        ("Pressemitteilung zum Download", "", "", "link inside the body"),
        ("WATCH: Families return to the flooded villages", "", "", "link inside the body"),
        ("READ MORE: Families return to the flooded villages", "", "", "link inside the body"),  # not the button
        ("Te puede interesar:", "", "", "link inside the body"),
        ("Lire aussi :", "", "", "link inside the body"),
        ("Lire aussi", "", "", "start of trailing matter"),
        ("Close sites icon close", "", "", "control labels"),
        ("Springfield, IL 62701, USA.", "", "", "postal address"),
        ("75011 Paris, France", "", "", "postal address"),
        ("For Immediate Release", "", "", "web-page phrase"),
        ("FOR IMMEDIATE RELEASE: March 4, 2024", "", "", "metadata fields"),
        ("Secure .gov websites use HTTPS", "", "", "web-page phrase"),
        ("Nuevas lluvias obligan a evacuar tres barrios del norte", "Te puede interesar:", "", "link inside the body"),
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
        "About 200 families returned home this week",
        "20000 Families Displaced",
        "The convoy left at 7 min past noon",
        "The office moved to Springfield, IL 62701 last year.",
        "About 200 families: the first ones returned home this week.",
        "Sobre a crise no norte do país",
        "The appeal was shared on Facebook and Instagram by thousands of people.",
        "Facebook and Instagram groups helped the volunteers find the families in need",
        "Nuevas lluvias obligan a evacuar tres barrios del norte",
        "Read also the full report of the mission, published on Monday.",
        "An icon of the city reopens",
        "The new logo is an icon.",
        "CIUDAD DE MÉXICO, 16 de agosto de 2020 / Agencia / -- La Organización Internacional para las",  # a wire dateline
        "Press Release | 3 June 2014",  # a teaser's date line
        "Children | Education",  # one separator, no menu entry before it
    ],
)
def test_release_text_is_not_furniture(text):
    assert furniture_rule(text, "", "") == ""


def test_a_title_under_a_link_label_is_a_link_unless_the_line_above_was_found_to_be_release_text():
    title, label = "Shelters open in the north", "Read also:"
    assert furniture_rule(title, label, "") == INLINE_LINK_RULE  # the line above's rule unknown: looked up
    assert furniture_rule(title, label, "", INLINE_LINK_RULE) == INLINE_LINK_RULE
    assert furniture_rule(title, label, "", "") == ""


def test_a_sentence_under_a_bare_link_label_is_the_body_going_on():
    assert furniture_rule("El albergue abrirá sus puertas el lunes.", "Te puede interesar:", "") == ""


@pytest.mark.parametrize("text", ["- water trucking to 120 villages;", "• Cash transfers for 30,000 households,"])
def test_list_items_of_a_sentence_are_not_menu_bullets(text):
    assert furniture_rule(text, "", "") == ""


@pytest.mark.parametrize(
    "text, rule",
    [
        ("كلمات دليلية", "start of trailing matter"),
        ("التعليقات (0)", "start of trailing matter"),
        ("اقرأ أيضاً:", "link inside the body"),
        ("اقرأ أيضاً", "start of trailing matter"),
        ("المصدر: وكالة الأنباء", "metadata fields"),
        ("نبذة عن المنظمة", "start of trailing matter"),
    ],
)
def test_arabic_furniture_is_read_from_its_lexicon(text, rule):
    assert furniture_rule(text, "", "") == rule


def _marked(text: str) -> list[tuple[str, str]]:
    page = Page(text=text, lines=[], record=Release())
    split_lines(page)
    mark_boilerplate(page)
    return [(line.text, line.role) for line in page.lines if line.text]


def test_an_e_mail_protection_notice_is_cut_out_of_its_line():
    notice = "This email address is being protected from spambots. You need JavaScript enabled to view it."
    assert _marked(f"Press office: Ana Ruiz, {notice}\n{notice}\nThe office opens at nine.") == [
        ("Press office: Ana Ruiz,", ""),
        (notice, "boilerplate"),
        ("The office opens at nine.", ""),
    ]


def test_a_list_of_dated_teasers_is_furniture_but_a_lone_dated_line_is_not():
    teasers = (
        "Shelter plan backed by the council\n"
        "17.10.2019 - The council backs the new shelter plan for the winter months\n"
        "Volunteers wanted\n"
        "02.10.2019 - The association looks for volunteers for its evening courses\n"
    )
    roles = dict(_marked(teasers))
    assert roles["17.10.2019 - The council backs the new shelter plan for the winter months"] == "boilerplate"
    assert roles["02.10.2019 - The association looks for volunteers for its evening courses"] == "boilerplate"
    chronology = (
        "12.03.2019 - The council votes the shelter plan and the\n"
        "minister signs it the same day.\n"
        "14.03.2019 - The first hall opens.\n"
    )
    assert _marked(chronology)[2] == ("14.03.2019 - The first hall opens.", "")
    lone = "17.10.2019 - The council today backed the new shelter plan for the winter months."
    assert _marked(f"Shelter plan backed\n{lone}\nIt will open four halls.")[1] == (lone, "")


def test_one_sentence_of_a_notice_or_a_hidden_address_mark_is_cut_out_of_its_line_too():
    assert _marked(
        "Contact presse : Léa Morel : Cette adresse e-mail est protégée contre les robots spammeurs.\n"
        "Press office: Tom Berg, Email: [email protected]\n"
    ) == [("Contact presse : Léa Morel", ""), ("Press office: Tom Berg, Email", "")]


@plain_python_only
def test_a_long_line_of_notice_marks_is_read_near_each_mark(monkeypatch):
    # The notice pattern was searched over the whole of each line holding a mark: a long line dense with marks
    # ("JavaScript", "spambots") cost its whole length in a case-blind alternation.
    notice_at = CountingPattern(boilerplate._lexicon().notice_at)
    monkeypatch.setattr(boilerplate._lexicon(), "notice_at", notice_at)
    for marks in (100, 400):
        notice_at.read = 0
        words = "JavaScript spambots " * marks
        line = f"{words}You need JavaScript\u2028 enabled to view it. Press office."  # a rarer space too
        assert _marked(line) == [(f"{words}Press office.", "")]
        assert notice_at.read <= marks * 2_000  # a few short matches per mark, not the line read from each


@pytest.mark.parametrize(
    "line",
    [
        "Email: THIS EMAIL ADDRESS IS BEING PROTECTED FROM SPAMBOTS. you need javascript enabled to view it!",
        "[email protected][email protected] and [Email Protected].",
        "Press: Diese E-Mail-Adresse ist vor Spambots geschützt! Zur Anzeige muss JavaScript eingeschaltet sein.",
        "Two  spaces: This email address is being protected from  spambots.",  # spaces as the scraper left them
        "İstanbul office: This email address is being protected from spambots.",  # "İ" is two small letters
        "Line\u2028break: You need JavaScript\u2028enabled to view it.",
    ],
)
def test_notices_are_cut_as_a_search_of_the_whole_line_cuts_them(line):
    notices = boilerplate.lexicon.merged("boilerplate", "protected_email")
    whole_line_search = re.compile(r"\s*(?:{})[.!]?".format(boilerplate.lexicon.alternation(notices)), re.IGNORECASE)
    assert boilerplate._without_notices(line) == whole_line_search.sub("", line)


def test_no_notice_begins_another_so_that_their_trie_matches_as_their_alternation():
    notices = [notice.lower() for notice in boilerplate.lexicon.merged("boilerplate", "protected_email")]
    assert not [(a, b) for a in notices for b in notices if a != b and b.startswith(a)]


def test_the_notice_marks_are_few_words_that_find_every_notice():
    notices = ("Red apples are sweet", "Green apples are sour", "Plums are ripe")
    assert boilerplate._notice_marks(notices) == ("apples", "Plums")


def test_a_dated_teaser_needs_a_title_above_it_and_another_item_two_lines_away():
    texts = ["12.05.2020 - The first item has no title above it", "Second title",
             "14.05.2020 - The second item under its title", "Third title",
             "16.05.2020 - The third item under its title"]
    lines = [Line(number=i, text=text) for i, text in enumerate(texts)]
    assert [boilerplate._is_dated_teaser(lines, i) for i in range(len(lines))] == [False, False, True, False, True]


def test_a_line_starting_with_a_network_name_in_any_case():
    words = boilerplate._lexicon()
    for line in ("Facebook Twitter LinkedIn", "FACEBOOK", "linkedin · YouTube", "Instagram – Flickr"):
        assert boilerplate._starts_with_network(line, words), line
    for line in ("Follow us on Facebook", "The Facebook page of the office", "Über uns"):
        assert not boilerplate._starts_with_network(line, words), line


@pytest.mark.parametrize(
    "line",
    [
        "Facebook Twitter LinkedIn", "FACEBOOK · YOUTUBE", "Suivez-nous : Facebook Twitter — été", "Facebook İnstagram",
        "ınstagram facebook", "ſhare: RSS Flickr", "Faceboo\u212a Twitter", "Google News RSS", "Email: press@example.org",
        "Ǆ facebook twitter", "Les partenaires de l’OIM à Tripoli", "Partager sur Facebook Partager sur Twitter é",
    ],
)
def test_network_names_are_found_in_small_letters_as_the_case_blind_pattern_finds_them(line):
    words = boilerplate._lexicon()
    assert all(name.isascii() for name in words.network_names)  # what `_in_small_letters` relies on
    case_blind = words.networks
    assert boilerplate._starts_with_network(line, words) == (case_blind.match(line) is not None)
    found = len(case_blind.findall(line))
    row = found >= 2 and len(case_blind.sub(" ", line).split()) <= max(boilerplate._MAX_SOCIAL_ROW_WORDS, 2 * found)
    assert boilerplate._is_social_row(line, words) == row


def test_the_cheap_tests_of_a_line_agree_with_their_patterns():
    lone_punctuation = re.compile(r"^[\W_]+$")
    postal_address = re.compile(
        r",\s[A-Z]{2}\s\d{5}(?:-\d{4})?(?:,[\w\s.]*)?\.?$|^\d{5}\s[A-ZÀ-Ý][^\W\d_]+(?:,\s*[A-ZÀ-Ý][^\W\d_]+)?\.?$"
    )
    lines = ["###", "# # #", "-30-", "- 30 -", "- 2030 Agenda", "—", "-_-", "- ", "• Item", "_", "Springfield, IL 62701, USA.",
             "75011 Paris, France", "75011 Paris", "Paris, France", "x,\u00a0AB\u00a012345-1234, foo.", "12345 été"]
    for line in lines:
        assert boilerplate._is_end_mark(line) == (boilerplate._END_MARK.match(line) is not None), line
        assert boilerplate._is_lone_punctuation(line) == (lone_punctuation.match(line) is not None), line
        assert boilerplate._is_postal_address(line) == (postal_address.search(line) is not None), line

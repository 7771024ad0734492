"""Headline, body span, listings and pages without a release, on small pages written for these tests."""

from pressparse.pipeline import analyse, extract

MENU = """Who we are
Who we are
Our mission
Our mission
- Regional offices
- Annual reports
-
"""

RELEASE = MENU + """Press Release
Global
Water points reopen in flooded districts of the delta
The agency reopened twelve water points this week in districts cut off by the floods, after engineers
repaired pumps and pipes that had been under water for a month.
More than 9,000 people now have clean water within walking distance, local officials said on Tuesday.
Share this
Related news
01:11
Floods: what comes next
"""


def test_headline_after_menu_and_labels_and_body_without_trailing_matter():
    record = extract(RELEASE)
    assert record.headline == "Water points reopen in flooded districts of the delta"
    assert record.body == (
        "The agency reopened twelve water points this week in districts cut off by the floods, after engineers "
        "repaired pumps and pipes that had been under water for a month.\n\n"
        "More than 9,000 people now have clean water within walking distance, local officials said on Tuesday."
    )
    assert record.warnings == []


def test_hard_wrapped_paragraphs_are_joined_and_headline_kept_apart():
    page = """Noticias
Noticias
Nuevo centro de salud para familias desplazadas en la frontera norte
La organización inauguró el lunes un centro de salud que
atenderá a más de 4.000 familias desplazadas por la
violencia en la región, con el apoyo de las autoridades
locales y de varias organizaciones comunitarias.
El centro ofrecerá vacunación, atención materna y apoyo
psicológico durante los próximos dos años.
"""
    record = extract(page)
    assert record.headline == "Nuevo centro de salud para familias desplazadas en la frontera norte"
    assert record.body.split("\n\n") == [
        "La organización inauguró el lunes un centro de salud que atenderá a más de 4.000 familias desplazadas "
        "por la violencia en la región, con el apoyo de las autoridades locales y de varias organizaciones "
        "comunitarias.",
        "El centro ofrecerá vacunación, atención materna y apoyo psicológico durante los próximos dos años.",
    ]


def test_news_portal_page_without_headline_starts_at_the_place_line():
    page = MENU + """Kano
Kano – Health workers began a vaccination campaign on Monday that aims to reach 300,000 children in the
state before the rainy season, officials said, after a rise in measles cases in rural districts.
"""
    record = extract(page)
    assert record.headline is None
    assert record.body.startswith("Kano – Health workers began")


def test_listing_is_not_glued_into_one_record():
    items = []
    for n, (title, day) in enumerate([("Clinics reopen in the east", 3), ("Shelter kits reach islands", 9),
                                     ("New school year for refugee children", 15)]):
        items.append(f"""{title}
Tue, 05/{day:02}/2018 - 10:0{n}
The agency said the work would continue through the year with partners in the region, and that more
families would be reached in the coming months as roads reopen after the storms.
Read more
""")
    record = extract(MENU + "".join(items))
    assert record.headline is None
    assert record.body == ""
    assert record.warnings == ["listing page: 3 releases found, none extracted"]


def test_page_without_a_release_gets_a_warning():
    page = MENU + "Publications\nAnnual report 2018\nMigration data brief\nPage not found\n© 2020 Example Agency\n"
    record = extract(page)
    assert (record.headline, record.body) == (None, "")
    assert record.warnings == ["no release found on the page"]


def test_seed_000_headline_and_joined_body(seed_000_text):
    record = extract(seed_000_text)
    assert record.headline == "Formation de juges et de procureurs à la lutte contre la traite des personnes"
    assert record.body.startswith(
        "Un groupe de 60 juges et procureurs libyens sont actuellement formés par l'OIM sur divers aspects de la "
        "migration irrégulière, dont la traite des personnes, dans le but de renforcer leur compréhension du "
        "phénomène qui touche également leur pays.\n\nLa Libye, pays de transit"
    )
    assert "Directrice générale" not in record.body and "2030 AGENDA" not in record.body


def test_seed_003_menu_lines_are_marked_boilerplate(seed_003_text):
    page = analyse(seed_003_text)
    roles = {line.text: line.role for line in page.lines if line.text}
    for menu in ("Qui sommes nous", "- Directrice générale", "Travailler avec nous", "- 2030 AGENDA", "-"):
        assert roles[menu] == "boilerplate", menu
    assert page.record.body.startswith("Libye - Dans le cadre de sont projet en cours")


def test_share_line_ends_the_release_and_what_follows_is_not_body():
    page = RELEASE.replace("Share this\n", "Share this\nOur site stores small files on your device to remember your choices and measure visits.\n")
    assert extract(page).body.endswith("local officials said on Tuesday.")


def test_image_credit_inside_the_body_does_not_cut_it():
    page = RELEASE.replace("More than 9,000", "Photo: Field team, 2018\nMore than 9,000")
    body = extract(page).body
    assert body.endswith("local officials said on Tuesday.") and "Photo:" not in body


def test_list_items_and_quotes_stay_in_the_body():
    page = MENU + """Drought response scaled up as rains fail again
Nairobi - The agency and its partners are scaling up water trucking and cash assistance in four northern
counties, where the rains have failed for a fifth season in a row.
The response includes:
- water trucking to 120 villages;
- cash transfers for 30,000 households;
"We are seeing families walk for days in search of water," said the team leader in the north.
The appeal is only 35 per cent funded.
"""
    record = extract(page)
    assert record.headline == "Drought response scaled up as rains fail again"
    paragraphs = record.body.split("\n\n")
    assert paragraphs[2:4] == ["- water trucking to 120 villages;", "- cash transfers for 30,000 households;"]
    assert paragraphs[-1] == "The appeal is only 35 per cent funded."


def test_a_labelled_link_between_paragraphs_is_left_out_and_the_body_goes_on():
    page = RELEASE.replace("More than 9,000", "You may also like: Flood defences to be rebuilt before the rains\nMore than 9,000")
    body = extract(page).body
    assert body.endswith("local officials said on Tuesday.") and "Flood defences" not in body and "like:" not in body

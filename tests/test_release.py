"""Headline, body span, listings and pages without a release, on small pages written for these tests."""

import pytest

from pressparse.pipeline import analyse, extract
from pressparse.steps import release

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


def test_a_dateline_line_cut_by_one_wrap_before_a_capital_is_the_body_not_a_title():
    page = MENU + """Japão doa US$ 2 milhões para resposta a migrantes venezuelanos
Brasília – O Governo do Japão doou 2 milhões de dólares à Agência da ONU para Refugiados para apoiar a
Operação Acolhida em Roraima. Os recursos também serão usados no Programa de Interiorização.
O embaixador japonês visitou os abrigos em Boa Vista na semana passada.
"""
    record = extract(page)
    assert record.headline == "Japão doa US$ 2 milhões para resposta a migrantes venezuelanos"
    assert record.body.split("\n\n") == [
        "Brasília – O Governo do Japão doou 2 milhões de dólares à Agência da ONU para Refugiados para apoiar a "
        "Operação Acolhida em Roraima. Os recursos também serão usados no Programa de Interiorização.",
        "O embaixador japonês visitou os abrigos em Boa Vista na semana passada.",
    ]


def test_on_a_hard_wrapped_page_a_dateline_line_wrapped_before_a_capital_goes_on():
    page = MENU + """State Fines Poultry Processor for Repeated Wastewater Violations
Mar 3, 2021
Harrisburg, PA - The Pennsylvania Department of Environmental
Protection (DEP) today announced a $412,000 civil penalty against
Keystone Valley Poultry LLC for repeated violations of its
wastewater discharge permit at its processing plant in Myerstown,
where two fish kills were recorded in the creek last summer.
Between January 2019 and August 2020, the company exceeded its
limits on more than 90 occasions, according to monitoring reports
submitted to the department and samples taken by inspectors.
"""
    record = extract(page)
    assert record.headline == "State Fines Poultry Processor for Repeated Wastewater Violations"
    assert record.body.startswith("Harrisburg, PA - The Pennsylvania Department of Environmental Protection (DEP) today")
    assert record.location.name == "Harrisburg"


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


BODY = """The agency opened twelve health posts this week in districts cut off by the floods, after engineers
repaired the pumps and pipes that had been under water for a month.
More than 9,000 people now have clean water within walking distance, local officials said on Tuesday.
"""


def test_headline_in_a_script_without_capitals():
    page = MENU + """المنظمة تفتح مراكز صحية جديدة في المناطق المتضررة من الفيضانات
قالت المنظمة اليوم إنها افتتحت اثني عشر مركزا صحيا في المناطق التي غمرتها المياه، بعد أن أصلح المهندسون المضخات والأنابيب.
ويحصل أكثر من تسعة آلاف شخص الآن على مياه نظيفة قرب منازلهم، وفق ما قاله مسؤولون محليون يوم الثلاثاء.
"""
    assert extract(page).headline == "المنظمة تفتح مراكز صحية جديدة في المناطق المتضررة من الفيضانات"


def test_release_label_and_date_under_a_headline_in_capitals():
    page = MENU + "HEALTH POSTS REOPEN IN FLOODED DISTRICTS\nFOR IMMEDIATE RELEASE\nMay 5, 2020\n" + BODY
    assert extract(page).headline == "HEALTH POSTS REOPEN IN FLOODED DISTRICTS"


def test_label_heading_the_title_on_its_line_is_left_out():
    page = MENU + "MEDIA ADVISORY: Officials to visit the reopened health posts on Friday\n" + BODY
    assert extract(page).headline == "Officials to visit the reopened health posts on Friday"


def test_page_with_only_a_release_label_has_no_headline():
    record = extract("For Immediate Release\n" + BODY)
    assert record.headline is None
    assert record.body.startswith("The agency opened twelve health posts")


def test_lines_between_title_and_body_are_not_the_headline():
    title = "Health posts reopen in flooded districts of the delta"
    for between in (
        "Media Release 12/2020",  # a numbered label
        "READ THE REPORT",  # a call to action
        "Close menu icon close",  # control labels
        "Share on Facebook Share on Twitter Share by Email",  # a row of buttons
        "Jo Marsh, +44 20 7946 0321",  # a contact line
        "Field Wire - 17 hours 23 min ago",  # an aggregator's time stamp
        "Field Wire - hace 3 horas",  # the same with its word before the number
        "Media Release 2" + "0" * 150 + "/2020",  # a numbered label, however long its number (read from the end)
        "A nurse at work (c) J. Marsh / Field Agency",  # a photo credit
        "DELTA CITY, Southland, 5 May 2020 /Field Wire/ --",  # a wire dateline waiting for its text
        "Jo Marsh Press Office",  # a contact widget's name
        "Standfirst of the story, in one sentence.\nBy Jo Marsh",  # a byline under a standfirst
        "By Jo Marsh and Ana Ruiz",  # a byline of two names joined by a function word
        "Von Anna Schmidt und Jo Marsh, dpa",  # and the agency after them
    ):
        page = MENU + title + "\n" + between + "\n" + BODY
        assert extract(page).headline == title, between


def test_deck_under_the_title_is_not_the_headline():
    page = MENU + """Health posts reopen in flooded districts of the delta
Twelve posts serve families who lost their homes when the river broke its banks last month
""" + BODY
    record = extract(page)
    assert record.headline == "Health posts reopen in flooded districts of the delta"
    assert record.body.startswith("The agency opened twelve health posts")


def test_title_case_deck_under_a_title_case_title_is_not_the_headline():
    page = MENU + """Governor Opens Three New Health Posts Along The Delta
Families Displaced By Last Month's Floods Will Be Seen Free Of Charge At Every Post Until The Autumn
""" + BODY
    assert extract(page).headline == "Governor Opens Three New Health Posts Along The Delta"
    # a Title Case line too short for a sentence over a longer one is a section label, not a title over its deck
    page = MENU + "Regional News From The Delta Desk\nGovernor Opens Three New Health Posts Along The Flooded Delta\n" + BODY
    assert extract(page).headline == "Governor Opens Three New Health Posts Along The Flooded Delta"


def test_section_label_over_the_title_is_not_the_headline():
    page = MENU + "Regional news desk\nHealth posts reopen in flooded districts of the delta and the coast\n" + BODY
    assert extract(page).headline == "Health posts reopen in flooded districts of the delta and the coast"


def test_caption_under_a_photo_credit_is_not_the_headline():
    page = MENU + """Health posts reopen in flooded districts of the delta
Tue, 05/05/2020 - 10:00
© Field Agency / J. Marsh
A nurse checks a child at a reopened health post near the river
""" + BODY
    assert extract(page).headline == "Health posts reopen in flooded districts of the delta"


def _teasers(dated: bool) -> str:
    items = []
    for n, title in enumerate(["Clinics reopen in the east after the storm", "Shelter kits reach the islands by boat",
                               "A new school year begins for refugee children"]):
        date = f"0{n + 1}.03.2019\n" if dated else ""
        items.append(f"""{title}
{date}The agency said the work would continue through the year with partners in the region, and that more
families would be reached in the coming months as roads reopen.
Continue reading ›
""")
    return "".join(items)


def test_teasers_without_dates_make_a_listing():
    record = extract(MENU + "News releases\n" + _teasers(dated=False).replace("Continue reading ›\n", ""))
    assert record.headline is None and record.body == ""
    assert record.warnings == ["listing page: 3 releases found, none extracted"]


def test_teasers_with_dates_and_links_make_a_listing():
    record = extract(MENU + _teasers(dated=True))
    assert record.headline is None
    assert record.warnings == ["listing page: 3 releases found, none extracted"]


def test_sidebar_teasers_above_the_release_are_left_out():
    page = MENU + _teasers(dated=False) + "\nHealth posts reopen in flooded districts of the delta\n" + BODY
    record = extract(page)
    assert record.headline == "Health posts reopen in flooded districts of the delta"
    assert record.body.startswith("The agency opened twelve health posts")


def test_page_cut_short_in_its_first_paragraph_still_holds_the_release():
    page = MENU + """Health posts reopen in flooded districts of the delta
DELTA CITY, 5 May 2020 - The agency opened twelve health posts this week in districts cut off by the
"""
    record = extract(page.replace("the\n", "the"))
    assert record.headline == "Health posts reopen in flooded districts of the delta"
    assert record.body.startswith("DELTA CITY, 5 May 2020 - The agency")


def test_title_in_capitals_is_not_joined_to_a_paragraph_opening_on_its_date():
    page = MENU + "CLINICHE RIAPERTE NELLE ZONE ALLUVIONATE\n22 maggio 2012 - " + BODY
    assert extract(page).headline == "CLINICHE RIAPERTE NELLE ZONE ALLUVIONATE"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("CONFERENZA FINALE 2013", True),
        ("CLINICHE RIAPERTE NELLE ZONE ALLUVIONATE", True),  # capitals past the first characters looked at
        ("CLINICHE RIAPERTE nelle zone alluvionate", False),  # small letters only after them
        ("Cliniche riaperte nelle zone alluvionate", False),
        ("2013 – 17.10.2018", False),  # no letter
    ],
)
def test_a_line_in_capitals_has_letters_and_none_in_small_letters(text, expected):
    assert release._in_capitals(text) is expected


def test_an_author_bio_after_a_short_release_is_not_the_release():
    page = """Health posts reopen in flooded districts of the delta
Reading time 1 min.
Flag of the delta
Flag of the delta
The agency opened twelve health posts this week in districts cut off by the floods, after engineers repaired the pumps and pipes that had been under water for a month, and more than 9,000 people now have clean water.
Jo Marsh
READ THE BIO
Jo Marsh is a reporter based in the delta who has covered floods, droughts and the work of aid agencies in the region for many years, and who writes for several magazines and radio stations about health, water and the lives of the families who live along the river and its many branches.
"""
    record = extract(page)
    assert record.headline == "Health posts reopen in flooded districts of the delta"
    assert record.body.startswith("The agency opened twelve health posts")


def test_menu_entry_naming_the_page_is_its_title():
    page = MENU.replace("-\n", "") + """- CONFERENZA FINALE DEL PROGETTO DELTA
SI È SVOLTA A ROMA LA CONFERENZA FINALE DEL PROGETTO DELTA SULL'ACCOGLIENZA
28 giugno 2013 - Si è svolta questa mattina a Roma la conferenza finale del progetto Delta, che ha accompagnato
per due anni le famiglie accolte nei centri della regione verso il lavoro e la casa.
Hanno partecipato i rappresentanti delle istituzioni locali e delle associazioni che hanno seguito le famiglie.
"""
    assert extract(page).headline == "CONFERENZA FINALE DEL PROGETTO DELTA"


def test_menu_entry_of_another_page_is_not_the_title():
    page = MENU.replace("-\n", "") + """- Regional offices and country missions
Health posts reopen in flooded districts of the delta
""" + BODY
    assert extract(page).headline == "Health posts reopen in flooded districts of the delta"


def test_issuer_under_the_release_label_is_not_the_headline():
    page = """Press Release
Lakeside Man Sentenced for Armed Robbery of Two Banks
Tuesday, May 5, 2020
For Immediate Release
U.S. Attorney's Office, Northern District of Lakeside
LAKESIDE - A man was sentenced today to ten years in federal prison for robbing two banks at gunpoint last
year, the United States Attorney announced after the hearing in federal court.
The case was investigated by the police department and the federal bureau of investigation.
"""
    assert extract(page).headline == "Lakeside Man Sentenced for Armed Robbery of Two Banks"


def test_a_related_item_after_the_release_does_not_make_a_listing():
    page = """Health posts reopen in flooded districts of the delta
Tuesday, May 5, 2020
""" + BODY + """Related content
Press release
Shelter kits reach the islands by boat
May 1, 2020
The agency said the work would continue through the year with partners in the region, and that more families
would be reached in the coming months.
"""
    record = extract(page)
    assert record.headline == "Health posts reopen in flooded districts of the delta"
    assert record.warnings == []


def test_a_row_of_links_ending_the_page_is_not_a_paragraph_cut_short():
    page = MENU + "Health posts reopen in flooded districts of the delta\n" + BODY + (
        "Accessibility Privacy Policy Terms of Use Freedom of Information Site Map Contact Us Careers Press Office")
    assert extract(page).body.endswith("local officials said on Tuesday.")


def test_numbers_grouped_by_thousands_are_no_phone_number():
    title = "Plus de 12 000 000 de personnes ont besoin d'aide dans le delta"
    assert extract(MENU + title + "\n" + BODY).headline == title


def test_a_long_line_ending_the_page_under_a_release_is_not_taken_for_its_text():
    page = MENU + "Health posts reopen in flooded districts of the delta\n" + BODY + (
        "Leave a reply\nYour e-mail address will not be published. Fields you must fill in are marked with *")
    assert extract(page).body.endswith("local officials said on Tuesday.")


def test_titles_under_the_last_paragraph_do_not_outweigh_the_release():
    related = "\n".join(f"Related story number {n}: shelter kits reach families on the islands of the delta by boat"
                        for n in range(1, 5))
    page = MENU + "Health posts reopen in flooded districts of the delta\n" + BODY + related + "\n"
    record = extract(page)
    assert record.headline == "Health posts reopen in flooded districts of the delta"
    assert record.body.endswith("local officials said on Tuesday.")


def test_a_release_in_sections_under_short_headings_is_no_listing():
    sections = "".join(f"{heading}\n{BODY.splitlines()[2]}\n" for heading in ("What happened", "Who is helping",
                                                                            "What comes next"))
    record = extract(MENU + "Health posts reopen in flooded districts of the delta\n" + sections)
    assert record.headline == "Health posts reopen in flooded districts of the delta"
    assert record.warnings == []


def test_an_organisation_named_over_the_title_is_not_the_headline():
    title = "Families in the border region face a harsh winter without proper shelter"
    page = "Office of the Regional Commissioner for Displaced Persons and Refugees\n" + title + "\n" + BODY
    assert extract(page).headline == title


def test_a_wire_dateline_ending_on_its_agency_is_not_the_headline():
    page = MENU + "Delta health posts reopen\nCIUDAD DEL DELTA, Sur, 16 de agosto 2020 /Agencia Norte/\n" + BODY
    assert extract(page).headline == "Delta health posts reopen"


def test_a_labelled_link_between_paragraphs_is_left_out_and_the_body_goes_on():
    page = RELEASE.replace("More than 9,000", "You may also like: Flood defences to be rebuilt before the rains\nMore than 9,000")
    body = extract(page).body
    assert body.endswith("local officials said on Tuesday.") and "Flood defences" not in body and "like:" not in body


@pytest.mark.parametrize("caption", [
    "Nurses check a child at a reopened health post near the river. Credit: Jo Marsh/Field Agency",
    "Nurses check a child at a reopened health post near the riverFoto: Field Agency",
    "Nurses check a child at a reopened health post near the river. (AP)",
    "Photo by Jo Marsh",  # a credit phrase before the name
])
def test_caption_with_its_photo_credit_is_not_the_headline(caption):
    page = MENU + "Health posts reopen in flooded districts of the delta\nMay 5, 2020\n" + caption + "\n" + BODY
    assert extract(page).headline == "Health posts reopen in flooded districts of the delta"


def test_caption_after_a_link_inside_the_body_does_not_split_the_release():
    first, second = BODY.split("More than")
    page = (MENU + "Health posts reopen in flooded districts of the delta\n\n" + first + "\nRead also: Pumps arrive by boat\n\n"
            "A nurse at work in a reopened post near the river. Credit: Jo Marsh\n\nMore than" + second)
    record = extract(page)
    assert record.headline == "Health posts reopen in flooded districts of the delta"
    assert "clean water" in record.body and "Pumps arrive" not in record.body



def test_caption_between_the_date_line_and_the_body_is_not_the_headline():
    head = """Health posts reopen in flooded districts of the delta
Twelve posts serve the families who lost their homes
By Jo Marsh
May 5, 2020
A nurse checks a child at one of the reopened posts near the river bank
"""
    assert extract(MENU + head + BODY).headline == "Health posts reopen in flooded districts of the delta"
    # a Title Case headline under its date line stays the headline, whatever title-like line heads the date
    page = MENU + "Regional News From The Delta Desk\nMay 5, 2020\nHealth Posts Reopen in Flooded Districts\n" + BODY
    assert extract(page).headline == "Health Posts Reopen in Flooded Districts"


def test_a_line_above_the_menu_and_the_date_line_is_not_the_title_of_the_line_under_them():
    # the head is one block: across a breadcrumb or a label, the line above the date line is a menu entry or
    # the site's name, and the sentence-case line under the date is the title
    for furniture in ("Home > Newsroom > Press releases\n", "Press Release\n"):
        page = MENU + "Services for citizens\n" + furniture + "May 5, 2020\nHealth posts reopen in flooded districts\n"
        assert extract(page + BODY).headline == "Health posts reopen in flooded districts"


def test_a_byline_with_a_colon_and_a_row_of_buttons_are_no_titles():
    head = "Health posts reopen in flooded districts of the delta\nPor: Equipo de Comunicación\n"
    assert extract(MENU + head + BODY).headline == "Health posts reopen in flooded districts of the delta"
    head = (
        "Health posts reopen in flooded districts of the delta\n"
        "Twelve posts serve the families who lost their homes when the river rose\n"
        "Imprimer la page Envoyer par e-mail PDF (212 Ko)\n"
    )
    assert extract(MENU + head + BODY).headline == "Health posts reopen in flooded districts of the delta"
    # a download link with its file's format and size
    page = MENU + """المنظمة تفتح مراكز صحية جديدة في المناطق المتضررة من الفيضانات
نشر في: 23 غشت 2021
تحميل البلاغ (PDF – 240 ك.ب)
قالت المنظمة اليوم إنها افتتحت اثني عشر مركزا صحيا في المناطق التي غمرتها المياه، بعد أن أصلح المهندسون المضخات.
ويحصل أكثر من تسعة آلاف شخص الآن على مياه نظيفة قرب منازلهم، وفق ما قاله مسؤولون محليون يوم الثلاثاء.
"""
    assert extract(page).headline == "المنظمة تفتح مراكز صحية جديدة في المناطق المتضررة من الفيضانات"


def test_a_title_under_a_label_is_no_deck_of_the_line_above_the_label():
    page = MENU + "Media / Press releases and statements\nPress Release\n"
    page += "Health posts reopen in flooded districts of the delta after a month\n"
    assert extract(page + BODY).headline == "Health posts reopen in flooded districts of the delta after a month"


def test_title_case_deck_shorter_than_its_title_is_not_the_headline():
    page = MENU + "New Haven Man Sentenced to 11 Years for Trafficking Fentanyl and Illegal Firearms\n"
    page += "Case Was Investigated Under Project Safe Neighborhoods\n"
    headline = "New Haven Man Sentenced to 11 Years for Trafficking Fentanyl and Illegal Firearms"
    assert extract(page + BODY).headline == headline
    # a breadcrumb glued to the title above it is no title over a deck
    page = MENU + "HomeLatest NewsGovernor Opens Three New Health Posts\nGovernor Opens Three New Health Posts\n"
    assert extract(page + BODY).headline == "Governor Opens Three New Health Posts"


def test_title_and_standfirst_over_a_row_of_buttons_head_the_body_under_it():
    head = """Health posts reopen in flooded districts of the delta
Twelve posts now serve the families who lost their homes.
Share
Print
"""
    long_body = BODY + "\n" + BODY.replace("The agency", "Since then the agency")
    record = extract(MENU + head + long_body)
    assert record.headline == "Health posts reopen in flooded districts of the delta"
    assert record.body.startswith("The agency opened twelve health posts")
    # across the site's menu (headings printed twice, bullets) a title heads nothing
    record = extract("Who we are\nThe agency helps families in the delta.\n" + MENU + long_body)
    assert record.headline is None

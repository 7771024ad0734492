"""Funders: one test per cue, per name boundary and per trap, in French, English and Spanish."""

from __future__ import annotations


import pytest

from pressparse.steps import funders, names, projects
from pressparse.model import Contact
from pressparse.steps.names import Budget, Paragraph, Spots, funding_cues
from conftest import CountingPattern, plain_python_only
from test_projects import page_of


def funded(*paragraphs: str, language: str = "en", headline: str | None = None, contacts=()) -> list[str]:
    """Funder names of a page made of `paragraphs`, the projects step run first as in the pipeline."""
    page = page_of(*paragraphs, language=language, headline=headline)
    page.record.contacts = list(contacts)
    projects.find_projects(page)
    funders.find_funders(page)
    return [f.name for f in page.record.funders]


@pytest.mark.parametrize(
    "text, language, expected",
    [
        ("Le centre, financé par la Fondation Aubrac, a ouvert ses portes.", "fr", ["Fondation Aubrac"]),
        ("The shelter, funded by the Kingdom of Norway, opened in May.", "en", ["Kingdom of Norway"]),
        ("Kits were bought with funding from the Government of Canada last week.", "en", ["Government of Canada"]),
        ("Les puits ont été creusés grâce au soutien financier du Japon en 2019.", "fr", ["Japon"]),
        ("La clínica, financiada por el Gobierno de Chile, abrió en marzo.", "es", ["Gobierno de Chile"]),
        ("Los cursos se dictan con el apoyo financiero de la Unión Europea en cinco ciudades.", "es", ["Unión Europea"]),
        ("El albergue funciona con el apoyo del Gobierno de Corea desde mayo.", "es", ["Gobierno de Corea"]),
        # the cue's core, whatever verb or preposition leads in
        ("Le projet bénéficie du soutien financier de la Coopération suisse depuis 2020.", "fr", ["Coopération suisse"]),
        ("La iniciativa recibe fondos del Gobierno de Irlanda desde 2021.", "es", ["Gobierno de Irlanda"]),
        ("El centro obtuvo financiación de la Fundación Ríos en enero.", "es", ["Fundación Ríos"]),
    ],
)
def test_donor_after_a_funding_cue(text, language, expected):
    assert funded(text, language=language) == expected


@pytest.mark.parametrize(
    "text, language, expected",
    [
        ("Austria has pledged EUR 3 million to the response in the valley.", "en", ["Austria"]),
        ("Le Gouvernement danois a versé 2 millions d'euros au programme.", "fr", ["Gouvernement danois"]),
        ("El Gobierno de Noruega ha donado 500.000 dólares a la respuesta.", "es", ["Gobierno de Noruega"]),
        # the present tense of "finance"
        ("L'Union européenne finance le programme à hauteur de 5 millions d'euros.", "fr", ["Union européenne"]),
        ("The European Union is funding the programme with EUR 5 million.", "en", ["European Union"]),
        ("La Unión Europea financia el programa con 5 millones de euros.", "es", ["Unión Europea"]),
    ],
)
def test_donor_as_the_subject_of_a_money_verb(text, language, expected):
    assert funded(text, language=language) == expected


@pytest.mark.parametrize(
    "text, language, expected",
    [
        ("The agency pays the teachers through the Lake Region Recovery Fund.", "en", ["Lake Region Recovery Fund"]),
        ("Supported by the Mountain Villages Trust Fund, the clinics opened in June.", "en", ["Mountain Villages Trust Fund"]),
        ("Les salaires sont payés dans le cadre du Fonds fiduciaire pour la reconstruction du Nord.", "fr",
         ["Fonds fiduciaire pour la reconstruction du Nord"]),
        ("Los sueldos se pagan a través del Fondo Andino de Emergencia desde abril.", "es", ["Fondo Andino de Emergencia"]),
        ("The channel through the Ministry of Health stayed open.", "en", []),  # a channel cue needs a fund
    ],
)
def test_a_fund_named_as_the_channel_is_the_funder(text, language, expected):
    assert funded(text, language=language) == expected


def test_a_channel_cue_reads_names_only_before_a_fund_head_word():
    # The cheap test before reading names after "through", "via", "من خلال": a fund head word in the window, in
    # a script with plain letters or without them.
    assert funders._FundWindows("through the Lake Region Recovery Fund.", 0, 0).may_name_a_fund(0)
    assert funders._FundWindows("من خلال صندوق الأمم المتحدة للسكان", 0, 0).may_name_a_fund(0)
    assert not funders._FundWindows("via la Libye en raison des frontières.", 0, 0).may_name_a_fund(0)
    assert not funders._FundWindows("من خلال وزارة الصحة في المدينة", 0, 0).may_name_a_fund(0)


def test_the_windows_after_channel_cues_read_in_order_are_those_read_one_by_one():
    # The paragraph is decomposed once, up to the last window, and each window sliced from it: the same answers
    # as each window alone or as the whole paragraph decomposed, accents, letters that fold longer ("ß") and a
    # fund head in another script included.
    text = "über die Straße " * 40 + "über den Fonds Nord, " + "über das Dorf " * 40 + "عبر صندوق الأمم " + "über " * 90
    offsets = range(0, len(text), 7)
    windows = funders._FundWindows(text, offsets[0], offsets[-1])
    in_order = [windows.may_name_a_fund(offset) for offset in offsets]
    assert in_order == [funders._FundWindows(text, offset, offset).may_name_a_fund(offset) for offset in offsets]
    assert in_order == [funders._FundWindows(text, 0, len(text)).may_name_a_fund(offset) for offset in offsets]
    assert True in in_order and False in in_order


@plain_python_only
def test_a_paragraph_of_channel_cues_is_decomposed_once(monkeypatch):
    # Each "über" decomposed the 400 characters after it: a paragraph of them took time in the cues times that.
    decomposed = []
    decompose = funders._decomposed
    monkeypatch.setattr(funders, "_decomposed", lambda text: decomposed.append(len(text)) or decompose(text))
    text = "Alpha über " * 2000 + "den Fonds Nord."  # a fund head in the paragraph: every window is looked at
    assert funded(text, language="de") == ["Fonds Nord"]
    assert sum(decomposed) <= 3 * len(text)


@plain_python_only
def test_a_long_paragraph_of_few_channel_cues_is_decomposed_once(monkeypatch):
    # The plain lengths before each window's start and end were found walking the text from its start again.
    decomposed = []
    decompose = funders._decomposed
    monkeypatch.setattr(funders, "_decomposed", lambda text: decomposed.append(len(text)) or decompose(text))
    text = "Die Straße ist lang. " * 200 + "Es läuft über den Fonds Nord. Die Straße ist lang. Es läuft über das Dorf."
    assert funded(text, language="de") == ["Fonds Nord"]
    assert sum(decomposed) <= 1.1 * len(text)


@plain_python_only
def test_the_text_before_the_first_channel_cue_is_not_decomposed(monkeypatch):
    # A paragraph has few channel cues, on cue-dense pages the first halfway in: the text before it was decomposed.
    decomposed = []
    decompose = funders._decomposed
    monkeypatch.setattr(funders, "_decomposed", lambda text: decomposed.append(len(text)) or decompose(text))
    cue = "Es läuft über den Fonds Nord."
    assert funded("Die Straße ist lang. " * 200 + cue, language="de") == ["Fonds Nord"]
    assert sum(decomposed) <= 3 * funders._PLAIN_STEP + len(cue)


def test_donor_glued_to_funded():
    assert funded("The Japan-funded clinic opened in May.") == ["Japan"]
    assert funded("Die EU-finanzierten Kurse starten im Mai.", language="de") == ["EU"]


@pytest.mark.parametrize(
    "text, language, expected",
    [
        ("Le projet, financé par l'Union européenne et intitulé « Routes » (RTS), a démarré.", "fr", ["Union européenne"]),
        ("The work is funded by the Federal Republic of Austria to help returnees.", "en", ["Federal Republic of Austria"]),
        ("The work is funded by the Republic of Malta for two more years.", "en", ["Republic of Malta"]),
        ("Le stage est financé par l'Agence belge de coopération pour une durée d'un an.", "fr",
         ["Agence belge de coopération"]),
        ("Le stage est financé par la Suisse afin de former les agents.", "fr", ["Suisse"]),
        ("The course was funded by the Overseas Aid Agency for Rural Development (OAARD) in 2018.", "en",
         ["Overseas Aid Agency for Rural Development"]),
        ("Le stage est financé par le Royaume de Belgique, comprend une visite et dure un mois.", "fr",
         ["Royaume de Belgique"]),
    ],
)
def test_where_the_name_ends(text, language, expected):
    assert funded(text, language=language) == expected


@pytest.mark.parametrize(
    "text, language, expected",
    [
        ("The work is funded by the Government of Iceland and the Kingdom of Spain.", "en",
         ["Government of Iceland", "Kingdom of Spain"]),
        ("Les activités sont financées par la Suède, la Norvège et la Finlande.", "fr", ["Suède", "Norvège", "Finlande"]),
        ("Las actividades son financiadas por el Gobierno de Chile y la Unión Europea.", "es",
         ["Gobierno de Chile", "Unión Europea"]),
        ("Le projet est financé par le Royaume de Belgique et de la Norvège.", "fr", ["Royaume de Belgique", "Norvège"]),
        ("The project is funded by Iceland, the agency said on Monday.", "en", ["Iceland"]),
    ],
)
def test_several_donors_joined_by_a_conjunction(text, language, expected):
    assert funded(text, language=language) == expected


def test_one_entry_per_donor_first_form_wins_in_order_of_appearance():
    body = (
        "Le centre est financé par l'UE et le Japon.",
        "L'Union européenne a aussi financé une étude, financée par l'Union européenne.",
        "The EU-funded study was funded by the EU, said the Japanese Government.",
    )
    assert funded(*body, language="fr") == ["UE", "Japon"]


def test_an_acronym_defined_on_the_page_is_the_same_donor():
    body = "Le stage est financé par l'Agence wallonne d'appui (AWA). Un second stage est financé par l'AWA."
    assert funded(body, language="fr") == ["Agence wallonne d'appui"]


def test_a_known_name_with_commas_is_one_donor():
    text = "Food was bought with funding from the Bureau of Population, Refugees, and Migration, the agency said."
    assert funded(text) == ["Bureau of Population, Refugees, and Migration"]


@pytest.mark.parametrize(
    "paragraphs, language",
    [
        # the project of the page, defined with its acronym, then said to finance a study
        (("Le projet intitulé « Ponts entre les rives » (PER) a été lancé.",
          "Une étude réalisée par l'agence et financée par PER a été publiée."), "fr"),
        # an acronym the page calls a project, never defined
        (("Une étude financée par ALTO a été publiée, et le projet ALTO continue.",), "fr"),
        (("Un estudio financiado por RUMBO fue publicado; el proyecto RUMBO sigue.",), "es"),
        # thanks without money
        (("The Ministry thanked the agency for its help during the floods.",), "en"),
        (("El Ministerio agradeció a la agencia por su ayuda.",), "es"),
        # support of a partner that is no donor, of people
        (("The fair was organised with the support of the Red Cross volunteers.",), "en"),
        (("L'atelier a eu lieu avec le soutien des autorités locales.",), "fr"),
        # a money verb without an amount, a generic donor
        (("Japan contributed to the success of the conference.",), "en"),
        (("La Commission finance ses propres travaux.",), "fr"),
        (("The work is funded by donors and by local businesses.",), "en"),
        (("The Government provided USD 2 million to the towns.",), "en"),
    ],
)
def test_traps_give_no_funder(paragraphs, language):
    assert funded(*paragraphs, language=language) == []


def test_the_issuing_organisation_is_no_funder():
    office = Contact("Ana Ruiz", "AGX Ghana", emails=["aruiz@agx.example.org"])
    text = "The shelter is funded by AGX and by the Government of Ghana."
    assert funded(text, contacts=[office]) == ["Government of Ghana"]
    dateline = "ACCRA, 3 May 2019 (AGX) - The shelter is funded by AGX and by Norway."
    assert funded(dateline) == ["Norway"]
    assert funded("El albergue es financiado por la OIM.", language="es", headline="La OIM abre un albergue") == []


def test_evidence_notes_the_line_where_the_donor_starts():
    page = page_of("La formation est financée par le\nDépartement d'Etat Américain, et dure un mois.", language="fr")
    funders.find_funders(page)
    assert [(e.field, e.value, e.line, e.cue) for e in page.evidence] == [
        ("funders", "Département d'Etat Américain", 1, "financée par")
    ]


def test_names_on_a_long_single_line_are_read_in_a_window():
    # 120,000 cues on one 2.3 MB line: each reads its donor within a bounded window after it (a reader that
    # looked at the rest of the line each time would not finish); one donor repeated is one funder, and the
    # fund named after the last channel cue ("via") is found.
    line = "financé par " * 60_000 + "la Fondation Aubrac " * 60_000 + "via le " * 60_000 + "Fonds Aubrac"
    found = funded(line, language="fr")
    assert len(found) == 2 and found[0].startswith("Fondation Aubrac") and found[1] == "Fonds Aubrac"


@pytest.mark.parametrize(
    "text, language, expected",
    [
        ("The work is funded by the Swiss Agency for Development and Cooperation.", "en",
         ["Swiss Agency for Development and Cooperation"]),
        ("El proyecto, financiado por la Agencia Suiza para el Desarrollo y la Cooperación, empezó en mayo.", "es",
         ["Agencia Suiza para el Desarrollo y la Cooperación"]),
        ("Le centre est financé par l'Agence pour l'Emploi et la Formation depuis 2020.", "fr",
         ["Agence pour l'Emploi et la Formation"]),
        ("The clinics are funded by the European Union and Japan.", "en", ["European Union", "Japan"]),
    ],
)
def test_a_common_word_after_and_ends_the_name_a_donor_starts_another(text, language, expected):
    assert funded(text, language=language) == expected


def headline_funded(headline: str, *paragraphs: str, language: str) -> list[str]:
    """Funder names of a page whose headline (its first line, as the release step marks it) is `headline`."""
    page = page_of(headline, *paragraphs, language=language, headline=headline)
    page.headline, page.lines[0].role = 0, "headline"
    funders.find_funders(page)
    return [f.name for f in page.record.funders]


@pytest.mark.parametrize(
    "headline, expected",
    [
        ("Contribution financière de la Suède à la réhabilitation des puits au Tchad", ["Suède"]),
        ("Mopti : deux cliniques financées par le Danemark et la Norvège", ["Danemark", "Norvège"]),
        # a participle after the donor is no part of its name
        ("Tchad : un projet financé par le Japon lancé à Mao", ["Japon"]),
        # Title Case: every word looks like a name, the headline is not read
        ("Clinic Funded By Norway Opens New Wing In Town", []),
    ],
)
def test_a_donor_named_in_a_sentence_case_headline(headline, expected):
    language = "en" if headline.startswith("Clinic") else "fr"
    assert headline_funded(headline, "Les travaux ont commencé lundi.", language=language) == expected


@pytest.mark.parametrize(
    "text, language, expected",
    [
        ("Les puits sont financés par le gouvernement du Danemark depuis mai.", "fr", ["gouvernement du Danemark"]),
        ("Les puits sont financés par le gouvernement japonais.", "fr", ["gouvernement japonais"]),
        ("La formation est financée par le ministère des Finances du Mali.", "fr", ["ministère des Finances du Mali"]),
        ("Los pozos son financiados por el gobierno de Noruega desde mayo.", "es", ["gobierno de Noruega"]),
        ("The wells are funded by the government of Ireland.", "en", ["government of Ireland"]),
        ("The wells are funded by the government.", "en", []),  # a bare head names nobody
    ],
)
def test_a_donor_whose_head_is_written_in_small_letters(text, language, expected):
    assert funded(text, language=language) == expected


def test_a_donor_name_runs_on_to_the_acronym_it_defines():
    text = "Kits were bought with funding from the Global Fund to End Child Labour (GFECL) and the Kingdom of Spain."
    assert funded(text) == ["Global Fund to End Child Labour", "Kingdom of Spain"]
    # an acronym whose letters do not start where the name does leaves the name as it was read
    assert funded("It is funded by Japan through the Fund for Peace Building (JFPB).") == [
        "Japan",
        "Fund for Peace Building",
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Das Projekt wird von der Europäischen Union finanziert.", ["Europäischen Union"]),
        ("Das Projekt wird von der Europäischen Union (EU) finanziert.", ["Europäischen Union"]),
        ("Die Kurse werden von der Stadt Bonn und dem Land Hessen gefördert.", ["Stadt Bonn", "Land Hessen"]),
        ("Die Schule wird im Auftrag des Auswärtigen Amts gebaut.", ["Auswärtigen Amts"]),
        # a name not right before the participle is no donor
        ("Die Studie wurde von der Universität Kiel geschrieben und gefördert.", []),
    ],
)
def test_german_donor_before_its_participle(text, expected):
    assert funded(text, language="de") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Yesterday the canton of Vaud formally agreed to donate two million Swiss francs to the agency.",
         ["canton of Vaud"]),
        ("In total, the Kingdom of Spain is now providing more than $20 million in aid.", ["Kingdom of Spain"]),
        # the subject received the money: the donor is the one the grant comes from
        ("Children First announced today it has received a $2 million grant from the Aurora Foundation.",
         ["Aurora Foundation"]),
    ],
)
def test_money_verb_subjects(text, expected):
    assert funded(text) == expected


@pytest.mark.parametrize(
    "text, language, expected",
    [
        ("Il corso, cofinanziato dal Fondo Sociale Europeo e dal Ministero dell’Interno, è iniziato.", "it",
         ["Fondo Sociale Europeo", "Ministero dell’Interno"]),
        ("A escola é financiada pelo Governo do Japão e pela Fundação Aurora.", "pt",
         ["Governo do Japão", "Fundação Aurora"]),
        ("The trainings are paid through the Instrument for Peace and Stability.", "en",
         ["Instrument for Peace and Stability"]),
        # the parts of a ministry's field listed with commas are one name; countries listed so are several
        ("Das Vorhaben wird vom Bundesministerium für Klimaschutz, Umwelt, Energie und Technologie gefördert.", "de",
         ["Bundesministerium für Klimaschutz, Umwelt, Energie und Technologie"]),
        ("Das Projekt wird gefördert von Deutschland, Österreich und der Schweiz.", "de",
         ["Deutschland", "Österreich", "Schweiz"]),
        # "e delle": the name goes on; a bank and a region are donors; a currency is no name
        ("Il centro è aperto grazie allo stanziamento del Ministero del Lavoro e delle Politiche Sociali.", "it",
         ["Ministero del Lavoro e delle Politiche Sociali"]),
        ("Il corso si tiene con il contributo della Regione Toscana e con il sostegno di Banca Cooperativa del "
         "Mugello.", "it",
         ["Regione Toscana", "Banca Cooperativa del Mugello"]),
        ("Las obras cuentan con una aportación de la Junta de Extremadura de 6,2 millones de euros.", "es",
         ["Junta de Extremadura"]),
        ("O Governo do Japão anunciou uma contribuição de US$ 2 milhões à OIM.", "pt", ["Governo do Japão"]),
    ],
)
def test_italian_portuguese_and_instrument_forms(text, language, expected):
    assert funded(text, language=language) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # "and" inside a name after its head and "of"/"for": the field's second half, not a second donor
        ("The visits are funded by the Centers for Disease Control and Prevention.",
         ["Centers for Disease Control and Prevention"]),
        ("It is funded by the Office of Juvenile Justice and Delinquency Prevention.",
         ["Office of Juvenile Justice and Delinquency Prevention"]),
        ("It is funded by the Department of Foreign Affairs and Trade.", ["Department of Foreign Affairs and Trade"]),
        # a second donor after "and": an article, a country, a head of its own
        ("It is funded by the Ministry of Foreign Affairs and Norway.", ["Ministry of Foreign Affairs", "Norway"]),
        ("It is funded by the European Union and the Council of Europe.", ["European Union", "Council of Europe"]),
        ("The clinics opened with additional support from the Harlan Workforce Fund, a local charity.",
         ["Harlan Workforce Fund"]),
        # a bureau gives grants: a donor after a support cue
        ("The patrols are paid with support from the Bureau of Justice Assistance.", ["Bureau of Justice Assistance"]),
    ],
)
def test_english_donor_names_and_support_cues(text, expected):
    assert funded(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the name ends at a function word, at a word glued to "and", or after a few words
        ("افتتح المركز بتمويل من الاتحاد الأوروبي لدعم العائدين في المدينة.", ["الاتحاد الأوروبي"]),
        ("نفذ المشروع بدعم من حكومة اليابان وبالتعاون مع السلطات.", ["حكومة اليابان"]),
        ("نفذ المشروع بتمويل من وزارة الخارجية الألمانية.", ["وزارة الخارجية الألمانية"]),
        # support from people who are no donor
        ("بدأت الدورة بدعم من المتطوعين في المدينة.", []),
        # "و" ("and") glued to the second donor's first word closes the list
        (
            "نفذ المشروع بتمويل من الاتحاد الأوروبي وحكومة جمهورية ألمانيا الاتحادية.",
            ["الاتحاد الأوروبي", "حكومة جمهورية ألمانيا الاتحادية"],
        ),
        ("نفذ المشروع بتمويل من الاتحاد الأوروبي والحكومة اليابانية.", ["الاتحاد الأوروبي", "الحكومة اليابانية"]),
        # a cue glued to "و", and an amount word after the name
        ("بدأ المشروع بمنحة من البنك الدولي قيمتها مليون دولار، وبدعم من الوكالة الإيطالية للتعاون الإنمائي.",
         ["البنك الدولي", "الوكالة الإيطالية للتعاون الإنمائي"]),
    ],
)
def test_arabic_donors_without_capitals(text, expected):
    assert funded(text, language="ar") == expected


@pytest.mark.parametrize(
    "text, language, expected",
    [
        ("Los cursos son financiados por el banco estadounidense Norvia, según la agencia.", "es", ["Norvia"]),
        ("The kits were funded by the charity Hope Now in May.", "en", ["Hope Now"]),
        ("Les kits sont financés par la fondation privée Aubrac.", "fr", ["Aubrac"]),
        ("The kits were funded by the bank itself.", "en", []),
    ],
)
def test_a_common_noun_describing_the_donor_is_no_part_of_its_name(text, language, expected):
    assert funded(text, language=language) == expected


@pytest.mark.parametrize(
    "text, language, expected",
    [
        # a known name the reader would cut where the page writes a word in small letters, or at its commas
        ("The clinic is funded by UK aid from the British people.", "en", ["UK aid"]),
        ("Il corso, finanziato dal Fondo Asilo, Migrazione e Integrazione (FAMI), è iniziato.", "it",
         ["Fondo Asilo, Migrazione e Integrazione"]),
        ("The shelter is funded by the Foreign, Commonwealth & Development Office (FCDO).", "en",
         ["Foreign, Commonwealth & Development Office"]),
        ("Le projet est financé par Affaires mondiales Canada et mis en œuvre par l'OIM.", "fr", ["Affaires mondiales Canada"]),
        ("The project is funded by the Instrument contributing to Stability and Peace of the European Union.", "en",
         ["Instrument contributing to Stability and Peace"]),  # a donor instrument
        ("The project is funded by the European Instrument for Democracy and Human Rights.", "en",
         ["European Instrument for Democracy and Human Rights"]),
        ("With support from the Global Fund to Fight AIDS, Tuberculosis and Malaria, clinics will reopen.", "en",
         ["Global Fund to Fight AIDS, Tuberculosis and Malaria"]),
        ("Das Vorhaben wird vom Bundesministerium für wirtschaftliche Zusammenarbeit und Entwicklung (BMZ) gefördert.",
         "de", ["Bundesministerium für wirtschaftliche Zusammenarbeit und Entwicklung"]),
        # money taken, not given: the one it was taken from is no donor
        ("He embezzled funds from the Harbor Family Trust between 2015 and 2019.", "en", []),
        ("The clerk fraudulently obtained a grant from the Small Towns Agency.", "en", []),
    ],
)
def test_known_names_read_whole_and_money_taken_is_no_funding(text, language, expected):
    assert funded(text, language=language) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Judge Alma Reyes awarded $2 million in restitution to the victims.", []),
        ("In May, Harold Stone provided $40,000 to the clinic.", []),
        ("The Department of Health has awarded $3 million to the county.", ["Department of Health"]),
    ],
)
def test_a_money_verb_needs_a_donor_like_subject(text, expected):
    assert funded(text) == expected


def test_a_country_named_alone_beside_its_government_is_one_donor():
    headline = "Tchad : des puits financés par le Danemark"
    body = "Les puits, financés par le gouvernement du Danemark, ont été creusés en mai."
    assert headline_funded(headline, body, language="fr") == ["gouvernement du Danemark"]
    assert funded("The wells are funded by Denmark and the Government of Norway.") == ["Denmark", "Government of Norway"]


def test_a_misuse_word_inside_a_name_is_no_money_taken():
    text = "The Vehicle Theft Squad is funded by a grant from the Bureau of Rural Policing."
    assert funded(text) == ["Bureau of Rural Policing"]
    assert funded("The stolen grant from the Bureau of Rural Policing was never repaid.") == []


def test_a_describing_noun_and_its_adjectives_are_skipped_before_the_name_they_describe():
    text = "with support from the charity Hope Now and the aid workers"
    reader = funders._Reader(text, text.lower(), lowercase=False, budget=Budget(1))
    tokens = funders.Tokens(text, 0, len(text))
    assert reader._past_descriptor(tokens, 4, "charity") == 5  # "Hope"
    assert reader._past_descriptor(tokens, 9, "aid") == 9  # no describing noun: no name after it


@plain_python_only
def test_repeated_cues_read_the_text_before_and_after_them_once(monkeypatch):
    # "financé par financé par …": each cue looked for a name in the 200 characters after it and for money
    # taken in the 200 before it, so the text was read again from every cue.
    before_a_name = CountingPattern(funders._BEFORE_A_NAME)
    misuse = CountingPattern(funders._misuse())
    monkeypatch.setattr(funders, "_BEFORE_A_NAME", before_a_name)
    monkeypatch.setattr(funders, "_misuse", lambda: misuse)
    text = "détourné " + "financé par " * 1000  # a word of money taken: the pattern of such words is searched
    assert funded(text, language="fr") == []
    assert before_a_name.read <= len(text)
    assert 0 < misuse.read <= len(text)


@plain_python_only
def test_small_letters_outside_ascii_are_skipped_before_a_name_without_the_pattern(monkeypatch):
    # The pattern reads a character in microseconds: "gefördert von der" a thousand times spent most of its
    # time there. It now reads only what string tests cannot settle (a curly apostrophe, a no-break space).
    before_a_name = CountingPattern(funders._BEFORE_A_NAME)
    monkeypatch.setattr(funders, "_BEFORE_A_NAME", before_a_name)
    assert funded("gefördert von der " * 1000, language="de") == []
    assert before_a_name.calls == 0
    assert funded("Das Projekt wird gefördert von der Fondation Nord.", language="de") == ["Fondation Nord"]
    assert funded("Il est financé par l’Agence française de développement.") == ["Agence française de développement"]
    assert before_a_name.calls >= 1  # the curly apostrophe of "l’Agence"


@plain_python_only
def test_the_acronym_after_a_name_is_looked_for_near_it_however_long_the_paragraph(monkeypatch):
    # The `regex` module looks for the "(" of "(ACR)" in all the rest of the text unless the match is bounded:
    # each name of a long paragraph of cues read the paragraph again.
    read_per_name = []
    for cues in (100, 400):
        acronyms = CountingPattern(names.ACRONYM_IN_PARENS)
        monkeypatch.setattr(names, "ACRONYM_IN_PARENS", acronyms)
        assert funded("The work is funded by the European Union and " * cues) == ["European Union"]
        read_per_name.append(acronyms.read / acronyms.calls)
    assert max(read_per_name) <= 1.1 * min(read_per_name)  # as much for a name of a long paragraph as of a short one


@plain_python_only
def test_an_acronym_named_as_a_funder_again_and_again_is_looked_for_as_a_project_once(monkeypatch):
    # Each mention of the acronym joined the body's paragraphs and searched them all for "projet ACR" again.
    asked = []
    called = projects._called_a_project
    monkeypatch.setattr(projects, "_called_a_project", lambda text, acronym: asked.append(acronym) or called(text, acronym))
    paragraphs = "The shelter is funded by NOVA. " * 30 + "The project NOVA began in May. It is funded by the Kingdom of Norway."
    assert funded(paragraphs) == ["Kingdom of Norway"]
    assert asked == ["nova"]


def test_a_page_reads_names_after_its_first_50_cues_followed_by_one():
    # A release names a few donors; a page of thousands of "funded by X" is a list or junk, whose names would
    # only cost time (issue 18). Cues followed by no name cost little and are all read (see the test above).
    donors = [f"Fondation Nord{chr(ord('a') + i // 26)}{chr(ord('a') + i % 26)}" for i in range(60)]
    found = funded(" ".join(f"The school is funded by the {donor}." for donor in donors))
    assert found == donors[:50]


class CountingText(str):
    """A paragraph text that adds up the characters its `find` calls are given to search."""

    searched = 0

    def find(self, sub, start=0, end=None):
        CountingText.searched += (len(self) if end is None else end) - start
        return super().find(sub, start, end)


@plain_python_only
def test_a_paragraph_of_money_verbs_is_searched_for_sentence_ends_once():
    # Each money verb ("has pledged") searched the rest of the paragraph for the end of its sentence, and
    # went through all the paragraph's cues for a later naming cue: a paragraph of them took time in its square.
    CountingText.searched = 0
    text = CountingText("Japan has pledged " * 2000 + "nothing. Norway has pledged EUR 4 million. The rest.")
    paragraph = Paragraph(text, [0], [0])
    spotted = Spots([paragraph], [])
    cues = funding_cues().find(spotted.joined, spotted.found["funding"])[0]
    budget = Budget(len(cues))  # every verb read (the page's budget is another test's)
    found = funders._mentions(paragraph, cues, lowercase=False, budget=budget, misuse=False)
    assert [(mention.name, family) for mention, family in found] == [("Norway", "subject_verbs")]
    assert CountingText.searched <= 2 * len(text)


def test_a_page_reads_the_amount_and_subject_of_its_first_50_money_verbs():
    donors = [f"The Nord{chr(ord('a') + i // 26)}{chr(ord('a') + i % 26)} Foundation" for i in range(60)]
    found = funded(" ".join(f"{donor} has pledged EUR 4 million." for donor in donors))
    assert found == [donor.removeprefix("The ") for donor in donors[:50]]


@pytest.mark.parametrize(
    "words, expected",
    [
        (["Agency", "of"], True),  # a connector
        (["Fondation", "de"], True),
        (["Agency", "for"], True),  # a head connector after an organisation's head
        (["Japan", "for"], False),  # ... but not after a name without one
        (["Japan", "Tokyo"], False),  # a word of the name, in none of the lists
        (["Japan", "to"], False),
    ],
)
def test_the_small_words_inside_a_name(words, expected):
    text = " ".join(words)
    tokens = names.Tokens(text, 0, len(text))
    reader = funders._Reader(text, text.lower(), lowercase=False, budget=Budget(1))
    assert reader._inner(words[-1], tokens, 0, len(words) - 2) is expected


@pytest.mark.parametrize(
    "name, family, expected",
    [
        ("Government Fund", "intro", False),  # bare heads only
        ("Government of Japan", "intro", True),
        ("Kenji Sato", "intro", True),
        ("Kenji Sato", "support", False),  # not donor-like
        ("Government of Japan", "support", True),
        ("Kenji Sato Foundation", "channel", False),  # no fund
        ("Peace Fund", "channel", True),
        ("Fund", "channel", False),
    ],
)
def test_a_name_fits_its_cue_family(name, family, expected):
    assert funders._fits(name, family) is expected


@plain_python_only
def test_a_name_after_an_intro_cue_is_read_to_its_first_word_that_is_no_bare_head(monkeypatch):
    # Every word of the name was looked up, for names running a whole reading window (a long all-capital line).
    looked_up = []
    monkeypatch.setattr(funders, "key", lambda word: looked_up.append(word) or names.key(word))
    assert funders._fits("Government of " + "JAPAN AND " * 20, "intro")
    assert looked_up == ["Government", "of", "JAPAN"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Fonds pour la Paix 2030", ["Fonds", "pour", "la", "Paix", "2030"]),
        ("the U.S. and l'Union", ["the", "U.S.", "and", "l'", "Union"]),
        ("dell’Interno, qu'il", ["dell’", "Interno", ",", "qu'", "il"]),
        ("co-funded by State's A&B.", ["co-funded", "by", "State's", "A&B", "."]),
        ("EU-funded, 4.5 M", ["EU-funded", ",", "4.5", "M"]),
        ("d' l'", ["d", "'", "l", "'"]),  # an apostrophe before no letter is a character of its own
        ("\u3000Fonds\xa0Nord\u2028 \x1c(JPN)\n", ["Fonds", "Nord", "(", "JPN", ")"]),  # spaces of every kind
    ],
)
def test_the_words_of_a_text(text, expected):
    # The first branch of the pattern takes words of letters and digits at once; the others, the rest; no token
    # starts with a space.
    assert [token.group() for token in names.TOKEN.finditer(text)] == expected


@pytest.mark.parametrize(
    "before, name, after, carried",
    [
        ("", "bureau of population", ", refugees, and migration said", ", refugees, and migration"),
        ("the fonds nord " * 8, "bureau of population", ", refugees, and migration said", ", refugees, and migration"),
        ("the fonds nord " * 8, "bureau of population", " said", ""),
        ("the fonds nord " * 8, "union", " européenne", " européenne"),
        ("the fonds nord " * 8, "french embassy", " and the union européenne", ""),  # a form after the name's end
        ("the fonds nord " * 8 + "european union and the ", "french embassy", " said", ""),  # a form before it
        ("", "european", " union", " union"),
    ],
)
def test_a_known_name_the_reader_cuts_is_carried_on(before, name, after, carried):
    # Looked for near the end of a long name only (the second and later cases), with the same ends.
    folded = before + name + after
    start = len(before) if len(before) < 20 else 0
    end = len(before) + len(name)
    assert funders._known_end(folded, start, end) == end + len(carried)


@plain_python_only
def test_a_name_is_searched_for_known_forms_only_when_one_runs_past_its_end(monkeypatch):
    # A long all-capital line read as a name was searched from its start for a known form running on past it, and
    # a paragraph of cues searched the window of every name read.
    forms, longest = funders._names_read_short()
    counting = CountingPattern(forms)
    monkeypatch.setattr(funders, "_names_read_short", lambda: (counting, longest))
    folded = "the fonds nord " * 20 + "european union said"
    end = len(folded) - len(" said")
    assert funders._known_end(folded, 0, end) == end
    assert funders._known_end(folded, end - len("union"), end) == end
    assert counting.read == 0
    assert funders._known_end(folded, 0, end - len(" union")) == end

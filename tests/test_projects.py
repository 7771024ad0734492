"""Named projects and programmes: one test per cue and per trap, in French, English and Spanish."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import CountingPattern, plain_python_only
from pressparse.steps import lexicon, projects
from pressparse.steps.names import _SENTENCE_BREAK, Budget, Paragraph, Spots, Tokens, sentence_start
from pressparse.steps.names import compound_heads
from pressparse.steps.names import paragraphs as body_paragraphs
from pressparse.model import Release
from pressparse.steps.page import BODY, Line, Page


def page_of(*paragraphs: str, language: str = "en", headline: str | None = None) -> Page:
    """A page whose body is `paragraphs` (a paragraph's lines separated by "\\n"), as the earlier steps leave it."""
    lines: list[Line] = []
    ranges = []
    for paragraph in paragraphs:
        first = len(lines)
        lines += [Line(len(lines) + 1, text, BODY) for text in paragraph.split("\n")]
        ranges.append((first, len(lines) - 1))
    record = Release(language=language, headline=headline)
    return Page("\n".join(paragraphs), lines, record, body_start=0, body_end=len(lines), paragraphs=ranges)


def found(*paragraphs: str, language: str = "en") -> list[tuple[str, str | None]]:
    page = page_of(*paragraphs, language=language)
    projects.find_projects(page)
    return [(p.name, p.acronym) for p in page.record.projects]


@pytest.mark.parametrize(
    "text, language, expected",
    [
        (
            "Mopti - Dans le cadre du projet pilote financé par la Suède et intitulé « Des marchés ouverts pour "
            "les éleveurs du Sahel » (MOES), les agents ont été formés.",
            "fr",
            [("Des marchés ouverts pour les éleveurs du Sahel", "MOES")],
        ),
        (
            "The clinics belong to a two-year project titled “Clean Water for Hill Towns” (CWHT), launched in May.",
            "en",
            [("Clean Water for Hill Towns", "CWHT")],
        ),
        (
            "El taller forma parte del proyecto denominado «Escuelas sin fronteras» (ESF), que comenzó en enero.",
            "es",
            [("Escuelas sin fronteras", "ESF")],
        ),
        ("Le projet « Routes sûres » a démarré à Gao.", "fr", [("Routes sûres", None)]),
        ("Staff of the “Green Corridors” project met the mayors of four towns.", "en", [("Green Corridors", None)]),
    ],
)
def test_quoted_title_introduced_as_a_project(text, language, expected):
    assert found(text, language=language) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The Coastal Programme for Fisheries and Livelihoods (CPFL) trained 80 boat owners this spring.",
            [("Coastal Programme for Fisheries and Livelihoods", "CPFL")],
        ),
        ("Wells were dug as part of the RIVERSIDE Initiative, which started in 2019.", [("RIVERSIDE Initiative", None)]),
        (
            "Data come from the agency's Flood Tracking Programme in the delta.",
            [("Flood Tracking Programme", None)],
        ),
        (
            "La semaine dernière, le Programme régional de santé et de mobilité (PRSM) a ouvert deux centres.",
            [("Programme régional de santé et de mobilité", "PRSM")],
        ),
        (
            "El Programa Fronteras Abiertas atendió a 300 familias en Tumbes.",
            [("Programa Fronteras Abiertas", None)],
        ),
    ],
)
def test_named_initiative_around_a_capitalised_head_word(text, expected):
    assert found(text) == expected


def test_project_noun_bound_to_the_acronym_defined_after_it():
    text = "Dans le cadre du projet d'appui aux coopératives agricoles (PACA), 40 groupements ont reçu des semences."
    assert found(text, language="fr") == [("projet d'appui aux coopératives agricoles", "PACA")]


def test_name_with_acronym_followed_by_the_project_noun():
    text = "Young farmers joined the Valley Alliance for Rural Jobs (VARJ) project in March."
    assert found(text) == [("Valley Alliance for Rural Jobs", "VARJ")]


def test_acronym_used_alone_later_is_the_same_project():
    first = "Le projet intitulé « Ponts entre les rives » (PER) a été lancé à Kayes."
    second = "Le PER financera aussi des bourses, et le projet PER durera trois ans."
    assert found(first, second, language="fr") == [("Ponts entre les rives", "PER")]


@pytest.mark.parametrize(
    "text, language",
    [
        ("La formation fait partie d'un programme plus large de l'agence de lutte contre la traite au Mali.", "fr"),
        ("The course is part of a wider agency programme to fight trafficking along the coast.", "en"),
        ("El curso forma parte de un programa más amplio de la agencia contra la trata en la región.", "es"),
        ("L'agence soutient la réalisation du Programme 2030 dans la région.", "fr"),
        ("The World Food Programme (WFP) delivered rice to the camps.", "en"),
        ("El Programa Mundial de Alimentos (PMA) entregó arroz a los albergues.", "es"),
        ("“We are proud,” said Programme Manager Lena Ortiz at the opening.", "en"),
        ("The project \"will help many families,\" said the mayor on Monday.", "en"),
        # organisations, and programmes named by no name of their own
        ("The International Labour Organization (ILO) welcomed the report.", "en"),
        ("A study by the Global Initiative against Organized Crime was published.", "en"),
        ("Overseas Farm Workers (OFWs) were trained in May.", "en"),
        ("Le programme de lutte contre la traite de l'agence continue.", "fr"),
        ("Le projet de loi de finances en France sera voté demain.", "fr"),
    ],
)
def test_traps_give_no_project(text, language):
    assert found(text, language=language) == []


def test_evidence_notes_the_line_where_the_name_starts():
    page = page_of("The water points were built as part of the RIVERSIDE\nInitiative, which began in 2019.")
    projects.find_projects(page)
    assert [(e.field, e.value, e.line) for e in page.evidence] == [("projects", "RIVERSIDE Initiative", 0)]


def test_a_paragraph_cut_by_a_hard_wrap_is_read_on_into_the_next():
    page = page_of("The water points were built as part of the HARBOUR", "Initiative, which began in 2019.")
    projects.find_projects(page)
    assert [(p.name, p.acronym) for p in page.record.projects] == [("HARBOUR Initiative", None)]
    assert page.evidence[0].line == 0


def test_called_a_project_needs_the_noun_right_before_the_whole_acronym():
    body = page_of("Le projet NOVA a commencé. Le programme NOVAX aussi.", language="fr")
    acronyms = projects.ProjectAcronyms(body_paragraphs(body))
    assert acronyms.called_a_project("NOVA")
    assert not acronyms.called_a_project("NOV")


def counting_patterns(monkeypatch, *names: str) -> dict[str, CountingPattern]:
    """The step's patterns of these names, replaced by ones counting what they read."""
    counted = {name: CountingPattern(projects._patterns()[name]) for name in names}
    for name, pattern in counted.items():
        monkeypatch.setitem(projects._patterns(), name, pattern)
    return counted


@plain_python_only
def test_a_carried_out_phrase_is_read_near_its_mark_however_long_the_paragraph(monkeypatch):
    # The carried-out pattern was searched over the whole of every paragraph holding a mark ("implemented"):
    # a page of long paragraphs in capitals, each with a mark, cost their whole length in the pattern's slow steps.
    counted = counting_patterns(monkeypatch, "carried_out", "run_verb", "acronym_before")
    filler = "THE WELLS WERE DUG AND THE ROADS WERE BUILT. " * 200
    for spaces in (" ", "\u2028 "):  # a rarer space, and a run, as a scraper may leave them
        said = f"FAIRWORK will{spaces}be implemented by a consortium. Fair Recruitment for Young Workers (FAIRWORK)."
        text = filler + said
        assert found(text) == [("Fair Recruitment for Young Workers", "FAIRWORK")]
    assert counted["carried_out"].calls == 0
    assert counted["run_verb"].read + counted["acronym_before"].read <= 1_000  # a few places near "implemented"


@plain_python_only
def test_acronym_definitions_are_matched_at_their_parentheses_only(monkeypatch):
    # The definition pattern opens with spaces: searched over a paragraph, it was tried at every character.
    acronyms = CountingPattern(projects.ACRONYM_IN_PARENS)
    monkeypatch.setattr(projects, "ACRONYM_IN_PARENS", acronyms)
    text = "The project (2020) began. " + "The wells were dug. " * 200 + "The Safe Roads (SR) project too."
    assert found(text) == [("Safe Roads", "SR")]
    assert acronyms.calls == 2 and acronyms.found == 0  # a match at each "(", no search


def test_a_page_reads_its_first_20_acronym_definitions_bound_to_a_project_noun():
    # A block repeated on one line defined the same acronym hundreds of times, each definition read for its long
    # form (issue 18); a release defines a few (at most 3 on the 1,044 pages of the development set and corpora).
    definitions = [f"Water Access {number} (WA{number}) project" for number in range(10, 35)]
    names = found(" ".join(f"The {definition} began." for definition in definitions))
    assert names == [(f"Water Access {number}", f"WA{number}") for number in range(10, 30)]


@plain_python_only
def test_the_noun_after_a_definition_is_looked_for_only_where_a_project_noun_starts(monkeypatch):
    # Each "(ACR)" of a paragraph holding a project noun ran the noun patterns (a case-blind alternation of every
    # language's nouns) after it, and the list pattern up to the next one: a page of definitions paid both for each.
    counted = counting_patterns(monkeypatch, "noun_after", "list_link", "noun_just_before")
    definitions = " ".join(f"Water Access {number} (WA{number}) began." for number in range(10, 40))
    assert found(f"The project started. {definitions} The Safe Roads (SR) project too.") == [("Safe Roads", "SR")]
    # The noun after "(SR)", and whether the definition before it is listed with it.
    assert [counted[name].calls for name in counted] == [1, 1, 0]


def test_cue_sections_are_data_and_the_alias_folder_is_no_language():
    assert "shared" not in lexicon.languages() and "aliases" not in lexicon.languages()
    for language in lexicon.languages():  # every language of the set has real project words and funding cues
        assert lexicon.section(language, "projects")["nouns"], language
        assert lexicon.section(language, "funding")["intro"], language
        assert lexicon.section(language, "funding")["support"], language


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The agency runs the Safe Roads Home (SRH) and Clean Wells for Towns (CWT) projects in the north.",
            [("Safe Roads Home", "SRH"), ("Clean Wells for Towns", "CWT")],
        ),
        (
            "It manages the Better Border Management (BBM), Safe Returns (SR) and Local Jobs (LJ) programmes.",
            [("Better Border Management", "BBM"), ("Safe Returns", "SR"), ("Local Jobs", "LJ")],
        ),
        # the long form is found by its letters, not by capitals alone
        ("Staff of the Keeping Girls in School (KGIS) project met in May.", [("Keeping Girls in School", "KGIS")]),
        # the plural noun right before the list
        (
            "The agency launched two projects: Safe Roads Home (SRH) and Clean Wells for Towns (CWT), in May.",
            [("Safe Roads Home", "SRH"), ("Clean Wells for Towns", "CWT")],
        ),
        # a noun earlier in the sentence binds no organisation or service defined later
        ("The project, run by the Regional Labour Organization (RLO), ended in May.", []),
        ("The project provides Mental Health and Psychosocial Support (MHPSS) to families.", []),
        # an acronym with a small letter between its capitals
        ("Both run under the Cash for Work (CfW) and Host Community Support (HCS) projects.",
         [("Cash for Work", "CfW"), ("Host Community Support", "HCS")]),
    ],
)
def test_definitions_listed_before_a_plural_project_noun(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text, language, expected",
    [
        ("Agents seized 40 cars in Operation Rusty Anchor last week.", "en", [("Operation Rusty Anchor", None)]),
        ("The case went to the Coastal Fraud Task Force (CFTF) in June.", "en", [("Coastal Fraud Task Force", "CFTF")]),
        # a head of two words is no name of its own
        ("He was arrested by the Online Fraud Against Seniors (OFAS) Task Force.", "en",
         [("Online Fraud Against Seniors", "OFAS")]),
        ("The ministers met within the Lisbon Process in June.", "en", [("Lisbon Process", None)]),
        # a name right after a project noun in small letters; not an acronym, a job title, a place or a next line
        ("Il sindaco ha presentato il progetto InsiemeCampania, che offrirà corsi.", "it", [("InsiemeCampania", None)]),
        ("Torna l'iniziativa Scuole Aperte Estate in venti comuni.", "it", [("Scuole Aperte Estate", None)]),
        ("A UNICEF team visited the project UNICEF runs in the north.", "en", []),
        ("The programme Director said the schools would reopen.", "en", []),
        ("Le projet d'Asie centrale a pris fin.", "fr", []),
        # a name right before a project noun in small letters; not one word alone, an agency or an organisation
        ("The new wells build on the earlier Caquetá Water Guardians project, which ended in 2019.", "en",
         [("Caquetá Water Guardians", None)]),
        ("It runs the EU-funded Safe Roads project in Kenya.", "en", [("Safe Roads", None)]),
        ("A World Bank project and a UNICEF project started.", "en", []),
        ("The Congressional Budget Office projects that costs will rise.", "en", []),
        # the acronym spells out capitalised words before those read up to the head word
        ("It is run under the Coastal Livelihoods and Adaptation Support Programme (CLASP) in five districts.",
         "en", [("Coastal Livelihoods and Adaptation Support Programme", "CLASP")]),
        # single low quotes, and a German project noun
        ("Die Schulen sind Teil des Programms ‚Essen macht Schule‘, das seit 2019 läuft.", "de",
         [("Essen macht Schule", None)]),
        ("Die GEP startet das Vorhaben „Klimaresiliente Landwirtschaft in Ostafrika“ (KLAO) in Kenia.", "de",
         [("Klimaresiliente Landwirtschaft in Ostafrika", "KLAO")]),
        # an "(ACR)" spelling out a later name is not the head's: two names
        ("Operation Copper Lantern was led by the Violent Crimes Task Force (VCTF) with state police.", "en",
         [("Operation Copper Lantern", None), ("Violent Crimes Task Force", "VCTF")]),
        ("Os agentes da Operação Boas-Vindas receberam 200 famílias.", "pt", [("Operação Boas-Vindas", None)]),
        ("A Plataforma Andina de Apoio a Migrantes (PAAM) publicou o plano.", "pt",
         [("Plataforma Andina de Apoio a Migrantes", "PAAM")]),
        ("The wells belong to the HILLTOP Project – Phase II, which began in May.", "en",
         [("HILLTOP Project – Phase II", None)]),
        # the name stops before its owner and before a second name
        ("Los técnicos del Programa Horizonte del Gobierno chileno visitaron Arica.", "es", [("Programa Horizonte", None)]),
        ("It joined the Lake Basin Initiative and the River Delta Program in May.", "en",
         [("Lake Basin Initiative", None), ("River Delta Program", None)]),
    ],
)
def test_operations_task_forces_processes_platforms_and_phases(text, language, expected):
    assert found(text, language=language) == expected


@pytest.mark.parametrize(
    "text, language, expected",
    [
        # a name listing its parts with commas, an acronym glossed inside its parentheses
        ("Le comité du Programme de protection, de retour et d'accueil des migrants (PPRAM, en anglais) a siégé.", "fr",
         [("Programme de protection, de retour et d'accueil des migrants", "PPRAM")]),
        # the acronym first, then a dash and the name it stands for
        ("Si è chiuso il progetto AC.BE.CO - Accoglienza e Benessere nei Comuni, finanziato dalla Regione.", "it",
         [("Accoglienza e Benessere nei Comuni", "AC.BE.CO")]),
        # a quoted title followed by ", a project", and quotes opened and closed with two different marks
        ("Parte oggi “Ritorno Sicuro”, un progetto che assiste 300 migranti.", "it", [("Ritorno Sicuro", None)]),
        ("I corsi del progetto “Ponte 3 - verso il lavoro\" sono iniziati.", "it", [("Ponte 3 - verso il lavoro", None)]),
        # a title in small letters closed by the place it is about
        ("Le projet de gestion coordonnée des frontières au Bénin a été lancé hier.", "fr",
         [("projet de gestion coordonnée des frontières au Bénin", None)]),
    ],
)
def test_names_written_in_other_shapes(text, language, expected):
    assert found(text, language=language) == expected


def test_a_quoted_title_in_a_script_without_capitals():
    assert found("أطلقت المنظمة مشروع «طرق آمنة» في ثلاث مدن.", language="ar") == [("طرق آمنة", None)]


@pytest.mark.parametrize(
    "text, language, expected",
    [
        ("Die Stiftung ruft im Rahmen der „Woche der Nachbarschaft“ vom 3. bis 9. Mai zu Spenden auf.", "de",
         [("Woche der Nachbarschaft", None)]),
        ("Les ateliers ont lieu dans le cadre de « Villes ouvertes » jusqu'en juin.", "fr", [("Villes ouvertes", None)]),
        # a quoted remark after a frame phrase is no title
        ("« Nous sommes fiers », a déclaré le maire dans le cadre de la cérémonie.", "fr", []),
    ],
)
def test_a_quoted_title_right_after_a_frame_phrase(text, language, expected):
    assert found(text, language=language) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Die Menschen kamen im Rahmen der Aufnahmeplattform der Europäischen Union nach Kiel.",
         [("Aufnahmeplattform der Europäischen Union", None)]),
        ("Das Rückkehrprogramm NeustartPlus hilft 300 Familien.", [("Rückkehrprogramm NeustartPlus", None)]),
        # a compound before a plain noun, or alone, is a common noun
        ("Über das Aufnahmeprogramm Menschen aus der Region aufnehmen.", []),
        ("Das Hilfsprogramm wurde verlängert.", []),
    ],
)
def test_a_german_compound_head_with_its_owner_or_name(text, expected):
    assert found(text, language="de") == expected


def test_a_project_named_in_a_sentence_case_headline_only():
    headline = "Mopti : lancement du projet « Puits pour tous » dans quatre communes"
    page = page_of(headline, "Les travaux ont commencé lundi.", language="fr", headline=headline)
    page.headline, page.lines[0].role = 0, "headline"
    projects.find_projects(page)
    assert [(p.name, p.acronym) for p in page.record.projects] == [("Puits pour tous", None)]


def test_a_frame_phrase_gates_a_paragraph_only_right_before_an_opening_quote():
    # The cheap test before reading a paragraph without a project noun looks for a frame where `_introduction`
    # would take one: in the few characters before a quote mark, not anywhere in the paragraph.
    assert projects._may_frame_a_quote("die stiftung ruft im rahmen der „woche der nachbarschaft“ auf.")
    assert not projects._may_frame_a_quote(
        "im rahmen der partnerschaft mit vielen gemeinden der region sagte die bürgermeisterin: „wir danken allen.“"
    )
    assert not projects._may_frame_a_quote("im rahmen der partnerschaft kamen viele gäste.")


def test_an_acronym_said_to_be_carried_out_names_its_definition_a_project():
    assert found(
        "Fair Recruitment for Young Workers (FAIRWORK) aims to cut the fees that recruiters charge young workers.",
        "Led by the agency, FAIRWORK will be implemented by a group of partners in three provinces.",
    ) == [("Fair Recruitment for Young Workers", "FAIRWORK")]
    assert found(
        "Villes Sûres et Ouvertes (VSO) vise à renforcer les services des mairies.",
        "VSO sera mis en œuvre par l'OIM avec les autorités locales.",
        language="fr",
    ) == [("Villes Sûres et Ouvertes", "VSO")]
    # a definition nothing carries out is no project ("services" is no project noun)
    assert found(
        "Mental Health and Psychosocial Support (MHPSS) services reached 3,000 people.",
        "The International Organization for Migration (IOM) is implementing the response with partners.",
    ) == []


def test_a_paragraph_is_read_only_where_a_project_noun_starts_a_word():
    # A noun inside a word ("operation" in "cooperation", "process" in "reprocessing") starts no name: the paragraph
    # is skipped, but a German compound ending in a head word still gets it read. Each start is given in its own
    # paragraph's offsets, all found in one pass.
    texts = [
        "cooperation on data reprocessing under the new programme (eu-projekt).",
        "cooperation on data reprocessing.",
        "das rückkehrprogramm neustartplus hilft.",
        "programa nacional",
        "die projektarbeit beginnt.",
    ]
    marks = projects._Marks(Spots([Paragraph(text, [0], [0]) for text in texts], []))
    assert marks.noun_starts == [[texts[0].index("programme"), texts[0].index("projekt")], [], [], [0], [4]]
    # "eu-projekt" ends in a head too (the compound pattern decides); "projektarbeit" holds one inside a word.
    assert marks.compound_heads == {0, 2}
    assert not projects._may_name_a_project(texts[1], [], False)
    assert projects._may_name_a_project(texts[2], [], 2 in marks.compound_heads)


def test_only_the_marks_of_carried_out_phrases_are_read_for_what_is_carried_out():
    texts = ["START sera mis en œuvre par un consortium.", "Le projet commence en mai."]
    marks = projects._Marks(Spots([Paragraph(text, [0], [0]) for text in texts], []))
    assert marks.carried_out == {0: [(18, 23)]}  # the first paragraph alone, where "œuvre" is


def test_a_named_project_is_read_from_the_first_head_written_with_its_capital():
    # The lower-case noun before it starts no name; the capitalised head does.
    paragraph = Paragraph("The project team joined the Green Roads Initiative (GRI) in May.", [0], [0])
    marks = projects._Marks(Spots([paragraph], []))
    named = projects._named(paragraph, marks.noun_starts[0], marks.head_places(0), Budget(30))
    assert [(found.name, found.acronym) for found in named] == [("Green Roads Initiative", "GRI")]


def test_a_word_cut_by_the_reading_window_is_no_word_of_the_name():
    # The window of 220 characters after "Programme" ends inside the fifteenth word: the name stops before it.
    assert found("Le Programme " + "Internationale " * 20, language="fr") == [
        ("Programme " + " ".join(["Internationale"] * 14), None)
    ]


def test_a_name_takes_at_most_16_words_after_its_head_word():
    assert found("Le Programme " + "Alpha " * 60, language="fr") == [("Programme " + " ".join(["Alpha"] * 16), None)]
    assert found("Projet " * 40, language="fr") == []  # head words alone make no name


@plain_python_only
def test_a_run_of_head_words_is_read_once_not_again_from_each_head_word(monkeypatch):
    # "Projet Projet Projet …": every word is a head; reading the name on from each of them made the time
    # grow with the words a name may take times the words of the page.
    reads = []
    read_token = Tokens.__getitem__
    monkeypatch.setattr(Tokens, "__getitem__", lambda tokens, i: reads.append(i) or read_token(tokens, i))
    words = 2000
    assert found("Projet " * words, language="fr") == []
    assert len(reads) < 3 * words


@pytest.mark.parametrize(
    "one_title",
    [
        "Le projet « Titre {} » a commencé.",  # quoted titles
        "Le Programme Nord{} a commencé.",  # names around a head word
        "Le projet de gestion des frontières{} au Bénin a commencé.",  # titles in small letters after a noun
    ],
)
def test_a_page_is_read_for_the_first_20_titles_of_each_kind_only(one_title):
    # A release names a few projects; a page of thousands of cues is a list or junk, whose reading would only
    # cost time (issue 18): its first 20 are read.
    suffixes = [chr(ord("a") + i // 26) + chr(ord("a") + i % 26) for i in range(30)]
    titles = found(" ".join(one_title.format(suffix) for suffix in suffixes), language="fr")
    assert len(titles) == 20
    assert all(suffix in title and title in one_title.format(suffix) for (title, _), suffix in zip(titles, suffixes))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The pilot ran. Then the Safe Roads (SR) project", "Then the Safe Roads (SR) project"),
        ("Costs rose by 3.5 per cent; The Clean Wells (CW) project", "The Clean Wells (CW) project"),
        ("Dr. Ana Ruiz said: the plan. a small word. The Harbor (HB)", "The Harbor (HB)"),
        ("no mark at all before the (ACR)", "no mark at all before the (ACR)"),
        ("Ends here.  «Next» (N)", "«Next» (N)"),
        ("It ends. a small letter follows (SL)", "It ends. a small letter follows (SL)"),
    ],
)
def test_sentence_start_is_after_the_last_break_before_the_offset(text, expected):
    assert text[sentence_start(text, len(text), 200) :] == expected


def forward_sentence_start(text: str, offset: int, reach: int) -> int:
    """The definition: the end of the last break a forward search finds in the reach."""
    start = max(0, offset - reach)
    for match in _SENTENCE_BREAK.finditer(text, start, offset):
        start = match.end()
    return start


@given(st.text(alphabet=".!?; \t\nAaé1«", max_size=60), st.integers(0, 70), st.integers(0, 40))
def test_sentence_start_matches_the_forward_search(text, offset, reach):
    offset = min(offset, len(text))
    assert sentence_start(text, offset, reach) == forward_sentence_start(text, offset, reach)


@given(
    st.lists(
        st.sampled_from(["Eu", "-", " ", "\t", "Programm", "programm", "s", "projekt", "Plattform", "er", "2", "²"]),
        max_size=12,
    )
)
def test_a_compound_is_found_in_the_words_holding_a_head_as_in_the_whole_text(pieces):
    text = "".join(pieces)
    pattern = projects._patterns()["compound"]
    words = projects._words_holding(Paragraph(text, [0], [0]).folded, compound_heads())
    assert [m.span() for start, end in words for m in pattern.finditer(text, start, end)] == [
        m.span() for m in pattern.finditer(text)
    ]


@given(
    st.lists(
        st.sampled_from(["le ", "l'", "projet ", "project: ", "intitulé ", "im Rahmen der ", "x", " ", "\n", ","]),
        max_size=8,
    )
)
@pytest.mark.parametrize("name", ["title_cue", "noun_before", "frame", "article_before", "noun_just_before"])
def test_a_backward_pattern_ending_the_text_is_matched_where_a_search_finds_it(name, pieces):
    text = "".join(pieces)
    pattern = projects._patterns()[name]
    found, searched = pattern.match(text), pattern.search(text)
    assert (found and (found.span(), found.groups())) == (searched and (searched.span(), searched.groups()))


def searched_names(paragraph: Paragraph, starts: list[int]) -> list[tuple[str, str | None]]:
    """The definition: the names read from each head a search finds, from the first head as written on."""
    text, head, found = paragraph.text, projects._patterns()["head"], []
    first_head = next((at for at in starts if text.startswith(projects._heads(), at)), None)
    match = head.search(text, first_head) if first_head is not None else None
    while match:
        name, read_to = projects._named_at(text, match)
        found += [(name.name, name.acronym)] if name else []
        match = head.search(text, read_to)
    return found


@pytest.mark.parametrize(
    "text",
    [
        "the Programme Alpha (PA) and the Task\tForce for Peace (TFP).",
        "xOperation Copper Lantern and the Green Roads Initiative.",
        "²Programme Alpha Beta, Programme Programme Foo Bar, aProgramme Foo",
    ],
)
def test_a_head_is_matched_where_a_search_finds_it(text):
    paragraph = Paragraph(text, [0], [0])
    marks = projects._Marks(Spots([paragraph], []))
    starts = list(range(len(text)))  # every offset: the head places alone decide
    named = projects._named(paragraph, starts, marks.head_places(0), Budget(30))
    assert [(found.name, found.acronym) for found in named] == searched_names(paragraph, starts) != []


@pytest.mark.parametrize("spaces", [" ", "  ", "\t", "\u00a0", " \u2028 "])
def test_the_noun_after_an_acronym_is_found_whatever_the_spaces_in_its_reach(spaces):
    text = f"Safe Roads (SR){spaces}and Clean Wells (CW){spaces}projects start."
    starts = projects._Marks(Spots([Paragraph(text, [0], [0])], [])).noun_starts[0]
    nouns = projects._nouns_after(text, projects._definitions(text), starts)
    assert [noun.strip() for noun in nouns] == ["projects", "projects"]

"""Language: ISO 639-1 code from stop-word counts of the release text."""

from __future__ import annotations

import pytest

from pressparse.steps.language import guess_language
from pressparse.pipeline import analyse

SENTENCES = {
    "fr": "Le gouvernement a présenté mardi un plan pour aider les familles touchées par les inondations dans le sud "
    "du pays, avec le soutien de ses partenaires.",
    "en": "The government presented a plan on Tuesday to help the families affected by the floods in the south of "
    "the country, with the support of its partners.",
    "es": "El gobierno presentó el martes un plan para ayudar a las familias afectadas por las inundaciones en el sur "
    "del país, con el apoyo de sus socios.",
    "pt": "O governo apresentou na terça-feira um plano para ajudar as famílias afetadas pelas cheias no sul do país, "
    "com o apoio dos seus parceiros.",
    "de": "Die Regierung hat am Dienstag einen Plan vorgestellt, um den von den Überschwemmungen im Süden des Landes "
    "betroffenen Familien mit Hilfe der Partner zu helfen.",
    "it": "Il governo ha presentato martedì un piano per aiutare le famiglie colpite dalle inondazioni nel sud del "
    "paese, con il sostegno dei suoi partner.",
    "ar": "قدمت الحكومة يوم الثلاثاء خطة لمساعدة الأسر المتضررة من الفيضانات في جنوب البلاد، وذلك بدعم من شركائها "
    "الذين أكدوا أن هذه الخطة ستنفذ خلال العام.",
}


@pytest.mark.parametrize("code", sorted(SENTENCES))
def test_language_of_a_sentence(code):
    assert guess_language(SENTENCES[code]) == code


def test_too_little_text_gives_no_language():
    assert guess_language("Rapport 2019") is None
    assert guess_language("") is None


def test_the_release_text_decides_not_the_site_menu():
    menu = "\n".join(["Home", "Home", "About the organisation", "About the organisation", "- News and stories"])
    body = SENTENCES["fr"] + " " + SENTENCES["fr"].replace("mardi", "jeudi")
    page = analyse(f"{menu}\nUn plan pour les familles touchées par les inondations\n\n{body}\n")
    assert page.record.language == "fr"

"""Place names to ISO 3166-1 alpha-2 codes, from Babel's CLDR territory names in every lexicon language."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from . import lexicon

# CLDR territories that are not countries (world regions, unions, pseudo-locales).
_NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"})


def fold(name: str) -> str:
    """Case- and accent-insensitive key for a place name ("LIBYE", "Libye" and "libye" are one)."""
    decomposed = unicodedata.normalize("NFD", name.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("’", "'").strip()


@lru_cache(maxsize=None)
def _countries() -> dict[str, str]:
    from babel import Locale  # imported on first use: most pages are resolved without it

    index: dict[str, str] = {}
    for language in lexicon.languages():
        for code, name in Locale.parse(language).territories.items():
            if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES:
                index.setdefault(fold(name), code)
    return index


def country_code(name: str) -> str | None:
    """ISO code of a country named in any lexicon language ("Libye", "Libya", "Libia" -> "LY"), else None."""
    return _countries().get(fold(name))

"""Country names, their adjectives and abbreviations as one term ("US", "United States", "American").

The equivalences come from the countryinfo package's data (names, alternative spellings, demonyms),
not from a hand list: a question about "the United States" matches an article that says "US" or
"American" the same way on any article.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

MAX_WORDS = 4
"""The longest alias in words ("United States of America")."""


@dataclass(frozen=True)
class Aliases:
    phrases: dict[str, str]
    """Lower-case phrase (words joined by one space) -> the country's term; matched in any case."""
    codes: dict[str, str]
    """Upper-case abbreviation ("US", "UK") -> the country's term; matched only as written."""

    def match(self, tokens: list[str], i: int) -> tuple[str, int] | None:
        """(term, words used) for the longest alias starting at tokens[i], else None."""
        for n in range(min(MAX_WORDS, len(tokens) - i), 0, -1):
            phrase = " ".join(tokens[i:i + n])
            term = self.codes.get(phrase) or self.phrases.get(phrase.lower())
            if term:
                return term, n
        return None


def term_of(code: str) -> str:
    # One synthetic word per country; it survives tokenizing and stemming unchanged.
    return f"zzcountry{code.lower()}"


@lru_cache(maxsize=1)
def aliases() -> Aliases:
    import countryinfo

    # A demonym shared by several countries ("American") goes to the most populous one.
    countries = sorted(countryinfo.all_countries(), key=lambda c: -(c.population() or 0))
    phrases: dict[str, str] = {}
    codes: dict[str, str] = {}
    for country in countries:
        code = country.iso(3) or country.iso(2)
        if not code or not country.name():
            continue
        term = term_of(code)
        demonym = country.demonym() or ""
        spellings = [country.name(), demonym, demonym + "s" if demonym else ""] + list(country.alt_spellings() or [])
        for s in spellings:
            parts = (s or "").split()
            if not parts or len(parts) > MAX_WORDS or not all(p.isascii() and p.isalpha() for p in parts):
                continue
            s = " ".join(parts)
            if s.isupper():
                if len(s) >= 2:
                    codes.setdefault(s, term)
            elif len(s) >= 4:
                phrases.setdefault(s.lower(), term)
    return Aliases(phrases=phrases, codes=codes)

"""Text normalization that remembers, for every output character, where it came from."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_QUOTES = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"', "\u2013": "-", "\u2014": "-", "\u2212": "-",
})
_ASCII_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class Normalized:
    text: str
    origin: tuple[int, ...]
    """origin[i] is the index in the original text of normalized character i."""

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the normalized text back to the original text."""
        if start >= end:
            pos = self.origin[start] if start < len(self.origin) else (self.origin[-1] + 1 if self.origin else 0)
            return pos, pos
        return self.origin[start], self.origin[end - 1] + 1


def _clusters(text: str):
    """(index, characters) of each base character with the combining marks that follow it, so that
    NFKC composes "e" + U+0301 into "é" just as it keeps a precomposed "é"."""
    i = 0
    n = len(text)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        yield i, text[i:j]
        i = j


def normalize(text: str) -> Normalized:
    """NFKC, straight quotes and dashes, whitespace runs collapsed to one space, trimmed;
    control and zero-width characters dropped."""
    out: list[str] = []
    origin: list[int] = []
    space_at = -1  # index of the first whitespace character of the current run
    for i, cluster in _clusters(text):
        ch = cluster[0]
        if ch.isspace():
            if space_at < 0 and out:
                space_at = i
            continue
        if unicodedata.category(ch) in ("Cc", "Cf") and len(cluster) == 1:
            continue
        mapped = unicodedata.normalize("NFKC", cluster).translate(_QUOTES)
        if space_at >= 0:
            out.append(" ")
            origin.append(space_at)
            space_at = -1
        for m in mapped:
            out.append(m)
            origin.append(i)
    return Normalized("".join(out), tuple(origin))


def clean(text: str) -> str:
    """The normalized text alone, for embedding and keyword matching."""
    # Fast path: plain ASCII needs only whitespace collapsing.
    if text.isascii() and not _ASCII_CONTROL.search(text):
        return " ".join(text.split())
    return normalize(text).text

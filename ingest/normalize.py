"""Text normalization that remembers, for every output character, where it came from."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass

_QUOTES = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"', "\u2013": "-", "\u2014": "-", "\u2212": "-",
})


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


def normalize(text: str) -> Normalized:
    """NFKC, straight quotes and dashes, whitespace runs collapsed to one space, trimmed."""
    out: list[str] = []
    origin: list[int] = []
    pending_space = False
    for i, ch in enumerate(text):
        if ch.isspace():
            pending_space = bool(out)
            continue
        if unicodedata.category(ch) in ("Cc", "Cf"):  # control and zero-width characters
            continue
        mapped = unicodedata.normalize("NFKC", ch).translate(_QUOTES)
        if pending_space:
            out.append(" ")
            origin.append(i - 1)
            pending_space = False
        for m in mapped:
            out.append(m)
            origin.append(i)
    return Normalized("".join(out), tuple(origin))


def clean(text: str) -> str:
    """The normalized text alone, for embedding and keyword matching."""
    # Fast path: most text needs only quote mapping and whitespace collapsing.
    if text.isascii():
        return " ".join(text.split())
    return normalize(text).text

"""A yes/no question and its sentence put in words the claim check reads alike: "Can students finish?" asks what
"students will be allowed to finish" says; "Do shareholders get interest?" asks of the arrangement that
"shareholders will not receive any interest" denies (but "the plant will open" does not say it is open now)."""
from __future__ import annotations

import re

__all__ = ["rephrased"]


def rephrased(question: str, sentence: str) -> list[tuple[str, str, str | None]]:
    """(question, sentence, the only verdict it may give or None for any) to read when the words as written give
    none."""
    found = []
    present = _PRESENT.match(question)
    if present:
        found.append((f"will {question[present.end():]}", sentence, "No"))
    allowed = _ALLOWED.sub(_can, sentence)
    if _CAN.match(question) and allowed != sentence:
        found.append((question, allowed, None))
    paid = _ON_PAY.sub(r"and is still paid", sentence)
    if _PAID.search(question) and paid != sentence:  # "is he still getting paid?" / "suspended on full pay"
        found.append((_PAID.sub(r"\1 paid", question), paid, "Yes"))
    return found


_PRESENT = re.compile(r"^\s*(?:do|does)\s+(?!not\b|n't\b)", re.I)
_CAN = re.compile(r"^\s*(?:can|could)\b", re.I)
_ALLOWED = re.compile(r"\b(?:(?:will|would|shall)\s+(?P<neg>not\s+)?be|(?:is|are|was|were)(?P<neg2>\s+not)?)\s+"
                      r"(?:still\s+)?(?:allowed|permitted|able)\s+to\b", re.I)
"""Allowed or able to do it, which "can" asks: "will be allowed to finish", "are not permitted to"."""
_ON_PAY = re.compile(r"\s*\bon\s+(?:full|normal)\s+pay\b", re.I)
"""Kept on full pay: still paid."""
_PAID = re.compile(r"\b(still\s+)?(?:getting|being)\s+paid\b", re.I)


def _can(m: re.Match) -> str:
    return "cannot" if m.group("neg") or m.group("neg2") else "can"

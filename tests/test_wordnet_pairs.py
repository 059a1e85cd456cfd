"""The WordNet miner (training/wordnet_pairs.py) on a tiny WordNet written in its own file format: pairs of one
synset among both words' first senses, antonyms by their pointers, names and stem-clashing derived words left out;
and a verb's deed nouns (training/nominals.py)."""
from __future__ import annotations

from pathlib import Path

from training.wordnet_pairs import MAX_SENSE, _inflected, candidates

# data.<pos>: offset lex_filenum ss_type w_cnt (word lex_id)... p_cnt (symbol offset pos source/target)... | gloss
_VERB_DATA = """\
  1 This is a licence header line.
00000001 29 v 02 hurt 0 injure 0 001 ! 00000004 v 0101 | cause injury
00000002 29 v 01 ache 0 000 | feel pain
00000003 29 v 02 hurt 0 ache 0 000 | be sore
00000004 29 v 01 heal 0 001 ! 00000001 v 0101 | make well
00000005 29 v 02 close 0 shut 0 000 | move so that an opening is covered
00000006 29 v 02 closeness 0 intimacy 0 000 | (made up) a derived word
00000007 29 v 02 Chang 0 change 0 000 | a name in a synset
"""
# index.<pos>: lemma pos synset_cnt p_cnt (symbol)... sense_cnt tagsense_cnt offset...
_VERB_INDEX = """\
  1 This is a licence header line.
ache v 2 0 2 0 00000002 00000003
change v 1 0 1 0 00000007
chang v 1 0 1 0 00000007
close v 1 0 1 0 00000005
closeness v 1 0 1 0 00000006
heal v 1 1 ! 1 0 00000004
hurt v 2 1 ! 2 0 00000001 00000003
injure v 1 1 ! 1 0 00000001
intimacy v 1 0 1 0 00000006
shut v 1 0 1 0 00000005
"""


def _wordnet(tmp_path: Path) -> Path:
    for pos in ("verb", "adj", "noun", "adv"):
        (tmp_path / f"data.{pos}").write_text(_VERB_DATA if pos == "verb" else "  1 header\n", encoding="utf-8")
        (tmp_path / f"index.{pos}").write_text(_VERB_INDEX if pos == "verb" else "  1 header\n", encoding="utf-8")
    return tmp_path


def test_pairs_share_a_synset_among_both_words_first_senses_with_the_rarer_rank(tmp_path):
    same, opposite = candidates(_wordnet(tmp_path))
    assert same[("hurt", "injure")] == 1
    assert same[("ache", "hurt")] == 2  # hurt's second sense, ache's second
    assert same[("close", "shut")] == 1
    assert ("heal", "hurt") in opposite and ("heal", "hurt") not in same
    assert MAX_SENSE >= 2


def test_names_and_words_whose_stem_is_a_shorter_words_are_left_out(tmp_path):
    same, _ = candidates(_wordnet(tmp_path))
    # "closeness" stems as "close": it would make "shut" stand for "intimacy".
    assert not any("closeness" in pair or "intimacy" in pair for pair in same)
    # "Chang" is a name, not a word, and no pair is made with it.
    assert not any("chang" in pair or "Chang" in pair for pair in same)


def test_an_inflected_word_is_its_base():
    assert _inflected("banned", "ban") and _inflected("closed", "close") and _inflected("cities", "city")
    assert not _inflected("closeness", "close") and not _inflected("admittedly", "admit")


_ADJ_DATA = """\
  1 This is a licence header line.
00000011 00 a 01 permanent 0 001 ! 00000012 a 0101 | continuing
00000012 00 a 02 impermanent 0 temporary 0 001 ! 00000011 a 0101 | not lasting
00000013 00 a 01 temporary 0 000 | a rarer sense
"""
_ADJ_INDEX = """\
  1 This is a licence header line.
impermanent a 1 1 ! 1 0 00000012
permanent a 1 1 ! 1 0 00000011
temporary a 2 0 2 0 00000012 00000013
"""


def test_opposite_states_join_every_word_of_two_antonym_synsets(tmp_path):
    from training.wordnet_pairs import opposite_states

    for pos in ("verb", "noun", "adv"):
        (tmp_path / f"data.{pos}").write_text("  1 header\n", encoding="utf-8")
        (tmp_path / f"index.{pos}").write_text("  1 header\n", encoding="utf-8")
    (tmp_path / "data.adj").write_text(_ADJ_DATA, encoding="utf-8")
    (tmp_path / "index.adj").write_text(_ADJ_INDEX, encoding="utf-8")
    # The link joins "permanent" and "impermanent"; "temporary" shares the second synset.
    assert opposite_states(tmp_path) == {("impermanent", "permanent"), ("permanent", "temporary")}


# A verb's deed nouns (training/nominals.py): derivation pointers ("+") from the verb's sense to a noun's, kept
# when the noun is an act, event or state (lexicographer files 04, 11, 26), not a person (18) nor the doer.
_DEED_VERBS = """\
  1 header
00000011 29 v 01 injure 0 002 + 00000021 n 0101 + 00000022 n 0101 | hurt
00000012 29 v 01 kill 0 002 + 00000023 n 0101 + 00000024 n 0101 | cause to die
"""
_DEED_VERB_INDEX = """\
  1 header
injure v 1 1 + 1 0 00000011
kill v 1 1 + 1 0 00000012
"""
_DEED_NOUNS = """\
  1 header
00000021 26 n 01 injury 0 000 | harm
00000022 18 n 01 injurer 0 000 | one who injures
00000023 04 n 01 killing 0 000 | the act of killing
00000024 04 n 01 killer 0 000 | (filed as an act) one who kills
"""
_DEED_NOUN_INDEX = """\
  1 header
injury n 1 0 1 0 00000021
injurer n 1 0 1 0 00000022
killing n 1 0 1 0 00000023
killer n 1 0 1 0 00000024
"""


def test_a_verbs_deed_nouns_are_its_acts_and_states_never_its_doers(tmp_path):
    from training.nominals import nominals

    for name, text in (("data.verb", _DEED_VERBS), ("index.verb", _DEED_VERB_INDEX), ("data.noun", _DEED_NOUNS),
                       ("index.noun", _DEED_NOUN_INDEX)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert nominals(tmp_path) == {"injure": ["injury"], "kill": ["killing"]}

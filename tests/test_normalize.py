"""lang/normalize.py: `clean`, the normalized text the embedder and the keyword index see."""
from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lang.normalize import _normalize, clean


def test_curly_quotes_and_dashes_become_plain_ascii():
    assert clean("“Very seriously” — it’s ‘true’ – «yes»") == "\"Very seriously\" - it's 'true' - \"yes\""


def test_whitespace_runs_collapse_to_one_space_and_ends_are_trimmed():
    assert clean("  Putin\n\n met\t\u00a0Haftar \n") == "Putin met Haftar"
    assert clean("  Putin\n\n met\tHaftar \n") == "Putin met Haftar"  # the ASCII fast path


def test_compatibility_characters_are_unfolded():
    assert clean("ﬁnal ＵＳ ½") == "final US 1⁄2"


def test_decomposed_and_composed_accents_clean_alike():
    assert clean("cafe\u0301") == clean("caf\u00e9") == "caf\u00e9"


@pytest.mark.parametrize("text, cleaned", [
    ("Putin \u200bmet", "Putin met"),  # a zero-width space between words leaves one space
    ("Putin \x07met", "Putin met"),
    ("Tobruk\x7f port", "Tobruk port"),  # ASCII with a control character leaves the fast path
    ("Tob\u200bruk", "Tobruk"),
    ("", ""),
])
def test_control_and_zero_width_characters_are_dropped(text, cleaned):
    assert clean(text) == cleaned


_chars = st.one_of(
    st.characters(blacklist_categories=("Cs",)),
    st.sampled_from(list(" \t\n\r\u00a0\u2003\u2028\u200b\x07“”‘’«»—–−") + ["\u0301", "ﬁ", "½", "Ａ"]),
)


@given(st.text(_chars, max_size=60))
def test_cleaned_text_is_trimmed_single_spaced_and_straight_quoted(text):
    cleaned = clean(text)

    assert cleaned == cleaned.strip() and "  " not in cleaned
    assert not any(ch.isspace() and ch != " " for ch in cleaned)
    assert not set(cleaned) & set("“”‘’«»—–−")
    assert not any(unicodedata.category(ch) == "Cc" for ch in cleaned)


@given(st.text(st.characters(max_codepoint=127), max_size=60))
def test_ascii_fast_path_agrees_with_the_full_normalization(text):
    assert clean(text) == _normalize(text)


def test_a_sum_typed_short_is_spelled_out_as_articles_write_it():
    from lang.normalize import amounts_spelled

    assert amounts_spelled("who pays back the £20m loan?") == "who pays back the £20 million loan?"
    assert amounts_spelled("a $1.5bn deal and a €300k fine") == "a $1.5 billion deal and a €300 thousand fine"
    assert amounts_spelled("a 20m bridge, 5k runners") == "a 20m bridge, 5k runners"  # no currency: not a sum
    # Thousands typed without a sign and with no noun after them are a sum, written out as articles write it; a
    # bound's is left to the yes/no check.
    assert amounts_spelled("why did the church only get 7.5k from insurance") == \
        "why did the church only get 7,500 from insurance"
    assert amounts_spelled("he paid 12k.") == "he paid 12,000."
    assert amounts_spelled("was the fine more than 50k") == "was the fine more than 50k"
    assert amounts_spelled("how many ran the 5k?") == "how many ran the 5k?"  # a race

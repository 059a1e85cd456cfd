"""ingest/split.py: passages of whole sentences whose offsets point exactly into the article text."""
from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from core.errors import IngestError
from ingest import load_article, parse_article, split_passages, split_sentences
from ingest.split import MAX_SENTENCE_CHARS


def article_of(text: str, name: str = "a.md"):
    return parse_article(text.encode("utf-8"), source=name)


def texts(article, spans) -> list[str]:
    return [article.text[s.start:s.end] for s in spans]


def assert_offsets_hold(article, passages) -> None:
    """Passage text is the source slice; sentences lie inside their passage, in order, never overlapping."""
    previous_end = article.body.start
    for i, p in enumerate(passages):
        assert p.index == i
        assert p.text == article.text[p.start:p.end]
        assert p.sentences, p
        assert (p.sentences[0].start, p.sentences[-1].end) == (p.start, p.end)
        for s in p.sentences:
            assert p.start <= s.start < s.end <= p.end
            assert s.start >= previous_end, f"sentence {s} overlaps or precedes the one before it"
            previous_end = s.end
    assert previous_end <= article.body.end


def assert_no_text_lost(article, passages) -> None:
    covered = set()
    for p in passages:
        for s in p.sentences:
            covered.update(range(s.start, s.end))
    lost = [i for i in range(article.body.start, article.body.end)
            if not article.text[i].isspace() and i not in covered]
    assert not lost, f"characters missing from every sentence: {article.text[lost[0]:lost[0] + 30]!r}"


def test_shipped_article_passages_are_exact_slices_of_its_text(shipped_article):
    article = load_article(shipped_article, max_bytes=10**6)

    passages = split_passages(article, 600)

    assert len(passages) > 3
    assert_offsets_hold(article, passages)
    assert_no_text_lost(article, passages)
    assert passages[0].text.startswith("The death of Wagner boss")
    assert all("2023-11-06" not in p.text for p in passages)
    assert all(p.source == shipped_article.name and p.content_hash == article.content_hash for p in passages)


def test_passages_break_at_paragraphs_and_stay_near_the_target_size(shipped_article):
    article = load_article(shipped_article, max_bytes=10**6)

    for target in (200, 600, 1200):
        passages = split_passages(article, target)
        assert_offsets_hold(article, passages)
        for p in passages:
            assert len(p.text) <= target or len(p.sentences) == 1, (target, p.text)
    # A bigger target gives fewer passages.
    assert len(split_passages(article, 1200)) < len(split_passages(article, 200))


def test_sentences_are_split_at_sentence_ends_not_at_abbreviations():
    article = article_of("Mr. Haftar met Putin in Moscow. The U.S. said nothing. Talks went on!")

    (passage,) = split_passages(article)

    assert texts(article, passage.sentences) == [
        "Mr. Haftar met Putin in Moscow.", "The U.S. said nothing.", "Talks went on!"]


def test_a_sentence_never_crosses_a_blank_line_or_a_heading():
    article = article_of("# Russia eyes Tobruk\nThe port needs work\n\nbecause it is small.\n## Next\nMore text.")

    sentences = [s for p in split_passages(article, 40) for s in p.sentences]

    assert texts(article, sentences) == [
        "# Russia eyes Tobruk", "The port needs work", "because it is small.", "## Next", "More text."]


def test_markdown_list_items_are_sentences_of_their_own():
    article = article_of("Demands:\n- a port\n- an airbase\n* money\n")

    sentences = [s for p in split_passages(article) for s in p.sentences]

    assert texts(article, sentences) == ["Demands:", "- a port", "- an airbase", "* money"]


def test_overlong_sentence_is_cut_at_word_boundaries_with_exact_offsets():
    text = "Tobruk " * 300 + "ends here."
    article = article_of(text)

    sentences = split_sentences(article.text, article.body.start, article.body.end)

    assert len(sentences) > 1
    assert all(s.end - s.start <= MAX_SENTENCE_CHARS for s in sentences)
    assert " ".join(texts(article, sentences)) == text
    assert all(not t.startswith(" ") and not t.endswith(" ") for t in texts(article, sentences))


def test_whitespace_only_range_has_no_sentences():
    assert split_sentences("  \n\n\t ", 0, 6) == []
    assert split_sentences("", 0, 0) == []


def test_offsets_count_characters_not_bytes():
    article = article_of("日本の港。 “Quoted,” he said — naïvely. Ça va.")

    sentences = [s for p in split_passages(article) for s in p.sentences]

    assert texts(article, sentences)[-1] == "Ça va."
    assert_offsets_hold(article, split_passages(article))


# --- property: any text, offsets always hold ---------------------------------------------

_words = st.sampled_from([
    "the", "Putin", "Haftar’s", "“very", "seriously”", "Tobruk.", "port!", "Why?", "Mr.", "U.S.", "naïve",
    "日本", "—", "Straße", "1.5", "e.g.", "\"quoted.\"", "‘single’", "(aside)", "…", "emoji🙂", "Ça",
])
_separators = st.sampled_from([
    " ", " ", " ", ". ", "\n", "\n\n", "\n \n\n", "\t", "\r\n", "\u00a0", "\n# ", "\n## Heading\n", "#",
    "\n- ", "\n> ", "\n1. ",
])
_article_text = st.builds(
    lambda date, parts: date + "".join(parts),
    st.sampled_from(["", "date 2023-11-06\n", "date 2023-11-06 ", "  Date: 2020-01-31\n\n"]),
    # Control characters are left out: a text with many of them is refused as binary at load.
    st.lists(st.one_of(_words, _separators, st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=4)),
             min_size=1, max_size=120),
)


@settings(max_examples=400)
@given(_article_text, st.sampled_from([30, 120, 600]))
def test_any_text_splits_into_passages_that_are_exact_slices(text, target):
    try:
        article = article_of(text)
    except IngestError:
        assume(False)  # empty or binary-looking text is refused at load; its tests are in test_load.py

    passages = split_passages(article, target)

    assert_offsets_hold(article, passages)
    assert_no_text_lost(article, passages)
    if article.date:
        assert all(p.start >= article.body.start for p in passages)


@pytest.mark.parametrize("target", [1, 4])
def test_tiny_target_still_gives_one_sentence_per_passage(target):
    article = article_of("One. Two. Three.")

    passages = split_passages(article, target)

    assert [p.text for p in passages] == ["One.", "Two.", "Three."]

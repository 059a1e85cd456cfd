"""The reader: how a pair is encoded, how its span head's output becomes a phrase with offsets, and the
committed model against its recorded held-out figures."""
from __future__ import annotations

import json

import numpy as np
import pytest

from qa.judgment.reader import MAX_PHRASE_PIECES, MODEL_PATH, Reader, best_span, phrase_chars
from qa.judgment.reader_input import CONTEXT_TOKENS, MAX_TOKENS, batch, encode_many, span_mask, token_span

SENTENCES = [
    "Brightwave was founded in 2019 by Ana Roth, who is now its chief executive.",
    "The Amber River bridge, 1.2 kilometres long, opened on 3 May 2024 after six years of work.",
    "Officials said the port’s deep-water berths — 14 metres — could host tankers.",
]


def test_an_answer_span_maps_to_word_pieces_and_back_to_the_same_characters():
    for sentence, answer in zip(SENTENCES, ("Ana Roth", "3 May 2024", "14 metres")):
        start = sentence.index(answer)
        e = encode_many("What?", [sentence])[0]
        first, last = token_span(e, start, start + len(answer))
        assert phrase_chars(sentence, e, first, last) == (start, start + len(answer))


def test_a_pair_is_cls_question_sep_sentence_sep_and_never_longer_than_the_limit():
    long = "word " * 400
    e, f = encode_many("Who founded Brightwave?", [SENTENCES[0], long])
    assert e.ids[0] == 101 and e.ids[-1] == 102 and e.type_ids[e.sentence_first] == 1 and e.type_ids[1] == 0
    assert len(f.ids) == MAX_TOKENS and len(f.offsets) == MAX_TOKENS - f.sentence_first - 1
    inputs = batch([e, f])
    assert inputs["input_ids"].shape == (2, MAX_TOKENS) and inputs["attention_mask"][0].sum() == len(e.ids)
    mask = span_mask([e, f], MAX_TOKENS)
    assert mask[0, 0] and not mask[0, 1] and mask[0, e.sentence_first] and not mask[0, len(e.ids) - 1]


def test_the_previous_sentence_follows_the_pair_and_is_never_a_place_for_the_phrase():
    sentence, before = "The minister boarded the ship.", "The frigate Aurora anchored in the bay. " * 20
    bare, with_context, no_context = encode_many("Which vessel?", [sentence, sentence, sentence], ["", before, ""])
    # Without a previous sentence the pair is exactly what a reader trained without context reads.
    assert bare.ids.tolist() == encode_many("Which vessel?", [sentence])[0].ids.tolist() == no_context.ids.tolist()
    extra = len(with_context.ids) - len(bare.ids)
    assert extra == CONTEXT_TOKENS + 1 and with_context.ids[-1] == 102 and set(with_context.type_ids[len(bare.ids):]) == {1}
    assert with_context.offsets == bare.offsets and with_context.sentence_first == bare.sentence_first
    mask = span_mask([with_context], len(with_context.ids))
    assert not mask[0, len(bare.ids):].any()


def test_a_span_cut_off_by_the_length_limit_has_no_pieces():
    sentence = "word " * 200 + "Ana Roth."
    e = encode_many("Who?", [sentence])[0]
    assert token_span(e, sentence.index("Ana"), len(sentence) - 1) is None


def _logits(n: int, peaks: dict[int, float]) -> np.ndarray:
    x = np.full(n, -5.0)
    for i, v in peaks.items():
        x[i] = v
    return x


def test_the_best_span_is_the_likeliest_start_and_end_in_order_within_the_length_limit():
    e = encode_many("Who founded it?", [SENTENCES[0]])[0]
    n, first = len(e.ids), e.sentence_first
    roth = token_span(e, SENTENCES[0].index("Ana Roth"), SENTENCES[0].index("Ana Roth") + 8)
    start = _logits(n, {roth[0]: 5.0, first + 1: 3.0})
    end = _logits(n, {roth[1]: 5.0})
    s, t, p, none = best_span(start, end, e)
    assert (s, t) == roth and 0.5 < p < 1 and none < 0.01
    # An end before the likeliest start is never chosen; "no phrase" ([CLS]) is reported as such.
    backwards = best_span(_logits(n, {roth[1]: 5.0}), _logits(n, {roth[0]: 5.0}), e)
    assert backwards[0] <= backwards[1]
    nothing = best_span(_logits(n, {0: 8.0}), _logits(n, {0: 8.0}), e)
    assert nothing[3] > 0.9 and nothing[2] < 0.01


def test_a_span_longer_than_the_limit_is_not_proposed():
    sentence = " ".join(f"w{i}" for i in range(60))
    e = encode_many("What?", [sentence])[0]
    n, first = len(e.ids), e.sentence_first
    s, t, _, _ = best_span(_logits(n, {first: 5.0}), _logits(n, {first + 40: 5.0}), e)
    assert t - s < MAX_PHRASE_PIECES


def test_a_phrase_is_widened_to_whole_words():
    sentence = "The Brightwavers met."
    e = encode_many("Who?", [sentence])[0]
    pieces = [k for k, (a, b) in enumerate(e.offsets) if a >= sentence.index("Brightwavers")]
    inner = e.sentence_first + pieces[1]  # a piece inside the word
    a, b = phrase_chars(sentence, e, inner, inner)
    assert sentence[a:b] == "Brightwavers"


def test_a_phrase_that_enters_a_hyphenated_compound_is_not_cut_inside_it():
    sentence = "Anna Motu, a 34-year-old trader from Denver-based Velora, survived."
    e = encode_many("How old?", [sentence])[0]

    def span(text: str) -> tuple[int, int]:
        start = sentence.index(text)
        return token_span(e, start, start + len(text))

    a, b = phrase_chars(sentence, e, *span("34-year"))
    assert sentence[a:b] == "34-year-old"
    a, b = phrase_chars(sentence, e, *span("Denver"))
    assert sentence[a:b] == "Denver"  # a phrase that stops before the hyphen keeps its own word


needs_model = pytest.mark.skipif(not MODEL_PATH.exists(), reason="no committed reader (qa/models/reader.onnx)")


@pytest.mark.integration
@needs_model
def test_the_reader_marks_a_phrase_inside_each_sentence_with_exact_offsets():
    reader = Reader()
    readings = reader.read("Who founded Brightwave?", SENTENCES)
    assert len(readings) == len(SENTENCES)
    assert readings[0].relevance == max(r.relevance for r in readings)
    for r, sentence in zip(readings, SENTENCES):
        text = sentence[r.phrase_start:r.phrase_end]
        assert text == text.strip() and (not text or text in sentence)
        assert 0.0 <= r.phrase_p <= 1.0 and 0.0 <= r.no_phrase_p <= 1.0
    first = SENTENCES[0][readings[0].phrase_start:readings[0].phrase_end]
    assert "Roth" in first


@pytest.mark.integration
@needs_model
def test_the_committed_reader_reproduces_its_recorded_held_out_figures():
    """The reader, on pool questions it was not trained on (written by `python -m training.judge --reader ...`),
    scores what was recorded then: int8 arithmetic may differ a little between CPUs, so within one question."""
    from training.samples import READER_SAMPLE, reader_figures

    sample = json.loads(READER_SAMPLE.read_text(encoding="utf-8"))
    got = reader_figures(Reader(), sample["items"])
    want = sample["figures"]
    slack = 1.0 / want["questions"] + 1e-9
    assert got["questions"] == want["questions"]
    assert abs(got["top1"] - want["top1"]) <= slack
    assert abs(got["span_f1_on_answer_sentence"] - want["span_f1_on_answer_sentence"]) <= 0.01
    record = json.loads(MODEL_PATH.with_suffix(".json").read_text(encoding="utf-8"))
    assert record["held_out"]["frozen_sample"] == want
    # and it reads better than chance among its candidates
    assert got["top1"] > 0.6


def test_the_previous_sentence_is_read_only_by_a_model_whose_record_says_it_was_trained_with_it(tmp_path):
    trained = tmp_path / "with.onnx"
    trained.with_suffix(".json").write_text(json.dumps({"context_tokens": 40}))
    bare = tmp_path / "without.onnx"
    bare.with_suffix(".json").write_text(json.dumps({"steps": 10}))
    assert Reader(trained).uses_context and not Reader(bare).uses_context
    assert not Reader(tmp_path / "absent.onnx").uses_context

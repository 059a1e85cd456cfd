"""The short answer phrase: candidate spans, the empty case, offsets, and the committed model.

Tests that parse a sentence load spaCy's pipeline once (1.5-2 s): they carry the integration marker."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from training.phrase_model import model as short
from lang.rules import wants_phrase
from training.phrase_model.model import ShortModel, ShortSpan, find_short, question_info

WAGNER = "After the cease-fire agreement, approximately two thousand Wagner fighters remained in Libya."
MEETING = "Gen. Khalifa Haftar met President Vladimir Putin on 28 September 2023 in Moscow."
BRIDGE = "The new bridge is 1.2 kilometres long, weighs 3,000 tonnes and cost $40 million."
SAMPLE = Path(__file__).parent / "data" / "short_sample.json"


def texts(sentence: str) -> set[str]:
    return {c.text for c in short.candidates(sentence)}


@pytest.mark.integration  # loads spaCy's pipeline (1.5-2 s, once)
def test_candidates_include_numbers_with_their_units():
    found = texts(BRIDGE)
    assert "1.2 kilometres" in found
    assert "3,000 tonnes" in found
    assert "$40 million" in found


@pytest.mark.integration  # loads spaCy's pipeline (1.5-2 s, once)
def test_candidates_include_a_whole_date():
    assert "28 September 2023" in texts(MEETING)


@pytest.mark.integration  # loads spaCy's pipeline (1.5-2 s, once)
def test_candidates_include_names_with_and_without_their_title():
    found = texts(MEETING)
    assert "Khalifa Haftar" in found
    assert "Gen. Khalifa Haftar" in found
    assert "Vladimir Putin" in found
    assert "Moscow" in found


@pytest.mark.integration  # loads spaCy's pipeline (1.5-2 s, once)
def test_candidates_keep_an_approximate_number_in_words():
    assert "approximately two thousand" in texts(WAGNER)


@pytest.mark.integration  # loads spaCy's pipeline (1.5-2 s, once)
def test_candidate_offsets_point_into_the_sentence():
    odd = "  Leading spaces, “quotes” and Haftar’s forces (LNA) — 5 km/h.  "
    for sentence in (WAGNER, MEETING, BRIDGE, odd):
        for c in short.candidates(sentence):
            assert sentence[c.start:c.end] == c.text
            assert c.text == c.text.strip() and c.text


@pytest.mark.integration  # loads spaCy's pipeline (1.5-2 s, once)
def test_candidates_drop_leading_articles():
    assert all(not c.text.lower().startswith("the ") for c in short.candidates(BRIDGE))


@pytest.mark.integration  # loads spaCy's pipeline (1.5-2 s, once)
def test_a_fake_model_picks_the_type_the_question_asks_for():
    model = ShortModel({"wh=when|lab=DATE": 5.0, "wh=how_many|lab=NUM": 5.0, "wh=when|len=3": 1.0,
                        "wh=how_many|len=3": 1.0},
                       none_score=0.0, threshold=0.5)
    assert find_short("When did Haftar meet Putin?", MEETING, model).text == "28 September 2023"
    span = find_short("How many Wagner fighters remained in Libya?", WAGNER, model)
    assert span == ShortSpan(start=WAGNER.index("approximately"), end=WAGNER.index(" Wagner"),
                             text="approximately two thousand", score=pytest.approx(span.score), kind="NUM")
    assert span.score > 0.5


@pytest.mark.integration  # loads spaCy's pipeline (1.5-2 s, once)
def test_no_phrase_when_the_model_is_unsure():
    unsure = ShortModel({}, none_score=0.0, threshold=0.5)  # every candidate as likely as none
    assert find_short("Who met Putin?", MEETING, unsure) is None


def test_no_phrase_for_reasons_manners_or_yes_no():
    model = ShortModel({}, none_score=0.0, threshold=0.0)
    assert find_short("Why did the Wagner fighters stay in Libya?", WAGNER, model) is None
    assert find_short("How did Haftar travel to Moscow?", MEETING, model) is None
    assert find_short("Did Haftar meet Putin?", MEETING, model) is None
    assert find_short("", MEETING, model) is None
    assert find_short("Who met Putin?", "   ", model) is None


def test_wants_phrase_reads_the_question_form():
    assert wants_phrase("How many fighters stayed?")
    assert wants_phrase("In what year did the war end?")
    assert wants_phrase("The drought hit in what year?")
    assert not wants_phrase("Why is the port important?")
    assert not wants_phrase("How does the treaty work?")
    assert not wants_phrase("Was the meeting the first?")


def test_question_info_refines_the_question_word():
    assert question_info("How many Wagner fighters stayed?").qtype == "how_many"
    assert question_info("Whom did Putin meet?").qtype == "who"
    info = question_info("Haeckelia prey mostly on what animal?")
    assert (info.qtype, info.wh_pos, info.wh_noun) == ("what", "end", "anim")


def test_model_threshold_must_be_a_probability():
    with pytest.raises(ValueError, match="threshold"):
        ShortModel({}, none_score=0.0, threshold=1.5)


def test_model_round_trips_through_json(tmp_path):
    model = ShortModel({"lab=DATE": 1.25}, none_score=-0.5, threshold=0.3, meta={"C": 1.0})
    path = tmp_path / "short.json"
    path.write_text(json.dumps(model.to_json()))
    loaded = ShortModel.load(path)
    assert (loaded.weights, loaded.none_score, loaded.threshold, loaded.meta) == ({"lab=DATE": 1.25}, -0.5, 0.3,
                                                                                 {"C": 1.0})


@pytest.mark.integration  # loads spaCy's pipeline (1.5-2 s, once)
def test_committed_model_answers_plain_factoid_questions():
    assert "two thousand" in find_short("How many Wagner fighters remained in Libya?", WAGNER).text
    assert find_short("When did Haftar meet Putin?", MEETING).text == "28 September 2023"
    assert find_short("How long is the new bridge?", BRIDGE).text == "1.2 kilometres"
    # Below the shipped threshold (chosen for 90% precision) this one is not shown, but it is the model's best.
    held = "The talks were held in Benghazi on Tuesday."
    assert find_short("Where were the talks held?", held, threshold=0.0).text == "Benghazi"
    assert find_short("Who leads the Libyan National Army?",
                      "The Libyan National Army is led by Khalifa Haftar, a former general.").text == "Khalifa Haftar"


@pytest.mark.integration  # loads spaCy's pipeline (1.5-2 s, once)
def test_best_short_looks_in_every_sentence_and_says_which():
    sentences = ["The talks were long.", MEETING]
    index, span = short.best_short("When did Haftar meet Putin?", sentences)
    assert (index, span.text) == (1, "28 September 2023")
    assert sentences[index][span.start:span.end] == span.text
    assert short.best_short("Why did they meet?", sentences) is None
    assert short.best_short("When did Haftar meet Putin?", []) is None


@pytest.mark.integration
def test_committed_model_reproduces_its_recorded_figure_on_the_frozen_sample():
    from training.phrases import Item, predict, scores

    sample = json.loads(SAMPLE.read_text(encoding="utf-8"))
    model = ShortModel.load()
    assert set(sample["articles"]).isdisjoint(model.meta["trained_on_articles"])
    items = [Item("", i["question"], i["sentence"], i["golds"], short.parse(i["sentence"])) for i in sample["items"]]
    got = scores([predict(model, i) for i in items], items, model.threshold)
    for key in ("em", "f1", "coverage"):
        assert got[key] == pytest.approx(sample["scores"][key], abs=0.002), key


def test_no_bold_phrase_that_only_repeats_the_question():
    from qa.compose.compose import _asked_already

    assert _asked_already("Haftar", "Who did Haftar meet in Moscow?")
    assert _asked_already("the port", "Where is the port?")
    assert not _asked_already("Benghazi", "Where is Haftar's headquarters?")


def test_no_bold_phrase_of_several_numbers_for_how_many():
    from qa.compose.compose import _asked_already

    assert _asked_already("four air bases, five oil or gas fields and four", "How many terminals are guarded?")
    assert not _asked_already("four", "How many terminals are guarded?")
    assert not _asked_already("1,200", "How many people live there?")
    assert not _asked_already("approximately two thousand", "How many fighters remained?")

"""How thresholds are chosen held out and what they lead to, on toy data: refusal at a false-refusal target,
"sure" and the bold phrase at a precision target, and the judge's JSON with every stage."""
from __future__ import annotations

import numpy as np
import pytest

from qa.judgment.confidence import CONFIDENCE_FEATURES, PHRASE_FEATURES, confidence_row, level, phrase_row
from qa.judgment.features import QUESTION_FEATURES
from qa.judgment.judge import Judge, Linear
from qa.judgment.rerank import READER_QUESTION_FEATURES, RERANK_FEATURES
from qa.types import Level
from training.stages import expected_calibration_error, precision_threshold, reliability, threshold_for, wilson_lower


def test_the_refusal_threshold_refuses_the_target_share_of_answerable_questions():
    p = np.linspace(0.01, 1.0, 100)
    t = threshold_for(p, 0.05)
    assert (p < t).sum() == 5


def test_the_precision_threshold_is_the_most_lenient_one_that_keeps_the_target():
    p = np.array([0.95, 0.9, 0.85, 0.8, 0.7, 0.6, 0.5, 0.4])
    right = np.array([1, 1, 1, 1, 1, 0, 1, 0], dtype=float)
    # at 0.7 five of five are right; at 0.5 six of seven (86%); at 0.4 six of eight
    assert precision_threshold(p, right, 0.9) == 0.7
    assert precision_threshold(p, right, 0.85) == 0.5
    assert precision_threshold(p, np.zeros(8), 0.9) == 1.0  # nothing ever reaches it: never shown


def test_with_a_margin_the_precision_must_hold_at_its_lower_bound():
    # 1,000 items, the top 500 right 95% of the time, the rest 60%: measured, the target 90% holds down to
    # about the 700th item; its lower bound only higher up the list, where more items back a high share.
    rng = np.random.default_rng(0)
    p = np.linspace(1.0, 0.001, 1000)
    right = np.where(np.arange(1000) < 500, rng.random(1000) < 0.95, rng.random(1000) < 0.6).astype(float)
    at_point = precision_threshold(p, right, 0.9)
    with_margin = precision_threshold(p, right, 0.9, margin_z=1.645)
    assert with_margin > at_point
    shown = p >= with_margin
    assert right[shown].mean() > 0.9 and right[p >= at_point].mean() >= 0.9
    assert wilson_lower(np.array([0.9]), np.array([1e9]), 1.645)[0] == pytest.approx(0.9, abs=1e-4)
    assert wilson_lower(np.array([0.9]), np.array([100.0]), 1.645)[0] < 0.86


def test_the_precision_threshold_never_splits_tied_probabilities():
    p = np.array([0.9, 0.8, 0.8, 0.8, 0.3])
    right = np.array([1, 1, 1, 0, 0], dtype=float)
    # taking the first two 0.8s would be 100% right, but a threshold of 0.8 shows all three
    assert precision_threshold(p, right, 0.9) == 0.9


def test_levels_follow_refusal_then_confidence():
    assert level(True, 0.99, sure=0.8) == Level.REFUSED
    assert level(False, 0.85, sure=0.8) == Level.SURE
    assert level(False, 0.5, sure=0.8) == Level.LIKELY


def test_confidence_reads_the_answerability_and_how_far_the_best_sentence_leads():
    clear = confidence_row(0.9, np.array([4.0, -1.0, -2.0]))
    close = confidence_row(0.9, np.array([1.0, 0.9, 0.8]))
    assert clear[2] == pytest.approx(5.0) and close[2] == pytest.approx(0.1)
    assert clear[3] > 0.95 > close[3] > 0.3  # the best sentence's share of the top five
    assert confidence_row(0.5, np.array([2.0]))[0] == pytest.approx(0.0)  # logit of an even chance
    row = phrase_row(0.5, 0.7, 0.1, 3)
    assert row[1] == pytest.approx(np.log(0.7 / 0.3)) and row[3] == pytest.approx(np.log(4))


def test_reliability_bins_say_how_often_each_confidence_was_right():
    p = np.array([0.05, 0.15, 0.15, 0.95, 0.95])
    right = np.array([0, 0, 1, 1, 1], dtype=float)
    table = reliability(p, right)
    assert [b["bin"] for b in table] == ["0.0-0.1", "0.1-0.2", "0.9-1.0"]
    assert table[1] == {"bin": "0.1-0.2", "n": 2, "mean_confidence": 0.15, "right": 0.5}
    assert expected_calibration_error(p, right) == pytest.approx((0.05 + 2 * 0.35 + 2 * 0.05) / 5, abs=1e-4)


def _linear(names: tuple[str, ...], weight: float = 0.5) -> Linear:
    n = len(names)
    return Linear(names, np.zeros(n), np.ones(n), np.full(n, weight), -0.25)


def test_a_judge_with_every_stage_survives_its_json_round_trip():
    judge = Judge(None, _linear(QUESTION_FEATURES + READER_QUESTION_FEATURES), 0.2, {"note": "toy"},
                  reranker=_linear(RERANK_FEATURES), read_top=6, confidence=_linear(CONFIDENCE_FEATURES), sure=0.8,
                  phrase=_linear(PHRASE_FEATURES), phrase_threshold=0.7)
    again = Judge.from_json(judge.to_json())
    assert again.uses_reader and again.read_top == 6 and again.sure == 0.8 and again.phrase_threshold == 0.7
    row = np.ones(len(CONFIDENCE_FEATURES))
    assert again.p_confident(row) == pytest.approx(judge.p_confident(row))
    assert again.p_phrase(np.ones(len(PHRASE_FEATURES))) == pytest.approx(judge.p_phrase(np.ones(len(PHRASE_FEATURES))))


def test_a_judge_fitted_on_other_signals_is_refused_with_the_command_that_rebuilds_it():
    bad = Judge(None, _linear(QUESTION_FEATURES), 0.2, {}, reranker=_linear(RERANK_FEATURES), read_top=4).to_json()
    with pytest.raises(ValueError, match="training.judge"):
        Judge.from_json(bad)  # a reranker needs the reader's question signals in the answerability model


def test_an_answer_is_abstained_exactly_when_its_level_is_refused():
    from qa.types import Answer, Level, Route

    empty = Answer(text="No article is loaded.", level=Level.REFUSED, reason="no articles loaded", route=Route.EMPTY)
    assert empty.abstained and empty.to_json()["abstained"] is True and empty.to_json()["level"] == "refused"
    answered = Answer(text="Benghazi. [1]", confidence=0.7, level=Level.LIKELY)
    assert not answered.abstained and answered.level is Level.LIKELY and answered.confidence == 0.7
    assert not Answer(text="Hello!", route=Route.SMALLTALK, level=Level.NONE).abstained


def test_levels_by_the_trained_thresholds_on_toy_confidences():
    assert level(True, 0.99, sure=0.8, doubt=0.3) is Level.REFUSED
    assert level(False, 0.85, sure=0.8, doubt=0.3) is Level.SURE
    assert level(False, 0.5, sure=0.8, doubt=0.3) is Level.LIKELY
    assert level(False, 0.2, sure=0.8, doubt=0.3) is Level.DOUBTFUL
    assert level(False, 0.2, sure=0.8) is Level.LIKELY  # a judge with no doubtful band


def test_a_judge_that_takes_its_phrase_from_the_unshipped_phrase_model_is_refused():
    judge = Judge(None, _linear(QUESTION_FEATURES), 0.2, {})
    with pytest.raises(ValueError, match="phrase model"):
        Judge.from_json({**judge.to_json(), "phrase_source": "model"})

"""The evaluation's metric functions on hand-made cases, and a smoke run of the harness on the seed set."""
from __future__ import annotations

from pathlib import Path

import pytest

from qa.types import Answer, Citation, Level
from tools.eval import load_dataset, run
from tools.metrics import Outcome, answer_hit, citation_ok, percentile, summarize

SEED_SET = Path(__file__).resolve().parents[2] / "shared" / "eval" / "seed_dev_qa.json"


def cited(quote: str, role: str = "support") -> Citation:
    return Citation(index=1, source="a.txt", title="A", date=None, passage_id="p", start=0, end=len(quote),
                    quote=quote, score=1.0, role=role)


HIT = Answer("Russia wants a port in Tobruk [1]", (cited("a military port in eastern Libya's Tobruk"),))
MISS = Answer("Russia has a port in Tartus [1]", (cited("only one military port, in Tartus"),))
ABSTAIN = Answer("The articles don't answer this.", (cited("a port in Tobruk", role="closest"),),
                 level=Level.REFUSED)


def test_answer_hit_needs_a_gold_string_in_a_real_answer():
    assert answer_hit(HIT, ["Tobruk"])
    assert not answer_hit(MISS, ["Tobruk"])
    assert not answer_hit(ABSTAIN, ["Tobruk"]), "an abstention never counts as a hit, whatever its text"


def test_short_gold_answers_match_whole_words_only():
    assert not answer_hit(Answer("It was not slowed [1]"), ["no"])
    assert answer_hit(Answer("No, it did not [1]"), ["no"])


def test_citation_accuracy_looks_at_supporting_quotes_only():
    assert citation_ok(HIT, "military port in eastern Libya", ["Tobruk"])
    assert not citation_ok(MISS, "military port in eastern Libya", ["Tobruk"])
    assert not citation_ok(ABSTAIN, "a port in Tobruk", ["Tobruk"]), "a 'closest passage' is not a citation"
    assert citation_ok(HIT, None, ["tobruk"]), "without an evidence phrase the gold answer is looked for"


def test_summary_counts_hits_abstentions_and_false_abstentions():
    outcomes = [
        Outcome("answerable", "q1", True, ("Tobruk",), None, HIT, 10.0),
        Outcome("answerable", "q2", True, ("Tobruk",), None, MISS, 20.0),
        Outcome("answerable", "q3", True, ("Tobruk",), None, ABSTAIN, 30.0),
        Outcome("unanswerable", "q4", False, (), None, ABSTAIN, 40.0),
        Outcome("unanswerable", "q5", False, (), None, MISS, 50.0),
    ]
    s = summarize(outcomes)
    assert s["answerable"]["answer_hit_rate"] == pytest.approx(1 / 3, abs=1e-3)
    assert s["answerable"]["false_abstention_rate"] == pytest.approx(1 / 3, abs=1e-3)
    assert s["answerable"]["abstention_recall"] is None
    assert s["unanswerable"]["abstention_recall"] == 0.5
    assert s["all"]["questions"] == 5 and s["all"]["latency_p50_ms"] == 30.0


def test_percentile_interpolates():
    assert percentile([10, 20, 30, 40], 50) == 25
    assert percentile([], 95) == 0.0


def test_both_dataset_formats_are_read(tmp_path):
    squad = tmp_path / "squad.json"
    squad.write_text('{"articles": [{"title": "Bridges", "context": "The Amber bridge is 800 metres long.", '
                     '"questions": [{"id": "1", "question": "How long is the Amber bridge?", '
                     '"answers": ["800 metres"], "is_impossible": false}]}]}')
    articles, cases = load_dataset(squad, tmp_path, with_seed=False)
    assert [a.name for a in articles] == ["bridges.txt"]
    assert cases[0].turns == (("How long is the Amber bridge?", ("800 metres",), None, True),)


@pytest.mark.integration
@pytest.mark.skipif(not SEED_SET.exists(), reason="../shared/eval/seed_dev_qa.json is not beside the project")
def test_eval_runs_on_the_seed_set_and_reports_every_field():
    outcomes, summary = run(SEED_SET, progress=False)
    assert {"answerable", "unanswerable", "conversation", "all", "cost"} <= set(summary)
    cost = summary.pop("cost")
    assert cost["p50_ms"] > 0 and cost["bare_query_embedding_p50_ms"] > 0 and cost["peak_rss_mb"] > 100
    for cat, m in summary.items():
        for key in ("answer_hit_rate", "citation_accuracy", "false_abstention_rate"):
            assert m[key] is None or 0.0 <= m[key] <= 1.0, (cat, key)
        assert m["latency_p50_ms"] <= m["latency_p95_ms"]
    assert summary["unanswerable"]["questions"] == 6 and summary["answerable"]["questions"] == 20
    assert len(outcomes) == 30


def test_token_f1_uses_squad_normalization():
    from tools.metrics import token_f1

    assert token_f1("the Amber River", "Amber river") == 1.0
    assert token_f1("12 million euros", "12 million") == pytest.approx(0.8)
    assert token_f1("Hamburg", "Nordbau") == 0.0


def test_short_metrics_score_the_phrase_of_right_answers():
    from qa.types import Short
    from tools.metrics import Outcome, short_metrics

    def outcome(short: Short | None) -> Outcome:
        return Outcome("answerable", "q?", True, ("two thousand",), None,
                       Answer(text="Two thousand. About two thousand fighters stayed. [1]", short=short), 10.0)

    got = short_metrics([outcome(Short("two thousand", 1, 0, 12, "two thousand")),
                         outcome(Short("fighters", 1, 0, 8, "fighters")), outcome(None)])
    assert got == {"short_present": 0.667, "short_exact": 0.5, "short_f1": 0.5, "short_words": 1.5}

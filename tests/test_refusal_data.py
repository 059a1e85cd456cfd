"""What the reader's refusal run learns from: real unanswerable questions of the pool's training articles, and
SQuAD v1.1 questions made unanswerable (a name swapped, the answer sentence left out); the pool's held-out
articles never among them."""
from __future__ import annotations

import json
import random

from training.pool_split import split
from training.reader import Example, build_examples, build_unanswerable, prepare, refusal_mix, swapped_name, without_answer


def _example() -> Example:
    return Example("Lamps", "Where did Brightwave move in 2021?",
                   ["Brightwave moved to Leeds in 2021.", "Harlow Optics sells lamps in Spain.",
                    "The firm was founded by Ana Roth."], (25, 30))


def test_a_swapped_name_is_one_of_the_article_that_the_answer_sentence_lacks():
    ex = _example()
    out = swapped_name(ex, random.Random(0))
    assert out is not None and out.answer is None
    assert "Brightwave" not in out.question
    assert out.question.startswith("Where did ") and out.question.endswith(" move in 2021?")
    assert out.question[len("Where did "):-len(" move in 2021?")] in ("Harlow Optics", "Spain", "Ana Roth")
    assert out.sentences == ex.sentences  # the sentence that answered is still there: it no longer answers


def test_a_name_the_sentence_before_holds_is_never_swapped_in():
    # Swapping it in would teach "the name is only in the sentence before, so no answer": the case context is for.
    ex = Example("Lamps", "Where did Brightwave move in 2021?",
                 ["Brightwave moved to Leeds in 2021.", "Harlow Optics sells lamps in Spain."], (25, 30),
                 ["Harlow Optics bought Brightwave.", ""])
    for seed in range(20):
        out = swapped_name(ex, random.Random(seed))
        assert out is not None and "Harlow Optics" not in out.question and "Spain" in out.question


def test_the_shares_of_made_unanswerable_questions_are_set_by_the_run():
    squad = [_example() for _ in range(400)]
    _, none = refusal_mix(squad, [], [], 400, 1, random.Random(0), swap_share=0.0, drop_share=0.0)
    assert none["squad_swapped_name"] == none["squad_answer_left_out"] == 0
    _, some = refusal_mix(squad, [], [], 400, 1, random.Random(0), swap_share=0.05, drop_share=0.1)
    assert 5 <= some["squad_swapped_name"] <= 40 and 20 <= some["squad_answer_left_out"] <= 80


def test_no_swap_without_a_name_the_answer_sentence_shares():
    ex = Example("Lamps", "where did the firm move?", ["Brightwave moved to Leeds.", "Harlow sells lamps."], (20, 25))
    assert swapped_name(ex, random.Random(0)) is None


def test_leaving_the_answer_sentence_out_makes_it_unanswerable():
    out = without_answer(_example())
    assert out.answer is None and out.sentences == _example().sentences[1:]
    prepared = prepare(out)
    assert not prepared.answerable and prepared.starts == prepared.ends == [0, 0]


def _pool(tmp_path):
    paras = []
    for k in range(30):
        ctx = f"Article {k} opened in 1990. It has a museum. The museum is closed on Mondays."
        paras.append({"title": f"Article_{k}", "paragraphs": [{"context": ctx, "qas": [
            {"id": f"{k}a", "question": "When did it open?", "answers": [{"text": "1990", "answer_start": ctx.index("1990")}]},
            {"id": f"{k}u", "question": "When did the museum close for good?", "answers": [], "is_impossible": True}]}]})
    path = tmp_path / "pool.json"
    path.write_text(json.dumps({"data": paras}))
    return path


def test_the_split_is_fixed_and_disjoint():
    titles = [f"T{k}" for k in range(28)]
    train, held = split(titles)
    assert len(held) == 8 and not train & held and train | held == set(titles)
    assert split(list(reversed(titles))) == (train, held)


def test_refusal_data_comes_from_the_training_articles_only(tmp_path):
    path = _pool(tmp_path)
    train, held = split([f"Article_{k}" for k in range(30)])
    una = build_unanswerable(path, train)
    assert {e.article for e in una} == train and all(e.answer is None for e in una)
    assert una[0].sentences[0] == "The museum is closed on Mondays."  # the sentence sharing most of its terms first
    answerable = build_examples(path, articles=train)[0]
    mixed, stats = refusal_mix([_example()] * 5, answerable, una, 5, 2, random.Random(0))
    assert not {e.article for e in mixed} & held
    assert stats["pool_unanswerable"] == len(una) and len(mixed) == 5 + 2 * (len(answerable) + len(una))


def test_each_sentence_carries_the_one_before_it_in_its_paragraph(tmp_path):
    path = _pool(tmp_path)
    train, _ = split([f"Article_{k}" for k in range(30)])
    ex = build_examples(path, articles=train)[0][0]
    assert ex.sentences[0].startswith("Article ") and ex.contexts[0] == ""  # a paragraph's first has none
    before = dict(zip(ex.sentences, ex.contexts))
    assert before["It has a museum."] == ex.sentences[0] and before["The museum is closed on Mondays."] == "It has a museum."
    una = build_unanswerable(path, train)[0]
    assert una.contexts[0] == "It has a museum."  # "The museum is closed on Mondays." follows it
    # The context is read only by a run that asks for it; the phrase targets are the same either way.
    with_context, bare = prepare(ex, context=True), prepare(ex)
    assert with_context.starts == bare.starts and len(with_context.encoded[1].ids) > len(bare.encoded[1].ids)
    assert without_answer(ex).contexts == ex.contexts[1:]

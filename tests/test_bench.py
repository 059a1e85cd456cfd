"""Smoke tests of the benchmark (tools/bench/) and its synthetic articles (tools/synth.py): tiny
configurations, checks of fields and ranges, never of timings."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from ingest import ArticleStore, load_article
from qa.service import QAService
from tools import synth
from tools.bench import asking, cold_start, concurrency, growth, ingest_rate, run

# --- synthetic articles ---------------------------------------------------------------------------


def test_same_seed_writes_the_same_bytes(tmp_path):
    a = synth.make_corpus(5, tmp_path / "a", seed=3)
    b = synth.make_corpus(5, tmp_path / "b", seed=3)
    assert [p.name for p in a] == [p.name for p in b]
    assert [p.read_bytes() for p in a] == [p.read_bytes() for p in b]


def test_another_seed_writes_other_articles(tmp_path):
    a = synth.make_corpus(3, tmp_path / "a", seed=0)
    b = synth.make_corpus(3, tmp_path / "b", seed=1)
    assert all(x.read_bytes() != y.read_bytes() for x, y in zip(a, b))


def test_a_small_corpus_is_the_start_of_a_larger_one(tmp_path):
    small = synth.make_corpus(3, tmp_path / "small")
    large = synth.make_corpus(6, tmp_path / "large")
    assert [p.read_bytes() for p in small] == [p.read_bytes() for p in large[:3]]


def test_articles_open_with_a_date_line_then_four_to_eight_paragraphs(tmp_path):
    for path in synth.make_corpus(20, tmp_path):
        text = path.read_text(encoding="utf-8")
        assert re.match(r"date \d{4}-\d{2}-\d{2}\n", text)
        headline_and_body = text.split("\n", 1)[1].strip().split("\n\n")
        assert 4 <= len(headline_and_body) - 1 <= 8
        article = load_article(path, max_bytes=1 << 20)
        assert article.date == text[5:15]


def test_articles_average_about_three_kilobytes():
    sizes = [len(synth.make_article(i).text.encode("utf-8")) for i in range(200)]
    assert 2500 <= sum(sizes) / len(sizes) <= 3500


def test_each_fact_is_stated_in_its_own_article_only():
    articles = [synth.make_article(i) for i in range(40)]
    for article in articles:
        for fact in article.facts:
            assert fact.source == article.name
            assert fact.expected in article.text
        town = re.search(r"the mayor of (\w+)", article.text).group(1)
        others = [a for a in articles if a is not article and f"the mayor of {town}" in a.text]
        assert others == []


def test_fact_questions_rotate_through_the_kinds_of_fact():
    questions = synth.fact_questions(range(6))
    assert questions == [synth.make_article(i).facts[i] for i in range(6)]  # fact i of article i: six kinds


def test_generator_refuses_an_index_beyond_its_name_space():
    with pytest.raises(ValueError, match="out of range"):
        synth.make_article(synth.MAX_ARTICLES)


def test_synth_cli_writes_the_articles(tmp_path, capsys):
    assert synth.main(["3", str(tmp_path / "out"), "--seed", "2"]) == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [f"synth-0000{i}.txt" for i in range(3)]
    assert "wrote 3 articles" in capsys.readouterr().out


def test_synth_cli_refuses_a_negative_count(tmp_path, capsys):
    assert synth.main(["-1", str(tmp_path)]) == 2
    assert "N must be between 0 and" in capsys.readouterr().err


# --- questions and configuration ------------------------------------------------------------------


def test_seed_questions_fall_back_to_built_in_ones(tmp_path):
    questions = asking.seed_questions(tmp_path / "missing.json")
    assert questions and any(q.gold for q in questions) and any(not q.gold for q in questions)


def test_seed_questions_include_answerable_and_unanswerable(tmp_path):
    path = tmp_path / "seed.json"
    path.write_text(json.dumps({"answerable": [{"q": "Who?", "gold": ["Ann"]}], "unanswerable": [{"q": "Why?"}]}))
    assert asking.seed_questions(path) == [asking.BenchQuestion("Who?", ("Ann",), "seed"),
                                          asking.BenchQuestion("Why?", (), "seed")]


def test_growth_questions_mix_facts_and_seed_questions():
    seeds = [asking.BenchQuestion(f"a{i}", ("x",), "seed") for i in range(5)] + [
        asking.BenchQuestion(f"u{i}", (), "seed") for i in range(3)]
    questions = growth.growth_questions(10, seeds, n_facts=4, n_seeds=6, seed=0)
    assert [q.kind for q in questions].count("fact") == 4
    assert [q.text for q in questions if q.kind == "seed"] == ["a0", "a1", "a3", "a4", "u0", "u2"]


def test_spread_picks_evenly_and_keeps_the_ends():
    assert asking.spread(list(range(10)), 3) == [0, 4, 9]  # round() halves to even: 4.5 -> 4
    assert asking.spread([1, 2], 5) == [1, 2]
    assert asking.spread([1, 2], 0) == []


def test_quick_flag_and_bad_sizes(capsys):
    config, quiet = run.parse_args(["--quick", "--out", "x"])
    assert config == run.QUICK.__class__(**{**run.QUICK.__dict__, "out": Path("x")}) and not quiet
    with pytest.raises(SystemExit) as exc:
        run.parse_args(["--sizes", "1,ten"])
    assert exc.value.code == 2
    assert "--sizes '1,ten'" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        run.parse_args(["--corpus-mb", "0"])
    assert "corpus_mb 0.0: must be more than 0" in capsys.readouterr().err


def test_config_refuses_a_size_of_zero():
    with pytest.raises(ValueError, match="sizes 0,10: each must be between 1 and"):
        run.BenchConfig(sizes=(0, 10))


def test_latency_of_no_values_is_zero_and_ordered_otherwise():
    assert asking.Latency.of([]).n == 0
    lat = asking.Latency.of([5.0, 1.0, 3.0, 100.0])
    assert lat.n == 4 and lat.p50_ms <= lat.p95_ms <= lat.max_ms == 100.0


# --- measurements with the fake embedder ----------------------------------------------------------


@pytest.fixture
def service(settings, fake_embedder) -> QAService:
    """A service on an empty store of its own (the shipped article is not ingested)."""
    return QAService.of(ArticleStore.open(settings, fake_embedder), fake_embedder, settings)


def test_ingest_rate_of_the_shipped_article(service, shipped_article):
    rate = ingest_rate.measure_ingest("shipped", [shipped_article], service.store, service.embedder, service.settings)
    assert rate.articles == 1 and rate.passages > 0 and rate.chars > 3000
    assert rate.sentences == len(ingest_rate.sentence_texts([shipped_article], service.settings))
    assert 0 < rate.embed_in_ingest_s <= rate.ingest_s
    assert rate.kb_per_s > 0 and rate.passages_per_s > 0 and rate.raw_kb_per_s > 0 and rate.ingest_vs_raw > 0
    with pytest.raises(RuntimeError, match="already had these articles"):
        ingest_rate.measure_ingest("again", [shipped_article], service.store, service.embedder, service.settings)


def test_ingest_rate_sums_chunks_in_alternation(service, tmp_path):
    corpus = synth.make_corpus(5, tmp_path / "corpus")
    rate = ingest_rate.measure_ingest("corpus", corpus, service.store, service.embedder, service.settings, chunk=2)
    assert rate.articles == 5
    assert rate.sentences == len(ingest_rate.sentence_texts(corpus, service.settings))
    assert sorted(service.articles()) == [p.name for p in corpus]


def test_growth_on_three_articles_with_two_questions(service, shipped_article, tmp_path):
    corpus = synth.make_corpus(3, tmp_path / "corpus")
    service.ingest([str(shipped_article)])
    seeds = asking.seed_questions()
    points = growth.measure_growth(corpus, [1, 3], service, seeds, n_facts=1, n_seeds=1, seed=0)
    assert [(p.generated, p.articles) for p in points] == [(1, 2), (3, 4)]
    for p in points:
        assert p.latency.n == 2
        assert 0 < p.latency.p50_ms <= p.latency.p95_ms <= p.latency.max_ms
        assert p.first_question_ms > 0
        assert p.fact_hit_rate is not None and 0 <= p.fact_hit_rate <= 1
        assert p.seed_correct_rate is not None and 0 <= p.seed_correct_rate <= 1
        assert len(p.misses) == (p.fact_hit_rate < 1) + (p.seed_correct_rate < 1)  # one question of each kind
    assert [p.ingest.articles for p in points] == [1, 2]
    total = ingest_rate.IngestRate.sum("corpus", [p.ingest for p in points])
    assert total.articles == 3 and total.chars == sum(p.ingest.chars for p in points)


def test_growth_refuses_sizes_beyond_the_corpus(service, tmp_path):
    corpus = synth.make_corpus(2, tmp_path / "corpus")
    with pytest.raises(ValueError, match="at most the corpus"):
        growth.measure_growth(corpus, [1, 5], service, [], 1, 0, 0)


def test_concurrency_asks_every_question(service, shipped_article):
    service.ingest([str(shipped_article)])
    questions = asking.seed_questions()[:2]
    c = concurrency.measure_concurrency(service, questions, callers=2, rounds=2)
    assert c.callers == 2 and c.questions == 4 and c.latency.n == 4
    assert c.questions_per_s > 0 and c.serial_questions_per_s > 0 and c.seconds > 0


def test_results_are_written_as_json_chart_and_table(tmp_path):
    lat = asking.Latency.of([10.0, 20.0, 30.0])
    ingest = ingest_rate.IngestRate.total("x", 2, 6000, 10, 40, 2.0, 1.8, 1.5)
    points = [growth.GrowthPoint(n + 1, n, ingest, 50.0, lat, 1.0, 0.5) for n in (1, 100, 1000)]
    result = run.BenchResult(
        "now", 1.0, run.Machine(2, (1.0, 1.0, 1.0), (2.0, 2.0, 2.0), "3.11", "Linux", 2, {}), run.QUICK, 26,
        [cold_start.ColdStart(2.0, 8.0, 9.0, 600.0)], cold_start.Warm(lat, 30.0, 1.0),
        concurrency.Concurrency(4, 52, 2.0, 26.0, 20.0, lat), ingest, ingest, points)
    run.write_json(result, tmp_path / "out" / "bench.json")
    growth.write_chart(points, tmp_path / "out" / "chart.png")
    data = json.loads((tmp_path / "out" / "bench.json").read_text())
    assert data["cold_start"][0]["first_answer_s"] == 9.0
    assert data["ingest_corpus"]["ingest_vs_raw"] == 0.75
    assert [g["articles"] for g in data["growth"]] == [2, 101, 1001]
    assert (tmp_path / "out" / "chart.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    table = run.summary(result)
    assert "| 1001 | 3 | 20 |" in table and "cold start 1: first answer 9.0 s" in table


# --- the real product in a fresh process ----------------------------------------------------------


@pytest.mark.integration
def test_cold_start_process_answers_from_an_ingested_store(embedder, settings, shipped_article):
    store = ArticleStore.open(settings, embedder)
    ingest_rate.measure_ingest("shipped", [shipped_article], store, embedder, settings)
    questions = [asking.BenchQuestion("Which ship unexpectedly anchored off Tobruk?", ("Kuznetsov",), "seed"),
                 asking.BenchQuestion("Who won the 2022 football World Cup?", (), "seed")]
    cold, warm = cold_start.measure_cold_start(settings.chroma_path, questions, repeats=1)
    assert 0 < cold.imported_s < cold.loaded_s < cold.first_answer_s
    assert cold.peak_rss_mb > 100  # the embedding model alone is larger than this
    assert warm is not None and warm.latency.n == 2 and warm.correct_rate == 1.0


@pytest.mark.integration
def test_scale_run_keeps_a_store_per_checkpoint_and_measures_each_in_a_fresh_process(tmp_path, monkeypatch):
    """tools/scale.py end to end on 4 generated articles: ingest, a kept copy, a child process that asks,
    and a change made by another process that this one must see at its next question."""
    from tools import scale

    monkeypatch.chdir(Path(__file__).resolve().parent.parent)
    out = tmp_path / "scale.json"
    assert scale.main(["--articles", "4", "--checkpoints", "4", "--questions", "3", "--root", str(tmp_path / "root"),
                       "--out", str(out), "--quiet"]) == 0
    report = json.loads(out.read_text())
    (row,) = report["checkpoints"]
    assert row["mode"] == "embedded" and row["articles"] == 4 and row["ingest"]["articles"] == 4
    assert (tmp_path / "root" / "embedded" / "at-4" / "store").is_dir() and row["store_mb"] > 0
    assert row["change"]["visible"] is True  # the new article is searchable at the next question
    assert 0 < row["p50_ms"] <= row["p95_ms"] and row["rss_mb"] > 100
    assert 0.0 <= row["fact_hit_rate"] <= 1.0 and row["keyword_build_s"] >= 0.0
    assert report["concurrent"] is None

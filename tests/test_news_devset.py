"""The news development set (issue 25) is what it says it is: every answer occurs verbatim in its article, every
article is exactly the text on disk, the counts the issue asks for hold, the misspellings are real misspellings of
names in the article, and the project's evaluator reads the file."""
from __future__ import annotations

import json
import re

import pytest

from core.settings import PROJECT_DIR
from core.types import article_file_name
from tools.eval import load_dataset

NEWS = PROJECT_DIR / "tools" / "devsets" / "news"
DATA = json.loads((NEWS / "news_dev.json").read_text(encoding="utf-8"))
ARTICLES = DATA["articles"]
QUESTIONS = [(a["title"], q) for a in ARTICLES for q in a["questions"]]


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance, small strings only."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def test_the_counts_the_issue_asks_for():
    impossible = [q for _, q in QUESTIONS if q["is_impossible"]]
    assert len(QUESTIONS) >= 85
    assert len(ARTICLES) >= 6
    assert len(impossible) >= 15
    assert len(QUESTIONS) - len(impossible) >= 60
    assert min(len(a["questions"]) for a in ARTICLES) >= 8


@pytest.mark.parametrize("article", ARTICLES, ids=lambda a: a["title"])
def test_each_context_is_exactly_its_source_file(article):
    source = PROJECT_DIR / article["source"]
    assert source.is_file(), f"{article['source']} is missing: the set names it as the text of {article['title']}"
    assert article["context"] == source.read_text(encoding="utf-8"), (
        f"{article['title']}: the context differs from {article['source']}; rebuild the JSON from the file")


def test_every_new_article_file_is_in_the_set_and_news_sized():
    sources = {a["source"] for a in ARTICLES}
    new = sorted((NEWS / "articles").glob("*.txt"))
    assert len(new) >= 3
    for f in new:
        assert str(f.relative_to(PROJECT_DIR)) in sources, f"{f.name} has no questions in news_dev.json"
        text = f.read_text(encoding="utf-8")
        assert text.startswith("date ") and "\n# " in text, f"{f.name}: start with 'date YYYY-MM-DD' and a '# ' headline"
        assert 400 <= len(text.split()) <= 800, f"{f.name}: {len(text.split())} words, not 400-800"


@pytest.mark.parametrize("title,q", QUESTIONS, ids=lambda x: x if isinstance(x, str) else x["question"])
def test_answers_occur_verbatim_and_unanswerable_have_none(title, q):
    context = next(a["context"] for a in ARTICLES if a["title"] == title)
    assert q["is_impossible"] == (not q["answers"])
    assert len(q["answers"]) <= 3
    for answer in q["answers"]:
        assert answer in context, f"{title}: {answer!r} (for {q['question']!r}) is not verbatim in the article"


def test_questions_paraphrase_rather_than_copy_the_article():
    """No question repeats six words in a row of its article: people ask in their own words."""
    for title, q in QUESTIONS:
        context = " ".join(words(next(a["context"] for a in ARTICLES if a["title"] == title)))
        qw = words(q["question"])
        for i in range(len(qw) - 5):
            assert " ".join(qw[i:i + 6]) not in context, f"{q['question']!r} copies the article"


def test_misspelled_names_are_one_or_two_letters_from_a_name_in_the_article():
    typos = [(t, q) for t, q in QUESTIONS if "typo" in q]
    assert len(typos) >= 8
    for title, q in typos:
        wrong, right = re.fullmatch(r"(\S+) \((\S+)\)", q["typo"]).groups()
        context_words = set(words(next(a["context"] for a in ARTICLES if a["title"] == title)))
        assert wrong.lower() in words(q["question"]), q["question"]
        assert wrong.lower() not in context_words and right.lower() in context_words, q["typo"]
        assert 1 <= edit_distance(wrong.lower(), right.lower()) <= 2, q["typo"]


def test_the_evaluator_reads_the_set(tmp_path):
    articles, cases = load_dataset(NEWS / "news_dev.json", tmp_path, with_seed=False)
    assert [a.name for a in articles] == [article_file_name(a["title"]) for a in ARTICLES]
    assert len({a.name for a in articles}) == len(ARTICLES)  # no two articles overwrite one file
    assert [a.read_text(encoding="utf-8") for a in articles] == [a["context"] for a in ARTICLES]
    assert len(cases) == len(QUESTIONS)
    assert sum(not turn[3] for c in cases for turn in c.turns) == sum(q["is_impossible"] for _, q in QUESTIONS)

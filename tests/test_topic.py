"""qa/conversation/topic.py: a turn that names nothing is asked of the story the conversation is about."""
from __future__ import annotations

from lang.words import name_pairs, terms
from qa.conversation.topic import topic_articles

ARTICLES = {
    "airline.txt": "Halvorn Air filed for bankruptcy. Transport Minister Alison Vey rejected a bailout. Mayor Henrik "
                   "Dahl of Tarrow accused the minister of having abandoned the north.",
    "drought.txt": "Reservoirs hit a record low. Mayor Alba Quintell said 85 volunteers had signed up.",
    "bridge.txt": "The council voted to replace the bridge. Mayor Ana Ruiz welcomed the vote.",
}


class Naming:
    """The one thing topic_articles asks of a snapshot: which articles mention every keyword term (the keyword
    index's terms and name pairs), here read from the texts above."""

    def __init__(self, texts: dict[str, str]):
        self.keys = {source: set(terms(text)) | set(name_pairs(text)) for source, text in texts.items()}

    def sources_naming(self, keys: list[str], sources: set[str] | None = None) -> set[str]:
        return {s for s, have in self.keys.items() if (sources is None or s in sources) and set(keys) <= have}


HISTORY = [{"role": "user", "content": "what did the transport minister decide"},
           {"role": "assistant", "content": "Transport Minister Alison Vey rejected a bailout. [1]"}]
SCOPE = set(ARTICLES)


def test_a_turn_that_names_nothing_is_asked_of_the_last_turns_story():
    assert topic_articles("how did the mayor react", HISTORY, Naming(ARTICLES), SCOPE) == {"airline.txt"}


def test_a_turn_of_its_own_is_asked_of_every_article():
    naming = Naming(ARTICLES)
    assert topic_articles("What did Ana Ruiz say?", HISTORY, naming, SCOPE) is None  # a name of its own
    assert topic_articles("what did ruiz say", HISTORY, naming, SCOPE) is None  # a word only another story uses
    assert topic_articles("what did she decide", HISTORY, naming, SCOPE) is None  # resolved from the conversation
    assert topic_articles("how did the mayor react", [], naming, SCOPE) is None  # no conversation yet
    assert topic_articles("how did the mayor react", HISTORY, naming, {"airline.txt"}) is None  # one article


def test_and_what_about_a_thing_is_asked_of_the_story_the_last_answer_quoted():
    naming = Naming(ARTICLES)
    # "the mayor" of "and what about the mayor?" names nothing of its own: the mayor of the last turn's story,
    # found by any name its answer quotes (the turn is about a number, "2,000"; the story's name comes after).
    history = [{"role": "user", "content": "how many jobs were lost"},
               {"role": "assistant", "content": "About 2,000 jobs were lost. Halvorn Air filed for bankruptcy. [1]"}]
    assert topic_articles("and what about the mayor?", history, naming, SCOPE) == {"airline.txt"}
    assert topic_articles("and what about Ana Ruiz?", history, naming, SCOPE) is None  # a name of its own


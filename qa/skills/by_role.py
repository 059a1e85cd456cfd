"""A yes/no question that names a person by the role the article gives them ("is the owner going to appeal?" where
the article has "The park's owner, Graham Pryde, ...") asks about that person, whom later sentences call by name
("Pryde said he would appeal"): the role is put as the name before the question is searched and checked. Only when
the role, as asked, is one person's alone among the articles in scope ("the headteacher" is not "The deputy
headteacher")."""
from __future__ import annotations

import re
from typing import Callable, Iterable

from lang.list_forms import PERSON
from lang.rules import AUXILIARIES, auxiliary

from .article import ArticleDoc
from .entities import entities

__all__ = ["named_by_role"]

_DETERMINERS = frozenset("the a an its their his her our your this that".split())
_ROLE_ENDS = frozenset("of who whose at from for in on with which that and".split())
_LONGEST = 3
"""Words a role may take in a question ("the chief executive", "the head of sales")."""


def _core(words: list[str]) -> tuple[str, ...]:
    """A role's own words: up to its first joining word, without its determiners or possessor ("The park's owner"
    and "the owner" are both ("owner",))."""
    out = []
    for w in words:
        if w in _ROLE_ENDS:
            break
        if w not in _DETERMINERS and not re.search(r"['’]s?$", w):
            out.append(w)
    return tuple(out)


def named_by_role(question: str, read: Callable[[], Iterable[ArticleDoc]]) -> str:
    """The yes/no question with "the <role>" put as the one person it is in the articles `read` gives (read only for
    such a question: the rest pay nothing); as it is otherwise."""
    first = re.match(r"\s*(\w+)", question)
    if first is None or auxiliary(first.group(1).lower()) not in AUXILIARIES \
            or not re.search(r"\b(?:the|its|their)\s", question, re.I):
        return question
    people = [e for d in read() for e in entities(d) if e.kind == PERSON and e.role]
    if any(e.matches(w, typos=False) for e in people for w in re.findall(r"[A-Za-z][\w'-]+", question)):
        return question  # a person named already: the role may be another's
    by_role: dict[tuple[str, ...], set[str]] = {}
    roles = {e.name: e.role.lower() for e in people}
    for e in people:
        core = _core(e.role.lower().split())
        if core and not core[0].startswith("who"):
            by_role.setdefault(core, set()).add(e.name)
    for m in re.finditer(r"\b(?:the|its|their)\s+((?:[\w-]+['’]s?\s+)?)", question, re.I):
        owner = m.group(1).strip().lower().rstrip("s").rstrip("'’")  # "the zoo's owner": the zoo's, not the park's
        rest = question[m.end():].split()
        for n in range(min(_LONGEST, len(rest)), 0, -1):
            asked = tuple(w.lower().strip("?.,!") for w in rest[:n])
            if rest[n:n + 1] and rest[n].lower() in _ROLE_ENDS:
                continue  # "the leader of the opposition": another's role than the council leader's
            # Every person whose role ends in the same word ("United manager Phil Dunn" beside "the manager, Tom
            # Hale"): the role asked must be one person's alone among them.
            same_head = {name for core, names in by_role.items() if core[-1] == asked[-1] for name in names}
            named = {e for e in by_role.get(asked, set()) if not owner or owner in roles[e]}
            if len(named) == 1 and len(same_head) == 1:
                end = m.end() + len(" ".join(rest[:n]).rstrip("?.,!"))
                return question[:m.start()] + named.pop() + question[end:]
    return question

"""Follow-up questions: resolve "he", "his", "there"... against the names of earlier turns."""
from __future__ import annotations

import re
from dataclasses import dataclass

from lang.forms import Kind, form
from lang.normalize import shorthand_spelled
from lang.spelling import same_word
from lang.rules import KIND_NOUNS, PRONOUNS, TITLES
from lang.words import QUESTION_WORDS, STOPWORDS, is_number, names, words
from qa.question import with_note
from qa.types import MARKER

from .again import ask_again, of_the_doer
from .bound import unbound
from .bodies import they_as_body
from .lead_in import asks_own_view, named_first
from .next_event import after_the_answer, why_of_the_answer
from .set_off import why_it_was_set_off
from .others import another
from .thing import IT, thing_asked_about
from .turn_names import WHO_IS, focus, their_body
from .who_else import who_else

_BODIES = re.compile(r"\b(?:" + "|".join(sorted(KIND_NOUNS["organisation"] | {
    "college", "school", "academy", "hospital", "museum", "gallery", "library", "church", "police", "fund", "theatre",
    "theater", "playhouse", "cinema", "zoo", "inspectorate", "railway"})) + r")$", re.I)
"""A name that ends in what a body is: no "she" (not a place's kind: "Jenny Park", "Tom Bridge" are people)."""
_PERSONAL = {"he": "", "him": "", "she": "", "his": "'s", "her": "'s", "hers": "'s"}
_OTHER = {"they", "them", "their", "theirs", "it", "its", "there", "these", "those"}
_ELLIPSIS_OPENERS = ("and", "what about", "how about", "and what about", "and how about")
# Longest opener first: an alternation takes the first that matches, and "and" alone would leave
# "what about" in the name that replaces the earlier one.
_ELLIPSIS = re.compile(r"^\s*(?:%s)\s+(.+?)\s*\??\s*$" % "|".join(
    r"\s+".join(map(re.escape, o.split())) for o in sorted(_ELLIPSIS_OPENERS, key=len, reverse=True)), re.I)
_LEADING_AND = re.compile(r"^\s*and\s+", re.I)
# Words that make the rest of "and ..." / "how about ..." a question or a clause of its own ("And when did she
# become mayor?", "How about it?"), not the name or noun phrase that "and what about X" puts in place of another.
_NOT_A_NOUN_PHRASE = QUESTION_WORDS | set(_PERSONAL) | _OTHER | frozenset("""
am is are was were be been being do does did have has had will would shall should can could may might must
i me we us you
""".split())
_TAGS = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Resolved:
    question: str
    searched: str
    """The question to search for: the question itself when it stands alone."""
    context: tuple[str, ...]
    """The names taken from the conversation (empty for a standalone question)."""


def plain(content) -> str:
    """The text of a chat message (Gradio may pass strings, dicts or lists of parts)."""
    if isinstance(content, dict):
        content = content.get("text") or content.get("content") or ""
    if isinstance(content, (list, tuple)):
        content = " ".join(plain(c) for c in content)
    text = _TAGS.sub(" ", str(content or ""))
    return " ".join(MARKER.sub("", text).split())


# "Why?", "And when?", "where exactly?", "why is that?": a question word alone asks it of the last question.
_BARE_WH = re.compile(r"^\s*(?:and|but|so|ok|okay)?\s*(?P<wh>why|when|where|how|who|what for|how come|by when|until when|since when)"
                      r"(?:\s+(?:exactly|then|so|is that|was that|did (?:he|she|they|it) do (?:that|it|so)))?"
                      r"\s*[?.!]*\s*$", re.I)


def needs_context(question: str) -> bool:
    """Does the question point back at the conversation (a pronoun, "and what about X?", "Why?", "and who won?")?"""
    ws = set(words(unbound(question)))
    return bool(ws & set(_PERSONAL) or ws & _OTHER or ellipsis(question) or _BARE_WH.match(question) or _fragment(
        question) or _LEADING_AND.match(question) and not names(question) and not asks_own_view(question))


_FRAGMENT = re.compile(r"^\s*(?:and\s+)?(?P<frag>(?:per|for|in|on|at|by|with|from|since|until|after|before|during|plus|including|"
                       r"without|to|near|outside|inside)\s+[^?.!]+?)\s*\?\s*$", re.I)


def _fragment(question: str) -> str | None:
    """A phrase that narrows the last question ("per share?", "in Moscow?"): a preposition and up to three
    words, none of them a question word or a pronoun ("for how long?", "with him?" are questions of their own)."""
    m = _FRAGMENT.match(question)
    if m is None:
        return None
    ws = words(m.group("frag"))
    return m.group("frag") if len(ws) <= 4 and not set(ws[1:]) & _NOT_A_NOUN_PHRASE else None


def ellipsis(question: str) -> str | None:
    """X of "and what about X?" / "and X?" when X is a bare name or noun phrase, else None."""
    m = _ELLIPSIS.match(question)
    if m is None or set(words(m.group(1))) & _NOT_A_NOUN_PHRASE:
        return None
    return m.group(1)


def assumed(word: str, quotes: list[str]) -> str:
    """Say whom an unexplained pronoun was taken to mean: the first name (not a number) of the cited sentences."""
    found = [n for q in quotes for n in names(q) if not any(is_number(w) for w in n.split())]
    who = f"the answer assumes it means {found[0]}" if found else "the answer is about the closest passage"
    return f"Nothing earlier in this chat says who or what “{word}” is; {who}. Name it to be sure."


def pronoun(question: str) -> str:
    """The first word of the question that points back at the conversation ('' if none)."""
    for w in words(unbound(question)):
        if w in _PERSONAL or w in _OTHER:
            return w
    return ""


def resolve(question: str, history: list[dict] | None) -> Resolved:
    """Rewrite a follow-up with the names of the conversation; a standalone question stays as it is."""
    turns = turns_of(history or [])
    question = _LEAD_FILLER.sub("", question) if turns else question  # "and then? whats the next step": the second
    question = named_first(question) or question  # "and the farmer, why's he for it?": why's the farmer for it?
    if turns and (then := after_the_answer(question, turns[-1][1]) or why_of_the_answer(question, turns[-1][1])
                  or why_it_was_set_off(question, turns[-1][1], turns[-1][0]) or who_else(question, turns[-1][0])):
        return Resolved(question, then, ())  # "what happened after that?", "why?", "who else is involved?"
    if not turns or not needs_context(question):
        return Resolved(question, question, ())
    # Resolve the conversation turn by turn: an earlier follow-up's context carries forward.
    context: list[str] = []
    last_searched = said_by = ""
    for q, a in turns:
        searched = _rewrite(q, context, last_searched, said_by) if needs_context(q) and context else q
        # The question of what someone said, kept for the turn after the "who is she?" that may follow it.
        said_by = last_searched if WHO_IS.match(searched) and _asks_view(last_searched) else ""
        found = focus(searched, a)
        # An answer that names only a number ("Fourteen shop units ...") leaves whom "he" means as it was.
        context = found if any(not all(is_number(w) for w in words(c)) for c in found) or not context else context
        last_searched = searched
    narrowed = _fragment(question)
    if narrowed and last_searched:  # "How much is Norvik paying?" + "per share?"
        return Resolved(question, f"{last_searched.rstrip(' ?.!')} {narrowed}?", ())
    other = _ANOTHER.match(question)
    said_of = _typed_as(context[0], last_searched) if other and context else None
    if said_of is not None:  # "what did he say?" + "and her?": another person
        others = another(context[0], [a for _, a in turns[-3:]])
        if others:
            return Resolved(question, last_searched[:said_of[0]] + others[0] + last_searched[said_of[1]:], (others[0],))
    thing = thing_asked_about(last_searched, question) if IT.search(question) else None
    if thing is not None:  # "When did the strike begin?" -> "And when did it end?": "it" is the strike
        said = IT.sub(lambda m: thing + ("'s" if m.group(0).lower() == "its" else ""), question, count=1)
        said = _LEADING_AND.sub("", said)
        if not needs_context(said):
            return Resolved(question, said[:1].upper() + said[1:], (thing,))
    asked, question = question, said if thing is not None else question  # "do they know what caused it?": "they" left
    bare = _BARE_WH.match(question)
    if not context:  # "what does the warden think?" + "why?": asked again, though it named no one
        own = _LEADING_AND.sub("", question)  # "and how many jobs would go?": a question of its own
        own = f"What does the article say about {new}?" if (new := ellipsis(question)) else own  # "what about X?"
        return Resolved(asked, ask_again(bare.group("wh"), last_searched) if bare and last_searched else
                        own[:1].upper() + own[1:], ())
    if _NAME_ASKED.match(question):  # "what's her name?": who the last answer was about
        return Resolved(asked, f"Who is {context[0]}?", tuple(context))
    body = their_body(question, turns[-1][1], context)
    if body is not None:  # "Who is Karen Liu?" / "Director of the Battery Safety Alliance." + "What does her group want?"
        return Resolved(asked, body, tuple(context))
    return Resolved(asked, _rewrite(question, context, last_searched, said_by), tuple(context))


def _typed_as(name: str, text: str) -> tuple[int, int] | None:
    """Where the text names `name` as it was typed: in any case, with typos ("alison frane" for Alison Frayne)."""
    tokens = list(re.finditer(r"[\w'’-]+", text))
    whole = name.split()
    for want in (whole[k:] for k in range(len(whole))):  # the whole name, else its surname ("what did fallowfeld say")
        for i in range(len(tokens) - len(want) + 1):
            if all(same_word(t.group(0), w) for t, w in zip(tokens[i:i + len(want)], want)):
                return tokens[i].start(), tokens[i + len(want) - 1].end()
    return None


_LEAD_FILLER = re.compile(r"^\s*(?:(?:and|so)\s+)?(?:then|ok(?:ay)?|right|and|so|hmm+)\s*[?.!,]+\s*(?=\w)", re.I)
"""A bare "and then?" or "ok," before the question itself."""
_ANOTHER = re.compile(r"^\s*(?:and|what\s+about|how\s+about)\s+(?:him|her)\s*[?.!]*\s*$", re.I)
""""And her?": the last question asked of another person than the one it was about."""
_NAME_ASKED = re.compile(r"^\s*(?:and\s+)?(?:what|who)(?:'s|’s|\s+is|\s+was)\s+(?:his|her|their)\s+(?:full\s+)?name"
                         r"\s*[?.!]*\s*$", re.I)
def _asks_view(question: str) -> bool:
    f = form(question) if question else None
    return f is not None and f.kind is Kind.OPINION


def _rewrite(question: str, context: list[str], previous: str, said_by: str = "") -> str:
    """The follow-up as a question of its own; `said_by`: the question of what someone said, asked just before the
    "who is …?" that is `previous`."""
    bare = _BARE_WH.match(question)
    if bare and previous:  # "who refused to sell?" + "why?": why the one who did it did it
        return of_the_doer(bare.group("wh"), previous, context[0]) or _why_view(bare.group("wh"), previous) or \
            ask_again(bare.group("wh"), previous)
    new = ellipsis(question)
    if new and previous and (listed := _listed_again(new, previous)) is not None:
        return listed
    if new and previous:
        # "who is X" + "and the cost?": the cost X speaks of (but "and the mayor?" asks who).
        last = {words(new)[-1], words(new)[-1].removesuffix("s")}
        if WHO_IS.match(previous) and not names(new) and last & KIND_NOUNS["organisation"] and said_by:
            previous = said_by  # "what did the club say?" + "who is she?" + "what about the council?": what it said
        elif WHO_IS.match(previous) and not names(new) and not last & (KIND_NOUNS["person"] | TITLES):
            return with_note(f"What is {new}?", context[:1])
        elif re.match(r"\s*(?:why|how\s+(?:many|much)|when)\b", previous, re.I) and not names(new) \
                and last & KIND_NOUNS["organisation"]:  # "why?", "how many jobs are going?" + "what about the union?"
            return with_note(f"What does {new} say?", context[:1])  # its side, not its own count
        # The name the last question asked about, as it was typed ("what did delgado say" + "and the mayor?").
        typed = "|".join(re.escape(w) for c in context for w in c.split() if len(w) > 2)
        det = r"(?:(?:the|a|an)\s+)?" if re.match(r"(?:the|a|an)\s", new, re.I) else ""  # "the mayor" for "the mayor"
        run = re.search(rf"\b{det}(?:(?:{typed})\s+(?:of\s+)?)*(?:{typed})\b", previous, re.I) if typed else None
        old = names(previous) or ([run.group(0)] if run else [])
        if old:
            return previous.replace(old[-1], new, 1)
        said = form(previous)
        if said is not None and said.kind is Kind.OPINION and said.subject in previous:  # "what did the police say?"
            if said.topic and last & KIND_NOUNS["organisation"] and not names(said.topic) and not set(words(
                    said.topic)) & KIND_NOUNS["organisation"]:  # "… say about locking things up?" + "the union?":
                return f"What does {new} say?"  # its side, whatever it spoke of (not "… about the union" + "the council?")
            return previous.replace(said.subject, new, 1)  # + "what about the residents?": what they said
        if not names(new):  # nothing to put it in place of: "what about the staff?" asks what is said of them
            return with_note(f"What does the article say about {new}?", context[:1])
        return with_note(previous, [new])
    if _LEADING_AND.match(question):  # "And when did she ...?": a question of its own, joined to the last one
        question = _LEADING_AND.sub("", question)
        question = question[:1].upper() + question[1:]
    # "he" or "she" is never a year the last answer gave ("In 2023, Hugh Strathairn ... refused").
    main = next((c for c in context if not all(is_number(w) for w in words(c))), context[0])
    if (as_body := they_as_body(question, main)) is not None:  # "what is the MAS?" + "when will they decide?"
        return as_body  # named, it needs no note: the acronym's expansion would pull in the sentence that spells it
    replaced = [False]
    # Nor a body ("Brackenford University", named beside the one asked about): one named after her is.
    person = next((c for c in context if not _BODIES.search(c) and not all(is_number(w) for w in words(c))), main)

    def swap(m: re.Match) -> str:
        word = m.group(1)
        if replaced[0]:  # named once, a later "her" reads as it did: "Did Ana Roth lose her house?"
            return m.group(0)
        suffix = _PERSONAL[word.lower()]
        # "her" before a content word is possessive ("her husband"), unless that word says what she is
        # made or left ("what made her suspicious?"); before anything else it is the object ("did Weber meet her?").
        if word.lower() == "her" and not _possessive_her(question, m.start(1), m.group(2)):
            suffix = ""
        replaced[0] = True
        return person + suffix + m.group(2)

    out = re.sub(r"\b(he|him|she|his|hers|her)\b(\W*\w*)", swap, question, flags=re.I)
    if set(words(question)) & _OTHER or not replaced[0]:
        rest = [c for c in context if c not in out and not all(is_number(w) for w in words(c))]  # not "£4.7m"
        if rest:
            out = with_note(out, rest)
    return out


def _why_view(wh: str, previous: str) -> str | None:
    """"What is Marsh doing about the sale?" + "why?": why she holds her view of it, in her own words ("Why does
    Marsh think so about the sale?"); None unless "why" follows a question about what someone said or did."""
    said = form(previous) if wh.lower() in ("why", "how come") else None
    if said is None or said.kind is not Kind.OPINION or said.subject.lower() in PRONOUNS:
        return None
    do = "do" if re.match(r"(?:the|these|those)\s+(?:\w+\s+)*\w+s$", said.subject, re.I) else "does"  # "the traders"
    return f"Why {do} {said.subject} think so{' about ' + said.topic if said.topic else ''}?"


def _listed_again(new: str, previous: str) -> str | None:
    """"Who are the people in the rail story?" + "and the companies?": the same list, of the other sort, in the
    same story; None unless the last question asked for a list and X names sorts of names."""
    before, again = form(previous), form(f"which {new}")
    if before is None or again is None or before.kind is not Kind.ENTITIES or again.kind is not Kind.ENTITIES \
            or again.subject:
        return None
    sorts = re.sub(r"^(?:the|all\s+the)\s+", "", new.strip(), flags=re.I)
    return f"Which {sorts} are in the {before.subject} story?" if before.subject else f"Which {sorts} are there?"


def _possessive_her(question: str, at: int, following: str) -> bool:
    nxt = words(following)
    if not nxt or following[:1] in ",.?!;:" or nxt[0] in STOPWORDS:
        return False
    from lang.tagging import parse  # spaCy only for "her" before a content word

    return next((t.dep_ == "poss" for t in parse(question) if t.idx == at), True)


def turns_of(history: list[dict] | tuple[dict, ...]) -> list[tuple[str, str]]:
    """(user question, assistant answer) pairs, oldest first."""
    pairs: list[tuple[str, str]] = []
    pending: str | None = None
    for msg in history:
        if isinstance(msg, (list, tuple)) and len(msg) == 2:  # older Gradio tuples format
            pairs.append((shorthand_spelled(plain(msg[0])), plain(msg[1])))
            continue
        role = msg.get("role") if isinstance(msg, dict) else None
        if role == "user":
            pending = shorthand_spelled(plain(msg.get("content")))  # as it was searched: "ppl" -> "people"
        elif role == "assistant" and pending is not None:
            pairs.append((pending, plain(msg.get("content"))))
            pending = None
    return pairs

"""The form of a question beyond a single fact: a summary, a list of who is who, a definition, a timeline, what
happened after something, what someone thinks. Read from general English wording; None for a plain factual one."""
from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from .findings import is_document
from .list_forms import ANY, listed
from .normalize import shorthand_spelled
from .rules import KIND_NOUNS, PRONOUNS, TITLES
from .story_words import ART as _ART, Q_END as _Q_END, asks_loosely, story as _story
from .told_about import told_about
from .words import STOPWORDS


class Kind(StrEnum):
    SUMMARY = "summary"
    ENTITIES = "entities"  # who (or which organisations, places) the story is about
    WHO_IS = "who_is"
    DEFINE = "define"
    TIMELINE = "timeline"
    AFTER = "after"  # what happened after (or before) an event
    OPINION = "opinion"
    """What someone thinks or said about something."""
    MENTION = "mention"
    """Whether (where, how often) the articles mention something: "Is X mentioned anywhere?"."""


@dataclass(frozen=True)
class Form:
    kind: Kind
    subject: str = ""
    """What the question is about: the story ("the bridge story"), the name, the term, the event, the speaker."""
    topic: str = ""
    """For OPINION: what the speaker's view is asked about ("" when anything they said will do); for TIMELINE,
    whose deeds on the date are asked about ("What did Tello do on Monday?"); for ENTITIES, the sort of
    organisation asked for ("union" for "which unions are mentioned?")."""
    entity: str = ANY
    """For ENTITIES: PERSON, ORGANISATION, PLACE or ANY."""
    before: bool = False
    """For AFTER: the question asks what came before the event instead."""
    ahead: bool = False
    """For AFTER: asked of what is still to come ("what happens after the branch shuts?")."""
    deeds: bool = False
    """For OPINION: what they did is asked ("what are the traders doing about it?"), their words after it."""
    wants: bool = False
    """For OPINION: what they want is asked ("what does the group want?"): what they asked or called for first."""
    explicit: bool = False
    """For DEFINE: the meaning is asked in so many words ("what does X mean / refer to", "what is meant by X", "define
    X"), not only "what is X". For MENTION: what the articles say of it ("what does the article say about X"), not
    whether they mention it. For SUMMARY: the story, not "what's up with X", which may ask one detail of a story."""
    by_name: bool = False
    """For WHO_IS: the subject can only be a name ("what does fisk do"), never a role ("who is the mayor")."""
    meaning: bool = False
    """For DEFINE: what the words stand for ("what is meant by X", "what does X mean"), not what kind of thing it is."""


_SUMMARY = re.compile(
    r"^\s*(?:(?:can|could|would|will)\s+you\s+|please\s+|pls\s+)?(?:give\s+(?:me|us)\s+|what(?:\s+(?:are|were|is|was)|'s|’s)\s+)?"
    r"(?:an?\s+|the\s+)?(?:(?:quick|short|brief)\s+)?"
    r"(?:summar(?:y|i[sz]e|i[sz]ing)|sum\s+up|recap|overview|gist|tl;?\s?dr|tldr|brief(?:ing)?|synopsis|"
    r"(?:the\s+)?(?:main|key)\s+(?:points?|facts?|takeaways?|ideas?|news|findings?|messages?|conclusions?)|highlights|in\s+(?:short|brief)|"
    r"in\s+a\s+nutshell|short\s+version)\b(?P<rest>.*)$"
    r"|^\s*what(?:'s|’s|s|\s+is|\s+was)\s+(?:the\s+|this\s+|that\s+)?(?P<rest2>(?:[\w'’-]+\s+){0,3}?)"
    rf"(?:{_ART}|story)\s+(?:all\s+)?about{_Q_END}"
    # Not "What is it about the mine that is unusual?", nor "What happened in Portugal?": a fact about a thing.
    r"|^\s*what\s+(?:is|was)\s+(?:it|this)\s+(?:all\s+)?about\b(?P<rest3>(?![^?]*\b(?:that|which)\b).*)$"
    rf"|^\s*what\s+happened(?:\s+(?:in|according\s+to)\s+(?P<rest4>[^?]*?\b{_ART}s?))?" + _Q_END +
    # "What's the story?", "What is going on?", "Tell me about this article"
    rf"|^\s*(?:what(?:'s|’s|s|\s+is)\s+(?:the\s+(?:story|deal)(?:\s+here)?|up|going\s+on|happening|(?:the|this)\s+{_ART})|tell\s+(?:me|us)\s+about\s+"
    rf"(?:the|this|that)\s+(?:{_ART}|story))(?P<rest5>\s+(?:in|with|about|on)\s+[^?]*)?" + _Q_END +
    # "What happened with the mayor, in a few sentences?": a length asked for is a summary's
    r"|^(?P<rest6>.*?)(?:[,\s]+in\s+|\s*[,:–—-]\s*)(?:(?:a\s+)?few|(?:a\s+)?couple(?:\s+of)?|one|two|three|four|five|[1-5])\s+(?:short\s+)?"
    r"(?:sentences?|lines?|words|points|bullet\s*points|bullets)(?:\s+(?:please|pls|plz))?" + _Q_END +
    r"|^\s*in\s+(?:(?:a\s+)?few|a\s+couple(?:\s+of)?|one|two|three|four|five|[1-5])\s+(?:short\s+)?(?:sentences?|lines?|words|"
    r"points)[,:\s]+(?P<rest9>[^?]*?)" + _Q_END +  # "in a couple of sentences, what happened at the farm"
    # "what happened at the plant? short summary pls": the question first, the summary asked after it
    r"|^(?P<rest7>[^?.!]+?)\s*[?.!,]+\s*(?:an?\s+|the\s+)?(?:(?:quick|short|brief)\s+)?(?:summary|summari[sz]e|"
    r"tl;?\s?dr|recap)(?:\s+(?:please|pls|plz))?" + _Q_END +
    r"|^(?P<rest8>[^?.!]+?)\s*[?.!,]+\s*(?:the\s+)?(?:short|quick|brief)\s+version(?:\s+(?:please|pls|plz))?" + _Q_END, re.I)

_ABOUT = re.compile(r"^\s*what(?:'s|’s|s|\s+is|\s+was)\s+(?:the|this|that)\s+(?P<x>[\w-]+(?:\s+[\w-]+){0,3}?)\s+"
                    r"(?:all\s+)?about" + _Q_END, re.I)
"""What a story named by a common noun is about ("what is the study about?", "what's the ruling about"): the
story the words point at is summarized (qa/skills falls back when no article matches)."""

_LEADS = re.compile(r"^\s*who(?:\s+(?:runs|leads|heads|chairs|manages|directs)|(?:\s+is|\s+was|'s|’s)\s+(?:running|leading|"
                    r"heading|in\s+charge\s+of|the\s+(?:head|boss|leader|chief)\s+of))\s+(?:the\s+)?(?P<body>[^?]+?)" + _Q_END,
                    re.I)
"""Who runs a body: asked as who holds its head's role ("head of X")."""
_WHO_IS = re.compile(r"^\s*(?:who(?:'s|’s|s|\s+is|\s+was|\s+are|\s+were)|tell\s+me\s+(?:more\s+)?about|who\s+exactly\s+is)\s+"
                     r"(?P<name>[^?]+?)" + _Q_END +
                     # "What is Karen Liu's job?", "What does Karen Liu do?"
                     r"|^\s*what(?:'s|’s|s|\s+is|\s+was)\s+(?P<name2>[^?]+?)(?:'s|’s|(?<=[a-z]{3})s)\s+(?:role|job|title|occupation|"
                     r"profession|background|position|career)" + _Q_END +
                     r"|^\s*what\s+(?P<do>does|do)\s+(?P<name3>[^?]+?)\s+do(?:\s+for\s+a\s+living)?" + _Q_END, re.I)
_POST_OF_NAMED = re.compile(r"(?:the\s+)?(?:[A-Z][\w&-]*['’]?\s+)+?[A-Z][\w&-]*['’]s?\s+[a-z-]+(?:\s+[a-z-]+)?$")
_DEFINE = re.compile(
    r"^\s*what\s+(?:does|do|did)\s+(?:the\s+)?(?:term\s+|word\s+|abbreviation\s+|acronym\s+)?(?P<a>[^?]+?)\s+"
    r"(?:stand\s+for|mean|refer\s+to|represent)" + _Q_END +
    r"|^\s*what\s+is\s+(?:meant\s+by|the\s+meaning\s+of|the\s+definition\s+of)\s+(?:the\s+|an?\s+)?(?P<b>[^?]+?)" + _Q_END +
    r"|^\s*(?:define|explain)\s+(?:the\s+)?(?:term\s+)?(?P<c>[^?]+?)" + _Q_END +
    r"|^\s*what\s+is\s+(?:the\s+)?(?P<d>[^?]+?)\s+(?:short\s+for|referring\s+to|standing\s+for)" + _Q_END +
    r"|^\s*what\s+(?:kind|sort|type)\s+of\s+\w+\s+(?:is|was|are|were)\s+(?:the\s+)?(?P<f>[^?]+?)" + _Q_END +
    r"|^\s*(?:the\s+)?(?:meaning\s+of\s+(?:the\s+)?(?P<g>[^?]+?)|(?P<h>[^?]+?)\s+meaning)" + _Q_END +
    r"|^\s*what(?:'s|’s|s|\s+is|\s+are|\s+was|\s+were)\s+(?:the\s+|an?\s+)?(?P<e>[^?]+?)" + _Q_END, re.I)
_PREPOSITIONS = frozenset("of for in on at by with from to about into over under after before".split())
_TIMELINE = re.compile(
    r"\b(?:time\s*line|chronolog(?:y|ical)|sequence\s+of\s+events|order\s+of\s+events|key\s+dates|"
    r"(?:list|give|show|tell)\s+(?:me\s+)?(?:of\s+)?(?:all\s+)?(?:the\s+)?(?:dates|events)|what\s+happened\s+when|"
    r"(?:which|what)\s+(?:events|dates)\s+(?:are|were)\s+(?:mentioned|reported|described)|in\s+what\s+order|"
    r"walk\s+(?:me|us)\s+through\s+(?:the\s+)?(?:events|story|timeline)|what\s+happened\s+first)\b"
    r"|^\s*what\s+happened\b[^?]*?,?\s+in\s+order" + _Q_END, re.I)  # "what happened at the farm, in order"
_ON_DATE = re.compile(r"^\s*what\s+(?:happened|took\s+place|occurred)\s+(?:on|in|during)\s+(?P<when>[^?]*?\d[^?]*?|"
                      r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)[^?]*?)" + _Q_END, re.I)
_DID_ON = re.compile(r"^\s*what\s+(?:did|does|will|was|were|is)\s+(?P<who>[^?]+?)\s+(?:do|doing|done|up\s+to|(?P<decided>decide|"
                     r"agree|announce|approve|vote\s+for|vote\s+on|reveal|confirm|propose|unveil))\s+"
                     r"(?:on|in|during)\s+(?P<when>[^?]*?\d[^?]*?|(?:monday|tuesday|wednesday|thursday|friday|"
                     r"saturday|sunday)[^?]*?)" + _Q_END, re.I)
"""What someone did on a day: the day's events that name them."""
_A_DAY = re.compile(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|"
                    r"june|july|august|september|october|november|december|(?:1[0-9]|20)[0-9]{2})\b", re.I)
"""What "decide on" is set on when it asks for a day, not for what was decided ("decide on the 3 proposals")."""
_AFTER = re.compile(r"^\s*what\s+(?:happened|came|followed|occurred|was\s+next|happened\s+next|happens|will\s+happen|"
                    r"comes)\s*(?:next\s+)?"
                    r"(?:(?:the|a|one|two|three|\d+)\s+(?:next\s+)?(?:days?|weeks?|months?|years?)\s+)?"
                    r"(?P<dir>after|following|since|before|prior\s+to|then|next)\b\s*(?P<event>[^?]*?)" + _Q_END, re.I)
_FEELINGS = ("worried|concerned|afraid|fearful|angry|upset|unhappy|happy|pleased|optimistic|pessimistic|nervous|hopeful|"
             "frustrated|skeptical|sceptical")  # reported as views: "What is X worried about?"
_OPINION = re.compile(
    r"^\s*(?:what|how)\s+(?:does|did|do|would|will|(?P<now>is|are)(?=\s[^?]*?\b(?:saying|thinking)\b))\s+(?P<x>[^?]+?)\s+"
    r"(?:think|say|said|saying|thinking|feel|believe|see|view|"
    r"make|thinks|says|argue|claim|tell\s+(?:the\s+|a\s+)?\w+|comment|reckon)\b(?:\s+(?:about|of|on|regarding|concerning|to)\s+"
    r"(?P<y>[^?]*?)|\s+(?:after|following|at|in|during|outside|before)\s+[^?]*?|\s+(?:caused|causes|led\s+to|went\s+wrong|"
    r"happened)\b[^?]*?)?" + _Q_END +  # when, or what caused it: all they said
    r"|^\s*what(?:'s|’s|\s+is|\s+was|\s+are|\s+were)\s+(?P<x2>[^?]+?)(?:'s|’s|(?<=s)['’])\s+(?:view|opinion|position|stance|take|reaction|"
    r"response|comment|concern|advice|message|warning|argument|verdict|side|case|problem|issue|objection|complaint|gripe)s?\b"
    r"(?:\s+(?:on|about|of|to|regarding|with)\s+(?P<y2>[^?]*?))?" + _Q_END +
    r"|^\s*how\s+(?:does|did|do)\s+(?P<x3>[^?]+?)\s+(?:feel|react|respond)\b(?:\s+(?:about|to)\s+(?P<y3>[^?]*?))?"
    + _Q_END +
    # "What is X worried about?", "What are residents angry about?": a feeling is a view the article reports.
    r"|^\s*what(?:'s|’s|s|\s+is|\s+was|\s+are|\s+were)\s+(?P<x4>[^?]+?)\s+(?:" + _FEELINGS + r")\s+(?:about|of|over|by|"
    r"with)\b(?:\s+(?P<y4>[^?]*?))?" + _Q_END +
    # "What does the economist expect?", "What did analysts predict for the deal?": a forecast is a view too.
    r"|^\s*what\s+(?:does|did|do|would|will)\s+(?P<x6>[^?]+?)\s+(?:expect|predict|forecast|fear|blame)s?\b"
    r"(?:\s+(?:about|of|on|regarding|for)\s+(?P<y6>[^?]*?)|\s+(?:at\s+first|first|next|now|to\s+happen))?" + _Q_END +
    # "What do analysts think will happen (to the deal)?"
    r"|^\s*what\s+(?:does|do|did)\s+(?P<x5>[^?]+?)\s+(?:think|expect|predict|say|believe)\s+will\s+happen"
    r"(?:\s+(?:to|with|next|now)\s*(?P<y5>[^?]*?))?" + _Q_END +
    # "What has the MP done about the closure?": in news, what someone did is told as what they said they did.
    r"|^\s*what(?:\s+(?:has|have|had|did|does|do|is|are)|'s|’s|s)\s+(?P<x7>[^?]+?)\s+(?:done|do|doing)\s+(?:about|over|regarding|when|after|once)\s+"
    r"(?P<y7>[^?]*?)" + _Q_END +
    # "What are the traders doing?", "What is the councillor trying to do?": what they did, and said they will do.
    r"|^\s*what(?:\s+(?:is|are|was|were)|'s|’s|s)\s+(?P<x8>[^?]+?)\s+(?:doing|(?:trying|planning|hoping|going)\s+to\s+do)"
    r"(?:\s+(?:about|over|regarding|with)\s+(?P<y8>[^?]*?))?" + _Q_END +
    # "What does the group want (from the authority)?", "What are the residents calling for?": what they asked for.
    r"|^\s*what\s+(?:does|do|did)\s+(?P<x9>[^?]+?)\s+want\b(?:\s+(?:from|of)\s+[^?]*?)?" + _Q_END +
    r"|^\s*what(?:\s+(?:is|are|was|were|has|have)|'s|’s|s)\s+(?P<x10>[^?]+?)\s+(?:been\s+)?(?:asking|calling|pushing|"
    r"pressing|campaigning|lobbying)\s+for" + _Q_END, re.I)
_SCOPE = re.compile(rf"\s+(?:in|from|according\s+to)\s+(?:the|this|that)\s+(?:[\w'’-]+\s+){{0,3}}?{_ART}s?(?={_Q_END})",
                    re.I)
"""Which story a question means, said after it ("What does MTA refer to in the bridge story?"): not part of
the term, name or speaker asked about."""
_TRAILING_CONTEXT = re.compile(r"\s*\([^()]*\)\s*$|\s+(?:exactly|anyway|actually)(?=\s*[?.!]*\s*$)|(?:(?<=^what)|(?<=^who))\s+"
                               r"exactly\b", re.I)  # a follow-up's names: "(Weber)"; "what exactly is …": what is …
_IN_STORY = rf"(?:\s+(?:anywhere|at\s+all|ever|(?:anywhere\s+)?in\s+(?:the|this|that|these|any)\s+{_ART}s?))*"
_MENTION = re.compile(
    rf"^\s*(?:is|are|was|were)\s+(?P<a>[^?]+?)\s+(?:ever\s+|even\s+)?(?:mentioned|referred\s+to){_IN_STORY}"
    + _Q_END +
    # "Was the treaty discussed?" may ask about a meeting: only with the story named.
    rf"|^\s*(?:is|are|was|were)\s+(?P<e>[^?]+?)\s+(?:discussed|covered|talked\s+about|named)\s+(?:anywhere\s+)?"
    rf"in\s+(?:the|this|that|these|any)\s+{_ART}s?" + _Q_END +
    rf"|^\s*(?:does|did|do)\s+(?:the|this|that|these|any)\s+{_ART}s?\s+(?:ever\s+)?(?:mention|name|discuss|cover|"
    rf"talk\s+about|say\s+anything\s+(?:about|on)|refer\s+to)\s+(?P<b>[^?]+?)" + _Q_END +
    rf"|^\s*(?:is|are)\s+there\s+(?:anything|something|any\s+mention|a\s+mention)\s+(?:about|of|on)\s+(?P<c>[^?]+?)"
    rf"{_IN_STORY}" + _Q_END +
    rf"|^\s*(?:how\s+(?:many\s+times|often)|where)\s+(?:is|are|was|were)\s+(?P<d>[^?]+?)\s+(?:mentioned|named)"
    rf"{_IN_STORY}" + _Q_END, re.I)
"""Whether the articles mention something at all: answered from every sentence, not from the best one."""
_SAYS = re.compile(
    rf"^\s*what\s+(?:does|did|do)\s+(?:the\s+|this\s+|that\s+)?{_ART}s?\s+(?:say|tell\s+(?:me|us)|report|write)\s+"
    rf"(?:about|on|of|regarding)\s+(?P<x>[^?]+?){_Q_END}"
    rf"|^\s*what\s+(?:is|was|are|were)\s+(?:said|written|reported)\s+(?:about|on|of)\s+(?P<y>[^?]+?){_Q_END}", re.I)
"""What the articles say about something ("what does the article say about Turkey?"): every sentence that
mentions it, as MENTION reads them, without a Yes or No."""
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&.-]{1,9}s?$")

# A whole question after "and", read without it.
_AND_THEN = re.compile(r"^(?:and|but|so|also|ok(?:ay)?)\s*,?\s+(?=(?:what|who|which|where|when|why|how)\b)", re.I)


def form(question: str) -> Form | None:
    """The question's form when it asks for more than one fact, else None."""
    q = _TRAILING_CONTEXT.sub("", " ".join(question.split()))
    q = _AND_THEN.sub("", shorthand_spelled(q))  # "whats", "wats": "what's"
    if _TIMELINE.search(q):
        return Form(Kind.TIMELINE, subject=_story(_TIMELINE.sub(" ", q)))
    if m := _ON_DATE.match(q):
        return Form(Kind.TIMELINE, subject=m.group("when").strip())
    if (m := _DID_ON.match(q)) and not (m.group("decided") and not _A_DAY.search(m.group("when"))):
        return Form(Kind.TIMELINE, subject=m.group("when").strip(), topic=m.group("who").strip())
    m = _AFTER.match(q)
    if m and m.group("event"):
        return Form(Kind.AFTER, subject=m.group("event").strip(), before=m.group("dir").lower().startswith(("before", "prior")),
                    ahead=bool(re.match(r"\s*what\s+(?:happens|will\s+happen|comes)\b", q, re.I)))
    m = _SUMMARY.match(q)
    if m:
        rest = next((g for g in m.group("rest", "rest2", "rest3", "rest4", "rest5", "rest6", "rest7", "rest8", "rest9")
                     if g is not None), "")
        asked = form(rest) if m.group("rest7") or m.group("rest8") else None  # "whats the X story about, short version"
        return asked if asked is not None and asked.kind is Kind.SUMMARY else Form(Kind.SUMMARY, subject=_story(rest),
                                                                                    explicit=not asks_loosely(q))
    if (told := told_about(q)) is not None:  # "tell me about the tennis club", "whats the landlord story"
        return Form(Kind.SUMMARY, subject=_story(told), explicit=True)
    m = _ABOUT.match(q)
    if m and m.group("x") == m.group("x").lower() and not re.search(rf"\b(?:{_FEELINGS})$", m.group("x")):
        # "what is the study about?"; not "the Domesday Book", nor "what is the union angry about?" (a view)
        return Form(Kind.SUMMARY, subject=m.group("x"), explicit=True)
    if m := _LEADS.match(q):  # "who chairs X?" asks for its chair; "who runs X?" for whoever leads it
        return Form(Kind.WHO_IS, subject=f"{'chair' if m.group(0).lower().split()[1] == 'chairs' else 'head'} of "
                                         f"{m.group('body').strip()}")
    if (found := listed(q)) is not None:  # "who are the people in the story?", "which unions are named?"
        story, entity, sort = found
        return Form(Kind.ENTITIES, subject=_story(story), entity=entity, topic=sort)
    if m := _SAYS.match(q):
        return Form(Kind.MENTION, subject=(m.group("x") or m.group("y")).strip(), explicit=True)
    if m := _MENTION.match(q):
        return Form(Kind.MENTION, subject=next(g for g in m.group("a", "b", "c", "d", "e") if g is not None).strip())
    q = _SCOPE.sub("", q)
    m = _OPINION.match(q)
    if m:
        x = next((g for g in m.group("x", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9", "x10") if g), None)
        y = next((g for g in m.group("y", "y2", "y3", "y4", "y5", "y6", "y7", "y8") if g), "")
        if x and not re.fullmatch(r"(?:it|this|that|the\s+\w+\s+(?:say|mean))", x, re.I) and not is_document(x):
            return Form(Kind.OPINION, subject=x.strip(), topic=y.strip(), deeds=bool(m.group("x7") or m.group("x8")),
                        wants=bool(m.group("x9") or m.group("x10")))
    m = _DEFINE.match(q)
    who = _WHO_IS.match(q)
    if m and not (who and who.group("name2")):  # "What is Karen Liu's job?" asks who she is
        term = next(g for g in m.group("a", "b", "c", "d", "e", "f", "g", "h") if g is not None).strip()
        if m.group("d") and ((w := term.lower().split()[-1]) in PRONOUNS or w.rstrip("s") in KIND_NOUNS["person"] | TITLES):
            return None  # "what is the minister referring to?" asks what they meant, not what a term means
        explicit = m.group("e") is None and m.group("h") is None
        # "What is the bridge made of?", "What was the town known for?": asks about the thing, not for a term.
        about_the_thing = m.group("e") is not None and term.split()[-1].lower() in _PREPOSITIONS or (
            m.group("h") is not None and not (_looks_like_a_name(term) or is_acronym(term)))  # "the hidden meaning"
        if not about_the_thing and (explicit or _looks_like_a_name(term) or len(term.split()) <= 3
                                    or _names_a_body(term) or named_parts(term)):
            return Form(Kind.DEFINE, subject=term, explicit=explicit, meaning=bool(m.group("a", "b", "c", "g") != (None,) * 4))
    name = (m := who) and next(g for g in m.group("name", "name2", "name3") if g is not None).strip()
    several = bool(name) and bool(named_parts(name))  # "who are Fiona Marchetti and Owen Tredwell?"
    # However long: several names, or a post in a body named in full ("the Performing Arts Workers' Guild's organiser").
    # "What does X do?" asks who X is only of a name ("What does the council do?" asks something else).
    if name and (len(name.split()) <= 4 or several or _POST_OF_NAMED.match(name)) \
            and name.split()[-1].lower() not in _PREPOSITIONS and (
            m.group("name3") is None or _looks_like_a_name(name) or is_acronym(name) or _typed_name(name)
            or several) and (m.group("do") != "do" or several):  # not "Who was it hosted by?"
        return Form(Kind.WHO_IS, subject=name, by_name=m.group("name3") is not None)
    return None


_JOINED = re.compile(r"\s*,\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+", re.I)


def named_parts(subject: str) -> list[str]:
    """"Fiona Marchetti and Owen Tredwell", "marchetti, tredwell and dutta", "CARB and the SBA": the names asked
    about together (two to four, each a name, an acronym or "the" and a word or two); [] for anything else."""
    parts = [p for p in _JOINED.split(subject.strip()) if p]
    named = all(_looks_like_a_name(p) or is_acronym(p) or _typed_name(p)
                or re.fullmatch(r"the\s+[\w'’-]+(?:\s+[\w'’-]+)?", p, re.I) for p in parts)
    return parts if 2 <= len(parts) <= 4 and named else []


def _typed_name(text: str) -> bool:
    """A name typed in lower case ("naomi fisk"): short, letters only, no common word (the skill checks it)."""
    return 1 <= len(ws := text.split()) <= 3 and all(w.isalpha() and w.lower() not in STOPWORDS for w in ws)


def is_acronym(word: str) -> bool:
    """"IAEA", "NATO", "U.N.", "NGOs": letters in capitals, two or more."""
    return bool(_ACRONYM.match(word)) and sum(c.isupper() for c in word) >= 2


def _names_a_body(text: str) -> bool:
    """A name of an organisation typed in lower case ("the calloway terminal operators association"): a few
    words ending in a word for a body, none of them a preposition that makes it a question about it."""
    ws = text.lower().split()
    return 2 <= len(ws) <= 6 and ws[-1] in KIND_NOUNS["organisation"] and not set(ws) & {"in", "of", "at", "for",
                                                                                        "on", "with", "by"}


def _looks_like_a_name(text: str) -> bool:
    """A short phrase that is a name or an acronym ("Brandt", "the IAEA", "Ilse Brandt"), not a clause."""
    ws = text.replace("’", "'").split()
    if not ws or len(ws) > 5:
        return False
    content = [w for w in ws if w.lower() not in ("the", "a", "an", "of", "de", "al", "von", "van")]
    return bool(content) and all(w[:1].isupper() or is_acronym(w) for w in content)

"""Synthetic news articles for benchmarks: deterministic text full of invented names, numbers and dates,
with known facts to ask about. `python -m tools.synth N OUT_DIR [--seed S]` writes N articles.

Article i depends only on (seed, i), so the first 100 articles of a 1,000-article corpus are the
100-article corpus: a store can grow by ingesting more of the same corpus.
"""
from __future__ import annotations

import argparse
import datetime
import math
import random
import sys
from dataclasses import dataclass
from pathlib import Path

# Invented names are built from syllables, so they are unknown to the embedding model and to
# English stemming: retrieval has to find them by their exact words, as with real proper names.
_SYLLABLES = tuple("""ba be bo da del do fa fi ga gor ka kel ko la len lo ma mer mi na nor ni pa pel ra ren ro sa
sel so ta tor ti va ven vo za zel ar el in os ul ost and ber vik ham lu tes qui dra bri cas mon fer""".split())
_TOWN_ENDINGS = ("ford", "vale", "burg", "port", "ton", "mouth", "field", "stad", "holm", "wick", "bridge",
                 "ham", "dorf", "gate", "minster", "cliff")
_SURNAME_ENDINGS = ("ov", "ez", "son", "ini", "ard", "ek", "ova", "berg", "er", "is", "ley", "ani", "ić", "ø", "an",
                    "ström")
_ORG_KINDS = ("Holdings", "Institute", "Logistics", "Energy", "Bank", "Foundation", "Group", "Systems", "Motors",
              "Pharma", "Shipping", "Media", "Telecom", "Mining", "Airways", "Foods")
_FIRST_NAMES = tuple("""Amara Tomas Ilse Kofi Marta Henrik Priya Jonas Leila Mateo Ingrid Osman Clara Dmitri Yara
Felix Nadia Emil Sofia Rafael Hana Viktor Lucia Anders Mei Kwame Elena Pavel Zainab Hugo Irene Tariq Greta Bruno
Aiko Farid Noor Stefan Lina Diego José Zoë Søren Ana-María Björn Chiara Idris Maeve Ravi Olga""".split())
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")
_FACILITIES = ("bridge", "hospital", "tram line", "harbour terminal", "stadium", "water treatment plant",
               "library", "wind farm", "railway station", "concert hall", "data centre", "ferry terminal")
_CURRENCIES = ("euros", "dollars", "pounds", "francs", "crowns")
_PLANS = ("close the old market hall", "double the number of night buses", "ban cars from the historic centre",
          "build two thousand affordable homes", "raise the tourist tax", "plant forty thousand trees",
          "rebuild the flood defences along the river", "open a second public swimming pool")
_BUILDINGS = ("town hall", "regional parliament", "central station", "university library", "cathedral",
              "courthouse", "port authority", "chamber of commerce")
_TOPICS = ("unemployment", "housing prices", "grain exports", "hospital waiting times", "electricity prices",
           "tourist arrivals", "rail freight", "school enrolment", "fish catches", "rental costs")
_PROFESSIONS = ("economist", "teacher", "nurse", "fisherman", "engineer", "shopkeeper", "historian", "farmer",
                "lawyer", "architect", "bus driver", "climate scientist")
_BODIES = ("regional council", "finance ministry", "central bank", "environment agency", "transport authority",
           "port commission", "health ministry", "planning committee")
_EVENTS = ("jazz festival", "harvest fair", "film festival", "marathon", "book fair", "boat show", "food market",
           "science week")
_ADJECTIVES = ("reckless", "overdue", "ambitious", "unrealistic", "welcome", "costly", "historic", "premature")
_OBSTACLES = ("a shortage of skilled workers", "rising steel prices", "a legal challenge by residents",
              "an unusually wet winter", "delays in delivering turbines", "a dispute over land ownership")
_CONSEQUENCES = ("push many families out of the city", "cost hundreds of jobs", "leave the harbour empty",
                 "make the region less attractive to investors", "overload the local hospitals",
                 "force the closure of several schools")
_DIRECTIONS = ("risen", "fallen", "climbed", "dropped")

# Filler sentences give the articles their bulk and their distractors: they mention people, places and
# organisations at random, but never the relations asked about (mayor, founder, chief executive, employees),
# so a fact question has exactly one right answer in any corpus.
_FILLER = (
    "Residents of {town} gathered outside the {building} on {weekday} to protest against a plan to {plan}, "
    "a proposal that {person} called {adjective}.",
    "The {body} reported that {topic} had {direction} by {pct} percent in the {period}, the largest change "
    "since {year}.",
    "{person}, {a_profession} from {town}, told reporters that the decision would {consequence} unless the "
    "{body} acted before {month}.",
    "Analysts at {org} expect {small} new {facility_plural} to be built in the region over the next {years} years, "
    "although {obstacle} could delay the work.",
    "The {event} in {town} drew about {visitors} visitors this year, {more_or_fewer} than organisers had "
    "expected, according to figures published on {weekday}.",
    "Speaking in {town}, {person} said the {body} had received {letters} letters from residents about "
    "{topic} since {month}.",
    "Critics, among them the {profession} {person}, argue that the money would be better spent on {topic} and "
    "on repairing the {facility} that closed in {year}.",
    "Officials in {town} said the work would begin in {month} {year2} and that traffic would be diverted "
    "for about {weeks} weeks.",
    "In a statement, {org} said it had not been consulted and would study the {body}'s report before "
    "commenting further.",
    "Figures from the {body} show that {topic} in {town} stood {pct} percent above the national average in "
    "{month}, despite {small} years of promises.",
    "{person}, who has lived in {town} for {years} years, said the neighbourhood had changed beyond "
    "recognition since the {facility} opened.",
    "The opposition accused the {body} of hiding the true cost of the project, a charge that {person} "
    "rejected as {adjective}.",
)
# Most filler sentences get one of these before their full stop: longer, more varied sentences.
_CLAUSES = (
    "according to a report published on {weekday}",
    "a figure that surprised many in {town}",
    "while {person} of the {body} urged patience",
    "as talks with {org} continued late into the night",
    "a claim the {body} has not disputed",
    "in remarks broadcast on local radio in {town}",
    "two weeks after a similar warning from {org}",
    "though few in {town} expect a quick decision",
)
_HEADLINES = (
    "{town} unveils plan for a new {facility}",
    "Mayor of {town} faces questions over {topic}",
    "{org} expands in {town} despite worries over {topic}",
    "Debate over the new {facility} divides {town}",
)


@dataclass(frozen=True)
class FactQuestion:
    """A question about one generated article, with a string the right answer must contain."""

    question: str
    expected: str
    source: str
    """File name of the article that states the fact."""


@dataclass(frozen=True)
class SynthArticle:
    name: str
    """File name, e.g. synth-00042.txt."""
    text: str
    facts: tuple[FactQuestion, ...]


class _Namer:
    """Unique names: index i maps to a distinct syllable combination (an affine bijection of the
    name space, so consecutive articles get unrelated-looking names)."""

    def __init__(self, endings: tuple[str, ...], multiplier: int, offset: int, separator: str = ""):
        self.endings = endings
        self.separator = separator
        self.size = len(_SYLLABLES) ** 2 * len(endings)
        if math.gcd(multiplier, self.size) != 1:
            raise ValueError(f"multiplier {multiplier} must be coprime to the name space size {self.size}")
        self.multiplier = multiplier
        self.offset = offset

    def __call__(self, i: int) -> str:
        u = (i * self.multiplier + self.offset) % self.size
        u, end = divmod(u, len(self.endings))
        a, b = divmod(u, len(_SYLLABLES))
        return (_SYLLABLES[a] + _SYLLABLES[b]).capitalize() + self.separator + self.endings[end]


# A person's surname is unique per (article, role); roles are the three people a fact names.
_ROLES = 3
MAX_ARTICLES = (len(_SYLLABLES) ** 2 * len(_SURNAME_ENDINGS)) // _ROLES
"""How many articles the generator can make with unique fact names (16,725 with these word lists)."""


def _namers(seed: int) -> tuple[_Namer, _Namer, _Namer]:
    rng = random.Random(f"namers:{seed}")
    return (_Namer(_TOWN_ENDINGS, 7919, rng.randrange(1 << 30)),
            _Namer(_SURNAME_ENDINGS, 104729, rng.randrange(1 << 30)),
            _Namer(_ORG_KINDS, 15485863, rng.randrange(1 << 30), separator=" "))


def make_article(i: int, seed: int = 0) -> SynthArticle:
    """Article number i of the corpus with this seed (same arguments, same text)."""
    if not 0 <= i < MAX_ARTICLES:
        raise ValueError(f"article index {i} is out of range: the generator makes at most {MAX_ARTICLES} articles")
    towns, surnames, orgs = _namers(seed)
    rng = random.Random(f"article:{seed}:{i}")

    def person(role: int | None = None) -> str:
        # A fact's person has a reserved surname; a filler person takes any name (a distractor).
        k = _ROLES * i + role if role is not None else rng.randrange(surnames.size)
        return f"{rng.choice(_FIRST_NAMES)} {surnames(k)}"

    def other_town() -> str:
        return towns(rng.randrange(towns.size))

    def other_org() -> str:
        return orgs(rng.randrange(orgs.size))

    name = f"synth-{i:05d}.txt"
    town, org = towns(i), orgs(i)
    mayor, founder, chief = person(0), person(1), person(2)
    date = datetime.date(2020, 1, 1) + datetime.timedelta(days=rng.randrange(6 * 365))
    facility = rng.choice(_FACILITIES)
    cost = rng.randrange(12, 980)
    currency = rng.choice(_CURRENCIES)
    founded = rng.randrange(1890, 2015)
    employees = f"{rng.randrange(120, 48000):,}"
    plan = rng.choice(_PLANS)
    facts_text = [
        f"{mayor}, the mayor of {town}, said on {_MONTHS[date.month - 1]} {date.day} that the city would "
        f"{plan} within {rng.randrange(2, 9)} years.",
        f"The new {facility} in {town} will cost {cost} million {currency}, according to {chief}, the chief "
        f"executive of {org}, which is leading the consortium.",
        f"{org} was founded in {founded} by {founder} and now employs {employees} people across the region.",
    ]
    facts = (
        FactQuestion(f"Who is the mayor of {town}?", mayor, name),
        FactQuestion(f"How much will the new {facility} in {town} cost?", f"{cost} million", name),
        FactQuestion(f"Who is the chief executive of {org}?", chief, name),
        FactQuestion(f"Who founded {org}?", founder, name),
        FactQuestion(f"How many people does {org} employ?", employees, name),
        FactQuestion(f"In which year was {org} founded?", str(founded), name),
    )

    def fill(template: str, **fixed: str) -> str:
        profession = rng.choice(_PROFESSIONS)
        values = dict(
            town=rng.choice([town, other_town(), other_town()]), building=rng.choice(_BUILDINGS),
            weekday=rng.choice(("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")),
            plan=rng.choice(_PLANS), person=person(), adjective=rng.choice(_ADJECTIVES), body=rng.choice(_BODIES),
            topic=rng.choice(_TOPICS), direction=rng.choice(_DIRECTIONS), pct=f"{rng.randrange(1, 400) / 10:.1f}",
            period=rng.choice(("first quarter", "second quarter", "past year", "summer months", "last decade")),
            year=rng.randrange(1950, 2020), year2=rng.randrange(2021, 2031), profession=profession,
            a_profession=("an " if profession[0] in "aeiou" else "a ") + profession,
            consequence=rng.choice(_CONSEQUENCES), month=rng.choice(_MONTHS), org=rng.choice([org, other_org()]),
            small=rng.randrange(2, 30), facility_plural=rng.choice(_FACILITIES) + "s",
            years=rng.randrange(3, 40), obstacle=rng.choice(_OBSTACLES), event=rng.choice(_EVENTS),
            visitors=f"{rng.randrange(800, 250000):,}", more_or_fewer=rng.choice(("more", "fewer")),
            letters=rng.randrange(20, 3000), facility=rng.choice(_FACILITIES), weeks=rng.randrange(2, 40))
        values.update(fixed)
        return template.format(**values)

    def sentence() -> str:
        text = fill(rng.choice(_FILLER))
        if rng.random() < 0.7:
            text = text[:-1] + ", " + fill(rng.choice(_CLAUSES)) + "."
        return text

    headline = fill(rng.choice(_HEADLINES), town=town, org=org, facility=facility)
    paragraphs = [[sentence() for _ in range(rng.choice((1, 2, 3, 3)))] for _ in range(rng.randint(4, 8))]
    for fact in facts_text:
        para = rng.choice(paragraphs)
        para.insert(rng.randint(0, len(para)), fact)
    body = "\n\n".join(" ".join(p) for p in paragraphs)
    text = f"date {date.isoformat()}\n{headline}\n\n{body}\n"
    return SynthArticle(name, text, facts)


def make_corpus(n_articles: int, out_dir: Path, seed: int = 0) -> list[Path]:
    """Write articles 0..n_articles-1 to out_dir (UTF-8, \\n line ends) and return their paths."""
    if n_articles < 0:
        raise ValueError(f"n_articles must be 0 or more, not {n_articles}")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n_articles):
        article = make_article(i, seed)
        path = out_dir / article.name
        path.write_bytes(article.text.encode("utf-8"))
        paths.append(path)
    return paths


def fact_questions(indices: list[int] | range, seed: int = 0, per_article: int = 1) -> list[FactQuestion]:
    """Questions about the given articles; per_article of each article's facts, rotating through
    the kinds of fact so that a sample of articles asks every kind."""
    out = []
    for n, i in enumerate(indices):
        facts = make_article(i, seed).facts
        out.extend(facts[(n * per_article + k) % len(facts)] for k in range(per_article))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.synth", description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="number of articles")
    parser.add_argument("out_dir", type=Path, help="folder to write them to (created if missing)")
    parser.add_argument("--seed", type=int, default=0, help="same seed, same articles (default 0)")
    args = parser.parse_args(argv)
    if not 0 <= args.n <= MAX_ARTICLES:
        print(f"error: N must be between 0 and {MAX_ARTICLES}, not {args.n}", file=sys.stderr)
        return 2
    paths = make_corpus(args.n, args.out_dir, args.seed)
    size = sum(p.stat().st_size for p in paths)
    print(f"wrote {len(paths)} articles ({size / 1e6:.1f} MB) to {args.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

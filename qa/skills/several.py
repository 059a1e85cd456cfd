"""Several names asked about at once ("who are Fiona Marchetti and Owen Tredwell?", "what are CARB and the SBA?"):
each answered as if asked alone, one line each, the citations numbered through the whole answer."""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Callable

from qa.compose.compose import Draft
from qa.types import Route

from .cite import SkillAnswer

_MARKER = re.compile(r"\[(\d+)\]")


def each_of(parts: list[str], describe: Callable[[str], SkillAnswer | None], label: Callable[[str], str],
            is_name: Callable[[str], bool]) -> SkillAnswer | None:
    """One line per part: its label (the name as the article gives it) and what `describe` says of it; a part
    the articles never name is said to be missing at the end. None when none is found, or when a part that is
    not found is no name at all ("the head of finance and operations": one role, not two people)."""
    found: list[tuple[str, SkillAnswer]] = []
    missing: list[str] = []
    for part in parts:
        answer = describe(part)
        if answer is not None and answer.draft.route is not Route.ABSTAIN:  # not "they never mention X"
            found.append((label(part), answer))
        elif is_name(part):
            missing.append(part)
        else:
            return None
    if not found:
        return None
    citations, lines, at = [], [], {}
    for name, answer in found:
        renumber = {}
        for c in answer.draft.citations:
            key = (c.source, c.start, c.end)
            if key not in at:
                at[key] = len(citations) + 1
                citations.append(replace(c, index=at[key]))
            renumber[c.index] = at[key]
        text = _MARKER.sub(lambda m: f"[{renumber.get(int(m.group(1)), int(m.group(1)))}]", answer.draft.text)
        lines.append(f"- {name}: {text}")
    if missing:
        lines.append(f"The articles don't mention {' or '.join(missing)}.")
    return SkillAnswer(Draft("\n".join(lines), tuple(citations), Route.DEFINITION))

"""What a study or a report found: a question asking for it ("What did the survey show?") and a sentence that
states it ("…, according to a study", "The report rated the tower as poor")."""
from __future__ import annotations

import re

DOCUMENTS = ("study|report|survey|research|analysis|review|poll|audit|investigation|inquiry|trial|experiment|data|"
             "assessment|inspection|evaluation")
"""What a study or a report is called: a source that finds and states, not a person who says."""
FINDINGS = re.compile(
    r"^\s*what\s+(?:did|does|do|has|have)\s+(?:the|this|that|a|their|its)?\s*(?:[\w'’-]+\s+){0,2}?"
    rf"(?P<source>{DOCUMENTS}|researchers|scientists)\s+(?:find|found|show|conclude|suggest|reveal|say)\b", re.I)
"""A question for what a study or report found ("What did the study find?", "What did the survey say?")."""
_STATED = r"(?:found|finds|showed|shows|shown|concluded|concludes|suggested|suggests|revealed|reveals"
_BY_DOCUMENT = re.compile(rf"^\s*(?:the|its|that|this)\s+(?:[\w-]+\s+)?(?:{DOCUMENTS})\s+(?:has\s+|had\s+)?"
                          rf"{_STATED}|said|says|rated|recommended|warned|estimated|described|noted|stated)\b", re.I)


def is_document(text: str) -> bool:
    """Does the text name a study or a report ("the 2022 survey", "the council's review")?"""
    return re.search(rf"\b(?:{DOCUMENTS})s?\s*$", text.strip(), re.I) is not None


def states_findings(source: str, sentence: str, before: str = "") -> bool:
    """Does the sentence give what the source found: attributed to it ("…, according to a study", "the study
    found that …", "researchers showed …"), or, the source named just `before` it, opened by the report that
    states it ("The council commissioned a survey in 2022. The report rated the tower as poor.")?"""
    noun = re.escape(source.lower().rstrip("s"))
    # "The firm's report, delivered two weeks ago, found ...": a clause between commas may come between.
    return re.search(rf"\baccording\s+to\s+(?:a|an|the|their|its|this)?\s*(?:[\w-]+\s+){{0,2}}?{noun}s?\b"
                     rf"|\b{noun}s?(?:,[^,]{{1,80}},)?\s+(?:has\s+|have\s+)?{_STATED})\b", sentence,
                     re.I) is not None or (
        re.search(rf"\b{noun}s?\b", before, re.I) is not None and _BY_DOCUMENT.match(sentence) is not None)

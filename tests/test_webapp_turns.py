"""The assistant's turns as HTML: sure, likely (with alternatives), refused, pending; the headline shown once."""
from __future__ import annotations

import dataclasses

from qa import Answer, Citation, Short
from qa.types import Level
from webapp import render, turns

TEXT = ("Ferry to Umeå\n\nThe crossing takes three hours. Berg expects 300 passengers a day. "
        "A second ship may join next year.")


def cite(quote: str, index: int = 1, role: str = "support") -> Citation:
    start = TEXT.index(quote)
    return Citation(index=index, source="ferry.txt", title="Ferry to Umeå", date="2024-03-14", passage_id="p",
                    start=start, end=start + len(quote), quote=quote, score=0.8, passage_start=0,
                    passage_end=len(TEXT), passage_text=TEXT, role=role)


def short(phrase: str, c: Citation) -> Short:
    start = c.start + c.quote.index(phrase)
    return Short(text=phrase, citation=c.index, start=start, end=start + len(phrase), quote=phrase)


def likely_answer() -> Answer:
    c = cite("Berg expects 300 passengers a day.")
    alt = cite("A second ship may join next year.", index=2, role="alternative")
    return Answer(text=f"{c.quote} [1]", citations=(c,), short=short("300 passengers", c), level=Level.LIKELY,
                  confidence=0.62, alternatives=(alt,))


def test_sure_answer_has_no_unsure_label_nor_alternatives():
    c = cite("The crossing takes three hours.")
    html = turns.render_answer(Answer(text=f"{c.quote} [1]", citations=(c,), confidence=0.95), "How long?")
    assert html.startswith('<div class="qa-turn qa-answered"')
    assert "qa-likely" not in html and "Also possibly" not in html and "qa-alt" not in html


def test_likely_answer_says_so_and_offers_the_alternatives_as_secondary_cards():
    html = turns.render_answer(likely_answer(), "How many passengers?")
    assert html.startswith('<div class="qa-turn qa-answered qa-likely"')
    assert '<div class="qa-likely-label">Not certain: about 62% likely</div>' in html
    assert html.index("qa-likely-label") < html.index('<div class="qa-short">300 passengers</div>')
    also = html[html.index('<div class="qa-cites qa-alternatives">'):]
    assert '<div class="qa-cites-label">Also possibly</div>' in also
    assert '<details class="qa-cite qa-n-2 qa-alt">' in also
    assert "<mark>A second ship may join next year.</mark>" in also
    assert "qa-phrase" not in also  # the answer phrase is marked in the answer's own citation only


def test_likely_copy_text_says_it_is_not_certain_and_lists_the_alternatives():
    text = turns.copy_text(likely_answer())
    assert text == ("300 passengers\n\nBerg expects 300 passengers a day. [1]\n(Not certain: about 62% likely.)\n\n"
                    "[1] Ferry to Umeå (14 Mar 2024): “Berg expects 300 passengers a day.”\n\nAlso possibly:\n"
                    "[2] Ferry to Umeå (14 Mar 2024): “A second ship may join next year.”")


def test_a_likely_answer_without_a_confidence_yet_is_still_said_to_be_unsure():
    assert turns.likely_note(dataclasses.replace(likely_answer(), confidence=0.0)) == "Not certain"


def test_a_likely_answer_read_off_the_sentences_form_says_so_instead_of_the_judges_low_number():
    from qa.compose.in_form import IN_FORM

    vouched = dataclasses.replace(likely_answer(), confidence=0.06, reason=IN_FORM)
    assert turns.likely_note(vouched) == f"Not certain: {IN_FORM}" and "6%" not in turns.render_answer(vouched, "q")


def test_a_doubtful_answer_says_why_when_the_claim_is_unsettled_else_how_likely():
    doubtful = dataclasses.replace(likely_answer(), level=Level.DOUBTFUL, short=None, confidence=0.9)
    assert turns.likely_note(doubtful) == "Probably not in the articles: about 90% likely"
    unsettled = dataclasses.replace(doubtful, reason="it is spoken of only as planned")
    assert turns.likely_note(unsettled) == "Not settled in the articles: it is spoken of only as planned"
    assert '<div class="qa-likely-label">Not settled in the articles: it is spoken of only as planned</div>' \
        in turns.render_answer(unsettled, "Will a second ship join?")


def test_refusal_by_level_or_by_abstaining_shows_no_phrase_and_no_alternatives():
    c = cite("The crossing takes three hours.", role="closest")
    refused = Answer(text="The articles don't say. The closest passage [1] is not an answer.", citations=(c,),
                     reason="no price", level=Level.REFUSED, short=short("three hours", c),
                     alternatives=(cite("A second ship may join next year.", 2, "alternative"),))
    html = turns.render_answer(refused, "What does it cost?")
    assert html.startswith('<div class="qa-turn qa-abstained"') and "Not in the articles" in html
    assert "qa-short" not in html and "Also possibly" not in html and "qa-phrase" not in html


def test_pending_turn_is_a_status_without_answer_text():
    html = turns.render_pending()
    assert 'class="qa-turn qa-pending" role="status"' in html and "Looking through the articles…" in html


def test_the_headline_is_not_repeated_as_the_passage_s_first_line():
    html = render.render_citation(cite("The crossing takes three hours."))
    assert html.count("Ferry to Umeå") == 2  # the title and its tooltip, not the passage
    full = html[html.index('<div class="qa-cite-full">'):]
    assert full.startswith('<div class="qa-cite-full"><mark>The crossing takes three hours.</mark>')


def test_a_cited_headline_itself_stays():
    html = render.render_citation(cite("Ferry to Umeå"))
    assert "<mark>Ferry to Umeå</mark>" in html


def test_small_talk_shows_no_confidence_label():
    from qa.types import Route

    answer = Answer(text="Hello! Ask me about the articles.", route=Route.SMALLTALK, level=Level.NONE)
    html = turns.render_answer(answer, "hi")
    assert html.startswith('<div class="qa-turn qa-answered"') and "likely" not in html.lower()
    assert "qa-abstain-label" not in html and "Not certain" not in turns.copy_text(answer)


# --- issue 26: a summary quoting a list ---------------------------------------------------------------------

QUOTED_LIST = ("The quay opened on Monday. [1] - Ships up to 200 metres can dock. [2] - Ferries leave from it. [3] "
               "Berg said it cost 40 million euros. [4]")


def test_sentences_quoted_from_a_list_go_on_lines_of_their_own():
    assert render.list_lines(QUOTED_LIST) == ("The quay opened on Monday. [1]\n- Ships up to 200 metres can dock. [2]\n"
                                             "- Ferries leave from it. [3]\nBerg said it cost 40 million euros. [4]")
    # A dash inside a sentence, or after no marker, is text.
    assert render.list_lines("Vaasa - Umeå takes 4 hours. [1] It is new - and free. [2]") == \
        "Vaasa - Umeå takes 4 hours. [1] It is new - and free. [2]"


def test_a_quoted_list_renders_as_a_list_without_its_dashes():
    html = render.lines_html(QUOTED_LIST)
    assert html == ('The quay opened on Monday. [1]<br><ul class="qa-list"><li>Ships up to 200 metres can dock. [2]'
                    '</li><li>Ferries leave from it. [3]</li></ul>Berg said it cost 40 million euros. [4]')


def test_copied_answer_has_a_quoted_list_on_lines_of_its_own():
    c = cite("The crossing takes three hours.")
    answer = Answer(text=f"{c.quote} [1] - Berg expects 300 passengers a day. [1]", citations=(c,))
    assert turns.copy_text(answer).startswith("The crossing takes three hours. [1]\n- Berg expects 300 passengers")


def test_suggested_questions_carry_their_article_and_are_text():
    html = render.render_suggestions([("What is this article about?", "quay <1>.txt"), ("Who is <b>X</b>?", "q.md")])
    assert '<button type="button" class="qa-suggest-q" data-source="quay &lt;1&gt;.txt">What is this article about?' \
           '</button>' in html
    assert "Who is &lt;b&gt;X&lt;/b&gt;?" in html and "<b>" not in html
    assert render.render_suggestions([]) == ""

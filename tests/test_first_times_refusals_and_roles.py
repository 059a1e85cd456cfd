"""Yes/no questions a chat asks of a news story: "was it the first time?" (qa/compose/first_time.py); "did the
council pay?" answered by a refusal (qa/compose/refused.py); "was anyone injured?" by "No injuries were reported"
(the deed's noun, lang/nominals.json built by training/nominals.py); "is the pier open yet?" by "will stay closed"
(qa/compose/rephrased.py); and "is the owner going to appeal?" about the one person the article calls the owner
(qa/skills/by_role.py)."""
from __future__ import annotations

import pytest

from lang.paraphrase import deed_nouns
from lang.words import stem
from qa.compose.first_time import first_time
from qa.compose.refused import refused
from qa.compose.yesno import yes_no
from qa.skills.by_role import named_by_role
from test_people_kinds import article

ZOO = ("The council's licensing committee revoked the licence of Hollowmere Animal Park on Monday. The park's owner, "
       "Graham Pryde, blamed falling visitor numbers. Head keeper Lucy Varley said keepers had raised concerns. The "
       "deputy headteacher of the village school, Tom Yardley, said pupils had visited. Pryde said he would appeal.\n")


@pytest.mark.parametrize("question, sentence, verdict", [
    ('Was it the first time they met?', 'It was reportedly the first meeting between Putin and Haftar.', 'Yes'),
    ('was this the first time inspectors found problems at hollowmere?', 'A previous inspection in 2023 had already found problems, and the owner was told to hire a vet.', 'No'),
    ('Is this the first time the river has flooded?', 'The river flooded in 2007 and again in 2012.', 'No'),
    ('Is it the first strike at the firm?', "It is the first strike in the firm's history.", 'Yes'),
    ('Is it the first strike at the firm?', 'It is the first strike at the firm in 30 years.', None),
    ('Is it the first strike at the firm?', 'It is the first strike at the firm since 1998.', None),
    ('Is it the first strike at the firm?', 'It is the first strike at the firm in more than 30 years.', None),
    ('Is it the first strike at the firm?', 'It is the first strike at the firm for more than a decade.', None),
    ('Is it the first strike at the firm?', 'It is the first strike at the firm this century.', None),
    ('Is this the first time the river has flooded?', 'It is the first time the bridge has been closed.', None),
    ('Was it the first time Hart had been sent off?', 'It was the first time Moss had been sent off in his career.', None),
    ('Was it the first time Smith had been arrested?', 'It was the first time Jones had been arrested.', None),
    ('Is it the first strike at the firm?', 'If it goes ahead, it would be the first strike at the firm.', None),
    ('Is it the first strike at the firm?', 'Union leaders said it could be the first strike at the firm.', None),
    ('Is it the first strike at the firm?', 'Bosses denied it was the first strike at the firm.', None),
    ('Is it the first strike at the firm?', 'Staff went on strike at the firm in the first week of March.', None),
    ('Is it the first time the firm has cut jobs?', 'The firm cut jobs on Monday, the first day of the new financial year.', None),
    ('Is it the first time the council was fined?', 'The council was fined in its first year under the new law.', None),
    ('Is this the first time the river has flooded?', 'Earlier this week the river flooded, for the first time ever.', None),
    ('Is it the first time the firm has cut jobs?', 'It was the first time the firm had cut jobs, a spokesman said, adding that wages had already been frozen.', 'Yes'),
    ('Is it the first time the firm has cut jobs?', 'The firm previously said it would not cut jobs.', None),
    ('Is it the first time the firm has cut jobs?', 'It was the first time the firm had cut jobs, a spokesman said.', 'Yes'),
    ('Is this the first time the village has been cut off?', 'The village was cut off for the second day running on Tuesday.', None),
    ('Was it the first time she had won?', 'It was her first win of the season.', None),
    ('Is this the first time the river has flooded?', 'It was the first time the river had flooded the museum, staff said.', None),
    ('Is this the first time the council has been hacked?', 'The council, which previously ran its own IT, was hacked on Monday.', None),
    ('Is it the first time the zoo has been fined?', 'The zoo was fined £5,000 in the third week of the inquiry.', None),
    ('Is this the first time the council has been hacked?', 'It is the first time the council has been hacked by a foreign gang.', None),
    ('Is this the first time the council has been hacked?', 'It is the first time a council has been hacked this way.', None),
    ('Is it the first time the station has flooded?', 'The station flooded for a second time in a week.', 'No'),
])
def test_the_first_time_said_or_a_time_before(question, sentence, verdict):
    # Another person's first time, one in 30 years or only supposed, "the first week", or a sentence that says both
    # a first and a time before: no verdict, however else the words read.
    assert yes_no(question, sentence) == verdict
    assert first_time("Did the firm cut jobs?", sentence) is None  # not asked of a first time


@pytest.mark.parametrize("question, sentence, before, found", [
    ('did the council pay the ransom', 'She said the council would not pay.', 'demanded a payment', True),
    ('did the council pay the ransom', 'The council refused to pay the ransom.', '', True),
    ('has the firm cut jobs', 'The firm will not cut jobs.', '', True),
    ('did the club sack the manager', 'The club said it would not sack the manager.', '', True),
    ('did the council pay the ransom', 'At first the council said it would not pay the ransom.', '', False),
    ('did the council pay the ransom', 'The council, which initially refused to pay the ransom, paid £200,000 in bitcoin.', '', False),
    ('did the council pay the ransom', 'Although the council had said it would not pay, it paid the ransom after a week.', '', False),
    ('did the minister resign', 'The minister, who had refused to resign for weeks, stepped down on Friday.', '', False),
    ('did the player sign the contract', 'The player refused to sign the contract in January but signed a new deal in May.', '', False),
    ('did the council sell the land', 'The council would not sell the land to developers and sold it to a housing trust.', '', False),
    ('did the minister apologise', 'The minister would not apologise again, saying she had already apologised in Parliament.', '', False),
    ('has the company paid the fine', 'The company has paid the fine but will not pay the compensation.', '', False),
    ('did smith pay', 'Smith said Jones would not pay.', '', False),
    ('did the union accept the offer', "Members voted to accept the offer, though the union's executive would not accept it.", '', False),
    ('did the council pay', 'The council said residents would not pay more.', '', False),
    ('did the bank lend the money', 'Other banks would not lend the money.', '', False),
    ('did the firm cut jobs', "The firm's rivals would not cut jobs.", '', False),
    ('did the council pay the ransom', 'It refused to pay.', 'The council asked its insurer to cover the ransom.', False),
    ('did the council publish the report', "The council refused to publish the report's appendix.", '', False),
    ('did police release the man', "Police would not release the man's name.", '', False),
    ('did the council grant permission', 'The council would not grant permission for a second storey.', '', False),
    ('did the school expel the pupil', 'The head said the school would not expel a pupil for a first offence.', '', False),
    ("did the club appeal against hart's red card", "Manager Tom Hale said the club would not appeal against Moss's red card.", 'Hart was sent off.', False),
    ('did the union accept the offer', 'The union would not accept the offer without a ballot.', '', False),
    ('did the club sack the manager', 'The chairman said it would not sack the manager.', '', False),
    ('did the council pay', 'Smith said they would not pay.', '', False),
    ('did the bank cut rates', 'In a poll last week, most economists said the Bank would not cut rates.', '', False),
    ('did the council pay the ransom', 'The parish council would not pay.', '', False),
    ('did the council pay', 'Residents feared the council would not pay compensation.', '', False),
    ('did the mayor resign', 'Opposition councillors predicted the mayor would not resign.', '', False),
    ('did the company recall the cars', 'Last year the company said it would not recall the cars.', '', False),
    ('did police charge him', "The man's family said police would not charge him.", '', False),
    ('did the council pay the ransom', 'Helen Marchbank said the council would not pay.', '', True),
    # Not asked whether it was done.
    ("will the council pay the ransom", "The council refused to pay the ransom.", "", False),
])
def test_a_deed_refused_was_not_done(question, sentence, before, found):
    assert refused(question, sentence) is found  # the sentence alone decides: `before` names no doer


@pytest.mark.parametrize("question, sentence, verdict", [
    ('was anyone injured?', 'No injuries were reported.', 'No'),
    ('Did anyone die in the fires?', 'No deaths have been reported.', 'No'),
    ('was anyone injured?', 'No injuries were reported, police said.', 'No'),
    ('was anyone arrested at the match?', 'The match passed off calmly and no arrests were made.', 'No'),
    ('was anyone injured?', "No injuries were reported among the plant's staff, but a firefighter was taken to hospital with burns.", None),
    ('was anyone injured?', 'No injuries were reported at the scene, but a woman later went to hospital with a broken wrist.', None),
    ('was anyone injured?', 'There were no injuries to staff, but two customers were treated for smoke inhalation.', None),
    ('was anyone injured in the second fire?', 'No injuries were reported in the first fire.', None),
    ('was anyone killed?', 'No killer has been identified.', None),
    ('was anyone treated?', 'No treatment was available on the island, so patients were flown to the mainland.', None),
    ('was anyone paid?', 'No payment was made for the first six months.', None),
    ('was anyone hurt?', 'There were no injuries.', 'No'),
    ('was anyone hurt?', 'No injuries were reported, although several cars were damaged by falling branches.', None),
    ('was anyone hurt?', 'Two people were hurt.', 'Yes'),
    ('was anyone injured?', 'At first no injuries were reported.', None),
])
def test_a_deed_denied_by_its_noun_none_at_all(question, sentence, verdict):
    # None at all, and nothing more said of it: not "no injuries at the scene, but ...", "in the first fire".
    assert yes_no(question, sentence) == verdict


def test_a_refusal_and_a_deeds_noun_denied_answer_no():
    assert yes_no("did the council pay the ransom", "She said the council would not pay.", "A payment was demanded.") \
        == "No"
    assert yes_no("was anyone injured?", "No injuries were reported.") == "No"
    assert yes_no("Did anyone die in the fires?", "No deaths have been reported.") == "No"
    assert yes_no("was anyone injured?", "Two people suffered minor burns, and no serious injuries were reported.") \
        is None  # some were hurt, none badly
    # The deed's nouns are WordNet's acts and events, not its doers or tools.
    assert stem("injury") in deed_nouns(stem("injure")) and stem("payment") in deed_nouns(stem("pay"))
    assert stem("payer") not in deed_nouns(stem("pay"))


@pytest.mark.parametrize("question, sentence, verdict", [
    ('is the pier open again yet', 'The pier will stay closed for the rest of the summer.', 'No'),
    ('is the road open yet', 'The road will stay shut for now.', 'No'),
    ('is the school closed', 'The school will stay open.', 'No'),
    ('is the school still open', 'The school will stay open.', 'Yes'),
    ('is the road open yet', 'The A30 would stay closed to lorries over 18 tonnes.', None),
    ('is the library open', 'The library will remain closed if the strike goes ahead.', None),
    ('is the library open', 'Campaigners fear the library will stay closed.', None),
    ('is the museum open', 'Other museums in the city will stay closed.', None),
    ('is the school open', "The school's swimming pool will stay closed.", None),
    ('is the line open yet', 'The line would remain closed between Exeter and Newton Abbot.', None),
    ('is the library open', 'The library will remain closed on Sundays.', None),
    ('is the pier open', 'The pier will stay closed for at least six weeks.', 'No'),
    ('is the park open?', 'The car park at Towan Park will remain closed, the council said.', None),
    ('is the coast road open?', 'One lane of the coast road will stay closed while a fallen tree is cleared.', None),
    ('is the road open', 'The slip road will remain closed.', None),
    ('is the road open', 'The road will remain closed after 6pm each evening.', None),
])
def test_kept_open_or_shut_is_the_state_now(question, sentence, verdict):
    assert yes_no(question, sentence) == verdict


def test_a_role_asked_is_the_one_person_the_article_gives_it():
    def unread():
        raise AssertionError("read for a question that names no role")

    # Only a yes/no question that says "the ..." has the articles read for it.
    assert named_by_role("what did the owner say?", unread) == "what did the owner say?"
    assert named_by_role("is Pryde going to appeal?", unread) == "is Pryde going to appeal?"
    doc = article(ZOO)
    assert named_by_role("is the owner going to appeal", lambda: [doc]) == "is Graham Pryde going to appeal"
    assert named_by_role("did the park's owner blame the floods?", lambda: [doc]) == "did Graham Pryde blame the floods?"
    assert named_by_role("did the head keeper raise concerns", lambda: [doc]) == "did Lucy Varley raise concerns"
    # Another's owner, a role that is only part of another's ("the deputy headteacher"), a person already named, a
    # question that is not yes/no: as asked.
    for question in ("did the zoo's owner blame the floods?", "is the headteacher still paid?",
                     "is Pryde the owner?", "what did the owner say?"):
        assert named_by_role(question, lambda: [doc]) == question
    # A role of something else ("the leader of the opposition"), or one whose last word another's role ends in too
    # ("United manager Phil Dunn" beside "the manager of Rovers"): as asked.
    council = article("Council leader Sam Ford apologised on Monday. The leader of the opposition, Jo Reed, called for "
                      "him to resign.\n")
    clubs = article("United manager Phil Dunn praised his side. The manager of Rovers, Tom Hale, criticised the "
                    "referee. The club's chairman, Roy Blake, backed Hale. The supporters' trust chairman, Gary Webb, "
                    "called for Hale to go.\n")
    for doc, question in ((council, "did the leader of the opposition apologise?"), (council, "did the leader apologise"),
                          (clubs, "did the manager criticise the referee?"),
                          (clubs, "did the chairman call for the manager to go?")):
        assert named_by_role(question, lambda: [doc]) == question


@pytest.mark.integration
def test_a_role_a_refusal_and_a_first_time_through_the_service(tmp_path, embedder):
    from support import service_on
    from test_answer import assert_citations_are_exact

    text = ("# Zoo loses licence\n\nHollowmere Animal Park has lost its licence after inspectors found animals kept in "
            "dirty enclosures. A previous inspection in 2023 had already found problems at the park.\n\nThe park's "
            "owner, Graham Pryde, blamed falling visitor numbers after floods. Criminals later hacked the park's "
            "computers and demanded a ransom. Pryde said the park would not pay.\n\nThe council's licensing "
            "committee met on Monday. Pryde said he would appeal.\n")
    service, texts = service_on(tmp_path, embedder, "zoo.md", text)
    appeal = service.answer("is the owner going to appeal")
    assert appeal.searched == "is Graham Pryde going to appeal" and appeal.text.startswith("Yes")
    assert "Pryde said he would appeal." in appeal.text
    first = service.answer("was this the first time inspectors found problems at hollowmere?")
    assert first.text.startswith("No") and "previous inspection" in first.text
    for answer in (appeal, first):
        assert_citations_are_exact(answer, texts)


def test_who_chairs_a_body_is_its_chair_not_its_finance_director():
    from lang.forms import form
    from qa.skills.holders import role_holder

    assert form("who chairs the hospital trust").subject == "chair of hospital trust"
    assert form("who runs the hospital trust").subject == "head of hospital trust"
    doc = article("The Elmsbury Hospitals Trust approved the rise. The trust's director of finance, Andrew Callow, "
                  "said it was needed. A deputy chief executive of the trust, Raj Menon, voted against. The trust's "
                  "chair, Helen Vine, said the board had listened.\n")
    assert role_holder(doc, "chair of elmsbury hospitals trust").name == "Helen Vine"
    assert role_holder(doc, "head of elmsbury hospitals trust").name == "Helen Vine"  # not the finance director, nor a deputy
    doc = article("The Elmsbury Hospitals Trust approved the rise. The trust's director of finance, Andrew Callow, "
                  "said it was needed. Its chief scientist, Ann Poole, agreed.\n")
    assert role_holder(doc, "head of elmsbury hospitals trust") is None
    # The body asked by its kind alone ("who chairs the trust?"): still its chair, not a department's or a branch's.
    doc = article("The Elmsbury Hospitals Trust approved the rise. The trust's finance director, Andrew Callow, said it "
                  "was needed. The trust's chair, Helen Vine, said the board had listened. Unison's branch chair at the "
                  "trust, Pat Dunn, objected. Its ex-chief executive, Tom Ray, criticised it.\n")
    assert role_holder(doc, "chair of trust").name == role_holder(doc, "head of trust").name == "Helen Vine"
    assert role_holder(doc, "chair of unison") is None
    # The chair of something of the body's ("chair of the trust's patients' panel") chairs that, not the body.
    doc = article("The Elmsbury Hospitals Trust approved the rise. Bill Ash, chair of the trust's patients' panel, said "
                  "it would hit the poorest hardest.\n")
    assert role_holder(doc, "chair of trust") is None


def test_why_a_thing_happened_is_what_the_article_says_caused_it():
    from qa.skills.causes import why
    from support import article_doc

    doc = article_doc("# Road shut\nA landslip has closed the only road into Carnwherry. The highways authority said the slip was "
                  "caused by weeks of heavy rain. The road will stay shut for six weeks.\n")
    found = why([doc], "why did the landslip happen")
    assert found is not None and "caused by weeks of heavy rain" in found.draft.text
    # Another thing caused, or a deed the cause is not named for: not this.
    assert why([article_doc("# Road shut\nA landslip has closed the road. The flooding was caused by a blocked drain.\n")],
               "why did the landslip happen") is None
    other = why([doc], "why did the council sell the road")
    assert other is None or "caused by" not in other.draft.text
    # A cause denied, doubted or still asked about is no cause given; nor is another one's ("That slip", told before).
    for said in ("The road was last blocked by a slip in 2014. That slip was caused by a burst water main.",
                 "The council denied the slip was caused by its tree felling.",
                 "It is not clear whether the slip was caused by the rain.",
                 "Geologists said it was unlikely the slip was caused by the quarry."):
        doc = article_doc(f"# Road shut\nA landslip has closed the only road into Carnwherry. {said}\n")
        found = why([doc], "why did the landslip happen")
        assert found is None or "caused by" not in found.draft.text


def test_what_someone_is_worried_about_is_their_view_however_typed():
    from lang.forms import Kind, form

    for question, who in (("whats she worried about", "she"), ("what's Margaret Oldroyd worried about", "Margaret Oldroyd"),
                          ("what is the union angry about", "the union")):
        found = form(question)
        assert found.kind is Kind.OPINION and found.subject == who
    assert form("what is the study about").kind is Kind.SUMMARY  # a story, not a feeling


def test_a_role_just_before_a_name_is_its_role_however_the_parser_hangs_the_name():
    from qa.skills.entities import entities

    doc = article("On 10 March, nurses and porters handed the petition to the trust's chair, Dr Helen Ashworth-Vine, at "
                  "the hospital's main entrance. Ashworth-Vine said the board had listened.\n")
    found = {e.name: e for e in entities(doc)}
    assert found["Helen Ashworth-Vine"].role == "the trust's chair"  # not "the petition"

"""qa/conversation/chitchat.py: greetings and thanks get a short reply; questions do not."""
from __future__ import annotations

from qa.conversation import chitchat


def test_small_talk_gets_a_reply_and_questions_do_not():
    assert chitchat.reply("Hi!") and chitchat.reply("thank you")
    assert chitchat.reply("Who is the mayor?") is None

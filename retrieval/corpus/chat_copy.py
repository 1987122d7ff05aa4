"""A chat channel copied as text: each message's header and the reactions under it.

A moderator may bring a server's rules or an FAQ as they were posted, copied from the channel.
Discord's client copies each message under its header: the sender's name, a bot's "APP" tag
and the time ("ModBot" over "APP" over " — 03/14/2025 4:12 PM", or "Kira — Yesterday at 9:41
AM" on one line), and under the text its reactions, an emoji over its count ("👍" over "12").
They are the page's lines, not the message (``retrieval.corpus.page_furniture``): the text of
a message is what is read, and a question asked in the channel heads the answer under it as
an FAQ's question does.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from retrieval import patterns

_TIME = (
    r"(?:(?:today|yesterday|(?:last )?(?:mon|tues|wednes|thurs|fri|satur|sun)day) at "
    r"|\d{1,2}/\d{1,2}/\d{2,4},? )\d{1,2}:\d{2}(?: ?[ap]\.?m\.?)?"
)
_STAMP = patterns.compile(rf"^[\u2014\u2013-]?\s*{_TIME}$", re.IGNORECASE)
_NAMED_STAMP = patterns.compile(rf"^[^\n]{{1,40}}?\s+[\u2014\u2013-]\s+{_TIME}$", re.IGNORECASE)
_TAG = patterns.compile(r"^(?:\u2713\s*)?(?:APP|BOT)$")
_NAME = patterns.compile(r"^[^\s.!?][^\n.!?]{0,39}$")  # a display name: short, no sentence's end
_NAME_WORDS = 4
_HEADER_CHARS = 80  # a name of 40 characters, a dash and a time
_EMOJI_ONLY = patterns.compile(r"^[^\w\s]{1,8}$")  # "👍", ":)": no letter or digit
# A count alone: a reaction's under its emoji, a post's votes or likes among its buttons
# ("142", "1,204", "1.2k").
TALLY = patterns.compile(r"^\d{1,3}(?:(?:,\d{3})+|(?:\.\d)?k|\d{0,3})$", re.IGNORECASE)


def header_lines(lines: Sequence[str]) -> int:
    """How many of ``lines`` (stripped or not), from the first, are a message's header: its
    sender's name, a bot's tag and its time; 0 when they are not one."""
    first = [line.strip() for line in lines[:3]]
    if not first or len(first[0]) > _HEADER_CHARS:  # a paragraph's first line, not a header's
        return 0
    if _NAMED_STAMP.match(first[0]):
        return 1
    if len(first) < 2 or not _is_name(first[0]) or _TAG.match(first[0]):
        return 0
    if _STAMP.match(first[1]):
        return 2
    return 3 if len(first) == 3 and _TAG.match(first[1]) and _STAMP.match(first[2]) else 0


def reaction_lines(lines: Sequence[str]) -> int:
    """How many of ``lines``, from the last, are reactions: each an emoji over its count."""
    count = 0
    while count + 2 <= len(lines):
        emoji, number = lines[-count - 2].strip(), lines[-count - 1].strip()
        if not (_EMOJI_ONLY.match(emoji) and TALLY.match(number)):
            break
        count += 2
    return count


def _is_name(line: str) -> bool:
    return bool(_NAME.match(line)) and len(line.split()) <= _NAME_WORDS

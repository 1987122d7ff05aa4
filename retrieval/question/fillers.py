"""Words of a question that say how it is asked, not what it is about.

Closed classes of English, none about any one topic:

* hedges and intensifiers ("actually", "basically", "ever", "exactly") and the semi-modals
  that only bend the verb after them ("supposed to", "ought to", "able to", "need to" but not
  "the need to"): "what is the campaign supposed to achieve" asks what the campaign achieves,
  "do I need to be verified" whether one must be;
* a bound prefix written with a hyphen ("pre-congress", "non-nuclear", "ex-wife"): "pre" is
  no word of its own, and what follows it is searched alone;
* the verb of a question about an event, "what happens if I break a rule", "what happened to
  the coach": "happen" asks for what the passage tells (a warning, a ban) and is seldom its
  word;
* the frame of a question asking how long something goes on, "how long do appeals take":
  "long" and "take" ask for a duration ("within seven days", ``verdict.asked_for``), which
  the answer seldom says with either word; "how long is the river" asks a length, and keeps
  "long";
* the words that wrap a question asked of people, opening it before its question word: "does
  anyone know when...", "can someone tell me why...", "any idea how...", "I was wondering
  whether...". A chat asks so; the answer holds none of them. So too a request, opening the
  message, to tell what is known of a subject: "tell me about the roles", "what can you tell
  me about appeals", "explain the steps", "summarize (or sum up) the appeals process", "any
  info on roles" ("what does the article tell us about..." asks a text, and "show rules" may be a
  command: both keep their words);
* courtesies and asides of chat, once its shorthand is spelled out (``question.chat``):
  "please", "thanks (in advance)", "thank you", "by the way", "to be honest", "in my opinion",
  "as far as I know", "if I remember correctly", "for your information", "let me know",
  "haha", "xd", "hmm", "umm", "tl;dr", emoji, "???", "help" beside "please", "quick
  question" or a greeting's "guys" opening the message, and "anyone?", ", guys" or "I do not
  know" closing it after a question. "thanks to the sanctions" gives a cause and stays.

They are left out of the words searched for and weighed, as stop words are. The question's
meaning (``retrieval.index.meaning``) and what it asks for (``retrieval.verdict.asked_for``)
still read its hedges, prefixes and verbs, but not the words around it that a chat adds
(``without_asides``: the last two kinds).
"""

from __future__ import annotations

import re

from retrieval import patterns
from retrieval.lexicon import holds_part, lowered_for_parts

# Hedges and intensifiers, and the semi-modals that take "to" (see the module's docstring).
_HEDGE_WORDS = (
    "actually basically really literally simply truly honestly seriously totally definitely "
    "certainly surely apparently supposedly exactly ever"
).split()
_SEMI_MODALS = ("supposed", "ought", "able", "unable", "need", "needs")
# Every match of ``_HEDGES`` holds one of these (``lexicon.may_hold``).
_HEDGE_PARTS = (*_HEDGE_WORDS, *_SEMI_MODALS)
# The lookahead on first letters lets the scan skip most positions: this runs on every question.
_FIRST_LETTERS = "".join(sorted({word[0] for word in _HEDGE_PARTS}))
_HEDGES = patterns.compile(
    rf"\b(?=[{_FIRST_LETTERS}])(?:{'|'.join(_HEDGE_WORDS)}"
    rf"|(?<!\bthe\s)(?<!\ba\s)(?<!\bno\s)(?<!\bany\s)(?:{'|'.join(_SEMI_MODALS)})\s+to)\b",
    re.IGNORECASE,
)
# "what happens", "what will happen", "what has happened", "what is happening".
_EVENT = patterns.compile(
    r"(?<=\bwhat\s)\s*(?:(?:will|would|could|might|may|can|did|does|do|has|have|had|is|was|"
    r"are|were)\s+)?(happen(?:s|ed|ing)?)\b",
    re.IGNORECASE,
)
# "how long (does it) take": "long", unless a copula follows it ("how long is the river"), and
# the verb "take" after it in the same clause.
_DURATION = patterns.compile(
    r"\bhow\s+(long)\b(?!\s+(?:is|was|are|were|'s)\b)"
    r"(?:[^,;.?!]*?\b(take|takes|took|taken|taking)\b)?",
    re.IGNORECASE,
)
# The wrapper opens the message or a clause ("hey, does anyone know..."), and a question word
# follows it: "how do you know if it worked" asks about knowing, and keeps its words.
_PEOPLE = r"(?:you|u|ya|we|anyone|anybody|someone|somebody|people|y'all|you\s+guys|they)"
_WRAPPER = patterns.compile(
    r"(?:^|(?<=[.?!,;:]))\s*(?:(?:hey|hi|hello|so|ok|okay|um|uh|yo|also|and|but|guys|quick"
    r"\s+question)\W+){0,3}((?:"
    rf"(?:do|does|did)\s+{_PEOPLE}\s+(?:happen\s+to\s+|actually\s+|really\s+)?(?:know|remember)"
    rf"|(?:would|will)\s+{_PEOPLE}\s+(?:happen\s+to\s+)?know"
    r"|(?:anyone|anybody|someone|somebody)\s+(?:knows?|remembers?)"
    rf"|(?:can|could|would|will)\s+{_PEOPLE}\s+(?:please\s+)?(?:tell|explain|show)"
    r"(?:\s+(?:to\s+)?(?:me|us))?"
    r"|(?:please\s+)?(?:tell|explain|show)\s+(?:to\s+)?(?:me|us)"
    r"|(?:any|no)\s+idea|i\s+(?:was\s+|am\s+|'m\s+|\u2019m\s+)?wonder(?:ing)?"
    r"|i\s+(?:want|wanna|would\s+like|'d\s+like|\u2019d\s+like|need)\s+to\s+know"
    r"|i\s+(?:don't|don\u2019t|dont|do\s+not)\s+(?:know|understand|get)"
    r")(?=\s+(?:what|when|where|who|whom|whose|which|why|how|if|whether)\b)"
    # A request for what is known of a subject: "tell me about the roles", "what can you tell
    # me about appeals", "what do you know about bans", "explain the verification".
    rf"|(?:what\s+(?:else\s+)?)?(?:(?:can|could|would|will|do|does)\s+{_PEOPLE}\s+)?"
    r"(?:please\s+)?(?:"
    r"(?:(?:tell|show|give)\s+(?:to\s+)?(?:me|us)|(?:explain|describe)(?:\s+(?:to\s+)?(?:me|us))?"
    r"|(?<=\s)know)(?=\s+(?:(?:a\s+(?:bit|little)\s+|some(?:thing)?\s+|anything\s+)?more\s+)?"
    r"(?:about|of|on|regarding)\b)"
    r"|(?:(?:give|send|get)\s+(?:me|us)\s+)?(?:(?:any|some|more)\s+)?information"
    r"(?=\s+(?:on|about|regarding)\b)"
    r"|(?:explain|describe|summari[sz]e|sum\s+(?:it\s+)?up|(?:show|give)\s+(?:me|us))"
    r"(?=\s+(?:the|a|an|this|that|these|those|your|our|all|some|more|what|when|where|who|which"
    r"|why|how)\b)"
    r"))",
    re.IGNORECASE,
)
# The first word of a question, after which a vocative is no word of it.
_OPENING = (
    r"(?:what|when|where|who|why|how|which|is|are|was|were|does|do|did|can|could|should|will"
    r"|would|has|have|any|anyone|anybody|i)\b"
)
# Courtesies anywhere. The lookahead on first letters lets the scan skip most word starts.
_COURTESY = patterns.compile(
    r"(?<![\w-])(?=[abefhilptux])(?:(?:please\s+)?help\s+(?:me\s+)?please"
    r"|please(?:\s+help(?:\s+me)?)?"
    r"|thanks?(?:\s+you)?(?:\s+(?:so\s+much|a\s+lot|in\s+advance))?(?!\s+to\b)"
    r"|by\s+the\s+way|to\s+be\s+honest|in\s+my\s+(?:humble\s+)?opinion"
    r"|as\s+far\s+as\s+i\s+know|if\s+i\s+remember\s+correctly|for\s+your\s+information"
    r"|let\s+me\s+know|(?:ha){2,}h?|(?:he){2,}|x+d+|h+m{2,}|u+[hm]+|e+r+m+|tl;dr)\b(?!-)",
    re.IGNORECASE,
)
# The asides that only open or close a message: "quick question", a greeting's vocative
# ("hey guys, ..."; "hey" is spelled out as nothing first) before a comma or a question's
# first word; and ", guys" or "anyone?" closing it after a question. Each is looked for at
# its end of the message alone.
_OPENER = patterns.compile(
    r"\W*(quick\s+(?:question|q)\b"
    rf"|(?:guys|folks|y'?all|dude|bro)(?=\s*[,!:]|\s+{_OPENING})"
    r"|(?:everyone|everybody|friends|team)(?=\s*[,!:]))",
    re.IGNORECASE,
)
_CLOSER = patterns.compile(
    r"(?:,\s*(?:guys|folks|everyone|everybody|y'?all|friends|dude|bro|team)"
    r"|[?!.,;:]\s*(?:anyone|anybody|someone|i\s+(?:do\s+not|don't|don\u2019t|dont)\s+know))"
    r"(?=\W*$)",
    re.IGNORECASE,
)
_CLOSER_SPAN = 40  # characters at the end of a message a closing aside is looked for in
# Emoji, and the marks after a question's first "?" or "!" ("???", "?!").
_MARKS = patterns.compile(r"[\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F\u200D]+|(?<=[?!])[?!.]+")
_COURTESY_PARTS = (
    "pleas",
    "help",
    "thank",
    "the way",
    "honest",
    "opinion",
    "as i know",
    "correctly",
    "information",
    "let me",
    "haha",
    "hehe",
    "xd",
    "hmm",
    "uh",
    "um",
    "erm",
    "tl;dr",
)
# Every match of ``_WRAPPER`` holds one of these.
_WRAPPER_PARTS = tuple(
    "know remember tell explain describe summari sum show give information idea wonder "
    "underst get".split()
)
_PREFIX = patterns.compile(
    r"\b(?:pre|post|non|anti|co|ex|mid|semi|quasi|pseudo|neo|proto|ultra|multi|inter|intra|sub)"
    r"-(?=[^\W\d_])",
    re.IGNORECASE,
)


def without_fillers(text: str) -> str:
    """``text`` with its fillers (see the module) blanked out: spaces in their place, so that
    every other word keeps its position (the aliases a question names are known by their
    spans)."""
    return without_hedges(without_asides(text))


def without_hedges(text: str) -> str:
    """``text`` with its hedges, semi-modals, the verb of an event, the frame of a duration
    asked and hyphenated prefixes blanked out (the first four kinds of the module's)."""
    lowered = lowered_for_parts(text)
    if holds_part(lowered, _HEDGE_PARTS):
        text = _HEDGES.sub(_blank, text)
    if holds_part(lowered, ("happen",)):
        text = _EVENT.sub(_blank_groups, text)
    if holds_part(lowered, ("long",)):
        text = _DURATION.sub(_blank_groups, text)
    return _PREFIX.sub(_blank, text) if "-" in text else text


def without_asides(text: str) -> str:
    """``text`` with the words that wrap it as a question asked of people and the courtesies of
    chat blanked out (the last two kinds of the module's): what it says of the subject, which
    the question's meaning is read from too ("does anyone know when..., thx" means what
    "when...?" does)."""
    lowered = lowered_for_parts(text)
    if holds_part(lowered, _WRAPPER_PARTS):
        text = _WRAPPER.sub(_blank_groups, text)
    if holds_part(lowered, _COURTESY_PARTS):
        text = _COURTESY.sub(_blank, text)
    opener = _OPENER.match(text)
    if opener is not None:
        text = _blank_groups(opener) + text[opener.end() :]
    cut = max(0, len(text) - _CLOSER_SPAN)
    text = text[:cut] + _CLOSER.sub(_blank, text[cut:])
    if holds_part(lowered, ("??", "!", "?.")):
        text = _MARKS.sub(_blank, text)
    return text


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group())


def _blank_groups(match: re.Match[str]) -> str:
    """The match with each of its groups that matched blanked (the verb of an event, a
    question's wrapper, "long" and "take" of a duration asked), what is around them kept."""
    whole = list(match.group())
    offset = match.start()
    for group in range(1, match.re.groups + 1):
        start, end = match.span(group)
        if start >= 0:
            whole[start - offset : end - offset] = " " * (end - start)
    return "".join(whole)

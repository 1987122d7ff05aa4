"""Questions that ask what an article argues: "what does cato recommend", "what is the author
arguing", "what's the main point of the bloomberg piece", "what does bandow think we should do".

Their answer is no single passage holding their words (an article seldom writes "I
recommend"): it is the article's own point, which its summary finds (``retrieval.summary``).
Such a question has two parts, both needed:

* a word for an argument: a verb of recommending, arguing or summing up ("recommend",
  "argue", "urge", "propose", "conclude", "advocate", "call for", "summarize", "sum up"), a
  noun for the point ("conclusion", "thesis", "gist", "takeaway", "bottom line", "stance",
  "summary", "overview", "the main point", "the argument"), a view owned ("bandow's opinion",
  "the author's position", but not "the author's view on sanctions", which asks about a
  subject and is searched), or a view of what should be done ("think we should", "believe
  the U.S. must", "what should we do");
* an article as its subject: a name of one (its publisher or author:
  ``retrieval.question.mentions``), or the article, the piece, the author, the writer; or
  nothing at all, the message asking only to sum up ("summarize", "overview?").

"What did the commission recommend?" has the first part only: it asks what a text reports,
and is searched as any question is.
"""

from __future__ import annotations

import re

from retrieval import patterns
from retrieval.lexicon import TEXT_NOUNS, alternatives, may_hold

# The words for an argument, each written once: the pattern is made of them, and so are the
# parts every match holds, which ``may_hold`` tests first (this runs on every question). Each
# is a whole word: "urge", not the start of "urgent".
# A verb of recommending or arguing: its stem, and the endings it takes.
_VERBS = (
    ("recommend", "(?:s|ed|ing|ation|ations)?"),
    ("argu", "(?:e|es|ed|ing|ment|ments)"),
    ("urg", "(?:e|es|ed|ing)"),
    ("propos", "(?:e|es|ed|ing|al|als)"),
    ("advocat", "(?:e|es|ed|ing)"),
    ("conclu", "(?:de|des|ded|ding|sion|sions)"),
    ("prescri", "(?:be|bes|bed|ption|ptions)"),
    ("call", r"(?:s|ed|ing)?\s+for"),
    ("summar", "(?:y|ies|ize|izes|ized|izing|ise|ises|ised|ising)"),
    ("sum", r"(?:s|med|ming)?\s+(?:it\s+)?up"),
)
# A noun for the point (a space stands for any run of spaces).
_NOUNS = ("thesis", "gist", "takeaway", "take-away", "bottom line", "stance", "overview")
# "the main point", "the key message"...
_QUALIFIERS = ("main", "key", "central", "overall", "whole", "basic")
_POINTS = ("point", "idea", "message", "claim", "argument")
_OWNERS = ("the", "its", "their", "his", "her")  # "its point"
# A view owned ("bandow's opinion", "the author's position"), not one on a subject.
_VIEWS = ("opinion", "opinions", "position", "view", "views")
_OWNED = r"(?:(?<=\w)(?:'s|\u2019s|s')|\b(?:its|his|her|their))"
# A view of what should be done: "think we should", "believes the U.S. must".
_VIEW_VERBS = ("think", "believe", "say", "want", "feel")
_VIEW_FORMS = tuple(form for verb in _VIEW_VERBS for form in (verb, verb + "s"))
_ARGUING = patterns.compile(
    r"\b(?:"
    + "|".join(stem + endings for stem, endings in _VERBS)
    + f"|{alternatives(_NOUNS)}"
    + rf"|(?:{alternatives(_QUALIFIERS)})\s+(?:{alternatives(_POINTS)})s?"
    + rf"|(?:{alternatives(_OWNERS)})\s+point"
    + rf"|{_OWNED}\s+(?:{alternatives(_VIEWS)})\b"
    r"(?!\s+(?:on|about|of|regarding|towards?)\b)" + rf"|(?:{alternatives(_VIEW_FORMS)})\s+"
    r"(?:[\w.'\u2019-]+\s+){1,3}?(?:should|must|ought|need|needs|has\s+to|have\s+to|to\s+do))\b"
    # "what should the us do (according to bandow)": asks for what is to be done
    r"|\bwhat\s+(?:should|must|ought|needs?\s+to|has\s+to|have\s+to)\s+"
    r"(?:[\w.'\u2019-]+\s+){1,3}?do\b",
    re.IGNORECASE,
)
# What every match of ``_ARGUING`` holds: a verb's stem, a noun's first letters ("take" of
# "take-away", "bottom" of "bottom line"), a point's noun, a view's verb, the modal of "what
# should we do", or an owned view's noun ("opinion" of "opinions").
_ARGUING_PARTS = (
    *(stem for stem, _ in _VERBS),
    *(re.split(r"[ -]", noun)[0] for noun in _NOUNS),
    *_POINTS,
    *_VIEW_VERBS,
    *("should", "must", "ought", "need", "has", "have"),
    *("opinion", "position", "view"),
)
_THE_TEXT = patterns.compile(
    r"\b(?:the|this|that|these|each|both|its|your)\s+"
    rf"(?:{alternatives(TEXT_NOUNS)}|author|authors|writer|writers|columnist|editors?)\b",
    re.IGNORECASE,
)


# A message that only asks to sum up ("summarize", "summary pls", "overview?"): of the
# articles, there being nothing else it could be of.
_SUMMING_UP_ALONE = patterns.compile(
    r"\s*(?:summar(?:y|ize|ise)|sum\s+(?:it\s+)?up|overview|gist)(?:\s+(?:please|pls|plz))?"
    r"[\s?.!]*",
    re.IGNORECASE,
)


# What a text says on a subject ("says about sanctions"): the subject is asked, even of an
# article summed up ("summarize what bloomberg says about sanctions" asks what "what does
# bloomberg say about sanctions" asks), and is searched. A view summed up ("sum up bloomberg's
# views on north korea") is the article's argument, as "bloomberg's views" is.
_ON_A_SUBJECT = patterns.compile(
    r"\b(?:says?|said|writes?|wrote|tells?|told)\s+(?:(?:us|me)\s+)?"
    r"(?:about|on|regarding|concerning)\s+[^\W\d_]",
    re.IGNORECASE,
)


def asks_for_argument(text: str, names_an_article: bool) -> bool:
    """Whether ``text`` asks what an article argues (see the module's docstring);
    ``names_an_article``: the question names one by its publisher or author."""
    if not may_hold(text, _ARGUING_PARTS) or _ARGUING.search(text) is None:
        return False
    if _ON_A_SUBJECT.search(text) is not None:
        return False
    return (
        names_an_article
        or _THE_TEXT.search(text) is not None
        or _SUMMING_UP_ALONE.fullmatch(text) is not None
    )

"""The English word lists more than one stage reads, each written once.

A list lives here when two modules need it, or when modules need lists for the same idea: then
the lists sit side by side, and a comment says why their members differ. A list one rule alone
reads and that names nothing another reads (chat shorthand, stop words, cue phrases) stays
beside its rule. Nothing here is about any corpus: these are words of English at large.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def alternatives(words: Iterable[str]) -> str:
    """A regex alternation of ``words`` (escaped; a space stands for any run of spaces)."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)


def may_hold(text: str, parts: Iterable[str]) -> bool:
    """Whether ``text`` may hold a match of a case-insensitive pattern whose every match holds
    one of ``parts`` (lowercase ASCII): False for ASCII text holding none of them.

    A few substring tests in place of a regex search that tries a branch at every position,
    for the patterns each question is read with. Other text is always searched, since
    IGNORECASE equates letters ``lower()`` does not (the Kelvin sign and "k").
    """
    return holds_part(lowered_for_parts(text), parts)


def lowered_for_parts(text: str) -> str | None:
    """``text`` lowered for ``holds_part``, or None when it is not ASCII (it may hold any
    match): a text checked for several patterns' parts is lowered once."""
    return text.lower() if text.isascii() else None


def holds_part(lowered: str | None, parts: Iterable[str]) -> bool:
    """``may_hold`` on a text already lowered by ``lowered_for_parts``."""
    return lowered is None or any(map(lowered.__contains__, parts))


# -- Words for a text and what it does ----------------------------------------------------------

# Nouns for a text, singular and plural: "the article", "this piece" point at the articles
# themselves (retrieval.question.mentions); "This article first appeared..." is a notice, not
# body text (retrieval.corpus.layout). The last are what a community's docs, FAQ or wiki are
# called: "what does the faq say about reports". Not "page": a site's pages, their titles and
# addresses are what its docs are about ("where does the page title come from").
TEXT_NOUNS = (
    "article articles piece pieces editorial editorials essay essays column columns "
    "op-ed op-eds oped opeds story stories post posts commentary text texts "
    "doc docs documentation guide guides faq faqs wiki readme manual tutorial"
).split()
# Words that ask about an article's own fields rather than its content ("who wrote", "the
# headline"): a title card is searched by them, and a question using them asks about articles.
FIELD_WORDS = (
    "title titled headline heading called named "
    "author authors wrote write writes written writer writers byline "
    "publisher published publish publication outlet"
).split()
# Words for the article itself, for what it does and for attributing to it: they say which
# text is meant, not what is asked ("what does the article say about sanctions", "per bandow",
# "what did the cnn piece find"; not "found" or "report", content as often: "command not found",
# "web reporters").
# A card is searched by this list too (retrieval.index.cards), so its members are the index's:
# the nouns lack the plurals TEXT_NOUNS has, which would count twice in a card's BM25 terms.
DOCUMENT_WORDS = (
    "article articles piece pieces editorial editorials essay column op-ed oped story "
    "text post commentary doc docs documentation guide faq wiki readme manual tutorial "
    "mention mentions mentioned discuss discusses discussed "
    "say says said think thinks argue argues argued claim claims believe believes "
    "find finds show shows reveal reveals "
    "according per"
).split()

# The English names of symbols a docs page writes in words ("Caret requirements", "the pipe
# operator"): a question asking about the symbol searches its name (retrieval.question.symbols).
# Not "&": between words it is "and" ("Standard & Poor", "Cinema & Media studies").
SYMBOL_NAMES = {
    "^": "caret",
    "~": "tilde",
    "|": "pipe",
    "\\": "backslash",
}

# Words that ask for text around the body rather than the body itself: a photo's caption or
# credit, the author's bio, a contact line, a notice (retrieval.search.ranking ranks such
# paragraphs below the body unless a question uses one of these, or the role's own name).
NON_BODY_WORDS = (
    "caption captions photo photos photograph photographs photographer picture pictures pic "
    "image images illustration credit credits bio biography author authors writer byline "
    "contact email notice appeared"
).split()

# What people call the lines of each role when they ask for them ("who wrote it" finds the bio
# that names the author, "what does the picture show" the caption): indexed with the paragraph,
# beside the role's own name.
ROLE_WORDS = {
    "bio": "author authors writer wrote written".split(),
    "byline": "author authors writer wrote written".split(),
    "caption": "photo picture image photograph".split(),
    "credit": "photo picture image photograph photographer".split(),
}

# -- Someone else's words ----------------------------------------------------------------------

# Verbs and phrases that relay someone else's words ("she said", "according to"): a sentence
# holding one reports rather than argues. Two lists, each with the members its rule was measured
# with: the article's genre counts sentences that relay a statement, as news does (announced,
# reported), against those that argue (retrieval.corpus.genre); the summary's stigma cue marks
# sentences quoting another writer (observed, noted, wrote) as less the author's point
# (retrieval.summary.cues). Their union for the genre made three SQuAD articles news, which
# changed their summaries, so they stay apart.
ATTRIBUTION = (
    "said",
    "says",
    "told",
    "according to",
    "added",
    "announced",
    "reported",
    "explained",
)
QUOTING = ("said", "says", "told", "according to", "observed", "noted", "wrote", "claimed")
# Verbs that introduce the question a chat message asks ("do you know when", "tell me who",
# "it says who"): what follows is asked as at the start of a sentence
# (retrieval.verdict.asked_for). Not ATTRIBUTION or QUOTING: these are the asker's verbs, in
# the tenses a chat uses, not a text's.
ASKING = ("know", "say", "says", "said", "tell", "tells", "mention", "mentions", "wonder")

# -- Time -------------------------------------------------------------------------------------

# Three lists for time, each the members its rule was measured with; a union changed answers
# (SQuAD: "which years did ..." would ask for a time) and summaries ("This date..."), so they
# stay apart. Singular only, as a question asks: "what year", "which season"
# (retrieval.verdict.asked_for).
TIME_ASKED = "year month day date time decade century week season".split()
# After "last", "next", "this", "that"..., dating an event: "last spring", "that decade"; an
# "s" may follow (retrieval.verdict.asked_for).
TIME_DATING = "year month week spring summer autumn winter fall season century decade".split()
# How often something happens, besides a number ("twice", "3 times"): "every hour", "per
# week", "daily", "never" (retrieval.verdict.asked_for, for "how often").
FREQUENCY = (
    "every each per hourly daily nightly weekly fortnightly monthly quarterly yearly annually "
    "always never usually often sometimes rarely seldom occasionally regularly constantly "
    "continuously frequently"
).split()
# How long something lasts, besides a number: "until it is lifted", "permanent"
# (retrieval.verdict.asked_for, for "how long").
DURATION = "until till forever permanent permanently indefinite indefinitely lifetime".split()
# A span of time stated without a number: "an hour", "a few days", "several weeks", "a couple
# of months" (retrieval.verdict.asked_for, for "how long"); an "s" may follow.
TIME_SPANS = (
    "second minute hour day night week fortnight month year decade century centuries"
).split()
# What something costs, besides a number: "it is free" (retrieval.verdict.asked_for, for "how
# much does it cost").
FREE_OF_CHARGE = ("free", "gratis", "no charge", "no cost", "nothing")
# Money, by name: a price is stated in it ("5 dollars", "fifty pence"), or by a sign ("$5").
CURRENCY = (
    "dollar dollars pound pounds euro euros yen yuan cent cents pence penny rupee rupees "
    "franc francs usd gbp eur"
).split()
# After "This" or "That" at a sentence's start, a time, not a pointer back: "This year..."
# (retrieval.summary.coherence).
TIME_NOUNS = (
    "year years month months week weeks weekend day days morning afternoon evening night time "
    "season summer winter spring autumn fall quarter decade century point stage moment"
).split()

# -- Chat -------------------------------------------------------------------------------------

# A chat message made only of these (and emoji or punctuation) thanks or agrees; it asks
# nothing, so a reply "thanks!" to an answer is not a follow-up question
# (retrieval.question.chat.acknowledges). Lowercase, after chat shorthand is spelled out.
ACKNOWLEDGING = frozenset(
    "thanks thank you much so very a lot ok okay k kk cool great nice perfect awesome "
    "excellent brilliant lovely good got it that makes sense helps helped helpful all clear "
    "cheers appreciated appreciate yes yeah yep sure right alright gotcha understood noted "
    "wow lol haha oh ah i see".split()
)

"""Questions as people type them in chat, rewritten into the words the corpus would use.

First the safety rewrites, which never switch off:

* Discord's markup is dropped: mentions (``<@123>``, ``<#123>``, ``<@&123>``, ``@everyone``,
  ``@here``), custom emoji (``<:wave:123>``), timestamps and command mentions, the markers of
  emphasis, strike-through, spoilers and code (``**``, ``__``, ``~~``, ``||``, backticks),
  a block quote's marker ("> " opening a line), and a masked link's address
  (``[text](https://...)`` keeps its text): the asker sees them rendered, never as words the
  passages must hold;
* web addresses are dropped: a pasted link is not words an article would hold;
* invisible characters (zero-width spaces and joiners, direction marks, soft hyphens: Unicode
  category Cf) are removed, so a word pasted with one inside still matches; so are control
  characters other than white space, and a terminal's escape sequences (ESC "[31m", red).

Then one rewrite of general English, about no topic: the shorthand of chat in English at
large ("rn", "tho", "govt", "pic") is spelled out. Two more were measured and removed
(``python -m bench ablate``, docs/BENCHMARKS.md): reading a contraction typed without its
apostrophe ("whats") as the contraction, and a lowercase "us" as the U.S.; neither helped a set
of questions it was not written for.

Moderators add their own names for things with per-article ``aliases`` (see docs/CORPUS.md for the
format); ``rewrite_naming_aliases`` also says where the question names them
(``retrieval.question.aliases``), and leaves their words as typed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Mapping

from retrieval import patterns
from retrieval.lexicon import ACKNOWLEDGING, may_hold
from retrieval.question.aliases import AliasMatch, AliasTable

# Chat shorthand and casual spellings of English at large (not of any subject).
SHORTHAND: Mapping[str, str] = {
    "u": "you",
    "ur": "your",
    "r": "are",
    "b4": "before",
    "rn": "right now",
    "tho": "though",
    "thru": "through",
    "pls": "please",
    "plz": "please",
    "bc": "because",
    "cuz": "because",
    "coz": "because",
    "abt": "about",
    "w/": "with",
    "w/o": "without",
    "wat": "what",
    "wut": "what",
    "wht": "what",
    "whos": "who is",
    "ppl": "people",
    "govt": "government",
    "gov": "government",
    "govts": "governments",
    "econ": "economy",
    "intl": "international",
    "natl": "national",
    "dept": "department",
    "pres": "president",
    "prez": "president",
    "info": "information",
    "pic": "picture",
    "pics": "pictures",
    "vid": "video",
    "vids": "videos",
    "intel": "intelligence",
    "convo": "conversation",
    "yr": "year",
    "yrs": "years",
    "hr": "hour",
    "hrs": "hours",
    "bday": "birthday",
    "tmrw": "tomorrow",
    "tmr": "tomorrow",
    "2day": "today",
    "2morrow": "tomorrow",
    "thx": "thanks",
    "ty": "thank you",
    "smth": "something",
    "sth": "something",
    "idk": "i do not know",
    "imo": "in my opinion",
    "imho": "in my opinion",
    "tbh": "to be honest",
    "btw": "by the way",
    "afaik": "as far as i know",
    "iirc": "if i remember correctly",
    "fyi": "for your information",
    "lol": "",
    "lmao": "",
    "lmk": "let me know",
    "ok": "",
    "okay": "",
    "yeah": "",
    "yep": "",
    "nah": "",
    "nope": "",
    "hey": "",
    "hi": "",
    "hello": "",
    "ya": "you",
    "gonna": "going to",
    "wanna": "want to",
    "gotta": "have to",
    "kinda": "kind of",
    "sorta": "sort of",
    "dunno": "do not know",
    "lemme": "let me",
    "gimme": "give me",
    "vs": "versus",
    "etc": "",
    # interjections and asides, which say nothing of the subject
    "tldr": "",
    "eli5": "",
    "ngl": "",
    "smh": "",
    "nvm": "",
    "omg": "",
    "bruh": "",
    "ikr": "",
    "jk": "",
    "idc": "",
    "fwiw": "",
    "tbf": "",
    "asap": "",
    "yall": "",
    "y'all": "",
    "wdym": "what do you mean",
    "wtf": "what",
    "rly": "really",
    "srsly": "seriously",
}

_WORD = patterns.compile(r"(?:[A-Za-z]\.){2,}|[^\W_][\w/]*(?:'[^\W_]+)*|[^\w\s]", re.UNICODE)
_URL = patterns.compile(r"\b(?:https?://|www\.)[^\s<>()\[\]]+", re.IGNORECASE)
# Discord's tokens in angle brackets: user, role and channel mentions, custom emoji,
# timestamps, slash-command mentions, server guide links; and the mentions of everyone.
_DISCORD_TOKEN = patterns.compile(
    r"<(?:@[!&]?\d+|#\d+|a?:\w+:\d+|t:-?\d+(?::[a-zA-Z])?|/[^<>:\n]{1,100}:\d+|id:\w+)>"
    r"|(?<!\w)@(?:everyone|here)\b",
    re.IGNORECASE,
)
# A masked link: its text stays, its address goes (Discord links only web addresses so).
_MASKED_LINK = patterns.compile(
    r"\[([^\[\]\n]*)\]\(\s*<?https?://(?:[^\s<>()]|\([^\s<>()]*\))*>?\s*\)", re.IGNORECASE
)
# Emphasis, strike-through, spoiler and code markers; underscores only at a word's edge
# ("__bold__", "_italic_"), so "snake_case" keeps its own.
# A block quote's marker opening a line ("> ", ">>> ").
_QUOTE = patterns.compile(r"^[ \t]*>{1,3}[ \t]+", re.MULTILINE)
_MARKERS = patterns.compile(r"\*+|~~+|\|\|+|`+|(?<!\w)_+|_+(?!\w)")


def without_markup(text: str) -> str:
    """``text`` without Discord's markup (mentions, custom emoji, emphasis markers, masked
    links' addresses): what the asker sees rendered is not what they ask about."""
    if ">" in text:
        text = _QUOTE.sub("", text)
    if not any(ch in text for ch in "<@[*_~|`"):
        return text
    text = _DISCORD_TOKEN.sub(" ", text)
    text = _MASKED_LINK.sub(r"\1", text)
    return _MARKERS.sub("", text)


def acknowledges(message: str) -> bool:
    """Whether a chat ``message`` only thanks or agrees ("thanks!", "ok got it 👍"), or holds
    no word at all: a reply that asks nothing (``lexicon.ACKNOWLEDGING``)."""
    words = remove_invisible(without_markup(message)).casefold().split()
    spelled = " ".join(SHORTHAND.get(word.strip(_EDGES), word) for word in words)
    return all(word in ACKNOWLEDGING for word in _PLAIN_WORD.findall(spelled))


# Punctuation around a word of chat shorthand ("thx!"), and a word without it.
_EDGES = "!?.,;:()\"'\u2019\u201c\u201d"
_PLAIN_WORD = patterns.compile(r"[^\W_]+(?:'[^\W_]+)*")


# A terminal's escape sequence, pasted from a coloured prompt: ESC [ parameters, final byte
# ("\x1b[31m"), or ESC ] text ending with BEL or ESC \\ (a window title, a link).
_ESCAPE = patterns.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?")
_WHITE = frozenset("\t\n\r")


def remove_invisible(text: str) -> str:
    """``text`` without format characters (zero-width spaces, direction marks, soft hyphens),
    terminal escape sequences and other control characters (white space is kept): none is
    shown, so none may become a word the passages must hold ("[31m" of the colour red)."""
    if text.isprintable():
        return text
    if "\x1b" in text:
        text = _ESCAPE.sub("", text)
    return "".join(
        ch for ch in text if ch in _WHITE or unicodedata.category(ch) not in ("Cf", "Cc")
    )


# Every word ``_replacement`` may change, lowercase: the rest of a question is left at once.
_REWRITABLE = frozenset(SHORTHAND)


def rewrite(question: str, off: Collection[str] = frozenset()) -> str:
    """The question in the corpus's words: see the module's docstring for each rewrite.

    Everything not rewritten (punctuation, "U.S.", spacing) is kept as typed. ``off`` names
    rewrites not to make ("shorthand"; ``retrieval.heuristics``).
    """
    return rewrite_naming_aliases(question, None, off)[0]


def rewrite_naming_aliases(
    question: str, aliases: AliasTable | None, off: Collection[str] = frozenset()
) -> tuple[str, list[AliasMatch]]:
    """``rewrite``'s text, and the aliases it names (``aliases``), with their spans in it.

    An alias is kept as typed: its words are not rewritten, and its phrase is not put in
    (``retrieval.question.query`` adds the phrase's words, within bounds).
    """
    text = without_markup(remove_invisible(question))
    if may_hold(text, ("://", "www.")):
        text = _URL.sub(" ", text)
    named = aliases.find(text) if aliases else []
    if text.isascii() and _REWRITABLE.isdisjoint(_WORD.findall(text.lower())):
        return text, named  # no shorthand (lowercase ASCII is casefolded)
    matches = list(_WORD.finditer(text))
    words = [m.group() for m in matches]
    out: list[str] = []
    last = 0
    shifts: list[tuple[int, int]] = []  # (where, how many characters longer from there on)
    at = 0  # the next alias that may hold a word
    for i, match in enumerate(matches):
        if words[i].casefold() not in _REWRITABLE:
            continue
        while at < len(named) and named[at].end <= match.start():
            at += 1
        if at < len(named) and named[at].start < match.end():
            continue  # a word of an alias stays as typed
        replacement = _replacement(words, i, off)
        if replacement is None:
            continue
        out.append(text[last : match.start()])
        out.append(replacement)
        last = match.end()
        shifts.append((match.end(), len(replacement) - (match.end() - match.start())))
    out.append(text[last:])
    return "".join(out), _shifted(named, shifts)


def _shifted(named: list[AliasMatch], shifts: list[tuple[int, int]]) -> list[AliasMatch]:
    """The aliases' spans in the rewritten text (no rewrite falls inside one)."""
    if not shifts:
        return named
    moved: list[AliasMatch] = []
    delta, next_shift = 0, 0
    for alias in named:
        while next_shift < len(shifts) and shifts[next_shift][0] <= alias.start:
            delta += shifts[next_shift][1]
            next_shift += 1
        moved.append(AliasMatch(alias.start + delta, alias.end + delta, alias.phrase))
    return moved


def _replacement(words: list[str], i: int, off: Collection[str]) -> str | None:
    """What ``words[i]`` becomes, or None to keep it ("RN" is an acronym, not shorthand)."""
    word = words[i]
    if word.islower() or (len(word) > 1 and word.istitle()):
        return None if "shorthand" in off else SHORTHAND[word.casefold()]
    return None

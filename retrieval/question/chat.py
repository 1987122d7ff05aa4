"""Questions as people type them in chat, rewritten into the words the corpus would use.

Three rewrites, each general English, none about any one topic:

* web addresses are dropped: a pasted link is not words an article would hold;
* invisible characters (zero-width spaces and joiners, direction marks, soft hyphens: Unicode
  category Cf) are removed, so a word pasted with one inside still matches;
* the shorthand of chat in English at large ("rn", "tho", "govt", "pic") is spelled out.

Two more were measured and removed (``python -m bench ablate``, docs/BENCHMARKS.md): reading a
contraction typed without its apostrophe ("whats") as the contraction, and a lowercase "us" as
the U.S.; neither helped a set of questions it was not written for.

Moderators add their own names for things with per-article ``aliases`` (see the README's corpus
format); those are applied here too, as whole words or phrases, case-insensitively.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Mapping
from functools import lru_cache

from retrieval.index.stopwords import ENGLISH_STOP_WORDS

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
}

_WORD = re.compile(r"(?:[A-Za-z]\.){2,}|[^\W_][\w/]*(?:'[^\W_]+)*|[^\w\s]", re.UNICODE)
_STOP = ENGLISH_STOP_WORDS
_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>()\[\]]+", re.IGNORECASE)


def remove_invisible(text: str) -> str:
    """``text`` without format characters (zero-width spaces, direction marks, soft hyphens)."""
    if text.isascii():
        return text
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cf")


# Every word ``_replacement`` may change, lowercase: the rest of a question is left at once.
_REWRITABLE = frozenset(SHORTHAND)


def rewrite(
    question: str,
    aliases: Mapping[str, str] | None = None,
    off: Collection[str] = frozenset(),
) -> str:
    """The question in the corpus's words: see the module's docstring for each rewrite.

    ``aliases`` maps a lowercase alias (one word or a phrase) to the words it stands for.
    Everything not rewritten (punctuation, "U.S.", spacing) is kept as typed. ``off`` names
    rewrites not to make ("shorthand"; ``retrieval.heuristics``).
    """
    text = _URL.sub(" ", remove_invisible(question))
    if aliases:
        text = _apply_aliases(text, aliases)
    matches = list(_WORD.finditer(text))
    words = [m.group() for m in matches]
    out: list[str] = []
    last = 0
    for i, match in enumerate(matches):
        if words[i].casefold() not in _REWRITABLE:
            continue
        replacement = _replacement(words, i, off)
        if replacement is None:
            continue
        out.append(text[last : match.start()])
        out.append(replacement)
        last = match.end()
    out.append(text[last:])
    return "".join(out)


def _replacement(words: list[str], i: int, off: Collection[str]) -> str | None:
    """What ``words[i]`` becomes, or None to keep it."""
    word = words[i]
    if word.islower() or (len(word) > 1 and word.istitle()):  # "RN" is an acronym
        return None if "shorthand" in off else SHORTHAND[word.casefold()]
    return None


def _apply_aliases(text: str, aliases: Mapping[str, str]) -> str:
    """Replace each alias (whole words, longest first, any case) by what it stands for."""
    pattern = _alias_pattern(tuple(sorted(aliases, key=len, reverse=True)))
    return pattern.sub(lambda m: aliases[m.group(0).casefold()], text)


@lru_cache(maxsize=64)
def _alias_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(name) for name in names)
    return re.compile(rf"(?<![\w.])(?:{alternatives})(?![\w])", re.IGNORECASE)

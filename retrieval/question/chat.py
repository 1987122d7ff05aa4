"""Questions as people type them in chat, rewritten into the words the corpus would use.

Five rewrites, each general English, none about any one topic:

* web addresses are dropped: a pasted link is not words an article would hold;
* invisible characters (zero-width spaces and joiners, direction marks, soft hyphens: Unicode
  category Cf) are removed, so a word pasted with one inside still matches;
* the shorthand of chat in English at large ("rn", "tho", "govt", "pic") is spelled out;
* a contraction typed without its apostrophe ("whats", "doesnt") is read as the contraction,
  which is a stop word, instead of as an unknown word, unless the word without the apostrophe
  is an English word of its own within ``WORD_MARGIN`` of the contraction's frequency
  ("shell", "well", "hell", "shed", "lets", "ill" stay as typed: "where did poetry shell go");
* a lowercase "us" is read as the U.S. after "the" ("what should the us do"), before a hyphen
  ("us-china"), and in front of a content word when nothing but function words precede it
  ("are us sanctions working"); elsewhere it is the pronoun ("tell us about", "for us").

Moderators add their own names for things with per-article ``aliases`` (see the README's corpus
format); those are applied here too, as whole words or phrases, case-insensitively.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Mapping
from functools import cache, lru_cache

from retrieval.cache import Cache, key
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


# A bare spelling is read as the contraction only if the contraction is this much more common
# in English (wordfreq's Zipf scale: 1 is ten times): "dont" (1.5) is "don't", "shell" (-0.2)
# and "lets" (0.65, "Poetry lets you") are themselves.
WORD_MARGIN = 1.0


@cache
def _contractions() -> dict[str, str]:
    """``whats`` -> ``what's``: each stop-word contraction as typed without its apostrophe.

    Where two share that spelling, the one with the later apostrophe wins. Reading wordfreq's
    list costs a quarter of a second, so the table is saved in citebot's cache
    (``retrieval.cache``) once made.
    """
    saved = Cache.default()
    name = f"contractions-{key('wordfreq en', *sorted(_STOP))}.pickle"
    table = saved.load(name)
    if isinstance(table, dict):
        return table
    table = _contractions_from_wordfreq()
    saved.save(name, table)
    return table


def _contractions_from_wordfreq() -> dict[str, str]:
    from wordfreq import zipf_frequency

    found: dict[str, tuple[int, str]] = {}
    for word in _STOP:
        cut = word.find("'")
        bare = word.replace("'", "")
        if word.count("'") == 1 and 0 < cut < len(bare):
            found[bare] = max(found.get(bare, (0, "")), (cut, word))
    return {
        bare: word
        for bare, (_, word) in found.items()
        if zipf_frequency(word, "en") - zipf_frequency(bare, "en") >= WORD_MARGIN
    }


@cache
def _rewritable() -> frozenset[str]:
    """Every word ``_replacement`` may change, lowercase: the rest of a question is left at
    once."""
    return frozenset(SHORTHAND) | frozenset(_contractions()) | {"us"}


def _is_function(word: str) -> bool:
    return word.casefold() in _STOP or not word[:1].isalnum()


def rewrite(
    question: str,
    aliases: Mapping[str, str] | None = None,
    off: Collection[str] = frozenset(),
) -> str:
    """The question in the corpus's words: see the module's docstring for each rewrite.

    ``aliases`` maps a lowercase alias (one word or a phrase) to the words it stands for.
    Everything not rewritten (punctuation, "U.S.", spacing) is kept as typed. ``off`` names
    rewrites not to make ("shorthand", "contractions", "us"; ``retrieval.heuristics``).
    """
    text = _URL.sub(" ", remove_invisible(question))
    if aliases:
        text = _apply_aliases(text, aliases)
    matches = list(_WORD.finditer(text))
    words = [m.group() for m in matches]
    out: list[str] = []
    last = 0
    for i, match in enumerate(matches):
        if words[i].casefold() not in _rewritable():
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
    lower = word.casefold()
    if word == "us":
        return "U.S." if "us" not in off and _means_country(words, i) else None
    if lower in SHORTHAND and (word.islower() or (len(word) > 1 and word.istitle())):
        return None if "shorthand" in off else SHORTHAND[lower]
    # "im" is "I'm" (the frequency margin keeps "id", "ill", "shell" as typed); "IM" is not.
    if (
        "'" not in lower
        and lower.isalpha()
        and lower not in _STOP
        and (len(lower) > 2 or not word.isupper())
    ):
        return None if "contractions" in off else _contractions().get(lower)
    return None


def _means_country(words: list[str], i: int) -> bool:
    previous = words[i - 1].casefold() if i > 0 else ""
    following = words[i + 1] if i + 1 < len(words) else ""
    if previous == "the" or following == "-":
        return True
    if not following or _is_function(following):
        return False
    return all(_is_function(word) for word in words[:i])


def _apply_aliases(text: str, aliases: Mapping[str, str]) -> str:
    """Replace each alias (whole words, longest first, any case) by what it stands for."""
    pattern = _alias_pattern(tuple(sorted(aliases, key=len, reverse=True)))
    return pattern.sub(lambda m: aliases[m.group(0).casefold()], text)


@lru_cache(maxsize=64)
def _alias_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(name) for name in names)
    return re.compile(rf"(?<![\w.])(?:{alternatives})(?![\w])", re.IGNORECASE)

"""The articles' ``aliases``: one table for the corpus, and where a question names them.

An alias only adds a way to find the phrase it names: the question keeps the words it typed,
and the phrase's words count at most as much as those (``retrieval.question.query``). Finding
aliases walks a trie of words from each word of the question, never deeper than the longest
alias (``retrieval.corpus.front_matter.MAX_ALIAS_CHARS``), so reading a question takes time in
proportion to its length, however many aliases the corpus declares.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from retrieval import patterns
from retrieval.corpus.models import Article
from retrieval.index.stopwords import ENGLISH_STOP_WORDS

_WORD = patterns.compile(r"\w+|[^\w\s]")  # a run of letters and digits, or one other character
_END = ""  # the trie's key for "an alias ends here" (a word is never empty)
# An alias several articles declare for different phrases stands for the first few of them.
MAX_PHRASES_PER_ALIAS = 8


@dataclass(frozen=True, slots=True)
class AliasMatch:
    """An alias found in a question: its span there, and the phrase it stands for."""

    start: int
    end: int
    phrase: str


class AliasTable:
    """Aliases by their words, case-insensitively: ``find`` gives where a text names them."""

    def __init__(self, phrases: Mapping[str, str] | None = None) -> None:
        self._root: dict[str, Any] = {}
        self._size = 0
        for alias, phrase in (phrases or {}).items():
            words = _words(alias)
            if not words:
                continue
            node = self._root
            for word in words:
                node = node.setdefault(word, {})
            self._size += _END not in node
            node[_END] = phrase

    def __len__(self) -> int:
        return self._size

    def find(self, text: str) -> list[AliasMatch]:
        """Every alias ``text`` names, as whole words, longest first, left to right, none
        overlapping (an alias does not begin right after a "." or end inside a word)."""
        if not self._size:
            return []
        root = self._root
        if text.isascii() and root.keys().isdisjoint(_WORD.findall(text.lower())):
            return []  # no word of it begins an alias (lowercase ASCII is casefolded)
        tokens = list(_WORD.finditer(text))
        words = [token.group().casefold() for token in tokens]
        found: list[AliasMatch] = []
        i = 0
        while i < len(tokens):
            start = tokens[i].start()
            longest: tuple[int, str] | None = None
            if not (start and (text[start - 1] == "." or text[start - 1].isalnum())):
                node = root
                j = i
                while j < len(words) and words[j] in node:
                    node = node[words[j]]
                    j += 1
                    end = tokens[j - 1].end()
                    if _END in node and not text[end : end + 1].isalnum():
                        longest = (j, node[_END])
            if longest is None:
                i += 1
                continue
            j, phrase = longest
            found.append(AliasMatch(start, tokens[j - 1].end(), phrase))
            i = j
        return found


def alias_table(articles: Sequence[Article]) -> AliasTable:
    """Every article's aliases, each standing for its phrase (for the phrases of the first
    ``MAX_PHRASES_PER_ALIAS`` articles that declare it). An alias that is a function word
    ("US", "IT") is left out, since it would be found in every "us" and "it"."""
    phrases: dict[str, list[str]] = {}
    for article in articles:
        for name, others in article.aliases:
            for alias in others:
                if alias.casefold() in ENGLISH_STOP_WORDS:  # "US" would be found in "tell us"
                    continue
                phrases.setdefault(" ".join(_words(alias)), []).append(name)
    return AliasTable({alias: _joined(names) for alias, names in phrases.items()})


def _words(text: str) -> list[str]:
    return [word.casefold() for word in _WORD.findall(text)]


def _joined(names: Iterable[str]) -> str:
    return " ".join(list(dict.fromkeys(names))[:MAX_PHRASES_PER_ALIAS])

"""The words an alias stands for, added to the question that names it, within bounds."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from retrieval.question.aliases import AliasMatch

# The aliases of one question whose phrases are added: more names of things than anyone asks
# about at once, and a bound on what a question full of aliases costs.
MAX_ALIASES_READ = 10

TermInfo = tuple[str, str, float, float]  # a term, the word read, its weight, its BM25 idf


class AliasWords:
    """The aliases one question names, and the words their phrases add to it.

    An alias only adds a way to find the phrase it names. The words typed stay, with their
    weight; a typed word the corpus does not hold at all ("NK") is not searched, since the
    phrase is the only way the passages can hold it, but its weight still counts. The phrase's
    words that the question does not already hold are added after the alias, all of them
    together weighing at most what the alias's heaviest typed word weighs; in BM25 (``scale``)
    they count that share too, and together no more than the typed word the paragraphs hold
    with the highest idf. A phrase is added once however often its aliases are typed,
    and for at most ``MAX_ALIASES_READ`` aliases of a question.
    """

    def __init__(
        self, named: Sequence[AliasMatch], phrase_terms: Callable[[str], list[TermInfo]]
    ) -> None:
        self._named = list(named)
        self._phrase_terms = phrase_terms
        self._next = 0  # the first alias not yet added
        self._budget = [0.0] * len(named)  # the heaviest typed word of each
        self._idf: list[float | None] = [None] * len(named)  # the rarest held by paragraphs
        self._unknown = [True] * len(named)  # whether none of its typed words is in the corpus
        self._added: dict[str, float] = {}  # term -> its share in BM25
        self._phrases: set[str] = set()
        self._shown: set[str] = set()  # the phrases whose words were added
        self.typed: set[str] = set()  # terms the question typed (they count whole)
        self._typed_of: list[set[str]] = [set() for _ in named]  # each alias's, searched
        self._said: list[tuple[frozenset[str], frozenset[str]]] = []

    def holding(self, position: int) -> int | None:
        """The alias whose span holds ``position``, if any."""
        at = self._next
        if at < len(self._named) and self._named[at].start <= position < self._named[at].end:
            return at
        return None

    def weigh(self, alias: int, weight: float, idf: float | None, term: str | None = None) -> None:
        """Count a typed word of ``alias``: its weight, and its idf if paragraphs hold it;
        ``term``, when the word is searched as typed (it counts whole, ``typed``)."""
        self._budget[alias] = max(self._budget[alias], weight)
        if term is not None:
            self._typed_of[alias].add(term)
            self.typed.add(term)
        self._unknown[alias] = self._unknown[alias] and idf is None
        if idf is not None:
            self._idf[alias] = max(self._idf[alias] or 0.0, idf)

    def add_before(
        self,
        position: int,
        terms: list[str],
        weights: dict[str, float],
        surface: dict[str, str],
    ) -> None:
        """Add the phrases of the aliases that end by ``position`` (see the class)."""
        while self._next < len(self._named) and self._named[self._next].end <= position:
            at = self._next
            self._next += 1
            phrase = self._named[at].phrase
            if phrase in self._phrases or len(self._phrases) >= MAX_ALIASES_READ:
                continue
            self._phrases.add(phrase)
            new: dict[str, tuple[str, float, float]] = {}
            said: set[str] = set()
            for term, word, weight, idf in self._phrase_terms(phrase):
                said.add(term)
                if term not in weights and term not in new:
                    new[term] = (word, weight, idf)
            if self._typed_of[at] - said:  # "N. Korea" typed says no word "North Korea" lacks
                self._said.append((frozenset(self._typed_of[at]), frozenset(said)))
            total = sum(weight for _, weight, _ in new.values())
            if not new or total <= 0 or self._budget[at] <= 0:
                continue
            share = min(1.0, self._budget[at] / total)
            in_bm25 = share
            typed_idf, idfs = self._idf[at], sum(max(0.0, idf) for _, _, idf in new.values())
            if typed_idf is not None and idfs > 0:
                in_bm25 = min(share, max(0.0, typed_idf) / idfs)
            self._shown.add(phrase)
            for term, (word, weight, _) in new.items():
                terms.append(term)
                weights[term] = weight * share
                surface[term] = word
                self._added[term] = in_bm25

    def text(self, rewritten: str) -> str:
        """The question's text for its meaning and what it asks for: as typed, but with the
        phrase in place of an alias none of whose words the corpus holds ("NK")."""
        pieces: list[str] = []
        last = 0
        for alias, unknown in zip(self._named, self._unknown, strict=True):
            if unknown and alias.phrase in self._shown:
                pieces += [rewritten[last : alias.start], alias.phrase]
                last = alias.end
        return "".join(pieces) + rewritten[last:]

    def said_otherwise(self) -> tuple[tuple[frozenset[str], frozenset[str]], ...]:
        """Each alias searched as typed, with its phrase: the terms of one and of the other,
        which say the same thing ("mod" and "moderator")."""
        return tuple(self._said)

    def scale(self) -> dict[str, float]:
        """BM25's share of each added term the question did not also type."""
        return {t: s for t, s in self._added.items() if s < 1.0 and t not in self.typed}

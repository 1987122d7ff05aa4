"""The numbered list a question points into, first, read with the item asked for.

"what is rule 3" refers to an item (``retrieval.question.item_reference``) in words the item
does not hold: "3. Keep content safe for work." When a numbered list of the corpus
(``retrieval.corpus.numbered``) is a list of what the question names (the noun is a word of
the headings it sits under, of its article's title or of its introduction; or the search put
it first on the question's other words: "the third step to get verified") and has the item,
that list comes first, and is read as if the item were written with the reference's words
("rule 3: Keep content safe for work."): the verdict weighs it so (``sentence_terms``), and
the answer's "In short" is the item (``retrieval.summary.in_short``). Of several such lists, the
articles the question names come first, then the one the search ranked best, then BM25's best.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from retrieval.corpus.numbered import NumberedList, numbered_list
from retrieval.index.passages import Passages
from retrieval.question.item_reference import LAST, ItemReference, item_references
from retrieval.question.query import Query

Ranked = list[tuple[int, float]]  # (passage index, BM25 score), best first
MAX_REFERENCES = 3  # "rule 1 one one one ...": a question's first few references are enough


@dataclass(frozen=True, slots=True)
class ItemRead:
    """The item of a hit's list a question asked for: its number, its text's span in the
    passage, and the question's terms that named it ("rule", "3")."""

    number: int
    span: tuple[int, int]
    terms: tuple[str, ...]


class Items:
    """Finds the list item a question refers to, among one corpus's numbered lists."""

    def __init__(self, passages: Passages) -> None:
        self._passages = passages

    def prepare(self) -> None:
        """Read the corpus's numbered lists now rather than on the first question."""
        _ = self._lists

    @cached_property
    def _lists(self) -> dict[int, tuple[NumberedList, frozenset[str]]]:
        """Every body passage that is a numbered list, by passage index, with the terms that
        say what it is a list of: its headings', its article's title's and its
        introduction's (read on the first question, or by ``prepare``, not with the index)."""
        passages = self._passages
        tokenize = passages.tokenizer.tokenize
        titles: dict[str, frozenset[str]] = {}
        found: dict[int, tuple[NumberedList, frozenset[str]]] = {}
        for i, (article, paragraph) in enumerate(passages.located[: passages.first_card]):
            if not paragraph.is_body or "\n" not in paragraph.text:
                continue
            listed = numbered_list(paragraph.text)
            if listed is None:
                continue
            title = titles.get(article.slug)
            if title is None:
                title = titles[article.slug] = frozenset(tokenize(article.title))
            own = tokenize(" ".join([*paragraph.section, listed.introduction]))
            found[i] = (listed, title | frozenset(own))
        return found

    def first(self, query: Query, ranked: Ranked) -> tuple[Ranked, dict[int, ItemRead]]:
        """``ranked`` with the list holding the item the question refers to first, and that
        item; ``ranked`` itself and nothing when it refers to none the corpus lists. Only the
        question's first ``MAX_REFERENCES`` references are looked for."""
        if not self._lists:  # most corpora (news, SQuAD) have no numbered list
            return ranked, {}
        for reference in item_references(query.text)[:MAX_REFERENCES]:
            found = self._find(reference, query, ranked)
            if found is not None:
                index, score, item = found
                rest = [entry for entry in ranked if entry[0] != index]
                return [(index, score), *rest], {index: item}
        return ranked, {}

    def _find(
        self, reference: ItemReference, query: Query, ranked: Ranked
    ) -> tuple[int, float, ItemRead] | None:
        """The list holding the item ``reference`` asks for, its BM25 score, and the item."""
        passages = self._passages
        tokenize = passages.tokenizer.tokenize
        nouns = tokenize(reference.noun)
        if len(nouns) != 1:
            return None
        noun = nouns[0]
        phrase = tokenize(reference.phrase)
        named = set(phrase)
        # The search's best passage needs no noun when the question's other words found it:
        # "the third step to get verified" under "How to get verified".
        found_by_words = ranked[0][0] if ranked and query.weights.keys() - named else None
        lists = self._lists
        holding = [
            i
            for i, (listed, of) in lists.items()
            if _number(listed, reference.number) in listed.items
            and (i == found_by_words or noun in of)
        ]
        if not holding:
            return None
        place = {i: at for at, (i, _) in enumerate(ranked)}
        scores = None  # every passage's BM25 score, asked for once when a list is not ranked
        if not place.keys() & set(holding):
            scores = passages.index.get_scores(query.terms, query.scale)
        located = passages.located

        def order(i: int) -> tuple[bool, int, float]:
            bm25 = 0.0 if scores is None else -float(scores[i])
            return (located[i][0].slug not in query.articles, place.get(i, len(place)), bm25)

        best = min(holding, key=order)
        if best in place:
            score = ranked[place[best]][1]
        else:
            if scores is None:
                scores = passages.index.get_scores(query.terms, query.scale)
            score = float(scores[best])
        listed = lists[best][0]
        number = _number(listed, reference.number)
        terms = tuple(t for t in phrase if t in query.weights)
        return best, score, ItemRead(number, listed.items[number], terms)


def _number(listed: NumberedList, number: int) -> int:
    return listed.last if number == LAST else number


def sentence_terms(passages: Passages, index: int, item: ItemRead | None) -> list[list[str]]:
    """A passage's sentence terms (``Passages.sentences``), the first sentence of ``item``
    read with the words that named it."""
    spans, _, terms = passages.sentences(index)
    if item is None:
        return terms
    start, end = item.span
    first = next((n for n, (s, _) in enumerate(spans) if start <= s < end), None)
    if first is None:
        return terms
    found = list(terms)
    found[first] = [*item.terms, *terms[first]]
    return found


def item_spans(passages: Passages, index: int, item: ItemRead) -> Sequence[tuple[int, int]]:
    """The spans of the sentences of ``item``, in order."""
    start, end = item.span
    return [span for span in passages.sentences(index)[0] if start <= span[0] < end]

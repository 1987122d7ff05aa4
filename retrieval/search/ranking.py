"""The search: BM25's best passages, then the first ``rerank_depth`` reordered by closeness.

BM25Okapi ranks the paragraphs (``retrieval.index.bm25``); the head of that list is reordered
by closeness to the question (``retrieval.search.rerank``); ``rerank_depth = 0`` gives plain
BM25 order. Cards (``retrieval.index.cards``) take part only when the question asks about
articles, and then come first; the passages of the articles a question names come before the
others. A code block (``retrieval.corpus.markdown``) comes after every prose passage unless the
question writes something as code (``retrieval.question.code``): "how do I pair a device" wants
the sentence that explains it, "what does pair_device do" the code too; a block that is all
its section shows ("Upgrade a package" and the command) is that section's answer and keeps its
place (``Passages.code_after_prose``); and a code block or
table a passage shown introduces ("Install it with:") comes right after that passage
(``retrieval.search.sections.introduced_next``). Captions, credits, notices and bios come after
the body paragraphs that hold every question word they hold, unless the question asks for such
text ("the caption", "the photo", "the author's bio": ``lexicon.NON_BODY_WORDS`` or a role's
own name): "what should we do about north korea" is answered by the argument, not by the photo
caption that names the country. A question that is an article's title gets the article's
opening first (``retrieval.search.leads``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cached_property

from retrieval.corpus.markdown import SHOWN_AS_IS
from retrieval.index.passages import Passages
from retrieval.lexicon import NON_BODY_WORDS
from retrieval.question.query import Query
from retrieval.question.weights import phrase_weights
from retrieval.search.items import ItemRead, Items
from retrieval.search.leads import opening_asked, title_openings
from retrieval.search.rerank import HEADING_SHARE, Closeness, closeness, rerank
from retrieval.search.sections import introduced_next, section_next

MAX_TOP_K = 100


@dataclass(frozen=True, slots=True)
class Hit:
    """A ranked paragraph: ``index`` is its position among all passages; ``item``, the item
    of its numbered list the question asked for (``retrieval.search.items``)."""

    article: str
    paragraph: int
    score: float
    index: int
    item: ItemRead | None = None


class Search:
    """Ranks one corpus's passages for a ``Query``."""

    def __init__(
        self, passages: Passages, rerank_depth: int, off: frozenset[str] = frozenset()
    ) -> None:
        self._passages = passages
        self._depth = rerank_depth
        self._names_once = "phrase_weights" not in off  # retrieval.heuristics
        self._items = None if "items" in off else Items(passages)
        self._opens = "openings" not in off
        tokenize = passages.tokenizer.tokenize
        roles = {
            p.role
            for _, p in passages.located[: passages.first_card]
            if not p.is_body and p.role not in SHOWN_AS_IS
        }
        self._asking_for_roles = frozenset(
            t for word in (*NON_BODY_WORDS, *roles) for t in tokenize(word)
        )

    def prepare(self) -> None:
        """Read now what the first question would: the corpus's numbered lists and its
        articles' openings."""
        if self._items is not None:
            self._items.prepare()
        _ = self._openings

    @cached_property
    def _openings(self) -> dict[frozenset[str], tuple[int, ...]]:
        """Each title's terms -> its article's opening (``retrieval.search.leads``), read on
        the first question or by ``prepare``, not when the engine starts: ``citebot sources``
        and a reload's check never search, and a corpus of many articles tokenises each
        title."""
        return title_openings(self._passages, MAX_TOP_K) if self._opens else {}

    def hits(self, query: Query, top_k: int) -> list[Hit]:
        """The best ``top_k`` passages (1 to ``MAX_TOP_K``), best first; see the module."""
        passages = self._passages
        located = passages.located
        top_k = max(1, min(top_k, MAX_TOP_K))
        depth = self._depth
        wanted = max(top_k, depth)
        # code after prose, unless asked for (``Passages.code_after_prose``)
        last = passages.code_after_prose if not query.code else frozenset()
        ranked = passages.index.top_k(query.terms, 2 * wanted if last else wanted, query.scale)
        if last:
            prose = [(i, sc) for i, sc in ranked if i not in last]
            ranked = (prose + [(i, sc) for i, sc in ranked if i in last])[:wanted]
        if query.articles:
            named = [(i, sc) for i, sc in ranked if located[i][0].slug in query.articles]
            ranked = named + [(i, sc) for i, sc in ranked if (i, sc) not in named]
        if query.about_articles:  # what is asked is on the cards: they come first
            cards = passages.card_index.top_k(query.terms, top_k, query.scale)
            ranked = [(passages.first_card + i, score) for i, score in cards] + ranked
            depth += len(cards)
        if depth > 1 and len(ranked) > 1:
            head, tail = ranked[:depth], ranked[depth:]
            near = self._closeness(query, [i for i, _ in head])
            order = rerank([score for _, score in head], near)
            if last:
                order.sort(key=lambda i: head[i][0] in last)
            if query.articles:
                order.sort(key=lambda i: located[head[i][0]][0].slug not in query.articles)
            if query.about_articles:
                order.sort(key=lambda i: head[i][0] < passages.first_card)
            ranked = [head[i] for i in order] + tail
            if not query.code:  # a section read as one answer (not when code is asked for)
                ranked = section_next(passages, query, ranked)
        opening = opening_asked(self._openings, query.weights)[:top_k]
        if opening and not query.about_articles:  # "weekly events": the article itself
            ranked = self._opening_first(query, opening, ranked)
        items: dict[int, ItemRead] = {}
        if self._items is not None and not query.about_articles:  # "what is rule 3"
            ranked, items = self._items.first(query, ranked)
        if not self._asks_for_non_body(query):
            ranked = self._body_first(query, ranked[:wanted]) + ranked[wanted:]
        if passages.introduces:  # "Install it with:", then the command
            ranked = introduced_next(passages, ranked, top_k)
        return [
            Hit(located[i][0].slug, located[i][1].number, score, i, items.get(i))
            for i, score in ranked[:top_k]
        ]

    def _opening_first(
        self, query: Query, opening: tuple[int, ...], ranked: list[tuple[int, float]]
    ) -> list[tuple[int, float]]:
        """``ranked`` with an article's opening first, in order (``retrieval.search.leads``):
        a long article's lead may rank below the head BM25 keeps, and is then scored here."""
        scored = dict(ranked)
        if any(index not in scored for index in opening):
            every = self._passages.index.get_scores(query.terms, query.scale)
            scored.update((index, float(every[index])) for index in opening)
        first = [(index, scored[index]) for index in opening]
        return first + [item for item in ranked if item[0] not in opening]

    def _asks_for_non_body(self, query: Query) -> bool:
        return not self._asking_for_roles.isdisjoint(self._passages.tokenizer.tokenize(query.text))

    def _body_first(self, query: Query, ranked: list[tuple[int, float]]) -> list[tuple[int, float]]:
        """``ranked`` with each non-body paragraph moved after the last body paragraph that
        holds every question word it holds (a card or a body paragraph never moves)."""
        passages = self._passages
        located = passages.located
        wanted = query.weights.keys()
        order = list(ranked)
        for item in ranked:
            index = item[0]
            role = located[index][1].role
            if passages.is_card(index) or located[index][1].is_body or role in SHOWN_AS_IS:
                continue
            held = passages.terms_of(index) & wanted
            place = order.index(item)
            last = max(
                (
                    at
                    for at, (other, _) in enumerate(order)
                    if not passages.is_card(other)
                    and (located[other][1].is_body or located[other][1].role in SHOWN_AS_IS)
                    and held <= passages.terms_of(other)
                ),
                default=-1,
            )
            if last > place:
                order.insert(last, order.pop(place))
        return order

    def _closeness(self, query: Query, indices: Sequence[int]) -> list[float]:
        """Each passage's closeness to the question (``retrieval.search.rerank``), read from the
        term ids kept at build; a term the corpus lacks gets an id of its own below zero."""
        passages = self._passages
        vocabulary = passages.index.vocabulary
        code = {
            term: vocabulary.get(term, -1 - n)
            for n, term in enumerate(dict.fromkeys([*query.terms, *query.weights]))
        }
        terms = [code[t] for t in query.terms]
        weights = {code[t]: w for t, w in query.weights.items()}
        kept = passages.kept
        of_ids = Closeness(terms, weights)
        found = []
        for i in indices:
            if i in passages.cards:  # a card: one "sentence"
                found.append(closeness(query.terms, query.weights, [passages.cards[i]]))
                continue
            own = kept.sentence_ids(i)
            near = of_ids(own)
            heading = kept.hidden_ids(i)
            if of_ids.touches(heading):  # read under its headings, in part (HEADING_SHARE)
                under = of_ids([[*heading, *sentence] for sentence in own])
                near += HEADING_SHARE * (under - near)
            found.append(near)
        return found

    def names_once(self, query: Query, hits: Sequence[Hit]) -> Query:
        """The query with each name among the hits counted once ("Kim Jong Un" weighs as its
        weightiest word; ``retrieval.question.weights.phrase_weights``)."""
        if not self._names_once:
            return query
        sentences = (self._passages.sentences(hit.index)[2] for hit in hits)
        return replace(query, weights=phrase_weights(query.terms, query.weights, sentences))

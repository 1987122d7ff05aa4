"""An answer's passages and its short summary, put together as the ``Answer`` the bot and
the command line render.

Each quoted passage comes with the spans of the question's words it holds (bolded when shown)
and its support. An ``answer`` also gets 1 to ``answer_sentences`` sentences from its body
passages (from its captions or bios when it quotes nothing else), chosen by the share of the
question's weight they hold, less ``RANK_PENALTY`` per place their passage stands below the
best, with maximal marginal relevance so that a second sentence adds something, and shown so
that they read as text (``readable``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence

from retrieval.answer import Answer, ArticleSummary, Passage, SummarySentence
from retrieval.corpus.genre import article_genre
from retrieval.corpus.markdown import SHOWN_AS_IS
from retrieval.corpus.models import Article, Genre, Paragraph
from retrieval.corpus.text import normalize
from retrieval.index.passages import Passages
from retrieval.question.query import Query
from retrieval.search.items import item_spans
from retrieval.search.ranking import Hit
from retrieval.summary.coherence import leans_back
from retrieval.verdict.decision import Decision, Evidence
from retrieval.verdict.support import support

MMR_LAMBDA = 0.7
RANK_PENALTY = 0.1  # SQuAD: the answer sentence is mostly in the best passage
MIN_SHARE = 0.5  # a summary sentence holds at least half what the best one holds...
ANY_SHARE = 1e-9  # ... unless none of those reads alone: then any that holds something


class Replies:
    """Turns a verdict on a question's hits into the ``Answer`` shown, for one corpus."""

    def __init__(self, passages: Passages, sentences: int) -> None:
        self._passages = passages
        self._sentences = sentences  # the answer summary's length
        self._topics = [article.title for article in passages.corpus]
        self._genres: dict[str, Genre] = {}

    def _genre(self, article: Article) -> Genre:
        """The article's genre, told once (``article_genre`` reads its sentences)."""
        genre = self._genres.get(article.slug)
        if genre is None:
            genre = self._genres[article.slug] = article_genre(article)
        return genre

    def answer(
        self,
        question: str,
        query: Query,
        hits: Sequence[Hit],
        evidence: Evidence,
        decision: Decision,
    ) -> Answer:
        """The ``Answer`` for ``decision`` on ``hits``: for ``none`` what the corpus covers, for
        ``closest`` the passages quoted as such, for ``answer`` the passages and a summary."""
        if decision.verdict == "none":
            return Answer(
                question=question,
                verdict="none",
                abstained=True,
                reason=decision.reason,
                missing=decision.missing,
                topics=self._topics,
            )
        passages, weights = self._passages, query.weights
        quoted = [quote(hits[i], weights, evidence.supports[i], passages) for i in decision.quoted]
        if decision.verdict == "closest":
            return Answer(
                question=question,
                verdict="closest",
                abstained=False,
                reason=decision.reason,
                passages=quoted,
                missing=decision.missing,
            )
        chosen = [hits[i] for i in decision.quoted]
        named = [hit for hit in chosen if hit.article in query.articles]
        return Answer(
            question=question,
            verdict="answer",
            abstained=False,
            passages=quoted,
            # A question naming an article ("the bloomberg pic") is summed up from its passages.
            summary=answer_summary(
                weights, named or chosen, passages, self._sentences, self._genre
            ),
        )

    def argument(self, question: str, query: Query, summaries: Sequence[ArticleSummary]) -> Answer:
        """The ``answer`` to a question asking what articles argue: each article's summary as
        the "In short", and the paragraphs its sentences come from, in order, as passages."""
        passages = self._passages
        scores = passages.index.get_scores(query.terms, query.scale)
        quoted: list[Passage] = []
        for summary in summaries:
            for number in dict.fromkeys(s.paragraph for s in summary.sentences):
                index = passages.paragraph_index(summary.article, number)
                words = support(query.terms, query.weights, passages.sentences(index)[2])
                hit = Hit(summary.article, number, float(scores[index]), index)
                quoted.append(quote(hit, query.weights, words, passages))
        return Answer(
            question=question,
            verdict="answer",
            abstained=False,
            passages=quoted,
            summary=[s for summary in summaries for s in summary.sentences],
        )


def quote(hit: Hit, weights: Mapping[str, float], support: float, passages: Passages) -> Passage:
    """A hit as a quoted ``Passage``, with the question's words it holds highlighted."""
    article, paragraph = passages.located[hit.index]
    highlights: list[tuple[int, int]] = []
    matched: dict[str, str] = {}
    for token in passages.tokenizer.tokens(paragraph.text):
        if token.term in weights:
            highlights.append((token.start, token.end))
            surface = paragraph.text[token.start : token.end]
            matched.setdefault(normalize(surface).casefold(), surface)
    return Passage(
        article=article.slug,
        title=article.title,
        publisher=article.publisher,
        paragraph=paragraph.number,
        citation=article.citation(paragraph.number),
        text=paragraph.text,
        score=hit.score,
        kind=paragraph.role,
        section=list(paragraph.section),
        author=article.author,
        matched_terms=list(matched.values()),
        highlights=highlights,
        support=round(support, 4),
    )


def answer_summary(
    weights: Mapping[str, float],
    hits: Sequence[Hit],
    passages: Passages,
    count: int,
    genre: Callable[[Article], Genre] = article_genre,
) -> list[SummarySentence]:
    """The answer's short summary from the sentences of its quoted passages.

    Body sentences are preferred; an answer quoting only captions, bios or cards ("Who is
    ...?" answered by a bio, "who wrote ...?" by a title card) is summarised from those, so
    that every answer has one. The
    chosen sentences read as text (``readable``): one that leans on the sentence before it
    comes with that sentence or not at all, and a paragraph's sentences keep their order. A
    question for an item of a numbered list ("what is rule 3") is answered by the item.
    """
    best = hits[0] if hits else None
    if best is not None and best.item is not None:
        article, paragraph = passages.located[best.index]
        spans = item_spans(passages, best.index, best.item)[:count]
        if spans:
            return [sentence_in(article, paragraph, *span) for span in spans]
    for admit in (_body, _any):
        candidates: list[tuple[Article, Paragraph, tuple[int, int]]] = []
        terms: list[list[str]] = []
        ranks: list[int] = []
        for rank, hit in enumerate(hits):
            article, paragraph = passages.located[hit.index]
            if not admit(passages, hit.index):
                continue
            spans, _, sentence_terms = passages.sentences(hit.index)
            candidates.extend((article, paragraph, span) for span in spans)
            terms.extend(sentence_terms)
            ranks.extend([rank] * len(spans))
        for floor in (MIN_SHARE, ANY_SHARE):  # the best, else any that holds a question word
            picked = ranked_sentences(weights, terms, passage_ranks=ranks, min_share=floor)
            chosen = readable(picked, candidates, count, genre)
            if chosen:
                return [sentence_in(*candidates[i][:2], *candidates[i][2]) for i in chosen]
    return []


def _body(passages: Passages, index: int) -> bool:
    return not passages.is_card(index) and passages.located[index][1].is_body


def _any(passages: Passages, index: int) -> bool:
    """Anything quotable but code and tables, which are shown as they are, never summarised."""
    return passages.located[index][1].role not in SHOWN_AS_IS


Candidate = tuple[Article, Paragraph, tuple[int, int]]


def readable(
    ranked: Iterable[int],
    candidates: Sequence[Candidate],
    count: int,
    genre: Callable[[Article], Genre] = article_genre,
) -> list[int]:
    """Up to ``count`` of the ``ranked`` sentences (best first) that read as text.

    A sentence that leans on the one before it ("Yet these are also precisely the reasons...",
    ``retrieval.summary.coherence``) is taken with that sentence, and that one with its own if
    it leans too; a chain reaching back past its paragraph's start is left out. A group that
    would pass ``count`` is left out, unless nothing else can be shown, and so is one that
    stands before a sentence already chosen from its paragraph. ``ranked`` is read only as
    far as these choices need (it may be a generator). The result keeps the
    paragraphs in the order their best sentence ranks, and each paragraph's sentences in
    their order in it: the best sentence first, unless it leans on the one before it.
    """

    def leans(i: int) -> bool:  # a caption or a bio stands alone: "This article first..."
        article, paragraph, (start, end) = candidates[i]
        return paragraph.is_body and leans_back(paragraph.text[start:end], genre(article))

    def same_paragraph(i: int, j: int) -> bool:
        return candidates[i][0] is candidates[j][0] and candidates[i][1] is candidates[j][1]

    def group_of(i: int) -> list[int]:
        group = [i]
        while leans(group[0]):
            before = group[0] - 1
            if before < 0 or not same_paragraph(before, group[0]):
                return []
            group.insert(0, before)
        return group

    groups = (group for group in map(group_of, ranked) if group)
    first: list[int] | None = None
    chosen: list[int] = []
    for group in groups:
        first = first or group
        new = [i for i in group if i not in chosen]
        earlier = any(same_paragraph(i, new[0]) and i > new[0] for i in chosen) if new else False
        # A later pick from a paragraph already quoted must come after what is chosen there,
        # so that the best sentence stays first and the paragraph keeps its order.
        if new and not earlier and len(chosen) + len(new) <= count:
            chosen.extend(new)
        if len(chosen) >= count:
            break
    if not chosen and first:
        chosen = first
    first_rank: dict[int, int] = {}
    for i in chosen:
        first_rank.setdefault(id(candidates[i][1]), len(first_rank))
    return sorted(chosen, key=lambda i: (first_rank[id(candidates[i][1])], i))


def sentence_in(article: Article, paragraph: Paragraph, start: int, end: int) -> SummarySentence:
    """A sentence of a paragraph, quoted and cited."""
    return SummarySentence(
        article=article.slug,
        title=article.title,
        publisher=article.publisher,
        paragraph=paragraph.number,
        citation=article.citation(paragraph.number),
        text=paragraph.text[start:end],
        section=list(paragraph.section),
        start=start,
        end=end,
    )


def ranked_sentences(
    query_weights: Mapping[str, float],
    sentences: Sequence[Sequence[str]],
    *,
    passage_ranks: Sequence[int] | None = None,
    min_share: float = MIN_SHARE,
) -> Iterator[int]:
    """Indices of the sentences that answer the query, best first, each found only when
    asked for (a long paragraph has hundreds, and a summary wants two or three).

    Relevance is the share of the query's information (idf mass) a sentence contains, less
    ``RANK_PENALTY`` per place its passage stands below the best one; MMR keeps a second
    sentence only if it adds something the first did not say.
    """
    total = sum(query_weights.values())
    if total <= 0:
        return
    term_sets = [frozenset(s) for s in sentences]
    ranks = passage_ranks or [0] * len(term_sets)
    relevance = [
        # Summed in the question's order: a set's order changes with the hash seed, and so
        # would the last bits of the sum, and with them which of two tied sentences wins.
        sum(w for t, w in query_weights.items() if t in terms) / total - RANK_PENALTY * rank
        for terms, rank in zip(term_sets, ranks, strict=True)
    ]
    best = max(relevance, default=0.0)
    if best <= 0:
        return
    chosen: list[int] = []
    candidates = [i for i, r in enumerate(relevance) if r >= min_share * best]
    while candidates:

        def mmr(i: int) -> tuple[float, int]:
            overlap = max((_jaccard(term_sets[i], term_sets[j]) for j in chosen), default=0.0)
            return (MMR_LAMBDA * relevance[i] - (1 - MMR_LAMBDA) * overlap, -i)

        pick = max(candidates, key=mmr)
        chosen.append(pick)
        candidates.remove(pick)
        yield pick


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    union = len(a | b)
    return len(a & b) / union if union else 0.0

"""An answer's passages and its short summary, put together as the ``Answer`` the bot and
the command line render.

Each quoted passage comes with the spans of the question's words it holds (bolded when shown)
and its support. An ``answer`` also gets 1 to ``answer_sentences`` sentences from its body
passages, chosen by the share of the question's weight they hold, less ``RANK_PENALTY`` per
place their passage stands below the best, with maximal marginal relevance so that a second
sentence adds something; best first. Captions, bios and cards are quoted, never summarised.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from retrieval.answer import Answer, Passage, SummarySentence
from retrieval.corpus.models import Article, Paragraph
from retrieval.corpus.text import normalize
from retrieval.index.passages import Passages
from retrieval.question.query import Query
from retrieval.search.ranking import Hit
from retrieval.verdict.decision import Decision, Evidence

MMR_LAMBDA = 0.7
RANK_PENALTY = 0.1  # SQuAD: the answer sentence is mostly in the best passage


class Replies:
    """Turns a verdict on a question's hits into the ``Answer`` shown, for one corpus."""

    def __init__(self, passages: Passages, sentences: int) -> None:
        self._passages = passages
        self._sentences = sentences  # the answer summary's length
        self._topics = [article.title for article in passages.corpus]

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
        return Answer(
            question=question,
            verdict="answer",
            abstained=False,
            passages=quoted,
            summary=answer_summary(weights, chosen, passages, self._sentences),
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
    weights: Mapping[str, float], hits: Sequence[Hit], passages: Passages, count: int
) -> list[SummarySentence]:
    """The answer's short summary from the sentences of its quoted body passages."""
    candidates: list[tuple[Article, Paragraph, tuple[int, int]]] = []
    terms: list[list[str]] = []
    ranks: list[int] = []
    for rank, hit in enumerate(hits):
        article, paragraph = passages.located[hit.index]
        if not paragraph.is_body:  # captions, bios, titles: quotable, never summarised
            continue
        spans, _, sentence_terms = passages.sentences(hit.index)
        candidates.extend((article, paragraph, span) for span in spans)
        terms.extend(sentence_terms)
        ranks.extend([rank] * len(spans))
    chosen = relevant_sentences(weights, terms, count, passage_ranks=ranks)
    return [sentence_in(*candidates[i][:2], *candidates[i][2]) for i in chosen]


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


def relevant_sentences(
    query_weights: Mapping[str, float],
    sentences: Sequence[Sequence[str]],
    count: int,
    *,
    passage_ranks: Sequence[int] | None = None,
    min_share: float = 0.5,
) -> list[int]:
    """Indices of up to ``count`` sentences that best answer the query, best first.

    Relevance is the share of the query's information (idf mass) a sentence contains, less
    ``RANK_PENALTY`` per place its passage stands below the best one; MMR keeps a second
    sentence only if it adds something the first did not say.
    """
    total = sum(query_weights.values())
    if total <= 0:
        return []
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
        return []
    chosen: list[int] = []
    candidates = [i for i, r in enumerate(relevance) if r >= min_share * best]
    while candidates and len(chosen) < count:

        def mmr(i: int) -> tuple[float, int]:
            overlap = max((_jaccard(term_sets[i], term_sets[j]) for j in chosen), default=0.0)
            return (MMR_LAMBDA * relevance[i] - (1 - MMR_LAMBDA) * overlap, -i)

        pick = max(candidates, key=mmr)
        chosen.append(pick)
        candidates.remove(pick)
    return chosen


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    union = len(a | b)
    return len(a & b) / union if union else 0.0

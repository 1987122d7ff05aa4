"""An answer's passages and its short summary, put together as the ``Answer`` the bot and
the command line render.

Each quoted passage comes with the spans of the question's words it holds (bolded when shown)
and its support. An ``answer`` also gets 1 to ``answer_sentences`` sentences from its body
passages (from its captions or bios when it quotes nothing else): its In short
(``retrieval.summary.in_short``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from retrieval.answer import Answer, ArticleSummary, Passage
from retrieval.corpus.genre import article_genre
from retrieval.corpus.models import Article, Genre
from retrieval.corpus.text import normalize
from retrieval.index.passages import Passages
from retrieval.question.query import Query
from retrieval.search.ranking import Hit
from retrieval.search.sections import asked_under
from retrieval.summary.in_short import answer_summary, stating
from retrieval.verdict.decision import Decision, Evidence
from retrieval.verdict.support import support


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
        chosen = _within_asked_section(passages, query, [hits[i] for i in decision.quoted])
        named = [hit for hit in chosen if hit.article in query.articles]
        return Answer(
            question=question,
            verdict="answer",
            abstained=False,
            passages=quoted,
            # A question naming an article ("the bloomberg pic") is summed up from its passages.
            summary=answer_summary(
                weights,
                named or chosen,
                passages,
                self._sentences,
                self._genre,
                # a way asked for is told, not counted: "How do I change how many monthly
                # snapshots are kept?" (docs check) opened with a number, not the way
                states=None if evidence.way_to else stating(evidence.asks, query.meant),
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

    def which_article(self, question: str) -> Answer:
        """``none`` to a question asking what an article argues that names none of several
        ("summarize the article"): which one is meant, and how to name it."""
        return Answer(
            question=question,
            verdict="none",
            abstained=True,
            reason=(
                "Which article? Name the one to sum up by a word of its title, its publisher "
                "or its author"
                + (
                    f" (for example: summarize the article on {self._topics[0]})."
                    if self._topics
                    else "."
                )
            ),
            topics=self._topics,
        )


def _within_asked_section(passages: Passages, query: Query, hits: list[Hit]) -> list[Hit]:
    """``hits`` of the first one's section alone when its heading asks the question (an FAQ
    entry, ``sections.asked_under``): the In short answers that entry, not the next one that
    shares a word ("how do i become a mod" and "Report to Mods")."""
    if not hits:
        return hits
    section = asked_under(passages, query, hits[0].index)
    if not section:
        return hits
    return [
        hit
        for hit in hits
        if hit.article == hits[0].article and passages.located[hit.index][1].section == section
    ]


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

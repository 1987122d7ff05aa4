"""An answer's In short: 1 to a few sentences from its quoted passages, chosen and ordered by
``retrieval.summary.choice``; the item a numbered-list question asks for, or a table's row,
when that answers better than any sentence.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from retrieval.answer import SummarySentence
from retrieval.corpus.genre import article_genre
from retrieval.corpus.markdown import SHOWN_AS_IS, TABLE
from retrieval.corpus.models import Article, Genre, Paragraph
from retrieval.corpus.sentences import opens_with_bullet
from retrieval.index.passages import Passages
from retrieval.search.items import item_spans
from retrieval.search.ranking import Hit
from retrieval.search.rerank import share
from retrieval.summary.choice import (
    ANY_SHARE,
    MIN_SHARE,
    STATES_BONUS,
    Candidate,
    ranked_sentences,
    readable,
    relevances,
)
from retrieval.verdict.asked_for import Wanted, holds

Admit = Callable[[Passages, int], bool]  # which hits' sentences a pass may show
# sentences, their terms, their hits' ranks, and each one's STATES_BONUS (None: none asked)
_Pool = tuple[list[Candidate], list[list[str]], list[int], list[float] | None]


def stating(wanted: Wanted | None, question: str) -> Callable[[str], bool] | None:
    """Whether a sentence states what the question asks for (``asked_for.holds``), when it
    asks for a time, a number or a name."""
    if wanted is None:
        return None
    return lambda text: holds(wanted, text, question)


def answer_summary(
    weights: Mapping[str, float],
    hits: Sequence[Hit],
    passages: Passages,
    count: int,
    genre: Callable[[Article], Genre] = article_genre,
    states: Callable[[str], bool] | None = None,
) -> list[SummarySentence]:
    """The answer's short summary from the sentences of its quoted passages.

    Body sentences are preferred; an answer quoting only captions, bios or cards ("Who is
    ...?" answered by a bio, "who wrote ...?" by a title card) is summarised from those, and
    one quoting only a table by its row that holds the most of the question, so that every
    answer has one. A table that comes first is summed up by that row when the row holds more
    of the question than any sentence does ("when does the beta open" and "Beta | 14 April",
    not a sentence of the next section that names the beta). The
    chosen sentences read as text (``readable``): one that leans on the sentence before it
    comes with that sentence or not at all, and a paragraph's sentences keep their order. A
    question for an item of a numbered list ("what is rule 3") is answered by the item.
    ``states``: whether a sentence states the time, number or name the question asks for; such
    a sentence comes first among those holding as much of the question (``STATES_BONUS``).
    """
    best = hits[0] if hits else None
    if best is not None and best.item is not None:
        article, paragraph = passages.located[best.index]
        spans = item_spans(passages, best.index, best.item)[:count]
        if spans:
            return [sentence_in(article, paragraph, *span) for span in spans]
    row = _best_row(weights, best, passages) if best is not None else None
    pools: dict[Admit, _Pool] = {}  # each read once: the later passes are rare
    if row is not None:
        _, terms, ranks, _ = pools[_body] = _pool(hits, passages, _body, states)
        if row[0] > max(relevances(weights, [frozenset(t) for t in terms], ranks), default=0.0):
            return [row[1]]
    # A question the passages ask and do not answer is shown only if nothing else can be, and
    # a sentence leaning on the paragraph before its own ("Nevertheless, ...", after "Much of
    # this rhetoric...") with its paragraph's sentences before it: every answer has an In short.
    for last_resort, admit in ((False, _body), (False, _any), (True, _body), (True, _any)):
        pool = pools.get(admit)
        if pool is None:
            pool = pools[admit] = _pool(hits, passages, admit, states)
        candidates, terms, ranks, extra = pool
        for floor in (MIN_SHARE, ANY_SHARE):  # the best, else any that holds a question word
            picked = ranked_sentences(
                weights, terms, passage_ranks=ranks, min_share=floor, extra=extra
            )
            chosen = readable(
                picked, candidates, count, genre, unanswered=last_resort, clipped=last_resort
            )
            if chosen:
                return [sentence_in(*candidates[i][:2], *candidates[i][2]) for i in chosen]
    return _table_row(weights, hits, passages)


def _table_row(
    weights: Mapping[str, float], hits: Sequence[Hit], passages: Passages
) -> list[SummarySentence]:
    """For an answer that quotes no sentence, only tables: the row of its first table that
    holds the most of the question ("timeout | seconds before giving up"). A table is never
    summarised, but one of its rows can be the answer."""
    for hit in hits:
        row = _best_row(weights, hit, passages)
        if row is not None:
            return [row[1]]
    return []


def _best_row(
    weights: Mapping[str, float], hit: Hit, passages: Passages
) -> tuple[float, SummarySentence] | None:
    """The row of a table hit that holds the most of the question, with its share; its
    header row only when nothing else does (it names the columns, and answers nothing)."""
    article, paragraph = passages.located[hit.index]
    if paragraph.role != TABLE:
        return None
    tokenize = passages.tokenizer.tokenize
    rows, start = [], 0
    for row in paragraph.text.split("\n"):
        rows.append((share(weights, set(tokenize(row))), start, start + len(row)))
        start += len(row) + 1
    held = [row for row in rows[1:] if row[0] > 0] or [row for row in rows[:1] if row[0] > 0]
    if not held:
        return None
    best = max(held, key=lambda row: row[0])  # the first of the best
    return best[0], sentence_in(article, paragraph, best[1], best[2])


def _pool(
    hits: Sequence[Hit],
    passages: Passages,
    admit: Admit,
    states: Callable[[str], bool] | None,
) -> _Pool:
    """The sentences of the hits ``admit`` takes, with their terms, their hit's rank and, when
    ``states`` is given, ``STATES_BONUS`` for each that states what is asked for. A
    paragraph's headings count for its first sentence ("How do I reset it?" over "Hold the
    button..."), but not for a bulleted list's first item (a numbered one's first step starts
    its procedure): under "Stats", "Health: 4,500" is no more about the frost golem than
    "Respawn time: 15 minutes", which answers "how often does the frost golem respawn"."""
    candidates: list[Candidate] = []
    terms: list[list[str]] = []
    ranks: list[int] = []
    for rank, hit in enumerate(hits):
        article, paragraph = passages.located[hit.index]
        if not admit(passages, hit.index):
            continue
        spans, _, sentence_terms = passages.sentences(hit.index)
        if not passages.is_card(hit.index) and opens_with_bullet(paragraph.text):
            # the headings say what the whole list is about, not its first item
            sentence_terms = passages.kept.sentences(hit.index, hidden=False)
        candidates.extend((article, paragraph, span) for span in spans)
        terms.extend(sentence_terms)
        ranks.extend([rank] * len(spans))
    if states is None:
        return candidates, terms, ranks, None
    extra = [STATES_BONUS if states(p.text[a:b]) else 0.0 for _, p, (a, b) in candidates]
    return candidates, terms, ranks, extra


def _body(passages: Passages, index: int) -> bool:
    return not passages.is_card(index) and passages.located[index][1].is_body


def _any(passages: Passages, index: int) -> bool:
    """Anything quotable but code and tables, which are shown as they are, never summarised."""
    return passages.located[index][1].role not in SHOWN_AS_IS


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

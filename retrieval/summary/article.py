"""An article's summary: its body sentences scored by centrality and Edmundson's features.

``summary_sentences`` is pure, over term lists and sentence texts, so it is easy to test and to
reuse; ``summarize_article`` feeds it an article's body sentences from the index and quotes
the ones chosen.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from retrieval.answer import ArticleSummary
from retrieval.corpus.genre import Genre, article_genre
from retrieval.corpus.models import Paragraph
from retrieval.corpus.sentences import introduces
from retrieval.index.passages import Passages
from retrieval.summary.coherence import NewsPointers, leans_back
from retrieval.summary.cues import cue_score
from retrieval.summary.in_short import sentence_in
from retrieval.summary.location import location_scores
from retrieval.summary.settings import SummarySettings

DAMPING = 0.85
MAX_GRAPH_SENTENCES = 400  # bounds the cost; later sentences of longer articles are not candidates
REDUNDANT_SIMILARITY = 0.5
MIN_SENTENCE_TERMS = 4


@dataclass(frozen=True, slots=True)
class Sentence:
    """A candidate sentence of an article's body: its terms, its text, and the body paragraph
    (counted from 0, captions and bios left out) it sits in."""

    terms: Sequence[str]
    text: str
    paragraph: int


@dataclass(frozen=True, slots=True)
class FeatureWeights:
    """Edmundson's linear combination: how much each feature counts in a sentence's score.

    Centrality is the sentence's PageRank over the maximum; title the share of the title's
    terms it holds; cue +1 for a phrase that recommends or concludes, -1 for a hedge, a
    question or someone else's words (``retrieval.summary.cues``); location where the genre of
    article puts its point (``retrieval.summary.location``).
    """

    centrality: float
    title: float
    cue: float
    location: float


# News: centrality alone scores best on BBC News, whose reference summaries are central
# sentences; title words, cue phrases and a lead bonus only lowered ROUGE there in trials.
# An opinion piece's point is what it recommends: cues count most, then the turn and the
# close, the title's words ("Engage ...") and centrality, each half as much.
WEIGHTS: dict[Genre, FeatureWeights] = {
    "news": FeatureWeights(centrality=1.0, title=0.0, cue=0.0, location=0.0),
    "opinion": FeatureWeights(centrality=0.5, title=0.5, cue=1.0, location=0.5),
}


def summary_sentences(
    sentences: Sequence[Sentence],
    title: Sequence[str],
    count: int,
    *,
    genre: Genre,
    position_weight: float = 0.0,
    coherent: bool = True,
    news_pointers: NewsPointers = "demonstratives",
) -> list[int]:
    """Indices of the ``count`` best sentences for a summary, in document order.

    Each sentence is scored by ``WEIGHTS[genre]`` over its centrality (TextRank: Mihalcea and
    Tarau, 2004, with the random jump biased towards the opening by ``position_weight``),
    its share of the title's terms, its cue phrases and its location. The best are taken in
    turn, passing over one too similar (tf-idf cosine) to one already chosen. When
    ``coherent``, a sentence that leans on the one before it (``retrieval.summary.coherence``: any
    pointer in an opinion piece, a demonstrative in news unless ``news_pointers`` is "all")
    comes with that one, or not at all: such a pair is worth the mean of its two scores. A
    sentence ending on a colon, which introduces what the summary will not show, is taken only
    when too few others are left.
    """
    n = min(len(sentences), MAX_GRAPH_SENTENCES)
    if n == 0 or count <= 0:
        return []
    shown = sentences[:n]
    terms = [s.terms for s in shown]
    score = _scores(shown, title, genre, position_weight)
    vectors = _tfidf(terms)
    cosine = np.einsum("ik,jk->ij", vectors, vectors)  # not BLAS: see _overlap_similarity
    redundant: list[list[bool]] = (cosine >= REDUNDANT_SIMILARITY).tolist()
    long_enough = [len(set(t)) >= MIN_SENTENCE_TERMS for t in terms]
    # A sentence ending on a colon introduces what follows it (a list, a code block, a
    # quotation), which a summary does not show: it is taken only to fill up.
    complete = [not introduces(s.text) for s in shown]
    pointers: Genre = "opinion" if news_pointers == "all" else genre
    leaning = [coherent and leans_back(s.text, pointers) for s in shown]
    groups = [_with_antecedents(i, leaning) for i in range(n)]
    chosen: list[int] = []
    taken: set[int] = set()
    for strict in (True, False):  # too few good sentences: fill up rather than return fewer
        while len(chosen) < count:
            best, best_value = -1, -math.inf
            for i in range(n):
                added = [j for j in groups[i] if j not in taken]
                if i in taken or not added or len(chosen) + len(added) > count:
                    continue
                if strict and (
                    not long_enough[i] or not complete[i] or any(redundant[i][j] for j in chosen)
                ):
                    continue
                value = sum(score[j] for j in added) / len(added)  # per sentence shown
                if value > best_value:
                    best, best_value = i, value
            if best < 0:
                break
            for j in groups[best]:
                if j not in taken:
                    chosen.append(j)
                    taken.add(j)
    return sorted(chosen)


def _scores(
    sentences: Sequence[Sentence], title: Sequence[str], genre: Genre, position_weight: float
) -> list[float]:
    """Edmundson's linear combination of the features, weighted for ``genre``."""
    terms = [s.terms for s in sentences]
    rank = _pagerank(_overlap_similarity(terms), _opening_jump(len(terms), position_weight))
    centrality = (rank / rank.max()).tolist()
    weights = WEIGHTS[genre]
    title_terms = frozenset(title)
    location = location_scores([s.text for s in sentences], [s.paragraph for s in sentences], genre)
    return [
        weights.centrality * centrality[i]
        + weights.title * len(title_terms.intersection(terms[i])) / max(1, len(title_terms))
        + weights.cue * cue_score(sentences[i].text)
        + weights.location * location[i]
        for i in range(len(sentences))
    ]


def _with_antecedents(i: int, leaning: Sequence[bool]) -> list[int]:
    """``i`` and the sentences it leans on, back to one that stands alone; [] if none does."""
    group = [i]
    while leaning[group[-1]]:
        if group[-1] == 0:
            return []
        group.append(group[-1] - 1)
    return group


def _opening_jump(n: int, position_weight: float) -> npt.NDArray[np.float64]:
    """PageRank's random jump: uniform, with ``position_weight`` of it towards the opening."""
    opening = 1.0 / np.arange(1, n + 1)
    jump: npt.NDArray[np.float64] = (1 - position_weight) / n + position_weight * (
        opening / opening.sum()
    )
    return jump


def _overlap_similarity(sentences: Sequence[Sequence[str]]) -> npt.NDArray[np.float64]:
    """TextRank's edge weight: shared terms / (log |s1| + log |s2|), 0 on the diagonal.

    Terms are counted as the lengths are, occurrence by occurrence: a term twice in one
    sentence and once in the other is shared once (the overlap of the two multisets), so a
    repeated term weighs in the numerator as it does in the denominator. Shared terms are
    counted as a product of 0/1 incidence matrices whose columns are (term, nth occurrence),
    in integers: numpy then multiplies in its own loops, where a float product of this small
    size would call BLAS, whose worker threads cost milliseconds when other processes hold
    the cores.
    """
    n = len(sentences)
    columns: dict[tuple[str, int], int] = {}
    rows: list[int] = []
    cells: list[int] = []
    for row, terms in enumerate(sentences):
        for term, times in Counter(terms).items():
            for nth in range(times):
                rows.append(row)
                cells.append(columns.setdefault((term, nth), len(columns)))
    incidence = np.zeros((n, len(columns)), dtype=np.int64)
    incidence[rows, cells] = 1
    shared = incidence @ incidence.T
    logs = np.array([math.log(len(s)) if len(s) > 1 else 0.0 for s in sentences])
    norm = logs[:, None] + logs[None, :]
    graph: npt.NDArray[np.float64] = np.divide(shared, norm, out=np.zeros((n, n)), where=norm > 0)
    np.fill_diagonal(graph, 0.0)
    return graph


def _tfidf(sentences: Sequence[Sequence[str]]) -> npt.NDArray[np.float64]:
    n = len(sentences)
    df: Counter[str] = Counter()
    for terms in sentences:
        df.update(set(terms))
    column = {term: i for i, term in enumerate(df)}
    vectors = np.zeros((n, len(column)))
    for row, terms in enumerate(sentences):
        for term, tf in Counter(terms).items():
            vectors[row, column[term]] = (1 + math.log(tf)) * math.log(1 + n / df[term])
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    normalised: npt.NDArray[np.float64] = vectors / norms
    return normalised


def _pagerank(
    similarity: npt.NDArray[np.float64], jump: npt.NDArray[np.float64], iterations: int = 100
) -> npt.NDArray[np.float64]:
    out_weight = similarity.sum(axis=1, keepdims=True)
    dangling = (out_weight == 0).ravel()
    out_weight[out_weight == 0] = 1.0
    transition = similarity / out_weight
    rank = jump.copy()
    for _ in range(iterations):
        spread = np.einsum("i,ij->j", rank, transition) + rank[dangling].sum() * jump
        new: npt.NDArray[np.float64] = (1 - DAMPING) * jump + DAMPING * spread
        if np.abs(new - rank).sum() < 1e-10:
            return new
        rank = new
    return rank


def summarize_article(
    passages: Passages, slug: str, count: int, settings: SummarySettings
) -> ArticleSummary:
    """The ``count`` body sentences that best state an article's point, in document order."""
    found = passages.corpus.by_slug[slug]
    genre = article_genre(found)
    located: list[tuple[Paragraph, tuple[int, int]]] = []
    candidates: list[Sentence] = []
    body = (p for p in found.paragraphs if p.is_body)
    for place, paragraph in enumerate(body):
        spans, _, sentence_terms = passages.sentences(
            passages.paragraph_index(found.slug, paragraph.number)
        )
        for (start, end), terms in zip(spans, sentence_terms, strict=True):
            located.append((paragraph, (start, end)))
            candidates.append(Sentence(terms, paragraph.text[start:end], place))
    chosen = summary_sentences(
        candidates,
        passages.tokenizer.tokenize(found.title),
        count,
        genre=genre,
        position_weight=settings.position_weight,
        coherent=settings.coherent,
        news_pointers=settings.news_pointers,
    )
    quotes = [sentence_in(found, located[i][0], *located[i][1]) for i in chosen]
    return ArticleSummary(
        article=found.slug,
        title=found.title,
        publisher=found.publisher,
        author=found.author,
        kind=genre,
        sentences=quotes,
    )

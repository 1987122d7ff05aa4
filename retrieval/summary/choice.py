"""Which sentences an answer's "In short" takes, and in what order.

``ranked_sentences`` orders a passage's sentences by the share of the question's weight they
hold, less ``RANK_PENALTY`` per place their passage stands below the best, with maximal
marginal relevance so that a second sentence adds something (and never one in the same words
as a sentence chosen: docs repeat "Add the following lines to mkdocs.yml:"); ``readable``
takes as many as asked of them that read as text (``retrieval.summary.coherence``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence

from retrieval import patterns
from retrieval.corpus.genre import article_genre
from retrieval.corpus.models import Article, Genre, Paragraph
from retrieval.corpus.sentences import asks as asks_question
from retrieval.corpus.sentences import introduces, only_replies
from retrieval.search.rerank import share
from retrieval.summary.coherence import leans_back

MMR_LAMBDA = 0.7
RANK_PENALTY = 0.1  # SQuAD: the answer sentence is mostly in the best passage
MIN_SHARE = 0.5  # a summary sentence holds at least half what the best one holds...
ANY_SHARE = 1e-9  # ... unless none of those reads alone: then any that holds something
# A question asking for a time, a number or a name ("how many delegates") is answered by a
# sentence stating one: it counts this much more than the question's words give it ("The more
# than 3,000 delegates..." before "We still don't know the exact date that delegates will
# convene"). SQuAD dev, answered questions, In short's first sentence holding the answer: fitted
# on the even-numbered questions (0.1: +0.3 points, 0.2: +0.5, 0.3 and 0.4: +0.6, 1.0: +0.2),
# 73.9% -> 74.4% on the odd-numbered ones (asking for a time, number or name: 73.6% -> 75.5%).
STATES_BONUS = 0.3

Candidate = tuple[Article, Paragraph, tuple[int, int]]


def readable(
    ranked: Iterable[int],
    candidates: Sequence[Candidate],
    count: int,
    genre: Callable[[Article], Genre] = article_genre,
    *,
    unanswered: bool = False,
    clipped: bool = False,
) -> list[int]:
    """Up to ``count`` of the ``ranked`` sentences (best first) that read as text.

    A sentence that leans on the one before it ("Yet these are also precisely the reasons...",
    ``retrieval.summary.coherence``) is taken with that sentence, and that one with its own if
    it leans too; a chain reaching back past its paragraph's start is left out, or with
    ``clipped`` (when nothing else could be shown) taken from that start. A question
    ("How long do warnings last?", as FAQs and opinion pieces ask one and answer it) is taken
    with the sentence after it, and alone only with ``unanswered`` (when nothing else could be
    shown): not as a paragraph's last sentence. So is a sentence that introduces what follows
    it in its paragraph ("To reset it:" and the list's first step), and alone when it ends
    its paragraph (the code or table it introduces is the next passage); and a bare reply
    ("Yes.") with the sentence that says what it means, if its paragraph has one. A group that
    would pass ``count`` is left out, unless nothing else can be shown, and so is one that
    stands before a sentence already chosen from its paragraph. ``ranked`` is read only as
    far as these choices need (it may be a generator). The result keeps the
    paragraphs in the order their best sentence ranks, and each paragraph's sentences in
    their order in it: the best sentence first, unless it leans on the one before it.
    """

    def body_sentence(i: int) -> str | None:  # a caption or a bio stands alone: "This..."
        _, paragraph, (start, end) = candidates[i]
        return paragraph.text[start:end] if paragraph.is_body else None

    def leans(i: int) -> bool:
        sentence = body_sentence(i)
        return sentence is not None and leans_back(sentence, genre(candidates[i][0]))

    def same_paragraph(i: int, j: int) -> bool:
        return candidates[i][0] is candidates[j][0] and candidates[i][1] is candidates[j][1]

    def group_of(i: int) -> list[int]:
        group = [i]
        while leans(group[0]):
            before = group[0] - 1
            if before < 0 or not same_paragraph(before, group[0]):
                if clipped:
                    break
                return []
            group.insert(0, before)
        # a question, then what answers it; an introduction ("To reset it:"), what follows
        # it; a bare reply ("Yes."), what it means
        while (last := body_sentence(group[-1])) and (
            asks_question(last) or introduces(last) or only_replies(last)
        ):
            after = group[-1] + 1
            if after >= len(candidates) or not same_paragraph(after, group[-1]):
                if introduces(last) or only_replies(last):  # the next passage, or nothing more
                    return group
                return group if unanswered else []
            group.append(after)
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
    chosen = _steps_in_a_row(chosen, candidates, count)
    first_rank: dict[int, int] = {}
    for i in chosen:
        first_rank.setdefault(id(candidates[i][1]), len(first_rank))
    return sorted(chosen, key=lambda i: (first_rank[id(candidates[i][1])], i))


def ranked_sentences(
    query_weights: Mapping[str, float],
    sentences: Sequence[Sequence[str]],
    *,
    passage_ranks: Sequence[int] | None = None,
    min_share: float = MIN_SHARE,
    extra: Sequence[float] | None = None,
) -> Iterator[int]:
    """Indices of the sentences that answer the query, best first, each found only when
    asked for (a long paragraph has hundreds, and a summary wants two or three). ``extra`` is
    added to each relevance above 0 (``STATES_BONUS``).

    Relevance is the share of the query's information (idf mass) a sentence contains, less
    ``RANK_PENALTY`` per place its passage stands below the best one; MMR keeps a second
    sentence only if it adds something the first did not say.
    """
    term_sets = [frozenset(s) for s in sentences]
    relevance = relevances(query_weights, term_sets, passage_ranks)
    if extra is not None:
        relevance = [r + e if r > 0 else r for r, e in zip(relevance, extra, strict=True)]
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
        # A sentence saying what the one chosen says in the same words adds nothing: docs
        # repeat "Add the following lines to mkdocs.yml:" before every snippet.
        candidates = [i for i in candidates if term_sets[i] != term_sets[pick]]
        yield pick


def relevances(
    query_weights: Mapping[str, float],
    term_sets: Sequence[frozenset[str]],
    passage_ranks: Sequence[int] | None = None,
) -> list[float]:
    """Each sentence's relevance as ``ranked_sentences`` ranks them: its share of the query's
    information less ``RANK_PENALTY`` per place its passage stands below the best one."""
    ranks = passage_ranks or [0] * len(term_sets)
    pairs = zip(term_sets, ranks, strict=True)
    return [share(query_weights, terms) - RANK_PENALTY * rank for terms, rank in pairs]


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    union = len(a | b)
    return len(a & b) / union if union else 0.0


# A numbered list's item opens its line: "1. ", "2) ".
_NUMBERED = patterns.compile(r"^[ \t]*\d{1,3}[.)][ \t]", re.MULTILINE)


def _steps_in_a_row(chosen: list[int], candidates: Sequence[Candidate], count: int) -> list[int]:
    """``chosen`` with no step left out between two steps of a numbered list ("Join the
    server once." and "Send the code to the bot." without "Type /link; you get a code."):
    the steps between come too when ``count`` allows, else the steps in a row from the best
    one towards the others, as many as the other picks leave room for."""
    kept = list(chosen)
    done: set[int] = set()
    for i in chosen:
        paragraph = candidates[i][1]
        if id(paragraph) in done:
            continue
        done.add(id(paragraph))
        picks = [j for j in kept if candidates[j][1] is paragraph]  # best first
        low, high = min(picks), max(picks)
        if high - low + 1 == len(picks) or not _is_numbered(paragraph.text):
            continue  # already in a row
        others = [j for j in kept if candidates[j][1] is not paragraph]
        room = max(1, count - len(others))
        if high - low + 1 <= room:
            run = list(range(low, high + 1))
        else:  # ending at the best step, or from it when it is the first
            start = max(low, picks[0] - room + 1)
            run = list(range(start, start + room))
        at = kept.index(picks[0])
        kept = (
            [j for j in kept[:at] if j not in picks]
            + run
            + [j for j in kept[at:] if j not in picks]
        )
    return kept


def _is_numbered(text: str) -> bool:
    """Whether ``text`` is a numbered list, after the line that introduces it if any."""
    lines = [line for line in text.splitlines() if line.strip()]
    items = lines[1:] if lines and not _NUMBERED.match(lines[0]) else lines
    return len(items) > 1 and all(_NUMBERED.match(line) for line in items)

"""A passage's *support*: how much of what the question asks it holds, from 0 to 1.

How much of the question's information it holds anywhere, in one sentence, and with the
question's word pairs kept together (``support``, each word weighted by
``retrieval.question.weights``; the shares are ``retrieval.search.rerank``'s), blended with how
close it is to the question in meaning (``with_meaning``, ``retrieval.index.meaning``); and the
largest share of the question one word it lacks carries (``largest_gap``).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from retrieval.search.rerank import best_sentence_share, pair_share, share
from retrieval.verdict.settings import SUPPORT_WEIGHTS, VerdictSettings


def support(
    query: Sequence[str],
    weights: Mapping[str, float],
    sentences: Sequence[Sequence[str]],
    parts: tuple[float, float, float] = SUPPORT_WEIGHTS,
    stand_ins: Mapping[str, float] | None = None,
) -> float:
    """How well one passage answers the question, from 0 to 1.

    ``stand_ins`` gives partial credit (0 to 1) to question terms the passage lacks but says
    with a word of the same meaning ("photo" / "picture"); it counts in the passage's share.

    By default half the share of the question's information anywhere in the passage, a
    quarter the share in its best sentence, a quarter the (weighted) share of the question's
    word pairs it keeps together (a one-term question counts its sentence share there). An
    off-topic question often finds its words scattered over a passage; an answerable one
    finds them together.
    """
    found = {term for terms in sentences for term in terms}
    anywhere = share(weights, found)
    if stand_ins:
        total = sum(weights.values())
        extra = sum(weights[t] * v for t, v in stand_ins.items() if t in weights and t not in found)
        anywhere = min(1.0, anywhere + (extra / total if total else 0.0))
    sentence = best_sentence_share(weights, sentences)
    pairs = pair_share(query, sentences, weights)
    passage_weight, sentence_weight, pair_weight = parts
    return (
        passage_weight * anywhere
        + sentence_weight * sentence
        + pair_weight * (sentence if pairs is None else pairs)
    )


def with_meaning(words: float, similarity: float, settings: VerdictSettings) -> float:
    """A passage's support: its words' support blended with its similarity in meaning."""
    alpha = settings.meaning_weight
    return (1 - alpha) * words + alpha * max(0.0, similarity)


def largest_gap(
    weights: Mapping[str, float],
    present: set[str],
    stand_ins: Mapping[str, float],
    among: Collection[str] | None = None,
) -> float:
    """The largest share of the question's information held by one word the passage lacks
    (a word said in other words counts as held, as far as it is the same); with ``among``,
    only those words count (their share is still of the whole question)."""
    total = sum(weights.values())
    if total <= 0:
        return 0.0
    return max(
        (
            weight * (1 - stand_ins.get(term, 0.0)) / total
            for term, weight in weights.items()
            if term not in present and (among is None or term in among)
        ),
        default=0.0,
    )

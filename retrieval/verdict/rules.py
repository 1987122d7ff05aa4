"""Whether the corpus answers a question: the rule, its settings and how it explains itself.

Three verdicts, from one passage's *support*: how much of the question's information it holds
anywhere, in one sentence, and with the question's word pairs kept together (``support``, each
word weighted by ``retrieval.question.weights``), blended with how close it is to the question
in meaning (``with_meaning``, ``retrieval.index.meaning``):

* ``answer``: the best passage's support reaches ``min_coverage`` and it lacks no word that
  carries ``max_gap`` of the question's information; passages with at least half that
  support are quoted, with a short summary.
* ``closest``: it reaches ``min_relevance`` only, or lacks the word the question turns on: the
  articles touch the subject but no passage holds what is asked. The closest passages are
  quoted as such, with the informative words of the question they lack, and no summary is
  offered as an answer.
* ``none``: nothing reaches ``min_relevance``, or the question is off the articles' subject
  (``on_subject``); the reply says what the articles cover.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from retrieval.search.rerank import best_sentence_share, pair_share, share

Verdict = Literal["answer", "closest", "none"]

# Support's default parts: the passage's share, its best sentence's, its word pairs'.
SUPPORT_WEIGHTS = (0.5, 0.25, 0.25)
WEIGHTS_RULE = "must be three weights of 0 or more that add up to 1"
MAX_MISSING_WORDS = 4
MISSING_WEIGHT_SHARE = 0.4  # lighter words ("go", "ever") are not worth naming as missing
ON_SUBJECT_SHARE = 0.5


class VerdictSettings(BaseModel):
    """The verdict's thresholds; they live in the ``[retrieval]`` section of the configuration."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    min_coverage: float = Field(
        0.4,
        ge=0,
        le=1,
        description="A confident answer needs one passage whose support reaches this.",
    )
    min_relevance: float = Field(
        0.2,
        ge=0,
        le=1,
        description="Below this support the articles do not cover the question at all.",
    )
    meaning_weight: float = Field(
        0.3,
        ge=0,
        le=1,
        description=(
            "Share of a passage's support that is its closeness in meaning to the question "
            "(retrieval.index.meaning); 0: words alone."
        ),
    )
    max_gap: float = Field(
        0.3,
        gt=0,
        le=1,
        description=(
            "A passage lacking one question word that carries this share of the question's "
            "information or more is only the closest, however much else it holds."
        ),
    )
    min_topic: float = Field(
        0.2,
        ge=-1,
        le=1,
        description=(
            "Below this closeness in meaning to every quoted article's subject (and with less "
            "than half the question's words in a passage), the articles do not cover it."
        ),
    )
    support_weights: tuple[float, float, float] = Field(
        SUPPORT_WEIGHTS,
        description=(
            "How a passage's support adds up: its share of the question's information, its "
            "best sentence's share, and its share of the question's word pairs; sum 1."
        ),
    )

    @field_validator("support_weights", mode="before")
    @classmethod
    def _three_weights(cls, value: object) -> object:
        # Counted first, so that a wrong count gets this sentence, not one error per item.
        if isinstance(value, list | tuple) and len(value) != 3:
            raise ValueError(WEIGHTS_RULE)
        return value

    @field_validator("support_weights")
    @classmethod
    def _weights_sum_to_one(cls, value: tuple[float, float, float]) -> tuple[float, float, float]:
        if any(w < 0 for w in value) or not math.isclose(sum(value), 1.0):
            raise ValueError(WEIGHTS_RULE)
        return value

    @model_validator(mode="after")
    def _relevance_below_coverage(self) -> VerdictSettings:
        if self.min_relevance > self.min_coverage:
            raise ValueError("min_relevance must not be above min_coverage")
        return self


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


def on_subject(topic: float, words_share: float, settings: VerdictSettings) -> bool:
    """Whether the articles touch the question's subject at all.

    Either the question is close in meaning to what one of the quoted passages' articles is
    about (``topic``, ``retrieval.index.meaning``), or the best passage holds at least half of what
    it asks in words (a question about an article's byline is not about its subject).
    """
    return topic >= settings.min_topic or words_share >= ON_SUBJECT_SHARE


def largest_gap(
    weights: Mapping[str, float], present: set[str], stand_ins: Mapping[str, float]
) -> float:
    """The largest share of the question's information held by one word the passage lacks
    (a word said in other words counts as held, as far as it is the same)."""
    total = sum(weights.values())
    if total <= 0:
        return 0.0
    return max(
        (
            weight * (1 - stand_ins.get(term, 0.0)) / total
            for term, weight in weights.items()
            if term not in present
        ),
        default=0.0,
    )


def decide(
    best_support: float, lacking: float, subject: bool, settings: VerdictSettings
) -> Verdict:
    """The verdict for a question whose best passage has ``best_support`` and lacks a word
    carrying ``lacking`` of its information; ``subject`` is ``on_subject``.

    Support alone would let a name outweigh what is asked about it ("How tall is Kim Jong
    Un?" finds the name everywhere and "tall" nowhere), so a passage that lacks the word a
    question turns on (``max_gap`` of its information or more) is only the closest.
    """
    if best_support >= settings.min_coverage and best_support > 0:
        return "answer" if lacking < settings.max_gap else "closest"
    if best_support >= settings.min_relevance and best_support > 0 and subject:
        return "closest"
    return "none"


def quoted_floor(settings: VerdictSettings) -> float:
    """Support below which a passage is not quoted beside a confident answer."""
    return settings.min_coverage / 2


def missing_words(
    weights: Mapping[str, float], present: set[str], surface: Mapping[str, str]
) -> list[str]:
    """The question's most informative words that the quoted passages lack, as typed: those
    weighing at least ``MISSING_WEIGHT_SHARE`` of its heaviest word."""
    floor = MISSING_WEIGHT_SHARE * max(weights.values(), default=0.0)
    absent = sorted(
        (
            term
            for term, weight in weights.items()
            if term not in present and weight > 0 and weight >= floor
        ),
        key=lambda term: -weights[term],
    )
    return [surface.get(term, term) for term in absent[:MAX_MISSING_WORDS]]


def explain(
    verdict: Verdict, missing: Sequence[str], closest: str | None, unstated: str | None = None
) -> str | None:
    """The sentence that goes with a verdict other than ``answer``; ``unstated`` is the kind
    of thing asked for (``retrieval.verdict.asked_for``) that the passages do not give."""
    lacking = f" They do not mention {_quoted(missing)}." if missing else ""
    if unstated is not None:
        lacking = f" They give no {unstated}.{lacking}"
    if verdict == "closest":
        return f"The articles don't say this exactly; the closest passages are below.{lacking}"
    if verdict == "none":
        where = f" (the nearest passage, {closest}, is too far off)" if closest else ""
        return f"The articles do not cover this{where}.{lacking}"
    return None


def _quoted(words: Sequence[str]) -> str:
    shown = [f"'{w}'" for w in words]
    if len(shown) <= 1:
        return "".join(shown)
    return ", ".join(shown[:-1]) + " or " + shown[-1]

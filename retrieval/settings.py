"""The engine's tunable numbers, validated once so a bad value fails at start-up, not mid-answer."""

from __future__ import annotations

import math

from pydantic import BaseModel, ConfigDict, Field, field_validator

from retrieval.rerank import SUPPORT_WEIGHTS

WEIGHTS_RULE = "must be three weights of 0 or more that add up to 1"


class RetrievalSettings(BaseModel):
    """BM25 parameters, how many passages an answer quotes, and when to abstain."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    k1: float = Field(1.5, gt=0, le=10, description="BM25 term-frequency saturation.")
    b: float = Field(0.75, ge=0, le=1, description="BM25 length normalisation.")
    epsilon: float = Field(0.25, ge=0, le=1, description="Floor for very common terms' idf.")
    top_k: int = Field(3, ge=1, le=10, description="Passages quoted in an answer.")
    rerank_depth: int = Field(
        10, ge=0, le=100, description="BM25 results reordered by closeness; 0 for plain BM25."
    )
    min_coverage: float = Field(
        0.4,
        ge=0,
        le=1,
        description="Abstain unless one passage's support for the question reaches this.",
    )
    support_weights: tuple[float, float, float] = Field(
        SUPPORT_WEIGHTS,
        description=(
            "How a passage's support adds up: its share of the question's information, its "
            "best sentence's share, and its share of the question's word pairs; sum 1."
        ),
    )
    answer_sentences: int = Field(2, ge=1, le=3, description="Sentences in an answer's summary.")
    max_question_chars: int = Field(500, ge=20, le=4000, description="Longest question accepted.")

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


class SummarySettings(BaseModel):
    """Article summaries: length, and how much a sentence's position counts."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    sentences: int = Field(3, ge=1, le=10, description="Sentences in an article summary.")
    position_weight: float = Field(
        0.25, ge=0, le=1, description="0: centrality alone; 1: the opening sentences alone."
    )


class EngineSettings(BaseModel):
    """Everything the answer engine reads from configuration."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    retrieval: RetrievalSettings = RetrievalSettings()
    summary: SummarySettings = SummarySettings()

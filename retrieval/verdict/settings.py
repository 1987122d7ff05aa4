"""The verdict's thresholds and support's weights, validated when the configuration is read."""

from __future__ import annotations

import math

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

# Support's default parts: the passage's share, its best sentence's, its word pairs'.
SUPPORT_WEIGHTS = (0.5, 0.25, 0.25)
WEIGHTS_RULE = "must be three weights of 0 or more that add up to 1"


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
    max_name_gap: float = Field(
        0.2,
        gt=0,
        le=1,
        description=(
            "A passage lacking a name the question types (capitalised, not its first word) "
            "that carries this share of its information or more is only the closest."
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

"""The engine's tunable numbers, validated once so a bad value fails at start-up, not mid-answer."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from retrieval.heuristics import Heuristic
from retrieval.summary.settings import SummarySettings
from retrieval.verdict.settings import VerdictSettings


class RetrievalSettings(VerdictSettings):
    """BM25 parameters, how many passages an answer quotes, and the verdict's thresholds."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    k1: float = Field(1.5, gt=0, le=10, description="BM25 term-frequency saturation.")
    b: float = Field(0.75, ge=0, le=1, description="BM25 length normalisation.")
    epsilon: float = Field(0.25, ge=0, le=1, description="Floor for very common terms' idf.")
    top_k: int = Field(3, ge=1, le=10, description="Passages quoted in an answer.")
    rerank_depth: int = Field(
        10, ge=0, le=100, description="BM25 results reordered by closeness; 0 for plain BM25."
    )
    answer_sentences: int = Field(2, ge=1, le=3, description="Sentences in an answer's summary.")
    max_question_chars: int = Field(500, ge=20, le=4000, description="Longest question accepted.")
    heuristics_off: frozenset[Heuristic] = Field(
        frozenset(),
        description=(
            "Question-side heuristics to switch off (retrieval.heuristics), for measuring "
            "what each does: python -m bench ablate."
        ),
    )


class EngineSettings(BaseModel):
    """Everything the answer engine reads from configuration."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    retrieval: RetrievalSettings = RetrievalSettings()
    summary: SummarySettings = SummarySettings()

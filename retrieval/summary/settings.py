"""Article summaries' settings: the ``[summary]`` section of the configuration."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from retrieval.summary.coherence import NewsPointers


class SummarySettings(BaseModel):
    """Article summaries: length, the opening bias of centrality, and coherence."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    sentences: int = Field(3, ge=1, le=10, description="Sentences in an article summary.")
    position_weight: float = Field(
        0.0, ge=0, le=1, description="0: centrality alone; 1: the opening sentences alone."
    )
    coherent: bool = Field(
        True,
        description=(
            "Show a sentence that leans on the one before it ('This...', 'But...') only "
            "with that one; false chooses sentence by sentence."
        ),
    )
    news_pointers: NewsPointers = Field(
        "demonstratives",
        description=(
            "Which openings lean back in a news article: a demonstrative ('This...', "
            "'These...') only, or every pointer, as in an opinion piece ('He...', 'But...')."
        ),
    )

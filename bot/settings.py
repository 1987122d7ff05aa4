"""The settings citebot reads, as one validated model; every key has a default.

Reading them from a file and from ``CITEBOT_*`` variables is ``bot.config``'s job.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Literal

from pydantic import AnyWebsocketUrl, BaseModel, ConfigDict, Field, HttpUrl, SecretStr

from citebot import shipped_corpus
from retrieval import EngineSettings, RetrievalSettings, SummarySettings
from retrieval.corpus.files import DEFAULT_MAX_FILE_BYTES


class ConfigError(ValueError):
    """Configuration that cannot be used; the message names the file or variable, and the key."""


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class CorpusSettings(_Section):
    directory: Path = Field(
        default_factory=shipped_corpus,
        description="Folder of article files, relative to the config file; "
        "default: the articles citebot ships with.",
    )
    strict: bool = Field(True, description="Refuse a corpus with any bad file (else skip it).")
    max_file_bytes: int = Field(DEFAULT_MAX_FILE_BYTES, ge=1_000, le=100_000_000)
    scope: Literal["shared", "per_server"] = Field(
        "shared",
        description="shared: one corpus for every server, changed from Discord by the bot's "
        "owners only; per_server: a server's moderators change their server's own copy, in "
        "<directory>/servers/<server id>/.",
    )
    servers_directory: Path | None = Field(
        None,
        description="Where per-server folders live, relative to the config file; "
        "unset: <directory>/servers.",
    )


class StorageSettings(_Section):
    database: Path | None = Field(
        None,
        description="SQLite file for the history of article changes, relative to the config "
        "file; unset: the question log's file when it is kept, else .citebot-history.sqlite3 "
        "in the corpus folder.",
    )


class DiscordSettings(_Section):
    token: SecretStr | None = Field(None, description="Prefer the DISCORD_TOKEN variable.")
    prefix: Annotated[str, Field(min_length=1, max_length=5)] = "!"
    api_base: HttpUrl = HttpUrl("https://discord.com/api/v10")
    gateway_url: AnyWebsocketUrl = AnyWebsocketUrl("wss://gateway.discord.gg")
    moderator_role_ids: list[int] = []
    owner_ids: list[int] = Field([], description="Bot owners besides the application's owner.")
    embeds: bool = Field(True, description="Answer with embeds where the channel allows them.")
    cooldown_rate: int = Field(4, ge=1, le=100, description="Commands per user per period.")
    cooldown_seconds: float = Field(30.0, gt=0, le=3600)
    reply_timeout: float = Field(
        30.0, gt=0, le=300, description="Seconds Discord may take to accept a reply."
    )
    connect_timeout: float = Field(
        30.0, gt=0, le=300, description="Seconds Discord may take to answer at start-up."
    )
    choice_timeout: float = Field(
        120.0, gt=0, le=840, description="Seconds a 'which one did you mean' menu stays usable."
    )
    shard_count: int | None = Field(None, ge=1)
    shard_ids: list[int] | None = None
    button_timeout: float = Field(
        600.0, gt=0, le=840, description="Seconds an answer's buttons work before disabled."
    )
    max_passages: int = Field(
        3, ge=1, le=10, description="Passages 'More passages' pages through, the best included."
    )
    question_channels: list[str] = Field(
        [],
        description="Channels (id or name) where every message is a question; a forum "
        "channel listed: the first post of each new thread.",
    )
    follow_ups: bool = Field(
        True, description="A reply to an answer, or a message in its thread, is a follow-up."
    )


def _state_file() -> Path:
    state = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(state) / "citebot" / "questions.sqlite3"


class QuestionLogSettings(_Section):
    enabled: bool = Field(True, description="Keep the question log (!gaps, !stats, votes).")
    path: Path = Field(
        default_factory=_state_file,
        description="The SQLite file, relative to the config file; its key file sits beside it.",
    )
    retention_days: int = Field(90, ge=1, le=3650, description="Older questions are deleted.")


class Settings(BaseModel):
    """Everything citebot reads; every key has a default, so no file is needed.

    ``Settings()`` is the defaults; ``load_settings`` reads the file and the ``CITEBOT_*``
    variables over them. pydantic-settings, which reads the variables (a few hundredths of a
    second to import, asyncio with it), is imported only when one is set.
    """

    # As pydantic-settings' BaseSettings validates: defaults too, unknown keys refused.
    model_config = ConfigDict(
        extra="forbid", frozen=True, validate_default=True, arbitrary_types_allowed=True
    )

    retrieval: RetrievalSettings = RetrievalSettings()
    summary: SummarySettings = SummarySettings()
    corpus: CorpusSettings = CorpusSettings()
    discord: DiscordSettings = DiscordSettings()
    storage: StorageSettings = StorageSettings()
    question_log: QuestionLogSettings = QuestionLogSettings()

    @property
    def engine(self) -> EngineSettings:
        return EngineSettings(retrieval=self.retrieval, summary=self.summary)

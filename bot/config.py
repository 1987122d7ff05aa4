"""Configuration: one validated model, read from TOML and overridden by ``CITEBOT_*`` variables."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict

from retrieval import EngineSettings, RetrievalSettings, SummarySettings
from retrieval.loader import DEFAULT_MAX_FILE_BYTES

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = PROJECT_ROOT / "seeds"
CONFIG_ENV = "CITEBOT_CONFIG"
TOKEN_ENV = "DISCORD_TOKEN"


class ConfigError(ValueError):
    """Configuration that cannot be used; the message names the file and key."""


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class CorpusSettings(_Section):
    directory: Path = Field(
        DEFAULT_CORPUS, description="Folder of article files; relative to the config file."
    )
    strict: bool = Field(True, description="Refuse a corpus with any bad file (else skip it).")
    max_file_bytes: int = Field(DEFAULT_MAX_FILE_BYTES, ge=1_000, le=100_000_000)


class DiscordSettings(_Section):
    token: SecretStr | None = Field(None, description="Prefer the DISCORD_TOKEN variable.")
    prefix: Annotated[str, Field(min_length=1, max_length=5)] = "!"
    api_base: str = "https://discord.com/api/v10"
    gateway_url: str = "wss://gateway.discord.gg"
    moderator_role_ids: list[int] = []
    owner_ids: list[int] = Field([], description="Bot owners besides the application's owner.")
    embeds: bool = Field(True, description="Answer with embeds where the channel allows them.")
    cooldown_rate: int = Field(4, ge=1, le=100, description="Commands per user per period.")
    cooldown_seconds: float = Field(30.0, gt=0, le=3600)
    reply_timeout: float = Field(
        30.0, gt=0, le=300, description="Seconds Discord may take to accept a reply."
    )
    shard_count: int | None = Field(None, ge=1)
    shard_ids: list[int] | None = None

    @field_validator("api_base")
    @classmethod
    def _http_url(cls, value: str) -> str:
        return _url(value, ("http://", "https://"))

    @field_validator("gateway_url")
    @classmethod
    def _ws_url(cls, value: str) -> str:
        return _url(value, ("ws://", "wss://"))


def _url(value: str, schemes: tuple[str, ...]) -> str:
    if not value.startswith(schemes) or len(value) <= len(value.split("//")[0]) + 2:
        raise ValueError(f"must be a {' or '.join(s.rstrip('/:') for s in schemes)} URL")
    return value.rstrip("/")


class Settings(BaseSettings):
    """Everything citebot reads; every key has a default, so no file is needed."""

    model_config = SettingsConfigDict(
        env_prefix="CITEBOT_", env_nested_delimiter="__", extra="forbid", frozen=True
    )

    retrieval: RetrievalSettings = RetrievalSettings()
    summary: SummarySettings = SummarySettings()
    corpus: CorpusSettings = CorpusSettings()
    discord: DiscordSettings = DiscordSettings()

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        # Environment variables beat the file, whose values arrive as init values.
        return env_settings, init_settings

    @property
    def engine(self) -> EngineSettings:
        return EngineSettings(retrieval=self.retrieval, summary=self.summary)


def load_settings(path: Path | str | None = None) -> Settings:
    """Settings from ``path`` (or ``$CITEBOT_CONFIG``), the environment, and the defaults."""
    chosen = path or os.environ.get(CONFIG_ENV)
    data: dict[str, Any] = {}
    source = "environment"
    if chosen:
        file = Path(chosen)
        source = str(file)
        try:
            data = tomllib.loads(file.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError(f"{file}: no such configuration file") from None
        except (OSError, UnicodeDecodeError) as error:
            raise ConfigError(f"{file}: cannot be read ({error})") from None
        except tomllib.TOMLDecodeError as error:
            raise ConfigError(f"{file}: not valid TOML ({error})") from None
        _resolve_corpus_directory(data, file.parent)
    try:
        return Settings(**data)
    except ValidationError as error:
        raise ConfigError(f"{source}: {describe(error)}") from None


def _resolve_corpus_directory(data: dict[str, Any], base: Path) -> None:
    """A relative corpus folder in a file means relative to that file, wherever we run from."""
    corpus = data.get("corpus")
    if isinstance(corpus, dict) and isinstance(corpus.get("directory"), str):
        directory = Path(corpus["directory"])
        if not directory.is_absolute():
            corpus["directory"] = str((base / directory).resolve())


def describe(error: ValidationError) -> str:
    """The first problem, as 'key: what was wrong'; enough to fix it and try again."""
    first = error.errors()[0]
    key = ".".join(str(part) for part in first["loc"])
    given = f" (got {first['input']!r})" if first["type"] != "extra_forbidden" else ""
    message = "unknown key" if first["type"] == "extra_forbidden" else first["msg"]
    more = f"; and {error.error_count() - 1} more" if error.error_count() > 1 else ""
    return f"{key}: {message}{given}{more}"


def discord_token(settings: Settings) -> tuple[str | None, bool]:
    """The token and whether it came from the file (which deserves a warning)."""
    from_env = os.environ.get(TOKEN_ENV, "").strip()
    if from_env:
        return from_env, False
    if settings.discord.token is not None:
        return settings.discord.token.get_secret_value(), True
    return None, False

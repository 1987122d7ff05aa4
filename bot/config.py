"""Configuration: one validated model, read from TOML and overridden by ``CITEBOT_*`` variables."""

from __future__ import annotations

import json
import os
import tomllib
from collections.abc import Mapping
from contextvars import ContextVar
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal, get_args, get_origin

from pydantic import (
    AnyWebsocketUrl,
    BaseModel,
    ConfigDict,
    Field,
    HttpUrl,
    SecretStr,
    ValidationError,
)
from pydantic.fields import FieldInfo

from citebot import shipped_corpus
from retrieval import EngineSettings, RetrievalSettings, SummarySettings
from retrieval.corpus.loader import DEFAULT_MAX_FILE_BYTES

CONFIG_ENV = "CITEBOT_CONFIG"
# A configuration is a few hundred bytes; reading stops here, so /dev/zero cannot hang us.
MAX_CONFIG_BYTES = 1_000_000
TOKEN_ENV = "DISCORD_TOKEN"
TOKEN_IN_FILE = f"the Discord token is read from the config file; prefer {TOKEN_ENV}"
ENV_PREFIX = "CITEBOT_"

# The file load_settings is reading, for the TOML source; None: no file.
_config_file: ContextVar[Path | None] = ContextVar("citebot_config_file", default=None)


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


def _read_config(path: Path) -> dict[str, Any]:
    """The TOML file, with a relative corpus folder made relative to the file itself."""
    try:
        data = tomllib.loads(_read_bounded(path).decode("utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot be read ({error})") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML ({error})") from None
    except RecursionError:  # tomllib recurses once a level: thousands of [[[[ end here
        raise ConfigError(
            f"{path}: nested too deeply to read as TOML; a configuration is two levels deep"
        ) from None
    paths = (
        ("corpus", "directory"),
        ("corpus", "servers_directory"),
        ("storage", "database"),
        ("question_log", "path"),
    )
    for section, key in paths:
        table = data.get(section)
        if isinstance(table, dict) and isinstance(table.get(key), str):
            given = Path(table[key]).expanduser()
            if not given.is_absolute():
                table[key] = str((path.parent / given).resolve())
    return data


if TYPE_CHECKING:
    from pydantic_settings import BaseSettings


@cache
def _from_sources() -> type[BaseSettings]:
    """``Settings`` read by pydantic-settings: arguments beat ``CITEBOT_*`` variables, which
    beat the file, which beats the defaults."""
    from pydantic_settings import (
        BaseSettings,
        EnvSettingsSource,
        PydanticBaseSettingsSource,
        SettingsConfigDict,
        TomlConfigSettingsSource,
    )

    class ConfigFile(TomlConfigSettingsSource):
        def _read_file(self, file_path: Any) -> dict[str, Any]:
            return _read_config(Path(file_path))

    class Environment(EnvSettingsSource):
        """CITEBOT_* variables; a list may be JSON or comma-separated, and a bad one is named."""

        def decode_complex_value(self, field_name: str, field: FieldInfo, value: Any) -> Any:
            try:
                return super().decode_complex_value(field_name, field, value)
            except ValueError:
                if (
                    isinstance(value, str)
                    and _is_sequence(field)
                    and value.lstrip()[:1] not in "[{"
                ):
                    return [part.strip() for part in value.split(",") if part.strip()]
                raise

        def explode_env_vars(
            self, field_name: str, field: FieldInfo, env_vars: Mapping[str, str | None]
        ) -> dict[str, Any]:
            try:
                return super().explode_env_vars(field_name, field, env_vars)
            except ValueError as error:
                for name, value in env_vars.items():  # find the variable at fault, to name it
                    try:
                        super().explode_env_vars(field_name, field, {name: value})
                    except ValueError:
                        raise ConfigError(_bad_variable(name, error)) from None
                raise

        def prepare_field_value(
            self, field_name: str, field: FieldInfo, value: Any, value_is_complex: bool
        ) -> Any:
            try:
                return super().prepare_field_value(field_name, field, value, value_is_complex)
            except ConfigError:
                raise
            except ValueError as error:
                raise ConfigError(_bad_variable(f"{ENV_PREFIX}{field_name}", error)) from None

    class SourcedSettings(Settings, BaseSettings):
        model_config = SettingsConfigDict(
            env_prefix=ENV_PREFIX, env_nested_delimiter="__", extra="forbid", frozen=True
        )

        @classmethod
        def settings_customise_sources(
            cls,
            settings_cls: type[BaseSettings],
            init_settings: PydanticBaseSettingsSource,
            env_settings: PydanticBaseSettingsSource,
            dotenv_settings: PydanticBaseSettingsSource,
            file_secret_settings: PydanticBaseSettingsSource,
        ) -> tuple[PydanticBaseSettingsSource, ...]:
            return (
                init_settings,
                Environment(settings_cls),
                ConfigFile(settings_cls, _config_file.get()),
            )

    return SourcedSettings


def _is_sequence(field: FieldInfo | None) -> bool:
    if field is None:
        return False
    annotation = field.annotation
    kinds = [get_origin(arg) for arg in (annotation, *get_args(annotation))]
    return any(kind in (list, tuple) for kind in kinds)


def _bad_variable(name: str, error: ValueError) -> str:
    name = name.upper()
    why = f" ({error.msg})" if isinstance(error, json.JSONDecodeError) else ""
    if "__" in name.removeprefix(ENV_PREFIX):
        return f"{name}: not valid JSON{why}; write a list as 1,2 or as [1, 2]"
    return (
        f'{name}: not valid JSON{why}; write the section as {{"key": value}}, '
        f"or set one key with {name}__KEY"
    )


def _variable_for(location: tuple[int | str, ...]) -> str | None:
    """The CITEBOT_* variable that set the value at ``location``, if one did."""
    for length in range(len(location), 0, -1):
        name = ENV_PREFIX + "__".join(str(part) for part in location[:length]).upper()
        if name in {key.upper() for key in os.environ}:
            return name
    return None


def is_shipped(folder: Path) -> bool:
    """Whether ``folder`` holds the articles citebot ships (never changed from Discord)."""
    return folder.resolve() == shipped_corpus().resolve()


def load_settings(path: Path | str | None = None) -> Settings:
    """Settings from ``path`` (or ``$CITEBOT_CONFIG``), the environment, and the defaults."""
    chosen = path or os.environ.get(CONFIG_ENV)
    file = Path(chosen) if chosen else None
    if file is not None and not file.is_file():
        # /dev/zero and the like exist but would be read forever; say what they are.
        what = "is not a regular file" if file.exists() else "no such configuration file"
        raise ConfigError(f"{file}: {what}")
    _check_sections(os.environ)
    source = str(file) if file is not None else "environment"
    try:
        if not _variables(os.environ):
            data = _read_config(file) if file is not None else {}
            # Each section named as its field is: anything else ("[Retrieval]", a misspelled
            # section) is read as pydantic-settings reads it, whatever that accepts or says.
            if data.keys() <= Settings.model_fields.keys():
                return Settings.model_validate(data)
        return _sourced(file, source)
    except ValidationError as error:
        variable = _variable_for(tuple(error.errors()[0]["loc"]))
        where = variable or f"{source}: {_key(error)}"
        raise ConfigError(f"{where}: {describe(error)}") from None


def _variables(environ: Mapping[str, str]) -> list[str]:
    """The ``CITEBOT_*`` variables that set a value (``CITEBOT_CONFIG`` names the file)."""
    return [
        name
        for name in environ
        if name.upper().startswith(ENV_PREFIX) and name.upper() != CONFIG_ENV
    ]


def _sourced(file: Path | None, source: str) -> Settings:
    """Settings from the file and the variables, read by pydantic-settings."""
    from pydantic_settings import SettingsError

    token = _config_file.set(file)
    try:
        read = _from_sources()()
    except SettingsError as error:
        if isinstance(error.__cause__, ConfigError):
            raise error.__cause__ from None
        raise ConfigError(f"{source}: {error}") from None
    finally:
        _config_file.reset(token)
    values = {name: getattr(read, name) for name in Settings.model_fields}
    return Settings.model_construct(_fields_set=set(read.model_fields_set), **values)


def _check_sections(environ: Mapping[str, str]) -> None:
    """A CITEBOT_* variable must name a section: pydantic-settings reads only the variables of
    the sections it knows, so a misspelled one (CITEBOT_RETREIVAL__TOP_K) would be ignored."""
    sections = sorted(Settings.model_fields)
    for name in sorted(environ):
        upper = name.upper()
        if not upper.startswith(ENV_PREFIX) or upper == CONFIG_ENV:
            continue
        section = upper.removeprefix(ENV_PREFIX).split("__")[0].lower()
        if section not in sections:
            raise ConfigError(
                f"{upper}: unknown section {section!r}; the sections are {', '.join(sections)} "
                f"(CITEBOT_<SECTION>__<KEY>)"
            )


def _key(error: ValidationError) -> str:
    return ".".join(str(part) for part in error.errors()[0]["loc"])


def _read_bounded(file: Path) -> bytes:
    """The file's bytes, refusing one larger than ``MAX_CONFIG_BYTES`` without reading it all."""
    with file.open("rb") as handle:
        data = handle.read(MAX_CONFIG_BYTES + 1)
    if len(data) > MAX_CONFIG_BYTES:
        raise ConfigError(
            f"{file}: over {MAX_CONFIG_BYTES:,} bytes, too large for a configuration file"
        )
    return data


def describe(error: ValidationError) -> str:
    """What was wrong with the first problem's value; enough to fix it and try again."""
    first = error.errors()[0]
    if first["type"] == "extra_forbidden":
        message, given = "unknown key", ""
    else:
        cause = first.get("ctx", {}).get("error")
        message = str(cause) if first["type"] == "value_error" and cause else first["msg"]
        given = f" (got {first['input']!r})"
    more = f"; and {error.error_count() - 1} more" if error.error_count() > 1 else ""
    return f"{message}{given}{more}"


def discord_token(settings: Settings) -> tuple[str | None, bool]:
    """The token and whether it came from the file (which deserves a warning)."""
    from_env = os.environ.get(TOKEN_ENV, "").strip()
    if from_env:
        return from_env, False
    if settings.discord.token is not None:
        return settings.discord.token.get_secret_value(), True
    return None, False

"""Configuration: one validated model (``bot.settings``), read from TOML (``bot.config_file``)
and overridden by ``CITEBOT_*`` variables (``bot.config_env``)."""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import ValidationError

from bot.config_env import (
    CONFIG_ENV,
    check_sections,
    read_with_variables,
    variable_for,
    variables_set,
)
from bot.config_file import read_config
from bot.settings import (
    ConfigError,
    CorpusSettings,
    DiscordSettings,
    QuestionLogSettings,
    Settings,
    StorageSettings,
)
from citebot import shipped_corpus
from retrieval.corpus.files import folders_with_articles

__all__ = [
    "TOKEN_ENV",
    "TOKEN_IN_FILE",
    "ConfigError",
    "CorpusSettings",
    "DiscordSettings",
    "QuestionLogSettings",
    "Settings",
    "StorageSettings",
    "discord_token",
    "is_shipped",
    "load_settings",
    "servers_folder",
    "unread_folders",
]

TOKEN_ENV = "DISCORD_TOKEN"
TOKEN_IN_FILE = f"the Discord token is read from the config file; prefer {TOKEN_ENV}"


SERVERS = "servers"


def servers_folder(settings: Settings, shared: Path) -> Path:
    """Where per-server folders are: ``[corpus] servers_directory``, else ``<shared>/servers``."""
    return settings.corpus.servers_directory or shared / SERVERS


def unread_folders(settings: Settings, folder: Path) -> dict[str, int]:
    """The folders inside a corpus folder that hold articles of their own, which citebot does
    not read (it reads one folder's files), and how many each holds; the per-server folders,
    read apart, are not among them."""
    inside = folders_with_articles(folder)
    if not inside:
        return inside
    servers = servers_folder(settings, folder).resolve()
    return {name: count for name, count in inside.items() if (folder / name).resolve() != servers}


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
    check_sections(os.environ)
    source = str(file) if file is not None else "environment"
    try:
        if not variables_set(os.environ):
            data = read_config(file) if file is not None else {}
            # Each section named as its field is: anything else ("[Retrieval]", a misspelled
            # section) is read as pydantic-settings reads it, whatever that accepts or says.
            if data.keys() <= Settings.model_fields.keys():
                return Settings.model_validate(data)
        return read_with_variables(file, source)
    except ValidationError as error:
        variable = variable_for(tuple(error.errors()[0]["loc"]))
        where = variable or f"{source}: {_key(error)}"
        raise ConfigError(f"{where}: {describe(error)}") from None


def _key(error: ValidationError) -> str:
    return ".".join(str(part) for part in error.errors()[0]["loc"])


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

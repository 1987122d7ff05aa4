"""The TOML configuration file, read with a bound on its size and its paths made its own."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from bot.settings import ConfigError

# A configuration is a few hundred bytes; reading stops here, so /dev/zero cannot hang us.
MAX_CONFIG_BYTES = 1_000_000


def read_config(path: Path) -> dict[str, Any]:
    """The TOML file, with a relative corpus folder made relative to the file itself."""
    try:
        data = tomllib.loads(read_bounded(path).decode("utf-8"))
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


def read_bounded(file: Path) -> bytes:
    """The file's bytes, refusing one larger than ``MAX_CONFIG_BYTES`` without reading it all."""
    with file.open("rb") as handle:
        data = handle.read(MAX_CONFIG_BYTES + 1)
    if len(data) > MAX_CONFIG_BYTES:
        raise ConfigError(
            f"{file}: over {MAX_CONFIG_BYTES:,} bytes, too large for a configuration file"
        )
    return data

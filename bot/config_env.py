"""``CITEBOT_*`` variables over the file, read by pydantic-settings (imported only when one is
set: it costs a few hundredths of a second, asyncio with it), a bad one named in the error."""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from contextvars import ContextVar
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, get_args, get_origin

from pydantic.fields import FieldInfo

from bot.config_file import read_config
from bot.settings import ConfigError, Settings

CONFIG_ENV = "CITEBOT_CONFIG"
ENV_PREFIX = "CITEBOT_"

# The file load_settings is reading, for the TOML source; None: no file.
_config_file: ContextVar[Path | None] = ContextVar("citebot_config_file", default=None)


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
            return read_config(Path(file_path))

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


def variable_for(location: tuple[int | str, ...]) -> str | None:
    """The CITEBOT_* variable that set the value at ``location``, if one did."""
    for length in range(len(location), 0, -1):
        name = ENV_PREFIX + "__".join(str(part) for part in location[:length]).upper()
        if name in {key.upper() for key in os.environ}:
            return name
    return None


def variables_set(environ: Mapping[str, str]) -> list[str]:
    """The ``CITEBOT_*`` variables that set a value (``CITEBOT_CONFIG`` names the file)."""
    return [
        name
        for name in environ
        if name.upper().startswith(ENV_PREFIX) and name.upper() != CONFIG_ENV
    ]


def read_with_variables(file: Path | None, source: str) -> Settings:
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


def check_sections(environ: Mapping[str, str]) -> None:
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

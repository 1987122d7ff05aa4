"""Configuration: defaults, a TOML file over them, CITEBOT_* variables over the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import (
    DEFAULT_CORPUS,
    ConfigError,
    CorpusSettings,
    DiscordSettings,
    Settings,
    discord_token,
    load_settings,
)
from helpers import EXAMPLE_CONFIG, SEEDS_DIR, clean_environment, write
from retrieval import EngineSettings, RetrievalSettings, SummarySettings


@pytest.fixture(autouse=True)
def no_citebot_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    clean_environment(monkeypatch)


def config_file(folder: Path, toml: str) -> Path:
    return write(folder, "citebot.toml", toml)


def config_error(path: Path) -> str:
    with pytest.raises(ConfigError) as raised:
        load_settings(path)
    return str(raised.value)


def test_no_file_gives_the_defaults() -> None:
    settings = load_settings()
    assert settings.retrieval == RetrievalSettings()
    assert settings.summary == SummarySettings()
    assert settings.corpus == CorpusSettings()
    assert settings.discord == DiscordSettings()
    assert settings.corpus.directory == DEFAULT_CORPUS == SEEDS_DIR
    assert settings.engine == EngineSettings()


def test_defaults_are_the_documented_numbers() -> None:
    retrieval = load_settings().retrieval
    assert (retrieval.k1, retrieval.b, retrieval.epsilon) == (1.5, 0.75, 0.25)
    assert retrieval.top_k == 3
    assert load_settings().summary.sentences == 3


def test_a_toml_file_overrides_only_the_keys_it_sets(tmp_path: Path) -> None:
    path = config_file(
        tmp_path,
        '[retrieval]\ntop_k = 4\nk1 = 1.2\n[summary]\nsentences = 5\n[discord]\nprefix = "?"\n',
    )
    settings = load_settings(path)
    assert (settings.retrieval.top_k, settings.retrieval.k1) == (4, 1.2)
    assert settings.retrieval.b == 0.75
    assert settings.summary.sentences == 5
    assert settings.discord.prefix == "?"
    assert settings.engine.retrieval.top_k == 4


def test_a_config_file_can_be_named_by_citebot_config(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CITEBOT_CONFIG", str(config_file(tmp_path, "[retrieval]\ntop_k = 7\n")))
    assert load_settings().retrieval.top_k == 7


def test_a_relative_corpus_folder_is_relative_to_the_config_file(tmp_path: Path) -> None:
    path = config_file(tmp_path / "etc", '[corpus]\ndirectory = "articles"\n')
    assert load_settings(path).corpus.directory == (tmp_path / "etc" / "articles").resolve()


def test_environment_variable_overrides_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = config_file(tmp_path, "[retrieval]\ntop_k = 4\nk1 = 1.2\n")
    monkeypatch.setenv("CITEBOT_RETRIEVAL__TOP_K", "5")
    settings = load_settings(path)
    assert settings.retrieval.top_k == 5
    assert settings.retrieval.k1 == 1.2  # the rest of the section still comes from the file


def test_environment_variable_overrides_the_defaults_without_a_file(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CITEBOT_RETRIEVAL__TOP_K", "5")
    assert load_settings().retrieval.top_k == 5


def test_discord_api_base_from_the_environment_overrides_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = config_file(tmp_path, '[discord]\napi_base = "https://file.example/api"\n')
    monkeypatch.setenv("CITEBOT_DISCORD__API_BASE", "http://127.0.0.1:8080/api/v10/")
    settings = load_settings(path)
    assert settings.discord.api_base == "http://127.0.0.1:8080/api/v10"


def test_an_unknown_key_is_refused_naming_the_key_and_the_file(tmp_path: Path) -> None:
    path = config_file(tmp_path, "[retrieval]\ntop_kk = 3\n")
    message = config_error(path)
    assert "retrieval.top_kk" in message and "unknown key" in message
    assert str(path) in message


def test_an_unknown_section_is_refused_naming_it(tmp_path: Path) -> None:
    message = config_error(config_file(tmp_path, "[retreival]\ntop_k = 3\n"))
    assert "retreival" in message and "unknown key" in message


def test_a_value_out_of_range_is_refused_naming_the_key_and_the_value(tmp_path: Path) -> None:
    message = config_error(config_file(tmp_path, "[retrieval]\ntop_k = 0\n"))
    assert "retrieval.top_k" in message and "(got 0)" in message


def test_a_value_of_the_wrong_type_is_refused_naming_the_key(tmp_path: Path) -> None:
    message = config_error(config_file(tmp_path, '[corpus]\nstrict = "maybe"\n'))
    assert "corpus.strict" in message and "'maybe'" in message


def test_a_discord_url_without_a_scheme_is_refused_naming_the_key(tmp_path: Path) -> None:
    message = config_error(config_file(tmp_path, '[discord]\napi_base = "discord.com/api"\n'))
    assert "discord.api_base" in message and "URL" in message


def test_a_bad_environment_value_is_refused_naming_the_key(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CITEBOT_RETRIEVAL__TOP_K", "five")
    with pytest.raises(ConfigError) as raised:
        load_settings()
    assert "retrieval.top_k" in str(raised.value) and "'five'" in str(raised.value)


def test_an_unknown_environment_key_in_a_section_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CITEBOT_RETRIEVAL__TOPK", "5")
    with pytest.raises(ConfigError, match=r"retrieval\.topk: unknown key"):
        load_settings()


def test_a_file_that_is_not_toml_is_refused(tmp_path: Path) -> None:
    message = config_error(config_file(tmp_path, "[retrieval\ntop_k = 3\n"))
    assert "not valid TOML" in message and str(tmp_path) in message


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    message = config_error(tmp_path / "nope.toml")
    assert "no such configuration file" in message


def test_a_file_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    message = config_error(write(tmp_path, "latin.toml", b'[discord]\nprefix = "\xa7"\n'))
    assert "cannot be read" in message


def test_the_error_names_only_the_first_problem_and_counts_the_rest(tmp_path: Path) -> None:
    message = config_error(config_file(tmp_path, "[retrieval]\ntop_k = 0\nb = 7\n"))
    assert message.count("retrieval.") == 1 and "and 1 more" in message


def test_config_example_loads_and_equals_the_defaults() -> None:
    if not EXAMPLE_CONFIG.is_file():
        pytest.skip("config.example.toml has not been written yet")
    assert load_settings(EXAMPLE_CONFIG) == Settings()


def test_the_discord_token_comes_from_the_environment_before_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = load_settings(config_file(tmp_path, '[discord]\ntoken = "from-file"\n'))
    assert discord_token(settings) == ("from-file", True)
    monkeypatch.setenv("DISCORD_TOKEN", " from-env ")
    assert discord_token(settings) == ("from-env", False)
    assert "from-file" not in repr(settings)


def test_support_weights_that_do_not_add_up_to_one_are_refused_naming_the_key(
    tmp_path: Path,
) -> None:
    message = config_error(
        config_file(tmp_path, "[retrieval]\nsupport_weights = [0.5, 0.5, 0.5]\n")
    )
    assert "retrieval.support_weights" in message
    assert "add up to 1" in message

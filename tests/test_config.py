"""Configuration: defaults, a TOML file over them, CITEBOT_* variables over the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import (
    ConfigError,
    CorpusSettings,
    DiscordSettings,
    Settings,
    discord_token,
    load_settings,
)
from citebot import shipped_corpus
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
    assert settings.corpus.directory == shipped_corpus() == SEEDS_DIR
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


def test_a_section_named_in_capitals_is_read_as_pydantic_settings_reads_it(
    tmp_path: Path,
) -> None:
    # Without a CITEBOT_* variable, pydantic-settings is not imported; a file it would read
    # differently from a plain model still gets its answer.
    assert load_settings(config_file(tmp_path, "[Retrieval]\ntop_k = 3\n")).retrieval.top_k == 3
    with pytest.raises(ConfigError, match=r"retrieval\.Top_K: unknown key"):
        load_settings(config_file(tmp_path, "[retrieval]\nTop_K = 3\n"))


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
    assert str(settings.discord.api_base) == "http://127.0.0.1:8080/api/v10/"


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


def test_a_bad_environment_value_is_refused_naming_the_variable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CITEBOT_RETRIEVAL__TOP_K", "five")
    with pytest.raises(ConfigError) as raised:
        load_settings()
    assert "CITEBOT_RETRIEVAL__TOP_K" in str(raised.value) and "'five'" in str(raised.value)


def test_an_unknown_environment_key_in_a_section_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CITEBOT_RETRIEVAL__TOPK", "5")
    with pytest.raises(ConfigError, match=r"CITEBOT_RETRIEVAL__TOPK: unknown key"):
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
    assert load_settings(EXAMPLE_CONFIG) == Settings()


def test_config_example_copied_elsewhere_still_gives_the_defaults(tmp_path: Path) -> None:
    copy = tmp_path / "elsewhere" / "config.toml"
    copy.parent.mkdir()
    copy.write_bytes(EXAMPLE_CONFIG.read_bytes())
    settings = load_settings(copy)
    assert settings == Settings()
    assert settings.corpus.directory == shipped_corpus()


def test_a_list_variable_may_be_comma_separated(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CITEBOT_DISCORD__MODERATOR_ROLE_IDS", "123, 456")
    monkeypatch.setenv("CITEBOT_DISCORD__SHARD_IDS", "0,1")
    monkeypatch.setenv("CITEBOT_RETRIEVAL__SUPPORT_WEIGHTS", "0.5,0.5,0")
    settings = load_settings()
    assert settings.discord.moderator_role_ids == [123, 456]
    assert settings.discord.shard_ids == [0, 1]
    assert settings.retrieval.support_weights == (0.5, 0.5, 0.0)


def test_a_list_variable_may_be_json(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CITEBOT_DISCORD__OWNER_IDS", "[7, 8]")
    assert load_settings().discord.owner_ids == [7, 8]


def test_a_list_variable_that_is_broken_json_is_named_in_one_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CITEBOT_DISCORD__MODERATOR_ROLE_IDS", "[123, 456")
    with pytest.raises(ConfigError) as raised:
        load_settings()
    message = str(raised.value)
    assert message.startswith("CITEBOT_DISCORD__MODERATOR_ROLE_IDS: not valid JSON")
    assert "1,2" in message and "\n" not in message


def test_a_section_variable_that_is_not_json_is_named_with_a_way_out(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CITEBOT_RETRIEVAL", "{bad")
    with pytest.raises(ConfigError) as raised:
        load_settings()
    message = str(raised.value)
    assert message.startswith("CITEBOT_RETRIEVAL: not valid JSON")
    assert "CITEBOT_RETRIEVAL__KEY" in message and "\n" not in message


def test_a_bad_value_from_a_variable_names_the_variable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CITEBOT_RETRIEVAL__TOP_K", "0")
    with pytest.raises(ConfigError, match=r"^CITEBOT_RETRIEVAL__TOP_K: .*greater than"):
        load_settings()


def test_a_wrong_number_of_support_weights_says_how_many_are_needed(tmp_path: Path) -> None:
    message = config_error(config_file(tmp_path, "[retrieval]\nsupport_weights = [1]\n"))
    assert "retrieval.support_weights: must be three weights" in message
    assert "Field required" not in message and "and 1 more" not in message


def test_a_validator_message_has_no_pydantic_prefix(tmp_path: Path) -> None:
    message = config_error(
        config_file(tmp_path, "[retrieval]\nsupport_weights = [0.5, 0.5, 0.5]\n")
    )
    assert "Value error" not in message


def test_a_gateway_url_must_be_a_websocket_url(tmp_path: Path) -> None:
    message = config_error(
        config_file(tmp_path, '[discord]\ngateway_url = "https://gateway.discord.gg"\n')
    )
    assert message.startswith(f"{tmp_path / 'citebot.toml'}: discord.gateway_url: URL scheme")


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

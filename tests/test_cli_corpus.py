"""``citebot sources`` and ``citebot check``, and the configuration they read: a bad file or
setting is one line naming it."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main
from cli_helpers import assert_one_line_error, run, run_json
from helpers import (
    BLOOMBERG,
    CATO,
    write,
    write_article,
)

pytestmark = pytest.mark.usefixtures("no_citebot_environment")


# -- sources and check -------------------------------------------------------------------------


def test_sources_json_lists_both_seeds(capsys: pytest.CaptureFixture[str]) -> None:
    sources = run_json(capsys, "sources")
    assert [(a["number"], a["article"], a["paragraphs"]) for a in sources["articles"]] == [
        (1, CATO, 22),
        (2, BLOOMBERG, 12),
    ]
    assert sources["articles"][1]["title"] == "A Moment to Engage\u00a0North Korea"
    assert "loaded_at" in sources


def test_sources_text_numbers_the_articles(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "sources")
    assert status == 0
    assert out.startswith("1. A Spectacular Opportunity to Engage Kim Jong Un")
    assert f"[{BLOOMBERG}, 12 paragraphs]" in out


def test_sources_text_ends_with_the_last_article_not_a_load_time(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, out, _ = run(capsys, "sources")
    assert out.rstrip().endswith(f"[{BLOOMBERG}, 12 paragraphs]")
    assert "Loaded" not in out and "UTC" not in out


def test_check_passes_on_the_seeds(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "check")
    assert (status, err) == (0, "")
    assert out.startswith("OK: 2 articles, 34 paragraphs")


def test_check_uses_the_seeds_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check"]) == 0
    assert "OK: 2 articles" in capsys.readouterr().out


def test_corpus_and_config_may_come_before_the_command(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    write_article(tmp_path / "corpus", "widgets.txt", "Widgets", "Reset a widget by holding it.")
    config = write(tmp_path, "citebot.toml", "[summary]\nsentences = 2\n")
    corpus = str(tmp_path / "corpus")
    before = run_json(capsys, "--corpus", corpus, "sources")
    after = run_json(capsys, "sources", "--corpus", corpus)
    assert [a["title"] for a in before["articles"]] == [a["title"] for a in after["articles"]]
    assert [a["title"] for a in before["articles"]] == ["Widgets"]
    summary = run_json(capsys, "--config", str(config), "summary", "1")
    assert len(summary["sentences"]) == 2


def test_a_corpus_given_after_the_command_wins_over_one_before(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    write_article(tmp_path / "corpus", "widgets.txt", "Widgets", "Reset a widget by holding it.")
    folder = str(tmp_path / "corpus")
    sources = run_json(capsys, "--corpus", "no-such-folder", "sources", "--corpus", folder)
    assert [a["title"] for a in sources["articles"]] == ["Widgets"]


def test_check_fails_with_one_line_naming_the_bad_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    write_article(tmp_path, "good.txt", "Good", "Text.")
    write(tmp_path, "bad.txt", "Caf\u00e9\n\nText.".encode("latin-1"))
    status, out, err = run(capsys, "check", "--corpus", str(tmp_path))
    line = assert_one_line_error(status, out, err)
    assert "bad.txt" in line and "not UTF-8" in line


def test_check_fails_on_a_missing_corpus_folder(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, out, err = run(capsys, "check", "--corpus", str(tmp_path / "missing"))
    assert "not found" in assert_one_line_error(status, out, err)


def test_check_reports_skipped_files_of_a_lenient_corpus_and_fails(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    write_article(tmp_path, "good.txt", "Good", "Text.")
    write(tmp_path, "empty.txt", b"")
    config = write(tmp_path / "etc", "citebot.toml", "[corpus]\nstrict = false\n")
    status, out, err = run(capsys, "check", "--corpus", str(tmp_path), "--config", str(config))
    assert status != 0
    assert out.startswith("OK: 1 article, 1 paragraph,")
    assert err.startswith("skipped empty.txt")


def two_bad_files_beside_a_good_one(folder: Path) -> Path:
    write_article(folder, "good.txt", "Good", "Text.")
    write(folder, "a-empty.txt", b"")
    write(folder, "b-latin.txt", "Caf\u00e9\n\nText.".encode("latin-1"))
    return folder


def test_check_names_every_bad_file_of_a_strict_corpus_not_only_the_first(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = two_bad_files_beside_a_good_one(tmp_path)
    status, out, err = run(capsys, "check", "--corpus", str(folder))
    assert status == 1 and out == ""
    lines = err.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("citebot: a-empty.txt: the file is empty")
    assert lines[1].startswith("citebot: b-latin.txt: not UTF-8")


def test_other_commands_still_refuse_a_strict_corpus_at_its_first_bad_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = two_bad_files_beside_a_good_one(tmp_path)
    status, out, err = run(capsys, "sources", "--corpus", str(folder))
    line = assert_one_line_error(status, out, err)
    assert "a-empty.txt" in line and "b-latin.txt" not in line
    assert line.endswith("(and 1 more: `citebot check` names every one)")


def test_check_validates_each_servers_own_folder_in_per_server_scope(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    corpus = tmp_path / "corpus"
    write_article(corpus, "good.txt", "Good", "Text.")
    write_article(corpus / "servers" / "111", "good.txt", "Good", "Text.")
    write_article(corpus / "servers" / "111", "more.txt", "More", "Text.")
    write(corpus / "servers" / "222", "bad.txt", "Caf\u00e9\n\nText.".encode("latin-1"))
    config = write(tmp_path / "etc", "citebot.toml", '[corpus]\nscope = "per_server"\n')
    status, out, err = run(capsys, "check", "--corpus", str(corpus), "--config", str(config))
    assert status == 1
    assert out.startswith("OK: 1 article, 1 paragraph,") and "server 111: 2 articles" in out
    assert err.startswith("server 222: bad.txt: not UTF-8")


DEEP_ARRAY = "[" * 1000 + "]" * 1000


@pytest.mark.parametrize("command", [["check"], ["ask", "who is kim"], ["sources"]])
def test_front_matter_nested_too_deep_is_one_line_naming_the_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, command: list[str]
) -> None:
    write_article(tmp_path, "good.txt", "Good", "Kim text.")
    write_article(tmp_path, "deep.txt", "Deep", "Text.", front_matter=f"x = {DEEP_ARRAY}\n")
    status, out, err = run(capsys, *command, "--corpus", str(tmp_path))
    line = assert_one_line_error(status, out, err)
    assert status == 1 and "deep.txt" in line and "nested too deeply" in line


def test_a_lenient_corpus_skips_front_matter_nested_too_deep(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    write_article(tmp_path, "good.txt", "Good", "Text.")
    write_article(tmp_path, "deep.txt", "Deep", "Text.", front_matter=f"x = {DEEP_ARRAY}\n")
    config = write(tmp_path / "etc", "citebot.toml", "[corpus]\nstrict = false\n")
    status, out, err = run(capsys, "check", "--corpus", str(tmp_path), "--config", str(config))
    assert status == 1 and out.startswith("OK: 1 article, 1 paragraph,")
    assert err.startswith("skipped deep.txt") and err.count("\n") == 1


def test_a_config_file_nested_too_deep_is_one_line_naming_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    config = write(tmp_path, "citebot.toml", "a = " + "[" * 2000 + "]" * 2000 + "\n")
    status, out, err = run(capsys, "check", "--config", str(config))
    line = assert_one_line_error(status, out, err)
    assert status == 1 and str(config) in line and "nested too deeply" in line


# -- configuration -----------------------------------------------------------------------------


def test_a_bad_config_file_exits_non_zero_naming_the_key(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    config = write(tmp_path, "citebot.toml", "[retrieval]\ntop_k = 99\n")
    status, out, err = run(capsys, "ask", "Kim?", "--config", str(config))
    line = assert_one_line_error(status, out, err)
    assert "retrieval.top_k" in line and str(config) in line


def test_an_unknown_config_key_exits_non_zero_naming_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    config = write(tmp_path, "citebot.toml", "[summary]\nsentence = 2\n")
    status, out, err = run(capsys, "check", "--config", str(config))
    line = assert_one_line_error(status, out, err)
    assert "summary.sentence: unknown key" in line


def test_the_config_file_size_limit_applies_to_the_corpus(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    config = write(tmp_path, "citebot.toml", "[corpus]\nmax_file_bytes = 1000\n")
    status, out, err = run(capsys, "check", "--config", str(config))
    assert status == 1 and out == ""
    both = err.splitlines()
    assert [line.split(":")[1].strip() for line in both] == [
        "000-cato-kim-congress.txt",
        "001-bloomberg-engage-north-korea.txt",
    ]
    assert all("1,000-byte limit" in line for line in both)


def test_config_settings_change_the_answer(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    config = write(tmp_path, "citebot.toml", "[summary]\nsentences = 2\n")
    summary = run_json(capsys, "summary", "1", "--config", str(config))
    assert len(summary["sentences"]) == 2


def test_a_token_in_the_config_file_gets_a_warning_from_check(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    config = write(tmp_path, "citebot.toml", '[discord]\ntoken = "abc"\n')
    status, out, err = run(capsys, "check", "--config", str(config))
    assert status == 0 and out.startswith("OK:")
    assert err == "warning: the Discord token is read from the config file; prefer DISCORD_TOKEN\n"


def test_check_names_the_files_that_are_not_articles(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    write_article(tmp_path, "good.txt", "Good", "Text.")
    write(tmp_path, "guide.mdx", b"# Guide\n\nimport X from './x';\n\nText.\n")
    write(tmp_path, "notes.pdf", b"%PDF")
    write(tmp_path, "image.png", b"\x89PNG")
    write(tmp_path, ".gitkeep", b"")
    status, out, err = run(capsys, "check", "--corpus", str(tmp_path))
    assert status == 0 and out.startswith("OK: 2 articles,")
    assert err == (
        "ignored 2 files that are not .txt, .md, .mdx, .rst or .docx: image.png, notes.pdf\n"
    )


def test_check_names_a_folder_of_articles_it_does_not_read(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    write_article(tmp_path, "good.txt", "Good", "Text.")
    (tmp_path / "guide").mkdir()
    write_article(tmp_path / "guide", "setup.md", "Setup", "Install it first.")
    write_article(tmp_path / "guide", "use.md", "Use", "Then use it.")
    (tmp_path / "images").mkdir()  # no articles: nothing to say
    (tmp_path / "servers" / "123").mkdir(parents=True)  # per-server folders: read apart
    write_article(tmp_path / "servers", "stray.md", "Stray", "Not read.")
    status, out, err = run(capsys, "check", "--corpus", str(tmp_path))
    assert status == 0 and out.startswith("OK: 1 article,")
    assert err == (
        "ignored the folder guide/ with 2 article files: citebot reads the files of one "
        "folder; move them up, or point --corpus at it\n"
    )


def test_check_names_one_ignored_file_in_the_singular(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    write_article(tmp_path, "good.txt", "Good", "Text.")
    write(tmp_path, "notes.pdf", b"%PDF")
    status, _, err = run(capsys, "check", "--corpus", str(tmp_path))
    assert status == 0
    assert err == "ignored 1 file that is not .txt, .md, .mdx, .rst or .docx: notes.pdf\n"


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("CITEBOT_DISCORD__MODERATOR_ROLE_IDS", "[123, 456"),
        ("CITEBOT_RETRIEVAL", "{bad"),
        ("CITEBOT_RETRIEVAL__SUPPORT_WEIGHTS", "[1]"),
        ("CITEBOT_DISCORD__API_BASE", "discord.com/api"),
    ],
)
def test_a_bad_configuration_variable_is_one_line_naming_it(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, variable: str, value: str
) -> None:
    monkeypatch.setenv(variable, value)
    status, out, err = run(capsys, "check")
    assert assert_one_line_error(status, out, err).startswith(f"citebot: {variable}: ")


def test_comma_separated_list_variables_are_accepted(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CITEBOT_DISCORD__MODERATOR_ROLE_IDS", "123,456")
    monkeypatch.setenv("CITEBOT_RETRIEVAL__SUPPORT_WEIGHTS", "0.5,0.5,0")
    status, out, err = run(capsys, "check")
    assert (status, err) == (0, "") and out.startswith("OK:")

"""What the command line writes, and where: fitted to the terminal, corpus text and errors
printed escaped, bounded reads, and one line when the output cannot be written."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from cli_helpers import assert_one_line_error, run, run_json
from helpers import (
    CONVENTIONS_QUESTION,
    REPO_ROOT,
    write,
    write_article,
)

pytestmark = pytest.mark.usefixtures("no_citebot_environment")


# -- terminal width ----------------------------------------------------------------------------

ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.mark.parametrize("columns", [40, 72, 120])
@pytest.mark.parametrize("color", ["never", "always"])
def test_ask_fits_the_terminal_width_without_counting_colour_codes(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    columns: int,
    color: str,
) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    status, out, _ = run(capsys, "ask", CONVENTIONS_QUESTION, "--color", color)
    assert status == 0
    widths = [len(ANSI.sub("", line)) for line in out.splitlines()]
    longest_word = max(len(word) for word in ANSI.sub("", out).split())
    assert max(widths) <= max(columns, longest_word + 4)
    assert max(widths) > columns - 15  # the width is used, not a fixed 90 columns
    if color == "always":  # the marks land on the highlighted words, wherever lines break
        answer = run_json(capsys, "ask", CONVENTIONS_QUESTION)
        spans = {p["text"][s:e] for p in answer["passages"] for s, e in p["highlights"]}
        marked = re.findall(r"\x1b\[1m(.*?)\x1b\[0m", out)
        assert marked and all(any(m in span for span in spans) for m in marked)


def test_a_citation_is_never_split_across_lines(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    answer = run_json(capsys, "ask", CONVENTIONS_QUESTION)
    for columns in range(30, 90, 7):
        monkeypatch.setenv("COLUMNS", str(columns))
        _, out, _ = run(capsys, "ask", CONVENTIONS_QUESTION, "--color", "never")
        for passage in answer["passages"]:
            assert passage["citation"] in out


def test_summary_bullets_have_a_hanging_indent(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "50")
    _, out, _ = run(capsys, "summary", "1")
    lines = out.splitlines()
    body = lines[next(i for i, line in enumerate(lines) if line.startswith("  \u2022 ")) :]
    bullets = [line for line in body if line.startswith("  \u2022 ")]
    assert len(bullets) == 3
    assert len(body) > len(bullets)  # some sentences wrapped
    assert all(line.startswith(("  \u2022 ", "    ")) for line in body)
    assert not any(line.startswith("     ") for line in body)  # continuation under the text


# -- hostile input: bounded reads, no terminal commands ----------------------------------------


def test_an_endless_config_file_is_refused_promptly_in_one_line() -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "Who is Doug Bandow?", "--config", "/dev/zero"],
        capture_output=True,
        text=True,
        timeout=30,
        cwd=REPO_ROOT,
        env={k: v for k, v in os.environ.items() if not k.startswith("CITEBOT_")},
    )
    line = assert_one_line_error(completed.returncode, completed.stdout, completed.stderr)
    assert line == "citebot: /dev/zero: is not a regular file"


def test_a_config_file_over_the_size_bound_is_refused_without_reading_it_all(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    config = tmp_path / "huge.toml"
    config.write_text("# padding\n" * 100_001)
    status, out, err = run(capsys, "sources", "--config", str(config))
    line = assert_one_line_error(status, out, err)
    assert line == f"citebot: {config}: over 1,000,000 bytes, too large for a configuration file"


TERMINAL_COMMANDS = "\x1b]0;pwned\x07\x1b[2J\x9b31m"


def test_terminal_control_sequences_in_corpus_text_are_printed_escaped(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    write_article(
        tmp_path,
        "ctl.txt",
        f"Zorblat {TERMINAL_COMMANDS}Notes",
        f"The Zorblat portal {TERMINAL_COMMANDS}opened in spring.",
    )
    outputs = []
    for argv in (
        ("ask", "When did the Zorblat portal open?", "--color", "always"),
        ("ask", "When did the Zorblat portal open?", "--color", "never"),
        ("summary", "1"),
        ("sources",),
    ):
        status, out, err = run(capsys, *argv, "--corpus", str(tmp_path))
        assert status == 0, err
        outputs.append(out)
    for out in outputs:
        assert "\x07" not in out and "\x9b" not in out
        assert "\x1b]" not in out and "\x1b[2J" not in out
        assert "\u241b]0;pwned\u2407\u241b[2J\ufffd31m" in out
    assert "\x1b[1m" in outputs[0]  # our own bold still works


def test_terminal_control_sequences_in_an_error_are_printed_escaped(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    write(tmp_path, f"bad{TERMINAL_COMMANDS}.txt", b"Caf\xe9\n\nNot UTF-8.\n")
    status, out, err = run(capsys, "check", "--corpus", str(tmp_path))
    line = assert_one_line_error(status, out, err)
    assert "\x1b" not in line and "\x07" not in line
    assert "bad\u241b]0;pwned\u2407\u241b[2J\ufffd31m.txt: not UTF-8" in line


# -- where the output goes ---------------------------------------------------------------------


def run_in_shell(script: str, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """``sh -c script`` with ``$0`` this Python and ``$1``... ``args``, as a user would run it."""
    return subprocess.run(
        ["sh", "-c", script, sys.executable, *args],
        cwd=REPO_ROOT,
        env={k: v for k, v in os.environ.items() if not k.startswith("CITEBOT_")} | env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize("command", [["ask", CONVENTIONS_QUESTION], ["sources"], ["check"]])
def test_a_closed_standard_output_is_one_line_and_exit_status_1(command: list[str]) -> None:
    done = run_in_shell('exec "$0" -m bot "$@" >&-', *command)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr == "citebot: standard output is closed; there is nowhere to print to\n"


@pytest.mark.parametrize("json_flag", [[], ["--json"]])
def test_an_output_encoding_that_cannot_show_the_quotes_is_one_line_and_exit_status_1(
    json_flag: list[str],
) -> None:
    done = run_in_shell(
        'exec "$0" -m bot "$@"', "ask", CONVENTIONS_QUESTION, *json_flag, PYTHONIOENCODING="ascii"
    )
    assert done.returncode == 1 and done.stdout == "" and "Traceback" not in done.stderr
    assert done.stderr.count("\n") == 1, done.stderr
    assert done.stderr.startswith("citebot: standard output's encoding (ascii) cannot show")
    assert "PYTHONIOENCODING=utf-8" in done.stderr


@pytest.mark.parametrize(
    "variable", ["CITEBOT_RETREIVAL__TOP_K", "CITEBOT_RETREIVAL", "CITEBOT_DISCROD__PREFIX"]
)
def test_a_variable_naming_an_unknown_section_is_one_line_naming_it(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, variable: str
) -> None:
    monkeypatch.setenv(variable, "abc")
    status, out, err = run(capsys, "check")
    line = assert_one_line_error(status, out, err)
    assert status == 1 and line.startswith(f"citebot: {variable}: unknown section")
    assert "corpus, discord, question_log, retrieval, storage, summary" in line

"""What the command line's tests share: running ``citebot`` in this process over the seeds, and
checking its one-line errors. A plugin of the suite (``conftest.pytest_plugins``): its fixture
clears citebot's variables for the modules that ask for it."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from bot.cli import main
from helpers import SEEDS_DIR, clean_environment

CITATION = re.compile(r"\((?P<slug>[a-z0-9-]+) \u00b6(?P<number>\d+)\)")


@pytest.fixture
def no_citebot_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    clean_environment(monkeypatch)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Exit status, stdout and stderr of ``citebot argv`` over the seeds (unless --corpus given)."""
    args = list(argv)
    if "--corpus" not in args:
        args += ["--corpus", str(SEEDS_DIR)]
    status = main(args)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> Any:
    status, out, err = run(capsys, *argv, "--json")
    assert (status, err) == (0, "")
    return json.loads(out)


def assert_one_line_error(status: int, out: str, err: str) -> str:
    assert status != 0
    assert out == ""
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("citebot: ")
    return lines[0]


def flat(text: str) -> str:
    return " ".join(text.split())

"""Shared paths and small builders for the engine, loader and command-line tests."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest

from retrieval import Engine, EngineSettings, RetrievalSettings, load_corpus

T = TypeVar("T")
REPO_ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = REPO_ROOT / "seeds"
SHARED_SEEDS_DIR = REPO_ROOT.parent / "shared" / "seeds"
EXAMPLE_CONFIG = REPO_ROOT / "config.example.toml"

CATO = "cato-kim-congress"
BLOOMBERG = "bloomberg-engage-north-korea"
SEED_FILES = {
    CATO: SEEDS_DIR / "000-cato-kim-congress.txt",
    BLOOMBERG: SEEDS_DIR / "001-bloomberg-engage-north-korea.txt",
}
# The seeds' titles as the corpus lists them (Bloomberg's holds a no-break space).
SEED_TITLES = [
    "A Spectacular Opportunity to Engage Kim Jong Un",
    "A Moment to Engage\u00a0North Korea",
]

FENCE = b"+++\n"

CONVENTIONS_QUESTION = "How lively will the American party conventions be?"
OFF_TOPIC_QUESTIONS = (
    "What is the population of Brazil?",
    "Who won the World Cup in 2014?",
    "What is the capital of France?",
)
# On the articles' subject, but what they turn on is nowhere in them.
NEAR_TOPIC_QUESTIONS = (
    "What does Kim Jong Un eat for breakfast?",
    "How tall is Kim Jong Un?",
)


def split_seed(path: Path) -> tuple[bytes, bytes]:
    """(front matter block, body) of a seed file, as bytes; the body is the original text."""
    data = path.read_bytes()
    assert data.startswith(FENCE), f"{path.name} has no front matter"
    end = data.index(b"\n" + FENCE, len(FENCE))
    return data[len(FENCE) : end + 1], data[end + 1 + len(FENCE) :]


def seed_body(slug: str) -> bytes:
    return split_seed(SEED_FILES[slug])[1]


def original_seed(slug: str) -> Path | None:
    """The seed's original in ../shared/seeds (same numbering prefix), if that folder exists."""
    if not SHARED_SEEDS_DIR.is_dir():
        return None
    prefix = SEED_FILES[slug].name[:3]
    matches = sorted(SHARED_SEEDS_DIR.glob(f"{prefix}*.txt"))
    return matches[0] if matches else None


def write(folder: Path, name: str, content: str | bytes) -> Path:
    """Write one corpus file (text as UTF-8, bytes as given) and return its path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def write_article(
    folder: Path, name: str, title: str, *paragraphs: str, front_matter: str = ""
) -> Path:
    """An article file: the title line, then paragraphs separated by blank lines, after a
    TOML front matter block when one is given."""
    head = f"+++\n{front_matter}+++\n" if front_matter else ""
    return write(folder, name, head + "\n\n".join([title, *paragraphs]) + "\n")


def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Remove every variable that could change citebot's configuration during a test."""
    for name in list(os.environ):
        if name.startswith("CITEBOT_") or name == "DISCORD_TOKEN":
            monkeypatch.delenv(name, raising=False)


def environment(**extra: str) -> dict[str, str]:
    """This process's environment without citebot's or Discord's variables, plus ``extra``:
    for starting citebot in a child process."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CITEBOT_", "DISCORD_"))}
    return env | extra


def interruptible(start: Callable[[], T]) -> T:
    """``start()`` a child process that Ctrl-C (SIGINT) stops, even when this one ignores
    SIGINT, as a suite started in the background does: the child would inherit that."""
    before = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        return start()
    finally:
        signal.signal(signal.SIGINT, before)


def run_citebot(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """``citebot <args>`` run to its end from the repository, with ``env`` in a clean
    environment; its output captured as text."""
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        env=environment(**env),
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )


def examples(full: int) -> int:
    """How many examples a property test tries: ``full`` under the ``ci`` hypothesis profile
    (``.ci/run`` sets ``HYPOTHESIS_PROFILE=ci``), a tenth of it (at least 10) by default, so
    that the README's test command stays quick (profiles: ``tests/conftest.py``)."""
    if os.environ.get("HYPOTHESIS_PROFILE") == "ci":
        return full
    return max(10, full // 10)


def copy_seeds_to(folder: Path) -> Path:
    """A copy of the seed articles in ``folder``, which a test may change."""
    import shutil

    shutil.copytree(SEEDS_DIR, folder)
    return folder


def engine_for(folder: Path, *off: str) -> Engine:
    """An engine over the articles in ``folder``, with the named heuristics switched off."""
    settings = EngineSettings(retrieval=RetrievalSettings(heuristics_off=frozenset(off)))
    return Engine(load_corpus(folder), settings)


def folder_of(tmp_path_factory: pytest.TempPathFactory, name: str, pages: dict[str, str]) -> Path:
    """A temporary folder holding ``pages`` (file name -> text), for a module's corpus."""
    folder = tmp_path_factory.mktemp(name)
    for file_name, text in pages.items():
        write(folder, file_name, text)
    return folder

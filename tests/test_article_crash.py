"""A crash at any point of an article change leaves a folder that loads and an index that
matches it: a child process makes the change and is killed (SIGKILL, no clean-up of any kind)
at one point of it; a new start then serves exactly what the folder holds."""

from __future__ import annotations

import asyncio
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from bot.config import CorpusSettings, Settings
from bot.corpora import Corpora
from bot.service import CorpusService
from helpers import CATO, REPO_ROOT, SEED_FILES, copy_seeds_to, environment
from retrieval import load_corpus

GUILD = 424242
NEW = b"A Note On Steel Tariffs\n\nSteel tariffs rose sharply this spring.\n"

CHILD = """
import asyncio, os, signal, sys
from pathlib import Path
from bot import article_files
from bot.article_changes import ArticleChanges, Who
from bot.config import CorpusSettings, Settings
from bot.corpora import Corpora
from bot.service import CorpusService

folder, scope, action, point = Path(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
guild, new_file, cato, cato_name = int(sys.argv[5]), Path(sys.argv[6]), sys.argv[7], sys.argv[8]

def die(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGKILL)

if point == "before the rename":
    article_files.os.replace = die
elif point == "between the write and the reload":
    CorpusService._reload = die
elif point == "during the server's copy":
    article_files.os.rename = die

async def main():
    settings = Settings(corpus=CorpusSettings(directory=folder, scope=scope))
    corpora = Corpora(settings, CorpusService.open(settings))
    await corpora.load_servers()
    changes = ArticleChanges(corpora)
    who = Who(guild, 1)
    if action == "add":
        await changes.add(who, "steel.txt", new_file.read_bytes())
    elif action == "replace":
        data = (folder / cato_name).read_bytes().replace(b"Doug Bandow", b"Doug Bandow Jr.", 1)
        await changes.add(who, cato_name, data, replace=True)
    else:
        article = changes.find(guild, cato)
        await changes.remove(who, article.slug, article.digest)

asyncio.run(main())
print("finished")
"""


def crash(folder: Path, scope: str, action: str, point: str) -> None:
    new_file = folder.parent / "new-article.txt"
    new_file.write_bytes(NEW)
    arguments = [str(folder), scope, action, point, str(GUILD), str(new_file), CATO]
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(CHILD), *arguments, SEED_FILES[CATO].name],
        env=environment(),
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == -signal.SIGKILL, done.stderr


async def restarted(folder: Path, scope: str) -> CorpusService:
    """The corpus a new start serves for the server."""
    settings = Settings(corpus=CorpusSettings(directory=folder, scope=scope))  # type: ignore[arg-type]
    corpora = Corpora(settings, CorpusService.open(settings))
    await corpora.load_servers()
    return corpora.serving(GUILD)


def served(service: CorpusService) -> dict[str, str]:
    return {a.slug: a.digest for a in service.engine.corpus}


POINTS = ("before the rename", "between the write and the reload")


@pytest.mark.parametrize("scope", ["shared", "per_server"])
@pytest.mark.parametrize("action", ["add", "replace", "remove"])
@pytest.mark.parametrize("point", POINTS)
def test_a_change_killed_midway_leaves_folder_and_index_consistent(
    tmp_path: Path, scope: str, action: str, point: str
) -> None:
    shared = copy_seeds_to(tmp_path / "corpus")
    before = {a.slug: a.digest for a in load_corpus(shared)}
    crash(shared, scope, action, point)

    folder = shared / "servers" / str(GUILD) if scope == "per_server" else shared
    on_disk = {a.slug: a.digest for a in load_corpus(folder)}  # loads: no half-written file
    service = asyncio.run(restarted(shared, scope))
    assert served(service) == on_disk  # the index is the folder's
    applied = on_disk != before
    assert applied == (point == "between the write and the reload")
    if action == "add":
        assert ("steel" in on_disk) == applied
    elif action == "remove":
        assert (CATO in on_disk) != applied
        if applied:
            assert (folder / "removed" / SEED_FILES[CATO].name).exists()
    assert not list(folder.glob(".citebot-staging-*"))  # cleaned at the start
    assert {a.slug: a.digest for a in load_corpus(shared)} == before or scope == "shared"


def test_a_server_copy_killed_midway_leaves_the_server_reading_the_shared_articles(
    tmp_path: Path,
) -> None:
    shared = copy_seeds_to(tmp_path / "corpus")
    crash(shared, "per_server", "add", "during the server's copy")
    assert not (shared / "servers" / str(GUILD)).exists()
    service = asyncio.run(restarted(shared, "per_server"))
    assert service.directory == shared
    assert not list((shared / "servers").glob(".citebot-staging-*"))

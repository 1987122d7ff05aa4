"""Adds and removes among asks, over real sockets: every answer is the answer of one whole
corpus version (before the article, or with it), never of a half-changed one; and a reload
that fails after a change puts the folder back."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

import pytest

from bot.article_changes import ArticleChanges, Who
from bot.article_files import Refused
from bot.cogs.utils import formats
from bot.cogs.utils.answer_pages import page_embed
from bot.config import CorpusSettings, QuestionLogSettings, Settings
from bot.corpora import Corpora
from bot.engines import build_engine
from bot.service import CorpusService
from discord_fixtures import SeededGuild
from fakediscord import Sent, Upload
from harness import all_text, open_harness, replies_to
from helpers import SEEDS_DIR, copy_seeds_to
from retrieval import Answer

STEEL = (
    b"A Note On Steel Tariffs\n\n"
    b"Steel tariffs rose sharply this spring, and carmakers paid the most for them.\n\n"
    b"Economists expect the tariffs on steel to stay until the trade talks end.\n"
)
QUESTIONS = (
    "Who paid the most for the steel tariffs?",
    "Why should the U.S. engage North Korea?",
)
ROUNDS = 4


def shown(answer: Answer) -> str:
    """What the bot shows for ``answer``, as ``all_text`` reads it back."""
    if answer.abstained:
        return formats.abstention_text(answer)
    embed = page_embed(answer, 0).to_dict()  # the first page, as the bot sends it
    parts = ["", embed.get("title", ""), embed.get("description", "")]
    parts += [f"{f['name']}\n{f['value']}" for f in embed.get("fields", [])]
    parts.append(embed.get("footer", {}).get("text", ""))
    return "\n".join(parts)


def own_settings(folder: Path, tmp_path: Path) -> Settings:
    """Settings for ``folder`` with a question log of the test's own: the article history is
    kept in that file when no database is configured, and no other test's changes are in it."""
    log = QuestionLogSettings(path=tmp_path / "questions.sqlite3")
    return Settings(corpus=CorpusSettings(directory=folder), question_log=log)


def versions(tmp_path: Path) -> dict[str, set[str]]:
    """For each question, what the bot shows from the seeds and from the seeds with STEEL."""
    without = copy_seeds_to(tmp_path / "without")
    with_steel = copy_seeds_to(tmp_path / "with")
    (with_steel / "steel.txt").write_bytes(STEEL)
    settings = Settings()
    engines = [build_engine(settings, folder) for folder in (without, with_steel)]
    expected = {q: {shown(engine.ask(q)) for engine in engines} for q in QUESTIONS}
    for question, texts in expected.items():
        assert len(texts) == 2 or question != QUESTIONS[0], "the versions must be told apart"
    return expected


async def test_every_answer_during_adds_and_removes_is_one_whole_version(
    fake_guild: SeededGuild, corpus: Path, tmp_path: Path
) -> None:
    expected = versions(tmp_path)
    # Asks as fast as the bot answers: more than the harness's cooldown (50 a second) allows.
    fast = {"cooldown_rate": 100, "cooldown_seconds": 0.01}
    async with open_harness(fake_guild, corpus, scope="per_server", **fast) as h:
        mod, server = fake_guild.moderator, fake_guild.server
        seen: list[tuple[str, Sent]] = []
        changing = True

        async def asks() -> None:
            while changing:
                for question in QUESTIONS:
                    seen.append((question, await h.say(f"!ask {question}")))

        async def changes() -> None:
            for _ in range(ROUNDS):
                posted = await server.post_message(
                    fake_guild.channel, mod, "!article add", files=(Upload("steel.txt", STEEL),)
                )
                assert "Added article 3" in (await h.reply(posted, timeout=20.0)).content
                # Asked once in each state for certain, beside the asks racing the changes.
                seen.append((QUESTIONS[0], await h.say(f"!ask {QUESTIONS[0]}")))
                posted = await server.post_message(fake_guild.channel, mod, "!article remove steel")
                prompt = await h.reply(posted, timeout=20.0)
                pressed = await server.click_button(prompt, mod, "confirm")
                done = await server.wait_for(replies_to(posted), since=pressed.mark, timeout=20.0)
                assert "Removed" in done.content
                seen.append((QUESTIONS[0], await h.say(f"!ask {QUESTIONS[0]}")))

        asking = asyncio.create_task(asks())
        try:
            await changes()
        finally:
            changing = False
            await asking
    assert len(seen) >= 2 * ROUNDS
    for question, reply in seen:
        assert all_text(reply) in expected[question]
    assert {all_text(r) for q, r in seen if q == QUESTIONS[0]} == expected[QUESTIONS[0]]


async def test_a_reload_that_fails_after_a_change_puts_the_folder_back(tmp_path: Path) -> None:
    folder = copy_seeds_to(tmp_path / "corpus")
    settings = own_settings(folder, tmp_path)
    corpora = Corpora(settings, CorpusService.open(settings))
    changes = ArticleChanges(corpora)
    (folder / "broken.txt").write_bytes(b"Broken\n\nCaf\xe9.\n")  # by hand, after the start

    with pytest.raises(Refused, match=r"so nothing changed: broken\.txt: not UTF-8"):
        await changes.add(Who(None, 1), "steel.txt", STEEL)

    assert not (folder / "steel.txt").exists()
    (kept,) = (folder / "removed" / "replaced").iterdir()
    assert kept.name.endswith("-steel.txt") and kept.read_bytes() == STEEL
    assert len(corpora.shared.engine.corpus) == 2
    history = corpora.history
    assert history is not None
    assert [c.action for c in history.recent("shared")] == ["rolled back", "added"]
    shutil.rmtree(folder / "removed")
    assert sorted(p.name for p in folder.iterdir() if p.suffix == ".txt") == sorted(
        ["broken.txt", *(p.name for p in SEEDS_DIR.glob("*.txt"))]
    )


async def test_changes_and_reloads_at_once_are_applied_one_after_another(tmp_path: Path) -> None:
    folder = copy_seeds_to(tmp_path / "corpus")
    settings = own_settings(folder, tmp_path)
    corpora = Corpora(settings, CorpusService.open(settings))
    changes = ArticleChanges(corpora)
    files = {
        f"note-{n}.txt": f"Note {n}\n\nA paragraph about harbour {n}.\n".encode() for n in range(4)
    }
    done = await asyncio.gather(
        *(changes.add(Who(None, n), name, data) for n, (name, data) in enumerate(files.items())),
        corpora.shared.reload(),
        corpora.shared.reload(),
    )
    assert sorted(d.info.article for d in done[:4]) == [f"note-{n}" for n in range(4)]
    assert len(corpora.shared.engine.corpus) == 6
    assert {d.report.articles for d in done[:4]} == {3, 4, 5, 6}  # each saw the one before

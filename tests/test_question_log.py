"""The question log's database: user ids only as a keyed hash, retention, versioned tables
per component, and ``citebot log --purge``."""

from __future__ import annotations

import asyncio
import sqlite3
import time
from pathlib import Path

import pytest

from bot.cli import main
from bot.store import Database, Entry, QuestionLog, StoreError
from bot.store.questions import COMPONENT, MIGRATIONS

USER = 80351110224678912


def entry(message_id: int, **changes: object) -> Entry:
    fields: dict[str, object] = {
        "guild_id": 1,
        "channel_id": 2,
        "user_id": USER,
        "question": "what is juche",
        "verdict": "none",
        "citations": [],
        "latency_ms": 12.5,
        "message_id": message_id,
        "source": "command",
    }
    fields.update(changes)
    return Entry(**fields)  # type: ignore[arg-type]


def test_user_ids_are_stored_only_as_a_keyed_hash_with_the_key_beside_it(tmp_path: Path) -> None:
    path = tmp_path / "q.sqlite3"
    log = QuestionLog.open(path, 90)
    asyncio.run(log.record(entry(5)))
    asyncio.run(log.vote(5, USER, 1, None))
    log.close()
    dump = "\n".join(sqlite3.connect(path).iterdump())
    assert str(USER) not in dump
    key = path.with_name("q.sqlite3.key")
    assert key.stat().st_mode & 0o077 == 0
    assert QuestionLog.open(path, 90).user_hash(USER) == log.user_hash(USER)


def test_one_vote_per_person_per_answer_changeable(tmp_path: Path) -> None:
    log = QuestionLog.open(tmp_path / "q.sqlite3", 90)

    async def scenario() -> list[object]:
        await log.record(entry(5))
        assert await log.vote(5, USER, 1, None)
        assert await log.vote(5, USER, -1, "  off topic ")
        assert not await log.vote(6, USER, -1, None)  # not an answer the log holds
        return list(await log.disliked(1, 30))

    (disliked,) = asyncio.run(scenario())
    assert (disliked.downs, disliked.ups, disliked.reasons) == (1, 0, ("off topic",))


def test_a_log_of_the_first_version_is_upgraded_and_keeps_its_questions(tmp_path: Path) -> None:
    path = tmp_path / "q.sqlite3"
    old = Database(path)
    old.migrate(COMPONENT, MIGRATIONS[:1])
    old.call(
        lambda c: c.execute(
            "INSERT INTO questions (asked_at, user_hash, question, verdict, citations, "
            "latency_ms, message_id, source) VALUES (?, 'x', 'what is juche', 'none', '[]', "
            "1.0, 5, 'command')",
            (time.time(),),
        )
    )
    old.close()
    log = QuestionLog.open(path, 90)
    asyncio.run(log.record(entry(6, article="cato-kim-congress")))
    assert asyncio.run(log.question_of(5)) == ("what is juche", None)
    assert asyncio.run(log.question_of(6)) == ("what is juche", "cato-kim-congress")
    assert asyncio.run(log.question_of(7)) is None


def test_questions_older_than_the_retention_are_deleted_when_the_log_opens(tmp_path: Path) -> None:
    path = tmp_path / "q.sqlite3"
    log = QuestionLog.open(path, 30)
    asyncio.run(log.record(entry(1, asked_at=time.time() - 31 * 86_400)))
    asyncio.run(log.record(entry(2)))
    log.close()
    reopened = QuestionLog.open(path, 30)
    assert reopened.count() == 1


def test_each_component_keeps_its_own_schema_version(tmp_path: Path) -> None:
    path = tmp_path / "q.sqlite3"
    QuestionLog.open(path, 90).close()
    database = Database(path)
    assert database.migrate("history", ["CREATE TABLE history (id INTEGER PRIMARY KEY)"]) == 1
    assert database.migrate(COMPONENT, MIGRATIONS) == len(MIGRATIONS)
    versions = dict(database.call(lambda c: c.execute("SELECT * FROM schema").fetchall()))
    assert versions == {COMPONENT: len(MIGRATIONS), "history": 1}
    with pytest.raises(StoreError, match="newer than this citebot knows"):
        database.migrate("history", [])
    database.close()


def test_citebot_log_purge_empties_the_log(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "q.sqlite3"
    log = QuestionLog.open(path, 90)
    asyncio.run(log.record(entry(1)))
    log.close()
    config = tmp_path / "config.toml"
    config.write_text('[question_log]\npath = "q.sqlite3"\n')
    assert main(["log", "--config", str(config)]) == 0
    assert "1 questions" in capsys.readouterr().out
    assert main(["log", "--purge", "--config", str(config)]) == 0
    assert "purged 1 questions" in capsys.readouterr().out
    assert QuestionLog.open(path, 90).count() == 0

"""The question log: what was asked where, the verdict, what was cited, how fast, and the votes.

Moderators read it (``!gaps``, ``!stats``) to see what the articles miss. A user is stored
only as a keyed hash of their id (HMAC-SHA256 with a key kept in a file beside the database,
readable by its owner alone), so votes can be counted once a person without the log holding
who anyone is. Rows older than the retention are deleted when the log opens and once a day.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import sqlite3
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bot.store.database import Database

COMPONENT = "questions"
MIGRATIONS = (
    """
    CREATE TABLE questions (
        id INTEGER PRIMARY KEY,
        asked_at REAL NOT NULL,
        guild_id INTEGER,
        channel_id INTEGER,
        user_hash TEXT NOT NULL,
        question TEXT NOT NULL,
        verdict TEXT NOT NULL,
        citations TEXT NOT NULL,
        latency_ms REAL NOT NULL,
        message_id INTEGER UNIQUE,
        source TEXT NOT NULL
    );
    CREATE INDEX questions_by_guild ON questions (guild_id, asked_at);
    CREATE TABLE feedback (
        question_id INTEGER NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
        user_hash TEXT NOT NULL,
        vote INTEGER NOT NULL CHECK (vote IN (-1, 1)),
        reason TEXT,
        voted_at REAL NOT NULL,
        PRIMARY KEY (question_id, user_hash)
    )
    """,
    # The article a question was asked within (/ask article:), so a rebuilt answer keeps it.
    "ALTER TABLE questions ADD COLUMN article TEXT",
)
DAY = 86_400.0
REASON_MAX = 300


@dataclass(frozen=True)
class Entry:
    """One answered question, as the log keeps it (``user_id`` is hashed before storing)."""

    guild_id: int | None
    channel_id: int | None
    user_id: int
    question: str
    verdict: str
    citations: Sequence[str]
    latency_ms: float
    message_id: int | None
    source: str  # how it was asked: "command", "slash", "mention", "channel", "reply"...
    asked_at: float = 0.0
    article: str | None = None  # the article it was asked within (/ask article:), if one


@dataclass(frozen=True)
class Logged:
    """A row of the log as moderators' reports read it."""

    id: int
    asked_at: float
    question: str
    verdict: str
    citations: tuple[str, ...]
    latency_ms: float


@dataclass(frozen=True)
class Disliked:
    question: str
    verdict: str
    downs: int
    ups: int
    reasons: tuple[str, ...]


class QuestionLog:
    """The log's tables in ``database``; every method is safe to await from the event loop."""

    def __init__(self, database: Database, key: bytes, retention_days: int) -> None:
        self.database = database
        self._key = key
        self.retention_days = retention_days
        self._pruned = 0.0

    @classmethod
    def open(cls, path: Path, retention_days: int) -> QuestionLog:
        """The log in ``path``, its tables created or brought up to date (StoreError if not)."""
        database = Database(path)
        database.migrate(COMPONENT, MIGRATIONS)
        log = cls(database, _key(path.with_name(path.name + ".key")), retention_days)
        log.database.call(log._prune)
        return log

    def user_hash(self, user_id: int) -> str:
        return hmac.new(self._key, str(user_id).encode(), hashlib.sha256).hexdigest()

    async def record(self, entry: Entry) -> int:
        row = (
            entry.asked_at or time.time(),
            entry.guild_id,
            entry.channel_id,
            self.user_hash(entry.user_id),
            entry.question,
            entry.verdict,
            json.dumps(list(entry.citations)),
            entry.latency_ms,
            entry.message_id,
            entry.source,
            entry.article,
        )

        def insert(connection: sqlite3.Connection) -> int:
            if time.time() - self._pruned > DAY:
                self._prune(connection)
            cursor = connection.execute(
                "INSERT INTO questions (asked_at, guild_id, channel_id, user_hash, question, "
                "verdict, citations, latency_ms, message_id, source, article) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                row,
            )
            return int(cursor.lastrowid or 0)

        return await self.database.run(insert)

    async def question_of(self, message_id: int) -> tuple[str, str | None] | None:
        """The question a reply of citebot's (by its message id) answered, and the article it
        was asked within (None: all of them), if it is logged."""

        def find(connection: sqlite3.Connection) -> tuple[str, str | None] | None:
            found = connection.execute(
                "SELECT question, article FROM questions WHERE message_id = ?", (message_id,)
            ).fetchone()
            return (found[0], found[1]) if found else None

        return await self.database.run(find)

    async def vote(self, message_id: int, user_id: int, vote: int, reason: str | None) -> bool:
        """``user_id``'s vote on the answer ``message_id``, replacing theirs; False if that
        answer is not in the log (asked before the log kept it, or purged)."""
        who = self.user_hash(user_id)
        text = reason.strip()[:REASON_MAX] if reason and reason.strip() else None

        def upsert(connection: sqlite3.Connection) -> bool:
            found = connection.execute(
                "SELECT id FROM questions WHERE message_id = ?", (message_id,)
            ).fetchone()
            if found is None:
                return False
            connection.execute(
                "INSERT INTO feedback (question_id, user_hash, vote, reason, voted_at) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT (question_id, user_hash) DO UPDATE SET "
                "vote = excluded.vote, reason = excluded.reason, voted_at = excluded.voted_at",
                (found[0], who, vote, text, time.time()),
            )
            return True

        return await self.database.run(upsert)

    async def asked(self, guild_id: int | None, days: int) -> list[Logged]:
        """The server's logged questions of the last ``days`` days, oldest first."""
        since = time.time() - days * DAY

        def select(connection: sqlite3.Connection) -> list[Logged]:
            rows = connection.execute(
                "SELECT id, asked_at, question, verdict, citations, latency_ms FROM questions "
                "WHERE guild_id IS ? AND asked_at >= ? ORDER BY asked_at",
                (guild_id, since),
            ).fetchall()
            return [Logged(r[0], r[1], r[2], r[3], tuple(json.loads(r[4])), r[5]) for r in rows]

        return await self.database.run(select)

    async def disliked(self, guild_id: int | None, days: int) -> list[Disliked]:
        """The server's answers with any 👎 in the last ``days`` days, most 👎 first."""
        since = time.time() - days * DAY

        def select(connection: sqlite3.Connection) -> list[Disliked]:
            rows = connection.execute(
                "SELECT q.question, q.verdict, SUM(f.vote < 0), SUM(f.vote > 0), "
                "json_group_array(f.reason) FROM questions q JOIN feedback f "
                "ON f.question_id = q.id WHERE q.guild_id IS ? AND q.asked_at >= ? "
                "GROUP BY q.id HAVING SUM(f.vote < 0) > 0 "
                "ORDER BY SUM(f.vote < 0) DESC, q.asked_at DESC",
                (guild_id, since),
            ).fetchall()
            return [
                Disliked(r[0], r[1], r[2], r[3], tuple(x for x in json.loads(r[4]) if x))
                for r in rows
            ]

        return await self.database.run(select)

    def count(self) -> int:
        """How many questions the log holds (command line)."""
        found = self.database.call(
            lambda connection: connection.execute("SELECT COUNT(*) FROM questions").fetchone()
        )
        return int(found[0])

    def purge(self) -> int:
        """Delete every question and vote; how many questions there were (command line)."""

        def delete(connection: sqlite3.Connection) -> int:
            connection.execute("DELETE FROM feedback")
            return connection.execute("DELETE FROM questions").rowcount

        count = self.database.call(delete)
        self.database.call(lambda connection: connection.execute("VACUUM") and None)
        return count

    def _prune(self, connection: sqlite3.Connection) -> None:
        self._pruned = time.time()
        cutoff = self._pruned - self.retention_days * DAY
        connection.execute("DELETE FROM questions WHERE asked_at < ?", (cutoff,))

    def close(self) -> None:
        self.database.close()


def _key(path: Path) -> bytes:
    """The hashing key in ``path``, made (random, owner-only) the first time."""
    try:
        return bytes.fromhex(path.read_text().strip())
    except FileNotFoundError:
        pass
    key = secrets.token_bytes(32)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w") as handle:
        handle.write(key.hex())
    return key

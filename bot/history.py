"""The history of article changes: who added, replaced, removed, restored or reloaded what, when.

One table of its own, ``article_changes``, in a SQLite file (``[storage] database``, which the
question log may share: nothing here reads or assumes any other table). Users are stored as a
keyed hash (HMAC-SHA256 with a key kept in a file beside the database, ``<database>.key``,
readable by its owner only), so the file alone does not say who did what; the bot, holding
the key, can still tell a moderator which entries are theirs.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import secrets
import sqlite3
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

DEFAULT_NAME = ".citebot-history.sqlite3"
SCHEMA = """
CREATE TABLE IF NOT EXISTS article_changes (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,            -- UTC, ISO 8601
    corpus TEXT NOT NULL,        -- "shared", or the server id whose own copy changed
    guild_id INTEGER,            -- where it was done; NULL in direct messages
    user_hash TEXT NOT NULL,     -- HMAC-SHA256 of the user id, hex
    action TEXT NOT NULL,        -- added, replaced, removed, restored, reloaded
    article TEXT NOT NULL,       -- the slug ("" for a reload)
    detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS article_changes_by_corpus ON article_changes (corpus, id);
"""
ACTIONS = ("added", "replaced", "removed", "restored", "reloaded", "rolled back")


@dataclass(frozen=True)
class Change:
    at: datetime
    corpus: str
    user_hash: str
    action: str
    article: str
    detail: str


class History:
    """Appends and reads ``article_changes``; every call is short and thread-safe."""

    def __init__(self, database: Path) -> None:
        self.database = database
        self._lock = threading.Lock()
        self._key: bytes | None = None

    def user_hash(self, user_id: int) -> str:
        return hmac.new(self._secret(), str(user_id).encode(), hashlib.sha256).hexdigest()

    def record(
        self,
        *,
        corpus: str,
        guild_id: int | None,
        user_id: int,
        action: str,
        article: str = "",
        detail: str = "",
    ) -> None:
        at = datetime.now(UTC).isoformat(timespec="seconds")
        with self._connection() as db:
            db.execute(
                "INSERT INTO article_changes (at, corpus, guild_id, user_hash, action, article, "
                "detail) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (at, corpus, guild_id, self.user_hash(user_id), action, article, detail),
            )

    def recent(self, corpus: str, guild_id: int | None = None, limit: int = 15) -> list[Change]:
        """The latest changes to ``corpus`` and anything done in ``guild_id``, newest first."""
        with self._connection() as db:
            rows = db.execute(
                "SELECT at, corpus, user_hash, action, article, detail FROM article_changes "
                "WHERE corpus = ? OR guild_id = ? ORDER BY id DESC LIMIT ?",
                (corpus, guild_id, limit),
            ).fetchall()
        return [Change(datetime.fromisoformat(row[0]), *row[1:]) for row in rows]

    @contextlib.contextmanager
    def _connection(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self.database.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(self.database, timeout=10.0)
            try:
                with db:  # one transaction: committed whole or rolled back
                    db.executescript(SCHEMA)
                    yield db
            finally:
                db.close()

    def _secret(self) -> bytes:
        if self._key is None:
            path = self.database.with_name(self.database.name + ".key")
            try:
                self._key = bytes.fromhex(path.read_text().strip())
            except FileNotFoundError:
                path.parent.mkdir(parents=True, exist_ok=True)
                key = secrets.token_hex(32)
                try:
                    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                except FileExistsError:  # made meanwhile by another process: use theirs
                    self._key = bytes.fromhex(path.read_text().strip())
                else:
                    with os.fdopen(descriptor, "w") as file:
                        file.write(key + "\n")
                    self._key = bytes.fromhex(key)
        return self._key

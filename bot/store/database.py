"""One SQLite file, used from a single worker thread so the event loop never waits on the disk.

Each part of citebot that keeps tables here names itself (``component``) and lists its
migrations, in order; ``migrate`` applies the ones a file lacks and records how many it has
in the ``schema`` table, one row a component, so parts are versioned independently and a new
part (a table of corpus history, say) is one more module, not an edit of this one.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


class StoreError(Exception):
    """The database cannot be opened or used; the message says which file and why."""


class Database:
    """The connection lives in one thread; ``run`` hands it work from the event loop."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="citebot-store")
        self._connection: sqlite3.Connection | None = None

    def _connect(self) -> sqlite3.Connection:
        if self._connection is None:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                connection = sqlite3.connect(self.path, check_same_thread=False, timeout=5)
                connection.execute("PRAGMA foreign_keys = ON")
                connection.execute("PRAGMA journal_mode = WAL")
                connection.execute(
                    "CREATE TABLE IF NOT EXISTS schema "
                    "(component TEXT PRIMARY KEY, version INTEGER NOT NULL)"
                )
                connection.commit()
            except (OSError, sqlite3.Error) as error:
                raise StoreError(f"{self.path}: cannot be opened ({error})") from None
            self._connection = connection
        return self._connection

    def call(self, work: Callable[[sqlite3.Connection], T]) -> T:
        """Run ``work`` in a transaction, in the calling thread (the command line's way)."""
        connection = self._connect()
        try:
            with connection:
                return work(connection)
        except sqlite3.Error as error:
            raise StoreError(f"{self.path}: {error}") from None

    async def run(self, work: Callable[[sqlite3.Connection], T]) -> T:
        """``call`` in the store's thread, awaited without blocking the event loop."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, self.call, work)

    def migrate(self, component: str, migrations: Sequence[str]) -> int:
        """Apply the migrations of ``component`` this file lacks; its version after."""

        def apply(connection: sqlite3.Connection) -> int:
            row = connection.execute(
                "SELECT version FROM schema WHERE component = ?", (component,)
            ).fetchone()
            done = row[0] if row else 0
            if done > len(migrations):
                raise StoreError(
                    f"{self.path}: {component} tables are at version {done}, newer than this "
                    f"citebot knows ({len(migrations)}); upgrade citebot or use another file"
                )
            for script in migrations[done:]:
                for statement in script.split(";"):
                    if statement.strip():
                        connection.execute(statement)
            connection.execute(
                "INSERT INTO schema (component, version) VALUES (?, ?) "
                "ON CONFLICT (component) DO UPDATE SET version = excluded.version",
                (component, len(migrations)),
            )
            return len(migrations)

        return self.call(apply)

    def close(self) -> None:
        if self._connection is not None:
            self._executor.submit(self._connection.close).result()
            self._connection = None
        self._executor.shutdown(wait=False)

"""The question log as the bot uses it: never in a reply's way.

Writes run after the reply is out, as background tasks; a log that fails is reported once in
the bot's log (and again only after it has worked since), and the answer is never affected.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable
from pathlib import Path
from typing import TypeVar

from bot.store import Entry, QuestionLog, StoreError

log = logging.getLogger(__name__)
T = TypeVar("T")


class Recorder:
    def __init__(self, questions: QuestionLog | None) -> None:
        self.questions = questions
        self._background: set[asyncio.Task[None]] = set()
        self._failing = False

    @classmethod
    def open(cls, enabled: bool, path: Path, retention_days: int) -> Recorder:
        if not enabled:
            return cls(None)
        try:
            return cls(QuestionLog.open(path, retention_days))
        except (StoreError, OSError, ValueError) as error:
            log.error("question log off: %s", error)
            return cls(None)

    @property
    def enabled(self) -> bool:
        return self.questions is not None

    def record(self, entry: Entry) -> None:
        """Log ``entry`` in the background; returns at once."""
        if self.questions is None:
            return
        task = asyncio.create_task(self._quietly(self.questions.record(entry)))
        self._background.add(task)
        task.add_done_callback(self._background.discard)

    async def _quietly(self, work: Awaitable[object]) -> None:
        await self.attempt(work, None)

    async def attempt(self, work: Awaitable[T], failed: T) -> T:
        """``work``'s result, or ``failed`` if the log fails (said once)."""
        try:
            result = await work
        except Exception as error:
            if not self._failing:
                log.error("question log failed; answers go on without it: %s", error)
            self._failing = True
            return failed
        self._failing = False
        return result

    async def drain(self) -> None:
        """Wait for the writes under way (at shutdown, and in tests)."""
        if self._background:
            await asyncio.gather(*self._background, return_exceptions=True)

    def close(self) -> None:
        if self.questions is not None:
            self.questions.close()

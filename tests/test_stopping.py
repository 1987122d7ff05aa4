"""``bot.stopping.until_stopped``: SIGTERM ends a serving command as Ctrl-C does; nothing else
passes for a stop."""

from __future__ import annotations

import asyncio
import os
import signal

import pytest

from bot.stopping import until_stopped


def test_sigterm_cancels_the_main_task_and_its_cleanup_runs() -> None:
    cleaned: list[str] = []

    async def serve() -> None:
        try:
            os.kill(os.getpid(), signal.SIGTERM)
            await asyncio.sleep(30)
        finally:
            cleaned.append("closed")

    until_stopped(serve())
    assert cleaned == ["closed"]
    assert signal.getsignal(signal.SIGTERM) == signal.SIG_DFL  # the handler is gone after


def test_a_cancellation_no_signal_asked_for_still_raises() -> None:
    async def serve() -> None:
        task = asyncio.current_task()
        assert task is not None
        task.cancel()
        await asyncio.sleep(30)

    with pytest.raises(asyncio.CancelledError):
        until_stopped(serve())

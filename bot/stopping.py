"""SIGTERM stops citebot as Ctrl-C does: connections closed, temporary files removed.

systemd, ``docker stop`` and ``kill`` ask a process to stop with SIGTERM, whose default ends
it at once, mid-write; and in a container, where ``citebot run`` is process 1, the kernel
ignores it altogether, so ``docker stop`` waits ten seconds and then kills it. Both commands
that serve (``citebot run`` and ``citebot playground``) run under ``until_stopped``.
"""

from __future__ import annotations

import asyncio
import logging
import signal
from collections.abc import Coroutine
from typing import Any

log = logging.getLogger(__name__)


def until_stopped(main: Coroutine[Any, Any, None]) -> bool:
    """Run ``main`` in a new event loop until it ends, Ctrl-C or SIGTERM; whether a signal
    stopped it. Either signal cancels it, so its ``finally`` blocks and context managers run."""
    try:
        asyncio.run(_cancelled_on_sigterm(main))
    except (KeyboardInterrupt, asyncio.CancelledError):
        return True
    return False


async def _cancelled_on_sigterm(main: Coroutine[Any, Any, None]) -> None:
    loop = asyncio.get_running_loop()
    task = asyncio.current_task()
    assert task is not None
    try:
        loop.add_signal_handler(signal.SIGTERM, _stop, task)
    except (NotImplementedError, RuntimeError):  # no signal handlers here: Windows, a thread
        await main
        return
    try:
        await main
    finally:
        loop.remove_signal_handler(signal.SIGTERM)


def _stop(task: asyncio.Task[None]) -> None:
    log.info("stopping (SIGTERM)")
    task.cancel()

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


def until_stopped(main: Coroutine[Any, Any, None]) -> None:
    """Run ``main`` in a new event loop until it ends, Ctrl-C or SIGTERM. Either signal
    cancels it, so its ``finally`` blocks and context managers run; a cancellation no signal
    asked for still raises."""
    stop = _Stop()
    try:
        asyncio.run(stop.on_sigterm(main))
    except KeyboardInterrupt:
        pass
    except asyncio.CancelledError:
        if not stop.asked:
            raise


class _Stop:
    """Cancels the main task on SIGTERM, and remembers that it did."""

    def __init__(self) -> None:
        self.asked = False

    async def on_sigterm(self, main: Coroutine[Any, Any, None]) -> None:
        loop = asyncio.get_running_loop()
        task = asyncio.current_task()
        assert task is not None
        try:
            loop.add_signal_handler(signal.SIGTERM, self._stop, task)
            handled = True
        except (NotImplementedError, RuntimeError):  # no signal handlers: Windows, a thread
            handled = False
        try:
            await main
        finally:
            if handled:
                loop.remove_signal_handler(signal.SIGTERM)

    def _stop(self, task: asyncio.Task[None]) -> None:
        log.info("stopping (SIGTERM)")
        self.asked = True
        task.cancel()

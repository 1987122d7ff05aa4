"""Gateway events that discord.py cannot parse are dropped and logged, not fatal.

discord.py calls its parser for each dispatch inside the shard's read loop; an exception there
(a third-party server sending ``member.roles`` as objects, say) ends the loop and with it
``citebot run``. One bad event is not worth the bot: it is logged as a warning (the first of
each kind with its traceback, later ones in a line) and the connection reads on. What cannot
heal, a refused token or missing intents, is not a parser error and still stops the bot
(``bot.runner``).

Not every event can be done without: until the bot is ready, a READY or GUILD_CREATE that
cannot be read would leave it waiting for a start that never comes. Those raise
``StartupEventError`` instead, which ends the connection and ``citebot run`` with that cause.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

log = logging.getLogger(__name__)

Parser = Callable[[Any], None]
# What the bot cannot start without: who it is, and the guilds it serves.
STARTUP_EVENTS = frozenset({"READY", "GUILD_CREATE"})


class StartupEventError(Exception):
    """An event the bot cannot start without could not be read."""

    def __init__(self, event: str, error: Exception) -> None:
        super().__init__(
            f"the gateway's {event} event could not be read ({type(error).__name__}: {error})"
        )
        self.event = event


class MalformedEvents:
    """Wraps every parser of a discord.py ``ConnectionState``; counts what it dropped.

    ``starting`` says whether the bot is still starting (not ready yet).
    """

    def __init__(
        self, parsers: dict[str, Parser], *, starting: Callable[[], bool] = lambda: False
    ) -> None:
        self.dropped: dict[str, int] = {}
        self._starting = starting
        for event, parse in list(parsers.items()):  # the same dict the gateway reads
            parsers[event] = self._guard(event, parse)

    def _guard(self, event: str, parse: Parser) -> Parser:
        def guarded(data: Any) -> None:
            try:
                parse(data)
            except Exception as error:
                if event in STARTUP_EVENTS and self._starting():
                    raise StartupEventError(event, error) from error
                self._dropped(event, error)

        return guarded

    def _dropped(self, event: str, error: Exception) -> None:
        count = self.dropped.get(event, 0) + 1
        self.dropped[event] = count
        if count == 1:  # the sender's fault, not ours: a warning, with what went wrong
            log.warning("dropped a malformed %s event; serving goes on", event, exc_info=error)
        else:
            log.warning("dropped malformed %s event #%d: %r", event, count, error)

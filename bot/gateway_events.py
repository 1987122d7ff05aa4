"""Gateway events that discord.py cannot parse are dropped and logged, not fatal.

discord.py calls its parser for each dispatch inside the shard's read loop; an exception there
(a third-party server sending ``member.roles`` as objects, say) ends the loop and with it
``citebot run``. One bad event is not worth the bot: it is logged as a warning (the first of
each kind with its traceback, later ones in a line) and the connection reads on. What cannot
heal, a refused token or missing intents, is not a parser error and still stops the bot
(``bot.runner``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

log = logging.getLogger(__name__)

Parser = Callable[[Any], None]


class MalformedEvents:
    """Wraps every parser of a discord.py ``ConnectionState``; counts what it dropped."""

    def __init__(self, parsers: dict[str, Parser]) -> None:
        self.dropped: dict[str, int] = {}
        for event, parse in list(parsers.items()):  # the same dict the gateway reads
            parsers[event] = self._guard(event, parse)

    def _guard(self, event: str, parse: Parser) -> Parser:
        def guarded(data: Any) -> None:
            try:
                parse(data)
            except Exception as error:
                self._dropped(event, error)

        return guarded

    def _dropped(self, event: str, error: Exception) -> None:
        count = self.dropped.get(event, 0) + 1
        self.dropped[event] = count
        if count == 1:  # the sender's fault, not ours: a warning, with what went wrong
            log.warning("dropped a malformed %s event; serving goes on", event, exc_info=error)
        else:
            log.warning("dropped malformed %s event #%d: %r", event, count, error)

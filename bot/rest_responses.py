"""REST answers that discord.py cannot read are logged and survived, as malformed events are.

discord.py turns each REST answer into its objects (a ``Message``, an interaction callback)
after the request has taken effect; a third-party server whose payloads have another shape
(``member.roles`` as objects, say) makes that step raise ``KeyError`` or ``TypeError`` from
inside citebot's call. The request did what it was asked, so nothing is retried: the first
failure of each call is logged as a warning with its traceback, later ones in a line
(``bot.gateway_events`` does the same for gateway events).
"""

from __future__ import annotations

import logging

log = logging.getLogger(__name__)


class UnreadableResponses:
    """Counts, by call, the answers discord.py could not read."""

    def __init__(self) -> None:
        self.seen: dict[str, int] = {}

    def note(self, call: str, error: Exception) -> None:
        count = self.seen.get(call, 0) + 1
        self.seen[call] = count
        if count == 1:
            log.warning("could not read Discord's answer to %s; going on", call, exc_info=error)
        else:
            log.warning("could not read Discord's answer to %s (#%d): %r", call, count, error)

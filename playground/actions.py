"""What a person on the page can do, as the fake Discord's users, in one of the playground's
servers: post a message (with a file attached), run a slash command, ask for its autocomplete
choices, press a button or pick from a menu.

Errors a Discord client would prevent or report (an unknown command, a missing option,
an overlong message) come back as ``ActionError`` with a sentence for the page.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Mapping, Sequence
from typing import Any

from fakediscord import FakeDiscord, Upload
from fakediscord.interactions import unavailable
from fakediscord.models import Channel, JsonDict

from .feed import Feed
from .guild import Person, PlaygroundGuild, Server

MAX_CONTENT = 2000  # Discord's limit on what a user may type
MAX_UPLOAD = 1_000_000  # bytes of a file the page may attach: articles are far smaller
MAX_FILENAME = 200
AUTOCOMPLETE_WAIT = 3.0  # Discord's own deadline for an autocomplete answer
COMPONENT_WAIT = 3.0  # after which Discord tells the user "This interaction failed"
INTERACTION_FAILED = "This interaction failed"


class ActionError(ValueError):
    """Something the page asked for that Discord would not do; the message says why."""


def upload(given: object) -> Upload | None:
    """A file the page attached: ``{"name": ..., "data": <base64>}``, or None."""
    if given is None:
        return None
    if not isinstance(given, dict):
        raise ActionError("file must be an object with a name and base64 data")
    name, data = given.get("name"), given.get("data")
    if not isinstance(name, str) or not name or len(name) > MAX_FILENAME:
        raise ActionError(f"a file needs a name of 1 to {MAX_FILENAME} characters")
    if not isinstance(data, str) or len(data) > (MAX_UPLOAD * 4) // 3 + 4:
        raise ActionError(f"files attached here are limited to {MAX_UPLOAD:,} bytes")
    try:
        content = base64.b64decode(data, validate=True)
    except (binascii.Error, ValueError):
        raise ActionError("the file's data must be base64") from None
    return Upload(name, content)


class Actions:
    def __init__(self, server: FakeDiscord, place: PlaygroundGuild, feed: Feed) -> None:
        self.server, self.place, self.feed = server, place, feed

    def where(self, key: object) -> Server:
        """The server the page shows (its first one when the page does not say)."""
        if key is None:
            return self.place.first
        found = self.place.servers.get(str(key))
        if found is None:
            raise ActionError(f"the servers are {', '.join(self.place.servers)}")
        return found

    def person(self, key: object, where: Server | None = None) -> Person:
        people = (where or self.place.first).people
        person = people.get(str(key))
        if person is None:
            raise ActionError(f"speak as one of {', '.join(people)}")
        return person

    async def post(self, person: Person, content: str, upload: Upload | None = None) -> JsonDict:
        if not content.strip() and upload is None:
            raise ActionError("type a message first")
        if len(content) > MAX_CONTENT:
            raise ActionError(f"messages are limited to {MAX_CONTENT} characters")
        channel = self._channel(person)
        files = (upload,) if upload is not None else ()
        posted = await self.server.post_message(channel, person.member, content, files=files)
        self.feed.posted(posted.payload)
        return posted.payload

    def commands(self, person: Person) -> list[JsonDict]:
        """The slash commands Discord would offer ``person`` here, by name."""
        channel = self._channel(person)
        guild = self.server.world.guild_of(channel)
        synced = self.server.synced_commands(guild) + self.server.synced_commands()
        offered = {
            command["name"]: command
            for command in synced
            if command.get("type", 1) == 1
            and unavailable(self.server.world, command, channel, person.user) is None
        }
        return [offered[name] for name in sorted(offered)]

    def _channel(self, person: Person) -> Channel:
        for where in self.place.servers.values():
            if where.people.get(person.key) is person:
                return where.channel
        return self.place.channel

    async def slash(self, person: Person, command: str, options: Mapping[str, Any]) -> None:
        if not command.removeprefix("/").strip():
            raise ActionError("type a command's name after /")
        try:
            channel = self._channel(person)
            await self.server.invoke_slash(channel, person.member, command, options)
        except (LookupError, PermissionError, TypeError, ValueError) as error:
            raise ActionError(str(error)) from None

    async def autocomplete(
        self, person: Person, command: str, options: Mapping[str, Any], focused: str
    ) -> list[JsonDict]:
        """The choices the bot offers while ``options[focused]`` is typed (none if it is slow)."""
        if not command.removeprefix("/").strip():
            raise ActionError("type a command's name after /")
        try:
            invocation = await self.server.invoke_autocomplete(
                self._channel(person), person.member, command, options, focused=focused
            )
            answer = await self.server.wait_for_reply(invocation, timeout=AUTOCOMPLETE_WAIT)
        except TimeoutError:
            return []
        except (LookupError, PermissionError, TypeError, ValueError) as error:
            raise ActionError(str(error)) from None
        return answer.choices

    async def use_component(
        self, person: Person, message_id: int, custom_id: str, values: Sequence[str] | None
    ) -> None:
        """Press a button (``values`` None) or pick ``values`` from a select menu.

        Like Discord, reports "This interaction failed" when the bot does not acknowledge
        the click within three seconds.
        """
        try:
            if values is None:
                used = await self.server.click_button(message_id, person.member, custom_id)
            else:
                used = await self.server.select(message_id, person.member, custom_id, values)
        except (LookupError, PermissionError, TypeError, ValueError) as error:
            raise ActionError(str(error)) from None
        try:
            await self.server.wait_for(
                lambda sent: sent.interaction_id == used.id and sent.delivered,
                since=used.mark,
                timeout=COMPONENT_WAIT,
            )
        except TimeoutError:
            raise ActionError(INTERACTION_FAILED) from None

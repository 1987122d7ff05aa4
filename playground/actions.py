"""What a person on the page can do, as the fake Discord's users: post a message, run a
slash command, ask for its autocomplete choices, press a button or pick from a menu, and
fill in a form (a modal) the bot opens.

Errors a Discord client would prevent or report (an unknown command, a missing option,
an overlong message) come back as ``ActionError`` with a sentence for the page.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from fakediscord import FakeDiscord
from fakediscord.interactions import Invocation, unavailable
from fakediscord.models import JsonDict

from .feed import Feed
from .guild import Person, PlaygroundGuild

MAX_CONTENT = 2000  # Discord's limit on what a user may type
AUTOCOMPLETE_WAIT = 3.0  # Discord's own deadline for an autocomplete answer
COMPONENT_WAIT = 3.0  # after which Discord tells the user "This interaction failed"
INTERACTION_FAILED = "This interaction failed"
FORMS_KEPT = 100


class ActionError(ValueError):
    """Something the page asked for that Discord would not do; the message says why."""


class Actions:
    def __init__(self, server: FakeDiscord, place: PlaygroundGuild, feed: Feed) -> None:
        self.server, self.place, self.feed = server, place, feed
        self._forms: dict[int, tuple[str, Invocation]] = {}  # forms open, by interaction

    def person(self, key: object) -> Person:
        person = self.place.people.get(str(key))
        if person is None:
            raise ActionError(f"speak as one of {', '.join(self.place.people)}")
        return person

    async def post(self, person: Person, content: str) -> JsonDict:
        if not content.strip():
            raise ActionError("type a message first")
        if len(content) > MAX_CONTENT:
            raise ActionError(f"messages are limited to {MAX_CONTENT} characters")
        posted = await self.server.post_message(self.place.channel, person.member, content)
        self.feed.posted(posted.payload)
        return posted.payload

    def commands(self, person: Person) -> list[JsonDict]:
        """The slash commands Discord would offer ``person`` here, by name."""
        synced = self.server.synced_commands(self.place.guild) + self.server.synced_commands()
        offered = {
            command["name"]: command
            for command in synced
            if command.get("type", 1) == 1
            and unavailable(self.server.world, command, self.place.channel, person.user) is None
        }
        return [offered[name] for name in sorted(offered)]

    async def slash(self, person: Person, command: str, options: Mapping[str, Any]) -> None:
        if not command.removeprefix("/").strip():
            raise ActionError("type a command's name after /")
        try:
            await self.server.invoke_slash(self.place.channel, person.member, command, options)
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
                self.place.channel, person.member, command, options, focused=focused
            )
            answer = await self.server.wait_for_reply(invocation, timeout=AUTOCOMPLETE_WAIT)
        except TimeoutError:
            return []
        except (LookupError, PermissionError, TypeError, ValueError) as error:
            raise ActionError(str(error)) from None
        return answer.choices

    async def use_component(
        self, person: Person, message_id: int, custom_id: str, values: Sequence[str] | None
    ) -> JsonDict | None:
        """Press a button (``values`` None) or pick ``values`` from a select menu; the form
        the bot opened in answer, if it did (``interaction_id`` added, to submit it).

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
            answer = await self.server.wait_for(
                lambda sent: sent.interaction_id == used.id and sent.delivered,
                since=used.mark,
                timeout=COMPONENT_WAIT,
            )
        except TimeoutError:
            raise ActionError(INTERACTION_FAILED) from None
        if answer.kind != "modal":
            return None
        self._forms[used.id] = (person.key, used)
        while len(self._forms) > FORMS_KEPT:
            self._forms.pop(next(iter(self._forms)))
        return {**answer.payload, "interaction_id": str(used.id)}

    async def submit_form(
        self, person: Person, interaction_id: int, values: Mapping[str, str]
    ) -> None:
        """Submit the form the bot opened for ``person`` with ``values`` by input id."""
        opened = self._forms.pop(interaction_id, None)
        if opened is None or opened[0] != person.key:
            raise ActionError("that form is closed; press the button again")
        try:
            submitted = await self.server.submit_modal(opened[1], values)
        except (LookupError, ValueError) as error:
            raise ActionError(str(error)) from None
        try:
            await self.server.wait_for(
                lambda sent: sent.interaction_id == submitted.id and sent.delivered,
                since=submitted.mark,
                timeout=COMPONENT_WAIT,
            )
        except TimeoutError:
            raise ActionError(INTERACTION_FAILED) from None

"""Application commands the bot registered, per scope (global or one guild).

Like Discord, a bulk overwrite keeps the ID of a command whose (type, name) already
existed, and a guild command shadows a global one of the same name when invoked.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .models import JsonDict, World

Scope = int | None  # a guild ID, or None for global commands


class CommandStore:
    def __init__(self, world: World) -> None:
        self.world = world
        self._scopes: dict[Scope, dict[int, JsonDict]] = {}

    def in_scope(self, guild_id: Scope = None) -> list[JsonDict]:
        return list(self._scopes.get(guild_id, {}).values())

    def get(self, guild_id: Scope, command_id: int) -> JsonDict | None:
        return self._scopes.get(guild_id, {}).get(command_id)

    def _stored(self, body: Mapping[str, Any], guild_id: Scope, command_id: int) -> JsonDict:
        command: JsonDict = {
            "type": 1,
            "description": "",
            "options": [],
            "default_member_permissions": None,
            "nsfw": False,
            "contexts": None,
            "integration_types": [0],
            "name_localizations": None,
            "description_localizations": None,
            **body,
            "id": str(command_id),
            "application_id": str(self.world.application.id),
            "version": str(self.world.snowflakes.next()),
        }
        command.pop("guild_id", None)
        if guild_id is not None:
            command["guild_id"] = str(guild_id)
        return command

    def _id_for(self, guild_id: Scope, body: Mapping[str, Any]) -> int:
        key = (int(body.get("type", 1)), body.get("name"))
        for command in self.in_scope(guild_id):
            if (command["type"], command["name"]) == key:
                return int(command["id"])
        return self.world.snowflakes.next()

    def overwrite(self, guild_id: Scope, bodies: list[Mapping[str, Any]]) -> list[JsonDict]:
        """``PUT .../commands``: replace the whole scope."""
        fresh: dict[int, JsonDict] = {}
        for body in bodies:
            command_id = self._id_for(guild_id, body)
            fresh[command_id] = self._stored(body, guild_id, command_id)
        self._scopes[guild_id] = fresh
        return list(fresh.values())

    def upsert(self, guild_id: Scope, body: Mapping[str, Any]) -> tuple[JsonDict, bool]:
        """``POST .../commands``: create, or replace the one with the same name; True if new."""
        command_id = self._id_for(guild_id, body)
        scope = self._scopes.setdefault(guild_id, {})
        created = command_id not in scope
        scope[command_id] = self._stored(body, guild_id, command_id)
        return scope[command_id], created

    def edit(self, guild_id: Scope, command_id: int, body: Mapping[str, Any]) -> JsonDict | None:
        current = self.get(guild_id, command_id)
        if current is None:
            return None
        kept = {k: v for k, v in current.items() if k not in ("id", "application_id", "version")}
        updated = self._stored({**kept, **body}, guild_id, command_id)
        self._scopes[guild_id][command_id] = updated
        return updated

    def delete(self, guild_id: Scope, command_id: int) -> bool:
        return self._scopes.get(guild_id, {}).pop(command_id, None) is not None

    def find(self, guild_id: int, name: str, kind: int = 1) -> JsonDict | None:
        """The command a user in ``guild_id`` reaches by ``name``: guild scope first."""
        for scope in (guild_id, None):
            for command in self.in_scope(scope):
                if command["name"] == name and int(command["type"]) == kind:
                    return command
        return None

"""Application command routes: what ``CommandTree.sync`` and friends call."""

from __future__ import annotations

import json
from typing import Any

from aiohttp import web

from . import validation
from .backend import backend, path_id, read_body
from .commands import Scope
from .responses import Reject, invalid_json, json_response, missing_access, no_content, unknown

GLOBAL = "/api/v10/applications/{application_id}/commands"
GUILD = "/api/v10/applications/{application_id}/guilds/{guild_id}/commands"


def _scope(request: web.Request) -> Scope:
    """The guild ID (or None); foreign applications and guilds without the bot are refused."""
    b = backend(request)
    if path_id(request, "application_id") != b.world.application.id:
        raise missing_access()
    if "guild_id" not in request.match_info:
        return None
    guild = b.world.guilds.get(path_id(request, "guild_id"))
    if guild is None or b.world.bot.id not in guild.members:
        raise missing_access()
    return guild.id


def _checked(bodies: list[Any]) -> list[Any]:
    problems = validation.command_problems(bodies)
    if problems:
        raise Reject(400, validation.form_error(problems))
    return bodies


async def list_commands(request: web.Request) -> web.Response:
    scope = _scope(request)
    return json_response(backend(request).commands.in_scope(scope))


async def overwrite_commands(request: web.Request) -> web.Response:
    scope = _scope(request)
    text = await request.text()
    bodies = _checked(_json_list(text))
    return json_response(backend(request).commands.overwrite(scope, bodies))


def _json_list(text: str) -> list[Any]:
    try:
        data = json.loads(text or "[]")
    except ValueError:
        raise invalid_json() from None
    if not isinstance(data, list):
        problem = ((), "LIST_TYPE_CONVERT", "Only iterables may be used in a ListType")
        raise Reject(400, validation.form_error([problem]))
    return data


async def create_command(request: web.Request) -> web.Response:
    scope = _scope(request)
    body, _ = await read_body(request)
    command, created = backend(request).commands.upsert(scope, _checked([body])[0])
    return json_response(command, 201 if created else 200)


async def get_command(request: web.Request) -> web.Response:
    scope = _scope(request)
    command = backend(request).commands.get(scope, path_id(request, "command_id"))
    if command is None:
        raise unknown("application command")
    return json_response(command)


async def edit_command(request: web.Request) -> web.Response:
    scope = _scope(request)
    body, _ = await read_body(request)
    command = backend(request).commands.edit(scope, path_id(request, "command_id"), body)
    if command is None:
        raise unknown("application command")
    return json_response(command)


async def delete_command(request: web.Request) -> web.Response:
    scope = _scope(request)
    if not backend(request).commands.delete(scope, path_id(request, "command_id")):
        raise unknown("application command")
    return no_content()


def add_routes(app: web.Application) -> None:
    for base in (GLOBAL, GUILD):
        app.router.add_get(base, list_commands)
        app.router.add_put(base, overwrite_commands)
        app.router.add_post(base, create_command)
        app.router.add_get(base + "/{command_id}", get_command)
        app.router.add_patch(base + "/{command_id}", edit_command)
        app.router.add_delete(base + "/{command_id}", delete_command)

"""The page's actions on a message: start a thread from it, or run a message command on it
(its Apps menu, "Find in articles")."""

from __future__ import annotations

from aiohttp import web

from playground.actions import ActionError
from playground.web_requests import ACTIONS, json_body, refused, snowflake_of, text_of


async def _thread(request: web.Request) -> web.Response:
    actions, data = request.app[ACTIONS], await json_body(request)
    try:
        person = actions.person(data.get("as"), actions.where(data.get("server")))
        thread = await actions.start_thread(person, snowflake_of(data), text_of(data, "name"))
    except ActionError as error:
        return refused(error)
    return web.json_response({"thread": thread})


async def _message_command(request: web.Request) -> web.Response:
    actions, data = request.app[ACTIONS], await json_body(request)
    try:
        person = actions.person(data.get("as"), actions.where(data.get("server")))
        await actions.message_command(person, snowflake_of(data), text_of(data, "name"))
    except ActionError as error:
        return refused(error)
    return web.json_response({"ok": True})


def add_routes(app: web.Application) -> None:
    app.router.add_post("/api/threads", _thread)
    app.router.add_post("/api/message-commands", _message_command)

"""The page's actions on a message: start a thread from it, or run a message command on it
(its Apps menu, "Find in articles")."""

from __future__ import annotations

from aiohttp import web

from playground.actions import ActionError
from playground.web import ACTIONS, _body, _message_id, _refused, _text


async def _thread(request: web.Request) -> web.Response:
    actions, data = request.app[ACTIONS], await _body(request)
    try:
        person = actions.person(data.get("as"), actions.where(data.get("server")))
        thread = await actions.start_thread(person, _message_id(data), _text(data, "name"))
    except ActionError as error:
        return _refused(error)
    return web.json_response({"thread": thread})


async def _message_command(request: web.Request) -> web.Response:
    actions, data = request.app[ACTIONS], await _body(request)
    try:
        person = actions.person(data.get("as"), actions.where(data.get("server")))
        await actions.message_command(person, _message_id(data), _text(data, "name"))
    except ActionError as error:
        return _refused(error)
    return web.json_response({"ok": True})


def add_routes(app: web.Application) -> None:
    app.router.add_post("/api/threads", _thread)
    app.router.add_post("/api/message-commands", _message_command)

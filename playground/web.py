"""The page's web server: static files, a JSON API for the page's actions, and a
WebSocket of channel events. Listens on 127.0.0.1 only.

Requests must name this server in ``Host`` (and in ``Origin``, when a browser sends one),
so another site open in the same browser cannot post as you or read the channel; the
playground's Discord-compatible server follows the same rule (``fakediscord.loopback``).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from importlib import resources

from aiohttp import web

from fakediscord.loopback import addressed_to_self

from . import web_messages
from .actions import MAX_UPLOAD, ActionError, Actions, upload
from .feed import Feed
from .guild import PlaygroundGuild
from .web_events import COOLDOWN, FEED, Cooldown, events
from .web_requests import (
    ACTIONS,
    SNOWFLAKE,
    json_body,
    optional_snowflake,
    options_of,
    refused,
    snowflake_of,
    text_of,
)

__all__ = ["PAGE_FILES", "Cooldown", "build_app"]


STATIC = resources.files("playground") / "static"
# What the page loads, each at /<name>; nothing else under static/ is served.
PAGE_FILES = (
    "app.js",
    "components.js",
    "composer.js",
    "markdown.js",
    "message-parts.js",
    "messages.js",
    "people.js",
    "sidebar.js",
    "slash-menu.js",
    "state.js",
    "style.css",
    "favicon.ico",
)
CONTENT_TYPES = {
    ".html": "text/html",
    ".css": "text/css",
    ".js": "text/javascript",
    ".ico": "image/vnd.microsoft.icon",
}
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
        "img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def build_app(
    actions: Actions, feed: Feed, place: PlaygroundGuild, cooldown: Cooldown
) -> web.Application:
    # Room for a file attached to a message (base64, a third larger), and no more.
    body_limit = 64 * 1024 + (MAX_UPLOAD * 4) // 3
    app = web.Application(middlewares=[_same_origin_only], client_max_size=body_limit)
    app[ACTIONS], app[FEED], app[COOLDOWN] = actions, feed, cooldown
    app.router.add_get("/", _static("index.html"))
    for name in PAGE_FILES:
        app.router.add_get(f"/{name}", _static(name))
    app.router.add_get("/api/commands", _commands)
    app.router.add_post("/api/messages", _post_message)
    app.router.add_post("/api/slash", _slash)
    app.router.add_post("/api/autocomplete", _autocomplete)
    app.router.add_post("/api/components", _component)
    app.router.add_post("/api/forms", _form)
    web_messages.add_routes(app)
    app.router.add_get("/api/events", events)
    return app


@web.middleware
async def _same_origin_only(request: web.Request, handler: Handler) -> web.StreamResponse:
    if not addressed_to_self(request):
        return web.json_response({"error": "this page only answers to itself"}, status=403)
    response = await handler(request)
    response.headers.update(SECURITY_HEADERS)
    return response


def _static(name: str) -> Handler:
    content_type = CONTENT_TYPES[name[name.rindex(".") :]]

    async def serve(request: web.Request) -> web.Response:
        body = (STATIC / name).read_bytes()
        headers = {"Cache-Control": "no-store"}
        return web.Response(body=body, content_type=content_type, headers=headers)

    return serve


async def _commands(request: web.Request) -> web.Response:
    actions = request.app[ACTIONS]
    try:
        where = actions.where(request.query.get("server"))
        person = actions.person(request.query.get("as"), where)
    except ActionError as error:
        return refused(error)
    return web.json_response({"commands": actions.commands(person)})


async def _post_message(request: web.Request) -> web.Response:
    actions, data = request.app[ACTIONS], await json_body(request)
    try:
        person = actions.person(data.get("as"), actions.where(data.get("server")))
        channel, reply_to = (
            optional_snowflake(data, "channel_id"),
            optional_snowflake(data, "reply_to"),
        )
        attached = upload(data.get("file"))
        message = await actions.post(
            person, text_of(data, "content"), channel, reply_to, upload=attached
        )
    except ActionError as error:
        return refused(error)
    return web.json_response({"id": message["id"], "channel_id": message["channel_id"]})


async def _slash(request: web.Request) -> web.Response:
    actions, data = request.app[ACTIONS], await json_body(request)
    try:
        person = actions.person(data.get("as"), actions.where(data.get("server")))
        channel = optional_snowflake(data, "channel_id")
        await actions.slash(person, text_of(data, "command"), options_of(data), channel)
    except ActionError as error:
        return refused(error)
    return web.json_response({"ok": True})


async def _autocomplete(request: web.Request) -> web.Response:
    actions, data = request.app[ACTIONS], await json_body(request)
    try:
        person = actions.person(data.get("as"), actions.where(data.get("server")))
        command, focused = text_of(data, "command"), text_of(data, "focused")
        choices = await actions.autocomplete(person, command, options_of(data), focused)
    except ActionError as error:
        return refused(error)
    return web.json_response({"choices": choices})


async def _component(request: web.Request) -> web.Response:
    actions, data = request.app[ACTIONS], await json_body(request)
    values = data.get("values")
    try:
        person = actions.person(data.get("as"), actions.where(data.get("server")))
        if values is not None and not (
            isinstance(values, list) and all(isinstance(v, str) for v in values)
        ):
            raise ActionError("values must be a list of strings")
        message_id, custom_id = snowflake_of(data), text_of(data, "custom_id")
        form = await actions.use_component(person, message_id, custom_id, values)
    except ActionError as error:
        return refused(error)
    return web.json_response({"ok": True, "modal": form} if form else {"ok": True})


async def _form(request: web.Request) -> web.Response:
    actions, data = request.app[ACTIONS], await json_body(request)
    values = data.get("values")
    try:
        person = actions.person(data.get("as"), actions.where(data.get("server")))
        if not (
            isinstance(values, dict)
            and all(isinstance(k, str) and isinstance(v, str) for k, v in values.items())
        ):
            raise ActionError("values must map each input's id to its text")
        interaction = text_of(data, "interaction_id")
        if not SNOWFLAKE.fullmatch(interaction) or int(interaction) >= 2**64:
            raise ActionError("interaction_id must be an interaction's ID")
        await actions.submit_form(person, int(interaction), values)
    except ActionError as error:
        return refused(error)
    return web.json_response({"ok": True})

"""REST routes of a channel's messages: create, read, edit and delete, refused as Discord
refuses them (permissions, references, embeds without Embed Links)."""

from __future__ import annotations

from aiohttp import web

from . import messages, permissions, validation
from .backend import API_PREFIX, Backend, backend, check_message, read_body
from .gateway_session import DIRECT_MESSAGES, GUILD_MESSAGES
from .models import Channel, JsonDict
from .responses import Reject, error, json_response, missing_permissions, no_content
from .rest_access import channel_of_request, ensure_visible, message_of_request, require


def _check_reference(b: Backend, channel: Channel, body: JsonDict) -> None:
    reference = body.get("message_reference")
    if not reference:
        return
    target = b.world.messages.get(int(reference.get("message_id") or 0))
    same_channel = target is not None and int(target["channel_id"]) == channel.id
    if same_channel:
        return
    if reference.get("fail_if_not_exists", True):
        problem = (("message_reference",), "MESSAGE_REFERENCE_UNKNOWN_MESSAGE", "Unknown message")
        raise Reject(400, validation.form_error([problem]))
    del body["message_reference"]


def _embeds_allowed(body: JsonDict, perms: int, file_count: int) -> JsonDict:
    """Without Embed Links, Discord refuses an embed-only message and drops embeds otherwise."""
    if not body.get("embeds") or perms & permissions.EMBED_LINKS:
        return body
    if not body.get("content") and not file_count:
        raise missing_permissions()
    return {**body, "embeds": []}


async def create_message(request: web.Request) -> web.Response:
    b = backend(request)
    route = "POST /channels/{channel_id}/messages"
    channel = channel_of_request(b, request, visible=False)
    body, files = await read_body(request)
    try:
        ensure_visible(b, channel)
        perms = require(b, channel, permissions.SEND_MESSAGES)
        check_message(body, len(files))
        shown = _embeds_allowed(dict(body), perms, len(files))
        _check_reference(b, channel, shown)
    except Reject as rejected:
        b.record(
            "message",
            route,
            body,
            status=rejected.status,
            channel_id=channel.id,
            error=rejected.body,
        )
        raise
    attachments = b.attachments(body, files)
    message = messages.create(b.world, channel, b.world.bot, shown, attachments=attachments)
    b.record("message", route, body, message=message, channel_id=channel.id, files=tuple(files))
    await b.gateway.dispatch_message("MESSAGE_CREATE", message)
    return json_response(message)


async def get_message(request: web.Request) -> web.Response:
    b = backend(request)
    channel = channel_of_request(b, request)
    require(b, channel, permissions.READ_MESSAGE_HISTORY)
    return json_response(message_of_request(b, request, channel))


async def get_messages(request: web.Request) -> web.Response:
    b = backend(request)
    channel = channel_of_request(b, request)
    require(b, channel, permissions.READ_MESSAGE_HISTORY)
    limit = int(request.query.get("limit", 50))
    if not 1 <= limit <= 100:
        problem = (("limit",), "NUMBER_TYPE_MAX", "int value should be less than or equal to 100.")
        raise Reject(400, validation.form_error([problem]))
    before = int(request.query.get("before", 1 << 63))
    after = int(request.query.get("after", 0))
    found = [
        m
        for mid, m in sorted(b.world.messages.items(), reverse=True)
        if int(m["channel_id"]) == channel.id and after < mid < before
    ]
    return json_response(found[:limit])


async def edit_message(request: web.Request) -> web.Response:
    b = backend(request)
    route = "PATCH /channels/{channel_id}/messages/{message_id}"
    channel = channel_of_request(b, request)
    message = message_of_request(b, request, channel)
    body, files = await read_body(request)
    try:
        if int(message["author"]["id"]) != b.world.bot.id:
            raise error(403, "Cannot edit a message authored by another user", 50005)
        problems = validation.message_problems(body)
        if problems:
            raise Reject(400, validation.form_error(problems))
        perms = b.world.permissions_in(channel, b.world.bot)
        shown = _embeds_allowed(dict(body), perms, len(files) + len(message["attachments"]))
    except Reject as rejected:
        b.record(
            "edit", route, body, status=rejected.status, channel_id=channel.id, error=rejected.body
        )
        raise
    messages.edit(b.world, message, shown)
    b.record("edit", route, body, message=message, channel_id=channel.id)
    await b.gateway.dispatch_message("MESSAGE_UPDATE", message)
    return json_response(message)


async def delete_message(request: web.Request) -> web.Response:
    b = backend(request)
    channel = channel_of_request(b, request)
    message = message_of_request(b, request, channel)
    if int(message["author"]["id"]) != b.world.bot.id:
        require(b, channel, permissions.MANAGE_MESSAGES)
    del b.world.messages[int(message["id"])]
    route = "DELETE /channels/{channel_id}/messages/{message_id}"
    b.record("delete", route, {}, message=message, channel_id=channel.id)
    body = {"id": message["id"], "channel_id": str(channel.id)}
    intent = DIRECT_MESSAGES
    if not channel.is_dm:
        body["guild_id"], intent = str(channel.guild_id), GUILD_MESSAGES
    await b.gateway.dispatch("MESSAGE_DELETE", body, guild_id=channel.guild_id, intent=intent)
    return no_content()


def add_routes(app: web.Application) -> None:
    r, p = app.router, API_PREFIX
    r.add_get(p + "/channels/{channel_id}/messages", get_messages)
    r.add_post(p + "/channels/{channel_id}/messages", create_message)
    r.add_get(p + "/channels/{channel_id}/messages/{message_id}", get_message)
    r.add_patch(p + "/channels/{channel_id}/messages/{message_id}", edit_message)
    r.add_delete(p + "/channels/{channel_id}/messages/{message_id}", delete_message)

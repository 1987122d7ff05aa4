"""Interaction callbacks and the interaction webhook (followups, ``@original``).

Discord's timing rules are enforced: the initial response must come within the
deadline (3 s by default) and only once; followups need an acknowledged interaction.
Interaction messages are webhook messages, so channel permissions such as Embed
Links do not trim them. A component's interaction may also update the message it came
from (callback 7, or 6 and an edit of ``@original`` later; see ``components``).
"""

from __future__ import annotations

import time
from typing import Any

from aiohttp import web

from . import components, messages, modals, payloads, validation
from .backend import Backend, Files, backend, check_message, path_id, read_body, route_key
from .interactions import APPLICATION_COMMAND, AUTOCOMPLETE, InteractionState
from .models import EPHEMERAL, LOADING, JsonDict
from .responses import Reject, error, json_response, no_content, unknown

CALLBACK = "POST /interactions/{webhook_id}/{webhook_token}/callback"
WEBHOOK = "/api/v10/webhooks/{webhook_id}/{webhook_token}"
MESSAGE_WITH_SOURCE, DEFERRED_WITH_SOURCE, AUTOCOMPLETE_RESULT, MODAL = 4, 5, 8, 9
CHAT_INPUT_COMMAND_MESSAGE = 20
OPENERS = (APPLICATION_COMMAND, components.MESSAGE_COMPONENT)  # may answer with a form
ANSWERABLE = (*OPENERS, modals.MODAL_SUBMIT)  # with a message of their own
ON_A_MESSAGE = (components.MESSAGE_COMPONENT, modals.MODAL_SUBMIT)  # may update it (6, 7)


def _by_callback_url(b: Backend, request: web.Request) -> InteractionState:
    state = b.interactions.get(path_id(request, "webhook_id"))
    if state is None or state.token != request.match_info["webhook_token"]:
        raise unknown("interaction")
    return state


def _by_webhook_url(b: Backend, request: web.Request) -> InteractionState:
    if path_id(request, "webhook_id") != b.world.application.id:
        raise unknown("Webhook")
    token = request.match_info["webhook_token"]
    for state in b.interactions.values():
        if state.token == token and state.response_type is not None:
            return state
    raise unknown("Webhook")


async def _post_message(
    b: Backend, state: InteractionState, body: JsonDict, files: Files, *, original: bool
) -> JsonDict:
    """Create an interaction message; only non-ephemeral ones reach the gateway."""
    channel = b.world.channels[state.channel_id]
    user = b.world.users[state.user_id]
    metadata: JsonDict = {
        "id": str(state.id),
        "type": state.type,
        "user": payloads.user(user),
        "authorizing_integration_owners": {"0": str(state.guild_id)},
    }
    if not original and state.original_id is not None:
        metadata["original_response_message_id"] = str(state.original_id)
    if state.message_id is not None:
        metadata["interacted_message_id"] = str(state.message_id)
    extra = {
        "webhook_id": str(b.world.application.id),
        "application_id": str(b.world.application.id),
        "type": CHAT_INPUT_COMMAND_MESSAGE if state.type == APPLICATION_COMMAND else 0,
        "interaction_metadata": metadata,
        # Deprecated by Discord but still sent, and the only place the command's name is.
        "interaction": {
            "id": str(state.id),
            "type": state.type,
            "name": state.command_name,
            "user": payloads.user(user),
        },
    }
    attachments = b.attachments(body, files)
    message = messages.create(
        b.world, channel, b.world.bot, body, attachments=attachments, extra=extra
    )
    if not int(message["flags"]) & EPHEMERAL:
        await b.gateway.dispatch_message("MESSAGE_CREATE", message)
    return message


async def callback(request: web.Request) -> web.Response:
    b = backend(request)
    state = _by_callback_url(b, request)
    body, files = await read_body(request)
    kind = body.get("type")
    data: JsonDict = dict(body.get("data") or {})
    record: dict[str, Any] = {"channel_id": state.channel_id, "interaction_id": state.id}
    message: JsonDict | None = None
    try:
        if time.monotonic() - state.created > b.config.interaction_deadline:
            raise unknown("interaction")
        if state.response_type is not None:
            raise error(400, "Interaction has already been acknowledged.", 40060)
        if kind == MESSAGE_WITH_SOURCE and state.type in ANSWERABLE:
            check_message(data, len(files))
            message = await _post_message(b, state, data, files, original=True)
            b.record(
                "interaction_response",
                CALLBACK,
                data,
                message=message,
                files=tuple(files),
                **record,
            )
        elif kind == DEFERRED_WITH_SOURCE and state.type in ANSWERABLE:
            flags = int(data.get("flags") or 0) & EPHEMERAL
            message = await _post_message(b, state, {"flags": flags | LOADING}, [], original=True)
            b.record("deferred", CALLBACK, data, message=message, **record)
        elif kind == AUTOCOMPLETE_RESULT and state.type == AUTOCOMPLETE:
            problems = validation.autocomplete_problems(data)
            if problems:
                raise Reject(400, validation.form_error(problems))
            b.record("autocomplete", CALLBACK, data, **record)
        elif kind == MODAL and state.type in OPENERS:
            problems = modals.problems(data)
            if problems:
                raise Reject(400, validation.form_error(problems))
            b.record("modal", CALLBACK, data, **record)
        elif kind == components.UPDATE_MESSAGE and _on_a_message(state):
            message = await _update_component_message(b, state, data)
            b.record("update_message", CALLBACK, data, message=message, **record)
        elif kind == components.DEFERRED_UPDATE_MESSAGE and _on_a_message(state):
            message = _component_message(b, state)
            b.record("deferred_update", CALLBACK, data, **record)
        else:
            problem = (("type",), "INTERACTION_CALLBACK_TYPE_INVALID", "Invalid callback type")
            raise Reject(400, validation.form_error([problem]))
    except Reject as rejected:
        b.record(
            "interaction_response",
            CALLBACK,
            data,
            status=rejected.status,
            error=rejected.body,
            **record,
        )
        raise
    state.response_type = kind
    if message is not None:
        state.original_id = int(message["id"])
    if request.query.get("with_response", "").lower() not in ("1", "true"):
        return no_content()
    return json_response(_callback_response(state, kind, message))


def _on_a_message(state: InteractionState) -> bool:
    """A click, or a form opened by a click: either may update the message clicked."""
    return state.type in ON_A_MESSAGE and state.message_id is not None


def _component_message(b: Backend, state: InteractionState) -> JsonDict:
    message = b.world.messages.get(state.message_id or 0)
    if message is None:
        raise unknown("Message")
    return message


async def _update_component_message(
    b: Backend, state: InteractionState, data: JsonDict
) -> JsonDict:
    """Callback 7: the message the component is on is edited in place."""
    message = _component_message(b, state)
    problems = validation.message_problems(data)
    if problems:
        raise Reject(400, validation.form_error(problems))
    messages.edit(b.world, message, data)
    if not int(message["flags"]) & EPHEMERAL:
        await b.gateway.dispatch_message("MESSAGE_UPDATE", message)
    return message


def _callback_response(state: InteractionState, kind: int, message: JsonDict | None) -> JsonDict:
    interaction: JsonDict = {"id": str(state.id), "type": state.type}
    if message is not None:
        interaction.update(
            response_message_id=message["id"],
            response_message_loading=kind == DEFERRED_WITH_SOURCE,
            response_message_ephemeral=bool(int(message["flags"]) & EPHEMERAL),
        )
    body: JsonDict = {"interaction": interaction}
    if kind in (MESSAGE_WITH_SOURCE, components.UPDATE_MESSAGE) and message is not None:
        body["resource"] = {"type": kind, "message": message}
    return body


async def followup(request: web.Request) -> web.Response:
    b = backend(request)
    state = _by_webhook_url(b, request)
    route = "POST /webhooks/{webhook_id}/{webhook_token}"
    body, files = await read_body(request)
    record: dict[str, Any] = {"channel_id": state.channel_id, "interaction_id": state.id}
    try:
        check_message(body, len(files))
    except Reject as rejected:
        b.record("followup", route, body, status=rejected.status, error=rejected.body, **record)
        raise
    message = await _fill_deferred(b, state, body, files)
    if message is None:
        message = await _post_message(b, state, body, files, original=False)
    b.record("followup", route, body, message=message, files=tuple(files), **record)
    return json_response(message)  # followups always behave as if ?wait=true


async def _fill_deferred(
    b: Backend, state: InteractionState, body: JsonDict, files: Files
) -> JsonDict | None:
    """On Discord the first followup to a deferred response replaces its "thinking..."
    message (keeping the defer's ephemerality) instead of posting another one."""
    original = b.world.messages.get(state.original_id or 0)
    if original is None or not int(original["flags"]) & LOADING:
        return None
    messages.edit(b.world, original, {k: v for k, v in body.items() if k != "flags"})
    original["edited_timestamp"] = None  # filled, not edited: Discord shows no "(edited)"
    if files:
        original["attachments"] = [*original["attachments"], *b.attachments(body, files)]
    if not int(original["flags"]) & EPHEMERAL:
        await b.gateway.dispatch_message("MESSAGE_UPDATE", original)
    return original


def _webhook_message(b: Backend, request: web.Request, state: InteractionState) -> JsonDict:
    wanted = request.match_info.get("message_id", "@original")
    message_id = state.original_id if wanted == "@original" else path_id(request, "message_id")
    message = b.world.messages.get(message_id or 0)
    webhook = str(b.world.application.id)
    if message is None:
        raise unknown("Message")
    if message.get("webhook_id") != webhook and int(message["id"]) != state.message_id:
        raise unknown("Message")
    return message


async def get_webhook_message(request: web.Request) -> web.Response:
    b = backend(request)
    return json_response(_webhook_message(b, request, _by_webhook_url(b, request)))


async def edit_webhook_message(request: web.Request) -> web.Response:
    b = backend(request)
    state = _by_webhook_url(b, request)
    message = _webhook_message(b, request, state)
    # Named by the URL the bot used: a followup that filled the deferred message shares its
    # ID, and the bot edits it by that ID, as any followup, not as ``@original``.
    kind = "edit_original" if request.match_info.get("message_id") is None else "edit"
    route = route_key(request)[0]
    body, files = await read_body(request)
    record: dict[str, Any] = {"channel_id": state.channel_id, "interaction_id": state.id}
    problems = validation.message_problems(body)
    if problems:
        rejected = Reject(400, validation.form_error(problems))
        b.record(kind, route, body, status=400, error=rejected.body, **record)
        raise rejected
    messages.edit(b.world, message, body)
    if files:
        message["attachments"] = [*message["attachments"], *b.attachments(body, files)]
    b.record(kind, route, body, message=message, files=tuple(files), **record)
    if not int(message["flags"]) & EPHEMERAL:
        await b.gateway.dispatch_message("MESSAGE_UPDATE", message)
    return json_response(message)


async def delete_webhook_message(request: web.Request) -> web.Response:
    b = backend(request)
    state = _by_webhook_url(b, request)
    message = _webhook_message(b, request, state)
    del b.world.messages[int(message["id"])]
    route = route_key(request)[0]
    b.record(
        "delete", route, {}, message=message, channel_id=state.channel_id, interaction_id=state.id
    )
    return no_content()


def add_routes(app: web.Application) -> None:
    r = app.router
    r.add_post("/api/v10/interactions/{webhook_id}/{webhook_token}/callback", callback)
    r.add_post(WEBHOOK, followup)
    for tail in ("/messages/@original", "/messages/{message_id}"):
        r.add_get(WEBHOOK + tail, get_webhook_message)
        r.add_patch(WEBHOOK + tail, edit_webhook_message)
        r.add_delete(WEBHOOK + tail, delete_webhook_message)

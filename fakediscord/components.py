"""Message components: buttons and select menus on messages, and users pressing them.

Discord checks a message's components when it is sent or edited (up to five action rows, each
of up to five buttons or one select menu, every ``custom_id`` unique) and turns a click into a
MESSAGE_COMPONENT interaction (type 3) that carries the message. The bot answers it with a new
message (callback types 4 and 5), by updating the message in place (7), or by acknowledging it
and editing the message later (6). A user cannot press a disabled component or a link button,
nor pick options a select menu does not offer, so ``build`` refuses those as a client would.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from . import payloads
from .interactions import InteractionState
from .models import JsonDict, User, World

if TYPE_CHECKING:
    from .validation import Problem

ACTION_ROW, BUTTON, STRING_SELECT = 1, 2, 3
USER_SELECT, ROLE_SELECT, MENTIONABLE_SELECT, CHANNEL_SELECT = 5, 6, 7, 8
SELECTS = frozenset({STRING_SELECT, USER_SELECT, ROLE_SELECT, MENTIONABLE_SELECT, CHANNEL_SELECT})
LINK_STYLE, PREMIUM_STYLE = 5, 6

MESSAGE_COMPONENT = 3  # the interaction type of a click
DEFERRED_UPDATE_MESSAGE, UPDATE_MESSAGE = 6, 7  # callback types only components may use

MAX_ROWS = 5
MAX_BUTTONS_PER_ROW = 5
CUSTOM_ID_MAX = 100
LABEL_MAX = 80
PLACEHOLDER_MAX = 150
OPTIONS_MAX = 25
OPTION_TEXT_MAX = 100


def problems(components: Sequence[Mapping[str, Any]]) -> list[Problem]:
    """Discord's form errors for a message's ``components`` (classic action rows)."""
    found: list[Problem] = []
    if len(components) > MAX_ROWS:
        found.append((("components",), "BASE_TYPE_MAX_LENGTH", f"Must be {MAX_ROWS} or fewer."))
    seen: set[str] = set()
    for r, row in enumerate(components):
        at: tuple[str, ...] = ("components", str(r))
        if row.get("type") != ACTION_ROW:
            found.append((at, "COMPONENT_LAYOUT_INVALID", "Top-level components must be rows."))
            continue
        children = list(row.get("components") or [])
        selects = sum(child.get("type") in SELECTS for child in children)
        if not children:
            found.append((at, "BASE_TYPE_MIN_LENGTH", "Must be 1 or more in length."))
        elif selects and len(children) > 1:
            found.append((at, "COMPONENT_LAYOUT_WIDTH_EXCEEDED", "A select menu fills its row."))
        elif len(children) > MAX_BUTTONS_PER_ROW:
            found.append((at, "COMPONENT_LAYOUT_WIDTH_EXCEEDED", "At most 5 buttons a row."))
        for c, child in enumerate(children):
            found.extend(_child_problems(child, (*at, "components", str(c)), seen))
    return found


def _child_problems(child: Mapping[str, Any], at: tuple[str, ...], seen: set[str]) -> list[Problem]:
    found: list[Problem] = []
    kind = child.get("type")
    if kind not in SELECTS and kind != BUTTON:
        return [((*at, "type"), "COMPONENT_TYPE_INVALID", f"Invalid component type {kind}.")]
    custom_id = child.get("custom_id")
    interactive = not (kind == BUTTON and child.get("style") in (LINK_STYLE, PREMIUM_STYLE))
    if interactive:
        if not isinstance(custom_id, str) or not custom_id:
            found.append(((*at, "custom_id"), "BASE_TYPE_REQUIRED", "This field is required"))
        elif len(custom_id) > CUSTOM_ID_MAX:
            found.append(_too_long((*at, "custom_id"), CUSTOM_ID_MAX))
        elif custom_id in seen:
            found.append(
                ((*at, "custom_id"), "COMPONENT_CUSTOM_ID_DUPLICATED", "Duplicate custom_id.")
            )
        else:
            seen.add(custom_id)
    if kind == BUTTON:
        if len(str(child.get("label") or "")) > LABEL_MAX:
            found.append(_too_long((*at, "label"), LABEL_MAX))
        if child.get("style") == LINK_STYLE and not child.get("url"):
            found.append(((*at, "url"), "BASE_TYPE_REQUIRED", "This field is required"))
        return found
    if len(str(child.get("placeholder") or "")) > PLACEHOLDER_MAX:
        found.append(_too_long((*at, "placeholder"), PLACEHOLDER_MAX))
    if kind == STRING_SELECT:
        options = list(child.get("options") or [])
        if not 1 <= len(options) <= OPTIONS_MAX:
            found.append(
                ((*at, "options"), "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 25 in length.")
            )
        for o, option in enumerate(options):
            for key in ("label", "value", "description"):
                if len(str(option.get(key) or "")) > OPTION_TEXT_MAX:
                    found.append(_too_long((*at, "options", str(o), key), OPTION_TEXT_MAX))
        low, high = int(child.get("min_values", 1)), int(child.get("max_values", 1))
        if not 0 <= low <= high <= max(1, len(options)):
            found.append(
                ((*at, "max_values"), "BASE_TYPE_BAD_LENGTH", "min_values/max_values out of range.")
            )
    return found


def _too_long(path: tuple[str, ...], limit: int) -> Problem:
    return (path, "BASE_TYPE_MAX_LENGTH", f"Must be {limit} or fewer in length.")


def walk(components: Sequence[Mapping[str, Any]]) -> Iterator[Mapping[str, Any]]:
    """Every component of a message, rows and what they hold, depth first."""
    for component in components:
        yield component
        yield from walk(component.get("components") or [])
        if component.get("accessory"):
            yield from walk([component["accessory"]])


def find(message: Mapping[str, Any], custom_id: str) -> Mapping[str, Any]:
    """The interactive component ``custom_id`` of ``message``; LookupError names the others."""
    interactive = [c for c in walk(message.get("components") or []) if "custom_id" in c]
    for component in interactive:
        if component["custom_id"] == custom_id:
            return component
    offered = [c["custom_id"] for c in interactive]
    raise LookupError(f"message {message['id']} has no component {custom_id!r}; it has {offered}")


def interaction_data(
    component: Mapping[str, Any], values: Sequence[str] | None, *, checked: bool = True
) -> JsonDict:
    """``data`` of the click: what was pressed and, for a select menu, what was picked.

    ``checked=False`` lets through a select's values a client would refuse to send.
    """
    kind = component.get("type")
    custom_id = component["custom_id"]
    if component.get("disabled"):
        raise ValueError(f"{custom_id!r} is disabled: Discord does not let a user use it")
    if kind == BUTTON:
        if component.get("style") in (LINK_STYLE, PREMIUM_STYLE):
            raise ValueError(f"{custom_id!r} opens a link or a store page; it sends no interaction")
        if values is not None:
            raise ValueError(f"{custom_id!r} is a button; it takes no values")
        return {"custom_id": custom_id, "component_type": BUTTON}
    if kind not in SELECTS:
        raise ValueError(f"{custom_id!r} (type {kind}) cannot be used")
    picked = list(values or [])
    if not checked:
        return {"custom_id": custom_id, "component_type": kind, "values": picked}
    low, high = int(component.get("min_values", 1)), int(component.get("max_values", 1))
    if not low <= len(picked) <= high:
        raise ValueError(f"{custom_id!r} takes {low} to {high} values, not {len(picked)}")
    if kind == STRING_SELECT:
        offered = [str(option["value"]) for option in component.get("options") or []]
        strangers = [value for value in picked if value not in offered]
        if strangers:
            raise ValueError(f"{custom_id!r} offers {offered}, not {strangers}")
    return {"custom_id": custom_id, "component_type": kind, "values": picked}


def build(
    world: World,
    message: JsonDict,
    user: User,
    custom_id: str,
    values: Sequence[str] | None = None,
    *,
    checked: bool = True,
) -> tuple[JsonDict, InteractionState]:
    """The INTERACTION_CREATE body for ``user`` using ``custom_id`` on ``message``."""
    channel = world.channels[int(message["channel_id"])]
    data = interaction_data(find(message, custom_id), values, checked=checked)
    state = InteractionState(
        id=world.snowflakes.next(),
        token=f"aW50ZXJhY3Rpb24{secrets.token_urlsafe(48)}",
        type=MESSAGE_COMPONENT,
        channel_id=channel.id,
        guild_id=channel.guild_id or 0,
        user_id=user.id,
        command_name=custom_id,
        created=time.monotonic(),
        message_id=int(message["id"]),
    )
    payload: JsonDict = {
        "id": str(state.id),
        "application_id": str(world.application.id),
        "type": MESSAGE_COMPONENT,
        "data": data,
        "channel_id": str(channel.id),
        "message": dict(message),
        "token": state.token,
        "version": 1,
        "app_permissions": str(world.permissions_in(channel, world.bot)),
        "locale": "en-US",
        "entitlements": [],
        "attachment_size_limit": 10 * 1024 * 1024,
    }
    if channel.is_dm:
        if user.id != channel.recipient_id:
            raise ValueError(f"{user.username} cannot see DM {channel.id}")
        payload.update(
            user=payloads.user(user),
            channel=payloads.dm_channel(channel, user),
            context=1,
            authorizing_integration_owners={"1": str(user.id)},
        )
        return payload, state
    guild = world.guild_of(channel)
    member = guild.members.get(user.id)
    if member is None:
        raise ValueError(f"{user.username} is not a member of {guild.name}")
    payload.update(
        guild_id=str(guild.id),
        guild={"id": str(guild.id), "locale": "en-US", "features": []},
        guild_locale="en-US",
        channel=payloads.channel(channel),
        member=payloads.member(member, permissions=world.permissions_in(channel, user)),
        context=0,
        authorizing_integration_owners={"0": str(guild.id)},
    )
    return payload, state

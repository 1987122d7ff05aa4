"""Modals: a form the bot opens in answer to a click or a command (callback 9), and the
user's submission of it (a MODAL_SUBMIT interaction, type 5).

Discord checks the form when it is opened (a title of up to 45 characters, a ``custom_id``,
one to five rows each holding one text input with a label of up to 45 characters and a
``custom_id``) and sends back, on submit, each input's ``custom_id`` and ``value``. A user
cannot leave a required input empty nor type past ``max_length``, so ``submission`` refuses
those as a client would.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from .interactions import InteractionState
from .models import JsonDict

if TYPE_CHECKING:
    from .validation import Problem

MODAL_SUBMIT = 5
ACTION_ROW, TEXT_INPUT, LABEL = 1, 4, 18
TITLE_MAX = LABEL_MAX = 45
CUSTOM_ID_MAX = 100
VALUE_MAX = 4000


def problems(data: Mapping[str, Any]) -> list[Problem]:
    """Discord's form errors for the ``data`` of a modal callback."""
    found: list[Problem] = []
    title = str(data.get("title") or "")
    if not 1 <= len(title) <= TITLE_MAX:
        found.append((("title",), "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 45 in length."))
    custom_id = str(data.get("custom_id") or "")
    if not 1 <= len(custom_id) <= CUSTOM_ID_MAX:
        found.append(
            (("custom_id",), "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.")
        )
    rows = list(data.get("components") or [])
    if not 1 <= len(rows) <= 5:
        found.append((("components",), "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 5."))
    for r, row in enumerate(rows):
        at = ("components", str(r))
        inputs = _inputs_of(row)
        if len(inputs) != 1:
            found.append((at, "COMPONENT_LAYOUT_INVALID", "A row holds one text input."))
            continue
        field, label = inputs[0]
        if field.get("type") != TEXT_INPUT or not field.get("custom_id"):
            found.append((at, "COMPONENT_TYPE_INVALID", "Modals hold text inputs."))
        if not 1 <= len(label) <= LABEL_MAX:
            found.append(((*at, "label"), "BASE_TYPE_BAD_LENGTH", "Must be 1 to 45 long."))
    return found


def _inputs_of(row: Mapping[str, Any]) -> list[tuple[Mapping[str, Any], str]]:
    """The text inputs of a row (classic action row, or a label wrapping one)."""
    if row.get("type") == LABEL and isinstance(row.get("component"), Mapping):
        return [(row["component"], str(row.get("label") or ""))]
    if row.get("type") == ACTION_ROW:
        return [(c, str(c.get("label") or "")) for c in row.get("components") or []]
    return []


def inputs(modal: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    return [field for row in modal.get("components") or [] for field, _ in _inputs_of(row)]


def submission(modal: Mapping[str, Any], values: Mapping[str, str]) -> JsonDict:
    """``data`` of the MODAL_SUBMIT for ``values`` by input ``custom_id`` or label."""
    fields = inputs(modal)
    known = {str(f["custom_id"]) for f in fields} | {str(f.get("label")) for f in fields}
    unknown = set(values) - known
    if unknown:
        raise ValueError(f"the form has no input {sorted(unknown)}; it has {sorted(known)}")
    rows = []
    for field in fields:
        value = values.get(str(field["custom_id"]), values.get(str(field.get("label")), ""))
        if field.get("required", True) and not value:
            raise ValueError(f"{field.get('label')!r} is required: Discord would not submit it")
        longest = int(field.get("max_length") or VALUE_MAX)
        if len(value) > longest:
            raise ValueError(f"{field.get('label')!r} takes {longest} characters at most")
        component = {"type": TEXT_INPUT, "custom_id": field["custom_id"], "value": value}
        rows.append({"type": ACTION_ROW, "components": [component]})
    return {"custom_id": modal["custom_id"], "components": rows}


def build(
    opened_by: JsonDict,
    state_of_opener: InteractionState,
    modal: Mapping[str, Any],
    values: Mapping[str, str],
    snowflake: int,
) -> tuple[JsonDict, InteractionState]:
    """The INTERACTION_CREATE body of submitting ``modal``, opened in answer to the
    interaction ``opened_by``: same user, channel and (for a click) message."""
    data = submission(modal, values)
    state = InteractionState(
        id=snowflake,
        token=f"aW50ZXJhY3Rpb24{secrets.token_urlsafe(48)}",
        type=MODAL_SUBMIT,
        channel_id=state_of_opener.channel_id,
        guild_id=state_of_opener.guild_id,
        user_id=state_of_opener.user_id,
        command_name=str(modal["custom_id"]),
        created=time.monotonic(),
        message_id=state_of_opener.message_id,
    )
    keep = (
        "application_id",
        "channel_id",
        "channel",
        "guild_id",
        "guild",
        "member",
        "user",
        "app_permissions",
        "locale",
        "guild_locale",
        "entitlements",
        "context",
        "authorizing_integration_owners",
        "attachment_size_limit",
        "message",
    )
    payload: JsonDict = {key: opened_by[key] for key in keep if key in opened_by}
    payload.update(id=str(state.id), type=MODAL_SUBMIT, data=data, token=state.token, version=1)
    return payload, state


def opened(sent: Sequence[Any], interaction_id: int) -> Mapping[str, Any]:
    """The form the bot opened in answer to ``interaction_id`` (its ``data``)."""
    for item in reversed(sent):
        if item.kind == "modal" and item.interaction_id == interaction_id and item.delivered:
            return dict(item.payload)
    raise LookupError(f"the bot opened no form in answer to interaction {interaction_id}")

"""Discord's message and embed limits, as data: every reply is measured against these."""

from __future__ import annotations

CONTENT = 2000
EMBED_TITLE = 256
EMBED_DESCRIPTION = 4096
EMBED_FIELDS = 25
FIELD_NAME = 256
FIELD_VALUE = 1024
FOOTER = 2048
EMBED_TOTAL = 6000
SELECT_OPTIONS = 25
SELECT_OPTION_TEXT = 100  # an option's label, value and description each

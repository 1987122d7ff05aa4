"""Whom citebot's messages may ping: no one.

What it sends quotes the articles and the asker ("@everyone" in a corpus file, a role mention
in a question), and Discord pings whoever a message names unless told not to. The client
takes this as its default, and every send, reply and edit passes it too: an interaction's
response and a webhook's followup do not all fall back on the client's default.
"""

from __future__ import annotations

import discord

NO_PINGS = discord.AllowedMentions.none()

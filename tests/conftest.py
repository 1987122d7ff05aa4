"""Fixtures shared by the whole suite: the Discord-compatible test server and its guild, and
the bot running against them on a copy of the seeds."""

pytest_plugins = ["discord_fixtures", "bot_fixtures"]

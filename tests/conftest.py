"""Fixtures shared by the whole suite: the Discord-compatible test server and its guild."""

pytest_plugins = ["discord_fixtures"]

"""``citebot playground``: the real bot on a local Discord-compatible server, in a browser page.

The ``fakediscord`` server stands in for Discord, citebot connects to it exactly as
``citebot run`` connects to Discord, and a small aiohttp site on 127.0.0.1 shows one
channel of that server as Discord would, for anyone to type in as a member, a moderator
or the owner.
"""

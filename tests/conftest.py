"""Fixtures shared by the whole suite: the Discord-compatible test server and its guild, and
the bot running against them on a copy of the seeds; and hypothesis's profiles.

``quick`` (the default) tries a tenth of each property test's examples, so that the README's
test command takes under two minutes on two cores; ``ci`` (``HYPOTHESIS_PROFILE=ci``, set by
``.ci/run``) tries them all (``helpers.examples``).
"""

import os

from hypothesis import settings

settings.register_profile("quick", max_examples=20, deadline=None)
settings.register_profile("ci", max_examples=100, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "quick"))

pytest_plugins = ["discord_fixtures", "bot_fixtures"]

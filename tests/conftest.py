"""Fixtures shared by the whole suite: the Discord-compatible test server and its guild, and
the bot running against them on a copy of the seeds; and hypothesis's profiles.

``quick`` (the default) tries a tenth of each property test's examples, so that the README's
test command takes under two minutes on two cores; ``ci`` (``HYPOTHESIS_PROFILE=ci``, set by
``.ci/run``) tries them all (``helpers.examples``).

A bot started with the default settings keeps its question log under ``$XDG_STATE_HOME``:
the suite points that at a folder of its own, so no test writes to the user's real log.
"""

import atexit
import os
import shutil
import tempfile

from hypothesis import settings

# What citebot saves between processes (retrieval.cache) goes to a folder of this run's own,
# never the user's: each run starts with an empty cache, and the suite's children share it, as
# do its pytest-xdist workers (started after this ran, with this environment; the process that
# made the folder removes it).
if "PYTEST_XDIST_WORKER" in os.environ and "SUITE_CACHE_HOME" in os.environ:
    os.environ["XDG_CACHE_HOME"] = os.environ["SUITE_CACHE_HOME"]
else:
    os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="citebot-tests-cache-")
    os.environ["SUITE_CACHE_HOME"] = os.environ["XDG_CACHE_HOME"]
    atexit.register(shutil.rmtree, os.environ["XDG_CACHE_HOME"], True)

settings.register_profile("quick", max_examples=20, deadline=None)
settings.register_profile("ci", max_examples=100, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "quick"))

_state = tempfile.mkdtemp(prefix="citebot-test-state-")
os.environ["XDG_STATE_HOME"] = _state
atexit.register(shutil.rmtree, _state, ignore_errors=True)

pytest_plugins = ["discord_fixtures", "bot_fixtures", "cli_helpers", "seed_fixtures"]

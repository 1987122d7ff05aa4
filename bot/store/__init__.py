"""citebot's own SQLite database: ``database`` opens it and versions each part's tables;
``questions`` is the question log and the votes on answers.

Another part adds its tables the same way: a module with its own ``COMPONENT`` name and list
of ``MIGRATIONS``, applied by ``Database.migrate`` when it opens (see ``questions``).
"""

from bot.store.database import Database, StoreError
from bot.store.questions import Entry, QuestionLog

__all__ = ["Database", "Entry", "QuestionLog", "StoreError"]

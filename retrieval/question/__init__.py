"""Stage 3, the question: a question in, a ``Query`` out (``query``). Chat rewritten into the
corpus's words (``chat``, ``aliases``), fillers set aside (``fillers``), other forms and
misspellings (``spelling``), how informative each word is (``weights``), the articles it
names (``mentions``) and whether it writes code (``code``)."""

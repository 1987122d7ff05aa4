"""Stage 3, the question: a question in, a ``Query`` out (``query``). Chat rewritten into the
corpus's words (``chat``, ``aliases``), fillers set aside (``fillers``), other forms and
misspellings (``spelling``), how informative each word is (``weights``) and the articles it
names (``mentions``)."""

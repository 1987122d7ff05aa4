"""Stage 6, summaries: the answer's quoted passages and short summary (``answer``), and an
article's point (``article``, with ``cues``, ``location`` and ``coherence``)."""

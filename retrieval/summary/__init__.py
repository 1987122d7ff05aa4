"""Stage 6, summaries: an article's point (``article``, with ``cues``, ``location`` and
``coherence``) and an answer's short summary."""

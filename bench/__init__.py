"""citebot's benchmarks: retrieval and answer quality, summaries, speed, against alternatives.

Run ``python -m bench --help``. Nothing here is imported by the bot.
"""

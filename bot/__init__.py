"""citebot application: the command line and the Discord bot around the retrieval library."""

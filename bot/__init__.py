"""citebot application: the command line and the Discord bot around the retrieval library."""

import os

# citebot's numpy work is small (256-wide vectors, a few thousand postings): OpenBLAS's
# threads never speed it up, and starting them, then letting them spin after each call, cost
# a one-off command about a tenth of a second of processor time. Set before numpy is imported;
# a value the user set is kept.
BLAS_THREADS_SET_HERE = "OPENBLAS_NUM_THREADS" not in os.environ
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

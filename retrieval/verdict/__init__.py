"""Stage 5, the verdict: every rule that decides answer, closest or none, and its explanation."""

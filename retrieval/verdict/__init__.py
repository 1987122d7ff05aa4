"""Stage 5, the verdict: every rule that decides answer, closest or none, and its explanation.

``decision.decide`` is the rule, one function over a question's ``Evidence``; ``evidence``
gathers that evidence hit by hit (support, stand-ins, closeness to the articles' subject);
``support`` says how a passage's support adds up; ``asked_for`` what a question asks for (a
time, a quantity, a name, a "which" category) and whether a passage states one; ``settings``
the thresholds.
"""

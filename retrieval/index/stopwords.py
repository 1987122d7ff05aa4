"""English stop words: the common function words that say nothing about a question's topic."""

from __future__ import annotations

# The classic list shared by NLTK and many IR systems, with the contractions' stems, less the
# stems that are words in their own right ("who won", "Don", "a safe haven", "ma"): the
# tokenizer keeps a contraction whole ("won't"), so those stems only ever stand alone.
ENGLISH_STOP_WORDS: frozenset[str] = frozenset(
    """
    a about above after again against ain all am an and any are aren aren't as at be because
    been before being below between both but by can couldn couldn't d did didn didn't do does
    doesn doesn't doing don't down during each few for from further had hadn hadn't has
    hasn hasn't have haven't having he he'd he'll he's her here here's hers herself him
    himself his how how's i i'd i'll i'm i've if in into is isn isn't it it'd it'll it's its
    itself just let's ll m me mightn mightn't more most mustn mustn't my myself needn
    needn't no nor not now o of off on once only or other our ours ourselves out over own re s
    same shan shan't she she'd she'll she's should should've shouldn shouldn't so some such t
    than that that'll that's the their theirs them themselves then there there's these they
    they'd they'll they're they've this those through to too under until up us ve very was wasn
    wasn't we we'd we'll we're we've were weren weren't what what's when when's where where's
    which while who who's whom why why's will with won't would wouldn wouldn't y you you'd
    you'll you're you've your yours yourself yourselves
    """.split()
) | frozenset(
    # The same contractions typed without the apostrophe, as chat types them ("whats rule 5",
    # "im using conda"): those at least ten times as frequent in English with it (wordfreq's
    # Zipf scale, 1.0 apart), so that "lets", "ill", "id", "well", "shell" and "wed" stay words.
    """
    arent cant couldnt didnt doesnt dont hadnt hasnt havent hed hes hows im isnt itll ive
    shes shouldnt thats theres theyd theyll theyre theyve wasnt werent weve whats whens wheres
    wont wouldnt youd youll youre youve
    """.split()
)

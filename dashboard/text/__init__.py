"""Persian text: match keys, tokens, sentences and verbs (the only layer that imports hazm), and the outlets
named in a text.
"""

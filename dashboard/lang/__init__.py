"""The language's data: the data files under ``data/`` and their schemas, the taxonomy, cue and word
lists, number words, the alphabet's folding, labels, numbers and dates as each language writes them, and
the package's own errors. Imports nothing else of the package.
"""

"""Extraction: from an article's text to its claims. ``pipeline`` runs the steps in order: figures
(``mentions``), their clause (``clauses``), province (``places``), programme (``programs``), status
(``status``), period (``periods``), the article's own facts (``article_meta``) and
the claims schema (``schema``).
"""

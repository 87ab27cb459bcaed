"""The Streamlit dashboard (the only layer that imports Streamlit): ``main`` sets the page up and hands over
to the pages under ``views/``; cached queries, widgets and URL state live beside it.
"""

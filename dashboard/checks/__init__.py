"""Checks over stored claims: where figures do not add up, restate each other, break a timeline or
disagree with a reference table.
"""

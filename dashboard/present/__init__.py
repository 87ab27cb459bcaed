"""Presentation without Streamlit: the honest aggregation rules, the chart builders, filters, downloads,
ClaimReview.
"""

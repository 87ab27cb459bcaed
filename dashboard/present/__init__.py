"""Presentation without Streamlit: labels and number formatting, the honest aggregation rules, the chart
builders, filters, downloads.
"""

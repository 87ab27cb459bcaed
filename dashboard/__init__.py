"""Persian news claims tracker: extract the figures officials claim, store, chart and check them."""

__version__ = "0.1.0"

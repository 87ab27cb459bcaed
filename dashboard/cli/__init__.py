"""The command line: ``python -m dashboard`` (or ``dashboard``) and one module per command under ``commands``."""

"""Fixtures every test module may use: the two database backends (see ``pg_server.py``)."""

from pg_server import db_target, pg_server, pg_url

__all__ = ["db_target", "pg_server", "pg_url"]

"""The claims database, an SQLite file or PostgreSQL: engine and tables, schema and migrations, ingest (one
process or a pool; several at once on PostgreSQL), export, reviews and reference tables.
"""

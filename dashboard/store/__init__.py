"""The claims database: schema and migrations, ingest (one process or a pool), export, reviews and
reference tables.
"""

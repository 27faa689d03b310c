"""Persistence: peewee models, opening the database, schema migrations."""

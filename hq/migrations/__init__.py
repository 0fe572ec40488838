"""Alembic migrations of the HQ database."""

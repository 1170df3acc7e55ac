"""Alembic migrations of the laptop store; run through fieldtech.store.migrate, never by hand."""

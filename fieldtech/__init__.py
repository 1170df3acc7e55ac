"""FieldTech domain core: models, rules, use cases, the local store and documents (no Qt, no HTTP)."""

__version__ = "0.1.0"

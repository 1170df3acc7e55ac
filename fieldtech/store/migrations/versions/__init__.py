"""Revision files of the laptop store, named `<rev>_<slug>.py`."""

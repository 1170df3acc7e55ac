"""Signing a laptop in to the office: the screen and the work it runs off the GUI thread."""

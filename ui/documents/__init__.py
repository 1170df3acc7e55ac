"""A job's documents in the app: rendering off the GUI thread, preview, printing, saving."""

"""Background sync in the desktop app: the work, its controller, the status area, the conflict inbox."""

"""End of day: money taken, parts used and jobs left open."""

"""Taking an item back to the workshop and returning it, each against a signed receipt."""

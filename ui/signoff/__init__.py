"""Customer sign-off: the signature pad and the dialog that shows the slip before signing."""

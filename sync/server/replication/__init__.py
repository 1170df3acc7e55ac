"""The office end of sync: a commit-ordered change log, push apply, pull by cursor, digests."""

"""A sync session recorded from a protocol-1 laptop, replayed against the current office."""

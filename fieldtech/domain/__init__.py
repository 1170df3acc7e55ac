"""Plain domain vocabulary shared by every part: enums, typed ids, errors."""

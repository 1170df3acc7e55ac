"""The wire between laptop and office: versioned schemas shared by both ends (pydantic only)."""

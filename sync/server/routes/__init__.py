"""One small router per resource; `api_router` gathers those served under /api/v1."""

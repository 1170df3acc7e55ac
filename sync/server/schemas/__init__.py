"""Request and response bodies of the office API, one module per resource."""

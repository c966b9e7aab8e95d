"""Scoring's queries, one module per concern (see each module's docstring)."""

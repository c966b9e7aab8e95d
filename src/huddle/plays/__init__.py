"""Buying stages (where each contact is in their own buying journey, inferred from
indicator touches) and plays (sequences of marketing, sales and success steps keyed to
them)."""

"""Predictive scoring: a model learned from the company's own history (or another system's
export), measured on held-out rows, stored as versions, one active (see docs/PREDICTIVE.md)."""

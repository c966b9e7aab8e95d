"""Nurture workflows: a trigger enrols contacts, a graph of steps (waits, branches,
actions) moves each along, durably, run by the worker in batches."""
